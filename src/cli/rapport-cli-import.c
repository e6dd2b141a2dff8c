/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-cli"

/* rapport-cli import FILE */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-cli-commands.h"
#include "rapport-error.h"
#include "rapport-importer.h"
#include "rapport-json.h"

/* {"new": N, "updated": N, "skipped": N, "invalid": [{"line": N, "reason": "…"}]} */
static JsonNode *
result_to_json (RapportImportResult *result)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  GListModel *invalid = rapport_import_result_get_invalid (result);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "new");
  json_builder_add_int_value (builder, rapport_import_result_get_n_new (result));
  json_builder_set_member_name (builder, "updated");
  json_builder_add_int_value (builder, rapport_import_result_get_n_updated (result));
  json_builder_set_member_name (builder, "skipped");
  json_builder_add_int_value (builder, rapport_import_result_get_n_skipped (result));
  json_builder_set_member_name (builder, "invalid");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (invalid); i++)
    {
      g_autoptr(RapportImportRow) row = g_list_model_get_item (invalid, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "line");
      json_builder_add_int_value (builder, rapport_import_row_get_line (row));
      json_builder_set_member_name (builder, "reason");
      json_builder_add_string_value (builder, rapport_import_row_get_reason (row));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static char *
result_to_text (RapportImportResult *result)
{
  GListModel *invalid = rapport_import_result_get_invalid (result);
  GString *out = g_string_new (NULL);

  /* Translators: the counts of an import: new, updated, skipped, invalid rows */
  g_string_append_printf (out, _("%u new, %u updated, %u skipped, %u invalid"),
                          rapport_import_result_get_n_new (result),
                          rapport_import_result_get_n_updated (result),
                          rapport_import_result_get_n_skipped (result),
                          rapport_import_result_get_n_invalid (result));
  if (rapport_import_result_get_dry_run (result))
    g_string_append_printf (out, " %s", _("(dry run: nothing was changed)"));
  g_string_append_c (out, '\n');
  for (guint i = 0; i < g_list_model_get_n_items (invalid); i++)
    {
      g_autoptr(RapportImportRow) row = g_list_model_get_item (invalid, i);

      /* Translators: an invalid row of an imported file: "line 7: A customer needs a name" */
      g_string_append_printf (out, _("line %u: %s"), rapport_import_row_get_line (row),
                              rapport_import_row_get_reason (row));
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

int
rapport_cli_import (RapportCliContext  *ctx,
                    int                 argc,
                    char              **argv)
{
  gboolean dry_run = FALSE;
  gboolean json = FALSE;
  gboolean new_customers = FALSE;
  g_autofree char *on_duplicate = NULL;
  GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run, N_("Only count what the import would do; change nothing"), NULL },
    { "on-duplicate", 0, 0, G_OPTION_ARG_STRING, &on_duplicate, N_("What a row with the email or phone of a customer does: update (default) or skip"), N_("update|skip") },
    { "new-customers", 0, 0, G_OPTION_ARG_NONE, &new_customers, N_("Open a “new customer” follow-up for each new customer"), NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new (_("FILE"));
  g_autoptr(RapportImporter) importer = NULL;
  g_autoptr(RapportImportResult) result = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int status;

  g_option_context_set_summary (options, _("Imports customers from a CSV file (comma, semicolon "
                                           "or tab separated, with a heading row) or a vCard "
                                           "file, in one transaction."));
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!rapport_cli_parse (ctx, options, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return rapport_cli_usage (ctx, _("usage: import FILE [--dry-run] [--on-duplicate update|skip] "
                                     "[--new-customers] [--json]"));

  file = g_file_new_for_commandline_arg (argv[1]);
  importer = rapport_importer_new (ctx->store, file);
  if (on_duplicate == NULL || g_str_equal (on_duplicate, "update"))
    rapport_importer_set_on_duplicate (importer, RAPPORT_ON_DUPLICATE_UPDATE);
  else if (g_str_equal (on_duplicate, "skip"))
    rapport_importer_set_on_duplicate (importer, RAPPORT_ON_DUPLICATE_SKIP);
  else
    return rapport_cli_usage (ctx, _("--on-duplicate: “%s” is neither update nor skip"),
                              on_duplicate);
  rapport_importer_set_open_new_follow_ups (importer, new_customers);

  if (dry_run)
    result = rapport_importer_preview (importer, NULL, &error);
  else
    result = rapport_importer_run (importer, NULL, NULL, NULL, &error);
  if (result == NULL)
    return rapport_cli_fail (ctx, error);

  if (json)
    {
      g_autoptr(JsonNode) node = result_to_json (result);
      text = rapport_json_to_string (node);
    }
  else
    {
      text = result_to_text (result);
    }
  rapport_cli_print (text);
  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-cli"

/* rapport-cli flag | unflag | corrected | move */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-cli-commands.h"
#include "rapport-error.h"

static gboolean
parse_situation (const char        *text,
                 RapportSituation  *out,
                 GError           **error)
{
  if (rapport_situation_from_key (text, out))
    return TRUE;
  g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
               _("“%s” is not a situation; use one of: %s"), text,
               rapport_situation_valid_keys ());
  return FALSE;
}

int
rapport_cli_flag (RapportCliContext  *ctx,
                  int                 argc,
                  char              **argv)
{
  g_autofree char *note = NULL;
  g_autofree char *date_text = NULL;
  GOptionEntry entries[] = {
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("Why the call is needed"), N_("TEXT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("The flag’s date (default: today)"), N_("DATE") },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new (_("ID SITUATION"));
  g_autoptr(GError) error = NULL;
  RapportSituation situation;
  GDate date;
  int status;

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!rapport_cli_parse (ctx, options, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return rapport_cli_usage (ctx, _("usage: flag ID SITUATION [--note TEXT] [--date DATE]; SITUATION: %s"),
                              rapport_situation_valid_keys ());
  if (!parse_situation (argv[2], &situation, &error) ||
      !rapport_cli_date ("--date", date_text, &date, &error) ||
      !rapport_store_flag (ctx->store, argv[1], situation, note,
                           g_date_valid (&date) ? &date : NULL, &error))
    return rapport_cli_fail (ctx, error);
  return 0;
}

int
rapport_cli_unflag (RapportCliContext  *ctx,
                    int                 argc,
                    char              **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (_("ID SITUATION"));
  g_autoptr(GError) error = NULL;
  RapportSituation situation;
  int status;

  if (!rapport_cli_parse (ctx, options, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return rapport_cli_usage (ctx, _("usage: unflag ID SITUATION; SITUATION: %s"),
                              rapport_situation_valid_keys ());
  if (!parse_situation (argv[2], &situation, &error) ||
      !rapport_store_unflag (ctx->store, argv[1], situation, &error))
    return rapport_cli_fail (ctx, error);
  return 0;
}

int
rapport_cli_corrected (RapportCliContext  *ctx,
                       int                 argc,
                       char              **argv)
{
  g_autofree char *note = NULL;
  g_autofree char *date_text = NULL;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("When the problem was fixed (default: today)"), N_("DATE") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("What was done"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new (_("ID"));
  g_autoptr(GError) error = NULL;
  GDate date;
  int status;

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!rapport_cli_parse (ctx, options, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return rapport_cli_usage (ctx, _("usage: corrected ID [--date DATE] [--note TEXT]"));
  if (!rapport_cli_date ("--date", date_text, &date, &error) ||
      !rapport_store_mark_corrected (ctx->store, argv[1], g_date_valid (&date) ? &date : NULL,
                                     note, &error))
    return rapport_cli_fail (ctx, error);
  return 0;
}

int
rapport_cli_move (RapportCliContext  *ctx,
                  int                 argc,
                  char              **argv)
{
  g_autofree char *to_text = NULL;
  GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("The new day of the call"), N_("DATE") },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new (_("ID"));
  g_autoptr(GError) error = NULL;
  GDate to;
  int status;

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!rapport_cli_parse (ctx, options, &argc, &argv, &status))
    return status;
  if (argc != 2 || to_text == NULL)
    return rapport_cli_usage (ctx, _("usage: move ID --to DATE"));
  if (!rapport_cli_date ("--to", to_text, &to, &error) ||
      !rapport_store_move (ctx->store, argv[1], &to, &error))
    return rapport_cli_fail (ctx, error);
  return 0;
}

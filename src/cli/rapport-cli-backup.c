/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-cli"

/* rapport-cli backup [FILE] | restore FILE */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-backup.h"
#include "rapport-cli-commands.h"
#include "rapport-error.h"

int
rapport_cli_backup (RapportCliContext  *ctx,
                    int                 argc,
                    char              **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (_("[FILE]"));
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *line = NULL;
  int status;

  g_option_context_set_summary (options,
                                _("Back the database up into FILE, or into the backups folder next to it."));
  if (!rapport_cli_parse (ctx, options, &argc, &argv, &status))
    return status;
  if (argc > 2)
    return rapport_cli_usage (ctx, _("usage: backup [FILE]"));

  written = rapport_backup_now (ctx->store, argc == 2 ? argv[1] : NULL, &error);
  if (written == NULL)
    return rapport_cli_fail (ctx, error);
  line = g_strdup_printf (_("Backed up to %s\n"), written);
  rapport_cli_print (line);
  return 0;
}

int
rapport_cli_restore (RapportCliContext  *ctx,
                     int                 argc,
                     char              **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (_("FILE"));
  g_autoptr(GError) error = NULL;
  g_autofree char *default_path = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  const char *database;
  int status;

  g_option_context_set_summary (options,
                                _("Replace the database with the backup FILE, after checking it. "
                                  "The current database is kept as a backup first."));
  if (!rapport_cli_parse (ctx, options, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return rapport_cli_usage (ctx, _("usage: restore FILE"));

  database = ctx->database ? ctx->database : (default_path = rapport_store_default_path ());
  if (!rapport_backup_restore (database, argv[1], &ctx->today, &kept, &error))
    {
      /* A file that cannot be restored is bad input, like a wrong argument. */
      if (error->domain == RAPPORT_ERROR &&
          (error->code == RAPPORT_ERROR_CORRUPT || error->code == RAPPORT_ERROR_NEWER_SCHEMA))
        {
          rapport_cli_fail (ctx, error);
          return RAPPORT_CLI_EXIT_INPUT;
        }
      return rapport_cli_fail (ctx, error);
    }

  g_string_append_printf (out, _("Restored %s from %s\n"), database, argv[1]);
  if (kept != NULL)
    g_string_append_printf (out, _("The previous database was kept as %s\n"), kept);
  rapport_cli_print (out->str);
  return 0;
}

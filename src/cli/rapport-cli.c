/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "rapport-backup.h"
#include "rapport-cli-commands.h"
#include "rapport-date.h"
#include "rapport-error.h"

typedef struct {
  const char *name;
  RapportCliCommand run;
  gboolean needs_store;
  const char *summary;
} Command;

/* Components add their commands here (name, function, whether it opens the database). */
static const Command commands[] = {
  { "customer", rapport_cli_customer, TRUE, N_("add, edit, delete, show or list customers") },
  { "flag", rapport_cli_flag, TRUE, N_("flag a follow-up situation for a customer") },
  { "unflag", rapport_cli_unflag, TRUE, N_("stop an open follow-up (closes it as cancelled)") },
  { "corrected", rapport_cli_corrected, TRUE, N_("mark a waiting nothing-went-right problem as fixed") },
  { "move", rapport_cli_move, TRUE, N_("move a customer’s due call to another day") },
  { "agenda", rapport_cli_agenda, TRUE, N_("the calls due on a day") },
  { "log", rapport_cli_log, TRUE, N_("log a call and its outcome") },
  { "history", rapport_cli_history, TRUE, N_("the calls made to a customer") },
  { "import", rapport_cli_import, TRUE, N_("import customers from a CSV or vCard file") },
  { "export", rapport_cli_export, TRUE, N_("export customers, calls or follow-ups as CSV, the agenda as iCalendar") },
  { "backup", rapport_cli_backup, TRUE, N_("back the database up now") },
  { "restore", rapport_cli_restore, FALSE, N_("replace the database with a checked backup") },
  { "summary", rapport_cli_summary, TRUE, N_("the weekly satisfaction summary as JSON, CSV or PDF, or sent to the webhook") },
};

static char *
describe_commands (void)
{
  GString *s = g_string_new (_("Commands:"));

  g_string_append_c (s, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (s, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
  return g_string_free (s, FALSE);
}

static gboolean
is_real_today (const GDate *day)
{
  GDate real_today;

  rapport_date_set_today (&real_today);
  return g_date_compare (day, &real_today) == 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  g_autofree char *today = NULL;
  g_autofree char *staff = NULL;
  g_autofree char *description = NULL;
  RapportCliContext ctx = { 0 };
  const Command *command = NULL;
  const char *localedir;
  int status;
  GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, N_("The database file (default: ~/.local/share/rapport/rapport.db)"), N_("FILE") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today, N_("Use this date as today, for planning and tests"), N_("YYYY-MM-DD") },
    { "staff", 0, 0, G_OPTION_ARG_STRING, &staff, N_("Who makes the calls (default: your real name)"), N_("NAME") },
    { NULL }
  };

  setlocale (LC_ALL, "");
  /* Under cron, systemd or `env -i` the locale is C, whose charset is
   * ASCII: GOption would refuse "Müller GmbH". Text is UTF-8 there too. */
  if (!g_get_charset (NULL))
    {
      const char *ctype = setlocale (LC_CTYPE, NULL);

      if (ctype != NULL && (g_str_equal (ctype, "C") || g_str_equal (ctype, "POSIX")))
        setlocale (LC_CTYPE, "C.UTF-8");
    }
  localedir = g_getenv ("RAPPORT_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  ctx.prog = "rapport-cli";

  options = g_option_context_new (_("COMMAND [ARGUMENTS…] — plan and log service follow-up calls"));
  g_option_context_set_translation_domain (options, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  /* Stop at the command: what follows belongs to it. */
  g_option_context_set_strict_posix (options, TRUE);
  description = describe_commands ();
  g_option_context_set_description (options, description);
  if (!g_option_context_parse (options, &argc, &argv, &error))
    return rapport_cli_fail (&ctx, error);

  if (argc < 2)
    {
      g_autofree char *help = g_option_context_get_help (options, TRUE, NULL);
      g_printerr ("%s", help);
      return RAPPORT_CLI_EXIT_INPUT;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_str_equal (argv[1], commands[i].name))
      command = &commands[i];
  if (command == NULL)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        g_string_append_printf (names, "%s%s", i ? ", " : "", commands[i].name);
      return rapport_cli_usage (&ctx, _("unknown command “%s”; the commands are: %s"),
                                argv[1], names->str);
    }

  g_date_clear (&ctx.today, 1);
  if (today != NULL && !rapport_cli_date ("--today", today, &ctx.today, &error))
    return rapport_cli_fail (&ctx, error);
  if (!g_date_valid (&ctx.today))
    rapport_date_set_today (&ctx.today);
  ctx.database = database;

  if (command->needs_store)
    {
      ctx.store = rapport_store_open (database, &error);
      if (ctx.store == NULL)
        return rapport_cli_fail (&ctx, error);
      rapport_store_set_today (ctx.store, &ctx.today);
      if (staff != NULL)
        rapport_store_set_staff (ctx.store, staff);
      /* The first use of the day keeps a copy; a failure must not stop the
       * command. Not on a --today that is not today: planning ahead would
       * name copies after days to come and rotate real ones away. */
      if (is_real_today (&ctx.today) && !rapport_backup_run_daily (ctx.store, &error))
        {
          g_printerr (_("%s: warning: %s\n"), ctx.prog, error->message);
          g_clear_error (&error);
        }
    }

  status = command->run (&ctx, argc - 1, argv + 1);
  g_clear_object (&ctx.store);
  /* A script must learn that it did not get the id or the list it asked
   * for (a full disk, a closed pipe). */
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      g_printerr ("%s: %s\n", ctx.prog, _("Writing to the standard output failed"));
      if (status == 0)
        status = RAPPORT_CLI_EXIT_FAILURE;
    }
  return status;
}

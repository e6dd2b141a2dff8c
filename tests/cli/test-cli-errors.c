/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-cli-test"

/* Bad input (issue 2, section 5): one line on stderr naming what is wrong,
 * exit status 2, nothing on stdout, and the database exactly as before. */

#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "cli-test-util.h"

#define UNKNOWN_ID "3f2504e0-4f89-11d3-9a0c-0305e82c3301"

/* A database with something in every table, so that any write would show. */
static CliTest *
populated (char **id_out)
{
  CliTest *t = cli_test_new ("2026-11-20");
  g_autofree char *id = cli_add_customer (t, "Ada Lovelace", "--phone", "+44 20 7946 0000",
                                          "--company", "Engines", "--note", "Prefers mornings", NULL);
  g_autofree char *cy = cli_add_customer (t, "Cy Leak", "--no-follow-up", NULL);

  cli_do (t, "flag", id, "irate", "--note", "Charged twice", NULL);
  cli_do (t, "flag", cy, "nothing-went-right", "--note", "Leak", NULL);
  cli_test_set_today (t, "2026-11-23");
  cli_do (t, "--staff", "Sam", "log", id, "--result", "no-answer", NULL);
  cli_test_set_today (t, "2026-11-24");
  *id_out = g_steal_pointer (&id);
  return t;
}

#define FAILS(t, ...) G_STMT_START { \
    g_autofree char *err__ = cli_fails ((t), __VA_ARGS__, NULL); \
    g_test_message ("%s", err__); \
  } G_STMT_END

/* The "database exactly as before" check is only worth something if the dump
 * sees every kind of row. */
static void
test_the_dump_sees_every_table (void)
{
  g_autofree char *id = NULL;
  g_autoptr(CliTest) t = populated (&id);
  g_autofree char *dump = cli_db_dump (t->db);
  const char *expected[] = { id, "Ada Lovelace", "Prefers mornings", "Charged twice", "Leak",
                             "no-answer", "Sam", "CREATE TABLE follow_ups" };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (dump, expected[i]) == NULL)
      g_error ("the dump lacks “%s”:\n%s", expected[i], dump);
  g_assert_null (strstr (dump, "no such table"));
}

static void
test_unknown_id_is_named (void)
{
  g_autofree char *id = NULL;
  g_autoptr(CliTest) t = populated (&id);
  const char *expected[] = { UNKNOWN_ID, NULL };

  FAILS (t, expected, "customer", "show", UNKNOWN_ID);
  FAILS (t, expected, "customer", "show", UNKNOWN_ID, "--json");
  FAILS (t, expected, "customer", "edit", UNKNOWN_ID, "--phone", "123");
  FAILS (t, expected, "customer", "delete", UNKNOWN_ID);
  FAILS (t, expected, "flag", UNKNOWN_ID, "irate");
  FAILS (t, expected, "unflag", UNKNOWN_ID, "irate");
  FAILS (t, expected, "corrected", UNKNOWN_ID);
  FAILS (t, expected, "log", UNKNOWN_ID, "--result", "no-answer");
  FAILS (t, expected, "log", UNKNOWN_ID, "--result", "reached", "--satisfaction", "4");
  FAILS (t, expected, "history", UNKNOWN_ID);
  FAILS (t, expected, "move", UNKNOWN_ID, "--to", "2026-11-30");
  {
    const char *short_expected[] = { "zzzz", NULL };
    FAILS (t, short_expected, "customer", "show", "zzzz");
  }
}

static void
test_invalid_dates_are_named (void)
{
  g_autofree char *id = NULL;
  g_autoptr(CliTest) t = populated (&id);
  const char *bad[] = { "2026-02-30", "tomorrow", "2026-13-01", "20261124", "" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      const char *since[] = { "--since", bad[i], NULL };
      const char *date[] = { "--date", bad[i], NULL };
      const char *callback[] = { "--callback", bad[i], NULL };
      const char *to[] = { "--to", bad[i], NULL };
      const char *today[] = { "--today", bad[i], NULL };

      g_test_message ("date “%s”", bad[i]);
      FAILS (t, since, "customer", "add", "Grace Hopper", "--since", bad[i]);
      FAILS (t, since, "customer", "edit", id, "--phone", "555", "--since", bad[i]);
      FAILS (t, date, "flag", id, "regular", "--date", bad[i]);
      FAILS (t, date, "corrected", id, "--date", bad[i]);
      FAILS (t, date, "log", id, "--result", "no-answer", "--date", bad[i]);
      FAILS (t, callback, "log", id, "--result", "callback", "--callback", bad[i]);
      FAILS (t, date, "agenda", "--date", bad[i]);
      FAILS (t, date, "agenda", "--date", bad[i], "--json");
      FAILS (t, to, "move", id, "--to", bad[i]);
      /* A later --today replaces the helper's own. */
      FAILS (t, today, "--today", bad[i], "agenda");
      FAILS (t, today, "--today", bad[i], "customer", "add", "Grace Hopper");
    }
}

static void
test_unknown_situation_lists_the_valid_ones (void)
{
  g_autofree char *id = NULL;
  g_autoptr(CliTest) t = populated (&id);
  const char *expected[] = { "angry", "nothing-went-right", "irate", "new", "regular", NULL };

  FAILS (t, expected, "flag", id, "angry");
  FAILS (t, expected, "flag", id, "angry", "--note", "x");
  FAILS (t, expected, "unflag", id, "angry");
  /* Keys are exact. */
  {
    const char *upper[] = { "IRATE", "nothing-went-right", NULL };
    FAILS (t, upper, "flag", id, "IRATE");
  }
}

static void
test_unknown_result_lists_the_valid_ones (void)
{
  g_autofree char *id = NULL;
  g_autoptr(CliTest) t = populated (&id);
  const char *expected[] = { "maybe", "reached", "callback", "no-answer", "voicemail", "wrong-number", NULL };

  FAILS (t, expected, "log", id, "--result", "maybe");
  FAILS (t, expected, "log", id, "--result", "maybe", "--satisfaction", "3");
}

static void
test_satisfaction_out_of_range_names_the_range (void)
{
  g_autofree char *id = NULL;
  g_autoptr(CliTest) t = populated (&id);
  const char *bad[] = { "0", "6", "x", "-1", "3.5", "" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      const char *expected[] = { "--satisfaction", "1 to 5", NULL };
      FAILS (t, expected, "log", id, "--result", "reached", "--satisfaction", bad[i]);
    }
}

static void
test_reached_without_satisfaction_names_the_range (void)
{
  g_autofree char *id = NULL;
  g_autoptr(CliTest) t = populated (&id);
  const char *expected[] = { "satisfaction", "1 to 5", NULL };

  FAILS (t, expected, "log", id, "--result", "reached");
  FAILS (t, expected, "log", id, "--result", "reached", "--problem-persists");
}

static void
test_missing_result_is_named (void)
{
  g_autofree char *id = NULL;
  g_autoptr(CliTest) t = populated (&id);
  const char *expected[] = { "--result", NULL };

  FAILS (t, expected, "log", id);
  FAILS (t, expected, "log", id, "--satisfaction", "4");
}

static void
test_callback_without_date_is_named (void)
{
  g_autofree char *id = NULL;
  g_autoptr(CliTest) t = populated (&id);
  const char *expected[] = { "--callback", NULL };

  FAILS (t, expected, "log", id, "--result", "callback");
}

static void
test_options_that_do_not_fit_the_result_are_refused (void)
{
  g_autofree char *id = NULL;
  g_autoptr(CliTest) t = populated (&id);
  const char *satisfaction[] = { "satisfaction", NULL };
  const char *callback[] = { "callback", NULL };
  const char *persists[] = { "problem persists", NULL };

  FAILS (t, satisfaction, "log", id, "--result", "no-answer", "--satisfaction", "3");
  FAILS (t, callback, "log", id, "--result", "reached", "--satisfaction", "3", "--callback", "2026-12-01");
  FAILS (t, persists, "log", id, "--result", "voicemail", "--problem-persists");
}

static void
test_call_in_the_future_is_refused (void)
{
  g_autofree char *id = NULL;
  g_autoptr(CliTest) t = populated (&id);
  const char *expected[] = { "2026-11-25", NULL };

  /* Today is 2026-11-24. */
  FAILS (t, expected, "log", id, "--result", "reached", "--satisfaction", "4", "--date", "2026-11-25");
}

static void
test_unknown_command_lists_the_commands (void)
{
  g_autofree char *id = NULL;
  g_autoptr(CliTest) t = populated (&id);
  const char *expected[] = { "frobnicate", "customer", "flag", "unflag", "corrected", "move",
                             "agenda", "log", "history", NULL };
  const char *customer[] = { "frob", "add", "edit", "delete", "show", "list", NULL };

  FAILS (t, expected, "frobnicate");
  FAILS (t, expected, "frobnicate", id);
  FAILS (t, customer, "customer", "frob");
}

static void
test_unknown_option_is_named (void)
{
  g_autofree char *id = NULL;
  g_autoptr(CliTest) t = populated (&id);
  const char *expected[] = { "--bogus", NULL };

  FAILS (t, expected, "--bogus", "agenda");
  FAILS (t, expected, "agenda", "--bogus");
  FAILS (t, expected, "customer", "add", "Grace Hopper", "--bogus");
  FAILS (t, expected, "customer", "edit", id, "--phone", "555", "--bogus");
  FAILS (t, expected, "customer", "list", "--bogus");
  FAILS (t, expected, "flag", id, "irate", "--bogus");
  FAILS (t, expected, "log", id, "--result", "reached", "--satisfaction", "4", "--bogus");
  FAILS (t, expected, "move", id, "--to", "2026-11-30", "--bogus");
  /* --no-follow-up belongs to add only. */
  {
    const char *no_follow_up[] = { "--no-follow-up", NULL };
    FAILS (t, no_follow_up, "customer", "edit", id, "--no-follow-up");
  }
}

static void
test_missing_or_extra_arguments_show_the_usage (void)
{
  g_autofree char *id = NULL;
  g_autoptr(CliTest) t = populated (&id);
  const char *usage[] = { "usage", NULL };
  const char *flag_usage[] = { "usage", "SITUATION", NULL };
  const char *move_usage[] = { "usage", "--to", NULL };

  FAILS (t, usage, "customer");
  FAILS (t, usage, "customer", "add");
  FAILS (t, usage, "customer", "add", "Grace", "Hopper");
  FAILS (t, usage, "customer", "show");
  FAILS (t, usage, "customer", "edit");
  FAILS (t, usage, "customer", "delete");
  FAILS (t, flag_usage, "flag", id);
  FAILS (t, flag_usage, "unflag", id);
  FAILS (t, usage, "corrected");
  FAILS (t, usage, "history");
  FAILS (t, usage, "agenda", "extra");
  FAILS (t, usage, "log");
  FAILS (t, move_usage, "move", id);
  FAILS (t, move_usage, "move", "--to", "2026-11-30");
}

static void
test_invalid_customer_values_are_named (void)
{
  g_autofree char *id = NULL;
  g_autoptr(CliTest) t = populated (&id);
  const char *name[] = { "name", NULL };
  const char *cadence[] = { "--cadence", NULL };

  FAILS (t, name, "customer", "add", "");
  FAILS (t, name, "customer", "edit", id, "--name", "");
  FAILS (t, cadence, "customer", "add", "Grace Hopper", "--cadence", "0");
  FAILS (t, cadence, "customer", "add", "Grace Hopper", "--cadence", "ninety");
  FAILS (t, cadence, "customer", "add", "Grace Hopper", "--cadence", "-5");
  /* A bad value after a good one: nothing of the edit is kept. */
  FAILS (t, cadence, "customer", "edit", id, "--phone", "555-0199", "--cadence", "0");
}

static void
test_acting_on_nothing_is_refused (void)
{
  g_autofree char *id = NULL;
  g_autoptr(CliTest) t = populated (&id);
  const char *not_open[] = { "new", NULL };
  const char *not_waiting[] = { "nothing-went-right", NULL };
  g_autofree char *grace = NULL;

  /* Ada's new-customer follow-up is still open; Grace has none at all. */
  grace = cli_add_customer (t, "Grace Hopper", "--no-follow-up", NULL);
  FAILS (t, not_open, "unflag", grace, "new");
  FAILS (t, not_waiting, "corrected", id);
  {
    const char *nothing_due[] = { "move", NULL };
    FAILS (t, nothing_due, "move", grace, "--to", "2026-11-30");
  }
}

/* An export or a summary written onto the database itself would destroy
 * it: refused, the database byte for byte as it was. */
static void
test_an_export_never_replaces_the_database (void)
{
  g_autofree char *id = NULL;
  g_autoptr(CliTest) t = populated (&id);
  const char *is_database[] = { "is a database", NULL };

  FAILS (t, is_database, "export", "customers", "--output", t->db);
  FAILS (t, is_database, "summary", "--output", t->db);
}

/* Output that cannot be written (a full disk here) fails the command: a
 * script must not go on without the id or the list it asked for. */
static void
test_output_that_cannot_be_written_fails (void)
{
  g_autofree char *id = NULL;
  g_autoptr(CliTest) t = populated (&id);
  const char *commands[] = { "customer list", "customer add Grace", "agenda --json" };

  if (!g_file_test ("/dev/full", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("no /dev/full");
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *line = g_strdup_printf ("exec \"$0\" --database \"$1\" --today %s %s > /dev/full",
                                               t->today, commands[i]);
      const char *argv[] = { "/bin/sh", "-c", line, g_getenv ("RAPPORT_CLI"), t->db, NULL };
      g_autofree char *err = NULL;
      g_autoptr(GError) error = NULL;
      int wait_status = 0;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &wait_status, &error);
      g_assert_no_error (error);
      g_assert_true (WIFEXITED (wait_status));
      g_assert_cmpint (WEXITSTATUS (wait_status), ==, 1);
      g_assert_nonnull (strstr (err, "Writing to the standard output failed"));
    }
}

static void
test_move_before_today_is_refused (void)
{
  g_autofree char *id = NULL;
  g_autoptr(CliTest) t = populated (&id);
  const char *expected[] = { "2026-11-23", NULL };

  /* Today is 2026-11-24 and Ada's calls are due. */
  FAILS (t, expected, "move", id, "--to", "2026-11-23");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/errors/output-that-cannot-be-written-fails",
                   test_output_that_cannot_be_written_fails);
  g_test_add_func ("/cli/errors/an-export-never-replaces-the-database",
                   test_an_export_never_replaces_the_database);
  g_test_add_func ("/cli/errors/the-dump-sees-every-table", test_the_dump_sees_every_table);
  g_test_add_func ("/cli/errors/unknown-id-is-named", test_unknown_id_is_named);
  g_test_add_func ("/cli/errors/invalid-dates-are-named", test_invalid_dates_are_named);
  g_test_add_func ("/cli/errors/unknown-situation-lists-the-valid-ones", test_unknown_situation_lists_the_valid_ones);
  g_test_add_func ("/cli/errors/unknown-result-lists-the-valid-ones", test_unknown_result_lists_the_valid_ones);
  g_test_add_func ("/cli/errors/satisfaction-out-of-range-names-the-range", test_satisfaction_out_of_range_names_the_range);
  g_test_add_func ("/cli/errors/reached-without-satisfaction-names-the-range", test_reached_without_satisfaction_names_the_range);
  g_test_add_func ("/cli/errors/missing-result-is-named", test_missing_result_is_named);
  g_test_add_func ("/cli/errors/callback-without-date-is-named", test_callback_without_date_is_named);
  g_test_add_func ("/cli/errors/options-that-do-not-fit-the-result-are-refused", test_options_that_do_not_fit_the_result_are_refused);
  g_test_add_func ("/cli/errors/call-in-the-future-is-refused", test_call_in_the_future_is_refused);
  g_test_add_func ("/cli/errors/unknown-command-lists-the-commands", test_unknown_command_lists_the_commands);
  g_test_add_func ("/cli/errors/unknown-option-is-named", test_unknown_option_is_named);
  g_test_add_func ("/cli/errors/missing-or-extra-arguments-show-the-usage", test_missing_or_extra_arguments_show_the_usage);
  g_test_add_func ("/cli/errors/invalid-customer-values-are-named", test_invalid_customer_values_are_named);
  g_test_add_func ("/cli/errors/acting-on-nothing-is-refused", test_acting_on_nothing_is_refused);
  g_test_add_func ("/cli/errors/move-before-today-is-refused", test_move_before_today_is_refused);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-cli-test"

/* Text output (without --json) is for people: a header, one line per row,
 * aligned columns, readable dates. */

#include "config.h"

#include <string.h>

#include "cli-test-util.h"

/* The output's lines, without the final empty one; asserts none ends in a space. */
static GStrv
lines_of (const char *out)
{
  g_auto(GStrv) lines = NULL;
  guint n;

  g_assert_true (g_str_has_suffix (out, "\n"));
  lines = g_strsplit (out, "\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpstr (lines[n - 1], ==, "");
  g_clear_pointer (&lines[n - 1], g_free);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_suffix (lines[i], " "))
      g_error ("line %u ends with a space: “%s”", i, lines[i]);
  return g_steal_pointer (&lines);
}

/* The column (in characters, not bytes) where @needle starts in @line. */
static glong
column_of (const char *line,
           const char *needle)
{
  const char *at = strstr (line, needle);

  if (at == NULL)
    g_error ("“%s” is not in the line “%s”", needle, line);
  return g_utf8_pointer_to_offset (line, at);
}

/* Asserts that needles[i] starts at the same column in lines[first + i]. */
static void
assert_aligned (char       **lines,
                guint        first,
                const char **needles)
{
  glong column = column_of (lines[first], needles[0]);

  for (guint i = 1; needles[i] != NULL; i++)
    {
      g_test_message ("“%s” in “%s”", needles[i], lines[first + i]);
      g_assert_cmpint (column_of (lines[first + i], needles[i]), ==, column);
    }
}

static CliTest *
three_customers (char **ada,
                 char **zoe,
                 char **bo)
{
  CliTest *t = cli_test_new ("2026-11-20");

  *ada = cli_add_customer (t, "Ada Lovelace", "--phone", "+44 20 7946 0000", "--company", "Engines", NULL);
  *zoe = cli_add_customer (t, "Zoë Ångström", "--phone", "555-0101", "--email", "zoe@example.org", NULL);
  *bo = cli_add_customer (t, "Bo", "--phone", "01 23", "--company", "Société Générale", "--no-follow-up", NULL);
  return t;
}

static void
test_agenda_has_a_header_and_one_aligned_line_per_call (void)
{
  g_autofree char *ada = NULL, *zoe = NULL, *bo = NULL;
  g_autoptr(CliTest) t = three_customers (&ada, &zoe, &bo);
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  cli_do (t, "flag", bo, "irate", "--note", "Invoice sent twice", NULL);
  cli_test_set_today (t, "2026-11-25");
  out = cli_ok (t, "agenda", NULL);
  g_test_message ("%s", out);
  lines = lines_of (out);

  /* The day, readable, and how many calls; then the column names; then the calls. */
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_nonnull (strstr (lines[0], "Wed 25 Nov 2026"));
  g_assert_nonnull (strstr (lines[0], "3 calls"));
  g_assert_nonnull (strstr (lines[1], "NAME"));
  g_assert_nonnull (strstr (lines[2], "Bo"));
  g_assert_nonnull (strstr (lines[2], "Invoice sent twice"));
  g_assert_nonnull (strstr (lines[3], "Ada Lovelace"));
  g_assert_nonnull (strstr (lines[4], "Zoë Ångström"));
  {
    const char *phones[] = { "PHONE", "01 23", "+44 20 7946 0000", "555-0101", NULL };
    const char *situations[] = { "SITUATIONS", "irate", "new", "new", NULL };
    const char *due[] = { "DUE", "2026-11-23", "2026-11-24", "2026-11-24", NULL };
    assert_aligned (lines, 1, phones);
    assert_aligned (lines, 1, situations);
    assert_aligned (lines, 1, due);
  }
}

static void
test_agenda_line_stays_one_line_with_a_multi_line_note (void)
{
  g_autofree char *ada = NULL, *zoe = NULL, *bo = NULL;
  g_autoptr(CliTest) t = three_customers (&ada, &zoe, &bo);
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  cli_do (t, "flag", bo, "irate", "--note", "Invoice sent twice\nand the refund is late", NULL);
  out = cli_ok (t, "agenda", "--date", "2026-11-23", NULL);
  g_test_message ("%s", out);
  lines = lines_of (out);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_nonnull (strstr (lines[2], "Invoice sent twice"));
  g_assert_nonnull (strstr (lines[2], "and the refund is late"));
}

static void
test_empty_agenda_says_when_the_next_calls_are (void)
{
  g_autofree char *ada = NULL, *zoe = NULL, *bo = NULL;
  g_autoptr(CliTest) t = three_customers (&ada, &zoe, &bo);
  g_autofree char *out = cli_ok (t, "agenda", NULL);
  g_auto(GStrv) lines = lines_of (out);

  g_test_message ("%s", out);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_nonnull (strstr (lines[0], "Fri 20 Nov 2026"));
  g_assert_nonnull (strstr (lines[1], "Tue 24 Nov 2026"));
}

static void
test_customer_list_columns_align (void)
{
  g_autofree char *ada = NULL, *zoe = NULL, *bo = NULL;
  g_autoptr(CliTest) t = three_customers (&ada, &zoe, &bo);
  g_autofree char *out = cli_ok (t, "customer", "list", NULL);
  g_auto(GStrv) lines = lines_of (out);

  g_test_message ("%s", out);
  /* Column names, the three customers in name order, the count. */
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_nonnull (strstr (lines[1], "Ada Lovelace"));
  g_assert_nonnull (strstr (lines[2], "Bo"));
  g_assert_nonnull (strstr (lines[3], "Zoë Ångström"));
  g_assert_nonnull (strstr (lines[4], "3"));
  {
    const char *phones[] = { "PHONE", "+44 20 7946 0000", "01 23", "555-0101", NULL };
    const char *companies[] = { "COMPANY", "Engines", "Société Générale", NULL };
    assert_aligned (lines, 0, phones);
    assert_aligned (lines, 0, companies);
  }
}

static void
test_customer_show_is_readable (void)
{
  g_autofree char *ada = NULL, *zoe = NULL, *bo = NULL;
  g_autoptr(CliTest) t = three_customers (&ada, &zoe, &bo);
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  guint calls = 0;

  cli_test_set_today (t, "2026-11-24");
  cli_do (t, "--staff", "Sam", "log", ada, "--result", "callback", "--callback", "2026-12-01", NULL);
  cli_test_set_today (t, "2026-12-01");
  cli_do (t, "--staff", "Kimberly Long-Name", "log", ada, "--result", "reached", "--satisfaction", "2",
          "--problem-persists", "--note", "Still noisy", NULL);
  out = cli_ok (t, "customer", "show", ada, NULL);
  g_test_message ("%s", out);
  lines = lines_of (out);

  g_assert_cmpstr (lines[0], ==, "Ada Lovelace");
  g_assert_nonnull (strstr (out, ada));
  g_assert_nonnull (strstr (out, "+44 20 7946 0000"));
  g_assert_nonnull (strstr (out, "Engines"));
  /* The first service date, readable. */
  g_assert_nonnull (strstr (out, "Fri 20 Nov 2026"));

  /* The calls table: its columns align however long the result is. */
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_equal (lines[i], "Calls:"))
      {
        const char *staff[] = { "STAFF", "Kimberly Long-Name", "Sam", NULL };
        const char *results[] = { "RESULT", "reached", "callback", NULL };
        g_assert_cmpuint (g_strv_length (lines), ==, i + 4);
        assert_aligned (lines, i + 1, results);
        assert_aligned (lines, i + 1, staff);
        g_assert_nonnull (strstr (lines[i + 2], "Still noisy"));
        g_assert_nonnull (strstr (lines[i + 3], "2026-12-01"));
        calls++;
      }
  g_assert_cmpuint (calls, ==, 1);
}

static void
test_history_columns_align (void)
{
  g_autofree char *ada = NULL, *zoe = NULL, *bo = NULL;
  g_autoptr(CliTest) t = three_customers (&ada, &zoe, &bo);
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;

  cli_test_set_today (t, "2026-11-24");
  cli_do (t, "--staff", "Sam", "log", ada, "--result", "wrong-number", "--note", "A bakery", NULL);
  cli_test_set_today (t, "2026-11-25");
  cli_do (t, "--staff", "Kimberly Long-Name", "log", ada, "--result", "reached", "--satisfaction", "5",
          "--problem-persists", "--note", "Fine", NULL);
  out = cli_ok (t, "history", ada, NULL);
  g_test_message ("%s", out);
  lines = lines_of (out);
  g_assert_nonnull (strstr (lines[0], "Ada Lovelace"));
  g_assert_nonnull (strstr (lines[0], "2 calls"));
  {
    guint n = g_strv_length (lines);
    const char *staff[] = { "Kimberly Long-Name", "Sam", NULL };
    const char *notes[] = { "Fine", "A bakery", NULL };
    assert_aligned (lines, n - 2, staff);
    assert_aligned (lines, n - 2, notes);
  }
}

static void
test_help_lists_every_command (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  const char *args[] = { "--help", NULL };
  g_autoptr(CliResult) r = cli_run_argv (t, args);
  const char *commands[] = { "customer", "flag", "unflag", "corrected", "move", "agenda", "log", "history" };

  g_assert_cmpint (r->status, ==, 0);
  g_assert_nonnull (strstr (r->out, "--database"));
  g_assert_nonnull (strstr (r->out, "--today"));
  g_assert_nonnull (strstr (r->out, "--staff"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *line = g_strdup_printf ("\n  %s ", commands[i]);
      g_assert_nonnull (strstr (r->out, line));
    }
}

static void
test_no_command_prints_the_help_and_fails (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  const char *args[] = { "--database", t->db, NULL };
  g_autoptr(CliResult) r = cli_run_argv (t, args);

  g_assert_cmpint (r->status, ==, 2);
  g_assert_cmpstr (r->out, ==, "");
  g_assert_nonnull (strstr (r->err, "agenda"));
  g_assert_false (cli_file_exists (t->db));
}

/* Under cron or `env -i` the locale is C: text beyond ASCII is taken and
 * shown all the same (it was refused: "Invalid byte sequence…"). */
static void
test_takes_accents_in_the_c_locale (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-23");
  g_autofree char *saved = g_strdup (g_getenv ("LC_ALL"));
  g_autofree char *id = NULL;
  g_autofree char *out = NULL;

  g_setenv ("LC_ALL", "C", TRUE);
  id = cli_add_customer (t, "José Álvarez", "--company", "Müller GmbH", "--note", "Très pressé", NULL);
  out = cli_ok (t, "customer", "show", id, NULL);
  g_assert_nonnull (strstr (out, "José Álvarez"));
  g_assert_nonnull (strstr (out, "Müller GmbH"));
  g_assert_nonnull (strstr (out, "Très pressé"));
  if (saved != NULL)
    g_setenv ("LC_ALL", saved, TRUE);
  else
    g_unsetenv ("LC_ALL");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/text/agenda-has-a-header-and-one-aligned-line-per-call", test_agenda_has_a_header_and_one_aligned_line_per_call);
  g_test_add_func ("/cli/text/agenda-line-stays-one-line-with-a-multi-line-note", test_agenda_line_stays_one_line_with_a_multi_line_note);
  g_test_add_func ("/cli/text/empty-agenda-says-when-the-next-calls-are", test_empty_agenda_says_when_the_next_calls_are);
  g_test_add_func ("/cli/text/customer-list-columns-align", test_customer_list_columns_align);
  g_test_add_func ("/cli/text/customer-show-is-readable", test_customer_show_is_readable);
  g_test_add_func ("/cli/text/takes-accents-in-the-c-locale", test_takes_accents_in_the_c_locale);
  g_test_add_func ("/cli/text/history-columns-align", test_history_columns_align);
  g_test_add_func ("/cli/text/help-lists-every-command", test_help_lists_every_command);
  g_test_add_func ("/cli/text/no-command-prints-the-help-and-fails", test_no_command_prints_the_help_and_fails);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* rapport-cli import and export, black-box: the real binary on a fresh
 * database, as scripts and cron jobs use it. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli-test-util.h"

static char *
write_file (CliTest    *t,
            const char *name,
            const char *data)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (t->dir, name, NULL);

  g_file_set_contents (path, data, -1, &error);
  g_assert_no_error (error);
  return path;
}

static const char mixed_csv[] =
  "Name;Telefon;E-Mail\r\n"
  "Anna Weber;030 111;anna@example.com\r\n"
  ";030 222;\r\n"
  "Ben Kaiser;0711 5;bob@\r\n"
  "Carla Diaz;+34 91 123;carla@example.com\r\n";

static void
test_import_prints_counts_and_invalid_rows (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-23");
  g_autofree char *path = write_file (t, "mixed.csv", mixed_csv);
  g_autofree char *out = cli_ok (t, "import", path, NULL);
  g_autofree char *list = cli_ok (t, "customer", "list", NULL);

  g_assert_cmpstr (out, ==, "2 new, 0 updated, 0 skipped, 2 invalid\n"
                            "line 3: A customer needs a name\n"
                            "line 4: “bob@” is not an email address\n");
  g_assert_nonnull (strstr (list, "Anna Weber"));
  g_assert_nonnull (strstr (list, "Carla Diaz"));
  g_assert_null (strstr (list, "Ben Kaiser"));
}

static void
test_import_prints_exactly_the_json_contract (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-23");
  g_autofree char *path = write_file (t, "mixed.csv", mixed_csv);
  g_autoptr(JsonNode) node = cli_json (t, "import", path, "--json", NULL);
  JsonObject *object = cli_json_object (node);
  JsonArray *invalid;
  JsonObject *row;

  cli_assert_members (object, "new", "updated", "skipped", "invalid", NULL);
  g_assert_cmpint (json_object_get_int_member (object, "new"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object, "updated"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "skipped"), ==, 0);
  invalid = json_object_get_array_member (object, "invalid");
  g_assert_cmpuint (json_array_get_length (invalid), ==, 2);
  row = json_array_get_object_element (invalid, 1);
  cli_assert_members (row, "line", "reason", NULL);
  g_assert_cmpint (json_object_get_int_member (row, "line"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (row, "reason"), ==,
                   "“bob@” is not an email address");
}

static void
test_import_dry_run_touches_nothing (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-23");
  g_autofree char *path = write_file (t, "mixed.csv", mixed_csv);
  g_autofree char *wal = NULL;
  g_autofree char *id = cli_add_customer (t, "Anna Weber", "--email", "ANNA@example.com", NULL);
  g_autofree char *dump_before = cli_db_dump (t->db);
  g_autofree char *dump_after = NULL;
  g_autoptr(GBytes) bytes_before = cli_file_bytes (t->db);
  g_autoptr(GBytes) bytes_after = NULL;
  g_autoptr(GBytes) wal_before = NULL;
  g_autoptr(GBytes) wal_after = NULL;
  g_autofree char *out = NULL;
  g_autofree char *real = NULL;

  g_assert_nonnull (id);
  wal = g_strconcat (t->db, "-wal", NULL);
  wal_before = cli_file_bytes (wal);
  out = cli_ok (t, "import", path, "--dry-run", NULL);
  g_assert_cmpstr (out, ==, "1 new, 1 updated, 0 skipped, 2 invalid (dry run: nothing was changed)\n"
                            "line 3: A customer needs a name\n"
                            "line 4: “bob@” is not an email address\n");
  dump_after = cli_db_dump (t->db);
  bytes_after = cli_file_bytes (t->db);
  wal_after = cli_file_bytes (wal);
  g_assert_cmpstr (dump_after, ==, dump_before);
  g_assert_true ((bytes_before == NULL) == (bytes_after == NULL));
  g_assert_true (bytes_before == NULL || g_bytes_equal (bytes_before, bytes_after));
  g_assert_true ((wal_before == NULL) == (wal_after == NULL));
  g_assert_true (wal_before == NULL || g_bytes_equal (wal_before, wal_after));

  /* And the real import does what the dry run said. */
  real = cli_ok (t, "import", path, NULL);
  g_assert_true (g_str_has_prefix (real, "1 new, 1 updated, 0 skipped, 2 invalid\n"));
}

static void
test_import_skips_or_updates_duplicates (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-23");
  g_autofree char *path = write_file (t, "mixed.csv", mixed_csv);
  g_autofree char *first = cli_ok (t, "import", path, NULL);
  g_autofree char *skipped = cli_ok (t, "import", path, "--on-duplicate", "skip", NULL);
  g_autofree char *unchanged = cli_ok (t, "import", path, "--on-duplicate", "update", NULL);
  g_autoptr(JsonNode) list = cli_json (t, "customer", "list", "--json", NULL);
  const char *expected[] = { "--on-duplicate", "maybe", NULL };

  g_assert_true (g_str_has_prefix (first, "2 new, 0 updated, 0 skipped, 2 invalid\n"));
  g_assert_true (g_str_has_prefix (skipped, "0 new, 0 updated, 2 skipped, 2 invalid\n"));
  /* The same rows again change nothing: skipped, never doubled. */
  g_assert_true (g_str_has_prefix (unchanged, "0 new, 0 updated, 2 skipped, 2 invalid\n"));
  g_assert_cmpuint (json_array_get_length (cli_json_array (list)), ==, 2);

  g_free (cli_fails (t, expected, "import", path, "--on-duplicate", "maybe", NULL));
}

static void
test_import_opens_new_follow_ups_only_when_asked (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-23");
  g_autofree char *path = write_file (t, "one.csv", "Name,Phone\nAnna Weber,030 1\n");
  g_autofree char *path2 = write_file (t, "two.csv", "Name,Phone\nBen Kaiser,030 2\n");
  g_autofree char *out1 = cli_ok (t, "import", path, NULL);
  g_autofree char *out2 = cli_ok (t, "import", path2, "--new-customers", NULL);
  g_autofree char *agenda = NULL;

  g_assert_cmpstr (out1, ==, "1 new, 0 updated, 0 skipped, 0 invalid\n");
  g_assert_cmpstr (out2, ==, "1 new, 0 updated, 0 skipped, 0 invalid\n");
  cli_test_set_today (t, "2026-11-25");
  agenda = cli_ok (t, "agenda", NULL);
  /* Ben's `new` follow-up is due two business days later; Anna has none. */
  g_assert_nonnull (strstr (agenda, "Ben Kaiser"));
  g_assert_null (strstr (agenda, "Anna Weber"));
}

static void
test_import_fails_with_status_2_on_unreadable_files (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-23");
  g_autofree char *empty = write_file (t, "empty.csv", "");
  g_autofree char *quote = write_file (t, "quote.csv", "Name,Notes\nA,ok\nB,\"open\n");
  g_autofree char *vcf = write_file (t, "cut.vcf", "BEGIN:VCARD\nVERSION:3.0\nFN:A\n");
  g_autofree char *missing = g_build_filename (t->dir, "missing.csv", NULL);
  const char *e1[] = { "The file is empty.", NULL };
  const char *e2[] = { "line 3: a quoted field starts here and is never closed", NULL };
  const char *e3[] = { "line 1: the card that starts here has no END:VCARD", NULL };
  const char *e4[] = { "missing.csv", NULL };

  /* A database with a customer in it, which each failure must leave alone. */
  g_free (cli_add_customer (t, "Already There", NULL));
  g_free (cli_fails (t, e1, "import", empty, NULL));
  g_free (cli_fails (t, e2, "import", quote, "--json", NULL));
  g_free (cli_fails (t, e3, "import", vcf, "--dry-run", NULL));
  g_free (cli_fails (t, e4, "import", missing, NULL));
}

static void
test_export_writes_private_csv (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-23");
  g_autofree char *id = cli_add_customer (t, "=Anna", "--phone", "+49 30 1", NULL);
  g_autofree char *output = g_build_filename (t->dir, "customers.csv", NULL);
  g_autofree char *printed = cli_ok (t, "export", "customers", "--format", "csv", NULL);
  g_autofree char *nothing = cli_ok (t, "export", "customers", "--format", "csv", "--output",
                                     output, NULL);
  g_autofree char *written = NULL;
  g_autofree char *expected_start = NULL;
  GStatBuf st;

  g_assert_cmpstr (nothing, ==, "");
  g_assert_cmpint (g_stat (output, &st), ==, 0);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (output, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, printed);
  expected_start = g_strdup_printf ("\xEF\xBB\xBF" "Name,Company,Phone,Email,Notes,Customer since,"
                                    "Cadence (days),Phone needs checking,ID,Created,Updated\r\n"
                                    "'=Anna,,'+49 30 1,,,2026-11-23,,no,%s,", id);
  g_assert_true (g_str_has_prefix (printed, expected_start));
}

static void
test_export_writes_the_agenda_as_ics (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-23");
  g_autofree char *id = cli_add_customer (t, "Anna Weber", "--phone", "030 1", NULL);
  g_autofree char *ics = cli_ok (t, "export", "agenda", "--from", "2026-11-23", "--to",
                                 "2026-11-30", "--format", "ics", NULL);
  g_autofree char *before = cli_ok (t, "export", "agenda", "--from", "2026-11-23", "--to",
                                    "2026-11-24", NULL);

  g_assert_nonnull (id);
  g_assert_true (g_str_has_prefix (ics, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
  g_assert_nonnull (strstr (ics, "SUMMARY:Call Anna Weber\r\n"));
  g_assert_nonnull (strstr (ics, "DUE;VALUE=DATE:20261125\r\n"));
  g_assert_nonnull (strstr (ics, "URL:tel:0301\r\n"));
  /* The call is due on Wednesday: not yet on Monday's or Tuesday's agenda. */
  g_assert_null (strstr (before, "BEGIN:VTODO"));
}

static void
test_export_rejects_bad_arguments (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-23");
  const char *e1[] = { "invoices", NULL };
  const char *e2[] = { "--format", "csv", NULL };
  const char *e3[] = { "--format", "ics", NULL };
  const char *e4[] = { "--from", NULL };

  g_free (cli_add_customer (t, "Anna Weber", NULL));
  g_free (cli_fails (t, e1, "export", "invoices", NULL));
  g_free (cli_fails (t, e2, "export", "calls", "--format", "ics", NULL));
  g_free (cli_fails (t, e3, "export", "agenda", "--format", "csv", NULL));
  g_free (cli_fails (t, e4, "export", "agenda", "--from", "2026-02-30", NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/cli/import-prints-counts-and-invalid-rows",
                   test_import_prints_counts_and_invalid_rows);
  g_test_add_func ("/import/cli/import-prints-exactly-the-json-contract",
                   test_import_prints_exactly_the_json_contract);
  g_test_add_func ("/import/cli/import-dry-run-touches-nothing", test_import_dry_run_touches_nothing);
  g_test_add_func ("/import/cli/import-skips-or-updates-duplicates",
                   test_import_skips_or_updates_duplicates);
  g_test_add_func ("/import/cli/import-opens-new-follow-ups-only-when-asked",
                   test_import_opens_new_follow_ups_only_when_asked);
  g_test_add_func ("/import/cli/import-fails-with-status-2-on-unreadable-files",
                   test_import_fails_with_status_2_on_unreadable_files);
  g_test_add_func ("/import/cli/export-writes-private-csv", test_export_writes_private_csv);
  g_test_add_func ("/import/cli/export-writes-the-agenda-as-ics",
                   test_export_writes_the_agenda_as_ics);
  g_test_add_func ("/import/cli/export-rejects-bad-arguments", test_export_rejects_bad_arguments);

  return g_test_run ();
}

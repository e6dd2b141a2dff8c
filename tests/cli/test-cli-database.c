/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-cli-test"

/* The database file itself: a newer schema, a file that is not a Rapport
 * database, a place that cannot be written, the default location. */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "cli-test-util.h"

/* Asserts a failure that is not about the input: non-zero, one line on
 * stderr containing @expected, nothing on stdout. */
static void
assert_refused (CliResult  *r,
                const char *expected)
{
  const char *newline;

  g_test_message ("%s", r->err);
  g_assert_cmpint (r->status, !=, 0);
  g_assert_cmpstr (r->out, ==, "");
  g_assert_true (g_str_has_prefix (r->err, "rapport-cli: "));
  newline = strchr (r->err, '\n');
  g_assert_nonnull (newline);
  g_assert_cmpstr (newline + 1, ==, "");
  if (strstr (r->err, expected) == NULL)
    g_error ("stderr does not say “%s”: %s", expected, r->err);
}

static void
exec_sql (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return value;
}

static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return value;
}

/* Runs each command against the file and asserts it is refused with
 * @expected and that the file and its neighbours are byte for byte the same. */
static void
assert_refused_untouched (CliTest    *t,
                          const char *expected)
{
  const char *commands[][6] = {
    { "agenda", NULL },
    { "agenda", "--json", NULL },
    { "customer", "list", "--json", NULL },
    { "customer", "add", "Grace Hopper", NULL },
    { "log", "0000", "--result", "no-answer", NULL },
  };
  g_autofree char *wal = g_strconcat (t->db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (t->db, "-shm", NULL);
  g_autofree char *journal = g_strconcat (t->db, "-journal", NULL);
  g_autoptr(GBytes) before = cli_file_bytes (t->db);

  g_assert_nonnull (before);
  g_assert_false (cli_file_exists (wal));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autoptr(CliResult) r = NULL;
      g_autoptr(GBytes) after = NULL;

      g_ptr_array_add (argv, (char *) "--database");
      g_ptr_array_add (argv, t->db);
      g_ptr_array_add (argv, (char *) "--today");
      g_ptr_array_add (argv, t->today);
      for (guint j = 0; commands[i][j] != NULL; j++)
        g_ptr_array_add (argv, (char *) commands[i][j]);
      g_ptr_array_add (argv, NULL);
      r = cli_run_argv (t, (const char * const *) argv->pdata);
      assert_refused (r, expected);

      after = cli_file_bytes (t->db);
      g_assert_nonnull (after);
      g_assert_true (g_bytes_equal (before, after));
      g_assert_false (cli_file_exists (wal));
      g_assert_false (cli_file_exists (shm));
      g_assert_false (cli_file_exists (journal));
    }
}

static void
test_newer_schema_is_refused_and_untouched (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  g_autofree char *id = cli_add_customer (t, "Ada Lovelace", NULL);

  exec_sql (t->db, "PRAGMA user_version = 99");
  g_assert_cmpint (query_int (t->db, "PRAGMA user_version"), ==, 99);
  assert_refused_untouched (t, "newer");
}

static void
test_garbage_file_is_not_a_rapport_database (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint8 junk[8192];

  for (guint i = 0; i < sizeof junk; i++)
    junk[i] = (guint8) g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (t->db, (const char *) junk, sizeof junk, NULL));
  assert_refused_untouched (t, "not a Rapport database");
}

static void
test_text_file_is_not_a_rapport_database (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");

  g_assert_true (g_file_set_contents (t->db, "name,phone\nAda Lovelace,+44 20 7946 0000\n", -1, NULL));
  assert_refused_untouched (t, "not a Rapport database");
}

static void
test_database_of_another_program_is_refused (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");

  exec_sql (t->db, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
                   "INSERT INTO notes (body) VALUES ('keep me');");
  assert_refused_untouched (t, "Rapport");
  g_assert_cmpint (query_int (t->db, "SELECT count(*) FROM notes"), ==, 1);
}

static void
test_missing_unwritable_location_is_a_clear_error (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  const char *args[] = { "--database", "/proc/rapport-no-such/dir/rapport.db", "--today", "2026-11-20",
                         "customer", "add", "Ada Lovelace", NULL };
  const char *read_args[] = { "--database", "/proc/rapport-no-such/dir/rapport.db", "agenda", NULL };
  g_autoptr(CliResult) r = cli_run_argv (t, args);
  g_autoptr(CliResult) r2 = cli_run_argv (t, read_args);

  assert_refused (r, "/proc/rapport-no-such");
  assert_refused (r2, "/proc/rapport-no-such");
  g_assert_false (cli_file_exists ("/proc/rapport-no-such"));
}

static void
test_a_folder_is_not_a_database (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  const char *args[] = { "--database", t->dir, "agenda", NULL };
  g_autoptr(CliResult) r = cli_run_argv (t, args);

  assert_refused (r, "folder");
}

static void
test_read_only_database_is_a_clear_error (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  g_autofree char *id = cli_add_customer (t, "Ada Lovelace", NULL);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(CliResult) r = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("file permissions do not apply to root");
      return;
    }
  g_assert_cmpint (g_chmod (t->db, 0444), ==, 0);
  g_assert_cmpint (g_chmod (t->dir, 0555), ==, 0);
  before = cli_file_bytes (t->db);
  r = cli_run (t, "customer", "add", "Grace Hopper", NULL);
  after = cli_file_bytes (t->db);
  g_chmod (t->dir, 0755);
  g_chmod (t->db, 0644);
  assert_refused (r, t->db);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_an_empty_file_becomes_a_rapport_database (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  g_autofree char *id = NULL;
  g_autoptr(JsonNode) node = NULL;

  g_assert_true (g_file_set_contents (t->db, "", 0, NULL));
  id = cli_add_customer (t, "Ada Lovelace", NULL);
  node = cli_json (t, "customer", "list", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (cli_json_array (node)), ==, 1);
  g_assert_cmpint (query_int (t->db, "PRAGMA user_version"), >=, 1);
  {
    g_autofree char *mode = query_text (t->db, "PRAGMA journal_mode");
    g_assert_cmpstr (mode, ==, "wal");
  }
}

static void
test_default_database_is_in_the_data_folder (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  const char *add[] = { "--today", "2026-11-20", "customer", "add", "Ada Lovelace", NULL };
  const char *list[] = { "customer", "list", "--json", NULL };
  g_autoptr(CliResult) r = cli_run_argv (t, add);
  g_autoptr(CliResult) r2 = NULL;
  g_autofree char *path = g_build_filename (t->dir, "rapport", "rapport.db", NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  /* cli_run_argv points XDG_DATA_HOME at the test's folder. */
  g_assert_cmpint (r->status, ==, 0);
  g_assert_true (cli_file_exists (path));
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM customers"), ==, 1);

  r2 = cli_run_argv (t, list);
  g_assert_cmpint (r2->status, ==, 0);
  node = json_from_string (r2->out, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (json_array_get_length (cli_json_array (node)), ==, 1);
}

static void
test_nothing_is_left_half_written (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  g_autofree char *id = cli_add_customer (t, "Ada Lovelace", NULL);
  g_autofree char *wal = g_strconcat (t->db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (t->db, "-shm", NULL);

  /* After a run, the WAL is checkpointed away: the file alone is the database. */
  cli_do (t, "flag", id, "irate", NULL);
  g_assert_false (cli_file_exists (wal));
  g_assert_false (cli_file_exists (shm));
  g_assert_cmpint (query_int (t->db, "SELECT count(*) FROM follow_ups WHERE state = 'open'"), ==, 2);
}

/* The backups of a database kept for it, by name, space-separated. */
static char *
backups_of (CliTest *t)
{
  g_autofree char *folder = g_build_filename (t->dir, "backups", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_strcmp0);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

/* Planning with --today on another day makes no daily backup: it would be
 * named after that day, and rotating would throw real ones away. The real
 * day makes one. */
static void
test_daily_backup_only_on_the_real_day (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *real_today = g_date_time_format (now, "%Y-%m-%d");
  g_autoptr(CliTest) t = cli_test_new ("2031-06-02");
  g_autofree char *id = cli_add_customer (t, "Ada Lovelace", NULL);
  g_autofree char *none = NULL;
  g_autofree char *one = NULL;
  g_autofree char *expected = g_strdup_printf ("rapport-%s.db", real_today);

  g_free (cli_ok (t, "agenda", NULL));
  cli_test_set_today (t, "2031-06-03");
  g_free (cli_ok (t, "agenda", NULL));
  none = backups_of (t);
  g_assert_cmpstr (none, ==, "");

  cli_test_set_today (t, real_today);
  g_free (cli_ok (t, "agenda", NULL));
  one = backups_of (t);
  g_assert_cmpstr (one, ==, expected);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/database/newer-schema-is-refused-and-untouched", test_newer_schema_is_refused_and_untouched);
  g_test_add_func ("/cli/database/daily-backup-only-on-the-real-day", test_daily_backup_only_on_the_real_day);
  g_test_add_func ("/cli/database/garbage-file-is-not-a-rapport-database", test_garbage_file_is_not_a_rapport_database);
  g_test_add_func ("/cli/database/text-file-is-not-a-rapport-database", test_text_file_is_not_a_rapport_database);
  g_test_add_func ("/cli/database/database-of-another-program-is-refused", test_database_of_another_program_is_refused);
  g_test_add_func ("/cli/database/missing-unwritable-location-is-a-clear-error", test_missing_unwritable_location_is_a_clear_error);
  g_test_add_func ("/cli/database/a-folder-is-not-a-database", test_a_folder_is_not_a_database);
  g_test_add_func ("/cli/database/read-only-database-is-a-clear-error", test_read_only_database_is_a_clear_error);
  g_test_add_func ("/cli/database/an-empty-file-becomes-a-rapport-database", test_an_empty_file_becomes_a_rapport_database);
  g_test_add_func ("/cli/database/default-database-is-in-the-data-folder", test_default_database_is_in_the_data_folder);
  g_test_add_func ("/cli/database/nothing-is-left-half-written", test_nothing_is_left_half_written);

  return g_test_run ();
}

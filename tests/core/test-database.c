/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-test-database"

#include "config.h"

#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test-helpers.h"

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static gint64
pragma_int (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 v;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  v = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return v;
}

static char *
pragma_text (sqlite3    *db,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *v;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  v = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return v;
}

/* Writes a file with a plain SQLite connection, as another program would. */
static void
write_foreign_database (const char *path,
                        const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, len);
}

static void
assert_untouched (const char *path,
                  GBytes     *before)
{
  g_autoptr(GBytes) after = read_bytes (path);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  g_assert_cmpmem (g_bytes_get_data (before, NULL), g_bytes_get_size (before),
                   g_bytes_get_data (after, NULL), g_bytes_get_size (after));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

static void
test_default_path_is_private (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autofree char *expected = g_build_filename (test_xdg_data_home (), "rapport", "rapport.db", NULL);
  g_autofree char *folder = g_path_get_dirname (expected);
  g_autofree char *default_path = rapport_store_default_path ();
  g_autofree char *wal = g_strconcat (expected, "-wal", NULL);
  g_autofree char *id = NULL;
  Fixture f = { 0 };

  g_assert_cmpstr (default_path, ==, expected);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));

  store = rapport_store_open (NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpstr (rapport_store_get_path (store), ==, expected);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (file_mode (folder), ==, 0700);
  g_assert_cmpuint (file_mode (expected), ==, 0600);

  /* The write-ahead log holds customer data too: it must be as private. */
  f.store = store;
  set_today (&f, "2026-11-23");
  id = add_plain_customer (&f, "Ada Lovelace", NULL);
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (file_mode (wal), ==, 0600);

  g_clear_object (&store);
  remove_tree (folder);
}

static void
test_new_database_settings (Fixture       *f,
                            gconstpointer  data)
{
  RapportDatabase *db = rapport_store_get_database (f->store);
  sqlite3 *handle = rapport_database_get_handle (db);
  g_autofree char *journal = pragma_text (handle, "PRAGMA journal_mode");

  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpint (pragma_int (handle, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (pragma_int (handle, "PRAGMA busy_timeout"), >, 0);
  g_assert_cmpint (pragma_int (handle, "PRAGMA user_version"), ==, RAPPORT_SCHEMA_VERSION);
  g_assert_cmpint (pragma_int (handle, "PRAGMA application_id"), ==, RAPPORT_APPLICATION_ID);
  g_assert_cmpint (rapport_database_get_schema_version (db), ==, RAPPORT_SCHEMA_VERSION);
  g_assert_false (rapport_database_is_read_only (db));
  g_assert_cmpuint (file_mode (f->path), ==, 0600);

  /* Foreign keys are enforced, not just declared. */
  g_assert_cmpint (sqlite3_exec (handle,
                                 "INSERT INTO calls (uuid, customer_id, day, logged_at, result,"
                                 " created_at, updated_at) VALUES ('x', 999, '2026-11-23', 't',"
                                 " 'reached', 't', 't')", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT_FOREIGNKEY);
}

static void
test_migrates_an_empty_file (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportDatabase) db = NULL;
  g_autofree char *path = g_build_filename (f->dir, "empty.db", NULL);
  const char *tables[] = { "settings", "customers", "follow_ups", "calls", "call_effects",
                           "customers_fts" };
  sqlite3 *handle;

  g_assert_true (g_file_set_contents (path, "", 0, &error));
  g_assert_no_error (error);

  db = rapport_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  handle = rapport_database_get_handle (db);
  g_assert_cmpint (pragma_int (handle, "PRAGMA user_version"), ==, RAPPORT_SCHEMA_VERSION);
  g_assert_cmpint (pragma_int (handle, "PRAGMA application_id"), ==, RAPPORT_APPLICATION_ID);
  g_assert_cmpint (rapport_database_get_schema_version (db), ==, RAPPORT_SCHEMA_VERSION);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      sqlite3_stmt *stmt = NULL;
      g_assert_cmpint (sqlite3_prepare_v2 (handle, "SELECT count(*) FROM sqlite_schema WHERE name = ?1",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, tables[i], -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_test_message ("table %s", tables[i]);
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
      sqlite3_finalize (stmt);
    }

  /* Opening it again finds it current and keeps its data. */
  g_assert_cmpint (sqlite3_exec (handle, "INSERT INTO settings VALUES ('k', 'v', 't')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_clear_object (&db);
  db = rapport_database_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pragma_int (rapport_database_get_handle (db),
                               "SELECT count(*) FROM settings WHERE key = 'k'"), ==, 1);
}

static void
test_reopening_keeps_data (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *id = add_customer (f, "Ada Lovelace", "+44 20 7946 0000", "2026-11-20", TRUE);
  g_autoptr(RapportCustomer) c = NULL;
  g_autoptr(GError) error = NULL;

  fixture_reopen (f, "2026-11-23");
  c = rapport_store_get_customer (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_customer_get_name (c), ==, "Ada Lovelace");
  g_assert_cmpuint (rapport_store_count_customers (f->store), ==, 1);
  g_assert_cmpuint (count_follow_ups (f, id, FALSE), ==, 1);
}

static void
test_refuses_a_newer_schema (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *path = g_build_filename (f->dir, "future.db", NULL);
  g_autofree char *sql = g_strdup_printf ("CREATE TABLE customers (id INTEGER PRIMARY KEY, x TEXT);"
                                          "INSERT INTO customers (x) VALUES ('from the future');"
                                          "PRAGMA application_id = %d; PRAGMA user_version = %d;",
                                          RAPPORT_APPLICATION_ID, RAPPORT_SCHEMA_VERSION + 1);

  write_foreign_database (path, sql);
  before = read_bytes (path);

  store = rapport_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NEWER_SCHEMA);
  assert_untouched (path, before);

  /* Also through the database layer directly. */
  g_clear_error (&error);
  g_assert_null (rapport_database_open (path, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NEWER_SCHEMA);
  assert_untouched (path, before);
}

static void
test_refuses_garbage (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "garbage.db", NULL);
  g_autofree char *text_path = g_build_filename (f->dir, "notes.txt", NULL);
  const char *paths[] = { path, text_path };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  guint8 garbage[8192];

  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (guint8) g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (path, (const char *) garbage, sizeof garbage, NULL));
  g_assert_true (g_file_set_contents (text_path, "Shopping list: milk, eggs, a new phone.\n", -1, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (paths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) before = read_bytes (paths[i]);
      g_autoptr(RapportStore) store = NULL;

      g_test_message ("%s", paths[i]);
      store = rapport_store_open (paths[i], &error);
      g_assert_null (store);
      g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_CORRUPT);
      assert_untouched (paths[i], before);
    }
}

static void
test_refuses_another_programs_database (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *path = g_build_filename (f->dir, "other.db", NULL);

  write_foreign_database (path, "CREATE TABLE recipes (id INTEGER PRIMARY KEY, title TEXT);"
                                "INSERT INTO recipes (title) VALUES ('Bread');");
  before = read_bytes (path);

  store = rapport_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_CORRUPT);
  assert_untouched (path, before);

  /* Another program's id, even without tables, is not ours either. */
  g_clear_error (&error);
  g_clear_pointer (&before, g_bytes_unref);
  g_remove (path);
  write_foreign_database (path, "PRAGMA application_id = 1234;");
  before = read_bytes (path);
  store = rapport_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_CORRUPT);
  assert_untouched (path, before);
}

static void
test_failed_migration_leaves_nothing (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autofree char *path = g_build_filename (f->dir, "half.db", NULL);
  g_autofree char *sql = g_strdup_printf ("PRAGMA application_id = %d;"
                                          "CREATE TABLE customers (x TEXT);"
                                          "INSERT INTO customers VALUES ('kept');",
                                          RAPPORT_APPLICATION_ID);
  sqlite3 *db = NULL;

  /* Ours, at version 0, but a table in the way: the first migration fails
   * half-way and must leave no trace of its earlier statements. */
  write_foreign_database (path, sql);
  store = rapport_store_open (path, &error);
  g_assert_null (store);
  g_assert_nonnull (error);
  g_assert_true (error->domain == RAPPORT_ERROR);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (pragma_int (db, "PRAGMA user_version"), ==, 0);
  g_assert_cmpint (pragma_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'settings'"), ==, 0);
  g_assert_cmpint (pragma_int (db, "SELECT count(*) FROM customers"), ==, 1);
  sqlite3_close (db);
}

static void
test_damaged_file_gives_a_clear_error (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  gsize size;
  guint8 *contents;

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *name = g_strdup_printf ("Customer %u with a long enough name to fill pages", i);
      g_free (add_customer (f, name, "555 0100", "2026-11-20", TRUE));
    }
  g_clear_object (&f->store);

  /* Keep the header and the first page, scramble the rest. */
  bytes = read_bytes (f->path);
  contents = g_bytes_unref_to_data (g_steal_pointer (&bytes), &size);
  g_assert_cmpuint (size, >, 8192);
  for (gsize i = 4096; i < size; i++)
    contents[i] = (guint8) (i * 7 + 13);
  g_assert_true (g_file_set_contents (f->path, (const char *) contents, size, NULL));
  g_free (contents);

  f->store = rapport_store_open (f->path, &error);
  if (f->store == NULL)
    {
      g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_CORRUPT);
      return;
    }
  set_today (f, "2026-11-23");
  ids = rapport_store_search_customer_ids (f->store, NULL, &error);
  g_test_message ("opened; customer search %s", ids ? "worked" : "failed");
  if (ids == NULL)
    g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_CORRUPT);
  g_clear_error (&error);
  agenda = rapport_store_get_agenda (f->store, NULL, &error);
  g_assert_null (agenda);
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_CORRUPT);
}

static void
test_refuses_a_folder (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;

  store = rapport_store_open (f->dir, &error);
  g_assert_null (store);
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_CORRUPT);
}

static void
test_read_only_file (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(RapportCustomer) c = rapport_customer_new ();
  g_autofree char *id = NULL;
  RapportRules rules;

  id = add_customer (f, "Ada Lovelace", NULL, "2026-11-20", TRUE);
  /* Fold the write-ahead log into the file so that it is complete alone. */
  g_clear_object (&f->store);
  g_assert_cmpint (g_chmod (f->path, 0400), ==, 0);

  /* Root may write any file; the core's test hook takes the read-only path. */
  if (geteuid () == 0)
    g_setenv ("RAPPORT_FORCE_READ_ONLY", "1", TRUE);
  f->store = rapport_store_open (f->path, &error);
  g_unsetenv ("RAPPORT_FORCE_READ_ONLY");
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
  if (geteuid () == 0 && !rapport_store_is_read_only (f->store))
    {
      g_test_skip ("root ignores file permissions");
      return;
    }
  g_assert_true (rapport_store_is_read_only (f->store));
  set_today (f, "2026-11-23");

  /* Reading works. */
  ids = rapport_store_search_customer_ids (f->store, "love", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);

  /* Every write is refused with a clear error. */
  before = read_bytes (f->path);
  rapport_customer_set_name (c, "Grace Hopper");
  g_assert_false (rapport_store_add_customer (f->store, c, TRUE, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_READ_ONLY);
  g_clear_error (&error);
  g_assert_false (rapport_store_flag (f->store, id, RAPPORT_SITUATION_IRATE, NULL, NULL, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_READ_ONLY);
  g_clear_error (&error);
  rapport_store_get_rules (f->store, &rules);
  g_assert_false (rapport_store_set_rules (f->store, &rules, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_READ_ONLY);
  g_clear_error (&error);
  {
    RapportCallInput input = { .result = RAPPORT_RESULT_NO_ANSWER };
    g_assert_null (rapport_store_log_call (f->store, id, &input, &error));
    g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_READ_ONLY);
  }

  g_clear_object (&f->store);
  {
    g_autoptr(GBytes) after = read_bytes (f->path);
    g_assert_true (g_bytes_equal (before, after));
  }
}

typedef struct {
  gboolean fail_with_constraint;
} TxData;

static gboolean
failing_transaction_cb (RapportDatabase *db,
                        gpointer         user_data,
                        GError         **error)
{
  TxData *data = user_data;

  if (!rapport_database_exec (db, "INSERT INTO settings VALUES ('half', 'written', 't')", error))
    return FALSE;
  if (data->fail_with_constraint)
    /* The empty name breaks the table's CHECK: SQLite itself fails. */
    return rapport_database_exec (db,
                                  "INSERT INTO customers (uuid, name, since, created_at, updated_at)"
                                  " VALUES ('u', '', '2026-11-23', 't', 't')", error);
  g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID, "the rule said no");
  return FALSE;
}

static void
test_transaction_rolls_back (Fixture       *f,
                             gconstpointer  data)
{
  RapportDatabase *db = rapport_store_get_database (f->store);
  g_autofree char *id = add_customer (f, "Ada Lovelace", NULL, "2026-11-20", TRUE);
  g_autofree char *before = dump_tables (f);
  TxData tx[] = { { FALSE }, { TRUE } };

  for (guint i = 0; i < G_N_ELEMENTS (tx); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      g_assert_false (rapport_database_transaction (db, failing_transaction_cb, &tx[i], &error));
      g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
      if (!tx[i].fail_with_constraint)
        g_assert_cmpstr (error->message, ==, "the rule said no");
      after = dump_tables (f);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpint (query_int (f, "SELECT count(*) FROM settings WHERE key = 'half'", NULL), ==, 0);
    }

  /* And the connection is usable afterwards (no transaction left open). */
  g_assert_true (sqlite3_get_autocommit (rapport_database_get_handle (db)));
  {
    g_autofree char *other = add_customer (f, "Grace Hopper", NULL, NULL, FALSE);
    g_assert_cmpuint (rapport_store_count_customers (f->store), ==, 2);
  }
}

static void
test_settings_are_kept (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *missing = rapport_store_get_setting (f->store, "report.day");
  g_autofree char *value = NULL;

  g_assert_null (missing);
  g_assert_true (rapport_store_set_setting (f->store, "report.day", "friday", &error));
  g_assert_no_error (error);
  g_assert_true (rapport_store_set_setting (f->store, "report.day", "monday", &error));
  g_assert_no_error (error);
  fixture_reopen (f, "2026-11-23");
  value = rapport_store_get_setting (f->store, "report.day");
  g_assert_cmpstr (value, ==, "monday");
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  g_test_add_func ("/core/database/default-file-is-private-in-xdg-data-home", test_default_path_is_private);
  g_test_add ("/core/database/new-file-has-wal-foreign-keys-and-schema-version", Fixture, NULL,
              fixture_setup, test_new_database_settings, fixture_teardown);
  g_test_add ("/core/database/migrates-an-empty-file", Fixture, NULL,
              fixture_setup, test_migrates_an_empty_file, fixture_teardown);
  g_test_add ("/core/database/reopening-keeps-the-data", Fixture, NULL,
              fixture_setup, test_reopening_keeps_data, fixture_teardown);
  g_test_add ("/core/database/refuses-a-newer-schema-without-touching-it", Fixture, NULL,
              fixture_setup, test_refuses_a_newer_schema, fixture_teardown);
  g_test_add ("/core/database/refuses-a-file-that-is-not-sqlite-without-touching-it", Fixture, NULL,
              fixture_setup, test_refuses_garbage, fixture_teardown);
  g_test_add ("/core/database/refuses-another-programs-database", Fixture, NULL,
              fixture_setup, test_refuses_another_programs_database, fixture_teardown);
  g_test_add ("/core/database/failed-migration-leaves-nothing", Fixture, NULL,
              fixture_setup, test_failed_migration_leaves_nothing, fixture_teardown);
  g_test_add ("/core/database/damaged-file-gives-a-clear-error", Fixture, NULL,
              fixture_setup, test_damaged_file_gives_a_clear_error, fixture_teardown);
  g_test_add ("/core/database/refuses-a-folder", Fixture, NULL,
              fixture_setup, test_refuses_a_folder, fixture_teardown);
  g_test_add ("/core/database/read-only-file-opens-read-only-and-refuses-writes", Fixture, NULL,
              fixture_setup, test_read_only_file, fixture_teardown);
  g_test_add ("/core/database/failed-transaction-leaves-nothing", Fixture, NULL,
              fixture_setup, test_transaction_rolls_back, fixture_teardown);
  g_test_add ("/core/database/settings-are-kept-in-the-database", Fixture, NULL,
              fixture_setup, test_settings_are_kept, fixture_teardown);

  return test_run ();
}

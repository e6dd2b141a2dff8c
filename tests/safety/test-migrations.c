/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-safety-test"

/* Migrations: a database of every released schema (tests/safety/fixtures/,
 * made by make-fixtures.sh) opens in the current program with every customer,
 * follow-up and call intact; a newer schema is refused without touching the
 * file; an empty file is created from scratch. */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "rapport-date.h"
#include "rapport-error.h"
#include "safety-util.h"

/* Fixtures of released schemas. schema-1-every-state.db is written by
 * make-fixtures.sh (follow-ups in every state, calls of every result);
 * schema-1.db is the core's own (tests/core/test-migrations.c). */
static const char *fixtures[] = { "schema-1.db", "schema-1-every-state.db" };
#define EVERY_STATE "schema-1-every-state.db"

/* Its customers. */
#define ADA "46de106e-9bbc-455d-aca0-e8bc5e1c1ac4"
#define BRUNEL "20e2e8ea-1ff0-4771-8ce7-9ace5d3b4cd6"
#define GAUSS "a83e5c40-4294-4905-b042-f5ef9563675e"
#define EMILE "6eb6b99c-ca5a-49f4-88cc-129a9cbc915a"
#define GONE "de86f4a7-fc23-428e-89c7-3171ff77968c"

/* Every column of schema 1, which later schemas must keep as they are. */
static const char *schema_1_tables[] = {
  "SELECT id, uuid, name, company, phone, phone_digits, email, notes, since, cadence_days,"
  " phone_needs_check, created_at, updated_at, deleted_at FROM customers ORDER BY id",
  "SELECT id, uuid, customer_id, situation, state, flagged_on, due, attempts, note, corrected_on,"
  " close_reason, closed_on, closed_by_call, opened_by_call, created_at, updated_at, deleted_at"
  " FROM follow_ups ORDER BY id",
  "SELECT id, uuid, customer_id, day, logged_at, staff, result, satisfaction, problem_persists,"
  " callback_on, note, situations, prev_phone_needs_check, created_at, updated_at, deleted_at"
  " FROM calls ORDER BY id",
  "SELECT call_id, follow_up_id, prev_state, prev_due, prev_attempts, prev_note, prev_close_reason,"
  " prev_closed_on, prev_closed_by_call, prev_updated_at FROM call_effects ORDER BY call_id, follow_up_id",
  "SELECT key, value, updated_at FROM settings ORDER BY key",
};

static char *
copy_fixture (const char *dir,
              const char *name)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "safety", "fixtures", name, NULL);
  g_autoptr(GFile) from = g_file_new_for_path (fixture);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GFile) to = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return path;
}

/* Every row of every schema-1 table, as text. */
static char *
dump (const char *path)
{
  GString *out = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint t = 0; t < G_N_ELEMENTS (schema_1_tables); t++)
    {
      sqlite3_stmt *stmt = NULL;
      int rc;

      g_assert_cmpint (sqlite3_prepare_v2 (db, schema_1_tables[t], -1, &stmt, NULL), ==, SQLITE_OK);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *v = (const char *) sqlite3_column_text (stmt, c);
              g_string_append_printf (out, "%s=%s|", sqlite3_column_name (stmt, c), v ? v : "NULL");
            }
          g_string_append_c (out, '\n');
        }
      g_assert_cmpint (rc, ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
    }
  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

static void
assert_date (const GDate *date,
             const char  *iso)
{
  g_autofree char *text = NULL;

  g_assert_nonnull (date);
  g_assert_true (g_date_valid (date));
  text = rapport_date_to_iso (date);
  g_assert_cmpstr (text, ==, iso);
}

/* Every value of every schema-1 column is still there after the migration,
 * unchanged, in every fixture. */
static void
test_every_value_survives (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *dir = safety_make_tmpdir ();
      g_autofree char *db = copy_fixture (dir, fixtures[i]);
      g_autofree char *before = dump (db);
      g_autofree char *after = NULL;
      g_autofree char *integrity = NULL;
      g_autoptr(RapportStore) store = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("fixture %s", fixtures[i]);
      g_assert_cmpint (safety_query_int (db, "PRAGMA user_version"), ==, 1);
      g_assert_cmpuint (strlen (before), >, 1000);
      store = rapport_store_open (db, &error);
      g_assert_no_error (error);
      g_assert_cmpint (rapport_database_get_schema_version (rapport_store_get_database (store)), ==,
                       RAPPORT_SCHEMA_VERSION);
      g_clear_object (&store);

      after = dump (db);
      g_assert_cmpstr (after, ==, before);
      g_assert_cmpint (safety_query_int (db, "PRAGMA user_version"), ==, RAPPORT_SCHEMA_VERSION);
      integrity = safety_query_text (db, "PRAGMA integrity_check");
      g_assert_cmpstr (integrity, ==, "ok");
      g_assert_cmpint (safety_query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
      safety_remove_tree (dir);
    }
}

/* Follow-ups in every state and calls of every result read back exactly. */
static void
test_schema_1 (void)
{
  g_autofree char *dir = safety_make_tmpdir ();
  g_autofree char *db = copy_fixture (dir, EVERY_STATE);
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportCustomer) ada = NULL;
  g_autoptr(RapportCustomer) gone = NULL;
  g_autoptr(GPtrArray) follow_ups = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GError) error = NULL;
  const char *agenda_order[] = { "Isambard Brunel", "Charles Darwin", "Johannes Kepler", "Émile Zola" };
  GDate day;

  /* Every state and every result is in the fixture. */
  g_assert_cmpint (safety_query_int (db, "SELECT count(DISTINCT state) FROM follow_ups"), ==, 3);
  g_assert_cmpint (safety_query_int (db, "SELECT count(DISTINCT close_reason) FROM follow_ups"), ==, 4);
  g_assert_cmpint (safety_query_int (db, "SELECT count(DISTINCT result) FROM calls"), ==, 5);
  g_assert_cmpint (safety_query_int (db, "SELECT count(DISTINCT situation) FROM follow_ups"), ==, 3);

  store = rapport_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_store_count_customers (store), ==, 10);
  ada = rapport_store_get_customer (store, ADA, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_customer_get_name (ada), ==, "Ada Lovelace");
  g_assert_cmpstr (rapport_customer_get_company (ada), ==, "Analytical Engines");
  g_assert_cmpstr (rapport_customer_get_phone (ada), ==, "+44 20 7946 0001");
  g_assert_cmpstr (rapport_customer_get_email (ada), ==, "ada@example.org");
  g_assert_cmpstr (rapport_customer_get_notes (ada), ==, "Prefers calls in the morning");
  assert_date (rapport_customer_get_since (ada), "2026-01-05");
  gone = rapport_store_get_customer (store, GONE, &error);
  g_assert_null (gone);
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND);
  g_clear_error (&error);

  calls = rapport_store_list_calls (store, GAUSS, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calls->len, ==, 1);
  {
    RapportCall *call = g_ptr_array_index (calls, 0);
    g_assert_cmpint (rapport_call_get_result (call), ==, RAPPORT_RESULT_REACHED);
    g_assert_cmpuint (rapport_call_get_satisfaction (call), ==, 2);
    g_assert_true (rapport_call_get_problem_persists (call));
    g_assert_cmpstr (rapport_call_get_note (call), ==, "The heating still knocks");
    g_assert_cmpstr (rapport_call_get_staff (call), ==, "Fixture Staff");
    assert_date (rapport_call_get_date (call), "2026-01-07");
  }

  follow_ups = rapport_store_list_follow_ups (store, EMILE, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (follow_ups->len, ==, 1);
  {
    RapportFollowUp *f = g_ptr_array_index (follow_ups, 0);
    g_assert_cmpint (rapport_follow_up_get_situation (f), ==, RAPPORT_SITUATION_NEW);
    g_assert_cmpint (rapport_follow_up_get_state (f), ==, RAPPORT_FOLLOW_UP_OPEN);
    assert_date (rapport_follow_up_get_due (f), "2026-01-09");
  }

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 20, G_DATE_JANUARY, 2026);
  rapport_store_set_today (store, &day);
  agenda = rapport_store_get_agenda (store, &day, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (agenda->len, ==, G_N_ELEMENTS (agenda_order));
  for (guint i = 0; i < agenda->len; i++)
    g_assert_cmpstr (rapport_agenda_entry_get_name (g_ptr_array_index (agenda, i)), ==, agenda_order[i]);

  /* What the calls changed survived too: Undo still puts it back exactly. */
  g_clear_pointer (&calls, g_ptr_array_unref);
  calls = rapport_store_list_calls (store, BRUNEL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calls->len, ==, 1);
  g_assert_true (rapport_store_undo_call (store, rapport_call_get_id (g_ptr_array_index (calls, 0)),
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpint (safety_query_int (db, "SELECT count(*) FROM follow_ups f JOIN customers c"
                                         " ON c.id = f.customer_id WHERE c.uuid = '" BRUNEL "'"
                                         " AND f.state = 'open' AND f.attempts = 0"
                                         " AND f.due IN ('2026-01-07', '2026-01-13')"), ==, 2);

  g_clear_object (&store);
  safety_remove_tree (dir);
}

static void
test_newer_schema_refused (void)
{
  g_autofree char *dir = safety_make_tmpdir ();
  g_autofree char *db = copy_fixture (dir, EVERY_STATE);
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *listing = NULL;
  GStatBuf st_before, st_after;
  sqlite3 *raw = NULL;

  /* What a future Rapport would leave: a higher user_version, still in WAL mode. */
  g_assert_cmpint (sqlite3_open (db, &raw), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (raw, "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (raw);
  before = safety_read_bytes (db);
  g_assert_cmpint (g_stat (db, &st_before), ==, 0);

  store = rapport_store_open (db, &error);
  g_assert_null (store);
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NEWER_SCHEMA);
  expected = g_strdup_printf ("“%s” was written by a newer version of Rapport (schema 99; this "
                              "version knows up to %d). Update Rapport to open it.",
                              db, RAPPORT_SCHEMA_VERSION);
  g_assert_cmpstr (error->message, ==, expected);

  /* Not a byte changed, not even the modification time; nothing left beside it. */
  after = safety_read_bytes (db);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (g_stat (db, &st_after), ==, 0);
  g_assert_cmpint (st_after.st_mtime, ==, st_before.st_mtime);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;
    GString *names = g_string_new (NULL);
    while ((name = g_dir_read_name (d)) != NULL)
      g_string_append_printf (names, "%s ", name);
    listing = g_string_free (names, FALSE);
  }
  g_assert_cmpstr (listing, ==, EVERY_STATE " ");
  safety_remove_tree (dir);
}

static void
test_empty_file_migrates_from_0 (void)
{
  g_autofree char *dir = safety_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "empty.db", NULL);
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportCustomer) customer = rapport_customer_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (db, "", 0, NULL));
  store = rapport_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_database_get_schema_version (rapport_store_get_database (store)), ==,
                   RAPPORT_SCHEMA_VERSION);
  g_assert_cmpuint (rapport_store_count_customers (store), ==, 0);
  rapport_customer_set_name (customer, "First");
  g_assert_true (rapport_store_add_customer (store, customer, TRUE, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (safety_query_int (db, "PRAGMA user_version"), ==, RAPPORT_SCHEMA_VERSION);
  g_assert_cmpint (safety_query_int (db, "PRAGMA application_id"), ==, RAPPORT_APPLICATION_ID);
  g_assert_cmpint (safety_query_int (db, "SELECT count(*) FROM customers"), ==, 1);
  safety_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/safety/migrations/every-value-of-every-released-schema-survives",
                   test_every_value_survives);
  g_test_add_func ("/safety/migrations/schema-1-opens-with-every-customer-follow-up-and-call",
                   test_schema_1);
  g_test_add_func ("/safety/migrations/a-newer-schema-is-refused-without-touching-the-file",
                   test_newer_schema_refused);
  g_test_add_func ("/safety/migrations/an-empty-file-is-migrated-from-0", test_empty_file_migrates_from_0);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Every released schema opens with the current program and keeps every
 * customer, follow-up and call. tests/safety/fixtures/schema-N.db were
 * written by the Rapport of schema N (see the commit that added each). */

#include "config.h"

#include <glib/gstdio.h>

#include "test-helpers.h"

static char *
copy_fixture (const char *name,
              const char *dir)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "safety", "fixtures", name, NULL);
  char *target = g_build_filename (dir, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (source, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_set_contents_full (target, contents, length, G_FILE_SET_CONTENTS_NONE, 0600, &error));
  g_assert_no_error (error);
  return target;
}

static int
migrated_int (RapportStore *store,
              const char   *sql)
{
  sqlite3 *db = rapport_database_get_handle (rapport_store_get_database (store));
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static int
migrated_int_path (const char *path,
                   const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
test_schema_1_survives (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rapport-migrate-XXXXXX", NULL);
  g_autofree char *path = copy_fixture ("schema-1.db", dir);
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) customers = NULL;
  g_autoptr(GPtrArray) follow_ups = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GError) error = NULL;
  RapportCustomer *ada;

  store = rapport_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_database_get_schema_version (rapport_store_get_database (store)), ==,
                   RAPPORT_SCHEMA_VERSION);

  /* Every row is still there, the deleted customer as a tombstone. */
  g_assert_cmpint (migrated_int (store, "SELECT count(*) FROM customers"), ==, 4);
  g_assert_cmpint (migrated_int (store, "SELECT count(*) FROM customers WHERE deleted_at IS NULL"), ==, 3);
  g_assert_cmpint (migrated_int (store, "SELECT count(*) FROM follow_ups"), ==, 8);
  g_assert_cmpint (migrated_int (store, "SELECT count(*) FROM calls"), ==, 4);
  g_assert_cmpint (migrated_int (store, "SELECT count(*) FROM call_effects"), >, 0);
  g_assert_cmpint (migrated_int (store, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);

  /* Schema 2 sorts names without case and accents, existing rows included. */
  ids = rapport_store_search_customer_ids (store, NULL, &error);
  g_assert_no_error (error);
  customers = rapport_store_get_customers (store, (const char * const *) ids->pdata, ids->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (customers->len, ==, 3);
  ada = g_ptr_array_index (customers, 0);
  g_assert_cmpstr (rapport_customer_get_name (ada), ==, "Ada Lovelace");
  g_assert_cmpstr (rapport_customer_get_name (g_ptr_array_index (customers, 1)), ==, "Émile Zola");
  g_assert_cmpstr (rapport_customer_get_name (g_ptr_array_index (customers, 2)), ==, "Grace Hopper");
  g_assert_cmpstr (rapport_customer_get_company (ada), ==, "Analytical Engines");
  g_assert_cmpstr (rapport_customer_get_notes (ada), ==, "Prefers mornings");
  g_assert_cmpuint (rapport_customer_get_cadence_days (ada), ==, 60);
  g_assert_true (rapport_customer_get_phone_needs_check (g_ptr_array_index (customers, 1)));

  /* Search still finds them (the full-text index came along). */
  g_clear_pointer (&ids, g_ptr_array_unref);
  ids = rapport_store_search_customer_ids (store, "7946", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);

  /* Ada's history and follow-ups, exactly. */
  follow_ups = rapport_store_list_follow_ups (store, rapport_customer_get_id (ada), TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (follow_ups->len, ==, 3);
  calls = rapport_store_list_calls (store, rapport_customer_get_id (ada), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calls->len, ==, 2);
  g_assert_cmpstr (rapport_call_get_note (g_ptr_array_index (calls, 0)), ==, "Still late");
  g_assert_cmpuint (rapport_call_get_satisfaction (g_ptr_array_index (calls, 0)), ==, 2);
  g_assert_true (rapport_call_get_problem_persists (g_ptr_array_index (calls, 0)));
  g_assert_cmpstr (rapport_call_get_staff (g_ptr_array_index (calls, 1)), ==, "Sam");

  /* And it goes on working: a new customer sorts in its place. */
  {
    g_autoptr(RapportCustomer) c = rapport_customer_new ();
    rapport_customer_set_name (c, "Édith Piaf");
    g_assert_true (rapport_store_add_customer (store, c, FALSE, &error));
    g_assert_no_error (error);
    g_assert_cmpint (migrated_int (store, "SELECT count(*) FROM customers WHERE sort_key = 'edith piaf'"), ==, 1);
  }

  g_clear_object (&store);
  remove_tree (dir);
}

/* The names of the customers @search finds, by name, comma-separated. */
static char *
found (RapportStore *store,
       const char   *search)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = rapport_store_search_customer_ids (store, search, &error);
  g_autoptr(GPtrArray) customers = NULL;
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  customers = rapport_store_get_customers (store, (const char * const *) ids->pdata, ids->len,
                                           &error);
  g_assert_no_error (error);
  for (guint i = 0; i < customers->len; i++)
    g_string_append_printf (out, "%s%s", i ? ", " : "",
                            rapport_customer_get_name (g_ptr_array_index (customers, i)));
  return g_string_free (out, FALSE);
}

#define assert_found(store, search, expected) \
  G_STMT_START { \
    g_autofree char *_names = found ((store), (search)); \
    g_assert_cmpstr (_names, ==, (expected)); \
  } G_STMT_END

/* Schema 3 makes the search index again, smaller: everything schema 2 found
 * is still found, the deleted customer still is not, and the index follows
 * later changes. tests/safety/fixtures/schema-2.db is schema-1.db opened by
 * the schema-2 rapport-cli, with Zoë Müller and Brunel & Söhne added. */
static void
test_schema_2_search_survives (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rapport-migrate-XXXXXX", NULL);
  g_autofree char *path = copy_fixture ("schema-2.db", dir);
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportCustomer) zoe = NULL;
  g_autoptr(GPtrArray) ids = NULL;

  g_assert_cmpint (migrated_int_path (path, "PRAGMA user_version"), ==, 2);
  store = rapport_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (rapport_database_get_schema_version (rapport_store_get_database (store)), ==,
                   RAPPORT_SCHEMA_VERSION);
  g_assert_cmpint (migrated_int (store, "SELECT count(*) FROM customers"), ==, 6);

  assert_found (store, "7946", "Ada Lovelace");
  assert_found (store, "love", "Ada Lovelace");
  assert_found (store, "MÜLLER", "Zoë Müller");
  assert_found (store, "zoë bäckerei", "Zoë Müller");
  assert_found (store, "50%", "Zoë Müller");
  assert_found (store, "söhne", "Brunel & Söhne");
  assert_found (store, "example.org", "Ada Lovelace, Grace Hopper");
  assert_found (store, "deleted", "");
  assert_found (store, "zo", "Émile Zola, Zoë Müller");

  /* Renamed, deleted, added: the triggers of schema 3 keep the index. */
  ids = rapport_store_search_customer_ids (store, "müller", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  zoe = rapport_store_get_customer (store, g_ptr_array_index (ids, 0), &error);
  g_assert_no_error (error);
  rapport_customer_set_name (zoe, "Zoë Schmidt");
  g_assert_true (rapport_store_update_customer (store, zoe, &error));
  g_assert_no_error (error);
  assert_found (store, "müller", "Zoë Schmidt");  /* still the company */
  assert_found (store, "schmidt", "Zoë Schmidt");
  g_assert_true (rapport_store_delete_customer (store, rapport_customer_get_id (zoe), &error));
  g_assert_no_error (error);
  assert_found (store, "schmidt", "");
  {
    g_autoptr(RapportCustomer) c = rapport_customer_new ();
    rapport_customer_set_name (c, "Zoë Neu");
    g_assert_true (rapport_store_add_customer (store, c, FALSE, &error));
    g_assert_no_error (error);
  }
  assert_found (store, "zoë", "Zoë Neu");

  g_clear_object (&store);
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);
  g_test_add_func ("/core/migrations/schema-1-keeps-every-row", test_schema_1_survives);
  g_test_add_func ("/core/migrations/schema-2-search-finds-what-it-found", test_schema_2_search_survives);
  return test_run ();
}

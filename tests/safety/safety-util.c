/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-safety-test"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "safety-util.h"

char *
safety_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("rapport-safety-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
safety_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      /* A test may have made it read-only. */
      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          safety_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static sqlite3_stmt *
step_query (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    g_error ("%s: no row (%s)", sql, sqlite3_errmsg (db));
  return stmt;
}

static sqlite3_stmt *
run_query (const char  *db_path,
           const char  *sql,
           sqlite3    **db)
{
  int rc = sqlite3_open_v2 (db_path, db, SQLITE_OPEN_READWRITE, NULL);

  g_assert_cmpstr (sqlite3_errstr (rc), ==, sqlite3_errstr (SQLITE_OK));
  sqlite3_busy_timeout (*db, 5000);
  return step_query (*db, sql);
}

gint64
safety_db_int (sqlite3    *db,
               const char *sql)
{
  sqlite3_stmt *stmt = step_query (db, sql);
  gint64 value = sqlite3_column_int64 (stmt, 0);

  sqlite3_finalize (stmt);
  return value;
}

char *
safety_db_text (sqlite3    *db,
                const char *sql)
{
  sqlite3_stmt *stmt = step_query (db, sql);
  char *value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  sqlite3_finalize (stmt);
  return value;
}

gint64
safety_query_int (const char *db_path,
                  const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = run_query (db_path, sql, &db);
  gint64 value = sqlite3_column_int64 (stmt, 0);

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

char *
safety_query_text (const char *db_path,
                   const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = run_query (db_path, sql, &db);
  char *value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

void
safety_today (GDate *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, 2, G_DATE_MARCH, 2026);
}

RapportStore *
safety_store_with_customers (const char *path,
                             guint       n)
{
  g_autoptr(GError) error = NULL;
  RapportStore *store = rapport_store_open (path, &error);
  GDate today, since;

  g_assert_no_error (error);
  safety_today (&today);
  rapport_store_set_today (store, &today);
  rapport_store_set_staff (store, "Tester");
  since = today;
  g_date_subtract_days (&since, 10);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(RapportCustomer) customer = rapport_customer_new ();
      g_autofree char *name = g_strdup_printf ("Customer %03u", i);

      rapport_customer_set_name (customer, name);
      rapport_customer_set_phone (customer, "+1 555 0199");
      rapport_customer_set_notes (customer, "Kept safe through every test");
      rapport_customer_set_since (customer, &since);
      g_assert_true (rapport_store_add_customer (store, customer, TRUE, &error));
      g_assert_no_error (error);
    }
  return store;
}

GBytes *
safety_read_bytes (const char *path)
{
  char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return NULL;
  return g_bytes_new_take (contents, len);
}

char *
safety_worker_path (void)
{
  return g_test_build_filename (G_TEST_BUILT, "safety", "rapport-crash-worker", NULL);
}

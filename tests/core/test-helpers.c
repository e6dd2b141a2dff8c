/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-test"

#include "config.h"

#include <glib/gstdio.h>

#include "test-helpers.h"

static char *xdg_dir;

void
test_init (int    *argc,
           char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;

  xdg_dir = g_dir_make_tmp ("rapport-core-xdg-XXXXXX", &error);
  g_assert_no_error (error);
  /* Not created: the store must create it (with its rapport/ folder) itself. */
  data_home = g_build_filename (xdg_dir, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (argc, argv, NULL);
}

const char *
test_xdg_data_home (void)
{
  return g_getenv ("XDG_DATA_HOME");
}

int
test_run (void)
{
  int status = g_test_run ();

  remove_tree (xdg_dir);
  g_clear_pointer (&xdg_dir, g_free);
  return status;
}

void
remove_tree (const char *path)
{
  GDir *dir;
  const char *name;

  if (path == NULL)
    return;
  /* Tests may have made files read-only; the owner can still restore them. */
  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_remove (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

GDate
day (const char *iso)
{
  g_autoptr(GError) error = NULL;
  GDate d;

  g_date_clear (&d, 1);
  rapport_date_parse (iso, &d, &error);
  g_assert_no_error (error);
  return d;
}

void
set_today (Fixture    *f,
           const char *iso)
{
  GDate d = day (iso);
  rapport_store_set_today (f->store, &d);
}

void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("rapport-core-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "rapport.db", NULL);
  f->store = rapport_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (f->store);
  rapport_store_set_staff (f->store, "Grace");
  set_today (f, "2026-11-23");
}

void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->path, g_free);
}

void
fixture_reopen (Fixture    *f,
                const char *today)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->store);
  f->store = rapport_store_open (f->path, &error);
  g_assert_no_error (error);
  rapport_store_set_staff (f->store, "Grace");
  set_today (f, today);
}

char *
add_customer (Fixture    *f,
              const char *name,
              const char *phone,
              const char *since,
              gboolean    open_new)
{
  g_autoptr(RapportCustomer) c = rapport_customer_new ();
  g_autoptr(GError) error = NULL;

  rapport_customer_set_name (c, name);
  rapport_customer_set_phone (c, phone);
  if (since != NULL)
    {
      GDate d = day (since);
      rapport_customer_set_since (c, &d);
    }
  g_assert_true (rapport_store_add_customer (f->store, c, open_new, &error));
  g_assert_no_error (error);
  g_assert_nonnull (rapport_customer_get_id (c));
  return g_strdup (rapport_customer_get_id (c));
}

char *
add_plain_customer (Fixture    *f,
                    const char *name,
                    const char *since)
{
  return add_customer (f, name, NULL, since, FALSE);
}

void
flag (Fixture          *f,
      const char       *id,
      RapportSituation  situation,
      const char       *date,
      const char       *note)
{
  g_autoptr(GError) error = NULL;
  GDate d;

  if (date != NULL)
    d = day (date);
  g_assert_true (rapport_store_flag (f->store, id, situation, note, date ? &d : NULL, &error));
  g_assert_no_error (error);
}

static RapportFollowUp *
find_follow_up (Fixture          *f,
                const char       *id,
                RapportSituation  situation,
                gboolean          closed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = rapport_store_list_follow_ups (f->store, id, closed, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  for (guint i = 0; i < list->len; i++)
    {
      RapportFollowUp *fu = g_ptr_array_index (list, i);
      gboolean is_closed = rapport_follow_up_get_state (fu) == RAPPORT_FOLLOW_UP_CLOSED;
      if (rapport_follow_up_get_situation (fu) == situation && is_closed == closed)
        return g_object_ref (fu);
    }
  return NULL;
}

RapportFollowUp *
open_follow_up (Fixture          *f,
                const char       *id,
                RapportSituation  situation)
{
  return find_follow_up (f, id, situation, FALSE);
}

RapportFollowUp *
closed_follow_up (Fixture          *f,
                  const char       *id,
                  RapportSituation  situation)
{
  return find_follow_up (f, id, situation, TRUE);
}

guint
count_follow_ups (Fixture    *f,
                  const char *id,
                  gboolean    include_closed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = rapport_store_list_follow_ups (f->store, id, include_closed, &error);

  g_assert_no_error (error);
  return list->len;
}

char *
log_call (Fixture            *f,
          const char         *id,
          RapportCallResult   result,
          guint               satisfaction,
          const char         *date)
{
  g_autoptr(GError) error = NULL;
  RapportCallInput input = { 0 };
  GDate d;
  char *call;

  input.result = result;
  input.satisfaction = satisfaction;
  if (date != NULL)
    {
      d = day (date);
      input.date = &d;
    }
  call = rapport_store_log_call (f->store, id, &input, &error);
  g_assert_no_error (error);
  g_assert_nonnull (call);
  return call;
}

static void
changed_cb (RapportStore *store,
            guint        *counter)
{
  (*counter)++;
}

gulong
count_changed (Fixture *f,
               guint   *counter)
{
  *counter = 0;
  return g_signal_connect (f->store, "changed", G_CALLBACK (changed_cb), counter);
}

static sqlite3 *
handle (Fixture *f)
{
  return rapport_database_get_handle (rapport_store_get_database (f->store));
}

char *
dump_tables (Fixture *f)
{
  static const char *const queries[] = {
    "SELECT * FROM settings ORDER BY rowid",
    "SELECT * FROM customers ORDER BY rowid",
    "SELECT * FROM follow_ups ORDER BY rowid",
    "SELECT * FROM calls ORDER BY rowid",
    "SELECT * FROM call_effects ORDER BY rowid",
  };
  GString *out = g_string_new (NULL);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = NULL;
      int rc;

      g_assert_cmpint (sqlite3_prepare_v2 (handle (f), queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (out, "== %s\n", queries[q]);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              const char *text = (const char *) sqlite3_column_text (stmt, c);
              g_string_append_printf (out, "%s%s=%s", c ? " | " : "",
                                      sqlite3_column_name (stmt, c), text ? text : "NULL");
            }
          g_string_append_c (out, '\n');
        }
      g_assert_cmpint (rc, ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
    }
  return g_string_free (out, FALSE);
}

void
age_timestamps (Fixture *f)
{
  static const char sql[] =
    "UPDATE customers SET created_at = '2000-01-01T00:00:00Z', updated_at = '2000-01-01T00:00:00Z';"
    "UPDATE follow_ups SET created_at = '2000-01-01T00:00:00Z', updated_at = '2000-01-01T00:00:00Z';"
    "UPDATE calls SET created_at = '2000-01-01T00:00:00Z', updated_at = '2000-01-01T00:00:00Z';";

  g_assert_cmpint (sqlite3_exec (handle (f), sql, NULL, NULL, NULL), ==, SQLITE_OK);
}

static sqlite3_stmt *
prepare_bound (Fixture    *f,
               const char *sql,
               const char *text)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (handle (f), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return stmt;
}

gint64
query_int (Fixture    *f,
           const char *sql,
           const char *text)
{
  sqlite3_stmt *stmt = prepare_bound (f, sql, text);
  gint64 v = sqlite3_column_int64 (stmt, 0);

  sqlite3_finalize (stmt);
  return v;
}

char *
query_text (Fixture    *f,
            const char *sql,
            const char *text)
{
  sqlite3_stmt *stmt = prepare_bound (f, sql, text);
  char *v = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

  sqlite3_finalize (stmt);
  return v;
}

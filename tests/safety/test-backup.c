/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-safety-test"

/* Backups: daily on first use, private, checked, rotated; restore verifies the
 * file, keeps the current database, replaces it whole. */

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <time.h>
#include <utime.h>
#include <sys/wait.h>

#include "rapport-backup.h"
#include "rapport-error.h"
#include "safety-util.h"

static guint
mode_of (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The names in @folder, sorted, joined by spaces. */
static char *
list_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
assert_backup_holds (const char *path,
                     gint64      customers)
{
  g_autofree char *integrity = safety_query_text (path, "PRAGMA integrity_check");
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);

  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (safety_query_int (path, "SELECT count(*) FROM customers"), ==, customers);
  g_assert_cmpint (safety_query_int (path, "PRAGMA application_id"), ==, RAPPORT_APPLICATION_ID);
  g_assert_cmpuint (mode_of (path), ==, 0600);
  /* A single self-contained file: rollback journal mode, no WAL beside it. */
  bytes = safety_read_bytes (path);
  g_assert_cmpuint (((const guint8 *) g_bytes_get_data (bytes, NULL))[18], ==, 1);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
add_customer (RapportStore *store,
              const char   *name)
{
  g_autoptr(RapportCustomer) customer = rapport_customer_new ();
  g_autoptr(GError) error = NULL;

  rapport_customer_set_name (customer, name);
  g_assert_true (rapport_store_add_customer (store, customer, TRUE, &error));
  g_assert_no_error (error);
}

static void
test_daily (void)
{
  g_autofree char *dir = safety_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "rapport.db", NULL);
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  g_autofree char *expected = g_build_filename (folder, "rapport-2026-03-02.db", NULL);
  g_autoptr(RapportStore) store = safety_store_with_customers (db, 5);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *last = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *folder_api = rapport_backup_get_folder (db);
  GDate tomorrow;

  g_assert_cmpstr (folder_api, ==, folder);
  g_assert_null (rapport_backup_get_last (store, &when));
  g_assert_null (when);

  g_assert_true (rapport_backup_run_daily (store, &error));
  g_assert_no_error (error);
  assert_backup_holds (expected, 5);
  g_assert_cmpuint (mode_of (folder), ==, 0700);

  last = rapport_backup_get_last (store, &when);
  g_assert_cmpstr (last, ==, expected);
  g_assert_nonnull (when);
  g_assert_cmpint (ABS (g_date_time_to_unix (when) - g_get_real_time () / G_USEC_PER_SEC), <, 60);

  /* Once a day: later uses the same day change nothing. */
  add_customer (store, "Added after the backup");
  g_assert_true (rapport_backup_run_daily (store, &error));
  g_assert_no_error (error);
  listing = list_folder (folder);
  g_assert_cmpstr (listing, ==, "rapport-2026-03-02.db");
  assert_backup_holds (expected, 5);

  /* The next day, a new one. */
  safety_today (&tomorrow);
  g_date_add_days (&tomorrow, 1);
  rapport_store_set_today (store, &tomorrow);
  g_assert_true (rapport_backup_run_daily (store, &error));
  g_assert_no_error (error);
  g_free (listing);
  listing = list_folder (folder);
  g_assert_cmpstr (listing, ==, "rapport-2026-03-02.db rapport-2026-03-03.db");
  {
    g_autofree char *second = g_build_filename (folder, "rapport-2026-03-03.db", NULL);
    assert_backup_holds (second, 6);
  }
  g_clear_object (&store);
  safety_remove_tree (dir);
}

/* Two databases of one name but their extension, in one folder, each keep
 * their own daily backups. */
static void
test_databases_of_one_name_keep_their_own_backups (void)
{
  g_autofree char *dir = safety_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "shop.db", NULL);
  g_autofree char *other = g_build_filename (dir, "shop.sqlite", NULL);
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  g_autofree char *listing = NULL;
  g_autoptr(RapportStore) a = safety_store_with_customers (db, 2);
  g_autoptr(RapportStore) b = safety_store_with_customers (other, 4);
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_backup_run_daily (a, &error));
  g_assert_no_error (error);
  g_assert_true (rapport_backup_run_daily (b, &error));
  g_assert_no_error (error);
  listing = list_folder (folder);
  g_assert_cmpstr (listing, ==, "shop-2026-03-02.db shop.sqlite-2026-03-02.db");
  {
    g_autofree char *of_a = g_build_filename (folder, "shop-2026-03-02.db", NULL);
    g_autofree char *of_b = g_build_filename (folder, "shop.sqlite-2026-03-02.db", NULL);

    assert_backup_holds (of_a, 2);
    assert_backup_holds (of_b, 4);
  }
  g_clear_object (&a);
  g_clear_object (&b);
  safety_remove_tree (dir);
}

/* The database, its -wal and -shm, the backups and their folders are for
 * their owner only. */
static void
test_private (void)
{
  g_autofree char *dir = safety_make_tmpdir ();
  g_autofree char *folder = g_build_filename (dir, "new", "place", NULL);
  g_autofree char *db = g_build_filename (folder, "rapport.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);
  g_autofree char *backups = g_build_filename (folder, "backups", NULL);
  g_autofree char *default_folder = NULL;
  g_autofree char *default_db = rapport_store_default_path ();
  g_autofree char *expected_default = g_build_filename (g_get_user_data_dir (), "rapport", "backups", NULL);
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  mode_t saved = umask (0);

  /* Even with a permissive umask. */
  store = safety_store_with_customers (db, 2);
  written = rapport_backup_now (store, NULL, &error);
  g_assert_no_error (error);
  umask (saved);

  g_assert_cmpuint (mode_of (folder), ==, 0700);
  g_assert_cmpuint (mode_of (db), ==, 0600);
  g_assert_cmpuint (mode_of (wal), ==, 0600);
  g_assert_cmpuint (mode_of (shm), ==, 0600);
  g_assert_cmpuint (mode_of (backups), ==, 0700);
  g_assert_cmpuint (mode_of (written), ==, 0600);

  /* The default database keeps its backups in $XDG_DATA_HOME/rapport/backups. */
  default_folder = rapport_backup_get_folder (default_db);
  g_assert_cmpstr (default_folder, ==, expected_default);
  g_clear_object (&store);
  safety_remove_tree (dir);
}

static void
test_empty_database_not_backed_up (void)
{
  g_autofree char *dir = safety_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "rapport.db", NULL);
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  g_autoptr(RapportStore) store = safety_store_with_customers (db, 0);
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_backup_run_daily (store, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (folder, G_FILE_TEST_EXISTS));
  g_clear_object (&store);
  safety_remove_tree (dir);
}

static void
test_rotation (void)
{
  g_autofree char *dir = safety_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "shop.db", NULL);
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  g_autofree char *other = g_build_filename (folder, "other-2026-01-01.db", NULL);
  g_autofree char *notes = g_build_filename (folder, "notes.txt", NULL);
  g_autoptr(RapportStore) store = safety_store_with_customers (db, 1);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *extra = NULL;
  GDate day;

  /* Files that are not this database's backups are never touched. */
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (other, "x", 1, NULL));
  g_assert_true (g_file_set_contents (notes, "x", 1, NULL));
  /* What a backup killed halfway left: removed once an hour old, not before
   * (another process may be writing it). */
  {
    g_autofree char *stale = g_build_filename (folder, ".shop-2026-01-01.db.partial-AbC123", NULL);
    g_autofree char *fresh = g_build_filename (folder, ".shop-2026-01-02.db.partial-XyZ789", NULL);
    struct utimbuf old = { time (NULL) - 7200, time (NULL) - 7200 };
    g_assert_true (g_file_set_contents (stale, "half", 4, NULL));
    g_assert_cmpint (g_utime (stale, &old), ==, 0);
    g_assert_true (g_file_set_contents (fresh, "half", 4, NULL));
  }

  /* 60 days of daily use, from Monday 2026-01-05 to Thursday 2026-03-05. */
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 5, G_DATE_JANUARY, 2026);
  for (guint i = 0; i < 60; i++, g_date_add_days (&day, 1))
    {
      rapport_store_set_today (store, &day);
      g_assert_true (rapport_backup_run_daily (store, &error));
      g_assert_no_error (error);
    }

  /* The 7 last days, and the newest of each of the last 4 ISO weeks: W10 and
   * W09 (Mar 5, Mar 1: among the days), W08 (Feb 22), W07 (Feb 15). */
  listing = list_folder (folder);
  g_assert_cmpstr (listing, ==,
                   ".shop-2026-01-02.db.partial-XyZ789 notes.txt other-2026-01-01.db "
                   "shop-2026-02-15.db shop-2026-02-22.db shop-2026-02-27.db shop-2026-02-28.db "
                   "shop-2026-03-01.db shop-2026-03-02.db shop-2026-03-03.db shop-2026-03-04.db "
                   "shop-2026-03-05.db");

  /* A backup made on request the same day stays beside the daily one. */
  g_date_subtract_days (&day, 1);
  rapport_store_set_today (store, &day);
  extra = rapport_backup_now (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (extra, folder));
  g_assert_true (g_str_has_suffix (extra, ".db"));
  {
    g_autofree char *base = g_path_get_basename (extra);
    g_assert_true (g_str_has_prefix (base, "shop-2026-03-05-"));
    g_assert_cmpuint (strlen (base), ==, strlen ("shop-2026-03-05-123456.db"));
  }
  assert_backup_holds (extra, 1);
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  g_clear_object (&store);
  safety_remove_tree (dir);
}

static void
test_backup_into_file (void)
{
  g_autofree char *dir = safety_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "rapport.db", NULL);
  g_autofree char *file = g_build_filename (dir, "elsewhere", "copy.db", NULL);
  g_autoptr(RapportStore) store = safety_store_with_customers (db, 4);
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  written = rapport_backup_now (store, file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, file);
  assert_backup_holds (file, 4);

  /* An existing file is never overwritten. */
  before = safety_read_bytes (file);
  add_customer (store, "One more");
  again = rapport_backup_now (store, file, &error);
  g_assert_null (again);
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  after = safety_read_bytes (file);
  g_assert_true (g_bytes_equal (before, after));
  g_clear_object (&store);
  safety_remove_tree (dir);
}

/* SQLite's backup API copies a consistent snapshot while another process writes. */
static void
test_backup_while_another_process_writes (void)
{
  g_autofree char *dir = safety_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "busy.db", NULL);
  g_autofree char *worker = safety_worker_path ();
  const char *argv[] = { worker, "calls", db, "400", NULL };
  g_autoptr(RapportStore) store = safety_store_with_customers (db, 3);
  g_autoptr(GSubprocess) writer = NULL;
  g_autoptr(GError) error = NULL;
  gint64 previous = 0;

  writer = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *name = g_strdup_printf ("snapshot-%u.db", i);
      g_autofree char *file = g_build_filename (dir, name, NULL);
      g_autofree char *written = rapport_backup_now (store, file, &error);
      gint64 calls;

      g_assert_no_error (error);
      g_assert_true (rapport_backup_verify (written, &error));
      g_assert_no_error (error);
      calls = safety_query_int (file, "SELECT count(*) FROM calls");
      g_assert_cmpint (calls, >=, previous);
      /* Never half a call: each one has what it changed. */
      g_assert_cmpint (safety_query_int (file, "SELECT count(*) FROM calls c WHERE c.situations <> ''"
                                               " AND NOT EXISTS (SELECT 1 FROM call_effects e WHERE e.call_id = c.id)"),
                       ==, 0);
      previous = calls;
      g_usleep (20000);
    }
  g_assert_true (g_subprocess_wait_check (writer, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  safety_remove_tree (dir);
}

static void
test_restore (void)
{
  g_autofree char *dir = safety_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "rapport.db", NULL);
  g_autofree char *file = g_build_filename (dir, "monday.db", NULL);
  g_autofree char *folder = g_build_filename (dir, "backups", NULL);
  g_autoptr(RapportStore) store = safety_store_with_customers (db, 5);
  g_autoptr(GError) error = NULL;
  g_autofree char *written = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *listing = NULL;
  GDate today;

  written = rapport_backup_now (store, file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, file);
  add_customer (store, "Added after Monday");
  add_customer (store, "Also after Monday");
  g_clear_object (&store);

  safety_today (&today);
  g_assert_true (rapport_backup_restore (db, file, &today, &kept, &error));
  g_assert_no_error (error);

  /* The database is the backup again, private, with no stale WAL. */
  g_assert_cmpint (safety_query_int (db, "SELECT count(*) FROM customers"), ==, 5);
  g_assert_cmpuint (mode_of (db), ==, 0600);
  /* The previous database was kept, whole. */
  g_assert_nonnull (kept);
  g_assert_true (g_str_has_prefix (kept, folder));
  assert_backup_holds (kept, 7);
  /* Nothing left over from the work. */
  listing = list_folder (dir);
  g_assert_cmpstr (listing, ==, "backups monday.db rapport.db");

  /* And Rapport opens it and goes on. */
  store = rapport_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_store_count_customers (store), ==, 5);
  add_customer (store, "After the restore");
  g_clear_object (&store);
  safety_remove_tree (dir);
}

static void
make_newer_copy (const char *from,
                 const char *to)
{
  g_autoptr(GFile) a = g_file_new_for_path (from);
  g_autoptr(GFile) b = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  g_file_copy (a, b, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (to, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
make_damaged_copy (const char *from,
                   const char *to)
{
  g_autoptr(GBytes) bytes = safety_read_bytes (from);
  gsize len = g_bytes_get_size (bytes);
  guint8 *data = g_memdup2 (g_bytes_get_data (bytes, NULL), len);

  /* Scribble over the pages after the header. */
  g_assert_cmpuint (len, >, 4 * 4096);
  for (gsize i = 4096 + 8; i < len - 4096; i += 7)
    data[i] ^= 0x5a;
  g_assert_true (g_file_set_contents (to, (const char *) data, (gssize) len, NULL));
  g_free (data);
}

static void
make_foreign_db (const char *to)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (to, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('a')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_restore_refuses_bad_files (void)
{
  g_autofree char *dir = safety_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "rapport.db", NULL);
  g_autofree char *good = g_build_filename (dir, "good.db", NULL);
  g_autofree char *text = g_build_filename (dir, "notes.txt", NULL);
  g_autofree char *empty = g_build_filename (dir, "empty.db", NULL);
  g_autofree char *foreign = g_build_filename (dir, "music.db", NULL);
  g_autofree char *newer = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *damaged = g_build_filename (dir, "damaged.db", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.db", NULL);
  g_autoptr(RapportStore) store = safety_store_with_customers (db, 300);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *written = NULL;
  g_autofree char *listing_before = NULL;
  g_autofree char *newer_message = g_strdup_printf (" was written by a newer version of Rapport "
                                                    "(schema 99; this version knows up to %d). "
                                                    "Update Rapport to open it.",
                                                    RAPPORT_SCHEMA_VERSION);
  const struct {
    const char *file;
    RapportError code;
    const char *message;   /* after “FILE” */
  } cases[] = {
    { text, RAPPORT_ERROR_CORRUPT, " is not a Rapport database" },
    { empty, RAPPORT_ERROR_CORRUPT, " is not a Rapport database" },
    { foreign, RAPPORT_ERROR_CORRUPT, " is not a Rapport database" },
    { newer, RAPPORT_ERROR_NEWER_SCHEMA, newer_message },
    { damaged, RAPPORT_ERROR_CORRUPT, NULL },
    { missing, RAPPORT_ERROR_NOT_FOUND, " does not exist" },
  };

  written = rapport_backup_now (store, good, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, good);
  g_clear_object (&store);
  g_assert_true (g_file_set_contents (text, "name,phone\nAda,555\n", -1, NULL));
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  make_foreign_db (foreign);
  make_newer_copy (good, newer);
  make_damaged_copy (good, damaged);

  before = safety_read_bytes (db);
  listing_before = list_folder (dir);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) file_before = safety_read_bytes (cases[i].file);
      g_autoptr(GBytes) file_after = NULL;
      g_autoptr(GBytes) after = NULL;
      g_autofree char *listing = NULL;
      g_autofree char *kept = NULL;

      g_test_message ("restoring %s", cases[i].file);
      g_assert_false (rapport_backup_verify (cases[i].file, &error));
      g_assert_error (error, RAPPORT_ERROR, (gint) cases[i].code);
      g_clear_error (&error);

      g_assert_false (rapport_backup_restore (db, cases[i].file, NULL, &kept, &error));
      g_assert_error (error, RAPPORT_ERROR, (gint) cases[i].code);
      if (cases[i].message != NULL)
        {
          g_autofree char *expected = g_strconcat ("“", cases[i].file, "”", cases[i].message, NULL);
          g_assert_cmpstr (error->message, ==, expected);
        }
      else
        {
          g_autofree char *expected = g_strconcat ("“", cases[i].file, "” is damaged", NULL);
          g_assert_true (g_str_has_prefix (error->message, expected));
        }
      g_clear_error (&error);
      g_assert_null (kept);

      /* Neither the database nor the file was touched, nothing was left behind. */
      after = safety_read_bytes (db);
      g_assert_true (g_bytes_equal (before, after));
      file_after = safety_read_bytes (cases[i].file);
      g_assert_true (file_before == file_after || g_bytes_equal (file_before, file_after));
      listing = list_folder (dir);
      g_assert_cmpstr (listing, ==, listing_before);
    }
  safety_remove_tree (dir);
}

static void
test_restore_refuses_open_database (void)
{
  g_autofree char *dir = safety_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "rapport.db", NULL);
  g_autofree char *file = g_build_filename (dir, "copy.db", NULL);
  g_autoptr(RapportStore) store = safety_store_with_customers (db, 2);
  g_autoptr(GError) error = NULL;
  g_autofree char *written = rapport_backup_now (store, file, &error);
  g_autofree char *kept = NULL;
  g_autofree char *message = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, file);
  add_customer (store, "Not in the copy");

  /* The store still has it open: replacing it now would pull the file from
   * under a running Rapport. */
  g_assert_false (rapport_backup_restore (db, file, NULL, &kept, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_BUSY);
  message = g_strdup_printf ("“%s” is in use by another program (Rapport or rapport-cli); "
                             "close it and try again", db);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_null (kept);
  g_assert_cmpuint (rapport_store_count_customers (store), ==, 3);
  add_customer (store, "Still writable");
  g_clear_object (&store);
  g_assert_cmpint (safety_query_int (db, "SELECT count(*) FROM customers"), ==, 4);
  safety_remove_tree (dir);
}

static int
run_cli (const char  *db,
         char       **out,
         char       **err,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, (gpointer) g_getenv ("RAPPORT_CLI"));
  g_ptr_array_add (argv, "--database");
  g_ptr_array_add (argv, (gpointer) db);
  g_ptr_array_add (argv, "--today");
  g_ptr_array_add (argv, "2026-03-02");
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status,
                &error);
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli (void)
{
  g_autofree char *dir = safety_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "rapport.db", NULL);
  g_autofree char *file = g_build_filename (dir, "friday.db", NULL);
  g_autofree char *newer = g_build_filename (dir, "newer.db", NULL);
  g_autofree char *daily = g_build_filename (dir, "backups", "rapport-2026-03-02.db", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;

  if (g_getenv ("RAPPORT_CLI") == NULL)
    {
      g_test_skip ("RAPPORT_CLI is not set");
      return;
    }
  g_object_unref (safety_store_with_customers (db, 3));

  /* The runs here say --today 2026-03-02, which is not the real day: no
   * daily backup is named after it (test-cli-database checks the real day's). */
  g_assert_cmpint (run_cli (db, &out, &err, "backup", file, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  expected = g_strdup_printf ("Backed up to %s\n", file);
  g_assert_cmpstr (out, ==, expected);
  assert_backup_holds (file, 3);
  g_assert_false (g_file_test (daily, G_FILE_TEST_EXISTS));

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (db, &out, &err, "backup", file, NULL), ==, 2);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("rapport-cli: “%s” already exists; choose a new file name\n", file);
  g_assert_cmpstr (err, ==, expected);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (db, &out, &err, "customer", "add", "Ada", NULL), ==, 0);

  /* A newer schema is refused, with exit status 2, the database untouched. */
  make_newer_copy (file, newer);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (db, &out, &err, "restore", newer, NULL), ==, 2);
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("rapport-cli: “%s” was written by a newer version of Rapport (schema 99; "
                              "this version knows up to %d). Update Rapport to open it.\n", newer,
                              RAPPORT_SCHEMA_VERSION);
  g_assert_cmpstr (err, ==, expected);
  g_assert_cmpint (safety_query_int (db, "SELECT count(*) FROM customers"), ==, 4);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (db, &out, &err, "restore", file, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  g_clear_pointer (&expected, g_free);
  expected = g_strdup_printf ("Restored %s from %s\nThe previous database was kept as %s%s",
                              db, file, dir, G_DIR_SEPARATOR_S "backups" G_DIR_SEPARATOR_S "rapport-2026-03-02-");
  g_assert_true (g_str_has_prefix (out, expected));
  g_assert_true (g_str_has_suffix (out, ".db\n"));
  g_assert_cmpint (safety_query_int (db, "SELECT count(*) FROM customers"), ==, 3);

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  g_assert_cmpint (run_cli (db, &out, &err, "restore", NULL), ==, 2);
  g_assert_cmpstr (err, ==, "rapport-cli: usage: restore FILE\n");
  safety_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/safety/backup/daily-backup-is-made-once-a-day-private-and-intact", test_daily);
  g_test_add_func ("/safety/backup/databases-of-one-name-keep-their-own-backups",
                   test_databases_of_one_name_keep_their_own_backups);
  g_test_add_func ("/safety/backup/database-and-backups-are-for-their-owner-only", test_private);
  g_test_add_func ("/safety/backup/a-database-without-customers-is-not-backed-up",
                   test_empty_database_not_backed_up);
  g_test_add_func ("/safety/backup/rotation-keeps-7-days-and-4-weeks", test_rotation);
  g_test_add_func ("/safety/backup/backup-into-a-file-never-overwrites", test_backup_into_file);
  g_test_add_func ("/safety/backup/backup-is-consistent-while-another-process-writes",
                   test_backup_while_another_process_writes);
  g_test_add_func ("/safety/backup/restore-replaces-the-database-and-keeps-the-previous-one",
                   test_restore);
  g_test_add_func ("/safety/backup/restore-refuses-bad-files-without-touching-anything",
                   test_restore_refuses_bad_files);
  g_test_add_func ("/safety/backup/restore-refuses-a-database-that-is-open",
                   test_restore_refuses_open_database);
  g_test_add_func ("/safety/backup/cli-backup-and-restore", test_cli);
  return g_test_run ();
}

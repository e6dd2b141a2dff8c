/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-safety-test"

/* A full disk and a database that cannot be written: writes fail with a clear
 * message, reads go on, and nothing saved before is lost. */

#include "config.h"

#include <glib/gstdio.h>
#include <grp.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rapport-backup.h"
#include "rapport-error.h"
#include "safety-util.h"

#define N_SAVED 20
#define N_BEFORE_FULL 600
#define NOBODY 65534

/* The folder of the current test, shared with its subprocess. */
static char *
test_folder (void)
{
  g_autofree char *name = g_strdelimit (g_strdup (g_test_get_path ()), "/", '-');
  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

static void
add_named (RapportStore  *store,
           const char    *name,
           GError       **error)
{
  g_autoptr(RapportCustomer) customer = rapport_customer_new ();

  rapport_customer_set_name (customer, name);
  rapport_customer_set_notes (customer, "A long enough note to fill the pages of the database quickly, "
                                        "so that the file size limit is reached after a few hundred rows.");
  rapport_store_add_customer (store, customer, TRUE, error);
}

static void
limit_file_size (const char *db)
{
  GStatBuf st;
  struct rlimit limit;

  g_assert_cmpint (g_stat (db, &st), ==, 0);
  /* Room for the -shm (32 KiB) and some of the WAL, but less than the whole
   * database, so that a backup cannot fit either. Reads are not limited. */
  g_assert_cmpint (st.st_size, >=, 256 * 1024);
  limit.rlim_cur = limit.rlim_max = (rlim_t) st.st_size / 2;
  /* Beyond the limit write() must fail with EFBIG instead of killing us. */
  signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
}

static void
test_disk_full (void)
{
  g_autofree char *dir = test_folder ();
  g_autofree char *db = g_build_filename (dir, "full.db", NULL);

  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RapportStore) store = NULL;
      g_autofree char *backup = NULL;
      guint added = 0;

      limit_file_size (db);
      store = rapport_store_open (db, &error);
      g_assert_no_error (error);
      for (; added < 100000; added++)
        {
          g_autofree char *name = g_strdup_printf ("Added under the limit %u", added);
          add_named (store, name, &error);
          if (error != NULL)
            break;
        }
      g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_DISK_FULL);
      g_assert_cmpstr (error->message, ==, "Rapport could not save: the disk is full");
      g_clear_error (&error);

      /* Reading goes on after the failed write. */
      g_assert_cmpuint (rapport_store_count_customers (store), ==, N_BEFORE_FULL + added);

      /* A backup cannot be written either, and says why. */
      backup = rapport_backup_now (store, NULL, &error);
      g_assert_null (backup);
      g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_DISK_FULL);
      g_assert_cmpstr (error->message, ==, "Rapport could not save the backup: the disk is full");
      {
        g_autofree char *result = g_build_filename (dir, "added", NULL);
        g_autofree char *text = g_strdup_printf ("%u", added);
        /* The limit is for the database; this small file fits under it. */
        g_assert_true (g_file_set_contents (result, text, -1, NULL));
      }
      return;
    }

  safety_remove_tree (dir);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_object_unref (safety_store_with_customers (db, N_BEFORE_FULL));

  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  {
    g_autofree char *result = g_build_filename (dir, "added", NULL);
    g_autofree char *text = NULL;
    guint64 added;
    g_autoptr(GError) error = NULL;
    g_autoptr(RapportStore) store = NULL;
    g_autofree char *integrity = NULL;
    g_autofree char *backups = rapport_backup_get_folder (db);
    g_autoptr(GDir) listing = NULL;

    g_assert_true (g_file_get_contents (result, &text, NULL, NULL));
    added = g_ascii_strtoull (text, NULL, 10);
    g_assert_cmpuint (added, >, 0);
    integrity = safety_query_text (db, "PRAGMA integrity_check");
    g_assert_cmpstr (integrity, ==, "ok");
    /* Without the limit: everything saved before and during the run is there. */
    store = rapport_store_open (db, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rapport_store_count_customers (store), ==, N_BEFORE_FULL + added);
    g_assert_cmpint (safety_query_int (db, "SELECT count(*) FROM customers WHERE name = 'Customer 599'"),
                     ==, 1);
    /* And it can be written again. */
    add_named (store, "After the disk was freed", &error);
    g_assert_no_error (error);
    /* The failed backup left no partial file behind. */
    listing = g_dir_open (backups, 0, NULL);
    g_assert_null (listing ? g_dir_read_name (listing) : NULL);
  }
  safety_remove_tree (dir);
}

/* Reads work, writes fail with a clear message, the file is not touched. */
static void
check_read_only (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GBytes) before = safety_read_bytes (db);
  g_autoptr(GBytes) after = NULL;
  g_autofree char *expected = NULL;
  GDate today;

  store = rapport_store_open (db, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_store_is_read_only (store));
  g_assert_cmpuint (rapport_store_count_customers (store), ==, N_SAVED);
  safety_today (&today);
  rapport_store_set_today (store, &today);
  agenda = rapport_store_get_agenda (store, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (agenda->len, ==, N_SAVED);

  add_named (store, "Cannot be saved", &error);
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_READ_ONLY);
  expected = g_strdup_printf ("Rapport could not save: “%s” cannot be written", db);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  /* The daily backup quietly does nothing. */
  g_assert_true (rapport_backup_run_daily (store, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (rapport_store_count_customers (store), ==, N_SAVED);
  g_clear_object (&store);
  after = safety_read_bytes (db);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_forced_read_only (void)
{
  g_autofree char *dir = safety_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "forced.db", NULL);

  g_object_unref (safety_store_with_customers (db, N_SAVED));
  g_setenv ("RAPPORT_FORCE_READ_ONLY", "1", TRUE);
  check_read_only (db);
  g_unsetenv ("RAPPORT_FORCE_READ_ONLY");
  safety_remove_tree (dir);
}

/* Root writes anything: the subprocess becomes nobody for the real
 * permission checks. Returns FALSE (and skips) when that is not possible. */
static gboolean
become_unprivileged (void)
{
  if (geteuid () != 0)
    return TRUE;
  return setgroups (0, NULL) == 0 && setgid (NOBODY) == 0 && setuid (NOBODY) == 0;
}

static void
permission_test (gboolean read_only_folder)
{
  g_autofree char *dir = test_folder ();
  g_autofree char *db = g_build_filename (dir, "locked-down.db", NULL);

  if (g_test_subprocess ())
    {
      if (!become_unprivileged ())
        {
          /* Still root: tell the parent to skip, it cannot be tested here. */
          g_autofree char *marker = g_strconcat (dir, ".skipped", NULL);
          g_assert_true (g_file_set_contents (marker, "", 0, NULL));
          return;
        }
      check_read_only (db);
      return;
    }

  safety_remove_tree (dir);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_object_unref (safety_store_with_customers (db, N_SAVED));
  if (read_only_folder)
    {
      /* The file itself could be written; its folder, where SQLite keeps the
       * -wal and -shm beside it, cannot. */
      g_assert_cmpint (g_chmod (db, 0666), ==, 0);
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
    }
  else
    {
      g_assert_cmpint (g_chmod (db, 0444), ==, 0);
      g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
    }
  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  {
    g_autofree char *marker = g_strconcat (dir, ".skipped", NULL);
    if (g_unlink (marker) == 0)
      g_test_skip ("cannot switch to an unprivileged user to test file permissions");
  }
  safety_remove_tree (dir);
}

static void
test_read_only_file (void)
{
  permission_test (FALSE);
}

static void
test_read_only_folder (void)
{
  permission_test (TRUE);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/safety/disk/full-disk-fails-clearly-and-keeps-what-was-saved", test_disk_full);
  g_test_add_func ("/safety/disk/forced-read-only-reads-and-refuses-writes", test_forced_read_only);
  g_test_add_func ("/safety/disk/read-only-file-reads-and-refuses-writes", test_read_only_file);
  g_test_add_func ("/safety/disk/read-only-folder-reads-and-refuses-writes", test_read_only_folder);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-safety-test"

/* Concurrent use: several processes writing one database at once lose
 * nothing and never show "database is locked" to a person. */

#include "config.h"

#include <gio/gio.h>
#include <sqlite3.h>

#include "rapport-error.h"
#include "safety-util.h"

#define CALLS_PER_WORKER 1000

static GSubprocess *
spawn (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                  G_SUBPROCESS_FLAGS_STDERR_MERGE, &error);

  g_assert_no_error (error);
  return process;
}

/* Waits for @process; its whole output, which must not mention a lock. */
static char *
finish (GSubprocess *process)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  g_autofree char *lower = NULL;

  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  lower = g_ascii_strdown (out, -1);
  g_assert_null (strstr (lower, "locked"));
  g_assert_null (strstr (lower, "busy"));
  if (!g_subprocess_get_successful (process))
    g_error ("%s failed: %s", "a writer", out);
  return out;
}

static void
test_two_processes_log_calls (void)
{
  g_autofree char *dir = safety_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "shared.db", NULL);
  g_autofree char *worker = safety_worker_path ();
  g_autofree char *n = g_strdup_printf ("%d", CALLS_PER_WORKER);
  const char *argv[] = { worker, "calls", db, n, NULL };
  g_autoptr(GSubprocess) a = NULL;
  g_autoptr(GSubprocess) b = NULL;
  g_autofree char *out_a = NULL;
  g_autofree char *out_b = NULL;
  gint64 start;

  g_object_unref (safety_store_with_customers (db, 3));

  start = g_get_monotonic_time ();
  a = spawn (argv);
  b = spawn (argv);
  out_a = finish (a);
  out_b = finish (b);

  g_assert_cmpint (safety_query_int (db, "SELECT count(*) FROM calls"), ==, 2 * CALLS_PER_WORKER);
  g_assert_cmpint (safety_query_int (db, "SELECT count(DISTINCT customer_id) FROM calls"), ==, 2);
  g_assert_cmpint (safety_query_int (db, "SELECT max(n) FROM (SELECT count(*) AS n FROM calls GROUP BY customer_id)"),
                   ==, CALLS_PER_WORKER);
  g_assert_cmpint (safety_query_int (db, "SELECT count(DISTINCT uuid) FROM calls"), ==, 2 * CALLS_PER_WORKER);
  g_print ("CONCURRENCY-FIGURES processes=2 calls=%d seconds=%.1f\n", 2 * CALLS_PER_WORKER,
           (g_get_monotonic_time () - start) / 1e6);
  safety_remove_tree (dir);
}

/* The first use of a new database by several programs at once: each finds
 * the file made, or makes it, and none fails on the others' half-made
 * schema ("table settings already exists"). Several rounds, as who wins is
 * a race. */
static void
test_several_programs_create_one_database (void)
{
  const char *cli = g_getenv ("RAPPORT_CLI");
  g_autofree char *dir = safety_make_tmpdir ();

  if (cli == NULL)
    {
      g_test_skip ("RAPPORT_CLI is not set");
      return;
    }
  for (guint round = 0; round < 5; round++)
    {
      g_autofree char *db = g_strdup_printf ("%s/new-%u.db", dir, round);
      GSubprocess *processes[4];

      for (guint i = 0; i < G_N_ELEMENTS (processes); i++)
        {
          g_autofree char *name = g_strdup_printf ("Customer %u", i);
          const char *argv[] = { cli, "--database", db, "customer", "add", name, NULL };

          processes[i] = spawn (argv);
        }
      for (guint i = 0; i < G_N_ELEMENTS (processes); i++)
        {
          g_autofree char *out = finish (processes[i]);

          g_object_unref (processes[i]);
        }
      g_assert_cmpint (safety_query_int (db, "SELECT count(*) FROM customers"), ==, 4);
    }
  safety_remove_tree (dir);
}

/* Two edits of one customer at once (two people, two scripts) each keep
 * their field: neither writes back what it read before the other wrote. */
static void
test_two_edits_at_once_keep_both_fields (void)
{
  const char *cli = g_getenv ("RAPPORT_CLI");
  g_autofree char *dir = safety_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "edits.db", NULL);

  if (cli == NULL)
    {
      g_test_skip ("RAPPORT_CLI is not set");
      return;
    }
  for (guint round = 0; round < 8; round++)
    {
      g_autofree char *name = g_strdup_printf ("Customer %u", round);
      g_autofree char *phone = g_strdup_printf ("555-01%02u", round);
      g_autofree char *email = g_strdup_printf ("c%u@example.org", round);
      g_autofree char *id = NULL;
      g_autofree char *sql = NULL;

      {
        const char *add[] = { cli, "--database", db, "customer", "add", name, NULL };
        g_autoptr(GSubprocess) p = spawn (add);

        id = g_strstrip (finish (p));
      }
      {
        const char *by_phone[] = { cli, "--database", db, "customer", "edit", id, "--phone", phone, NULL };
        const char *by_email[] = { cli, "--database", db, "customer", "edit", id, "--email", email, NULL };
        g_autoptr(GSubprocess) a = spawn (by_phone);
        g_autoptr(GSubprocess) b = spawn (by_email);
        g_autofree char *out_a = finish (a);
        g_autofree char *out_b = finish (b);
      }
      sql = g_strdup_printf ("SELECT count(*) FROM customers WHERE uuid = '%s' AND phone = '%s' AND email = '%s'",
                             id, phone, email);
      g_assert_cmpint (safety_query_int (db, sql), ==, 1);
    }
  safety_remove_tree (dir);
}

/* rapport-cli run again and again while another process writes without pause. */
static void
test_cli_beside_a_writer (void)
{
  g_autofree char *dir = safety_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "shared.db", NULL);
  g_autofree char *worker = safety_worker_path ();
  const char *cli = g_getenv ("RAPPORT_CLI");
  const char *argv[] = { worker, "calls", db, "600", NULL };
  g_autoptr(GSubprocess) writer = NULL;
  g_autofree char *out = NULL;
  guint n_cli = 0;

  if (cli == NULL)
    {
      g_test_skip ("RAPPORT_CLI is not set");
      return;
    }
  g_object_unref (safety_store_with_customers (db, 1));

  writer = spawn (argv);
  for (guint i = 0; i < 12; i++, n_cli++)
    {
      g_autofree char *name = g_strdup_printf ("Cli %u", i);
      const char *cli_argv[] = { cli, "--database", db, "--today", "2026-03-02", "customer", "add",
                                 name, "--since", "2026-02-20", NULL };
      g_autoptr(GSubprocess) one = spawn (cli_argv);
      g_autofree char *cli_out = finish (one);

      /* rapport-cli customer add prints the new id. */
      g_assert_cmpuint (strlen (cli_out), ==, 37);
    }
  out = finish (writer);

  g_assert_cmpint (safety_query_int (db, "SELECT count(*) FROM customers WHERE name LIKE 'Cli %'"), ==,
                   n_cli);
  g_assert_cmpint (safety_query_int (db, "SELECT count(*) FROM calls"), ==, 600);
  safety_remove_tree (dir);
}

typedef struct {
  char *db;
  gulong hold_us;
  gint locked;     /* set once the lock is held */
} Holder;

/* Holds the write lock from a second, plain SQLite connection. */
static gpointer
hold_write_lock (gpointer data)
{
  Holder *h = data;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (h->db, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  g_atomic_int_set (&h->locked, 1);
  g_usleep (h->hold_us);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  return NULL;
}

static void
write_while_locked (int busy_timeout_ms)
{
  g_autofree char *dir = safety_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "locked.db", NULL);
  g_autoptr(RapportStore) store = safety_store_with_customers (db, 1);
  g_autoptr(RapportCustomer) customer = rapport_customer_new ();
  g_autoptr(GError) error = NULL;
  Holder holder = { db, G_USEC_PER_SEC / 2, 0 };
  GThread *thread;
  gint64 start;

  if (busy_timeout_ms >= 0)
    sqlite3_busy_timeout (rapport_database_get_handle (rapport_store_get_database (store)),
                          busy_timeout_ms);

  thread = g_thread_new ("lock-holder", hold_write_lock, &holder);
  while (!g_atomic_int_get (&holder.locked))
    g_usleep (1000);

  start = g_get_monotonic_time ();
  rapport_customer_set_name (customer, "Waited for the lock");
  g_assert_true (rapport_store_add_customer (store, customer, TRUE, &error));
  g_assert_no_error (error);
  /* It did have to wait for the other connection. */
  g_assert_cmpint (g_get_monotonic_time () - start, >=, G_USEC_PER_SEC / 4);
  g_thread_join (thread);

  g_assert_cmpuint (rapport_store_count_customers (store), ==, 2);
  g_clear_object (&store);
  g_assert_cmpint (safety_query_int (db, "SELECT count(*) FROM customers"), ==, 2);
  safety_remove_tree (dir);
}

/* The busy timeout (5 s) waits the lock out. */
static void
test_waits_for_a_held_lock (void)
{
  write_while_locked (-1);
}

/* With a busy timeout shorter than the lock, SQLite gives up and the whole
 * transaction is run again until it goes through. */
static void
test_retries_after_the_busy_timeout (void)
{
  write_while_locked (50);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/safety/concurrency/two-processes-log-1000-calls-each-and-lose-none",
                   test_two_processes_log_calls);
  g_test_add_func ("/safety/concurrency/two-edits-at-once-keep-both-fields",
                   test_two_edits_at_once_keep_both_fields);
  g_test_add_func ("/safety/concurrency/several-programs-create-one-database",
                   test_several_programs_create_one_database);
  g_test_add_func ("/safety/concurrency/rapport-cli-writes-beside-another-writer",
                   test_cli_beside_a_writer);
  g_test_add_func ("/safety/concurrency/a-write-waits-for-a-lock-held-by-another-connection",
                   test_waits_for_a_held_lock);
  g_test_add_func ("/safety/concurrency/a-transaction-is-retried-when-the-busy-timeout-expires",
                   test_retries_after_the_busy_timeout);
  return g_test_run ();
}

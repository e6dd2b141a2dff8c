/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-safety-test"

/* Crash safety: writers are killed with SIGKILL at random moments, 200 times;
 * after every kill the database must pass integrity_check and hold every
 * operation whole or not at all. The writers: rapport-crash-worker (customers
 * with their follow-up, calls, batches of 50 customers in one transaction),
 * rapport-cli customer add and rapport-cli import of 300 customers.
 * RAPPORT_CRASH_KILLS changes the number. */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "safety-util.h"

#define BATCH_SIZE 50
#define IMPORT_SIZE 300

typedef struct {
  gint64 pairs;     /* customers added by "pairs" workers */
  gint64 calls;
  gint64 batch;     /* customers added by "batch" workers */
  gint64 cli;       /* customers added by rapport-cli customer add */
  gint64 import;    /* customers imported by rapport-cli import */
} Counts;

typedef struct {
  guint runs;
  guint kills;
  guint in_flight;             /* killed while an operation was under way */
  guint rolled_back;           /* … of which nothing stayed */
  guint batch_rolled_back;     /* … of which a batch of 50 rolled back whole */
  guint imports_killed;        /* rapport-cli import killed before it ended */
  guint imports_rolled_back;   /* … of which nothing of the file stayed */
} Figures;

static void
read_counts (sqlite3 *db,
             Counts  *out)
{
  out->pairs = safety_db_int (db, "SELECT count(*) FROM customers WHERE name LIKE 'Pair %'");
  out->calls = safety_db_int (db, "SELECT count(*) FROM calls");
  out->batch = safety_db_int (db, "SELECT count(*) FROM customers WHERE name LIKE 'Batch %'");
  out->cli = safety_db_int (db, "SELECT count(*) FROM customers WHERE name LIKE 'Cli %'");
  out->import = safety_db_int (db, "SELECT count(*) FROM customers WHERE name LIKE 'Import %'");
}

/* What must hold after any crash, whatever was running. */
static void
check_consistent (sqlite3 *db)
{
  g_autofree char *integrity = safety_db_text (db, "PRAGMA integrity_check");

  g_assert_cmpstr (integrity, ==, "ok");
  g_assert_cmpint (safety_db_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  /* A customer and its `new` follow-up are written together. */
  g_assert_cmpint (safety_db_int (db, "SELECT count(*) FROM customers"), ==,
                   safety_db_int (db, "SELECT count(*) FROM follow_ups WHERE situation = 'new'"));
  /* A call, what it changed and the follow-up it closed are written together. */
  g_assert_cmpint (safety_db_int (db,
                                     "SELECT count(*) FROM calls c WHERE situations <> 'new'"
                                     " OR (SELECT count(*) FROM call_effects e WHERE e.call_id = c.id) <> 1"),
                   ==, 0);
  g_assert_cmpint (safety_db_int (db,
                                     "SELECT count(*) FROM call_effects e JOIN follow_ups f ON f.id = e.follow_up_id"
                                     " WHERE f.state <> 'closed' OR f.closed_by_call IS NOT e.call_id"
                                     " OR e.prev_state <> 'open'"),
                   ==, 0);
  g_assert_cmpint (safety_db_int (db, "SELECT count(*) FROM follow_ups WHERE state = 'closed'"), ==,
                   safety_db_int (db, "SELECT count(*) FROM calls"));
  /* The customers of one batch are all there or none is. */
  g_assert_cmpint (safety_db_int (db, "SELECT count(*) FROM customers WHERE name LIKE 'Batch %'")
                   % BATCH_SIZE, ==, 0);
  /* An import is one transaction: the whole file or nothing of it. */
  g_assert_cmpint (safety_db_int (db, "SELECT count(*) FROM customers WHERE name LIKE 'Import %'")
                   % IMPORT_SIZE, ==, 0);
  /* The search index holds the live customers, no more, no fewer (it keeps
   * no rows of its own to count: every name starts with one of these). */
  g_assert_cmpint (safety_db_int (db, "SELECT count(*) FROM customers_fts"
                                      " WHERE customers_fts MATCH '\"pai\" OR \"bat\" OR \"cli\" OR \"imp\"'"),
                   ==, safety_db_int (db, "SELECT count(*) FROM customers WHERE deleted_at IS NULL"));
  g_assert_cmpint (safety_db_int (db, "SELECT count(*) FROM customers_fts f"
                                      " JOIN customers c ON c.id = f.rowid AND c.deleted_at IS NULL"
                                      " WHERE customers_fts MATCH '\"pai\" OR \"bat\" OR \"cli\" OR \"imp\"'"),
                   ==, safety_db_int (db, "SELECT count(*) FROM customers WHERE deleted_at IS NULL"));
}

static gboolean
cli_has_import (const char *cli)
{
  const char *argv[] = { cli, "import", "--help", NULL };
  int status = -1;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL))
    return FALSE;
  return WIFEXITED (status) && WEXITSTATUS (status) == 0;
}

static void
write_import_file (const char *path,
                   guint       run)
{
  g_autoptr(GString) csv = g_string_new ("name,company,notes\n");

  for (guint row = 0; row < IMPORT_SIZE; row++)
    g_string_append_printf (csv, "Import %u-%u,Company %u,Imported in run %u\n", run, row, row, run);
  g_assert_true (g_file_set_contents (path, csv->str, (gssize) csv->len, NULL));
}

/* One plain SQLite connection for all the checks after a kill. */
static sqlite3 *
open_check (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  return db;
}

/* Counts the confirmed operations; returns the one under way when killed
 * (its upper-case letter), or 0. */
static char
count_letters (const char *path,
               guint      *c,
               guint      *l,
               guint      *b)
{
  g_autofree char *text = NULL;
  gsize len = 0;

  *c = *l = *b = 0;
  if (!g_file_get_contents (path, &text, &len, NULL))
    return 0;
  for (const char *p = text; *p; p++)
    {
      *c += *p == 'c';
      *l += *p == 'l';
      *b += *p == 'b';
    }
  /* Letters end with a newline; the last one is two bytes before the end. */
  if (len >= 2 && g_ascii_isupper (text[len - 2]))
    return text[len - 2];
  return 0;
}

/* Starts @argv, lets it run for a random while, kills it. Returns TRUE if it
 * was killed, FALSE if it had ended on its own (with its exit status). */
static gboolean
run_and_kill (char   **argv,
              gint64   max_us,
              int     *exit_status)
{
  g_autoptr(GError) error = NULL;
  GPid pid;
  int status = 0;
  gint64 delay = g_test_rand_int_range (500, (gint32) max_us);

  g_spawn_async (NULL, argv, NULL,
                 G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  g_usleep ((gulong) delay);
  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_spawn_close_pid (pid);
  *exit_status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
  return WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL;
}

static void
test_crash_random_kills (void)
{
  g_autofree char *dir = safety_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "crash.db", NULL);
  g_autofree char *progress = g_build_filename (dir, "progress", NULL);
  g_autofree char *import_file = g_build_filename (dir, "import.csv", NULL);
  g_autofree char *worker = safety_worker_path ();
  const char *cli = g_getenv ("RAPPORT_CLI");
  const char *kills_env = g_getenv ("RAPPORT_CRASH_KILLS");
  guint n_kills = kills_env ? (guint) g_ascii_strtoull (kills_env, NULL, 10) : 200;
  Figures figures = { 0 };
  Counts before;
  sqlite3 *check;
  gint64 start = g_get_monotonic_time ();
  gboolean with_import = cli != NULL && cli_has_import (cli);

  g_object_unref (safety_store_with_customers (db, 0));
  check = open_check (db);
  read_counts (check, &before);
  sqlite3_close (check);

  /* A run of rapport-cli may end before its kill: go on until n_kills
   * processes were killed (with a bound, in case none ever is). */
  for (guint i = 0; figures.kills < n_kills && i < 2 * n_kills; i++)
    {
      /* pairs, batch, pairs, batch, rapport-cli customer add, rapport-cli import */
      guint kind = i % 6;
      Counts after;
      guint c, l, b;
      int status;
      gboolean killed;

      g_unlink (progress);
      if (kind == 5 && with_import)
        {
          char *argv[] = { (char *) cli, "--database", db, "--today", "2026-03-02", "import",
                           "--new-customers", import_file, NULL };
          write_import_file (import_file, i);
          killed = run_and_kill (argv, 110000, &status);
          if (!killed)
            g_assert_cmpint (status, ==, 0);
          check = open_check (db);
          read_counts (check, &after);
          if (killed)
            {
              g_assert_true (after.import == before.import || after.import == before.import + IMPORT_SIZE);
              figures.imports_killed++;
              figures.imports_rolled_back += after.import == before.import;
            }
          else
            g_assert_cmpint (after.import, ==, before.import + IMPORT_SIZE);
          g_assert_cmpint (after.cli, ==, before.cli);
        }
      else if (kind >= 4 && cli != NULL)
        {
          /* The real program, killed anywhere from start-up to exit. */
          g_autofree char *name = g_strdup_printf ("Cli %u", i);
          char *argv[] = { (char *) cli, "--database", db, "--today", "2026-03-02", "customer",
                           "add", name, "--since", "2026-02-20", "--phone", "555 0101", NULL };
          killed = run_and_kill (argv, 80000, &status);
          if (!killed)
            g_assert_cmpint (status, ==, 0);
          check = open_check (db);
          read_counts (check, &after);
          g_assert_cmpint (after.cli, >=, before.cli);
          g_assert_cmpint (after.cli, <=, before.cli + 1);
          if (!killed)
            g_assert_cmpint (after.cli, ==, before.cli + 1);
        }
      else
        {
          gboolean batch = kind % 2 == 1;
          char *argv[] = { worker, batch ? "batch" : "pairs", db, progress, NULL };

          /* A batch worker writes ~50 customers a millisecond: kill it sooner so
           * that the database, checked whole after every kill, stays small. */
          killed = run_and_kill (argv, batch ? 40000 : 70000, &status);
          g_assert_true (killed);
          char under_way = count_letters (progress, &c, &l, &b);

          check = open_check (db);
          read_counts (check, &after);
          /* Every confirmed operation is there, at most one more that was
           * committed but not yet confirmed. */
          g_assert_cmpint (after.pairs, >=, before.pairs + c);
          g_assert_cmpint (after.pairs, <=, before.pairs + c + 1);
          g_assert_cmpint (after.calls, >=, before.calls + l);
          g_assert_cmpint (after.calls, <=, before.calls + l + 1);
          g_assert_cmpint (after.batch, >=, before.batch + (gint64) b * BATCH_SIZE);
          g_assert_cmpint (after.batch, <=, before.batch + (gint64) (b + 1) * BATCH_SIZE);
          if (under_way != 0)
            {
              gboolean stayed = after.pairs > before.pairs + c || after.calls > before.calls + l ||
                                after.batch > before.batch + (gint64) b * BATCH_SIZE;
              figures.in_flight++;
              figures.rolled_back += !stayed;
              figures.batch_rolled_back += !stayed && under_way == 'B';
            }
          else
            {
              /* Nothing was under way: exactly the confirmed operations. */
              g_assert_cmpint (after.pairs, ==, before.pairs + c);
              g_assert_cmpint (after.calls, ==, before.calls + l);
              g_assert_cmpint (after.batch, ==, before.batch + (gint64) b * BATCH_SIZE);
            }
        }
      check_consistent (check);
      sqlite3_close (check);
      figures.kills += killed;
      figures.runs++;
      before = after;
    }

  g_print ("CRASH-FIGURES runs=%u kills=%u seconds=%.1f in_flight=%u rolled_back=%u "
           "batch_rolled_back=%u imports_killed=%u imports_rolled_back=%u customers=%" G_GINT64_FORMAT
           " batch_customers=%" G_GINT64_FORMAT " cli_customers=%" G_GINT64_FORMAT
           " imported_customers=%" G_GINT64_FORMAT " calls=%" G_GINT64_FORMAT "\n",
           figures.runs, figures.kills, (g_get_monotonic_time () - start) / 1e6, figures.in_flight,
           figures.rolled_back, figures.batch_rolled_back, figures.imports_killed,
           figures.imports_rolled_back, before.pairs + before.batch + before.cli + before.import,
           before.batch, before.cli, before.import, before.calls);
  /* Many kills must land in the middle of a transaction, or the test proves
   * little. */
  g_assert_cmpuint (figures.kills, ==, n_kills);
  g_assert_cmpuint (figures.in_flight + figures.imports_killed, >=, n_kills / 2);
  safety_remove_tree (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/safety/crash/every-kill-leaves-whole-operations-and-an-intact-database",
                   test_crash_random_kills);
  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "rapport-date.h"
#include "report-seed.h"

void
report_date (const char *iso,
             GDate      *out)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_date_parse (iso, out, &error));
  g_assert_no_error (error);
}

RapportStore *
report_store_new (char **dir_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("rapport-report-XXXXXX", &error);
  g_autofree char *path = NULL;
  RapportStore *store;

  g_assert_no_error (error);
  path = g_build_filename (dir, "rapport.db", NULL);
  store = rapport_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  rapport_store_set_staff (store, "Owner");
  *dir_out = g_steal_pointer (&dir);
  return store;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

void
report_store_free (RapportStore *store,
                   char         *dir)
{
  g_object_unref (store);
  remove_tree (dir);
  g_free (dir);
}

char *
report_seed_customer (RapportStore *store,
                      const char   *name,
                      const char   *since,
                      gboolean      new_follow_up)
{
  g_autoptr(RapportCustomer) c = rapport_customer_new ();
  g_autoptr(GError) error = NULL;
  GDate day;

  rapport_customer_set_name (c, name);
  report_date (since, &day);
  rapport_customer_set_since (c, &day);
  rapport_store_set_today (store, &day);
  g_assert_true (rapport_store_add_customer (store, c, new_follow_up, &error));
  g_assert_no_error (error);
  return g_strdup (rapport_customer_get_id (c));
}

void
report_seed_flag (RapportStore     *store,
                  const char       *day,
                  const char       *customer,
                  RapportSituation  situation)
{
  g_autoptr(GError) error = NULL;
  GDate d;

  report_date (day, &d);
  rapport_store_set_today (store, &d);
  g_assert_true (rapport_store_flag (store, customer, situation, NULL, &d, &error));
  g_assert_no_error (error);
}

char *
report_seed_call (RapportStore      *store,
                  const char        *day,
                  const char        *customer,
                  const char        *staff,
                  RapportCallResult  result,
                  guint              satisfaction,
                  gboolean           problem_persists,
                  const char        *callback,
                  const char        *note)
{
  g_autoptr(GError) error = NULL;
  RapportCallInput input = { 0 };
  GDate d, cb;
  char *id;

  report_date (day, &d);
  rapport_store_set_today (store, &d);
  if (callback)
    report_date (callback, &cb);
  input.result = result;
  input.satisfaction = satisfaction;
  input.problem_persists = problem_persists;
  input.callback = callback ? &cb : NULL;
  input.note = note;
  input.staff = staff;
  id = rapport_store_log_call (store, customer, &input, &error);
  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

/*
 * The seeded week 2026-W48, Monday 23 to Sunday 29 November 2026 (default
 * rules: Monday–Friday, irate due 1 business day after the flag, new 2 after
 * the first service, a retry 1 later, unreachable after 3 failed attempts):
 *
 *  #  day     customer  staff  result        rating  situations
 *  1  Mon 23  Alice     Bea    reached       5       irate,new  (irate recovered)
 *  2  Mon 23  Dan       Bea    no-answer     -       new
 *  3  Tue 24  Bob       Carl   reached       2       -          note "=HYPERLINK(…)"
 *  4  Tue 24  Dan       Bea    no-answer     -       new
 *  5  Tue 24  Jo        Ann    reached       3       irate      (closed satisfied, not recovered)
 *  6  Wed 25  Cora      Bea    reached       3 + problem persists, nothing-went-right
 *  7  Wed 25  Dan       Bea    voicemail     -       new        (3rd attempt: unreachable)
 *  8  Thu 26  Eve       Carl   callback 30th -       new
 *  9  Thu 26  Finn      Ann    reached       4       irate      (recovered)
 * 10  Fri 27  Gus       Ann    wrong-number  -       -
 * 11  Fri 27  Hana      Ann    reached       4       regular
 * 12  Sat 28  Ivy       Carl   reached       1       -          note "+1 angry"
 * 13  Sun 29  Bob       Carl   reached       5       -
 *  -  Fri 27  Gus       Zed    reached       1       (deleted: never counts)
 *
 * Around it: Sun 4 Oct (W40) Bob reached 1; Mon 5 Oct (W41) Bob reached 3;
 * Mon 26 Oct (W44) Ivy no-answer; Sun 1 Nov (W44) Ivy reached 4;
 * Sun 22 Nov (W47) Gus reached 5; Mon 30 Nov (W49) Eve reached 4.
 *
 * Expected for W48: attempts 13, customers_called 10, reached 9 (8 reached +
 * 1 callback), reach 69.2 %, rated 8, sum 27, average 3.38 (3.375 rounds up),
 * CSAT 4/8 = 50.0 %, ratings 1:1 2:1 3:2 4:2 5:2, problems_persisting 1,
 * recovered 2, unreachable 1, open_at_end 3 (Cora's new waiting
 * nothing-went-right, Eve's new, Hana's next regular), needs attention Bob
 * (24th), Cora (25th), Ivy (28th).
 */
void
report_seed_week_48 (RapportStore *store,
                     ReportSeed   *seed)
{
  sqlite3 *db = rapport_database_get_handle (rapport_store_get_database (store));
  g_autofree char *deleted = NULL;
  sqlite3_stmt *stmt = NULL;
  GDate day;

  seed->alice = report_seed_customer (store, "Alice Archer", "2026-11-19", TRUE);
  seed->bob = report_seed_customer (store, "Bob Baker", "2026-09-01", FALSE);
  seed->cora = report_seed_customer (store, "Cora Cole", "2026-09-01", FALSE);
  seed->dan = report_seed_customer (store, "Dan Dale", "2026-11-19", TRUE);
  seed->eve = report_seed_customer (store, "Eve Evans", "2026-11-19", TRUE);
  seed->finn = report_seed_customer (store, "Finn Ford", "2026-09-01", FALSE);
  seed->gus = report_seed_customer (store, "Gus Green", "2026-09-01", FALSE);
  seed->hana = report_seed_customer (store, "Hana Hill", "2026-08-28", FALSE);
  seed->ivy = report_seed_customer (store, "Ivy Irwin", "2026-09-01", FALSE);
  seed->jo = report_seed_customer (store, "Jo Jones", "2026-09-01", FALSE);

  /* Hana's regular check-in: 90 days after 28 Aug is Thu 26 Nov. */
  report_seed_flag (store, "2026-08-28", seed->hana, RAPPORT_SITUATION_REGULAR);
  report_seed_flag (store, "2026-11-16", seed->cora, RAPPORT_SITUATION_NOTHING_WENT_RIGHT);
  report_seed_flag (store, "2026-11-20", seed->alice, RAPPORT_SITUATION_IRATE);
  report_seed_flag (store, "2026-11-20", seed->jo, RAPPORT_SITUATION_IRATE);
  report_date ("2026-11-20", &day);
  rapport_store_set_today (store, &day);
  g_assert_true (rapport_store_mark_corrected (store, seed->cora, &day, NULL, NULL));

  g_free (report_seed_call (store, "2026-10-04", seed->bob, "Bea", RAPPORT_RESULT_REACHED, 1, FALSE, NULL, "W40"));
  g_free (report_seed_call (store, "2026-10-05", seed->bob, "Bea", RAPPORT_RESULT_REACHED, 3, FALSE, NULL, NULL));
  g_free (report_seed_call (store, "2026-10-26", seed->ivy, "Bea", RAPPORT_RESULT_NO_ANSWER, 0, FALSE, NULL, NULL));
  g_free (report_seed_call (store, "2026-11-01", seed->ivy, "Bea", RAPPORT_RESULT_REACHED, 4, FALSE, NULL, NULL));
  g_free (report_seed_call (store, "2026-11-22", seed->gus, "Bea", RAPPORT_RESULT_REACHED, 5, FALSE, NULL, NULL));

  g_free (report_seed_call (store, "2026-11-23", seed->alice, "Bea", RAPPORT_RESULT_REACHED, 5, FALSE, NULL, NULL));
  g_free (report_seed_call (store, "2026-11-23", seed->dan, "Bea", RAPPORT_RESULT_NO_ANSWER, 0, FALSE, NULL, NULL));
  g_free (report_seed_call (store, "2026-11-24", seed->bob, "Carl", RAPPORT_RESULT_REACHED, 2, FALSE, NULL,
                            "=HYPERLINK(\"http://evil.example\",\"x\")"));
  g_free (report_seed_call (store, "2026-11-24", seed->dan, "Bea", RAPPORT_RESULT_NO_ANSWER, 0, FALSE, NULL, NULL));
  report_seed_flag (store, "2026-11-24", seed->finn, RAPPORT_SITUATION_IRATE);
  g_free (report_seed_call (store, "2026-11-24", seed->jo, "Ann", RAPPORT_RESULT_REACHED, 3, FALSE, NULL, NULL));
  g_free (report_seed_call (store, "2026-11-25", seed->cora, "Bea", RAPPORT_RESULT_REACHED, 3, TRUE, NULL,
                            "Still leaking, under the sink"));
  g_free (report_seed_call (store, "2026-11-25", seed->dan, "Bea", RAPPORT_RESULT_VOICEMAIL, 0, FALSE, NULL, NULL));
  g_free (report_seed_call (store, "2026-11-26", seed->eve, "Carl", RAPPORT_RESULT_CALLBACK, 0, FALSE,
                            "2026-11-30", NULL));
  g_free (report_seed_call (store, "2026-11-26", seed->finn, "Ann", RAPPORT_RESULT_REACHED, 4, FALSE, NULL, NULL));
  g_free (report_seed_call (store, "2026-11-27", seed->gus, "Ann", RAPPORT_RESULT_WRONG_NUMBER, 0, FALSE, NULL, NULL));
  g_free (report_seed_call (store, "2026-11-27", seed->hana, "Ann", RAPPORT_RESULT_REACHED, 4, FALSE, NULL, NULL));
  deleted = report_seed_call (store, "2026-11-27", seed->gus, "Zed", RAPPORT_RESULT_REACHED, 1, FALSE, NULL, NULL);
  g_free (report_seed_call (store, "2026-11-28", seed->ivy, "Carl", RAPPORT_RESULT_REACHED, 1, FALSE, NULL, "+1 angry"));
  g_free (report_seed_call (store, "2026-11-29", seed->bob, "Carl", RAPPORT_RESULT_REACHED, 5, FALSE, NULL, NULL));
  g_free (report_seed_call (store, "2026-11-30", seed->eve, "Bea", RAPPORT_RESULT_REACHED, 4, FALSE, NULL, NULL));

  /* A tombstone (as sync will leave them): the store API only hard-deletes. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE calls SET deleted_at = '2026-11-28T10:00:00Z'"
                                       " WHERE uuid = ?1", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, deleted, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_finalize (stmt);

  report_date ("2026-12-01", &day);
  rapport_store_set_today (store, &day);
}

void
report_seed_clear (ReportSeed *seed)
{
  g_free (seed->alice);
  g_free (seed->bob);
  g_free (seed->cora);
  g_free (seed->dan);
  g_free (seed->eve);
  g_free (seed->finn);
  g_free (seed->gus);
  g_free (seed->hana);
  g_free (seed->ivy);
  g_free (seed->jo);
}

RapportSummary *
report_summary_of (RapportStore *store,
                   const char   *week)
{
  g_autoptr(GError) error = NULL;
  RapportSummary *summary;
  GDate monday;

  g_assert_true (rapport_iso_week_parse (week, &monday, &error));
  summary = rapport_summary_compute (store, &monday, &error);
  g_assert_no_error (error);
  g_assert_nonnull (summary);
  return summary;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "rapport-date.h"
#include "rapport-summary.h"
#include "report-seed.h"

typedef struct {
  char *dir;
  RapportStore *store;
  ReportSeed seed;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = report_store_new (&f->dir);
  if (data != NULL)
    report_seed_week_48 (f->store, &f->seed);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  report_seed_clear (&f->seed);
  report_store_free (f->store, f->dir);
}

/* "attempts/reached/rated/average/csat" with "null" for missing figures. */
static char *
counts_text (const RapportSummaryCounts *c)
{
  double average = rapport_summary_counts_average (c);
  double csat = rapport_summary_counts_csat_percent (c);
  char a[32] = "null", s[32] = "null";

  if (!isnan (average))
    g_snprintf (a, sizeof a, "%.2f", average);
  if (!isnan (csat))
    g_snprintf (s, sizeof s, "%.1f", csat);
  return g_strdup_printf ("%u/%u/%u/%s/%s", c->attempts, c->reached, c->rated, a, s);
}

static void
assert_counts (const RapportSummaryCounts *c,
               const char                 *expected)
{
  g_autofree char *text = counts_text (c);
  g_assert_cmpstr (text, ==, expected);
}

static void
test_counts_seeded_week (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(RapportSummary) s = report_summary_of (f->store, "2026-W48");
  const RapportSummaryCounts *c = rapport_summary_get_counts (s);
  g_autofree char *start = rapport_date_to_iso (rapport_summary_get_start (s));
  g_autofree char *end = rapport_date_to_iso (rapport_summary_get_end (s));
  GPtrArray *attention;
  RapportSummaryCall *call;

  g_assert_cmpstr (rapport_summary_get_week (s), ==, "2026-W48");
  g_assert_cmpstr (start, ==, "2026-11-23");
  g_assert_cmpstr (end, ==, "2026-11-29");
  g_assert_cmpuint (c->attempts, ==, 13);
  g_assert_cmpuint (rapport_summary_get_customers_called (s), ==, 10);
  g_assert_cmpuint (c->reached, ==, 9);
  g_assert_cmpfloat (rapport_summary_counts_reach_percent (c), ==, 69.2);
  g_assert_cmpuint (c->rated, ==, 8);
  g_assert_cmpuint (c->rating_sum, ==, 27);
  /* 27 / 8 = 3.375: half up, as by hand. */
  g_assert_cmpfloat (rapport_summary_counts_average (c), ==, 3.38);
  g_assert_cmpfloat (rapport_summary_counts_csat_percent (c), ==, 50.0);
  g_assert_cmpuint (rapport_summary_get_rating_count (s, 1), ==, 1);
  g_assert_cmpuint (rapport_summary_get_rating_count (s, 2), ==, 1);
  g_assert_cmpuint (rapport_summary_get_rating_count (s, 3), ==, 2);
  g_assert_cmpuint (rapport_summary_get_rating_count (s, 4), ==, 2);
  g_assert_cmpuint (rapport_summary_get_rating_count (s, 5), ==, 2);

  g_assert_cmpuint (rapport_summary_get_problems_persisting (s), ==, 1);
  g_assert_cmpuint (rapport_summary_get_recovered (s), ==, 2);
  g_assert_cmpuint (rapport_summary_get_unreachable (s), ==, 1);
  g_assert_cmpuint (rapport_summary_get_open_at_end (s), ==, 3);

  attention = rapport_summary_get_needs_attention (s);
  g_assert_cmpuint (attention->len, ==, 3);
  call = g_ptr_array_index (attention, 0);
  g_assert_cmpstr (call->customer_id, ==, f->seed.bob);
  g_assert_cmpstr (call->name, ==, "Bob Baker");
  g_assert_cmpuint (g_date_get_day (&call->date), ==, 24);
  g_assert_cmpuint (call->satisfaction, ==, 2);
  g_assert_false (call->problem_persists);
  g_assert_cmpstr (call->note, ==, "=HYPERLINK(\"http://evil.example\",\"x\")");
  call = g_ptr_array_index (attention, 1);
  g_assert_cmpstr (call->customer_id, ==, f->seed.cora);
  g_assert_cmpuint (call->satisfaction, ==, 3);
  g_assert_true (call->problem_persists);
  g_assert_cmpstr (call->note, ==, "Still leaking, under the sink");
  call = g_ptr_array_index (attention, 2);
  g_assert_cmpstr (call->customer_id, ==, f->seed.ivy);
  g_assert_cmpuint (g_date_get_day (&call->date), ==, 28);
  g_assert_cmpuint (call->satisfaction, ==, 1);
}

static void
test_counts_highest_priority_situation (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(RapportSummary) s = report_summary_of (f->store, "2026-W48");

  /* Alice's call addressed irate and new: it counts once, under irate. */
  assert_counts (rapport_summary_get_situation_counts (s, RAPPORT_SITUATION_IRATE), "3/3/3/4.00/66.7");
  assert_counts (rapport_summary_get_situation_counts (s, RAPPORT_SITUATION_NOTHING_WENT_RIGHT),
                 "1/1/1/3.00/0.0");
  /* Dan's three attempts and Eve's callback: reached but nothing rated. */
  assert_counts (rapport_summary_get_situation_counts (s, RAPPORT_SITUATION_NEW), "4/1/0/null/null");
  assert_counts (rapport_summary_get_situation_counts (s, RAPPORT_SITUATION_REGULAR), "1/1/1/4.00/100.0");
}

static void
test_priority_ignores_list_order (Fixture       *f,
                                  gconstpointer  data)
{
  sqlite3 *db = rapport_database_get_handle (rapport_store_get_database (f->store));
  g_autofree char *bob = report_seed_customer (f->store, "Bob", "2026-01-05", FALSE);
  g_autofree char *call = report_seed_call (f->store, "2026-03-02", bob, "Ann",
                                            RAPPORT_RESULT_REACHED, 2, FALSE, NULL, NULL);
  g_autoptr(RapportSummary) s = NULL;
  sqlite3_stmt *stmt = NULL;

  /* A list written by another program in another order still counts under
   * the highest priority. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE calls SET situations = 'regular,new,nothing-went-right'"
                                       " WHERE uuid = ?1", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, call, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);

  s = report_summary_of (f->store, "2026-W10");
  assert_counts (rapport_summary_get_situation_counts (s, RAPPORT_SITUATION_NOTHING_WENT_RIGHT),
                 "1/1/1/2.00/0.0");
  assert_counts (rapport_summary_get_situation_counts (s, RAPPORT_SITUATION_NEW), "0/0/0/null/null");
  assert_counts (rapport_summary_get_situation_counts (s, RAPPORT_SITUATION_REGULAR), "0/0/0/null/null");
}

static void
test_splits_by_staff (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(RapportSummary) s = report_summary_of (f->store, "2026-W48");
  GPtrArray *staff = rapport_summary_get_by_staff (s);
  RapportSummaryStaff *row;

  /* Bea 5; Ann and Carl 4 each, in name order; Zed's call was deleted. */
  g_assert_cmpuint (staff->len, ==, 3);
  row = g_ptr_array_index (staff, 0);
  g_assert_cmpstr (row->staff, ==, "Bea");
  assert_counts (&row->counts, "5/2/2/4.00/50.0");
  row = g_ptr_array_index (staff, 1);
  g_assert_cmpstr (row->staff, ==, "Ann");
  assert_counts (&row->counts, "4/3/3/3.67/66.7");
  row = g_ptr_array_index (staff, 2);
  g_assert_cmpstr (row->staff, ==, "Carl");
  assert_counts (&row->counts, "4/4/3/2.67/33.3");
}

static void
test_empty_week (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(RapportSummary) s = report_summary_of (f->store, "2026-W30");
  g_autoptr(JsonNode) node = rapport_summary_to_json (s);
  g_autofree char *json = rapport_summary_json_to_string (node);
  g_autofree char *csv = rapport_summary_to_csv (s);
  g_autofree char *text = rapport_summary_to_text (s);
  const RapportSummaryCounts *c = rapport_summary_get_counts (s);
  const RapportSummaryWeek *trend;
  guint n;

  g_assert_cmpuint (c->attempts, ==, 0);
  g_assert_true (isnan (rapport_summary_counts_reach_percent (c)));
  g_assert_true (isnan (rapport_summary_counts_average (c)));
  g_assert_true (isnan (rapport_summary_counts_csat_percent (c)));
  g_assert_cmpuint (rapport_summary_get_by_staff (s)->len, ==, 0);
  g_assert_cmpuint (rapport_summary_get_needs_attention (s)->len, ==, 0);
  trend = rapport_summary_get_trend (s, &n);
  g_assert_cmpuint (n, ==, 8);
  for (guint i = 0; i < n; i++)
    assert_counts (&trend[i].counts, "0/0/0/null/null");

  g_assert_nonnull (strstr (json, "\"attempts\" : 0,"));
  g_assert_nonnull (strstr (json, "\"reach_percent\" : null,"));
  g_assert_nonnull (strstr (json, "\"average_satisfaction\" : null,"));
  g_assert_nonnull (strstr (json, "\"csat_percent\" : null,"));
  g_assert_nonnull (strstr (json, "\"by_staff\" : [],"));
  g_assert_nonnull (strstr (json, "\"needs_attention\" : [],"));
  g_assert_null (strstr (json, "nan"));
  g_assert_nonnull (strstr (csv, "\r\nreach_percent,\r\n"));
  g_assert_cmpstr (text, ==, "Week 30: no calls");
}

static void
test_past_week_never_changes (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(RapportSummary) before = report_summary_of (f->store, "2026-W48");
  g_autoptr(RapportSummary) after = NULL;
  g_autoptr(JsonNode) before_node = rapport_summary_to_json (before);
  g_autoptr(JsonNode) after_node = NULL;
  g_autofree char *before_json = rapport_summary_json_to_string (before_node);
  g_autofree char *after_json = NULL;
  g_autoptr(GError) error = NULL;

  /* Later work closes what was open at the end of W48, opens new follow-ups
   * and deletes a customer whose call needs attention. */
  g_free (report_seed_call (f->store, "2026-12-02", f->seed.cora, "Bea",
                            RAPPORT_RESULT_NO_ANSWER, 0, FALSE, NULL, NULL));
  report_seed_flag (f->store, "2026-12-02", f->seed.bob, RAPPORT_SITUATION_IRATE);
  g_assert_true (rapport_store_delete_customer (f->store, f->seed.ivy, &error));
  g_assert_no_error (error);
  /* A customer added later (an import) whose first service was in W48:
   * the new-customer follow-up opens on the day it is added. */
  {
    g_autoptr(RapportCustomer) late = rapport_customer_new ();
    GDate since, added;

    report_date ("2026-11-24", &since);
    report_date ("2026-12-03", &added);
    rapport_customer_set_name (late, "Imported Later");
    rapport_customer_set_since (late, &since);
    rapport_store_set_today (f->store, &added);
    g_assert_true (rapport_store_add_customer (f->store, late, TRUE, &error));
    g_assert_no_error (error);
  }

  after = report_summary_of (f->store, "2026-W48");
  after_node = rapport_summary_to_json (after);
  after_json = rapport_summary_json_to_string (after_node);
  g_assert_cmpstr (after_json, ==, before_json);
  g_assert_cmpuint (rapport_summary_get_open_at_end (after), ==, 3);
}

static void
set_customer_deleted_at (RapportStore *store,
                         const char   *customer,
                         const char   *timestamp)
{
  sqlite3 *db = rapport_database_get_handle (rapport_store_get_database (store));
  sqlite3_stmt *stmt = NULL;

  /* The store stamps deletions with the real clock; the test needs set days. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE customers SET deleted_at = ?2 WHERE uuid = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, customer, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, timestamp, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_finalize (stmt);
}

static void
test_open_at_end_and_deleted_customers (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(RapportSummary) after_week = NULL;
  g_autoptr(RapportSummary) on_sunday = NULL;
  g_autoptr(RapportSummary) w47 = NULL;

  /* Eve's new follow-up was open at the end of W48. Deleted on the Monday
   * after, she still counts for W48; deleted on its Sunday, she does not. */
  set_customer_deleted_at (f->store, f->seed.eve, "2026-11-30T00:00:00Z");
  after_week = report_summary_of (f->store, "2026-W48");
  g_assert_cmpuint (rapport_summary_get_open_at_end (after_week), ==, 3);

  set_customer_deleted_at (f->store, f->seed.eve, "2026-11-29T23:59:59Z");
  on_sunday = report_summary_of (f->store, "2026-W48");
  g_assert_cmpuint (rapport_summary_get_open_at_end (on_sunday), ==, 2);
  /* Her call still counts: it was made. */
  g_assert_cmpuint (rapport_summary_get_counts (on_sunday)->attempts, ==, 13);

  /* End of W47 (Sun 22): Alice irate + new, Dan new, Eve new, Jo irate,
   * Cora nothing-went-right, Hana regular; Eve's is still open then. */
  w47 = report_summary_of (f->store, "2026-W47");
  g_assert_cmpuint (rapport_summary_get_open_at_end (w47), ==, 7);
}

static void
test_trend_of_seeded_week (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(RapportSummary) s = report_summary_of (f->store, "2026-W48");
  const RapportSummaryWeek *t;
  guint n;

  t = rapport_summary_get_trend (s, &n);
  g_assert_cmpuint (n, ==, 8);
  g_assert_cmpstr (t[0].week, ==, "2026-W41");
  assert_counts (&t[0].counts, "1/1/1/3.00/0.0");
  assert_counts (&t[1].counts, "0/0/0/null/null");
  assert_counts (&t[2].counts, "0/0/0/null/null");
  g_assert_cmpstr (t[3].week, ==, "2026-W44");
  assert_counts (&t[3].counts, "2/1/1/4.00/100.0");
  assert_counts (&t[4].counts, "0/0/0/null/null");
  assert_counts (&t[5].counts, "0/0/0/null/null");
  g_assert_cmpstr (t[6].week, ==, "2026-W47");
  assert_counts (&t[6].counts, "1/1/1/5.00/100.0");
  g_assert_cmpstr (t[7].week, ==, "2026-W48");
  assert_counts (&t[7].counts, "13/9/8/3.38/50.0");
}

static void
test_trend_crosses_year_boundary (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *a = report_seed_customer (f->store, "Ada", "2026-11-02", FALSE);
  g_autoptr(RapportSummary) s = NULL;
  g_autoptr(RapportSummary) w53 = NULL;
  const RapportSummaryWeek *t;
  guint n;

  /* 2026 has 53 ISO weeks: W53 runs from Mon 28 Dec 2026 to Sun 3 Jan 2027. */
  g_free (report_seed_call (f->store, "2026-11-23", a, "Ann", RAPPORT_RESULT_REACHED, 2, FALSE, NULL, NULL));
  g_free (report_seed_call (f->store, "2026-12-27", a, "Ann", RAPPORT_RESULT_REACHED, 3, FALSE, NULL, NULL));
  g_free (report_seed_call (f->store, "2026-12-28", a, "Ann", RAPPORT_RESULT_REACHED, 4, FALSE, NULL, NULL));
  g_free (report_seed_call (f->store, "2027-01-03", a, "Ann", RAPPORT_RESULT_REACHED, 5, FALSE, NULL, NULL));
  g_free (report_seed_call (f->store, "2027-01-04", a, "Ann", RAPPORT_RESULT_NO_ANSWER, 0, FALSE, NULL, NULL));
  g_free (report_seed_call (f->store, "2027-01-11", a, "Ann", RAPPORT_RESULT_REACHED, 1, FALSE, NULL, NULL));
  g_free (report_seed_call (f->store, "2027-01-17", a, "Ann", RAPPORT_RESULT_REACHED, 5, FALSE, NULL, NULL));

  s = report_summary_of (f->store, "2027-W02");
  t = rapport_summary_get_trend (s, &n);
  g_assert_cmpuint (n, ==, 8);
  g_assert_cmpstr (t[0].week, ==, "2026-W48");
  assert_counts (&t[0].counts, "1/1/1/2.00/0.0");
  g_assert_cmpstr (t[1].week, ==, "2026-W49");
  g_assert_cmpstr (t[4].week, ==, "2026-W52");
  assert_counts (&t[4].counts, "1/1/1/3.00/0.0");
  g_assert_cmpstr (t[5].week, ==, "2026-W53");
  assert_counts (&t[5].counts, "2/2/2/4.50/100.0");
  g_assert_cmpstr (t[6].week, ==, "2027-W01");
  assert_counts (&t[6].counts, "1/0/0/null/null");
  g_assert_cmpstr (t[7].week, ==, "2027-W02");
  assert_counts (&t[7].counts, "2/2/2/3.00/50.0");
  assert_counts (rapport_summary_get_counts (s), "2/2/2/3.00/50.0");

  w53 = report_summary_of (f->store, "2026-W53");
  g_assert_cmpstr (rapport_summary_get_week (w53), ==, "2026-W53");
  assert_counts (rapport_summary_get_counts (w53), "2/2/2/4.50/100.0");
}

static void
test_any_day_gives_its_week (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(RapportSummary) s = NULL;
  g_autoptr(GError) error = NULL;
  GDate sunday;

  report_date ("2026-11-29", &sunday);
  s = rapport_summary_compute (f->store, &sunday, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rapport_summary_get_week (s), ==, "2026-W48");
  g_assert_cmpuint (rapport_summary_get_counts (s)->attempts, ==, 13);
}

static void
test_json_names_and_numbers (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(RapportSummary) s = report_summary_of (f->store, "2026-W48");
  g_autoptr(JsonNode) node = rapport_summary_to_json (s);
  g_autofree char *json = rapport_summary_json_to_string (node);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  static const char * const names[] = {
    "week", "start", "end", "attempts", "customers_called", "reached", "reach_percent", "rated",
    "average_satisfaction", "csat_percent", "ratings", "by_situation", "by_staff",
    "problems_persisting", "recovered", "unreachable", "open_at_end", "needs_attention", "trend",
  };
  JsonObject *root, *o;
  g_autoptr(GList) members = NULL;
  guint i = 0;

  /* Our writer's output parses, with exactly the documented members in order. */
  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (root);
  g_assert_cmpuint (g_list_length (members), ==, G_N_ELEMENTS (names));
  for (GList *l = members; l; l = l->next, i++)
    g_assert_cmpstr (l->data, ==, names[i]);

  g_assert_cmpstr (json_object_get_string_member (root, "week"), ==, "2026-W48");
  g_assert_cmpstr (json_object_get_string_member (root, "start"), ==, "2026-11-23");
  g_assert_cmpstr (json_object_get_string_member (root, "end"), ==, "2026-11-29");
  g_assert_cmpint (json_object_get_int_member (root, "attempts"), ==, 13);
  g_assert_cmpint (json_object_get_int_member (root, "customers_called"), ==, 10);
  o = json_object_get_object_member (root, "ratings");
  g_assert_cmpint (json_object_get_int_member (o, "3"), ==, 2);
  o = json_object_get_object_member (json_object_get_object_member (root, "by_situation"),
                                     "nothing-went-right");
  g_assert_cmpint (json_object_get_int_member (o, "attempts"), ==, 1);
  o = json_object_get_object_member (json_object_get_object_member (root, "by_situation"), "new");
  g_assert_true (json_object_get_null_member (o, "average_satisfaction"));
  o = json_array_get_object_element (json_object_get_array_member (root, "needs_attention"), 1);
  g_assert_cmpstr (json_object_get_string_member (o, "customer_id"), ==, f->seed.cora);
  g_assert_cmpstr (json_object_get_string_member (o, "date"), ==, "2026-11-25");
  g_assert_true (json_object_get_boolean_member (o, "problem_persists"));
  o = json_array_get_object_element (json_object_get_array_member (root, "trend"), 7);
  g_assert_cmpstr (json_object_get_string_member (o, "week"), ==, "2026-W48");

  /* Rounded figures read as rounded: 69.2, not 69.200000000000003. */
  g_assert_nonnull (strstr (json, "\"reach_percent\" : 69.2,"));
  g_assert_nonnull (strstr (json, "\"average_satisfaction\" : 3.38,"));
  g_assert_nonnull (strstr (json, "\"csat_percent\" : 50.0,"));
  g_assert_nonnull (strstr (json, "\"average_satisfaction\" : 3.67\n"));
  g_assert_nonnull (strstr (json, "\"csat_percent\" : 66.7\n"));
}

static void
test_csv (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(RapportSummary) s = report_summary_of (f->store, "2026-W48");
  g_autofree char *csv = rapport_summary_to_csv (s);
  g_autofree char *bob_row = g_strdup_printf ("\r\n%s,Bob Baker,2026-11-24,2,no,"
                                              "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"\r\n",
                                              f->seed.bob);
  g_autofree char *ivy_row = g_strdup_printf ("\r\n%s,Ivy Irwin,2026-11-28,1,no,'+1 angry\r\n",
                                              f->seed.ivy);

  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBFmetric,value\r\nweek,2026-W48\r\n"));
  g_assert_true (g_utf8_validate (csv, -1, NULL));
  /* Every line ends in CRLF: no bare LF anywhere. */
  for (const char *p = csv; *p; p++)
    if (*p == '\n')
      g_assert_cmpint (p > csv ? p[-1] : 0, ==, '\r');
  g_assert_true (g_str_has_suffix (csv, "2026-W48,13,9,3.38,50.0\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nreach_percent,69.2\r\n"));
  g_assert_nonnull (strstr (csv, "\r\naverage_satisfaction,3.38\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nsituation,attempts,reached,rated,average_satisfaction,csat_percent\r\n"
                                 "irate,3,3,3,4.00,66.7\r\nnothing-went-right,1,1,1,3.00,0.0\r\n"
                                 "new,4,1,0,,\r\nregular,1,1,1,4.00,100.0\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nstaff,attempts,reached,average_satisfaction\r\n"
                                 "Bea,5,2,4.00\r\nAnn,4,3,3.67\r\nCarl,4,4,2.67\r\n"));
  g_assert_nonnull (strstr (csv, bob_row));
  g_assert_nonnull (strstr (csv, ivy_row));
}

static void
test_csv_neutralises_every_formula_start (Fixture       *f,
                                          gconstpointer  data)
{
  static const struct { const char *staff; const char *cell; } cases[] = {
    { "=1+1", "'=1+1" }, { "+cmd", "'+cmd" }, { "-2", "'-2" }, { "@SUM(A1)", "'@SUM(A1)" },
    { "\tTab", "'\tTab" }, { "\rCR", "\"'\rCR\"" }, { "Plain", "Plain" },
  };
  g_autofree char *c = report_seed_customer (f->store, "Max", "2026-01-05", FALSE);
  g_autoptr(RapportSummary) s = NULL;
  g_autofree char *csv = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_free (report_seed_call (f->store, "2026-03-02", c, cases[i].staff,
                              RAPPORT_RESULT_REACHED, 4, FALSE, NULL, NULL));
  s = report_summary_of (f->store, "2026-W10");
  csv = rapport_summary_to_csv (s);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *row = g_strdup_printf ("\r\n%s,1,1,4.00\r\n", cases[i].cell);
      g_assert_nonnull (strstr (csv, row));
    }
}

static void
test_text_line (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(RapportSummary) s = report_summary_of (f->store, "2026-W48");
  g_autofree char *text = rapport_summary_to_text (s);

  g_assert_cmpstr (text, ==, "Week 48: 13 calls, 69% reached, CSAT 50%, average 3.38 of 5, "
                             "3 need attention");
}

static void
test_formats_for_people (void)
{
  struct { const char *from, *to; gboolean abbreviated; const char *expected; } ranges[] = {
    { "2026-11-23", "2026-11-29", FALSE, "23–29 November 2026" },
    { "2026-11-30", "2026-12-06", TRUE, "30 Nov – 6 Dec 2026" },
    { "2026-12-28", "2027-01-03", TRUE, "28 Dec 2026 – 3 Jan 2027" },
  };
  struct { double now, before; guint decimals; gboolean points; const char *expected; int direction; } changes[] = {
    { 86.2, 82.2, 1, TRUE, "+4.0 points", 1 },
    { 3.38, 5.0, 2, FALSE, "−1.62", -1 },
    { 50.0, 50.0, 1, TRUE, "no change", 0 },
    { 50.0, NAN, 1, TRUE, "", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (ranges); i++)
    {
      GDate from, to;
      g_autofree char *text = NULL;

      report_date (ranges[i].from, &from);
      report_date (ranges[i].to, &to);
      text = rapport_format_week_range (&from, &to, ranges[i].abbreviated);
      g_assert_cmpstr (text, ==, ranges[i].expected);
    }
  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      int direction = 99;
      g_autofree char *text = rapport_format_change (changes[i].now, changes[i].before,
                                                     changes[i].decimals, changes[i].points,
                                                     &direction);
      g_assert_cmpstr (text, ==, changes[i].expected);
      g_assert_cmpint (direction, ==, changes[i].direction);
    }
  {
    g_autofree char *percent = rapport_format_percent (69.2);
    g_autofree char *none = rapport_format_percent (NAN);
    g_autofree char *average = rapport_format_average (4.0);
    g_assert_cmpstr (percent, ==, "69.2%");
    g_assert_cmpstr (none, ==, "—");
    g_assert_cmpstr (average, ==, "4.00");
  }
}

int
main (int    argc,
      char **argv)
{
  static const gboolean seeded = TRUE;

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, seed) \
  g_test_add ("/report/summary/" path, Fixture, (seed) ? &seeded : NULL, \
              fixture_set_up, func, fixture_tear_down)

  ADD ("counts-a-seeded-week-as-computed-by-hand", test_counts_seeded_week, TRUE);
  ADD ("counts-a-call-under-its-highest-priority-situation", test_counts_highest_priority_situation, TRUE);
  ADD ("finds-the-highest-priority-in-any-list-order", test_priority_ignores_list_order, FALSE);
  ADD ("splits-calls-by-staff-most-attempts-first", test_splits_by_staff, TRUE);
  ADD ("gives-zeros-and-nulls-for-a-week-without-calls", test_empty_week, TRUE);
  ADD ("keeps-a-past-week-unchanged-by-later-work", test_past_week_never_changes, TRUE);
  ADD ("open-at-end-counts-customers-deleted-after-the-week-only", test_open_at_end_and_deleted_customers, TRUE);
  ADD ("trend-has-the-eight-weeks-ending-with-the-week", test_trend_of_seeded_week, TRUE);
  ADD ("trend-crosses-the-year-boundary-through-week-53", test_trend_crosses_year_boundary, FALSE);
  ADD ("any-day-gives-its-iso-week", test_any_day_gives_its_week, TRUE);
  ADD ("json-uses-the-documented-names-and-rounded-numbers", test_json_names_and_numbers, TRUE);
  ADD ("csv-has-a-bom-crlf-and-neutralised-formulas", test_csv, TRUE);
  ADD ("csv-neutralises-every-formula-start", test_csv_neutralises_every_formula_start, FALSE);
  ADD ("text-line-sums-up-the-week-for-chat", test_text_line, TRUE);
  g_test_add_func ("/report/summary/formats-weeks-and-changes-for-people", test_formats_for_people);

  return g_test_run ();
}

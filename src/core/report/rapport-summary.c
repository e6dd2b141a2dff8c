/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-summary"

/* The weekly satisfaction summary: a handful of aggregate queries over the
 * calls of one ISO week (and of the 8 weeks of the trend), each a range scan
 * of the calls_day index. Nothing here loops over rows in C except the short
 * result lists (staff, needs attention). */

#include "config.h"

#include <math.h>
#include <string.h>

#include "rapport-date.h"
#include "rapport-summary.h"

struct _RapportSummary
{
  GObject parent_instance;

  char week[16];
  GDate start;
  GDate end;
  RapportSummaryCounts counts;
  guint customers_called;
  guint ratings[6];               /* index = rating, 0 unused */
  RapportSummaryCounts situations[RAPPORT_N_SITUATIONS];
  GPtrArray *by_staff;            /* RapportSummaryStaff */
  guint problems_persisting;
  guint recovered;
  guint unreachable;
  guint open_at_end;
  GPtrArray *needs_attention;     /* RapportSummaryCall */
  RapportSummaryWeek trend[RAPPORT_SUMMARY_TREND_WEEKS];
};

G_DEFINE_FINAL_TYPE (RapportSummary, rapport_summary, G_TYPE_OBJECT)

/* Shared column list of the counts, after any leading columns. */
#define COUNTS_COLUMNS \
  "count(*), coalesce(sum(result IN ('reached', 'callback')), 0), count(satisfaction)," \
  " coalesce(sum(satisfaction), 0), coalesce(sum(satisfaction >= 4), 0)"

/* The highest-priority situation in the comma list, whatever its order (no
 * key is part of another, so a plain substring test is enough); NULL when
 * the call addressed none. */
#define FIRST_SITUATION \
  "CASE WHEN instr(situations, 'irate') THEN 0" \
  " WHEN instr(situations, 'nothing-went-right') THEN 1" \
  " WHEN instr(situations, 'new') THEN 2" \
  " WHEN instr(situations, 'regular') THEN 3 END"

static void
staff_free (gpointer data)
{
  RapportSummaryStaff *s = data;

  g_free (s->staff);
  g_free (s);
}

static void
call_free (gpointer data)
{
  RapportSummaryCall *c = data;

  g_free (c->customer_id);
  g_free (c->name);
  g_free (c->note);
  g_free (c);
}

static void
rapport_summary_finalize (GObject *object)
{
  RapportSummary *self = (RapportSummary *) object;

  g_clear_pointer (&self->by_staff, g_ptr_array_unref);
  g_clear_pointer (&self->needs_attention, g_ptr_array_unref);

  G_OBJECT_CLASS (rapport_summary_parent_class)->finalize (object);
}

static void
rapport_summary_class_init (RapportSummaryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rapport_summary_finalize;
}

static void
rapport_summary_init (RapportSummary *self)
{
  self->by_staff = g_ptr_array_new_with_free_func (staff_free);
  self->needs_attention = g_ptr_array_new_with_free_func (call_free);
  g_date_clear (&self->start, 1);
  g_date_clear (&self->end, 1);
}

/* Rounds num / den to @decimals places, half away from zero, in integers so
 * that 4.125 gives 4.13 as a person computing by hand expects. */
static double
round_ratio (guint64 num,
             guint64 den,
             guint   decimals)
{
  guint64 scale = decimals == 1 ? 10 : 100;

  if (den == 0)
    return NAN;
  return (double) ((2 * num * scale + den) / (2 * den)) / (double) scale;
}

double
rapport_summary_counts_reach_percent (const RapportSummaryCounts *counts)
{
  return round_ratio ((guint64) counts->reached * 100, counts->attempts, 1);
}

double
rapport_summary_counts_average (const RapportSummaryCounts *counts)
{
  return round_ratio (counts->rating_sum, counts->rated, 2);
}

double
rapport_summary_counts_csat_percent (const RapportSummaryCounts *counts)
{
  return round_ratio ((guint64) counts->satisfied * 100, counts->rated, 1);
}

static void
read_counts (sqlite3_stmt         *stmt,
             int                   first,
             RapportSummaryCounts *out)
{
  out->attempts = (guint) sqlite3_column_int64 (stmt, first);
  out->reached = (guint) sqlite3_column_int64 (stmt, first + 1);
  out->rated = (guint) sqlite3_column_int64 (stmt, first + 2);
  out->rating_sum = (guint) sqlite3_column_int64 (stmt, first + 3);
  out->satisfied = (guint) sqlite3_column_int64 (stmt, first + 4);
}

/* Prepares @sql and binds the week's Monday and Sunday as ?1 and ?2. */
static sqlite3_stmt *
prepare_week (RapportDatabase  *db,
              const char       *sql,
              const GDate      *start,
              const GDate      *end,
              GError          **error)
{
  sqlite3_stmt *stmt = rapport_database_prepare (db, sql, error);

  if (stmt != NULL)
    {
      rapport_bind_date (stmt, 1, start);
      rapport_bind_date (stmt, 2, end);
    }
  return stmt;
}

static gboolean
finish (RapportDatabase  *db,
        sqlite3_stmt     *stmt,
        int               rc,
        GError          **error)
{
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      rapport_database_set_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_count (RapportDatabase  *db,
             const char       *sql,
             const GDate      *start,
             const GDate      *end,
             guint            *out,
             GError          **error)
{
  sqlite3_stmt *stmt = prepare_week (db, sql, start, end, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = (guint) sqlite3_column_int64 (stmt, 0);
  return finish (db, stmt, rc, error);
}

static void
add_counts (RapportSummaryCounts       *to,
            const RapportSummaryCounts *counts)
{
  to->attempts += counts->attempts;
  to->reached += counts->reached;
  to->rated += counts->rated;
  to->rating_sum += counts->rating_sum;
  to->satisfied += counts->satisfied;
}

static int
compare_staff (gconstpointer a,
               gconstpointer b)
{
  const RapportSummaryStaff *x = *(RapportSummaryStaff * const *) a;
  const RapportSummaryStaff *y = *(RapportSummaryStaff * const *) b;
  int by_name;

  if (x->counts.attempts != y->counts.attempts)
    return x->counts.attempts > y->counts.attempts ? -1 : 1;
  by_name = g_ascii_strcasecmp (x->staff, y->staff);
  return by_name != 0 ? by_name : strcmp (x->staff, y->staff);
}

/* One pass over the week's calls, grouped by staff member and situation (a
 * few dozen rows): the totals, the situations and the staff add up from it. */
static gboolean
query_week (RapportSummary   *self,
            RapportDatabase  *db,
            GError          **error)
{
  static const char sql[] =
    "SELECT staff, " FIRST_SITUATION " AS first, " COUNTS_COLUMNS ","
    " coalesce(sum(satisfaction = 1), 0), coalesce(sum(satisfaction = 2), 0),"
    " coalesce(sum(satisfaction = 3), 0), coalesce(sum(satisfaction = 4), 0),"
    " coalesce(sum(satisfaction = 5), 0),"
    " coalesce(sum(result = 'reached' AND problem_persists <> 0), 0)"
    " FROM calls WHERE day BETWEEN ?1 AND ?2 AND deleted_at IS NULL"
    " GROUP BY staff, first ORDER BY staff";
  static const char customers_sql[] =
    "SELECT count(DISTINCT customer_id) FROM calls"
    " WHERE day BETWEEN ?1 AND ?2 AND deleted_at IS NULL";
  sqlite3_stmt *stmt = prepare_week (db, sql, &self->start, &self->end, error);
  RapportSummaryStaff *staff = NULL;
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = rapport_column_text (stmt, 0);
      RapportSummaryCounts counts;

      read_counts (stmt, 2, &counts);
      add_counts (&self->counts, &counts);
      /* Rows come in staff order: a new name starts a new member. */
      if (staff == NULL || strcmp (staff->staff, name) != 0)
        {
          staff = g_new0 (RapportSummaryStaff, 1);
          staff->staff = g_strdup (name);
          g_ptr_array_add (self->by_staff, staff);
        }
      add_counts (&staff->counts, &counts);
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        {
          gint64 situation = sqlite3_column_int64 (stmt, 1);
          if (situation >= 0 && situation < RAPPORT_N_SITUATIONS)
            add_counts (&self->situations[situation], &counts);
        }
      for (guint r = 1; r <= 5; r++)
        self->ratings[r] += (guint) sqlite3_column_int64 (stmt, 6 + (int) r);
      self->problems_persisting += (guint) sqlite3_column_int64 (stmt, 12);
    }
  if (!finish (db, stmt, rc, error))
    return FALSE;
  g_ptr_array_sort (self->by_staff, compare_staff);

  return query_count (db, customers_sql, &self->start, &self->end,
                      &self->customers_called, error);
}

static gboolean
query_needs_attention (RapportSummary   *self,
                       RapportDatabase  *db,
                       GError          **error)
{
  static const char sql[] =
    "SELECT c.uuid, c.name, k.day, k.satisfaction, k.problem_persists, k.note"
    " FROM calls k JOIN customers c ON c.id = k.customer_id"
    " WHERE k.day BETWEEN ?1 AND ?2 AND k.deleted_at IS NULL"
    " AND (k.satisfaction <= 2 OR (k.result = 'reached' AND k.problem_persists <> 0))"
    " ORDER BY k.day, k.logged_at, k.id";
  sqlite3_stmt *stmt = prepare_week (db, sql, &self->start, &self->end, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapportSummaryCall *c = g_new0 (RapportSummaryCall, 1);

      c->customer_id = g_strdup (rapport_column_text (stmt, 0));
      c->name = g_strdup (rapport_column_text (stmt, 1));
      rapport_column_date (stmt, 2, &c->date);
      c->satisfaction = (guint) sqlite3_column_int (stmt, 3);
      c->problem_persists = sqlite3_column_int (stmt, 4) != 0;
      c->note = g_strdup (rapport_column_text (stmt, 5));
      g_ptr_array_add (self->needs_attention, c);
    }
  return finish (db, stmt, rc, error);
}

static gboolean
query_follow_ups (RapportSummary   *self,
                  RapportDatabase  *db,
                  GError          **error)
{
  /* `state = 'closed'` lets SQLite use the partial index on closed_on. */
  static const char recovered_sql[] =
    "SELECT count(*) FROM follow_ups f JOIN calls k ON k.id = f.closed_by_call"
    " WHERE f.state = 'closed' AND f.closed_on BETWEEN ?1 AND ?2 AND f.deleted_at IS NULL"
    " AND f.close_reason = 'satisfied' AND f.situation IN ('irate', 'nothing-went-right')"
    " AND k.satisfaction >= 4 AND k.deleted_at IS NULL";
  static const char unreachable_sql[] =
    "SELECT count(*) FROM follow_ups"
    " WHERE state = 'closed' AND closed_on BETWEEN ?1 AND ?2 AND deleted_at IS NULL"
    " AND close_reason = 'unreachable'";
  /* From the dates alone, so that a past week's figure never changes: flagged
   * by Sunday, not closed by Sunday, of a customer not deleted by Sunday
   * (deleted_at is a timestamp, so "from ?3 on" means from the next Monday).
   * Two halves, still open now or closed after Sunday, so that each is a
   * scan of a small partial index rather than of every follow-up ever. */
  static const char open_sql[] =
    "SELECT"
    " (SELECT count(*) FROM follow_ups f JOIN customers c ON c.id = f.customer_id"
    "  WHERE f.state <> 'closed' AND f.deleted_at IS NULL AND f.flagged_on <= ?2"
    "  AND (c.deleted_at IS NULL OR c.deleted_at >= ?3))"
    " + (SELECT count(*) FROM follow_ups f JOIN customers c ON c.id = f.customer_id"
    "  WHERE f.state = 'closed' AND f.closed_on > ?2 AND f.deleted_at IS NULL"
    "  AND f.flagged_on <= ?2 AND (c.deleted_at IS NULL OR c.deleted_at >= ?3))";
  sqlite3_stmt *stmt;
  GDate next_monday = self->end;
  int rc;

  if (!query_count (db, recovered_sql, &self->start, &self->end, &self->recovered, error) ||
      !query_count (db, unreachable_sql, &self->start, &self->end, &self->unreachable, error))
    return FALSE;

  g_date_add_days (&next_monday, 1);
  stmt = prepare_week (db, open_sql, &self->start, &self->end, error);
  if (stmt == NULL)
    return FALSE;
  rapport_bind_date (stmt, 3, &next_monday);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    self->open_at_end = (guint) sqlite3_column_int64 (stmt, 0);
  return finish (db, stmt, rc, error);
}

static gboolean
query_trend (RapportSummary   *self,
             RapportDatabase  *db,
             GError          **error)
{
  /* The 7 weeks before this one (this one is already counted), grouped by
   * day in the order of the calls_day index, so without sorting, then added
   * up into weeks below: at most 49 rows. */
  static const char sql[] =
    "SELECT day, " COUNTS_COLUMNS
    " FROM calls WHERE day BETWEEN ?1 AND ?2 AND deleted_at IS NULL GROUP BY day";
  GDate first = self->start, last = self->start;
  sqlite3_stmt *stmt;
  int rc;

  g_date_subtract_days (&first, 7 * (RAPPORT_SUMMARY_TREND_WEEKS - 1));
  g_date_subtract_days (&last, 1);
  for (guint i = 0; i < RAPPORT_SUMMARY_TREND_WEEKS; i++)
    {
      g_autofree char *name = NULL;
      RapportSummaryWeek *w = &self->trend[i];

      w->monday = first;
      g_date_add_days (&w->monday, 7 * i);
      name = rapport_iso_week_name (&w->monday);
      g_strlcpy (w->week, name, sizeof w->week);
    }

  self->trend[RAPPORT_SUMMARY_TREND_WEEKS - 1].counts = self->counts;

  stmt = prepare_week (db, sql, &first, &last, error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      RapportSummaryCounts day_counts;
      GDate day;
      gint w;

      rapport_column_date (stmt, 0, &day);
      if (!g_date_valid (&day))
        continue;
      w = g_date_days_between (&first, &day) / 7;
      if (w < 0 || w >= RAPPORT_SUMMARY_TREND_WEEKS - 1)
        continue;
      read_counts (stmt, 1, &day_counts);
      add_counts (&self->trend[w].counts, &day_counts);
    }
  return finish (db, stmt, rc, error);
}

RapportSummary *
rapport_summary_compute (RapportStore  *store,
                         const GDate   *day,
                         GError       **error)
{
  g_autoptr(RapportSummary) self = NULL;
  g_autofree char *week = NULL;
  RapportDatabase *db;
  sqlite3 *handle;
  gboolean ok;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (day != NULL && g_date_valid (day), NULL);

  self = g_object_new (RAPPORT_TYPE_SUMMARY, NULL);
  rapport_iso_week_monday (day, &self->start);
  self->end = self->start;
  g_date_add_days (&self->end, 6);
  week = rapport_iso_week_name (&self->start);
  g_strlcpy (self->week, week, sizeof self->week);

  db = rapport_store_get_database (store);
  handle = rapport_database_get_handle (db);

  /* One read transaction, so that every figure comes from the same snapshot
   * even while another program logs calls. */
  if (sqlite3_get_autocommit (handle) && !rapport_database_exec (db, "BEGIN", error))
    return NULL;
  ok = query_week (self, db, error) &&
       query_needs_attention (self, db, error) &&
       query_follow_ups (self, db, error) &&
       query_trend (self, db, error);
  if (!sqlite3_get_autocommit (handle))
    rapport_database_exec (db, "COMMIT", NULL);
  if (!ok)
    return NULL;
  return g_steal_pointer (&self);
}

const char *
rapport_summary_get_week (RapportSummary *self)
{
  g_return_val_if_fail (RAPPORT_IS_SUMMARY (self), NULL);
  return self->week;
}

const GDate *
rapport_summary_get_start (RapportSummary *self)
{
  g_return_val_if_fail (RAPPORT_IS_SUMMARY (self), NULL);
  return &self->start;
}

const GDate *
rapport_summary_get_end (RapportSummary *self)
{
  g_return_val_if_fail (RAPPORT_IS_SUMMARY (self), NULL);
  return &self->end;
}

const RapportSummaryCounts *
rapport_summary_get_counts (RapportSummary *self)
{
  g_return_val_if_fail (RAPPORT_IS_SUMMARY (self), NULL);
  return &self->counts;
}

guint
rapport_summary_get_customers_called (RapportSummary *self)
{
  g_return_val_if_fail (RAPPORT_IS_SUMMARY (self), 0);
  return self->customers_called;
}

guint
rapport_summary_get_rating_count (RapportSummary *self,
                                  guint           rating)
{
  g_return_val_if_fail (RAPPORT_IS_SUMMARY (self), 0);
  g_return_val_if_fail (rating >= 1 && rating <= 5, 0);
  return self->ratings[rating];
}

const RapportSummaryCounts *
rapport_summary_get_situation_counts (RapportSummary   *self,
                                      RapportSituation  situation)
{
  g_return_val_if_fail (RAPPORT_IS_SUMMARY (self), NULL);
  g_return_val_if_fail (situation < RAPPORT_N_SITUATIONS, NULL);
  return &self->situations[situation];
}

GPtrArray *
rapport_summary_get_by_staff (RapportSummary *self)
{
  g_return_val_if_fail (RAPPORT_IS_SUMMARY (self), NULL);
  return self->by_staff;
}

guint
rapport_summary_get_problems_persisting (RapportSummary *self)
{
  g_return_val_if_fail (RAPPORT_IS_SUMMARY (self), 0);
  return self->problems_persisting;
}

guint
rapport_summary_get_recovered (RapportSummary *self)
{
  g_return_val_if_fail (RAPPORT_IS_SUMMARY (self), 0);
  return self->recovered;
}

guint
rapport_summary_get_unreachable (RapportSummary *self)
{
  g_return_val_if_fail (RAPPORT_IS_SUMMARY (self), 0);
  return self->unreachable;
}

guint
rapport_summary_get_open_at_end (RapportSummary *self)
{
  g_return_val_if_fail (RAPPORT_IS_SUMMARY (self), 0);
  return self->open_at_end;
}

GPtrArray *
rapport_summary_get_needs_attention (RapportSummary *self)
{
  g_return_val_if_fail (RAPPORT_IS_SUMMARY (self), NULL);
  return self->needs_attention;
}

const RapportSummaryWeek *
rapport_summary_get_trend (RapportSummary *self,
                           guint          *n_weeks)
{
  g_return_val_if_fail (RAPPORT_IS_SUMMARY (self), NULL);
  if (n_weeks)
    *n_weeks = RAPPORT_SUMMARY_TREND_WEEKS;
  return self->trend;
}

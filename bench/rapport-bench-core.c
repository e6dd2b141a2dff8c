/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-bench-core"

/* rapport-bench-core: times core calls in-process, many repetitions each,
 * with g_get_monotonic_time, and prints one line per measurement:
 *
 *   NAME <TAB> median ms <TAB> p10 ms <TAB> p90 ms <TAB> runs <TAB> detail
 *
 * Measurements (any number, in order):
 *   agenda        rapport_store_get_agenda of --day
 *   agenda-sql    the very statements the core ran for it (taken from the
 *                 connection after a call, with their values), stepped through
 *                 every column on a plain sqlite3 connection: the floor
 *   search:TEXT   a search as you type in the Customers view's list model:
 *                 rapport_customer_list_set_search from an empty search, which
 *                 answers with the first matches (then "search-N-all": until
 *                 the list has every match), next to the store's own
 *                 rapport_store_search_customer_ids ("search-api-N", the CLI's)
 *   search-index  building the in-memory search index (the first search
 *                 after customers changed)
 *   list-all      the list model of every customer (the Customers view)
 *   summary       rapport_summary_compute of the week before --day
 *   log           rapport_store_log_call, one durable transaction each, on
 *                 customers with and without calls due (changes the database)
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "rapport-customer-list.h"
#include "rapport-store-private.h"
#ifdef HAVE_RAPPORT_SUMMARY
#include "rapport-summary.h"
#endif

typedef struct {
  RapportStore *store;
  const char *path;
  GDate day;
  guint runs;
  gint64 max_us;
} Bench;

typedef gboolean (*BenchFunc) (Bench *b, gpointer data, GError **error);

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
percentile (GArray *sorted,
            double  p)
{
  double pos = p * (sorted->len - 1);
  guint i = (guint) pos;
  double frac = pos - i;

  if (i + 1 >= sorted->len)
    return g_array_index (sorted, double, sorted->len - 1);
  return g_array_index (sorted, double, i) * (1 - frac) + g_array_index (sorted, double, i + 1) * frac;
}

/* A few warm-up runs (caches, prepared statements), then @runs timed ones. */
static gboolean
measure_with_setup (Bench       *b,
                    const char  *name,
                    guint        runs,
                    BenchFunc    setup,
                    BenchFunc    func,
                    gpointer     data,
                    const char  *detail,
                    GError     **error)
{
  g_autoptr(GArray) times = g_array_sized_new (FALSE, FALSE, sizeof (double), runs);
  gint64 start;

  for (guint i = 0; i < MIN (runs, 5u); i++)
    if ((setup && !setup (b, data, error)) || !func (b, data, error))
      return FALSE;
  start = g_get_monotonic_time ();
  for (guint i = 0; i < runs; i++)
    {
      gint64 t0;

      if (setup && !setup (b, data, error))
        return FALSE;
      t0 = g_get_monotonic_time ();
      /* Slow measurements stop early (at least 10 runs): the whole suite has a time limit. */
      if (i >= 10 && t0 - start > b->max_us)
        break;
      double ms;
      if (!func (b, data, error))
        return FALSE;
      ms = (g_get_monotonic_time () - t0) / 1000.0;
      g_array_append_val (times, ms);
    }
  g_array_sort (times, compare_double);
  g_print ("%s\t%.3f\t%.3f\t%.3f\t%u\t%s\n", name, percentile (times, 0.5),
           percentile (times, 0.1), percentile (times, 0.9), times->len, detail ? detail : "");
  return TRUE;
}

static gboolean
measure (Bench       *b,
         const char  *name,
         guint        runs,
         BenchFunc    func,
         gpointer     data,
         const char  *detail,
         GError     **error)
{
  return measure_with_setup (b, name, runs, NULL, func, data, detail, error);
}

static gboolean
agenda_cb (Bench    *b,
           gpointer  data,
           GError  **error)
{
  g_autoptr(GPtrArray) agenda = rapport_store_get_agenda (b->store, &b->day, error);
  guint *n = data;

  if (agenda == NULL)
    return FALSE;
  if (n)
    *n = agenda->len;
  return TRUE;
}

typedef struct {
  sqlite3 *db;
  GPtrArray *stmts;
  guint rows;
} BareSql;

static gboolean
bare_sql_cb (Bench    *b,
             gpointer  data,
             GError  **error)
{
  BareSql *bare = data;
  int rc = SQLITE_DONE;

  bare->rows = 0;
  for (guint i = 0; i < bare->stmts->len; i++)
    {
      sqlite3_stmt *stmt = g_ptr_array_index (bare->stmts, i);
      int n = sqlite3_column_count (stmt);

      /* Every column read as the core reads it: as text, or as a number. */
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          for (int c = 0; c < n; c++)
            if (sqlite3_column_type (stmt, c) == SQLITE_INTEGER)
              (void) sqlite3_column_int64 (stmt, c);
            else
              (void) sqlite3_column_text (stmt, c);
          bare->rows++;
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        break;
    }
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", sqlite3_errmsg (bare->db));
      return FALSE;
    }
  return TRUE;
}

static void
finalize_stmt (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

/* The statements the core ran for one agenda, with the values it bound. */
static GPtrArray *
agenda_statements (Bench   *b,
                   GError **error)
{
  sqlite3 *handle = rapport_database_get_handle (rapport_store_get_database (b->store));
  g_autoptr(GHashTable) before = g_hash_table_new (NULL, NULL);
  GPtrArray *sql = g_ptr_array_new_with_free_func (g_free);

  if (!agenda_cb (b, NULL, error))
    return NULL;
  for (sqlite3_stmt *s = sqlite3_next_stmt (handle, NULL); s; s = sqlite3_next_stmt (handle, s))
    g_hash_table_insert (before, s,
                         GINT_TO_POINTER (sqlite3_stmt_status (s, SQLITE_STMTSTATUS_RUN, FALSE) + 1));
  if (!agenda_cb (b, NULL, error))
    return NULL;
  for (sqlite3_stmt *s = sqlite3_next_stmt (handle, NULL); s; s = sqlite3_next_stmt (handle, s))
    {
      int runs = GPOINTER_TO_INT (g_hash_table_lookup (before, s)) - 1;
      if (sqlite3_stmt_status (s, SQLITE_STMTSTATUS_RUN, FALSE) > runs)
        {
          char *expanded = sqlite3_expanded_sql (s);
          g_ptr_array_add (sql, g_strdup (expanded));
          sqlite3_free (expanded);
        }
    }
  return sql;
}

static gboolean
bench_agenda_sql (Bench   *b,
                  GError **error)
{
  g_autoptr(GPtrArray) sql = agenda_statements (b, error);
  g_autoptr(GPtrArray) stmts = g_ptr_array_new_with_free_func (finalize_stmt);
  g_autoptr(GString) detail = g_string_new (NULL);
  BareSql bare = { NULL, stmts, 0 };
  gboolean ok;

  if (sql == NULL)
    return FALSE;
  if (sqlite3_open_v2 (b->path, &bare.db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", sqlite3_errmsg (bare.db));
      sqlite3_close (bare.db);
      return FALSE;
    }
  for (guint i = 0; i < sql->len; i++)
    {
      sqlite3_stmt *stmt = NULL;
      if (sqlite3_prepare_v2 (bare.db, g_ptr_array_index (sql, i), -1, &stmt, NULL) != SQLITE_OK)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", sqlite3_errmsg (bare.db));
          sqlite3_close (bare.db);
          return FALSE;
        }
      g_ptr_array_add (stmts, stmt);
      g_string_append_printf (detail, "%s%s", i ? "; " : "", (char *) g_ptr_array_index (sql, i));
    }
  ok = measure (b, "agenda-sql", b->runs, bare_sql_cb, &bare, detail->str, error);
  g_ptr_array_set_size (stmts, 0);
  sqlite3_close (bare.db);
  return ok;
}

typedef struct {
  const char *text;
  guint found;
  RapportCustomerList *list;
  gboolean all;
} Search;

static gboolean
search_api_cb (Bench    *b,
               gpointer  data,
               GError  **error)
{
  Search *s = data;
  g_autoptr(GPtrArray) ids = rapport_store_search_customer_ids (b->store, s->text, error);

  if (ids == NULL)
    return FALSE;
  s->found = ids->len;
  return TRUE;
}

/* Untimed: back to the list of everyone, as when the search entry is cleared. */
static gboolean
search_clear_cb (Bench    *b,
                 gpointer  data,
                 GError  **error)
{
  Search *s = data;

  rapport_customer_list_set_search (s->list, NULL);
  return TRUE;
}

static gboolean
search_list_cb (Bench    *b,
                gpointer  data,
                GError  **error)
{
  Search *s = data;

  rapport_customer_list_set_search (s->list, s->text);
  if (s->all)
    rapport_customer_list_complete (s->list);
  s->found = g_list_model_get_n_items (G_LIST_MODEL (s->list));
  return TRUE;
}

static gboolean
index_build_cb (Bench    *b,
                gpointer  data,
                GError  **error)
{
  g_autoptr(RapportSearchIndex) index =
    _rapport_search_index_new (rapport_store_get_database (b->store));

  return _rapport_search_index_update (index, error);
}

static gboolean
list_all_cb (Bench    *b,
             gpointer  data,
             GError  **error)
{
  g_autoptr(RapportCustomerList) list = rapport_customer_list_new (b->store);
  guint *n = data;

  *n = g_list_model_get_n_items (G_LIST_MODEL (list));
  return TRUE;
}

#ifdef HAVE_RAPPORT_SUMMARY
static gboolean
summary_cb (Bench    *b,
            gpointer  data,
            GError  **error)
{
  g_autoptr(RapportSummary) summary = NULL;
  GDate last_week = b->day;

  /* The last whole week: the calls of the generated data end yesterday. */
  g_date_subtract_days (&last_week, 7);
  summary = rapport_summary_compute (b->store, &last_week, error);
  guint *attempts = data;

  if (summary == NULL)
    return FALSE;
  *attempts = rapport_summary_get_counts (summary)->attempts;
  return TRUE;
}
#endif

typedef struct {
  GPtrArray *customers;  /* ids to call, in turn */
  guint next;
  guint64 seed;
} LogCalls;

static gboolean
log_cb (Bench    *b,
        gpointer  data,
        GError  **error)
{
  LogCalls *l = data;
  const char *id = g_ptr_array_index (l->customers, l->next++ % l->customers->len);
  RapportCallInput input = { 0 };
  g_autofree char *call = NULL;

  /* Mostly reached and happy, as in life; the mix exercises every path. */
  l->seed = l->seed * 6364136223846793005ULL + 1442695040888963407ULL;
  switch ((l->seed >> 33) % 10)
    {
    case 0:
      input.result = RAPPORT_RESULT_NO_ANSWER;
      break;
    case 1:
      input.result = RAPPORT_RESULT_REACHED;
      input.satisfaction = 2;
      input.problem_persists = TRUE;
      input.note = "Still noisy";
      break;
    default:
      input.result = RAPPORT_RESULT_REACHED;
      input.satisfaction = 4 + (guint) ((l->seed >> 40) & 1);
      input.note = "All good";
    }
  input.date = &b->day;
  input.staff = "Bench";
  call = rapport_store_log_call (b->store, id, &input, error);
  return call != NULL;
}

static gboolean
bench_log (Bench   *b,
           GError **error)
{
  g_autoptr(GPtrArray) agenda = rapport_store_get_agenda (b->store, &b->day, error);
  g_autoptr(GPtrArray) all = NULL;
  LogCalls l = { g_ptr_array_new_with_free_func (g_free), 0, 42 };
  g_autofree char *detail = NULL;
  gboolean ok;

  if (agenda == NULL)
    return FALSE;
  all = rapport_store_search_customer_ids (b->store, NULL, error);
  if (all == NULL)
    return FALSE;
  /* The customers due today first (their follow-ups close), then others spread
   * over the list (a call nobody planned). */
  for (guint i = 0; i < agenda->len; i++)
    {
      RapportAgendaEntry *entry = g_ptr_array_index (agenda, i);
      g_ptr_array_add (l.customers, g_strdup (rapport_agenda_entry_get_customer_id (entry)));
    }
  for (guint i = 0; i < 200 && all->len > 0; i++)
    g_ptr_array_add (l.customers, g_strdup (g_ptr_array_index (all, (i * 7919u) % all->len)));

  rapport_store_set_today (b->store, &b->day);
  detail = g_strdup_printf ("%u due customers, then others", agenda->len);
  ok = measure (b, "log", b->runs, log_cb, &l, detail, error);
  g_ptr_array_unref (l.customers);
  return ok;
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *path = NULL, *day_iso = NULL, *synchronous = NULL;
  gint64 runs = 200;
  double max_seconds = 5;
  GOptionEntry entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &path, "Database", "FILE" },
    { "day", 0, 0, G_OPTION_ARG_STRING, &day_iso, "The agenda's day and the summary's week", "YYYY-MM-DD" },
    { "runs", 0, 0, G_OPTION_ARG_INT64, &runs, "Timed repetitions (default 200)", "N" },
    { "max-seconds", 0, 0, G_OPTION_ARG_DOUBLE, &max_seconds, "Fewer runs when they take longer (default 5)", "S" },
    { "synchronous", 0, 0, G_OPTION_ARG_STRING, &synchronous, "Override the store's PRAGMA synchronous", "LEVEL" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("MEASUREMENT… — time core calls in-process");
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  Bench b = { 0 };
  guint y, m, d;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (path == NULL || day_iso == NULL || runs < 1 ||
      sscanf (day_iso, "%4u-%2u-%2u", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    {
      g_printerr ("Usage: rapport-bench-core --database FILE --day YYYY-MM-DD [--runs N] MEASUREMENT…\n");
      return 2;
    }

  store = rapport_store_open (path, &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  b.store = store;
  b.path = path;
  b.runs = (guint) runs;
  b.max_us = (gint64) (max_seconds * G_USEC_PER_SEC);
  if (synchronous)
    {
      static const char * const levels[] = { "off", "normal", "full", "extra", NULL };
      sqlite3 *handle = rapport_database_get_handle (rapport_store_get_database (store));
      g_autofree char *pragma = NULL;
      if (!g_strv_contains (levels, synchronous))
        {
          g_printerr ("--synchronous is one of off, normal, full, extra\n");
          return 2;
        }
      pragma = g_strdup_printf ("PRAGMA synchronous = %s", synchronous);
      sqlite3_exec (handle, pragma, NULL, NULL, NULL);
    }
  g_date_clear (&b.day, 1);
  g_date_set_dmy (&b.day, d, m, y);
  rapport_store_set_today (store, &b.day);

  for (int i = 1; i < argc; i++)
    {
      const char *what = argv[i];
      gboolean ok;

      if (g_str_equal (what, "agenda"))
        {
          guint n = 0;
          g_autofree char *detail = NULL;
          ok = agenda_cb (&b, &n, &error);
          detail = g_strdup_printf ("%u customers due", n);
          ok = ok && measure (&b, "agenda", b.runs, agenda_cb, NULL, detail, &error);
        }
      else if (g_str_equal (what, "agenda-sql"))
        ok = bench_agenda_sql (&b, &error);
      else if (g_str_has_prefix (what, "search:"))
        {
          g_autoptr(RapportCustomerList) list = rapport_customer_list_new (store);
          Search s = { what + strlen ("search:"), 0, list, FALSE };
          glong len = g_utf8_strlen (s.text, -1);
          g_autofree char *name = g_strdup_printf ("search-%ld", len);
          g_autofree char *name_all = g_strdup_printf ("search-%ld-all", len);
          g_autofree char *name_api = g_strdup_printf ("search-api-%ld", len);
          g_autofree char *detail = NULL, *detail_all = NULL, *detail_api = NULL;
          Search api = { s.text, 0, NULL, FALSE };

          /* The first search reads the index; it is measured on its own. */
          ok = search_list_cb (&b, &s, &error);
          detail = g_strdup_printf ("“%s”: the first %u matches at once", s.text, s.found);
          ok = ok && measure_with_setup (&b, name, b.runs, search_clear_cb, search_list_cb,
                                         &s, detail, &error);
          s.all = TRUE;
          ok = ok && search_list_cb (&b, &s, &error);
          detail_all = g_strdup_printf ("“%s”: all %u matches", s.text, s.found);
          ok = ok && measure_with_setup (&b, name_all, b.runs, search_clear_cb, search_list_cb,
                                         &s, detail_all, &error);
          ok = ok && search_api_cb (&b, &api, &error);
          detail_api = g_strdup_printf ("“%s”: %u ids (the CLI's search)", s.text, api.found);
          ok = ok && measure (&b, name_api, b.runs, search_api_cb, &api, detail_api, &error);
        }
      else if (g_str_equal (what, "search-index"))
        {
          g_autofree char *detail = g_strdup_printf ("%u customers read and folded",
                                                     rapport_store_count_customers (store));
          ok = measure (&b, "search-index", MIN (b.runs, 20u), index_build_cb, NULL, detail, &error);
        }
      else if (g_str_equal (what, "list-all"))
        {
          guint n = 0;
          g_autofree char *detail = NULL;
          ok = list_all_cb (&b, &n, &error);
          detail = g_strdup_printf ("%u customers in name order", n);
          ok = ok && measure (&b, "list-all", MIN (b.runs, 50u), list_all_cb, &n, detail, &error);
        }
      else if (g_str_equal (what, "summary"))
        {
#ifdef HAVE_RAPPORT_SUMMARY
          guint attempts = 0;
          g_autofree char *detail = NULL;
          ok = summary_cb (&b, &attempts, &error);
          detail = g_strdup_printf ("%u calls in the week", attempts);
          ok = ok && measure (&b, "summary", b.runs, summary_cb, &attempts, detail, &error);
#else
          g_print ("summary\t-\t-\t-\t0\tnot built: src/core/report has no summary yet\n");
          ok = TRUE;
#endif
        }
      else if (g_str_equal (what, "log"))
        ok = bench_log (&b, &error);
      else
        {
          g_printerr ("Unknown measurement “%s”\n", what);
          return 2;
        }
      if (!ok)
        {
          g_printerr ("%s: %s\n", what, error->message);
          return 1;
        }
    }
  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_SUMMARY_TREND_WEEKS 8

/**
 * RapportSummaryCounts:
 * @attempts: calls logged
 * @reached: calls with the result reached or callback
 * @rated: calls with a satisfaction rating
 * @rating_sum: the sum of the ratings
 * @satisfied: calls rated 4 or 5
 *
 * The raw counts behind one row of figures. The derived figures (reach rate,
 * average, CSAT) come from the functions below so that every output rounds
 * them the same way.
 */
typedef struct {
  guint attempts;
  guint reached;
  guint rated;
  guint rating_sum;
  guint satisfied;
} RapportSummaryCounts;

/* reached / attempts × 100, 1 decimal; NAN when there were no calls. */
double rapport_summary_counts_reach_percent (const RapportSummaryCounts *counts);
/* Mean rating, 2 decimals; NAN when nothing was rated. */
double rapport_summary_counts_average       (const RapportSummaryCounts *counts);
/* Share of ratings 4–5 among rated calls, 1 decimal; NAN when nothing was rated. */
double rapport_summary_counts_csat_percent  (const RapportSummaryCounts *counts);

/**
 * RapportSummaryStaff:
 * One member of staff's calls of the week.
 */
typedef struct {
  char                 *staff;
  RapportSummaryCounts  counts;
} RapportSummaryStaff;

/**
 * RapportSummaryCall:
 * A call of the week that needs attention: rated 1–2 or with a persisting problem.
 * @customer_id: the customer's uuid
 * @satisfaction: 1–5, or 0 when not rated
 */
typedef struct {
  char     *customer_id;
  char     *name;
  GDate     date;
  guint     satisfaction;
  gboolean  problem_persists;
  char     *note;
} RapportSummaryCall;

/**
 * RapportSummaryWeek:
 * One week of the trend.
 * @week: its name, such as "2026-W48"
 * @monday: its first day
 */
typedef struct {
  char                  week[16];
  GDate                 monday;
  RapportSummaryCounts  counts;
} RapportSummaryWeek;

#define RAPPORT_TYPE_SUMMARY (rapport_summary_get_type ())

G_DECLARE_FINAL_TYPE (RapportSummary, rapport_summary, RAPPORT, SUMMARY, GObject)

/**
 * rapport_summary_compute:
 * @store: the store
 * @day: any day of the ISO week (Monday–Sunday) to summarise
 *
 * Computes the weekly satisfaction summary from the calls logged in the week.
 *
 * A call counts in the per-situation figures under the highest-priority
 * situation it addressed (irate, nothing-went-right, new, regular: the first of
 * the situations that were due when it was made). A call that addressed no
 * follow-up at all is counted in the week's totals and per staff member, but in
 * no situation, so the situations may add up to less than the week.
 *
 * Calls of customers deleted since stay in the figures: the call was made.
 *
 * Returns: (transfer full): the summary, or NULL with @error set
 */
RapportSummary *rapport_summary_compute (RapportStore  *store,
                                         const GDate   *day,
                                         GError       **error);

/* "2026-W48" */
const char     *rapport_summary_get_week                (RapportSummary *self);
/* Monday and Sunday of the week. */
const GDate    *rapport_summary_get_start               (RapportSummary *self);
const GDate    *rapport_summary_get_end                 (RapportSummary *self);
const RapportSummaryCounts *rapport_summary_get_counts  (RapportSummary *self);
guint           rapport_summary_get_customers_called    (RapportSummary *self);
/* Calls rated @rating (1–5). */
guint           rapport_summary_get_rating_count        (RapportSummary *self,
                                                         guint           rating);
const RapportSummaryCounts *rapport_summary_get_situation_counts (RapportSummary   *self,
                                                         RapportSituation  situation);
/* Most attempts first, ties by name. (element-type RapportSummaryStaff) */
GPtrArray      *rapport_summary_get_by_staff            (RapportSummary *self);
/* Reached calls with a persisting problem. */
guint           rapport_summary_get_problems_persisting (RapportSummary *self);
/* Irate or nothing-went-right follow-ups closed satisfied in the week by a call rated 4–5. */
guint           rapport_summary_get_recovered           (RapportSummary *self);
/* Follow-ups closed unreachable in the week. */
guint           rapport_summary_get_unreachable         (RapportSummary *self);
/* Follow-ups opened on or before Sunday and not closed by then. */
guint           rapport_summary_get_open_at_end         (RapportSummary *self);
/* Oldest first. (element-type RapportSummaryCall) */
GPtrArray      *rapport_summary_get_needs_attention     (RapportSummary *self);
/* RAPPORT_SUMMARY_TREND_WEEKS weeks ending with this one, oldest first. */
const RapportSummaryWeek *rapport_summary_get_trend     (RapportSummary *self,
                                                         guint          *n_weeks);

/* The documented JSON shape (see docs in the CLI's help). (transfer full) */
JsonNode       *rapport_summary_to_json                 (RapportSummary *self);
/* The one-line text for chat webhooks: "Week 48: 37 calls, CSAT 86%, …". */
char           *rapport_summary_to_text                 (RapportSummary *self);
/* The CSV export: UTF-8 with a BOM, CRLF line ends, formula-safe text cells. */
char           *rapport_summary_to_csv                  (RapportSummary *self);

/**
 * RapportSummaryFormat:
 * The files the summary exports to.
 */
typedef enum {
  RAPPORT_SUMMARY_FORMAT_JSON,
  RAPPORT_SUMMARY_FORMAT_CSV,
  RAPPORT_SUMMARY_FORMAT_PDF,
} RapportSummaryFormat;

/* "json", "csv", "pdf" */
gboolean        rapport_summary_format_from_key         (const char           *key,
                                                         RapportSummaryFormat *format);
const char     *rapport_summary_format_to_key           (RapportSummaryFormat  format);
/* The file's contents (the PDF on the locale's paper). (transfer full) */
GBytes         *rapport_summary_export                  (RapportSummary       *self,
                                                         RapportSummaryFormat  format,
                                                         GError              **error);
/* Writes the export to @path, replacing it whole, readable by its owner only
 * (it names customers). */
gboolean        rapport_summary_write_file              (RapportSummary       *self,
                                                         RapportSummaryFormat  format,
                                                         const char           *path,
                                                         GError              **error);

/**
 * rapport_summary_json_to_string:
 * Pretty-prints @node with 2-space indents and a final newline. Unlike
 * JsonGenerator, doubles are written in their shortest exact form (86.4,
 * not 86.400000000000006), so rounded figures read as rounded.
 */
char           *rapport_summary_json_to_string          (JsonNode       *node);

/* Formatting shared by the PDF and the app, so both show the same text. */

/* "69.2%" in the locale's digits, or "—" when @value is NAN. */
char           *rapport_format_percent                  (double          value);
/* "3.38", or "—" when @value is NAN. */
char           *rapport_format_average                  (double          value);
/* "23–29 November 2026", "30 November – 6 December 2026",
 * "28 December 2026 – 3 January 2027"; with @abbreviated, "23–29 Nov 2026". */
char           *rapport_format_week_range               (const GDate    *start,
                                                         const GDate    *end,
                                                         gboolean        abbreviated);
/* "Week 48" */
char           *rapport_format_week_title               (const GDate    *monday);
/**
 * rapport_format_change:
 * @now: this week's figure (NAN when none)
 * @before: the previous week's figure (NAN when none)
 * @decimals: 1 for percentages, 2 for averages
 * @points: TRUE to say "points" (for percentages)
 * @direction: (out) (optional): 1 up, -1 down, 0 same or not comparable
 *
 * The change against the previous week for people: "+4.0 points",
 * "−0.12", "no change", or "" when either week has no figure.
 */
char           *rapport_format_change                   (double          now,
                                                         double          before,
                                                         guint           decimals,
                                                         gboolean        points,
                                                         int            *direction);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-summary"

/* The summary as JSON, as a chat line and as CSV. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "rapport-database.h"
#include "rapport-date.h"
#include "rapport-error.h"
#include "rapport-summary-pdf.h"
#include "rapport-summary.h"

/* JSON */

static void
add_uint (JsonBuilder *b,
          const char  *name,
          guint        value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

/* A figure that does not exist (no calls, nothing rated) is null, never 0. */
static void
add_figure (JsonBuilder *b,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (b, name);
  if (isnan (value))
    json_builder_add_null_value (b);
  else
    json_builder_add_double_value (b, value);
}

static void
add_date (JsonBuilder *b,
          const char  *name,
          const GDate *date)
{
  g_autofree char *iso = rapport_date_to_iso (date);

  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, iso);
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value ? value : "");
}

JsonNode *
rapport_summary_to_json (RapportSummary *self)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  const RapportSummaryCounts *total = rapport_summary_get_counts (self);
  GPtrArray *staff = rapport_summary_get_by_staff (self);
  GPtrArray *attention = rapport_summary_get_needs_attention (self);
  const RapportSummaryWeek *trend;
  guint n_weeks;

  json_builder_begin_object (b);
  add_string (b, "week", rapport_summary_get_week (self));
  add_date (b, "start", rapport_summary_get_start (self));
  add_date (b, "end", rapport_summary_get_end (self));
  add_uint (b, "attempts", total->attempts);
  add_uint (b, "customers_called", rapport_summary_get_customers_called (self));
  add_uint (b, "reached", total->reached);
  add_figure (b, "reach_percent", rapport_summary_counts_reach_percent (total));
  add_uint (b, "rated", total->rated);
  add_figure (b, "average_satisfaction", rapport_summary_counts_average (total));
  add_figure (b, "csat_percent", rapport_summary_counts_csat_percent (total));

  json_builder_set_member_name (b, "ratings");
  json_builder_begin_object (b);
  for (guint r = 1; r <= 5; r++)
    {
      char key[2] = { (char) ('0' + r), '\0' };
      add_uint (b, key, rapport_summary_get_rating_count (self, r));
    }
  json_builder_end_object (b);

  json_builder_set_member_name (b, "by_situation");
  json_builder_begin_object (b);
  for (RapportSituation s = 0; s < RAPPORT_N_SITUATIONS; s++)
    {
      const RapportSummaryCounts *c = rapport_summary_get_situation_counts (self, s);

      json_builder_set_member_name (b, rapport_situation_to_key (s));
      json_builder_begin_object (b);
      add_uint (b, "attempts", c->attempts);
      add_uint (b, "reached", c->reached);
      add_uint (b, "rated", c->rated);
      add_figure (b, "average_satisfaction", rapport_summary_counts_average (c));
      add_figure (b, "csat_percent", rapport_summary_counts_csat_percent (c));
      json_builder_end_object (b);
    }
  json_builder_end_object (b);

  json_builder_set_member_name (b, "by_staff");
  json_builder_begin_array (b);
  for (guint i = 0; i < staff->len; i++)
    {
      RapportSummaryStaff *s = g_ptr_array_index (staff, i);

      json_builder_begin_object (b);
      add_string (b, "staff", s->staff);
      add_uint (b, "attempts", s->counts.attempts);
      add_uint (b, "reached", s->counts.reached);
      add_figure (b, "average_satisfaction", rapport_summary_counts_average (&s->counts));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  add_uint (b, "problems_persisting", rapport_summary_get_problems_persisting (self));
  add_uint (b, "recovered", rapport_summary_get_recovered (self));
  add_uint (b, "unreachable", rapport_summary_get_unreachable (self));
  add_uint (b, "open_at_end", rapport_summary_get_open_at_end (self));

  json_builder_set_member_name (b, "needs_attention");
  json_builder_begin_array (b);
  for (guint i = 0; i < attention->len; i++)
    {
      RapportSummaryCall *c = g_ptr_array_index (attention, i);

      json_builder_begin_object (b);
      add_string (b, "customer_id", c->customer_id);
      add_string (b, "name", c->name);
      add_date (b, "date", &c->date);
      json_builder_set_member_name (b, "satisfaction");
      if (c->satisfaction > 0)
        json_builder_add_int_value (b, c->satisfaction);
      else
        json_builder_add_null_value (b);
      json_builder_set_member_name (b, "problem_persists");
      json_builder_add_boolean_value (b, c->problem_persists);
      add_string (b, "note", c->note);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "trend");
  json_builder_begin_array (b);
  trend = rapport_summary_get_trend (self, &n_weeks);
  for (guint i = 0; i < n_weeks; i++)
    {
      json_builder_begin_object (b);
      add_string (b, "week", trend[i].week);
      add_uint (b, "attempts", trend[i].counts.attempts);
      add_uint (b, "reached", trend[i].counts.reached);
      add_figure (b, "average_satisfaction", rapport_summary_counts_average (&trend[i].counts));
      add_figure (b, "csat_percent", rapport_summary_counts_csat_percent (&trend[i].counts));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
append_json_string (GString    *out,
                    const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        default:
          if (c < 0x20)
            g_string_append_printf (out, "\\u%04x", c);
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static void
append_indent (GString *out,
               guint    level)
{
  g_string_append_c (out, '\n');
  for (guint i = 0; i < level; i++)
    g_string_append (out, "  ");
}

static void
append_node (GString  *out,
             JsonNode *node,
             guint     level)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, object);
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            append_indent (out, level + 1);
            append_json_string (out, name);
            g_string_append (out, " : ");
            append_node (out, member, level + 1);
          }
        if (!first)
          append_indent (out, level);
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            append_indent (out, level + 1);
            append_node (out, json_array_get_element (array, i), level + 1);
          }
        if (n > 0)
          append_indent (out, level);
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_NULL:
      g_string_append (out, "null");
      break;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          break;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          break;
        case G_TYPE_DOUBLE:
          {
            char buf[G_ASCII_DTOSTR_BUF_SIZE];

            /* 15 significant digits give back the decimal that was rounded to. */
            g_ascii_formatd (buf, sizeof buf, "%.15g", json_node_get_double (node));
            g_string_append (out, buf);
            if (strpbrk (buf, ".eE") == NULL)
              g_string_append (out, ".0");
          }
          break;
        case G_TYPE_STRING:
          append_json_string (out, json_node_get_string (node));
          break;
        default:
          g_string_append (out, "null");
        }
      break;

    default:
      g_assert_not_reached ();
    }
}

char *
rapport_summary_json_to_string (JsonNode *node)
{
  GString *out = g_string_new (NULL);

  append_node (out, node, 0);
  g_string_append_c (out, '\n');
  return g_string_free (out, FALSE);
}

/* The chat line */

static guint
week_number (RapportSummary *self)
{
  const char *w = strchr (rapport_summary_get_week (self), 'W');

  return w ? (guint) g_ascii_strtoull (w + 1, NULL, 10) : 0;
}

char *
rapport_summary_to_text (RapportSummary *self)
{
  const RapportSummaryCounts *c = rapport_summary_get_counts (self);
  GString *s = g_string_new (NULL);
  guint attention = rapport_summary_get_needs_attention (self)->len;
  double csat = rapport_summary_counts_csat_percent (c);
  double average = rapport_summary_counts_average (c);
  double reach = rapport_summary_counts_reach_percent (c);

  /* Translators: the start of the chat message, e.g. "Week 48: " */
  g_string_append_printf (s, _("Week %u: "), week_number (self));
  if (c->attempts == 0)
    {
      g_string_append (s, _("no calls"));
      return g_string_free (s, FALSE);
    }
  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u call", "%u calls", c->attempts),
                          c->attempts);
  /* Whole percents for chat, rounded half up like every figure here
   * (printf would round 66.5 to even). */
  /* Translators: the share of calls that reached the customer, e.g. ", 81% reached" */
  g_string_append_printf (s, _(", %d%% reached"), (int) floor (reach + 0.5));
  if (!isnan (csat))
    {
      /* Translators: CSAT is the share of ratings 4–5, e.g. ", CSAT 86%" */
      g_string_append_printf (s, _(", CSAT %d%%"), (int) floor (csat + 0.5));
      /* Translators: the mean rating, e.g. ", average 4.21 of 5" */
      g_string_append_printf (s, _(", average %.2f of 5"), average);
    }
  if (attention > 0)
    g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, ", %u needs attention",
                                            ", %u need attention", attention),
                            attention);
  return g_string_free (s, FALSE);
}

/* CSV */

typedef struct {
  GString *line;
  guint    n_cells;
} Row;

/* RFC 4180 quoting, and a leading apostrophe on any text a spreadsheet would
 * run as a formula (=, +, -, @, or a tab or CR that some strip first). */
static void
append_text_cell (Row        *row,
                  const char *text)
{
  g_autoptr(GString) cell = g_string_new (NULL);
  GString *line = row->line;

  if (text == NULL)
    text = "";
  if (text[0] != '\0' && strchr ("=+-@\t\r", text[0]) != NULL)
    g_string_append_c (cell, '\'');
  g_string_append (cell, text);

  if (row->n_cells++ > 0)
    g_string_append_c (line, ',');
  if (strpbrk (cell->str, ",\"\r\n") != NULL)
    {
      g_string_append_c (line, '"');
      for (const char *p = cell->str; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (line, '"');
          g_string_append_c (line, *p);
        }
      g_string_append_c (line, '"');
    }
  else
    g_string_append (line, cell->str);
}

/* A number we format ourselves: never quoted or neutralised; empty when null. */
static void
append_number_cell (Row    *row,
                    double  value,
                    guint   decimals)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE] = "";
  GString *line = row->line;

  if (row->n_cells++ > 0)
    g_string_append_c (line, ',');
  if (!isnan (value))
    g_ascii_formatd (buf, sizeof buf, decimals == 0 ? "%.0f" : decimals == 1 ? "%.1f" : "%.2f",
                     value);
  g_string_append (line, buf);
}

static void
append_uint_cell (Row   *row,
                  guint  value)
{
  if (row->n_cells++ > 0)
    g_string_append_c (row->line, ',');
  g_string_append_printf (row->line, "%u", value);
}

/* Appends the row to @out with a CRLF and starts the next one. */
static void
end_row (GString *out,
         Row     *row)
{
  if (row != NULL)
    {
      g_string_append_len (out, row->line->str, row->line->len);
      g_string_truncate (row->line, 0);
      row->n_cells = 0;
    }
  g_string_append (out, "\r\n");
}

static void
metric_row (GString    *out,
            Row        *row,
            const char *name,
            const char *text,
            double      number,
            guint       decimals)
{
  append_text_cell (row, name);
  if (text != NULL)
    append_text_cell (row, text);
  else
    append_number_cell (row, number, decimals);
  end_row (out, row);
}

static void
header_row (GString            *out,
            Row                *row,
            const char * const *names)
{
  for (guint i = 0; names[i]; i++)
    append_text_cell (row, names[i]);
  end_row (out, row);
}

char *
rapport_summary_to_csv (RapportSummary *self)
{
  static const char * const metric_header[] = { "metric", "value", NULL };
  static const char * const situation_header[] = {
    "situation", "attempts", "reached", "rated", "average_satisfaction", "csat_percent", NULL };
  static const char * const staff_header[] = {
    "staff", "attempts", "reached", "average_satisfaction", NULL };
  static const char * const attention_header[] = {
    "customer_id", "name", "date", "satisfaction", "problem_persists", "note", NULL };
  static const char * const trend_header[] = {
    "week", "attempts", "reached", "average_satisfaction", "csat_percent", NULL };
  const RapportSummaryCounts *c = rapport_summary_get_counts (self);
  GPtrArray *staff = rapport_summary_get_by_staff (self);
  GPtrArray *attention = rapport_summary_get_needs_attention (self);
  const RapportSummaryWeek *trend;
  g_autofree char *start = rapport_date_to_iso (rapport_summary_get_start (self));
  g_autofree char *end = rapport_date_to_iso (rapport_summary_get_end (self));
  g_autoptr(GString) line = g_string_new (NULL);
  GString *out = g_string_new ("\xEF\xBB\xBF"); /* the BOM: spreadsheets then read UTF-8 */
  Row row = { line, 0 };
  guint n_weeks;

  /* One sheet, one section after the other, each with its own header row. */
  header_row (out, &row, metric_header);
  metric_row (out, &row, "week", rapport_summary_get_week (self), 0, 0);
  metric_row (out, &row, "start", start, 0, 0);
  metric_row (out, &row, "end", end, 0, 0);
  metric_row (out, &row, "attempts", NULL, c->attempts, 0);
  metric_row (out, &row, "customers_called", NULL, rapport_summary_get_customers_called (self), 0);
  metric_row (out, &row, "reached", NULL, c->reached, 0);
  metric_row (out, &row, "reach_percent", NULL, rapport_summary_counts_reach_percent (c), 1);
  metric_row (out, &row, "rated", NULL, c->rated, 0);
  metric_row (out, &row, "average_satisfaction", NULL, rapport_summary_counts_average (c), 2);
  metric_row (out, &row, "csat_percent", NULL, rapport_summary_counts_csat_percent (c), 1);
  for (guint r = 1; r <= 5; r++)
    {
      char name[16];
      g_snprintf (name, sizeof name, "ratings_%u", r);
      metric_row (out, &row, name, NULL, rapport_summary_get_rating_count (self, r), 0);
    }
  metric_row (out, &row, "problems_persisting", NULL,
              rapport_summary_get_problems_persisting (self), 0);
  metric_row (out, &row, "recovered", NULL, rapport_summary_get_recovered (self), 0);
  metric_row (out, &row, "unreachable", NULL, rapport_summary_get_unreachable (self), 0);
  metric_row (out, &row, "open_at_end", NULL, rapport_summary_get_open_at_end (self), 0);

  end_row (out, NULL);
  header_row (out, &row, situation_header);
  for (RapportSituation s = 0; s < RAPPORT_N_SITUATIONS; s++)
    {
      const RapportSummaryCounts *sc = rapport_summary_get_situation_counts (self, s);

      append_text_cell (&row, rapport_situation_to_key (s));
      append_uint_cell (&row, sc->attempts);
      append_uint_cell (&row, sc->reached);
      append_uint_cell (&row, sc->rated);
      append_number_cell (&row, rapport_summary_counts_average (sc), 2);
      append_number_cell (&row, rapport_summary_counts_csat_percent (sc), 1);
      end_row (out, &row);
    }

  end_row (out, NULL);
  header_row (out, &row, staff_header);
  for (guint i = 0; i < staff->len; i++)
    {
      RapportSummaryStaff *s = g_ptr_array_index (staff, i);

      append_text_cell (&row, s->staff);
      append_uint_cell (&row, s->counts.attempts);
      append_uint_cell (&row, s->counts.reached);
      append_number_cell (&row, rapport_summary_counts_average (&s->counts), 2);
      end_row (out, &row);
    }

  end_row (out, NULL);
  header_row (out, &row, attention_header);
  for (guint i = 0; i < attention->len; i++)
    {
      RapportSummaryCall *a = g_ptr_array_index (attention, i);
      g_autofree char *date = rapport_date_to_iso (&a->date);

      append_text_cell (&row, a->customer_id);
      append_text_cell (&row, a->name);
      append_text_cell (&row, date);
      append_number_cell (&row, a->satisfaction ? (double) a->satisfaction : NAN, 0);
      append_text_cell (&row, a->problem_persists ? "yes" : "no");
      append_text_cell (&row, a->note);
      end_row (out, &row);
    }

  end_row (out, NULL);
  header_row (out, &row, trend_header);
  trend = rapport_summary_get_trend (self, &n_weeks);
  for (guint i = 0; i < n_weeks; i++)
    {
      append_text_cell (&row, trend[i].week);
      append_uint_cell (&row, trend[i].counts.attempts);
      append_uint_cell (&row, trend[i].counts.reached);
      append_number_cell (&row, rapport_summary_counts_average (&trend[i].counts), 2);
      append_number_cell (&row, rapport_summary_counts_csat_percent (&trend[i].counts), 1);
      end_row (out, &row);
    }

  return g_string_free (out, FALSE);
}

/* Files */

static const char *format_keys[] = { "json", "csv", "pdf" };

gboolean
rapport_summary_format_from_key (const char           *key,
                                 RapportSummaryFormat *format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_keys); i++)
    if (g_strcmp0 (key, format_keys[i]) == 0)
      {
        *format = (RapportSummaryFormat) i;
        return TRUE;
      }
  return FALSE;
}

const char *
rapport_summary_format_to_key (RapportSummaryFormat format)
{
  g_return_val_if_fail (format <= RAPPORT_SUMMARY_FORMAT_PDF, NULL);
  return format_keys[format];
}

GBytes *
rapport_summary_export (RapportSummary        *self,
                        RapportSummaryFormat   format,
                        GError               **error)
{
  char *text;

  g_return_val_if_fail (RAPPORT_IS_SUMMARY (self), NULL);

  switch (format)
    {
    case RAPPORT_SUMMARY_FORMAT_JSON:
      {
        g_autoptr(JsonNode) node = rapport_summary_to_json (self);
        text = rapport_summary_json_to_string (node);
      }
      break;
    case RAPPORT_SUMMARY_FORMAT_CSV:
      text = rapport_summary_to_csv (self);
      break;
    case RAPPORT_SUMMARY_FORMAT_PDF:
      return rapport_summary_to_pdf (self, error);
    default:
      g_return_val_if_reached (NULL);
    }
  return g_bytes_new_take (text, strlen (text));
}

gboolean
rapport_summary_write_file (RapportSummary        *self,
                            RapportSummaryFormat   format,
                            const char            *path,
                            GError               **error)
{
  g_autoptr(GBytes) data = rapport_summary_export (self, format, error);
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *bytes;

  if (data == NULL || !rapport_database_check_not_database (path, error))
    return FALSE;
  bytes = g_bytes_get_data (data, &length);
  /* Written aside and renamed: a crash never leaves half a file. */
  if (!g_file_set_contents_full (path, bytes, (gssize) length, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0600, &local_error))
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_READ_ONLY,
                   _("Could not write “%s”: %s"), path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

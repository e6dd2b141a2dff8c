/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-summary"

/* The printed weekly report. One layout pass places every block on the pages
 * and draws only those of the page asked for, so that counting the pages,
 * writing the PDF and printing from the app all place things alike. */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "rapport-date.h"
#include "rapport-error.h"
#include "rapport-summary-chart.h"
#include "rapport-summary-pdf.h"

#define MAX_PAGES 2
#define FONT_FAMILY "Cantarell, DejaVu Sans, sans-serif"

static const double black[4] = { 0, 0, 0, 1 };
static const double gray[4] = { 0.38, 0.38, 0.38, 1 };
static const double rule_gray[4] = { 0.7, 0.7, 0.7, 1 };
static const double shade[4] = { 0.93, 0.93, 0.93, 1 };

typedef struct {
  RapportSummary *summary;
  cairo_t *cr;
  PangoContext *context;
  double width, height;
  double left, right, top, bottom;
  guint page;           /* the page being laid out */
  guint target;         /* the page to draw; G_MAXUINT to measure only */
  guint n_pages;        /* known after a measuring pass, for the footer */
  double y;
} Layout;

void
rapport_summary_get_paper_size (double *width,
                                double *height)
{
  int h_mm = 297, w_mm = 210;

#ifdef __GLIBC__
  /* glibc keeps the paper of LC_PAPER in millimetres. */
  h_mm = (int) (gintptr) nl_langinfo (_NL_PAPER_HEIGHT);
  w_mm = (int) (gintptr) nl_langinfo (_NL_PAPER_WIDTH);
#endif
  if (h_mm == 279 && w_mm == 216)
    {
      *width = 612;
      *height = 792;
    }
  else
    {
      *width = 595.276;
      *height = 841.89;
    }
}

static gboolean
drawing (Layout *l)
{
  return l->page == l->target;
}

static void
set_color (cairo_t      *cr,
           const double  color[4])
{
  cairo_set_source_rgba (cr, color[0], color[1], color[2], color[3]);
}

static PangoLayout *
make_text (Layout        *l,
           const char    *text,
           double         size,
           PangoWeight    weight,
           double         wrap_width,
           int            max_lines)
{
  PangoLayout *layout = pango_layout_new (l->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text ? text : "", -1);
  if (wrap_width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (wrap_width));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      if (max_lines > 0)
        {
          pango_layout_set_height (layout, -max_lines);
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        }
    }
  return layout;
}

static void
text_size (PangoLayout *layout,
           double      *width,
           double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width)
    *width = pango_units_to_double (logical.width);
  if (height)
    *height = pango_units_to_double (logical.height);
}

/* Draws @layout with its top at @y, aligned on @x by @ax (0 left, 1 right). */
static void
put (Layout       *l,
     PangoLayout  *layout,
     const double  color[4],
     double        x,
     double        y,
     double        ax)
{
  double w;

  if (!drawing (l))
    return;
  text_size (layout, &w, NULL);
  set_color (l->cr, color);
  cairo_move_to (l->cr, x - w * ax, y);
  pango_cairo_show_layout (l->cr, layout);
}

/* Draws a line of text, returns its height. */
static double
put_text (Layout       *l,
          const char   *text,
          double        size,
          PangoWeight   weight,
          const double  color[4],
          double        x,
          double        y,
          double        ax)
{
  g_autoptr(PangoLayout) layout = make_text (l, text, size, weight, -1, 0);
  double h;

  text_size (layout, NULL, &h);
  put (l, layout, color, x, y, ax);
  return h;
}

static void
hrule (Layout       *l,
       double        y,
       double        line_width,
       const double  color[4])
{
  if (!drawing (l))
    return;
  cairo_move_to (l->cr, l->left, y);
  cairo_line_to (l->cr, l->right, y);
  set_color (l->cr, color);
  cairo_set_line_width (l->cr, line_width);
  cairo_stroke (l->cr);
}

static void
new_page (Layout *l)
{
  l->page++;
  l->y = l->top;
}

/* Moves to the next page unless a block of @height fits on this one. */
static void
reserve (Layout *l,
         double  height)
{
  if (l->y + height > l->bottom && l->y > l->top && l->page + 1 < MAX_PAGES)
    new_page (l);
}

/* Header */

static guint
iso_year (RapportSummary *s)
{
  return (guint) g_ascii_strtoull (rapport_summary_get_week (s), NULL, 10);
}

static void
block_header (Layout *l)
{
  const GDate *start = rapport_summary_get_start (l->summary);
  g_autofree char *title = NULL;
  g_autofree char *range = rapport_format_week_range (start, rapport_summary_get_end (l->summary),
                                                      FALSE);
  g_autoptr(PangoLayout) overline = NULL;
  PangoAttrList *attrs = pango_attr_list_new ();
  double y = l->y, h;

  /* Translators: the report's title; %u are the ISO week number and its year */
  title = g_strdup_printf (_("Week %u · %u"), g_date_get_iso8601_week_of_year (start),
                           iso_year (l->summary));

  overline = make_text (l, _("WEEKLY SATISFACTION SUMMARY"), 8, PANGO_WEIGHT_BOLD, -1, 0);
  pango_attr_list_insert (attrs, pango_attr_letter_spacing_new (PANGO_SCALE));
  pango_layout_set_attributes (overline, attrs);
  pango_attr_list_unref (attrs);
  text_size (overline, NULL, &h);
  put (l, overline, gray, l->left, y, 0);
  put_text (l, "Rapport", 8, PANGO_WEIGHT_BOLD, gray, l->right, y, 1);
  y += h + 2;
  y += put_text (l, title, 24, PANGO_WEIGHT_BOLD, black, l->left, y, 0);
  y += put_text (l, range, 11, PANGO_WEIGHT_NORMAL, black, l->left, y, 0) + 8;
  hrule (l, y, 1.5, black);
  l->y = y + 14;
}

/* Headline figures */

typedef struct {
  const char *label;
  char *value;
  char *unit;
  char *detail;
  char *change;
} Figure;

static char *
change_text (double now,
             double before,
             guint  decimals,
             gboolean points,
             guint  previous_week)
{
  int direction;
  g_autofree char *change = rapport_format_change (now, before, decimals, points, &direction);

  if (*change == '\0')
    return g_strdup ("");
  /* Translators: the change against the previous week, e.g. "▲ +4.0 points vs W47" */
  return g_strdup_printf (_("%s %s vs W%u"), direction > 0 ? "▲" : direction < 0 ? "▼" : "=",
                          change, previous_week);
}

static void
block_headline (Layout *l)
{
  const RapportSummaryCounts *c = rapport_summary_get_counts (l->summary);
  const RapportSummaryWeek *trend;
  const RapportSummaryCounts *p;
  guint n, previous_week, customers = rapport_summary_get_customers_called (l->summary);
  Figure figures[4] = { 0 };
  double cell, y = l->y, height = 0;

  trend = rapport_summary_get_trend (l->summary, &n);
  p = &trend[n - 2].counts;
  previous_week = g_date_get_iso8601_week_of_year (&trend[n - 2].monday);

  figures[0].label = _("Calls");
  figures[0].value = g_strdup_printf ("%u", c->attempts);
  figures[0].unit = g_strdup ("");
  figures[0].detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u customer", "%u customers",
                                                    customers), customers);
  figures[0].change = c->attempts == p->attempts
                      ? g_strdup_printf (_("= same as W%u"), previous_week)
                      : g_strdup_printf (_("%s %+d vs W%u"), c->attempts > p->attempts ? "▲" : "▼",
                                         (int) c->attempts - (int) p->attempts, previous_week);

  figures[1].label = _("Reach rate");
  figures[1].value = rapport_format_percent (rapport_summary_counts_reach_percent (c));
  figures[1].unit = g_strdup ("");
  figures[1].detail = g_strdup_printf (_("%u of %u reached"), c->reached, c->attempts);
  figures[1].change = change_text (rapport_summary_counts_reach_percent (c),
                                   rapport_summary_counts_reach_percent (p), 1, TRUE, previous_week);

  figures[2].label = _("Average satisfaction");
  figures[2].value = rapport_format_average (rapport_summary_counts_average (c));
  /* Translators: after the average rating, as in "3.38 / 5" */
  figures[2].unit = g_strdup (c->rated ? _(" / 5") : "");
  figures[2].detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u rating", "%u ratings",
                                                    c->rated), c->rated);
  figures[2].change = change_text (rapport_summary_counts_average (c),
                                   rapport_summary_counts_average (p), 2, FALSE, previous_week);

  figures[3].label = _("CSAT");
  figures[3].value = rapport_format_percent (rapport_summary_counts_csat_percent (c));
  figures[3].unit = g_strdup ("");
  figures[3].detail = g_strdup_printf (_("%u of %u rated 4 or 5"), c->satisfied, c->rated);
  figures[3].change = change_text (rapport_summary_counts_csat_percent (c),
                                   rapport_summary_counts_csat_percent (p), 1, TRUE, previous_week);

  cell = (l->right - l->left) / 4;
  for (guint i = 0; i < 4; i++)
    {
      double x = l->left + cell * i + (i ? 12 : 0);
      double fy = y, w;
      g_autoptr(PangoLayout) value = make_text (l, figures[i].value, 26, PANGO_WEIGHT_BOLD, -1, 0);

      fy += put_text (l, figures[i].label, 8.5, PANGO_WEIGHT_BOLD, gray, x, fy, 0) + 1;
      put (l, value, black, x, fy, 0);
      text_size (value, &w, NULL);
      if (*figures[i].unit)
        {
          g_autoptr(PangoLayout) unit = make_text (l, figures[i].unit, 12, PANGO_WEIGHT_NORMAL, -1, 0);
          double vh, uh;
          text_size (value, NULL, &vh);
          text_size (unit, NULL, &uh);
          /* On the figure's baseline, roughly. */
          put (l, unit, gray, x + w, fy + vh - uh - 4, 0);
        }
      {
        double vh;
        text_size (value, NULL, &vh);
        fy += vh;
      }
      fy += put_text (l, figures[i].detail, 8.5, PANGO_WEIGHT_NORMAL, black, x, fy, 0);
      fy += put_text (l, figures[i].change, 8.5, PANGO_WEIGHT_NORMAL, gray, x, fy, 0);
      height = MAX (height, fy - y);

      if (i > 0 && drawing (l))
        {
          cairo_move_to (l->cr, l->left + cell * i + 0.25, y + 2);
          cairo_line_to (l->cr, l->left + cell * i + 0.25, y + height - 2);
          set_color (l->cr, rule_gray);
          cairo_set_line_width (l->cr, 0.5);
          cairo_stroke (l->cr);
        }
    }
  for (guint i = 0; i < 4; i++)
    {
      g_free (figures[i].value);
      g_free (figures[i].unit);
      g_free (figures[i].detail);
      g_free (figures[i].change);
    }
  l->y = y + height + 12;
}

/* The follow-up outcomes, in a shaded band. */
static void
block_outcomes (Layout *l)
{
  guint persisting = rapport_summary_get_problems_persisting (l->summary);
  guint open = rapport_summary_get_open_at_end (l->summary);
  struct { guint value; const char *label; } items[] = {
    { persisting, g_dngettext (GETTEXT_PACKAGE, "problem persists", "problems persist", persisting) },
    { rapport_summary_get_recovered (l->summary), _("recovered (irate or nothing went right, rated 4–5)") },
    { rapport_summary_get_unreachable (l->summary), _("closed unreachable") },
    { open, g_dngettext (GETTEXT_PACKAGE, "follow-up open at the end of the week",
                         "follow-ups open at the end of the week", open) },
  };
  double cell = (l->right - l->left) / 2, row_h = 0, pad = 7;
  double y = l->y;

  /* Two columns of two: measure first for the band's height. */
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      g_autoptr(PangoLayout) label = make_text (l, items[i].label, 8.5, PANGO_WEIGHT_NORMAL,
                                                cell - 40, 2);
      double h;
      text_size (label, NULL, &h);
      row_h = MAX (row_h, MAX (h, 15));
    }
  if (drawing (l))
    {
      cairo_rectangle (l->cr, l->left, y, l->right - l->left, 2 * row_h + 3 * pad);
      set_color (l->cr, shade);
      cairo_fill (l->cr);
    }
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    {
      double x = l->left + 10 + cell * (i % 2);
      double ry = y + pad + (row_h + pad) * (i / 2);
      g_autofree char *value = g_strdup_printf ("%u", items[i].value);
      g_autoptr(PangoLayout) number = make_text (l, value, 13, PANGO_WEIGHT_BOLD, -1, 0);
      g_autoptr(PangoLayout) label = make_text (l, items[i].label, 8.5, PANGO_WEIGHT_NORMAL,
                                                cell - 40, 2);
      double nh, lh;

      text_size (number, NULL, &nh);
      text_size (label, NULL, &lh);
      put (l, number, black, x + 22, ry + (row_h - nh) / 2, 1);
      put (l, label, black, x + 30, ry + (row_h - lh) / 2, 0);
    }
  l->y = y + 2 * row_h + 3 * pad + 14;
}

static void
section_title (Layout     *l,
               const char *title)
{
  l->y += put_text (l, title, 11, PANGO_WEIGHT_BOLD, black, l->left, l->y, 0) + 4;
}

static void
block_charts (Layout *l)
{
  RapportChartStyle style;
  double gap = 24, w = (l->right - l->left - gap) / 2, h = 130;
  double y = l->y, title_h;

  rapport_chart_style_init_print (&style);
  style.font_family = FONT_FAMILY;

  title_h = put_text (l, _("Ratings this week"), 11, PANGO_WEIGHT_BOLD, black, l->left, y, 0);
  put_text (l, _("CSAT and average, last 8 weeks"), 11, PANGO_WEIGHT_BOLD, black,
            l->left + w + gap, y, 0);
  y += title_h + 8;
  if (drawing (l))
    {
      cairo_save (l->cr);
      cairo_translate (l->cr, l->left, y);
      rapport_summary_draw_ratings (l->summary, l->cr, l->context, w, h, &style);
      cairo_restore (l->cr);
      cairo_save (l->cr);
      cairo_translate (l->cr, l->left + w + gap, y);
      rapport_summary_draw_trend (l->summary, l->cr, l->context, w, h, &style);
      cairo_restore (l->cr);
    }
  l->y = y + h + 14;
}

/* Tables */

enum { ROW_NORMAL, ROW_MUTED, ROW_TOTAL };

typedef struct {
  const char *title;
  guint n_columns;
  const char *headers[6];
  double widths[6];     /* shares of the content width */
  gboolean right[6];    /* numbers align right */
  GPtrArray *rows;      /* GStrv, n_columns cells */
  GArray *styles;       /* int per row */
  guint wrap_column;    /* a column that wraps (up to 3 lines), or G_MAXUINT */
  const char *empty;    /* said instead of the table when it has no rows */
  const char *more;     /* ngettext pair key, for what did not fit */
} Table;

static void
table_init (Table      *t,
            const char *title,
            guint       n_columns)
{
  memset (t, 0, sizeof *t);
  t->title = title;
  t->n_columns = n_columns;
  t->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  t->styles = g_array_new (FALSE, FALSE, sizeof (int));
  t->wrap_column = G_MAXUINT;
}

static void
table_clear (Table *t)
{
  g_ptr_array_unref (t->rows);
  g_array_unref (t->styles);
}

static void
table_add (Table *t,
           int    style,
           ...)
{
  GStrv cells = g_new0 (char *, t->n_columns + 1);
  va_list args;

  va_start (args, style);
  for (guint i = 0; i < t->n_columns; i++)
    cells[i] = g_strdup (va_arg (args, const char *));
  va_end (args);
  g_ptr_array_add (t->rows, cells);
  g_array_append_val (t->styles, style);
}

/* Lays out one row (the header when @cells is the headers); returns its height. */
static double
table_row (Layout      *l,
           Table       *t,
           const char **cells,
           int          style,
           gboolean     header,
           double       y,
           gboolean     draw)
{
  double x = l->left, width = l->right - l->left, height = 0, pad = 3.5;
  guint saved = l->target;

  if (!draw)
    l->target = G_MAXUINT;
  for (guint c = 0; c < t->n_columns; c++)
    {
      double cw = width * t->widths[c];
      gboolean wraps = c == t->wrap_column && !header;
      g_autoptr(PangoLayout) layout = make_text (l, cells[c], header ? 8 : 9,
                                                 header || style == ROW_TOTAL ? PANGO_WEIGHT_BOLD
                                                                             : PANGO_WEIGHT_NORMAL,
                                                 wraps ? cw - 6 : -1, wraps ? 3 : 0);
      double h;

      if (!wraps)
        {
          pango_layout_set_width (layout, pango_units_from_double (cw - 6));
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
        }
      text_size (layout, NULL, &h);
      put (l, layout, header || style == ROW_MUTED ? gray : black,
           t->right[c] ? x + cw - 3 : x + (c == 0 ? 0 : 3), y + pad, t->right[c] ? 1 : 0);
      height = MAX (height, h + 2 * pad);
      x += cw;
    }
  if (style == ROW_TOTAL)
    hrule (l, y, 0.75, black);
  hrule (l, y + height, header ? 0.75 : 0.35, header ? black : rule_gray);
  l->target = saved;
  return height;
}

/* Places the table row by row, over the page break if needed (with the
 * header again); on the last page, what does not fit is counted instead. */
static void
block_table (Layout *l,
             Table  *t)
{
  double title_h = 11 + 9, header_h, first_rows = 14, more_h = 16;
  guint i;

  header_h = table_row (l, t, t->headers, ROW_NORMAL, TRUE, 0, FALSE);
  /* Keeps a title with its first rows (or a short table whole) together. */
  for (i = 0; i < MIN (t->rows->len, 4); i++)
    first_rows += table_row (l, t, g_ptr_array_index (t->rows, i),
                             g_array_index (t->styles, int, i), FALSE, 0, FALSE);
  reserve (l, title_h + header_h + first_rows);
  /* The last page full: not even the title, the heading row and the "… and
   * N more" line fit. One line says what is left out, if that fits. */
  if (l->page + 1 >= MAX_PAGES && t->rows->len > 0 && l->y + title_h + header_h + more_h > l->bottom)
    {
      /* Translators: a table left out of the full last page of the PDF, e.g. "Needs attention: 388 rows, in the CSV export" */
      g_autofree char *left_out = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%s: %u row, in the CSV export",
                                                                "%s: %u rows, in the CSV export",
                                                                t->rows->len),
                                                   t->title, t->rows->len);

      if (l->y + more_h <= l->bottom)
        l->y += put_text (l, left_out, 9, PANGO_WEIGHT_NORMAL, gray, l->left, l->y, 0);
      return;
    }
  section_title (l, t->title);
  if (t->rows->len == 0)
    {
      g_autoptr(PangoLayout) empty = make_text (l, t->empty, 9, PANGO_WEIGHT_NORMAL,
                                                l->right - l->left, 0);
      double h;
      text_size (empty, NULL, &h);
      put (l, empty, gray, l->left, l->y, 0);
      l->y += h + 14;
      return;
    }
  l->y += table_row (l, t, t->headers, ROW_NORMAL, TRUE, l->y, TRUE);
  for (i = 0; i < t->rows->len; i++)
    {
      const char **cells = g_ptr_array_index (t->rows, i);
      int style = g_array_index (t->styles, int, i);
      double h = table_row (l, t, cells, style, FALSE, 0, FALSE);
      gboolean last_page = l->page + 1 >= MAX_PAGES;
      gboolean last_row = i + 1 == t->rows->len;

      /* On the last page a cut table keeps room for its "… and N more" and
       * for one line about a table after it that no longer fits. */
      if (l->y + h + (last_page && !last_row ? 2 * more_h : 0) > l->bottom)
        {
          if (last_page)
            break;
          new_page (l);
          {
            /* Translators: the title of a table that goes on from the page before */
            g_autofree char *continued = g_strdup_printf (_("%s (continued)"), t->title);
            section_title (l, continued);
          }
          l->y += table_row (l, t, t->headers, ROW_NORMAL, TRUE, l->y, TRUE);
        }
      l->y += table_row (l, t, cells, style, FALSE, l->y, TRUE);
    }
  if (i < t->rows->len)
    {
      guint left = t->rows->len - i;
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "… and %u more; the CSV export lists them all",
                                                            "… and %u more; the CSV export lists them all",
                                                            left), left);
      l->y += 3;
      l->y += put_text (l, more, 9, PANGO_WEIGHT_NORMAL, gray, l->left, l->y, 0);
    }
  l->y += 14;
}

static char *
uint_text (guint value)
{
  return g_strdup_printf ("%u", value);
}

static void
block_situations (Layout *l)
{
  const RapportSummaryCounts *total = rapport_summary_get_counts (l->summary);
  guint in_situations = 0, reached = 0;
  Table t;

  table_init (&t, _("By situation"), 6);
  t.headers[0] = _("Situation");
  t.headers[1] = _("Calls");
  t.headers[2] = _("Reached");
  t.headers[3] = _("Rated");
  t.headers[4] = _("Average");
  t.headers[5] = _("CSAT");
  t.widths[0] = 0.40;
  for (guint c = 1; c < 6; c++)
    {
      t.widths[c] = 0.12;
      t.right[c] = TRUE;
    }
  for (RapportSituation s = 0; s < RAPPORT_N_SITUATIONS; s++)
    {
      const RapportSummaryCounts *c = rapport_summary_get_situation_counts (l->summary, s);
      g_autofree char *a = uint_text (c->attempts), *r = uint_text (c->reached), *n = uint_text (c->rated);
      g_autofree char *avg = rapport_format_average (rapport_summary_counts_average (c));
      g_autofree char *csat = rapport_format_percent (rapport_summary_counts_csat_percent (c));

      table_add (&t, c->attempts ? ROW_NORMAL : ROW_MUTED, rapport_situation_to_label (s),
                 a, r, n, avg, csat);
      in_situations += c->attempts;
      reached += c->reached;
    }
  if (total->attempts > in_situations)
    {
      g_autofree char *a = uint_text (total->attempts - in_situations);
      g_autofree char *r = uint_text (total->reached - reached);

      /* Calls that addressed no follow-up: shown so the column adds up. */
      table_add (&t, ROW_MUTED, _("No follow-up due"), a, r, "", "", "");
    }
  {
    g_autofree char *a = uint_text (total->attempts), *r = uint_text (total->reached);
    g_autofree char *n = uint_text (total->rated);
    g_autofree char *avg = rapport_format_average (rapport_summary_counts_average (total));
    g_autofree char *csat = rapport_format_percent (rapport_summary_counts_csat_percent (total));
    table_add (&t, ROW_TOTAL, _("All calls"), a, r, n, avg, csat);
  }
  block_table (l, &t);
  table_clear (&t);
}

static void
block_staff (Layout *l)
{
  GPtrArray *staff = rapport_summary_get_by_staff (l->summary);
  Table t;

  table_init (&t, _("By staff member"), 5);
  t.headers[0] = _("Staff member");
  t.headers[1] = _("Calls");
  t.headers[2] = _("Reached");
  t.headers[3] = _("Reach rate");
  t.headers[4] = _("Average");
  t.widths[0] = 0.52;
  for (guint c = 1; c < 5; c++)
    {
      t.widths[c] = 0.12;
      t.right[c] = TRUE;
    }
  t.empty = _("No calls this week.");
  for (guint i = 0; i < staff->len; i++)
    {
      RapportSummaryStaff *s = g_ptr_array_index (staff, i);
      g_autofree char *a = uint_text (s->counts.attempts), *r = uint_text (s->counts.reached);
      g_autofree char *rate = rapport_format_percent (rapport_summary_counts_reach_percent (&s->counts));
      g_autofree char *avg = rapport_format_average (rapport_summary_counts_average (&s->counts));

      table_add (&t, ROW_NORMAL, *s->staff ? s->staff : _("(no name)"), a, r, rate, avg);
    }
  block_table (l, &t);
  table_clear (&t);
}

static void
block_attention (Layout *l)
{
  GPtrArray *calls = rapport_summary_get_needs_attention (l->summary);
  Table t;

  table_init (&t, _("Needs attention"), 5);
  t.headers[0] = _("Date");
  t.headers[1] = _("Customer");
  t.headers[2] = _("Rating");
  t.headers[3] = _("Problem");
  t.headers[4] = _("Note");
  t.widths[0] = 0.13;
  t.widths[1] = 0.23;
  t.widths[2] = 0.08;
  t.widths[3] = 0.13;
  t.widths[4] = 0.43;
  t.right[2] = TRUE;
  t.wrap_column = 4;
  t.empty = _("No call this week was rated 1 or 2 or left a problem unsolved.");
  for (guint i = 0; i < calls->len; i++)
    {
      RapportSummaryCall *c = g_ptr_array_index (calls, i);
      char date[64];
      g_autofree char *rating = c->satisfaction ? uint_text (c->satisfaction) : g_strdup ("—");

      /* Translators: strftime format of a date in the needs-attention list, e.g. "Tue 24 Nov" */
      if (g_date_strftime (date, sizeof date, _("%a %-d %b"), &c->date) == 0)
        date[0] = '\0';
      table_add (&t, ROW_NORMAL, date, c->name, rating,
                 c->problem_persists ? _("persists") : "", c->note);
    }
  block_table (l, &t);
  table_clear (&t);
}

static void
footer (Layout *l)
{
  g_autofree char *left = NULL;
  g_autofree char *right = NULL;
  double y = l->height - 34;

  if (!drawing (l))
    return;
  /* Translators: the footer of each page, with the week's name, e.g. 2026-W48 */
  left = g_strdup_printf (_("Rapport · weekly satisfaction summary %s"),
                          rapport_summary_get_week (l->summary));
  /* Translators: the page number in the footer */
  right = g_strdup_printf (_("Page %u of %u"), l->page + 1, MAX (l->n_pages, 1));
  hrule (l, y, 0.5, rule_gray);
  put_text (l, left, 7.5, PANGO_WEIGHT_NORMAL, gray, l->left, y + 4, 0);
  put_text (l, right, 7.5, PANGO_WEIGHT_NORMAL, gray, l->right, y + 4, 1);
}

/* Runs the whole layout; draws the page @target (or nothing). */
static guint
run_layout (RapportSummary *summary,
            cairo_t        *cr,
            double          width,
            double          height,
            guint           target,
            guint           n_pages)
{
  Layout l = { 0 };
  cairo_font_options_t *options = cairo_font_options_create ();

  l.summary = summary;
  l.cr = cr;
  l.width = width;
  l.height = height;
  l.left = 50;
  l.right = width - 50;
  l.top = 40;
  l.bottom = height - 44;
  l.target = target;
  l.n_pages = n_pages;
  l.y = l.top;

  /* Points as units and unhinted metrics: the same layout on every surface. */
  l.context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (l.context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (l.context, options);
  cairo_font_options_destroy (options);

  if (cr != NULL)
    cairo_save (cr);
  block_header (&l);
  block_headline (&l);
  block_outcomes (&l);
  reserve (&l, 200);
  block_charts (&l);
  block_situations (&l);
  block_staff (&l);
  block_attention (&l);

  /* Each page's footer, now that the page count is known. */
  {
    guint last = l.page;
    for (guint p = 0; p <= last; p++)
      {
        l.page = p;
        footer (&l);
      }
    l.page = last;
  }
  if (cr != NULL)
    cairo_restore (cr);
  g_object_unref (l.context);
  return l.page + 1;
}

guint
rapport_summary_get_n_pages (RapportSummary *self,
                             double          width,
                             double          height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  guint n;

  g_return_val_if_fail (RAPPORT_IS_SUMMARY (self), 1);

  n = run_layout (self, cr, width, height, G_MAXUINT, 0);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return MIN (n, MAX_PAGES);
}

void
rapport_summary_render_page (RapportSummary *self,
                             cairo_t        *cr,
                             double          width,
                             double          height,
                             guint           page_no)
{
  guint n;

  g_return_if_fail (RAPPORT_IS_SUMMARY (self));
  g_return_if_fail (cr != NULL);

  n = rapport_summary_get_n_pages (self, width, height);
  run_layout (self, cr, width, height, page_no, n);
}

static cairo_status_t
write_to_array (void                *closure,
                const unsigned char *data,
                unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

GBytes *
rapport_summary_to_pdf (RapportSummary  *self,
                        GError         **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autofree char *title = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;
  guint n;

  g_return_val_if_fail (RAPPORT_IS_SUMMARY (self), NULL);

  rapport_summary_get_paper_size (&width, &height);
  surface = cairo_pdf_surface_create_for_stream (write_to_array, bytes, width, height);
  /* Translators: the PDF document's title, e.g. "Weekly satisfaction summary 2026-W48" */
  title = g_strdup_printf (_("Weekly satisfaction summary %s"), rapport_summary_get_week (self));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Rapport " PACKAGE_VERSION);
  cr = cairo_create (surface);
  n = rapport_summary_get_n_pages (self, width, height);
  for (guint p = 0; p < n; p++)
    {
      run_layout (self, cr, width, height, p, n);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("The PDF could not be made: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

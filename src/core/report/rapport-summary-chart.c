/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-summary"

/* The two charts of the summary, drawn with cairo for the PDF, for printing
 * and in the app's window alike. Only the style differs: on paper they must
 * read in black and white, so the series differ by line, marker and fill
 * pattern too, never by colour alone. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "rapport-summary-chart.h"

void
rapport_chart_style_init_print (RapportChartStyle *style)
{
  static const RapportChartStyle print = {
    .foreground = { 0, 0, 0, 1 },
    .secondary = { 0.45, 0.45, 0.45, 1 },
    .accent = { 0, 0, 0, 1 },
    .fill_strong = { 0.2, 0.2, 0.2, 1 },
    .fill_weak = { 0.78, 0.78, 0.78, 1 },
    .background = { 1, 1, 1, 1 },
    .font_family = NULL,
    .font_size = 8,
  };

  *style = print;
}

static void
set_color (cairo_t      *cr,
           const double  color[4])
{
  cairo_set_source_rgba (cr, color[0], color[1], color[2], color[3]);
}

static PangoLayout *
text_layout (PangoContext            *context,
             const RapportChartStyle *style,
             const char              *text,
             gboolean                 bold)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr(PangoFontDescription) font = NULL;

  font = pango_font_description_copy (pango_context_get_font_description (context));
  if (style->font_family != NULL)
    pango_font_description_set_family (font, style->font_family);
  pango_font_description_set_size (font, (int) (style->font_size * PANGO_SCALE));
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
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

/* Draws @text with its anchor at (@x, @y): @ax and @ay 0 for left/top, 0.5
 * for the centre, 1 for right/bottom. Returns the width. */
static double
draw_text (cairo_t                 *cr,
           PangoContext            *context,
           const RapportChartStyle *style,
           const double             color[4],
           const char              *text,
           gboolean                 bold,
           double                   x,
           double                   y,
           double                   ax,
           double                   ay)
{
  g_autoptr(PangoLayout) layout = text_layout (context, style, text, bold);
  double w, h;

  text_size (layout, &w, &h);
  set_color (cr, color);
  cairo_move_to (cr, x - w * ax, y - h * ay);
  pango_cairo_show_layout (cr, layout);
  /* The text is no part of a path: the next shape (a legend marker's arc)
   * would otherwise start with a line from here. */
  cairo_new_path (cr);
  return w;
}

static double
line_height (PangoContext            *context,
             const RapportChartStyle *style)
{
  g_autoptr(PangoLayout) layout = text_layout (context, style, "0", FALSE);
  double h;

  text_size (layout, NULL, &h);
  return h;
}

/* A filled, outlined square swatch and its label; returns the x after it. */
static double
draw_swatch (cairo_t                 *cr,
             PangoContext            *context,
             const RapportChartStyle *style,
             const double             fill[4],
             const char              *label,
             double                   x,
             double                   y,
             double                   size)
{
  cairo_rectangle (cr, x + 0.5, y - size / 2 + 0.5, size - 1, size - 1);
  set_color (cr, fill);
  cairo_fill_preserve (cr);
  set_color (cr, style->foreground);
  cairo_set_line_width (cr, 0.5);
  cairo_stroke (cr);
  x += size + size / 2;
  x += draw_text (cr, context, style, style->foreground, label, FALSE, x, y, 0, 0.5);
  return x + size * 1.5;
}

void
rapport_summary_draw_ratings (RapportSummary          *summary,
                              cairo_t                 *cr,
                              PangoContext            *context,
                              double                   width,
                              double                   height,
                              const RapportChartStyle *style)
{
  double lh = line_height (context, style);
  double top = lh * 1.3;
  double baseline = height - lh * 3.2;
  double slot = width / 5;
  guint max = 0, rated;

  g_return_if_fail (RAPPORT_IS_SUMMARY (summary));

  rated = rapport_summary_get_counts (summary)->rated;
  for (guint r = 1; r <= 5; r++)
    max = MAX (max, rapport_summary_get_rating_count (summary, r));

  cairo_save (cr);
  for (guint r = 1; r <= 5; r++)
    {
      guint n = rapport_summary_get_rating_count (summary, r);
      double cx = slot * (r - 0.5);
      double bw = slot * 0.56;
      double bh = max > 0 ? (baseline - top) * n / max : 0;
      g_autofree char *value = g_strdup_printf ("%u", n);
      g_autofree char *label = g_strdup_printf ("%u", r);

      if (bh > 0)
        {
          cairo_rectangle (cr, cx - bw / 2, baseline - bh, bw, bh);
          set_color (cr, r >= 4 ? style->fill_strong : style->fill_weak);
          cairo_fill_preserve (cr);
          set_color (cr, style->foreground);
          cairo_set_line_width (cr, 0.5);
          cairo_stroke (cr);
        }
      if (max > 0)
        draw_text (cr, context, style, style->foreground, value, TRUE, cx, baseline - bh - lh * 0.15, 0.5, 1);
      draw_text (cr, context, style, style->foreground, label, FALSE, cx, baseline + lh * 0.25, 0.5, 0);
    }

  cairo_move_to (cr, 0, baseline + 0.5);
  cairo_line_to (cr, width, baseline + 0.5);
  set_color (cr, style->foreground);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  if (rated == 0)
    draw_text (cr, context, style, style->secondary, _("No ratings this week"), FALSE,
               width / 2, (top + baseline) / 2, 0.5, 0.5);

  {
    double y = height - lh * 0.9;
    double x = 0;

    /* Translators: legend of the ratings chart: the ratings counted in CSAT */
    x = draw_swatch (cr, context, style, style->fill_strong, _("4–5: satisfied"), x, y, lh * 0.75);
    /* Translators: legend of the ratings chart: 1 very unhappy … 5 very happy */
    draw_swatch (cr, context, style, style->fill_weak, _("1–3 (1 = very unhappy)"), x, y, lh * 0.75);
  }
  cairo_restore (cr);
}

static void
draw_marker (cairo_t                 *cr,
             const RapportChartStyle *style,
             gboolean                 square,
             double                   x,
             double                   y,
             double                   r)
{
  if (square)
    {
      cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
      set_color (cr, style->background);
      cairo_fill_preserve (cr);
      set_color (cr, style->secondary);
      cairo_set_line_width (cr, 1.2);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_stroke (cr);
    }
  else
    {
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      set_color (cr, style->accent);
      cairo_fill (cr);
    }
}

/* One series: @values in 0–1 (NAN for a gap), drawn as a line through the
 * centres of the @n slots, broken where a week has no figure. */
static void
draw_series (cairo_t                 *cr,
             const RapportChartStyle *style,
             const double            *values,
             guint                    n,
             double                   x0,
             double                   slot,
             double                   y0,
             double                   y1,
             gboolean                 dashed)
{
  static const double dash[] = { 4, 2.5 };
  gboolean drawing = FALSE;

  cairo_save (cr);
  set_color (cr, dashed ? style->secondary : style->accent);
  cairo_set_line_width (cr, dashed ? 1.5 : 2);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_dash (cr, dashed ? dash : NULL, dashed ? 2 : 0, 0);
  for (guint i = 0; i < n; i++)
    {
      double x = x0 + slot * (i + 0.5);
      double y = y1 - (y1 - y0) * values[i];

      if (isnan (values[i]))
        {
          drawing = FALSE;
          continue;
        }
      if (drawing)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      drawing = TRUE;
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  cairo_save (cr);
  for (guint i = 0; i < n; i++)
    if (!isnan (values[i]))
      draw_marker (cr, style, dashed, x0 + slot * (i + 0.5), y1 - (y1 - y0) * values[i],
                   dashed ? 2.6 : 3);
  cairo_restore (cr);
}

void
rapport_summary_draw_trend (RapportSummary          *summary,
                            cairo_t                 *cr,
                            PangoContext            *context,
                            double                   width,
                            double                   height,
                            const RapportChartStyle *style)
{
  double csat[RAPPORT_SUMMARY_TREND_WEEKS], average[RAPPORT_SUMMARY_TREND_WEEKS];
  const RapportSummaryWeek *trend;
  double lh = line_height (context, style);
  double left, right, top, bottom, slot;
  gboolean any = FALSE;
  gboolean two_legend_rows;
  guint n;

  g_return_if_fail (RAPPORT_IS_SUMMARY (summary));

  trend = rapport_summary_get_trend (summary, &n);
  for (guint i = 0; i < n; i++)
    {
      double c = rapport_summary_counts_csat_percent (&trend[i].counts);
      double a = rapport_summary_counts_average (&trend[i].counts);

      /* Both on one scale: 0–100 % and 1–5 share the five grid lines. */
      csat[i] = isnan (c) ? NAN : c / 100.0;
      average[i] = isnan (a) ? NAN : (a - 1) / 4.0;
      any |= !isnan (c);
    }

  cairo_save (cr);
  {
    g_autoptr(PangoLayout) widest = text_layout (context, style, "100%", FALSE);
    double w;

    text_size (widest, &w, NULL);
    left = w + lh * 0.5;
    right = left * 0.6;
  }
  /* The legend on one line, or on two when the labels (German ones, a
   * narrow window) are wider than the chart: never cut. */
  {
    /* Translators: legend of the trend chart: the solid line, on the left axis */
    g_autoptr(PangoLayout) csat_label = text_layout (context, style, _("CSAT (%, left)"), FALSE);
    /* Translators: legend of the trend chart: the dashed line, on the right axis */
    g_autoptr(PangoLayout) average_label = text_layout (context, style, _("Average rating (1–5, right)"), FALSE);
    double csat_w, average_w;

    text_size (csat_label, &csat_w, NULL);
    text_size (average_label, &average_w, NULL);
    two_legend_rows = left + 13 + csat_w + 14 + lh * 1.2 + 15 + average_w > width;
  }
  top = lh * 0.6;
  bottom = height - lh * (two_legend_rows ? 4.4 : 3.2);
  slot = (width - left - right) / n;

  for (guint g = 0; g <= 4; g++)
    {
      double y = bottom - (bottom - top) * g / 4.0;
      g_autofree char *percent = g_strdup_printf ("%u%%", g * 25);
      g_autofree char *rating = g_strdup_printf ("%u", g + 1);

      cairo_move_to (cr, left, round (y) + 0.25);
      cairo_line_to (cr, width - right, round (y) + 0.25);
      set_color (cr, g == 0 ? style->foreground : style->secondary);
      cairo_set_line_width (cr, g == 0 ? 1 : 0.35);
      cairo_stroke (cr);
      draw_text (cr, context, style, style->foreground, percent, FALSE, left - lh * 0.35, y, 1, 0.5);
      draw_text (cr, context, style, style->secondary, rating, FALSE, width - right + lh * 0.35, y, 0, 0.5);
    }

  for (guint i = 0; i < n; i++)
    {
      /* Translators: a short week label under the trend chart, e.g. "W48" */
      g_autofree char *label = g_strdup_printf (C_("trend week", "W%u"),
                                                g_date_get_iso8601_week_of_year (&trend[i].monday));
      draw_text (cr, context, style, style->foreground, label, i == n - 1,
                 left + slot * (i + 0.5), bottom + lh * 0.25, 0.5, 0);
    }

  if (any)
    {
      draw_series (cr, style, average, n, left, slot, top, bottom, TRUE);
      draw_series (cr, style, csat, n, left, slot, top, bottom, FALSE);
    }
  else
    /* Between the 50 % and 75 % lines, not struck through by one. */
    draw_text (cr, context, style, style->secondary, _("No ratings in these 8 weeks"), FALSE,
               (left + width - right) / 2, bottom - (bottom - top) * 0.625, 0.5, 0.5);

  {
    double y = height - lh * (two_legend_rows ? 2.1 : 0.9);
    double x = left;

    draw_marker (cr, style, FALSE, x + 3, y, 3);
    cairo_move_to (cr, x - 3, y);
    cairo_line_to (cr, x + 9, y);
    set_color (cr, style->accent);
    cairo_set_line_width (cr, 2);
    cairo_stroke (cr);
    /* Translators: legend of the trend chart: the solid line, on the left axis */
    x += 14 + draw_text (cr, context, style, style->foreground, _("CSAT (%, left)"), FALSE,
                         x + 13, y, 0, 0.5);
    x += lh * 1.2;
    if (two_legend_rows)
      {
        x = left;
        y = height - lh * 0.9;
      }
    {
      static const double dash[] = { 4, 2.5 };
      cairo_save (cr);
      cairo_move_to (cr, x - 3, y);
      cairo_line_to (cr, x + 11, y);
      set_color (cr, style->secondary);
      cairo_set_line_width (cr, 1.5);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
    draw_marker (cr, style, TRUE, x + 4, y, 2.6);
    /* Translators: legend of the trend chart: the dashed line, on the right axis */
    draw_text (cr, context, style, style->foreground, _("Average rating (1–5, right)"), FALSE,
               x + 15, y, 0, 0.5);
  }
  cairo_restore (cr);
}

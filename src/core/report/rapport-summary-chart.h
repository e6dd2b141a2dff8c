/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "rapport-summary.h"

G_BEGIN_DECLS

/**
 * RapportChartStyle:
 * @foreground: labels, axes, outlines
 * @secondary: grid lines, captions, the average line
 * @accent: the CSAT line and its markers
 * @fill_strong: bars of ratings 4–5 (the satisfied ones, counted in CSAT)
 * @fill_weak: bars of ratings 1–3
 * @background: the inside of open markers (the surface the chart is drawn on)
 * @font_family: (nullable): e.g. "Cantarell"; NULL keeps the context's font
 * @font_size: the size of labels, in points
 *
 * Colours as RGBA in 0–1, so that the PDF draws in black and white and the
 * app in the colours of its light or dark style, with the same drawing code.
 */
typedef struct {
  double      foreground[4];
  double      secondary[4];
  double      accent[4];
  double      fill_strong[4];
  double      fill_weak[4];
  double      background[4];
  const char *font_family;
  double      font_size;
} RapportChartStyle;

/* Black and white, for paper. */
void rapport_chart_style_init_print (RapportChartStyle *style);

/* Each draws inside (0, 0)–(@width, @height) of @cr's current user space;
 * the text comes from @context (its resolution decides what a point is). */

/* Bars of the count of each rating 1–5 of the week. */
void rapport_summary_draw_ratings   (RapportSummary          *summary,
                                     cairo_t                 *cr,
                                     PangoContext            *context,
                                     double                   width,
                                     double                   height,
                                     const RapportChartStyle *style);
/* Lines of CSAT (left axis, %) and the average rating (right axis, 1–5) over
 * the 8 weeks of the trend; weeks without ratings leave a gap. */
void rapport_summary_draw_trend     (RapportSummary          *summary,
                                     cairo_t                 *cr,
                                     PangoContext            *context,
                                     double                   width,
                                     double                   height,
                                     const RapportChartStyle *style);

G_END_DECLS

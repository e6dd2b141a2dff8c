/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rapport-summary.h"

G_BEGIN_DECLS

typedef enum {
  RAPPORT_CHART_RATINGS,
  RAPPORT_CHART_TREND,
} RapportChartKind;

#define RAPPORT_TYPE_CHART (rapport_chart_get_type ())

G_DECLARE_FINAL_TYPE (RapportChart, rapport_chart, RAPPORT, CHART, GtkWidget)

/**
 * RapportChart:
 *
 * One chart of the weekly summary, drawn by the same code as the PDF's but
 * in the colours of the current style, so that it follows light and dark.
 * For screen readers it is an image whose label reads the figures.
 */
GtkWidget        *rapport_chart_new         (RapportChartKind  kind);
void              rapport_chart_set_kind    (RapportChart     *self,
                                             RapportChartKind  kind);
RapportChartKind  rapport_chart_get_kind    (RapportChart     *self);
/* (nullable) */
void              rapport_chart_set_summary (RapportChart     *self,
                                             RapportSummary   *summary);

G_END_DECLS

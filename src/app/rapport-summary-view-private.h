/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the Summary view's files: the view itself and its actions. */

#include "rapport-chart.h"
#include "rapport-summary-view.h"
#include "rapport-webhook.h"

G_BEGIN_DECLS

struct _RapportSummaryView
{
  GtkWidget parent_instance;

  RapportStore *store;
  RapportWebhook *webhook;
  RapportSummary *summary;
  GDate monday;
  gboolean dirty;
  gint64 outside_version;   /* the store's, when the figures were computed */
  GDate this_week;          /* the Monday of today's week then */
  gboolean sending;
  GCancellable *cancellable;
  GtkFileChooserNative *chooser;
  RapportSummaryFormat export_format;

  /* Template widgets */
  GtkWidget *main_box;
  GtkWidget *previous_button;
  GtkWidget *next_button;
  GtkWidget *send_button;
  GtkWidget *scrolled_window;
  GtkLabel *week_label;
  GtkLabel *calls_value;
  GtkLabel *calls_detail;
  GtkLabel *calls_change;
  GtkLabel *reach_value;
  GtkLabel *reach_detail;
  GtkLabel *reach_change;
  GtkLabel *average_value;
  GtkLabel *average_detail;
  GtkLabel *average_change;
  GtkLabel *csat_value;
  GtkLabel *csat_detail;
  GtkLabel *csat_change;
  GtkLabel *outcomes_label;
  RapportChart *ratings_chart;
  RapportChart *trend_chart;
  GtkGrid *situation_grid;
  GtkGrid *staff_grid;
  GtkListBox *attention_list;
};

void _rapport_summary_view_toast              (RapportSummaryView *self,
                                               const char         *message);
/* Computes the week's figures again when the database changed since they
 * were: through this store ("changed"), or by another program (rapport-cli,
 * a second Rapport), which no signal tells. */
void _rapport_summary_view_refresh_if_stale   (RapportSummaryView *self);
/* Enables the actions that make sense now (a summary, not sending yet…). */
void _rapport_summary_view_update_actions     (RapportSummaryView *self);
/* The print job of the summary shown, drawn by rapport_summary_render_page();
 * the Print action runs it with a dialog, tests export it to a file. */
GtkPrintOperation *_rapport_summary_view_new_print_operation (RapportSummaryView *self);
/* Installs summary.export, summary.print and summary.send. */
void _rapport_summary_view_class_actions_init (GtkWidgetClass     *widget_class);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-store.h"
#include "rapport-webhook.h"
#include "rapport-summary.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_SUMMARY_VIEW (rapport_summary_view_get_type ())

G_DECLARE_FINAL_TYPE (RapportSummaryView, rapport_summary_view, RAPPORT, SUMMARY_VIEW, GtkWidget)

/**
 * RapportSummaryView:
 *
 * The Summary view: the weekly satisfaction summary of one ISO week, with a
 * week picker, the headline figures and their change against the week
 * before, the ratings and trend charts, the tables per situation and per
 * staff member, the calls that need attention, and Export, Print and Send.
 *
 * While it has a store it also retries the webhook's outbox in the
 * background (at once, then every minute).
 *
 * Signals:
 * - "show-customer" (const char *customer_id): a customer of the
 *   needs-attention list was activated; the window shows that customer.
 * - "toast" (const char *message): a message for the window's toast overlay
 *   ("Delivered", "Queued, will retry: …", "Saved …", errors).
 */
GtkWidget      *rapport_summary_view_new         (void);
/* (nullable): NULL shows nothing. Shows the week of the store's today. */
void            rapport_summary_view_set_store   (RapportSummaryView *self,
                                                  RapportStore       *store);
/* (nullable): what Send uses; the window owns it and retries its outbox
 * whether or not the view was ever shown. */
void            rapport_summary_view_set_webhook (RapportSummaryView *self,
                                                  RapportWebhook     *webhook);
/* Shows the ISO week that holds @day. */
void            rapport_summary_view_set_week    (RapportSummaryView *self,
                                                  const GDate        *day);
/* (nullable) (transfer none): the summary shown. */
RapportSummary *rapport_summary_view_get_summary (RapportSummaryView *self);

G_END_DECLS

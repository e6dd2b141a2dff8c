/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rapport-follow-up.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_FOLLOW_UP_ROW (rapport_follow_up_row_get_type ())

G_DECLARE_FINAL_TYPE (RapportFollowUpRow, rapport_follow_up_row, RAPPORT, FOLLOW_UP_ROW, GtkListBoxRow)

/* One open or waiting follow-up on the customer page: its situation badge,
 * when it is due (late ones with the escalation style of issue 9 and in
 * words), its note and attempts, and the buttons "Problems Corrected" and
 * "Stop Follow-up", which activate the actions "customer.corrected" and
 * "customer.stop" (with the situation key) of an ancestor. */
GtkWidget       *rapport_follow_up_row_new              (RapportFollowUp *follow_up,
                                                         const GDate     *today,
                                                         guint            business_days);
RapportFollowUp *rapport_follow_up_row_get_follow_up    (RapportFollowUpRow *self);
/* The words shown for the due date, and the escalation class (NULL, "warning", "error"). */
const char      *rapport_follow_up_row_get_status       (RapportFollowUpRow *self);
const char      *rapport_follow_up_row_get_style_class  (RapportFollowUpRow *self);

G_END_DECLS

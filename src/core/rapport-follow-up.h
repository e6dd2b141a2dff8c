/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "rapport-types.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_FOLLOW_UP (rapport_follow_up_get_type ())

G_DECLARE_FINAL_TYPE (RapportFollowUp, rapport_follow_up, RAPPORT, FOLLOW_UP, GObject)

const char          *rapport_follow_up_get_id           (RapportFollowUp *self);
const char          *rapport_follow_up_get_customer_id  (RapportFollowUp *self);
RapportSituation     rapport_follow_up_get_situation    (RapportFollowUp *self);
RapportFollowUpState rapport_follow_up_get_state        (RapportFollowUp *self);
/* The date the situation was flagged. */
const GDate         *rapport_follow_up_get_flagged_on   (RapportFollowUp *self);
/* Invalid while waiting. */
const GDate         *rapport_follow_up_get_due          (RapportFollowUp *self);
guint                rapport_follow_up_get_attempts     (RapportFollowUp *self);
RapportCloseReason   rapport_follow_up_get_close_reason (RapportFollowUp *self);
/* Invalid unless closed. */
const GDate         *rapport_follow_up_get_closed_on    (RapportFollowUp *self);
const char          *rapport_follow_up_get_note         (RapportFollowUp *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "rapport-types.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CALL (rapport_call_get_type ())

G_DECLARE_FINAL_TYPE (RapportCall, rapport_call, RAPPORT, CALL, GObject)

const char        *rapport_call_get_id               (RapportCall *self);
const char        *rapport_call_get_customer_id      (RapportCall *self);
const char        *rapport_call_get_customer_name    (RapportCall *self);
const GDate       *rapport_call_get_date             (RapportCall *self);
/* UTC ISO 8601 timestamp of when the call was logged. */
const char        *rapport_call_get_logged_at        (RapportCall *self);
const char        *rapport_call_get_staff            (RapportCall *self);
RapportCallResult  rapport_call_get_result           (RapportCall *self);
/* 1–5, or 0 when not rated. */
guint              rapport_call_get_satisfaction     (RapportCall *self);
gboolean           rapport_call_get_problem_persists (RapportCall *self);
/* Invalid unless the result is callback. */
const GDate       *rapport_call_get_callback         (RapportCall *self);
const char        *rapport_call_get_note             (RapportCall *self);
/* The situations that were due when the call was made, in priority order. */
const RapportSituation *rapport_call_get_situations  (RapportCall *self,
                                                      guint       *n_situations);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-call.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CALL_ROW (rapport_call_row_get_type ())

G_DECLARE_FINAL_TYPE (RapportCallRow, rapport_call_row, RAPPORT, CALL_ROW, AdwActionRow)

/* One call in the customer's history: the outcome and rating as the title,
 * the day, the staff member, what it was about and the note below. */
GtkWidget   *rapport_call_row_new      (RapportCall *call,
                                        const GDate *today);
RapportCall *rapport_call_row_get_call (RapportCallRow *self);

G_END_DECLS

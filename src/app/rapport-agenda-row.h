/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rapport-agenda-entry.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_AGENDA_ROW (rapport_agenda_row_get_type ())

G_DECLARE_FINAL_TYPE (RapportAgendaRow, rapport_agenda_row, RAPPORT, AGENDA_ROW, GtkListBoxRow)

/* One customer to call on the agenda. Its actions are looked up as today.*
 * (RapportTodayView). */
GtkWidget          *rapport_agenda_row_new             (RapportAgendaEntry *entry);
RapportAgendaEntry *rapport_agenda_row_get_entry       (RapportAgendaRow   *self);
const char         *rapport_agenda_row_get_customer_id (RapportAgendaRow   *self);

/* "tel:" URI for a phone number as people write it. (transfer full) */
char               *rapport_phone_to_tel_uri           (const char         *phone);

G_END_DECLS

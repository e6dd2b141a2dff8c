/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "rapport-follow-up.h"
#include "rapport-types.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_AGENDA_ENTRY (rapport_agenda_entry_get_type ())

G_DECLARE_FINAL_TYPE (RapportAgendaEntry, rapport_agenda_entry, RAPPORT, AGENDA_ENTRY, GObject)

const char             *rapport_agenda_entry_get_customer_id       (RapportAgendaEntry *self);
const char             *rapport_agenda_entry_get_name              (RapportAgendaEntry *self);
const char             *rapport_agenda_entry_get_company           (RapportAgendaEntry *self);
const char             *rapport_agenda_entry_get_phone             (RapportAgendaEntry *self);
gboolean                rapport_agenda_entry_get_phone_needs_check (RapportAgendaEntry *self);
/* The due situations in priority order. */
const RapportSituation *rapport_agenda_entry_get_situations        (RapportAgendaEntry *self,
                                                                    guint              *n_situations);
/* The earliest due date. */
const GDate            *rapport_agenda_entry_get_due               (RapportAgendaEntry *self);
/* Calendar days from the earliest due date to the agenda's day. */
guint                   rapport_agenda_entry_get_overdue_days      (RapportAgendaEntry *self);
/* Business days from the earliest due date to the agenda's day (for escalation). */
guint                   rapport_agenda_entry_get_overdue_business_days (RapportAgendaEntry *self);
/* The highest attempt count among the due follow-ups. */
guint                   rapport_agenda_entry_get_attempts          (RapportAgendaEntry *self);
/* The note of the highest-priority due follow-up. */
const char             *rapport_agenda_entry_get_note              (RapportAgendaEntry *self);
/* The due follow-ups themselves (element-type RapportFollowUp), in priority order. */
GPtrArray              *rapport_agenda_entry_get_follow_ups        (RapportAgendaEntry *self);

G_END_DECLS

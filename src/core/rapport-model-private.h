/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Constructors the store uses to hand out rows as objects. */

#include "rapport-agenda-entry.h"
#include "rapport-call.h"
#include "rapport-customer.h"
#include "rapport-follow-up.h"

G_BEGIN_DECLS

gint64           _rapport_customer_get_rowid   (RapportCustomer *self);
RapportCustomer *_rapport_customer_new_stored  (gint64           rowid,
                                                const char      *id,
                                                const char      *name,
                                                const char      *company,
                                                const char      *phone,
                                                const char      *email,
                                                const char      *notes,
                                                const GDate     *since,
                                                guint            cadence_days,
                                                gboolean         phone_needs_check,
                                                const char      *created_at,
                                                const char      *updated_at);
void             _rapport_customer_set_stored  (RapportCustomer *self,
                                                gint64           rowid,
                                                const char      *id,
                                                const char      *created_at,
                                                const char      *updated_at);

RapportFollowUp *_rapport_follow_up_new        (const char          *id,
                                                const char          *customer_id,
                                                RapportSituation     situation,
                                                RapportFollowUpState state,
                                                const GDate         *flagged_on,
                                                const GDate         *due,
                                                guint                attempts,
                                                RapportCloseReason   close_reason,
                                                const GDate         *closed_on,
                                                const char          *note);

RapportCall     *_rapport_call_new             (const char          *id,
                                                const char          *customer_id,
                                                const char          *customer_name,
                                                const GDate         *date,
                                                const char          *logged_at,
                                                const char          *staff,
                                                RapportCallResult    result,
                                                guint                satisfaction,
                                                gboolean             problem_persists,
                                                const GDate         *callback,
                                                const char          *note,
                                                const char          *situations);

RapportAgendaEntry *_rapport_agenda_entry_new  (RapportCustomer     *customer,
                                                const GDate         *day,
                                                guint                business_days);
/* Adds a due follow-up; entries keep them in priority order. */
void             _rapport_agenda_entry_add     (RapportAgendaEntry  *self,
                                                RapportFollowUp     *follow_up);
/* Orders entries: situation priority, earliest due, then name (locale collation). */
gint             _rapport_agenda_entry_compare (gconstpointer        a,
                                                gconstpointer        b);

/* "irate,new" ↔ situations in priority order. */
guint            _rapport_situations_parse     (const char          *text,
                                                RapportSituation    *out);

G_END_DECLS

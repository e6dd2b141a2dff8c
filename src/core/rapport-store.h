/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-agenda-entry.h"
#include "rapport-call.h"
#include "rapport-customer.h"
#include "rapport-database.h"
#include "rapport-follow-up.h"
#include "rapport-rules.h"
#include "rapport-types.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_STORE (rapport_store_get_type ())

G_DECLARE_FINAL_TYPE (RapportStore, rapport_store, RAPPORT, STORE, GObject)

/**
 * RapportCallInput:
 * @result: what happened
 * @satisfaction: 1–5, required when @result is reached, 0 otherwise
 * @problem_persists: only with reached
 * @callback: the agreed date, required when @result is callback (else NULL)
 * @note: (nullable): what the customer said
 * @date: (nullable): the day of the call; NULL means the store's today
 * @staff: (nullable): who called; NULL means the store's staff name
 */
typedef struct {
  RapportCallResult  result;
  guint              satisfaction;
  gboolean           problem_persists;
  const GDate       *callback;
  const char        *note;
  const GDate       *date;
  const char        *staff;
} RapportCallInput;

/* Opens (creating and migrating if needed) the database at @path; NULL means
 * the default $XDG_DATA_HOME/rapport/rapport.db. */
RapportStore    *rapport_store_open               (const char       *path,
                                                   GError          **error);
char            *rapport_store_default_path       (void);
const char      *rapport_store_get_path           (RapportStore     *self);
RapportDatabase *rapport_store_get_database       (RapportStore     *self);
gboolean         rapport_store_is_read_only       (RapportStore     *self);

/* "Today" for every rule and default; the system date unless overridden. */
/* Changes whenever another connection (rapport-cli, a second Rapport) has
 * written the database since; this store's own writes emit "changed". */
gint64           rapport_store_get_outside_version (RapportStore    *self);
void             rapport_store_get_today          (RapportStore     *self,
                                                   GDate            *out);
void             rapport_store_set_today          (RapportStore     *self,
                                                   const GDate      *today);
/* The staff name recorded with calls; the account's real name unless set. */
const char      *rapport_store_get_staff          (RapportStore     *self);
void             rapport_store_set_staff          (RapportStore     *self,
                                                   const char       *staff);

/* Business-rule settings, kept in the database. */
void             rapport_store_get_rules          (RapportStore     *self,
                                                   RapportRules     *out);
gboolean         rapport_store_set_rules          (RapportStore     *self,
                                                   const RapportRules *rules,
                                                   GError          **error);
/* Other settings kept in the database (free-form text values). */
char            *rapport_store_get_setting        (RapportStore     *self,
                                                   const char       *key);
gboolean         rapport_store_set_setting        (RapportStore     *self,
                                                   const char       *key,
                                                   const char       *value,
                                                   GError          **error);

/* Customers. IDs are UUIDs; lookups also accept a unique prefix of 4+ characters. */
gboolean         rapport_store_add_customer       (RapportStore     *self,
                                                   RapportCustomer  *customer,
                                                   gboolean          open_new_follow_up,
                                                   GError          **error);
gboolean         rapport_store_update_customer    (RapportStore     *self,
                                                   RapportCustomer  *customer,
                                                   GError          **error);
/* Reads the customer @id, lets @edit change it, and writes it, all in one
 * write transaction: an edit made meanwhile by another program is never
 * overwritten with what was read before it (two `rapport-cli customer edit`
 * at once each keep their field). */
typedef gboolean (*RapportCustomerEditFunc) (RapportCustomer  *customer,
                                             gpointer          user_data,
                                             GError          **error);
gboolean         rapport_store_edit_customer      (RapportStore            *self,
                                                   const char              *id,
                                                   RapportCustomerEditFunc  edit,
                                                   gpointer                 user_data,
                                                   GError                 **error);
gboolean         rapport_store_delete_customer    (RapportStore     *self,
                                                   const char       *id,
                                                   GError          **error);
RapportCustomer *rapport_store_get_customer       (RapportStore     *self,
                                                   const char       *id,
                                                   GError          **error);
/* Full ids in name order; @search may be NULL or empty for all customers.
 * Search is substring and case-insensitive over name, company, phone (also its
 * digits alone), email and notes. (element-type utf8) (transfer full) */
GPtrArray       *rapport_store_search_customer_ids (RapportStore    *self,
                                                   const char       *search,
                                                   GError          **error);
/* (element-type RapportCustomer) (transfer full); missing ids are skipped. */
GPtrArray       *rapport_store_get_customers      (RapportStore     *self,
                                                   const char * const *ids,
                                                   guint             n_ids,
                                                   GError          **error);
guint            rapport_store_count_customers    (RapportStore     *self);

/* Follow-ups. */
gboolean         rapport_store_flag               (RapportStore     *self,
                                                   const char       *customer_id,
                                                   RapportSituation  situation,
                                                   const char       *note,
                                                   const GDate      *date,
                                                   GError          **error);
gboolean         rapport_store_unflag             (RapportStore     *self,
                                                   const char       *customer_id,
                                                   RapportSituation  situation,
                                                   GError          **error);
gboolean         rapport_store_mark_corrected     (RapportStore     *self,
                                                   const char       *customer_id,
                                                   const GDate      *date,
                                                   const char       *note,
                                                   GError          **error);
/* Moves the customer's next call to @to: every open follow-up due by today,
 * or, when none is, those due on the earliest planned day. Attempts stay.
 * @to must not be before today. */
gboolean         rapport_store_move               (RapportStore     *self,
                                                   const char       *customer_id,
                                                   const GDate      *to,
                                                   GError          **error);
/* (element-type RapportFollowUp) (transfer full) */
GPtrArray       *rapport_store_list_follow_ups    (RapportStore     *self,
                                                   const char       *customer_id,
                                                   gboolean          include_closed,
                                                   GError          **error);

/* Calls. Returns the new call's id. */
char            *rapport_store_log_call           (RapportStore     *self,
                                                   const char       *customer_id,
                                                   const RapportCallInput *input,
                                                   GError          **error);
/* Removes the call and puts every follow-up and the phone flag back as they were. */
gboolean         rapport_store_undo_call          (RapportStore     *self,
                                                   const char       *call_id,
                                                   GError          **error);
/* (element-type RapportCall) (transfer full), newest first. */
GPtrArray       *rapport_store_list_calls         (RapportStore     *self,
                                                   const char       *customer_id,
                                                   GError          **error);
/* Calls logged on @day, oldest first. (element-type RapportCall) (transfer full) */
GPtrArray       *rapport_store_list_calls_on      (RapportStore     *self,
                                                   const GDate      *day,
                                                   GError          **error);

/* The agenda of @day (element-type RapportAgendaEntry) (transfer full). */
GPtrArray       *rapport_store_get_agenda         (RapportStore     *self,
                                                   const GDate      *day,
                                                   GError          **error);
/* The first day after @after with a call due, if any. */
gboolean         rapport_store_next_agenda_day    (RapportStore     *self,
                                                   const GDate      *after,
                                                   GDate            *out,
                                                   GError          **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Core-internal API of RapportStore, for other core components (import,
 * reports, backups) that must work inside one of the store's transactions. */

#include "rapport-search-index.h"
#include "rapport-store.h"

G_BEGIN_DECLS

/* Must be called inside rapport_database_transaction(). Validates and inserts
 * @customer (giving it an id and timestamps); opens a `new` follow-up if asked. */
gboolean  _rapport_store_insert_customer   (RapportStore    *self,
                                            RapportCustomer *customer,
                                            gboolean         open_new_follow_up,
                                            GError         **error);
/* Inside a transaction: rewrites the stored fields of an existing customer. */
gboolean  _rapport_store_write_customer    (RapportStore    *self,
                                            RapportCustomer *customer,
                                            GError         **error);
/* The id of a live customer with the same email (case-insensitive) or the same
 * phone digits, or NULL. Empty email/phone never match. */
char     *_rapport_store_find_duplicate    (RapportStore    *self,
                                            const char      *email,
                                            const char      *phone,
                                            GError         **error);
/* Reads one customer row (internal rowid) or NULL. */
RapportCustomer *_rapport_store_load_customer (RapportStore *self,
                                            gint64           rowid,
                                            GError         **error);
gint64    _rapport_store_resolve_customer  (RapportStore    *self,
                                            const char      *id,
                                            GError         **error);
/* The store's in-memory search index of customers (made on first use). */
RapportSearchIndex *_rapport_store_get_search_index (RapportStore *self);
/* Appends the rowids of all live customers in name order to @out (gint64). */
gboolean  _rapport_store_list_customer_rowids (RapportStore *self,
                                            GArray          *out,
                                            GError         **error);
/* (element-type RapportCustomer) (transfer full); missing rows are skipped. */
GPtrArray *_rapport_store_get_customers_by_rowid (RapportStore *self,
                                            const gint64    *rowids,
                                            guint            n_rowids,
                                            GError         **error);
/* Emits RapportStore::changed; call after a committed transaction. */
void      _rapport_store_emit_changed      (RapportStore    *self);

G_END_DECLS

G_BEGIN_DECLS

/* Shared between the store's files (customers, follow-ups, calls). */
RapportDatabase *_rapport_store_db          (RapportStore *self);
const RapportRules *_rapport_store_rules    (RapportStore *self);
/* Fills @out with @date, or with the store's today when @date is NULL. */
void      _rapport_store_day                (RapportStore *self,
                                             const GDate  *date,
                                             GDate        *out);
/* Opens the `new` follow-up of a customer; inside a transaction. */
gboolean  _rapport_store_open_new_follow_up (RapportStore *self,
                                             gint64        customer_rowid,
                                             const GDate  *since,
                                             GError      **error);
/* The due date of a regular check-in: the later of the last reached call and
 * the first service date, plus the cadence, forward to a business day, and
 * not before @not_before. Inside a transaction. */
gboolean  _rapport_store_regular_due        (RapportStore *self,
                                             gint64        customer_rowid,
                                             const GDate  *not_before,
                                             GDate        *out,
                                             GError      **error);
/* Inserts an open (with @due) or waiting (@due NULL) follow-up, remembering
 * the call that opened it (0 for none) so that Undo can remove it. */
gboolean  _rapport_store_insert_follow_up   (RapportStore     *self,
                                             gint64            customer_rowid,
                                             RapportSituation  situation,
                                             const GDate      *flagged_on,
                                             const GDate      *due,
                                             const char       *note,
                                             gint64            opened_by_call,
                                             GError          **error);
/* Builds follow-up objects from a row of the shared column list. */
#define RAPPORT_FOLLOW_UP_COLUMNS \
  "f.uuid, c.uuid, f.situation, f.state, f.flagged_on, f.due, f.attempts, f.close_reason, f.closed_on, f.note"
#define RAPPORT_CUSTOMER_COLUMNS \
  "id, uuid, name, company, phone, email, notes, since, cadence_days, phone_needs_check, created_at, updated_at"
#define RAPPORT_CUSTOMER_COLUMNS_C \
  "id, c.uuid, c.name, c.company, c.phone, c.email, c.notes, c.since, c.cadence_days," \
  " c.phone_needs_check, c.created_at, c.updated_at"
#define RAPPORT_CUSTOMER_N_COLUMNS 12
/* Reads the columns of RAPPORT_CUSTOMER_COLUMNS (as c.id, c.uuid, …) from @first_column. */
RapportCustomer *_rapport_customer_from_row (sqlite3_stmt *stmt,
                                             int           first_column);

G_END_DECLS

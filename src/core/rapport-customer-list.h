/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CUSTOMER_LIST (rapport_customer_list_get_type ())

G_DECLARE_FINAL_TYPE (RapportCustomerList, rapport_customer_list, RAPPORT, CUSTOMER_LIST, GObject)

/* A GListModel of RapportCustomer over the store, in name order, filtered by
 * a search. It holds only the ids; rows are read in pages as they are shown,
 * so 100 000 customers cost no more than the visible ones. A search gives its
 * first matches at once and appends the others from idle callbacks of the
 * thread-default main context (items-changed at the end of the list). */
RapportCustomerList *rapport_customer_list_new        (RapportStore        *store);
void                 rapport_customer_list_set_search (RapportCustomerList *self,
                                                       const char          *search);
const char          *rapport_customer_list_get_search (RapportCustomerList *self);
/* Re-reads the ids (after the store changed). */
void                 rapport_customer_list_reload     (RapportCustomerList *self);
/* FALSE while a search is still appending matches. */
gboolean             rapport_customer_list_is_complete (RapportCustomerList *self);
/* Finds the remaining matches of the search now. */
void                 rapport_customer_list_complete   (RapportCustomerList *self);
/* The position of a customer id (completing the search first), or G_MAXUINT. */
guint                rapport_customer_list_find       (RapportCustomerList *self,
                                                       const char          *id);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CUSTOMER_PAGE (rapport_customer_page_get_type ())

G_DECLARE_FINAL_TYPE (RapportCustomerPage, rapport_customer_page, RAPPORT, CUSTOMER_PAGE, AdwBin)

/**
 * RapportCustomerPage:
 *
 * One customer: its fields, saved as they are typed (about 600 ms after the
 * last change, when a field loses the focus or on Enter; invalid values are
 * marked on their field with the `error` style class and are not saved), its
 * open follow-ups, the buttons to flag a situation, mark problems corrected
 * or stop a follow-up, its call history, and "Delete Customer…".
 *
 * Properties: "store" (RapportStore, construct-only), "customer-id" (the shown
 * customer's id or NULL; becomes NULL when the customer is deleted).
 *
 * Signals:
 * - "toast" (const char *message): a sentence for the window to show as a
 *   toast (what was done, or why it could not be done).
 *
 * Widget actions: customer.flag (s: situation key), customer.flag-confirm,
 * customer.flag-back, customer.stop (s), customer.corrected, customer.delete,
 * customer.call.
 */
GtkWidget       *rapport_customer_page_new             (RapportStore        *store);
const char      *rapport_customer_page_get_customer_id (RapportCustomerPage *self);
void             rapport_customer_page_set_customer_id (RapportCustomerPage *self,
                                                        const char          *id);
/* (nullable) (transfer none): the customer as last read from the store. */
RapportCustomer *rapport_customer_page_get_customer    (RapportCustomerPage *self);
/* Saves a pending change now instead of after the pause. Returns FALSE when a
 * field holds a value that cannot be saved. */
gboolean         rapport_customer_page_save            (RapportCustomerPage *self);
/* Moves the keyboard focus into the page (to its first button). */
void             rapport_customer_page_focus           (RapportCustomerPage *self);

G_END_DECLS

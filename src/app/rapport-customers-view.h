/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CUSTOMERS_VIEW (rapport_customers_view_get_type ())

G_DECLARE_FINAL_TYPE (RapportCustomersView, rapport_customers_view, RAPPORT, CUSTOMERS_VIEW, AdwBin)

/**
 * RapportCustomersView:
 *
 * The Customers view: a searchable list of customers beside the page of the
 * selected one, or a first-run page when there are no customers at all.
 *
 * Properties: "store" (RapportStore, construct-only).
 *
 * Signals:
 * - "toast" (const char *message): a readable message for the window to show
 *   as a toast (a core error, "Customer deleted", …). The window connects it.
 *
 * Widget actions: customers.new (the new-customer dialog), customers.load-demo
 * (adds the sample customers, asking first when there are customers already),
 * customers.search (focuses the search), customers.back (Alt+Left: from the
 * customer page back to the list on a narrow window). The first-run page's
 * "Import…" button activates win.import and is insensitive without it.
 */
GtkWidget *rapport_customers_view_new             (RapportStore         *store);
RapportStore *rapport_customers_view_get_store    (RapportCustomersView *self);
/* Selects the customer with @id and shows its page. */
void       rapport_customers_view_show_customer   (RapportCustomersView *self,
                                                   const char           *id);
/* Moves the keyboard focus into the search entry (Ctrl+F). */
void       rapport_customers_view_focus_search    (RapportCustomersView *self);
/* Starts adding a customer (Ctrl+N). */
void       rapport_customers_view_new_customer    (RapportCustomersView *self);

G_END_DECLS

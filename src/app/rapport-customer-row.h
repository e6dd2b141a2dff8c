/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rapport-customer.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CUSTOMER_ROW (rapport_customer_row_get_type ())

G_DECLARE_FINAL_TYPE (RapportCustomerRow, rapport_customer_row, RAPPORT, CUSTOMER_ROW, GtkWidget)

/* One line of the customer list: the name, the company and phone, and a
 * warning when the phone number needs a check. Recycled by the list view. */
GtkWidget       *rapport_customer_row_new          (void);
void             rapport_customer_row_set_customer (RapportCustomerRow *self,
                                                    RapportCustomer    *customer);
RapportCustomer *rapport_customer_row_get_customer (RapportCustomerRow *self);

G_END_DECLS

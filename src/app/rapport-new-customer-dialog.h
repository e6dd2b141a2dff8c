/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_NEW_CUSTOMER_DIALOG (rapport_new_customer_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RapportNewCustomerDialog, rapport_new_customer_dialog, RAPPORT, NEW_CUSTOMER_DIALOG, AdwWindow)

/**
 * RapportNewCustomerDialog:
 *
 * Adds a customer: a name (required), company, phone and email (checked as
 * they are typed), the first service date, and whether to plan the `new`
 * follow-up call (on by default).
 *
 * Signals:
 * - "added" (const char *id): the customer was added; the dialog then closes.
 */
GtkWidget *rapport_new_customer_dialog_new (GtkWindow    *parent,
                                            RapportStore *store);

G_END_DECLS

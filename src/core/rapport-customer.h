/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RAPPORT_TYPE_CUSTOMER (rapport_customer_get_type ())

G_DECLARE_FINAL_TYPE (RapportCustomer, rapport_customer, RAPPORT, CUSTOMER, GObject)

RapportCustomer *rapport_customer_new                   (void);
RapportCustomer *rapport_customer_copy                  (RapportCustomer *self);

const char      *rapport_customer_get_id                (RapportCustomer *self);
const char      *rapport_customer_get_name              (RapportCustomer *self);
void             rapport_customer_set_name              (RapportCustomer *self,
                                                         const char      *name);
const char      *rapport_customer_get_company           (RapportCustomer *self);
void             rapport_customer_set_company           (RapportCustomer *self,
                                                         const char      *company);
const char      *rapport_customer_get_phone             (RapportCustomer *self);
void             rapport_customer_set_phone             (RapportCustomer *self,
                                                         const char      *phone);
const char      *rapport_customer_get_email             (RapportCustomer *self);
void             rapport_customer_set_email             (RapportCustomer *self,
                                                         const char      *email);
const char      *rapport_customer_get_notes             (RapportCustomer *self);
void             rapport_customer_set_notes             (RapportCustomer *self,
                                                         const char      *notes);
/* The first service date; an invalid GDate when not set (the store then uses today). */
const GDate     *rapport_customer_get_since             (RapportCustomer *self);
void             rapport_customer_set_since             (RapportCustomer *self,
                                                         const GDate     *since);
/* Days between regular check-ins; 0 means the store's default cadence. */
guint            rapport_customer_get_cadence_days      (RapportCustomer *self);
void             rapport_customer_set_cadence_days      (RapportCustomer *self,
                                                         guint            days);
gboolean         rapport_customer_get_phone_needs_check (RapportCustomer *self);
void             rapport_customer_set_phone_needs_check (RapportCustomer *self,
                                                         gboolean         needs_check);
const char      *rapport_customer_get_created_at        (RapportCustomer *self);
const char      *rapport_customer_get_updated_at        (RapportCustomer *self);

/* Checks the fields a person typed: a name, a plausible email and phone, a cadence. */
gboolean         rapport_customer_validate              (RapportCustomer *self,
                                                         GError         **error);
gboolean         rapport_email_is_valid                 (const char      *email);
gboolean         rapport_phone_is_valid                 (const char      *phone);
/* The digits of a phone number, for search and duplicate detection. */
char            *rapport_phone_digits                   (const char      *phone);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "rapport-customer.h"

G_BEGIN_DECLS

/**
 * RapportImportAction:
 * @RAPPORT_IMPORT_ACTION_NEW: the row becomes a new customer
 * @RAPPORT_IMPORT_ACTION_UPDATE: the row updates a customer with the same email or phone
 * @RAPPORT_IMPORT_ACTION_SKIP: the row is a duplicate and is left out (by choice, or
 *   because it would change nothing)
 * @RAPPORT_IMPORT_ACTION_INVALID: the row cannot be imported (see the reason)
 */
typedef enum {
  RAPPORT_IMPORT_ACTION_NEW,
  RAPPORT_IMPORT_ACTION_UPDATE,
  RAPPORT_IMPORT_ACTION_SKIP,
  RAPPORT_IMPORT_ACTION_INVALID,
} RapportImportAction;

/* "new", "update", "skip", "invalid". */
const char          *rapport_import_action_to_key          (RapportImportAction action);
/* Translated, for people. */
const char          *rapport_import_action_to_label        (RapportImportAction action);

#define RAPPORT_TYPE_IMPORT_ROW (rapport_import_row_get_type ())

G_DECLARE_FINAL_TYPE (RapportImportRow, rapport_import_row, RAPPORT, IMPORT_ROW, GObject)

/* One row of a file and what the import does with it. Properties "line",
 * "action", "customer" and "reason" (read-only) for list views. */
RapportImportRow    *rapport_import_row_new                (guint               line,
                                                            RapportImportAction action,
                                                            RapportCustomer    *customer,
                                                            const char         *reason);
/* The line where the row (CSV) or card (vCard) starts. */
guint                rapport_import_row_get_line           (RapportImportRow   *self);
RapportImportAction  rapport_import_row_get_action         (RapportImportRow   *self);
/* The customer as it will be saved (for an update: with the changes); for an
 * invalid row, what could be read (nullable). */
RapportCustomer     *rapport_import_row_get_customer       (RapportImportRow   *self);
/* Why the row is invalid or skipped, as a sentence; NULL otherwise. */
const char          *rapport_import_row_get_reason         (RapportImportRow   *self);

G_END_DECLS

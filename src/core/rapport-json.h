/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "rapport-store.h"

G_BEGIN_DECLS

/* The JSON shapes of rapport-cli's --json output (a documented contract). */
JsonNode *rapport_json_agenda        (const GDate      *day,
                                      GPtrArray        *entries);
/* @default_cadence stands in for a customer on the default cadence (0), so
 * that cadence_days always says how often the customer is called. */
JsonNode *rapport_json_customer      (RapportCustomer  *customer,
                                      guint             default_cadence,
                                      GPtrArray        *follow_ups,
                                      GPtrArray        *calls);
JsonNode *rapport_json_customer_list (GPtrArray        *customers);
JsonNode *rapport_json_calls         (GPtrArray        *calls);
/* Pretty-printed text with a final newline. */
char     *rapport_json_to_string     (JsonNode         *node);

G_END_DECLS

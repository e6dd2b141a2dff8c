/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rapport-store.h"

G_BEGIN_DECLS

/* The built-in sample customers, compiled into the core as a GResource. */
#define RAPPORT_DEMO_RESOURCE_PATH "/io/github/rapportapp/Rapport/demo/customers.json"

/* Adds the built-in sample customers (about 40, in every state) to @store,
 * with every date relative to the store's today, in one transaction: on
 * failure nothing is added. Customers already in the store are kept. */
gboolean rapport_demo_load      (RapportStore  *store,
                                 GError       **error);
/* The same from a demo file in the format of data/demo/customers.json. */
gboolean rapport_demo_load_file (RapportStore  *store,
                                 const char    *path,
                                 GError       **error);
gboolean rapport_demo_load_data (RapportStore  *store,
                                 const char    *data,
                                 gssize         length,
                                 GError       **error);

G_END_DECLS

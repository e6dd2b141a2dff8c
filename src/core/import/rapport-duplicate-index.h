/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Import-internal: the live customers' emails and phone digits in memory, so
 * that a large import can find duplicates while the table's own indexes of
 * them are dropped. It answers as the store's lookups do: the customer with
 * the email (ASCII case ignored, as SQLite's NOCASE), else the one with the
 * phone digits, the lowest rowid when several have it. */

#include "rapport-database.h"

G_BEGIN_DECLS

typedef struct _RapportDuplicateIndex RapportDuplicateIndex;

RapportDuplicateIndex *_rapport_duplicate_index_new    (void);
void                   _rapport_duplicate_index_free   (RapportDuplicateIndex  *self);
/* Reads every live customer of @db. */
gboolean               _rapport_duplicate_index_load   (RapportDuplicateIndex  *self,
                                                        RapportDatabase        *db,
                                                        GError                **error);
/* The rowid of the customer with @email, else with @digits; 0 when none.
 * Empty or NULL values find nothing. */
gint64                 _rapport_duplicate_index_find   (RapportDuplicateIndex  *self,
                                                        const char             *email,
                                                        const char             *digits);
/* Notes the email and phone digits row @rowid now has; a new row must have a
 * rowid above all the others. */
void                   _rapport_duplicate_index_set    (RapportDuplicateIndex  *self,
                                                        gint64                  rowid,
                                                        const char             *email,
                                                        const char             *digits);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportDuplicateIndex, _rapport_duplicate_index_free)

G_END_DECLS

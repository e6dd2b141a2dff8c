/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Core-internal: the live customers in name order with their searchable text
 * case-folded in one block of memory, so that a search as you type is a scan
 * of memory (a few ms for 100 000 customers) instead of a scan of the table.
 * Rebuilt from the database when its customers serial moves. */

#include <gio/gio.h>

#include "rapport-database.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_SEARCH_INDEX (rapport_search_index_get_type ())

G_DECLARE_FINAL_TYPE (RapportSearchIndex, rapport_search_index, RAPPORT, SEARCH_INDEX, GObject)

RapportSearchIndex *_rapport_search_index_new        (RapportDatabase    *db);
/* Reads the customers again if they changed since the last time. */
gboolean            _rapport_search_index_update     (RapportSearchIndex *self,
                                                      GError            **error);
/* Reads the customers again, if they changed, on a connection of its own in
 * a thread: the rows are installed when the task completes (on the caller's
 * main context) unless customers changed meanwhile. */
void                _rapport_search_index_refresh_async  (RapportSearchIndex  *self,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
gboolean            _rapport_search_index_refresh_finish (GAsyncResult        *result,
                                                          GError             **error);
/* Changes every time the rows are read again: positions of an older
 * generation mean nothing. */
guint               _rapport_search_index_get_generation (RapportSearchIndex *self);
guint               _rapport_search_index_get_n_rows (RapportSearchIndex *self);
/* TRUE when the rows read last are still those of the database. */
gboolean            _rapport_search_index_is_fresh   (RapportSearchIndex *self);
/* The rowids of all the rows, in name order (gint64). (transfer none) */
GArray             *_rapport_search_index_get_rowids (RapportSearchIndex *self);
/* Splits @search into words and case-folds them. (transfer full) */
GStrv               _rapport_search_index_fold_words (const char         *search);
/* Looks at rows from *@position on for those containing every word (as
 * _rapport_search_index_fold_words made them) and appends their rowids to
 * @out (gint64), until @max_matches are found (0: no limit) or @max_rows
 * were looked at (0: no limit). Leaves *@position after the last row looked
 * at and returns TRUE when that was the last row. */
gboolean            _rapport_search_index_scan       (RapportSearchIndex *self,
                                                      const char * const *words,
                                                      guint              *position,
                                                      guint               max_matches,
                                                      guint               max_rows,
                                                      GArray             *out);

G_END_DECLS

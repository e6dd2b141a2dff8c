/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-store.h"

G_BEGIN_DECLS

typedef enum {
  RAPPORT_EXPORT_CUSTOMERS,
  RAPPORT_EXPORT_CALLS,
  RAPPORT_EXPORT_FOLLOW_UPS,
} RapportExportTable;

/* "customers", "calls", "follow-ups". */
const char    *rapport_export_table_to_key   (RapportExportTable  table);
gboolean       rapport_export_table_from_key (const char         *key,
                                              RapportExportTable *table);

/* Writes every live customer (name order), call (oldest first) or follow-up
 * as CSV (see RapportCsvWriter: UTF-8 with BOM, CRLF, formula-safe). The
 * customer columns are named as the importer reads them, so that importing
 * an export gives the same customers. Uses the store's connection on the
 * calling thread; reads one row at a time. */
gboolean       rapport_export_csv            (RapportStore       *store,
                                              RapportExportTable  table,
                                              GOutputStream      *stream,
                                              GCancellable       *cancellable,
                                              GError            **error);

/* Writes the planned calls from @from to @to (inclusive) as an iCalendar
 * file: one VTODO per customer and call, on the day the agenda first lists
 * it (overdue calls on @from) with the earliest due date as DUE, the due
 * situations and notes as DESCRIPTION, the phone as a tel: URL and a UID made
 * from the first due follow-up's id, so that exporting again updates the
 * calendar's tasks instead of doubling them. */
gboolean       rapport_export_agenda_ics     (RapportStore       *store,
                                              const GDate        *from,
                                              const GDate        *to,
                                              GOutputStream      *stream,
                                              GCancellable       *cancellable,
                                              GError            **error);

/* A stream that writes @file, readable by its owner only (0600). Write, then
 * end with rapport_export_finish_file(). */
GOutputStream *rapport_export_create_file    (GFile              *file,
                                              GCancellable       *cancellable,
                                              GError            **error);
/* After a successful export (@success) puts the file in place; after a failed
 * one leaves the file that was there before untouched, or none. */
gboolean       rapport_export_finish_file    (GOutputStream      *stream,
                                              gboolean            success,
                                              GError            **error);

G_END_DECLS

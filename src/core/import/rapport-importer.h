/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-csv-mapping.h"
#include "rapport-import-result.h"
#include "rapport-store.h"

G_BEGIN_DECLS

typedef enum {
  RAPPORT_IMPORT_FORMAT_UNKNOWN,
  RAPPORT_IMPORT_FORMAT_CSV,
  RAPPORT_IMPORT_FORMAT_VCARD,
} RapportImportFormat;

/**
 * RapportOnDuplicate:
 * @RAPPORT_ON_DUPLICATE_UPDATE: a row with the email or phone digits of a
 *   customer (saved, or earlier in the file) updates that customer with the
 *   row's non-empty fields
 * @RAPPORT_ON_DUPLICATE_SKIP: such a row is left out
 *
 * Either way a customer is never doubled.
 */
typedef enum {
  RAPPORT_ON_DUPLICATE_UPDATE,
  RAPPORT_ON_DUPLICATE_SKIP,
} RapportOnDuplicate;

/* Called on the thread that started the import (its thread-default main
 * context), with the share of the file read so far, 0.0 … 1.0. */
typedef void (*RapportImportProgressFunc) (double   fraction,
                                           gpointer user_data);

#define RAPPORT_IMPORT_DEFAULT_PREVIEW_ROWS 20

#define RAPPORT_TYPE_IMPORTER (rapport_importer_get_type ())

G_DECLARE_FINAL_TYPE (RapportImporter, rapport_importer, RAPPORT, IMPORTER, GObject)

/* Imports customers from a CSV or vCard file (told apart by content, then by
 * extension).
 *
 * Threads: the async functions work in a thread on a connection of their own
 * to the store's file (a SQLite connection is used by one thread only), so
 * the caller may go on reading the store meanwhile; its writes wait until the
 * import's transaction ends, and RapportStore::changed tells when the import
 * is committed. (A store without a file, ":memory:", is used directly: then
 * the caller must leave it alone until the callback.) The blocking functions
 * use the store's own connection. One preview or run at a time per importer.
 *
 * A preview is a dry run: the very same import inside a transaction that is
 * rolled back, so its counts are exactly those of the run, and nothing is
 * changed. A run imports everything in one transaction: cancelled (the error
 * is G_IO_ERROR_CANCELLED) or failed, the database is exactly as before. */
RapportImporter     *rapport_importer_new                     (RapportStore        *store,
                                                               GFile               *file);
GFile               *rapport_importer_get_file                (RapportImporter     *self);
/* UNKNOWN until a preview or run has opened the file. */
RapportImportFormat  rapport_importer_get_format              (RapportImporter     *self);

RapportOnDuplicate   rapport_importer_get_on_duplicate        (RapportImporter     *self);
void                 rapport_importer_set_on_duplicate        (RapportImporter     *self,
                                                               RapportOnDuplicate   policy);
/* Whether new customers get a `new` follow-up (off: an import is usually
 * existing customers). */
gboolean             rapport_importer_get_open_new_follow_ups (RapportImporter     *self);
void                 rapport_importer_set_open_new_follow_ups (RapportImporter     *self,
                                                               gboolean             open);
void                 rapport_importer_set_preview_rows        (RapportImporter     *self,
                                                               guint                n_rows);

/* The column mapping of a CSV file, guessed from its heading row: NULL until
 * a preview has read the heading row (even one that failed because no column
 * holds a name), and for vCards. Edit it, then preview again or run.
 * (transfer none) ("notify::mapping" when it appears) */
RapportCsvMapping   *rapport_importer_get_mapping             (RapportImporter     *self);
/* Shorthand for rapport_csv_mapping_set_field() on the mapping. */
void                 rapport_importer_set_mapping             (RapportImporter     *self,
                                                               guint                column,
                                                               RapportImportField   field);

void                 rapport_importer_preview_async           (RapportImporter     *self,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
/* (transfer full) The counts, the first rows and every invalid row; NULL with
 * RAPPORT_ERROR_PARSE when the file cannot be read as customers at all. */
RapportImportResult *rapport_importer_preview_finish          (RapportImporter     *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);
void                 rapport_importer_run_async               (RapportImporter     *self,
                                                               GCancellable        *cancellable,
                                                               RapportImportProgressFunc progress,
                                                               gpointer             progress_data,
                                                               GDestroyNotify       progress_data_free,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
/* (transfer full) Emits RapportStore::changed (on the caller's thread) once
 * the import is committed, before the callback runs. */
RapportImportResult *rapport_importer_run_finish              (RapportImporter     *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);

/* The same, blocking the calling thread (the CLI, tests). */
RapportImportResult *rapport_importer_preview                 (RapportImporter     *self,
                                                               GCancellable        *cancellable,
                                                               GError             **error);
RapportImportResult *rapport_importer_run                     (RapportImporter     *self,
                                                               GCancellable        *cancellable,
                                                               RapportImportProgressFunc progress,
                                                               gpointer             progress_data,
                                                               GError             **error);

G_END_DECLS

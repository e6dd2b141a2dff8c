/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Import-internal: one run of RapportImporter, shared with nothing while it
 * runs, so that it can run in a thread. */

#include "rapport-duplicate-index.h"
#include "rapport-importer.h"

G_BEGIN_DECLS

typedef struct _RapportImportProgress RapportImportProgress;

/* Everything a preview or run needs, so that the worker thread shares
 * nothing with the importer while it runs. */
typedef struct {
  RapportStore          *store;          /* the one the import writes with */
  char                  *private_path;   /* open a connection of its own on this file */
  GDate                  today;
  GFile                 *file;
  gboolean               dry_run;
  RapportOnDuplicate     on_duplicate;
  gboolean               open_new;
  guint                  preview_rows;
  RapportCsvMapping     *mapping;        /* a copy of the importer's, or NULL */
  GCancellable          *cancellable;
  RapportImportProgress *progress;       /* nullable */
  gboolean               in_thread;
  /* While the import runs: what it took from the schema (see the job). */
  GPtrArray             *suspended_sql;  /* CREATE statements to run again */
  gboolean               fts_suspended;
  gint64                 fts_last_id;    /* rows above it are indexed at the end */
  RapportDuplicateIndex *duplicates;     /* in a large import, else NULL */

  /* Results, read back on the caller's thread. */
  RapportImportFormat    format;
  RapportCsvMapping     *new_mapping;    /* from the heading row, for the importer */
  RapportImportResult   *result;
  gboolean               rolled_back;
  gboolean               committed;

  guint64                file_size;
  guint                  rows;
} RapportImportJob;

RapportImportJob *_rapport_import_job_new          (RapportStore              *store,
                                                    GFile                     *file,
                                                    gboolean                   dry_run);
/* Progress goes to @func on the calling thread's main context (when the job
 * runs in a thread) or straight to it (when not). */
void              _rapport_import_job_set_progress (RapportImportJob          *job,
                                                    RapportImportProgressFunc  func,
                                                    gpointer                   data,
                                                    GDestroyNotify             destroy);
/* Runs the import in one transaction (a dry run rolls it back). */
gboolean          _rapport_import_job_run          (RapportImportJob          *job,
                                                    GError                   **error);
void              _rapport_import_job_free         (gpointer                   job);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-import-job.h"
#include "rapport-importer.h"
#include "rapport-store-private.h"

struct _RapportImporter
{
  GObject              parent_instance;

  RapportStore        *store;
  GFile               *file;
  RapportImportFormat  format;
  RapportOnDuplicate   on_duplicate;
  gboolean             open_new;
  guint                preview_rows;
  RapportCsvMapping   *mapping;
  gboolean             busy;
};

G_DEFINE_FINAL_TYPE (RapportImporter, rapport_importer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_FILE,
  PROP_MAPPING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct {
  GAsyncReadyCallback callback;
  gpointer            user_data;
} Closure;

static RapportImportJob *
import_job_new (RapportImporter           *self,
                gboolean                   dry_run,
                GCancellable              *cancellable,
                RapportImportProgressFunc  progress,
                gpointer                   progress_data,
                GDestroyNotify             progress_data_free)
{
  RapportImportJob *job = _rapport_import_job_new (self->store, self->file, dry_run);

  job->on_duplicate = self->on_duplicate;
  job->open_new = self->open_new;
  job->preview_rows = self->preview_rows;
  job->mapping = self->mapping ? rapport_csv_mapping_copy (self->mapping) : NULL;
  job->cancellable = cancellable ? g_object_ref (cancellable) : NULL;
  if (progress != NULL)
    _rapport_import_job_set_progress (job, progress, progress_data, progress_data_free);
  return job;
}

/* On the caller's thread, once the job is over. */
static void
import_job_finish (RapportImporter  *self,
                   RapportImportJob *job)
{
  self->busy = FALSE;
  if (job->format != RAPPORT_IMPORT_FORMAT_UNKNOWN)
    self->format = job->format;
  if (job->new_mapping != NULL)
    {
      g_set_object (&self->mapping, job->new_mapping);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAPPING]);
    }
  if (job->committed && !job->dry_run)
    _rapport_store_emit_changed (self->store);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  RapportImportJob *job = task_data;
  GError *error = NULL;

  /* The caller's connection stays the caller's: SQLite connections are not
   * shared between threads here. In WAL mode the caller may go on reading
   * while this one writes, and sees the import once it is committed. */
  if (job->private_path != NULL)
    {
      g_autoptr(RapportStore) own = rapport_store_open (job->private_path, &error);

      if (own == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      rapport_store_set_today (own, &job->today);
      g_set_object (&job->store, own);
    }

  if (_rapport_import_job_run (job, &error))
    g_task_return_pointer (task, g_object_ref (job->result), g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Closure *closure = user_data;

  import_job_finish (RAPPORT_IMPORTER (source), g_task_get_task_data (G_TASK (result)));
  if (closure->callback != NULL)
    closure->callback (source, result, closure->user_data);
  g_free (closure);
}

static void
start_async (RapportImporter           *self,
             gboolean                   dry_run,
             gpointer                   source_tag,
             GCancellable              *cancellable,
             RapportImportProgressFunc  progress,
             gpointer                   progress_data,
             GDestroyNotify             progress_data_free,
             GAsyncReadyCallback        callback,
             gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  Closure *closure = g_new0 (Closure, 1);
  const char *path;
  RapportImportJob *job;

  closure->callback = callback;
  closure->user_data = user_data;
  job = import_job_new (self, dry_run, cancellable, progress, progress_data, progress_data_free);
  job->in_thread = TRUE;
  path = rapport_store_get_path (self->store);
  if (path != NULL && path[0] != '\0' && strcmp (path, ":memory:") != 0)
    {
      job->private_path = g_strdup (path);
      rapport_store_get_today (self->store, &job->today);
    }
  self->busy = TRUE;

  task = g_task_new (self, cancellable, import_done_cb, closure);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, job, _rapport_import_job_free);
  /* The store's connection is not ours to share: the task keeps its own
   * error for cancellation (the transaction rolls back first). */
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, import_thread);
}

static RapportImportResult *
run_sync (RapportImporter            *self,
          gboolean                    dry_run,
          GCancellable               *cancellable,
          RapportImportProgressFunc   progress,
          gpointer                    progress_data,
          GError                    **error)
{
  RapportImportJob *job = import_job_new (self, dry_run, cancellable, progress, progress_data, NULL);
  RapportImportResult *result = NULL;

  self->busy = TRUE;
  if (_rapport_import_job_run (job, error))
    result = g_object_ref (job->result);
  import_job_finish (self, job);
  _rapport_import_job_free (job);
  return result;
}

static void
rapport_importer_finalize (GObject *object)
{
  RapportImporter *self = RAPPORT_IMPORTER (object);

  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_object (&self->mapping);

  G_OBJECT_CLASS (rapport_importer_parent_class)->finalize (object);
}

static void
rapport_importer_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RapportImporter *self = RAPPORT_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_MAPPING:
      g_value_set_object (value, self->mapping);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_importer_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RapportImporter *self = RAPPORT_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_importer_class_init (RapportImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_importer_finalize;
  object_class->get_property = rapport_importer_get_property;
  object_class->set_property = rapport_importer_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAPPING] =
    g_param_spec_object ("mapping", NULL, NULL, RAPPORT_TYPE_CSV_MAPPING,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_importer_init (RapportImporter *self)
{
  self->on_duplicate = RAPPORT_ON_DUPLICATE_UPDATE;
  self->preview_rows = RAPPORT_IMPORT_DEFAULT_PREVIEW_ROWS;
}

RapportImporter *
rapport_importer_new (RapportStore *store,
                      GFile        *file)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (RAPPORT_TYPE_IMPORTER, "store", store, "file", file, NULL);
}

GFile *
rapport_importer_get_file (RapportImporter *self)
{
  g_return_val_if_fail (RAPPORT_IS_IMPORTER (self), NULL);
  return self->file;
}

RapportImportFormat
rapport_importer_get_format (RapportImporter *self)
{
  g_return_val_if_fail (RAPPORT_IS_IMPORTER (self), RAPPORT_IMPORT_FORMAT_UNKNOWN);
  return self->format;
}

RapportOnDuplicate
rapport_importer_get_on_duplicate (RapportImporter *self)
{
  g_return_val_if_fail (RAPPORT_IS_IMPORTER (self), RAPPORT_ON_DUPLICATE_UPDATE);
  return self->on_duplicate;
}

void
rapport_importer_set_on_duplicate (RapportImporter    *self,
                                   RapportOnDuplicate  policy)
{
  g_return_if_fail (RAPPORT_IS_IMPORTER (self));
  g_return_if_fail (policy == RAPPORT_ON_DUPLICATE_UPDATE || policy == RAPPORT_ON_DUPLICATE_SKIP);
  self->on_duplicate = policy;
}

gboolean
rapport_importer_get_open_new_follow_ups (RapportImporter *self)
{
  g_return_val_if_fail (RAPPORT_IS_IMPORTER (self), FALSE);
  return self->open_new;
}

void
rapport_importer_set_open_new_follow_ups (RapportImporter *self,
                                          gboolean         open)
{
  g_return_if_fail (RAPPORT_IS_IMPORTER (self));
  self->open_new = !!open;
}

void
rapport_importer_set_preview_rows (RapportImporter *self,
                                   guint            n_rows)
{
  g_return_if_fail (RAPPORT_IS_IMPORTER (self));
  self->preview_rows = n_rows;
}

RapportCsvMapping *
rapport_importer_get_mapping (RapportImporter *self)
{
  g_return_val_if_fail (RAPPORT_IS_IMPORTER (self), NULL);
  return self->mapping;
}

void
rapport_importer_set_mapping (RapportImporter    *self,
                              guint               column,
                              RapportImportField  field)
{
  g_return_if_fail (RAPPORT_IS_IMPORTER (self));
  g_return_if_fail (self->mapping != NULL);
  rapport_csv_mapping_set_field (self->mapping, column, field);
}

void
rapport_importer_preview_async (RapportImporter     *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (RAPPORT_IS_IMPORTER (self));
  g_return_if_fail (!self->busy);

  start_async (self, TRUE, rapport_importer_preview_async, cancellable, NULL, NULL, NULL,
               callback, user_data);
}

RapportImportResult *
rapport_importer_preview_finish (RapportImporter  *self,
                                 GAsyncResult     *result,
                                 GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rapport_importer_preview_async,
                        NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
rapport_importer_run_async (RapportImporter           *self,
                            GCancellable              *cancellable,
                            RapportImportProgressFunc  progress,
                            gpointer                   progress_data,
                            GDestroyNotify             progress_data_free,
                            GAsyncReadyCallback        callback,
                            gpointer                   user_data)
{
  g_return_if_fail (RAPPORT_IS_IMPORTER (self));
  g_return_if_fail (!self->busy);

  start_async (self, FALSE, rapport_importer_run_async, cancellable, progress, progress_data,
               progress_data_free, callback, user_data);
}

RapportImportResult *
rapport_importer_run_finish (RapportImporter  *self,
                             GAsyncResult     *result,
                             GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rapport_importer_run_async,
                        NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

RapportImportResult *
rapport_importer_preview (RapportImporter  *self,
                          GCancellable     *cancellable,
                          GError          **error)
{
  g_return_val_if_fail (RAPPORT_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (!self->busy, NULL);

  return run_sync (self, TRUE, cancellable, NULL, NULL, error);
}

RapportImportResult *
rapport_importer_run (RapportImporter            *self,
                      GCancellable               *cancellable,
                      RapportImportProgressFunc   progress,
                      gpointer                    progress_data,
                      GError                    **error)
{
  g_return_val_if_fail (RAPPORT_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (!self->busy, NULL);

  return run_sync (self, FALSE, cancellable, progress, progress_data, error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-export"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-date.h"
#include "rapport-export.h"
#include "rapport-window.h"

typedef enum {
  KIND_CSV,
  KIND_AGENDA,
} ExportKind;

/* What a save dialog is for, until its response. */
typedef struct {
  /* Weak: the window keeps its last chooser, and a store still referenced
   * cannot be replaced by a restore. */
  GWeakRef            store;
  ExportKind          kind;
  RapportExportTable  table;
  GDate               from;
  GDate               to;
} ExportRequest;

static void
export_request_free (gpointer data)
{
  ExportRequest *request = data;

  g_weak_ref_clear (&request->store);
  g_free (request);
}

char *
rapport_export_suggest_csv_name (RapportStore       *store,
                                 RapportExportTable  table)
{
  g_autofree char *iso = NULL;
  GDate today;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  rapport_store_get_today (store, &today);
  iso = rapport_date_to_iso (&today);
  /* The name stays English like the file's columns' keys: it is the same
   * for every user of a shared folder. */
  return g_strdup_printf ("rapport-%s-%s.csv", rapport_export_table_to_key (table), iso);
}

char *
rapport_export_suggest_agenda_name (const GDate *from)
{
  g_autofree char *iso = NULL;

  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);

  iso = rapport_date_to_iso (from);
  return g_strdup_printf ("rapport-agenda-%s.ics", iso);
}

static gboolean
save (RapportStore        *store,
      const ExportRequest *request,
      GFile               *file,
      GError             **error)
{
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  stream = rapport_export_create_file (file, NULL, error);
  if (stream == NULL)
    return FALSE;
  if (request->kind == KIND_AGENDA)
    ok = rapport_export_agenda_ics (store, &request->from, &request->to, stream, NULL,
                                    &local_error);
  else
    ok = rapport_export_csv (store, request->table, stream, NULL, &local_error);
  /* A failed export leaves no half-written file behind. */
  if (!rapport_export_finish_file (stream, ok, ok ? &local_error : NULL))
    ok = FALSE;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

gboolean
rapport_export_save_csv (RapportStore        *store,
                         RapportExportTable   table,
                         GFile               *file,
                         GError             **error)
{
  ExportRequest request = { .kind = KIND_CSV, .table = table };

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return save (store, &request, file, error);
}

gboolean
rapport_export_save_agenda (RapportStore  *store,
                            const GDate   *from,
                            const GDate   *to,
                            GFile         *file,
                            GError       **error)
{
  ExportRequest request = { .kind = KIND_AGENDA, .from = *from, .to = *to };

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  return save (store, &request, file, error);
}

static void
toast (GtkWindow  *window,
       const char *text,
       gboolean    is_error)
{
  if (!RAPPORT_IS_WINDOW (window))
    {
      g_message ("%s", text);
      return;
    }
  if (is_error)
    rapport_window_show_error_toast (RAPPORT_WINDOW (window), text);
  else
    {
      g_autoptr(AdwToast) done = adw_toast_new (text);

      rapport_window_add_toast (RAPPORT_WINDOW (window), done);
    }
}

/* An export after the save dialog: on a connection of its own in a thread,
 * so that a million calls (two seconds) do not freeze the window. */
typedef struct {
  char         *path;
  GDate         today;
  ExportRequest request;   /* its store unused: the thread opens its own */
  GFile        *file;
  AdwToast     *progress;  /* "Exporting…", dismissed when done */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->path);
  g_clear_object (&job->file);
  g_clear_object (&job->progress);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = rapport_store_open (job->path, &error);

  if (store != NULL)
    {
      rapport_store_set_today (store, &job->today);
      if (save (store, &job->request, job->file, &error))
        {
          g_task_return_boolean (task, TRUE);
          return;
        }
    }
  g_task_return_error (task, g_steal_pointer (&error));
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GtkWindow *window = GTK_WINDOW (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (job->progress != NULL)
    adw_toast_dismiss (job->progress);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_autofree char *name = g_file_get_basename (job->file);
      /* Translators: %s is a file name */
      g_autofree char *text = g_strdup_printf (_("Exported to %s"), name);

      toast (window, text, FALSE);
    }
  else
    {
      /* Translators: %s says why */
      g_autofree char *text = g_strdup_printf (_("Export failed: %s"), error->message);

      toast (window, text, TRUE);
    }
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     ExportRequest   *request)
{
  GtkWindow *window = gtk_native_dialog_get_transient_for (chooser);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GTask) task = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autoptr(RapportStore) store = g_weak_ref_get (&request->store);
  ExportJob *job;

  if (response != GTK_RESPONSE_ACCEPT || store == NULL)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file == NULL)
    return;

  job = g_new0 (ExportJob, 1);
  job->path = g_strdup (rapport_store_get_path (store));
  rapport_store_get_today (store, &job->today);
  job->request.kind = request->kind;
  job->request.table = request->table;
  job->request.from = request->from;
  job->request.to = request->to;
  job->file = g_object_ref (file);
  name = g_file_get_basename (file);
  /* Translators: %s is a file name; shown while a large export is written */
  text = g_strdup_printf (_("Exporting to %s…"), name);
  if (RAPPORT_IS_WINDOW (window))
    {
      job->progress = adw_toast_new (text);
      adw_toast_set_timeout (job->progress, 0);
      rapport_window_add_toast (RAPPORT_WINDOW (window), job->progress);
    }

  task = g_task_new (window, NULL, exported_cb, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
ask (GtkWindow     *window,
     ExportRequest *request,
     const char    *title,
     const char    *name,
     const char    *filter_name,
     const char    *suffix)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (title, window, GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_suffix (filter, suffix);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  g_signal_connect_data (chooser, "response", G_CALLBACK (chooser_response_cb), request,
                         (GClosureNotify) (void (*) (void)) export_request_free, 0);
  /* The window keeps the chooser (one at a time) until the next one: no
   * reference is dropped while the chooser emits its response. */
  g_object_set_data_full (G_OBJECT (window), "rapport-export-chooser", chooser, g_object_unref);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
rapport_export_ask_csv (GtkWindow          *window,
                        RapportStore       *store,
                        RapportExportTable  table)
{
  ExportRequest *request;
  g_autofree char *name = NULL;
  const char *title;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (RAPPORT_IS_STORE (store));

  request = g_new0 (ExportRequest, 1);
  g_weak_ref_init (&request->store, store);
  request->kind = KIND_CSV;
  request->table = table;
  name = rapport_export_suggest_csv_name (store, table);
  switch (table)
    {
    case RAPPORT_EXPORT_CALLS:
      title = _("Export Calls");
      break;
    case RAPPORT_EXPORT_FOLLOW_UPS:
      title = _("Export Follow-ups");
      break;
    case RAPPORT_EXPORT_CUSTOMERS:
    default:
      title = _("Export Customers");
      break;
    }
  ask (window, request, title, name, _("CSV spreadsheets"), "csv");
}

void
rapport_export_ask_agenda (GtkWindow    *window,
                           RapportStore *store,
                           const GDate  *from)
{
  ExportRequest *request;
  g_autofree char *name = NULL;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (RAPPORT_IS_STORE (store));
  g_return_if_fail (from != NULL && g_date_valid (from));

  request = g_new0 (ExportRequest, 1);
  g_weak_ref_init (&request->store, store);
  request->kind = KIND_AGENDA;
  request->from = *from;
  request->to = *from;
  g_date_add_days (&request->to, RAPPORT_EXPORT_AGENDA_DAYS);
  name = rapport_export_suggest_agenda_name (from);
  ask (window, request, _("Add to Calendar"), name, _("iCalendar files"), "ics");
}

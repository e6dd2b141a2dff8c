/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-summary-view"

/* The Summary view's Export, Print and Send. */

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-summary-pdf.h"
#include "rapport-summary-view-private.h"

static void
chooser_response_cb (RapportSummaryView   *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  /* The figures as they are now, not as when the view last computed them. */
  if (response == GTK_RESPONSE_ACCEPT)
    _rapport_summary_view_refresh_if_stale (self);
  if (response == GTK_RESPONSE_ACCEPT && self->summary != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        _rapport_summary_view_toast (self, _("The summary can only be saved to a local folder"));
      else if (!rapport_summary_write_file (self->summary, self->export_format, path, &error))
        _rapport_summary_view_toast (self, error->message);
      else
        {
          g_autofree char *name = g_file_get_basename (file);
          /* Translators: the summary was exported, e.g. "Saved “rapport-summary-2026-W48.pdf”" */
          g_autofree char *message = g_strdup_printf (_("Saved “%s”"), name);
          _rapport_summary_view_toast (self, message);
        }
    }
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportSummaryView *self = RAPPORT_SUMMARY_VIEW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);
  const char *key = g_variant_get_string (parameter, NULL);

  _rapport_summary_view_refresh_if_stale (self);
  if (self->summary == NULL || !rapport_summary_format_from_key (key, &self->export_format))
    return;
  if (self->chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  self->chooser = gtk_file_chooser_native_new (_("Export Summary"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  name = g_strdup_printf ("rapport-summary-%s.%s", rapport_summary_get_week (self->summary), key);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  switch (self->export_format)
    {
    case RAPPORT_SUMMARY_FORMAT_PDF:
      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      break;
    case RAPPORT_SUMMARY_FORMAT_CSV:
      gtk_file_filter_set_name (filter, _("Spreadsheets (CSV)"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      break;
    case RAPPORT_SUMMARY_FORMAT_JSON:
    default:
      gtk_file_filter_set_name (filter, _("JSON files"));
      gtk_file_filter_add_mime_type (filter, "application/json");
      break;
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                RapportSummary    *summary)
{
  guint n = rapport_summary_get_n_pages (summary, gtk_print_context_get_width (context),
                                         gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, (int) n);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              RapportSummary    *summary)
{
  /* The PDF's layout, on the printer's paper. */
  rapport_summary_render_page (summary, gtk_print_context_get_cairo_context (context),
                               gtk_print_context_get_width (context),
                               gtk_print_context_get_height (context), (guint) page_nr);
}

static void
print_done_cb (RapportSummaryView      *self,
               GtkPrintOperationResult  result,
               GtkPrintOperation       *operation)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      gtk_print_operation_get_error (operation, &error);
      _rapport_summary_view_toast (self, error ? error->message : _("The summary could not be printed"));
    }
}

GtkPrintOperation *
_rapport_summary_view_new_print_operation (RapportSummaryView *self)
{
  GtkPrintOperation *operation;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autofree char *job = NULL;

  g_return_val_if_fail (self->summary != NULL, NULL);

  operation = gtk_print_operation_new ();
  /* Translators: the print job's name, e.g. "Weekly summary 2026-W48" */
  job = g_strdup_printf (_("Weekly summary %s"), rapport_summary_get_week (self->summary));
  gtk_print_operation_set_job_name (operation, job);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  /* The layout keeps its own margins, as in the PDF. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  g_signal_connect_data (operation, "begin-print", G_CALLBACK (begin_print_cb),
                         g_object_ref (self->summary), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb),
                         g_object_ref (self->summary), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  return operation;
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RapportSummaryView *self = RAPPORT_SUMMARY_VIEW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  _rapport_summary_view_refresh_if_stale (self);
  if (self->summary == NULL)
    return;

  operation = _rapport_summary_view_new_print_operation (self);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, G_CONNECT_SWAPPED);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    _rapport_summary_view_toast (self, error->message);
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(RapportSummaryView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  RapportDelivery delivery;

  self->sending = FALSE;
  if (!rapport_webhook_send_summary_finish (RAPPORT_WEBHOOK (source), result, &delivery, &reason,
                                            &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _rapport_summary_view_toast (self, error->message);
    }
  else if (delivery == RAPPORT_DELIVERY_DELIVERED)
    _rapport_summary_view_toast (self, _("Delivered"));
  else
    {
      /* Translators: the summary waits in the outbox; %s says why */
      g_autofree char *message = g_strdup_printf (_("Queued, will retry: %s"), reason);
      _rapport_summary_view_toast (self, message);
    }
  _rapport_summary_view_update_actions (self);
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportSummaryView *self = RAPPORT_SUMMARY_VIEW (widget);

  if (self->webhook == NULL || self->sending)
    return;
  _rapport_summary_view_refresh_if_stale (self);
  if (self->summary == NULL)
    return;
  self->sending = TRUE;
  _rapport_summary_view_update_actions (self);
  rapport_webhook_send_summary_async (self->webhook, self->summary, self->cancellable, sent_cb,
                                      g_object_ref (self));
}

void
_rapport_summary_view_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "summary.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "summary.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "summary.send", NULL, send_action);
}

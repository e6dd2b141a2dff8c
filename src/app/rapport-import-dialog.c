/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-date.h"
#include "rapport-format.h"
#include "rapport-import-dialog.h"
#include "rapport-importer.h"
#include "rapport-window.h"

/* Enough to see what went wrong; the CLI lists every row. */
#define MAX_INVALID_SHOWN 100

struct _RapportImportDialog
{
  AdwWindow            parent_instance;

  RapportStore        *store;
  GFile               *file;
  RapportImporter     *importer;
  RapportImportResult *preview;
  /* The mapping the column rows were made for. */
  RapportCsvMapping   *shown_mapping;
  GtkStringList       *field_model;
  GCancellable        *preview_cancellable;
  GCancellable        *run_cancellable;
  gboolean             previewing;
  /* The options changed while a preview was under way: preview again. */
  gboolean             preview_again;
  gboolean             running;
  gboolean             close_when_done;
  gboolean             disposed;
  /* The window that rapport_import_dialog_open() registered this one on. */
  GtkWindow           *owner;
  /* Set while the dialog itself sets the column rows. */
  gboolean             filling_columns;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  AdwWindowTitle      *short_window_title;
  GtkButton           *close_button;
  GtkButton           *import_button;
  GtkSpinner          *preview_spinner;
  GtkStack            *stack;
  GtkLabel            *counts_label;
  GtkWidget           *summary_box;
  GtkLabel            *problem_label;
  AdwPreferencesGroup *preview_group;
  GtkListBox          *preview_list;
  AdwPreferencesGroup *invalid_group;
  GtkListBox          *invalid_list;
  GtkLabel            *invalid_more_label;
  AdwPreferencesGroup *options_group;
  AdwComboRow         *duplicate_row;
  GtkSwitch           *follow_up_switch;
  AdwPreferencesGroup *columns_group;
  GtkListBox          *columns_list;
  AdwStatusPage       *error_page;
  AdwStatusPage       *running_page;
  GtkProgressBar      *progress_bar;
  GtkButton           *cancel_run_button;
  AdwStatusPage       *failed_page;
};

G_DEFINE_FINAL_TYPE (RapportImportDialog, rapport_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void start_preview (RapportImportDialog *self);

/* Fields as the column rows offer them: Skip last, after every field. */
static RapportImportField
position_to_field (guint position)
{
  return position + 1 < RAPPORT_N_IMPORT_FIELDS ? (RapportImportField) (position + 1)
                                                : RAPPORT_IMPORT_FIELD_NONE;
}

static guint
field_to_position (RapportImportField field)
{
  return field == RAPPORT_IMPORT_FIELD_NONE ? RAPPORT_N_IMPORT_FIELDS - 1 : (guint) field - 1;
}

static gboolean
can_import (RapportImportDialog *self)
{
  return self->preview != NULL && !self->previewing && !self->running &&
         g_str_equal (gtk_stack_get_visible_child_name (self->stack), "preview") &&
         rapport_import_result_get_n_new (self->preview) +
         rapport_import_result_get_n_updated (self->preview) > 0;
}

/* The header's buttons follow the page and what is under way. */
static void
update_buttons (RapportImportDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  gboolean finished = g_str_equal (page, "error") || g_str_equal (page, "failed");

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", can_import (self));
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), !finished && !self->running);
  gtk_widget_set_visible (GTK_WIDGET (self->close_button), !self->running);
  gtk_button_set_label (self->close_button, finished ? _("_Close") : _("_Cancel"));
  gtk_widget_set_visible (GTK_WIDGET (self->preview_spinner),
                          self->previewing && g_str_equal (page, "preview"));
  gtk_spinner_set_spinning (self->preview_spinner, self->previewing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.cancel", self->running);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.back",
                                 !self->running && !self->previewing);
}

static void
show_page (RapportImportDialog *self,
           const char          *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  update_buttons (self);
}

/* Rows --------------------------------------------------------------------- */

static void
append_part (GString    *text,
             const char *part)
{
  if (part == NULL || *part == '\0')
    return;
  if (text->len > 0)
    g_string_append (text, " · ");
  g_string_append (text, part);
}

static GtkWidget *
action_tag_new (RapportImportAction action)
{
  GtkWidget *tag = gtk_label_new (rapport_import_action_to_label (action));
  static const char *classes[] = {
    [RAPPORT_IMPORT_ACTION_NEW] = "success",
    [RAPPORT_IMPORT_ACTION_UPDATE] = "accent",
    [RAPPORT_IMPORT_ACTION_SKIP] = "dim-label",
    [RAPPORT_IMPORT_ACTION_INVALID] = "error",
  };

  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (tag, "caption-heading");
  if (action < G_N_ELEMENTS (classes))
    gtk_widget_add_css_class (tag, classes[action]);
  return tag;
}

/* One row of the file as it will be imported: the name, what else the row
 * gives, and what happens to it. */
static GtkWidget *
create_preview_row (gpointer item,
                    gpointer user_data)
{
  RapportImportRow *row = item;
  RapportCustomer *customer = rapport_import_row_get_customer (row);
  RapportImportAction action = rapport_import_row_get_action (row);
  const char *reason = rapport_import_row_get_reason (row);
  const char *name = customer != NULL ? rapport_customer_get_name (customer) : NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *title = NULL;
  AdwActionRow *widget = ADW_ACTION_ROW (adw_action_row_new ());

  if (name != NULL && *name != '\0')
    title = g_strdup (name);
  else
    /* Translators: a row of an import file without a name; %u is its line number */
    title = g_strdup_printf (_("Line %u"), rapport_import_row_get_line (row));

  /* One line of contact details, one for the date, one for the reason: a
   * narrow window wraps each on its own. */
  if (customer != NULL)
    {
      const GDate *since = rapport_customer_get_since (customer);

      append_part (subtitle, rapport_customer_get_company (customer));
      append_part (subtitle, rapport_customer_get_phone (customer));
      append_part (subtitle, rapport_customer_get_email (customer));
      if (since != NULL && g_date_valid (since))
        {
          g_autofree char *iso = rapport_date_to_iso (since);

          if (subtitle->len > 0)
            g_string_append_c (subtitle, '\n');
          /* Translators: %s is the first service date, YYYY-MM-DD */
          g_string_append_printf (subtitle, _("First service %s"), iso);
        }
    }
  if (reason != NULL && (action == RAPPORT_IMPORT_ACTION_INVALID ||
                         action == RAPPORT_IMPORT_ACTION_SKIP))
    {
      if (subtitle->len > 0)
        g_string_append_c (subtitle, '\n');
      g_string_append (subtitle, reason);
    }

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), title);
  adw_action_row_set_subtitle (widget, subtitle->str);
  adw_action_row_add_suffix (widget, action_tag_new (action));
  return GTK_WIDGET (widget);
}

/* An invalid row: its line, what could be read of it, and why. */
static GtkWidget *
create_invalid_row (gpointer item,
                    gpointer user_data)
{
  RapportImportRow *row = item;
  RapportCustomer *customer = rapport_import_row_get_customer (row);
  const char *name = customer != NULL ? rapport_customer_get_name (customer) : NULL;
  const char *reason = rapport_import_row_get_reason (row);
  guint line = rapport_import_row_get_line (row);
  g_autofree char *title = NULL;
  AdwActionRow *widget = ADW_ACTION_ROW (adw_action_row_new ());

  if (name != NULL && *name != '\0')
    /* Translators: %u is a line number of the file, %s the name read there */
    title = g_strdup_printf (_("Line %u · %s"), line, name);
  else
    title = g_strdup_printf (_("Line %u"), line);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (widget), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), title);
  adw_action_row_set_subtitle (widget, reason != NULL ? reason : "");
  return GTK_WIDGET (widget);
}

static void
column_selected_cb (RapportImportDialog *self,
                    GParamSpec          *pspec,
                    AdwComboRow         *row)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column"));

  if (self->filling_columns || self->running)
    return;
  rapport_importer_set_mapping (self->importer, column,
                                position_to_field (adw_combo_row_get_selected (row)));
  start_preview (self);
}

/* One field chooser per column of a CSV file, made again only for a new
 * mapping (a file whose heading row changed): choosing keeps the rows. */
static void
update_columns (RapportImportDialog *self)
{
  RapportCsvMapping *mapping = rapport_importer_get_mapping (self->importer);
  GtkWidget *child;

  gtk_widget_set_visible (GTK_WIDGET (self->columns_group), mapping != NULL);
  if (mapping == self->shown_mapping)
    return;
  g_set_object (&self->shown_mapping, mapping);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_list))) != NULL)
    gtk_list_box_remove (self->columns_list, child);
  if (mapping == NULL)
    return;

  self->filling_columns = TRUE;
  for (guint i = 0; i < rapport_csv_mapping_get_n_columns (mapping); i++)
    {
      const char *heading = rapport_csv_mapping_get_heading (mapping, i);
      RapportImportField field;
      AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
      g_autofree char *title = NULL;

      if (heading != NULL && *heading != '\0')
        title = g_strdup (heading);
      else
        /* Translators: a column without a heading; %u counts from 1 */
        title = g_strdup_printf (_("Column %u"), i + 1);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_combo_row_set_model (row, G_LIST_MODEL (self->field_model));
      field = rapport_csv_mapping_get_field (mapping, i);
      adw_combo_row_set_selected (row, field_to_position (field));
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (i));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (column_selected_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_list_box_append (self->columns_list, GTK_WIDGET (row));
    }
  self->filling_columns = FALSE;
}

/* Preview ------------------------------------------------------------------ */

/* "12 new · 3 updated": each count's words joined by no-break spaces, so
 * that a narrow window wraps between the counts, never inside one. */
static char *
join_counts (const char * const *parts,
             guint               n_parts)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_parts; i++)
    {
      g_autoptr(GString) part = g_string_new (parts[i]);

      g_string_replace (part, " ", "\u00a0", 0);
      if (i > 0)
        g_string_append (text, " · ");
      g_string_append (text, part->str);
    }
  return g_string_free (text, FALSE);
}

static char *
format_counts (RapportImportResult *result)
{
  guint n_new = rapport_import_result_get_n_new (result);
  guint n_updated = rapport_import_result_get_n_updated (result);
  guint n_skipped = rapport_import_result_get_n_skipped (result);
  guint n_invalid = rapport_import_result_get_n_invalid (result);
  g_autofree char *added = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *skipped = NULL;
  g_autofree char *invalid = NULL;

  /* Translators: the parts of "12 new · 3 updated · 1 skipped · 2 invalid", rows of an import */
  added = g_strdup_printf (g_dngettext (NULL, "%u new", "%u new", n_new), n_new);
  updated = g_strdup_printf (g_dngettext (NULL, "%u updated", "%u updated", n_updated), n_updated);
  skipped = g_strdup_printf (g_dngettext (NULL, "%u skipped", "%u skipped", n_skipped), n_skipped);
  invalid = g_strdup_printf (g_dngettext (NULL, "%u invalid", "%u invalid", n_invalid), n_invalid);
  {
    const char * const parts[] = { added, updated, skipped, invalid };

    return join_counts (parts, G_N_ELEMENTS (parts));
  }
}

static void
show_preview (RapportImportDialog *self,
              RapportImportResult *result)
{
  GListModel *preview = rapport_import_result_get_preview (result);
  GListModel *invalid = rapport_import_result_get_invalid (result);
  guint n_invalid = g_list_model_get_n_items (invalid);
  g_autoptr(GtkSliceListModel) shown = NULL;
  g_autofree char *counts = NULL;

  g_set_object (&self->preview, result);

  counts = format_counts (result);
  gtk_label_set_text (self->counts_label, counts);
  gtk_widget_set_visible (self->summary_box, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);

  gtk_list_box_bind_model (self->preview_list, preview, create_preview_row, self, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_group), g_list_model_get_n_items (preview) > 0);

  /* Thousands of rows would only bury the first mistakes. */
  shown = gtk_slice_list_model_new (g_object_ref (invalid), 0, MAX_INVALID_SHOWN);
  gtk_list_box_bind_model (self->invalid_list, G_LIST_MODEL (shown), create_invalid_row, self,
                           NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->invalid_group), n_invalid > 0);
  if (n_invalid > MAX_INVALID_SHOWN)
    {
      guint more = n_invalid - MAX_INVALID_SHOWN;
      g_autofree char *text = g_strdup_printf (g_dngettext (NULL,
                                                            "And %u more row that cannot be imported.",
                                                            "And %u more rows that cannot be imported.",
                                                            more),
                                               more);

      gtk_label_set_text (self->invalid_more_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->invalid_more_label), n_invalid > MAX_INVALID_SHOWN);
  gtk_widget_set_visible (GTK_WIDGET (self->options_group), TRUE);

  show_page (self, "preview");
}

static void
show_preview_error (RapportImportDialog *self,
                    const GError        *error)
{
  g_autofree char *message = rapport_format_sentence (error->message);

  g_clear_object (&self->preview);

  /* A CSV file whose heading row was read can be fixed here by choosing
   * what its columns hold; any other file cannot be imported at all. */
  if (rapport_importer_get_mapping (self->importer) == NULL)
    {
      adw_status_page_set_description (self->error_page, message);
      show_page (self, "error");
      return;
    }
  if (!rapport_csv_mapping_has_name (rapport_importer_get_mapping (self->importer)))
    {
      g_autofree char *text = g_strdup_printf ("%s\n\n%s", message,
                                               _("Or choose below which column holds the names."));

      gtk_label_set_text (self->problem_label, text);
    }
  else
    gtk_label_set_text (self->problem_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
  gtk_widget_set_visible (self->summary_box, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->invalid_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->options_group), FALSE);
  show_page (self, "preview");
}

static void
preview_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(RapportImportDialog) self = user_data;
  g_autoptr(RapportImportResult) preview = NULL;
  g_autoptr(GError) error = NULL;

  preview = rapport_importer_preview_finish (RAPPORT_IMPORTER (source), result, &error);
  self->previewing = FALSE;
  if (self->disposed)
    return;
  if (self->preview_again)
    {
      start_preview (self);
      return;
    }
  update_columns (self);
  if (preview != NULL)
    show_preview (self, preview);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_preview_error (self, error);
  update_buttons (self);
}

/* A preview is the whole import, rolled back: the counts are exact. Options
 * changed meanwhile make it start over once it is done. */
static void
start_preview (RapportImportDialog *self)
{
  if (self->running || self->disposed)
    return;
  if (self->previewing)
    {
      self->preview_again = TRUE;
      g_cancellable_cancel (self->preview_cancellable);
      return;
    }
  self->previewing = TRUE;
  self->preview_again = FALSE;
  g_clear_object (&self->preview_cancellable);
  self->preview_cancellable = g_cancellable_new ();
  update_buttons (self);
  rapport_importer_preview_async (self->importer, self->preview_cancellable, preview_done_cb,
                                  g_object_ref (self));
}

static void
duplicate_selected_cb (RapportImportDialog *self)
{
  rapport_importer_set_on_duplicate (self->importer,
                                     adw_combo_row_get_selected (self->duplicate_row) == 1
                                     ? RAPPORT_ON_DUPLICATE_SKIP : RAPPORT_ON_DUPLICATE_UPDATE);
  start_preview (self);
}

static void
follow_up_active_cb (RapportImportDialog *self)
{
  /* The counts stay the same: no new preview. */
  rapport_importer_set_open_new_follow_ups (self->importer,
                                            gtk_switch_get_active (self->follow_up_switch));
}

/* Import ------------------------------------------------------------------- */

static char *
format_imported (RapportImportResult *result)
{
  guint n_new = rapport_import_result_get_n_new (result);
  guint n_updated = rapport_import_result_get_n_updated (result);

  if (n_updated == 0)
    return g_strdup_printf (g_dngettext (NULL, "Imported %u customer", "Imported %u customers",
                                         n_new),
                            n_new);
  if (n_new == 0)
    return g_strdup_printf (g_dngettext (NULL, "Updated %u customer", "Updated %u customers",
                                         n_updated),
                            n_updated);
  {
    g_autofree char *added = g_strdup_printf (g_dngettext (NULL, "Imported %u new customer",
                                                           "Imported %u new customers", n_new),
                                              n_new);
    g_autofree char *updated = g_strdup_printf (g_dngettext (NULL, "updated %u", "updated %u",
                                                             n_updated),
                                                n_updated);

    /* Translators: "Imported 12 new customers, updated 3" */
    return g_strdup_printf (_("%s, %s"), added, updated);
  }
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  RapportImportDialog *self = user_data;

  if (!self->disposed)
    gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
}

static void
show_failed (RapportImportDialog *self,
             const GError        *error)
{
  gboolean cancelled = g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  const char *unchanged = _("Nothing was imported: your customers are exactly as they were before.");
  g_autofree char *description = NULL;

  if (cancelled)
    description = g_strdup (unchanged);
  else
    {
      g_autofree char *message = rapport_format_sentence (error->message);

      description = g_strdup_printf ("%s\n\n%s", message, unchanged);
    }
  adw_status_page_set_icon_name (self->failed_page, cancelled ? "process-stop-symbolic"
                                                              : "dialog-error-symbolic");
  adw_status_page_set_title (self->failed_page,
                             cancelled ? _("Import Cancelled") : _("Import Failed"));
  adw_status_page_set_description (self->failed_page, description);
  show_page (self, "failed");
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(RapportImportDialog) self = user_data;
  g_autoptr(RapportImportResult) imported = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;

  imported = rapport_importer_run_finish (RAPPORT_IMPORTER (source), result, &error);
  self->running = FALSE;
  if (self->disposed)
    return;

  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (imported != NULL)
    {
      g_signal_emit (self, signals[IMPORTED], 0, imported);
      if (RAPPORT_IS_WINDOW (parent))
        {
          g_autofree char *text = format_imported (imported);
          g_autoptr(AdwToast) toast = adw_toast_new (text);

          rapport_window_add_toast (RAPPORT_WINDOW (parent), toast);
          rapport_window_set_view (RAPPORT_WINDOW (parent), "customers");
        }
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (self->close_when_done)
    {
      if (RAPPORT_IS_WINDOW (parent))
        {
          g_autoptr(AdwToast) toast = adw_toast_new (_("Import cancelled: nothing was changed"));

          rapport_window_add_toast (RAPPORT_WINDOW (parent), toast);
        }
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  show_failed (self, error);
}

static void
run_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RapportImportDialog *self = RAPPORT_IMPORT_DIALOG (widget);

  if (!can_import (self))
    return;
  self->running = TRUE;
  g_clear_object (&self->run_cancellable);
  self->run_cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  adw_status_page_set_title (self->running_page, _("Importing Customers…"));
  show_page (self, "running");
  rapport_importer_run_async (self->importer, self->run_cancellable,
                              progress_cb, g_object_ref (self), g_object_unref,
                              run_done_cb, g_object_ref (self));
}

static void
cancel_run (RapportImportDialog *self)
{
  if (!self->running)
    return;
  /* The transaction rolls back; run_done_cb says so. */
  g_cancellable_cancel (self->run_cancellable);
  adw_status_page_set_title (self->running_page, _("Cancelling…"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.cancel", FALSE);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  cancel_run (RAPPORT_IMPORT_DIALOG (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportImportDialog *self = RAPPORT_IMPORT_DIALOG (widget);

  /* The database may have changed since: count again. */
  show_page (self, "loading");
  start_preview (self);
}

/* GtkWindow ---------------------------------------------------------------- */

static gboolean
rapport_import_dialog_close_request (GtkWindow *window)
{
  RapportImportDialog *self = RAPPORT_IMPORT_DIALOG (window);

  /* Closing cancels; the window goes once the import has rolled back. */
  if (self->running)
    {
      self->close_when_done = TRUE;
      cancel_run (self);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (rapport_import_dialog_parent_class)->close_request (window);
}

static void
rapport_import_dialog_dispose (GObject *object)
{
  RapportImportDialog *self = RAPPORT_IMPORT_DIALOG (object);

  /* The callbacks hold a reference and see this flag. */
  self->disposed = TRUE;
  if (self->owner != NULL &&
      g_object_get_data (G_OBJECT (self->owner), "rapport-import-dialog") == self)
    g_object_set_data (G_OBJECT (self->owner), "rapport-import-dialog", NULL);
  g_clear_weak_pointer (&self->owner);
  if (self->preview_cancellable != NULL)
    g_cancellable_cancel (self->preview_cancellable);
  if (self->run_cancellable != NULL)
    g_cancellable_cancel (self->run_cancellable);
  if (self->preview_list != NULL)
    gtk_list_box_bind_model (self->preview_list, NULL, NULL, NULL, NULL);
  if (self->invalid_list != NULL)
    gtk_list_box_bind_model (self->invalid_list, NULL, NULL, NULL, NULL);

  G_OBJECT_CLASS (rapport_import_dialog_parent_class)->dispose (object);
}

static void
rapport_import_dialog_finalize (GObject *object)
{
  RapportImportDialog *self = RAPPORT_IMPORT_DIALOG (object);

  g_clear_object (&self->preview_cancellable);
  g_clear_object (&self->run_cancellable);
  g_clear_object (&self->preview);
  g_clear_object (&self->shown_mapping);
  g_clear_object (&self->field_model);
  g_clear_object (&self->importer);
  g_clear_object (&self->file);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_import_dialog_parent_class)->finalize (object);
}

static void
rapport_import_dialog_class_init (RapportImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rapport_import_dialog_dispose;
  object_class->finalize = rapport_import_dialog_finalize;
  window_class->close_request = rapport_import_dialog_close_request;

  /**
   * RapportImportDialog::imported:
   * @result: what the import did
   *
   * The import was committed; the dialog closes next.
   */
  signals[IMPORTED] = g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                    RAPPORT_TYPE_IMPORT_RESULT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rapportapp/Rapport/rapport-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, short_window_title);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, preview_spinner);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, summary_box);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, counts_label);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, preview_list);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, invalid_group);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, invalid_list);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, invalid_more_label);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, options_group);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, duplicate_row);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, follow_up_switch);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, columns_list);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, running_page);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, cancel_run_button);
  gtk_widget_class_bind_template_child (widget_class, RapportImportDialog, failed_page);

  gtk_widget_class_install_action (widget_class, "import.run", NULL, run_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rapport_import_dialog_init (RapportImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->field_model = gtk_string_list_new (NULL);
  for (guint i = 0; i < RAPPORT_N_IMPORT_FIELDS; i++)
    gtk_string_list_append (self->field_model,
                            rapport_import_field_to_label (position_to_field (i)));

  g_signal_connect_object (self->duplicate_row, "notify::selected",
                           G_CALLBACK (duplicate_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->follow_up_switch, "notify::active",
                           G_CALLBACK (follow_up_active_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (self->columns_group), FALSE);
  show_page (self, "loading");
}

GtkWidget *
rapport_import_dialog_new (GtkWindow    *parent,
                           RapportStore *store,
                           GFile        *file)
{
  RapportImportDialog *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (RAPPORT_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->file = g_object_ref (file);
  self->importer = rapport_importer_new (store, file);
  rapport_importer_set_on_duplicate (self->importer, RAPPORT_ON_DUPLICATE_UPDATE);
  rapport_importer_set_open_new_follow_ups (self->importer, FALSE);

  name = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->window_title, name);
  adw_window_title_set_subtitle (self->short_window_title, name);
  start_preview (self);
  return GTK_WIDGET (self);
}

/* Choosing a file ---------------------------------------------------------- */

GtkWidget *
rapport_import_dialog_open (GtkWindow    *parent,
                            RapportStore *store,
                            GFile        *file)
{
  RapportImportDialog *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);

  /* One import at a time: a second file dropped meanwhile waits. */
  self = g_object_get_data (G_OBJECT (parent), "rapport-import-dialog");
  if (self == NULL)
    {
      self = RAPPORT_IMPORT_DIALOG (rapport_import_dialog_new (parent, store, file));
      g_set_weak_pointer (&self->owner, parent);
      g_object_set_data (G_OBJECT (parent), "rapport-import-dialog", self);
    }
  gtk_window_present (GTK_WINDOW (self));
  return GTK_WIDGET (self);
}

static const char * const suffixes[] = { "csv", "tsv", "txt", "vcf", "vcard" };

gboolean
rapport_import_dialog_accepts_file (GFile *file)
{
  g_autofree char *name = NULL;
  const char *dot;

  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  name = g_file_get_basename (file);
  dot = name != NULL ? strrchr (name, '.') : NULL;
  if (dot == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_ascii_strcasecmp (dot + 1, suffixes[i]) == 0)
      return TRUE;
  return FALSE;
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     GWeakRef        *store_ref)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);
  g_autoptr(RapportStore) store = g_weak_ref_get (store_ref);
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT || parent == NULL || store == NULL)
    return;
  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    rapport_import_dialog_open (parent, store, file);
}

void
rapport_import_dialog_choose_file (GtkWindow    *parent,
                                   RapportStore *store)
{
  GtkFileChooserNative *chooser;
  GWeakRef *store_ref;
  g_autoptr(GtkFileFilter) known = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (GTK_IS_WINDOW (parent));
  g_return_if_fail (RAPPORT_IS_STORE (store));

  chooser = gtk_file_chooser_native_new (_("Import Customers"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (known, _("Spreadsheets and contacts (CSV, vCard)"));
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    gtk_file_filter_add_suffix (known, suffixes[i]);
  gtk_file_filter_add_mime_type (known, "text/csv");
  gtk_file_filter_add_mime_type (known, "text/vcard");
  gtk_file_filter_add_mime_type (known, "text/x-vcard");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), known);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  /* Weak: the window keeps its last chooser, and a store still referenced
   * cannot be replaced by a restore. */
  store_ref = g_new (GWeakRef, 1);
  g_weak_ref_init (store_ref, store);
  g_signal_connect_data (chooser, "response", G_CALLBACK (chooser_response_cb),
                         store_ref, (GClosureNotify) (void (*) (void)) weak_ref_free, 0);
  /* The parent keeps the chooser (one at a time) until the next one: no
   * reference is dropped while the chooser emits its response. */
  g_object_set_data_full (G_OBJECT (parent), "rapport-import-chooser", chooser, g_object_unref);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* For tests ---------------------------------------------------------------- */

const char *
rapport_import_dialog_get_page (RapportImportDialog *self)
{
  g_return_val_if_fail (RAPPORT_IS_IMPORT_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

gboolean
rapport_import_dialog_is_busy (RapportImportDialog *self)
{
  g_return_val_if_fail (RAPPORT_IS_IMPORT_DIALOG (self), FALSE);
  return self->previewing || self->running;
}

const char *
rapport_import_dialog_get_counts_text (RapportImportDialog *self)
{
  g_return_val_if_fail (RAPPORT_IS_IMPORT_DIALOG (self), NULL);
  return gtk_label_get_text (self->counts_label);
}

const char *
rapport_import_dialog_get_message (RapportImportDialog *self)
{
  const char *page;

  g_return_val_if_fail (RAPPORT_IS_IMPORT_DIALOG (self), NULL);

  page = gtk_stack_get_visible_child_name (self->stack);
  if (g_str_equal (page, "error"))
    return adw_status_page_get_description (self->error_page);
  if (g_str_equal (page, "failed"))
    return adw_status_page_get_description (self->failed_page);
  if (g_str_equal (page, "preview") && gtk_widget_get_visible (GTK_WIDGET (self->problem_label)))
    return gtk_label_get_text (self->problem_label);
  return NULL;
}

RapportImportResult *
rapport_import_dialog_get_preview (RapportImportDialog *self)
{
  g_return_val_if_fail (RAPPORT_IS_IMPORT_DIALOG (self), NULL);
  return self->preview;
}

GtkListBox *
rapport_import_dialog_get_preview_list (RapportImportDialog *self)
{
  g_return_val_if_fail (RAPPORT_IS_IMPORT_DIALOG (self), NULL);
  return self->preview_list;
}

GtkListBox *
rapport_import_dialog_get_invalid_list (RapportImportDialog *self)
{
  g_return_val_if_fail (RAPPORT_IS_IMPORT_DIALOG (self), NULL);
  return self->invalid_list;
}

AdwComboRow *
rapport_import_dialog_get_duplicate_row (RapportImportDialog *self)
{
  g_return_val_if_fail (RAPPORT_IS_IMPORT_DIALOG (self), NULL);
  return self->duplicate_row;
}

GtkSwitch *
rapport_import_dialog_get_follow_up_switch (RapportImportDialog *self)
{
  g_return_val_if_fail (RAPPORT_IS_IMPORT_DIALOG (self), NULL);
  return self->follow_up_switch;
}

AdwComboRow *
rapport_import_dialog_get_column_row (RapportImportDialog *self,
                                     guint                column)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (RAPPORT_IS_IMPORT_DIALOG (self), NULL);

  row = gtk_list_box_get_row_at_index (self->columns_list, (int) column);
  return row != NULL ? ADW_COMBO_ROW (row) : NULL;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-window"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-error.h"
#include "rapport-export.h"
#include "rapport-import-dialog.h"
#include "rapport-menu-button.h"
#include "rapport-summary-view.h"
#include "rapport-today-view.h"
#include "rapport-window.h"

#include "rapport-customers-view.h"
#include "rapport-preferences-window.h"

struct _RapportWindow
{
  AdwApplicationWindow  parent_instance;

  RapportStore         *store;
  AdwToast             *last_toast;
  AdwToast             *read_only_toast;
  /* The last toast that offers Undo, while it is shown (Ctrl+Z). */
  AdwToast             *undo_toast;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  guint                 bar_source;
  GtkStack             *main_stack;
  AdwViewStack         *view_stack;
  RapportTodayView     *today_view;
  AdwBin               *customers_bin;
  AdwBin               *summary_bin;
  /* Retries the summaries queued for the webhook from the start, whether or
   * not the Summary view is ever shown. */
  RapportWebhook       *webhook;
  AdwStatusPage        *error_page;
  GtkMenuButton        *primary_menu_button;
  GMenuModel           *primary_menu;
  GtkFileChooserNative *file_chooser;
};

G_DEFINE_FINAL_TYPE (RapportWindow, rapport_window, ADW_TYPE_APPLICATION_WINDOW)

/* How often the webhook outbox is tried again (each message keeps its own
 * backoff). */
#define WEBHOOK_RETRY_SECONDS 60

static RapportCustomersView *ensure_customers_view (RapportWindow *self);
static RapportSummaryView *ensure_summary_view (RapportWindow *self);

static void restore_state (RapportWindow *self);

static GSettings *
get_settings (RapportWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!RAPPORT_IS_APPLICATION (app))
    return NULL;
  return rapport_application_get_settings (RAPPORT_APPLICATION (app));
}

RapportWindow *
rapport_window_new (RapportApplication *application)
{
  RapportWindow *self = g_object_new (RAPPORT_TYPE_WINDOW, "application", application, NULL);

  restore_state (self);
  return self;
}

RapportStore *
rapport_window_get_store (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), NULL);
  return self->store;
}

RapportTodayView *
rapport_window_get_today_view (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), NULL);
  return self->today_view;
}

RapportSummaryView *
rapport_window_get_summary_view (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), NULL);
  return ensure_summary_view (self);
}

GtkWidget *
rapport_window_get_customers_view (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), NULL);
  return (GtkWidget *) ensure_customers_view (self);
}

const char *
rapport_window_get_page (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->main_stack);
}

const char *
rapport_window_get_error_text (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), NULL);
  return adw_status_page_get_description (self->error_page);
}

AdwToast *
rapport_window_get_last_toast (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), NULL);
  return self->last_toast;
}

static void
undo_toast_dismissed_cb (RapportWindow *self,
                         AdwToast      *toast)
{
  if (self->undo_toast == toast)
    g_clear_object (&self->undo_toast);
}

void
rapport_window_add_toast (RapportWindow *self,
                          AdwToast      *toast)
{
  g_return_if_fail (RAPPORT_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  g_set_object (&self->last_toast, toast);
  if (adw_toast_get_button_label (toast) != NULL)
    {
      /* One undo at a time, the newest: a toast it pushed back would come
       * again later and offer to undo something long done. */
      if (self->undo_toast != NULL)
        adw_toast_dismiss (self->undo_toast);
      g_set_object (&self->undo_toast, toast);
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, g_object_ref (toast));
}

gboolean
rapport_window_undo (RapportWindow *self)
{
  g_autoptr(AdwToast) toast = NULL;

  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), FALSE);

  if (self->undo_toast == NULL)
    return FALSE;
  /* Once only: the toast goes away with its button. */
  toast = g_steal_pointer (&self->undo_toast);
  g_signal_emit_by_name (toast, "button-clicked");
  adw_toast_dismiss (toast);
  return TRUE;
}

void
rapport_window_show_error_toast (RapportWindow *self,
                                 const char    *message)
{
  g_autoptr(AdwToast) toast = NULL;

  g_return_if_fail (RAPPORT_IS_WINDOW (self));

  toast = adw_toast_new (message);
  /* An error stays until it is read and dismissed. */
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  rapport_window_add_toast (self, toast);
}

static void
view_toast_cb (RapportWindow *self,
                    const char    *message)
{
  g_autoptr(AdwToast) toast = adw_toast_new (message);

  rapport_window_add_toast (self, toast);
}

/* The Summary view computes its week when shown; its widgets wait too. */
static RapportSummaryView *
ensure_summary_view (RapportWindow *self)
{
  GtkWidget *view = adw_bin_get_child (self->summary_bin);

  if (view == NULL)
    {
      view = rapport_summary_view_new ();
      rapport_summary_view_set_store (RAPPORT_SUMMARY_VIEW (view), self->store);
      rapport_summary_view_set_webhook (RAPPORT_SUMMARY_VIEW (view), self->webhook);
      g_signal_connect_object (view, "show-customer",
                               G_CALLBACK (rapport_window_show_customer), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (view, "toast", G_CALLBACK (view_toast_cb), self, G_CONNECT_SWAPPED);
      adw_bin_set_child (self->summary_bin, view);
    }
  return RAPPORT_SUMMARY_VIEW (view);
}

/* The Customers view reads the id of every customer (100 000 of them in a big
 * business): it is built when it is first shown, not before the Today view's
 * first frame. */
static RapportCustomersView *
ensure_customers_view (RapportWindow *self)
{
  GtkWidget *view = adw_bin_get_child (self->customers_bin);

  if (view == NULL && self->store != NULL)
    {
      view = rapport_customers_view_new (self->store);
      g_signal_connect_object (view, "toast", G_CALLBACK (view_toast_cb), self, G_CONNECT_SWAPPED);
      adw_bin_set_child (self->customers_bin, view);
    }
  return view != NULL ? RAPPORT_CUSTOMERS_VIEW (view) : NULL;
}

static void
set_views_sensitive (RapportWindow *self,
                     gboolean       has_store)
{
  gtk_stack_set_visible_child_name (self->main_stack, has_store ? "views" : "error");
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_title), has_store);
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-customer", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-day", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-day", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.go-today", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-agenda", has_store);
}

void
rapport_window_set_store (RapportWindow *self,
                          RapportStore  *store)
{
  g_return_if_fail (RAPPORT_IS_WINDOW (self));
  g_return_if_fail (store == NULL || RAPPORT_IS_STORE (store));

  if (self->read_only_toast != NULL)
    {
      adw_toast_dismiss (self->read_only_toast);
      g_clear_object (&self->read_only_toast);
    }

  if (!g_set_object (&self->store, store))
    {
      set_views_sensitive (self, store != NULL);
      return;
    }

  /* An undo belongs to the database it was offered for (and its toast holds
   * that store, which a restore needs closed). */
  if (self->undo_toast != NULL)
    {
      g_autoptr(AdwToast) toast = g_steal_pointer (&self->undo_toast);

      if (self->last_toast == toast)
        g_clear_object (&self->last_toast);
      adw_toast_dismiss (toast);
    }

  rapport_today_view_set_store (self->today_view, store);
  if (self->webhook != NULL)
    {
      rapport_webhook_stop_retrying (self->webhook);
      g_clear_object (&self->webhook);
    }
  if (store != NULL)
    {
      self->webhook = rapport_webhook_new (store);
      if (!rapport_store_is_read_only (store))
        rapport_webhook_start_retrying (self->webhook, WEBHOOK_RETRY_SECONDS);
    }
  if (adw_bin_get_child (self->summary_bin) != NULL)
    {
      RapportSummaryView *summary = RAPPORT_SUMMARY_VIEW (adw_bin_get_child (self->summary_bin));

      rapport_summary_view_set_store (summary, store);
      rapport_summary_view_set_webhook (summary, self->webhook);
    }

  /* The customers view takes its store at construction: a new database gets
   * a new view, made when it is first shown. */
  adw_bin_set_child (self->customers_bin, NULL);
  if (g_strcmp0 (rapport_window_get_view (self), "customers") == 0)
    ensure_customers_view (self);

  set_views_sensitive (self, store != NULL);

  if (store != NULL && rapport_store_is_read_only (store))
    {
      self->read_only_toast = adw_toast_new (_("This database is read-only: changes cannot be saved"));
      adw_toast_set_timeout (self->read_only_toast, 0);
      rapport_window_add_toast (self, self->read_only_toast);
    }
}

void
rapport_window_show_open_error (RapportWindow *self,
                                const char    *path,
                                const GError  *error)
{
  g_autofree char *description = NULL;
  g_autofree char *markup_path = NULL;
  g_autofree char *markup_message = NULL;

  g_return_if_fail (RAPPORT_IS_WINDOW (self));

  rapport_window_set_store (self, NULL);
  markup_path = g_markup_escape_text (path ? path : "", -1);
  markup_message = g_markup_escape_text (error ? error->message : _("Unknown error"), -1);
  /* The core's messages usually name the file already. */
  if (path != NULL && error != NULL && strstr (error->message, path) != NULL)
    description = g_strdup (markup_message);
  else
    /* Translators: %s is the file name, then the reason. */
    description = g_strdup_printf (_("Rapport could not open <b>%s</b>: %s"),
                                   markup_path, markup_message);
  /* Set only now: a large icon is drawn from SVG, which loads librsvg. */
  adw_status_page_set_icon_name (self->error_page, "dialog-error-symbolic");
  adw_status_page_set_description (self->error_page, description);
  set_views_sensitive (self, FALSE);
}

void
rapport_window_set_view (RapportWindow *self,
                         const char    *name)
{
  g_return_if_fail (RAPPORT_IS_WINDOW (self));

  if (adw_view_stack_get_child_by_name (self->view_stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, name);
}

const char *
rapport_window_get_view (RapportWindow *self)
{
  g_return_val_if_fail (RAPPORT_IS_WINDOW (self), NULL);
  return adw_view_stack_get_visible_child_name (self->view_stack);
}

void
rapport_window_show_today (RapportWindow *self)
{
  GDate today;

  g_return_if_fail (RAPPORT_IS_WINDOW (self));

  rapport_window_set_view (self, "today");
  if (self->store != NULL)
    {
      rapport_store_get_today (self->store, &today);
      rapport_today_view_set_day (self->today_view, &today);
    }
}

void
rapport_window_show_customer (RapportWindow *self,
                              const char    *customer_id)
{
  g_return_if_fail (RAPPORT_IS_WINDOW (self));

  rapport_window_set_view (self, "customers");
  {
    RapportCustomersView *view = ensure_customers_view (self);

    if (view != NULL)
      rapport_customers_view_show_customer (view, customer_id);
  }
}

void
rapport_window_show_preferences (RapportWindow *self)
{
  g_return_if_fail (RAPPORT_IS_WINDOW (self));

  if (self->store != NULL)
    {
      GtkWidget *preferences = GTK_WIDGET (rapport_preferences_window_new (GTK_WINDOW (self), self->store));

      gtk_window_present (GTK_WINDOW (preferences));
      return;
    }
  rapport_window_show_error_toast (self, _("Preferences are not available until a database is open"));
}

/* Callbacks ------------------------------------------------------------------ */

static void
view_changed_cb (RapportWindow *self)
{
  GSettings *settings = get_settings (self);
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (g_strcmp0 (name, "customers") == 0)
    ensure_customers_view (self);
  else if (g_strcmp0 (name, "summary") == 0)
    ensure_summary_view (self);
  if (settings != NULL && name != NULL)
    g_settings_set_string (settings, "last-view", name);
}

static void
file_chooser_response_cb (RapportWindow        *self,
                          int                   response,
                          GtkFileChooserNative *chooser)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (response == GTK_RESPONSE_ACCEPT && RAPPORT_IS_APPLICATION (app))
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = g_file_get_path (file);

      /* On failure the window shows the new reason itself. */
      if (path != NULL)
        rapport_application_open_database (RAPPORT_APPLICATION (app), path, NULL);
    }
  g_clear_object (&self->file_chooser);
}

/* Actions -------------------------------------------------------------------- */

static void
choose_database_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->file_chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->file_chooser));
      return;
    }
  self->file_chooser = gtk_file_chooser_native_new (_("Choose a Customer Database"),
                                                    GTK_WINDOW (self),
                                                    GTK_FILE_CHOOSER_ACTION_OPEN,
                                                    _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Rapport databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->file_chooser), filter);
  g_signal_connect_object (self->file_chooser, "response",
                           G_CALLBACK (file_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->file_chooser));
}

/* The shortcuts window is built when first asked for, not with every window
 * as GtkApplication does with gtk/help-overlay.ui; GTK's own action shows it. */
static void
show_shortcuts_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  GtkApplicationWindow *window = GTK_APPLICATION_WINDOW (widget);

  if (gtk_application_window_get_help_overlay (window) == NULL)
    {
      g_autoptr(GtkBuilder) builder =
        gtk_builder_new_from_resource ("/io/github/rapportapp/Rapport/rapport-shortcuts-window.ui");

      gtk_application_window_set_help_overlay (window,
                                               GTK_SHORTCUTS_WINDOW (gtk_builder_get_object (builder,
                                                                                             "help_overlay")));
    }
  gtk_widget_activate_action (widget, "win.show-help-overlay", NULL);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  rapport_window_set_view (self, "customers");
  {
    RapportCustomersView *view = ensure_customers_view (self);

    if (view != NULL)
      rapport_customers_view_focus_search (view);
  }
}

static void
new_customer_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  rapport_window_set_view (self, "customers");
  {
    RapportCustomersView *view = ensure_customers_view (self);

    if (view != NULL)
      rapport_customers_view_new_customer (view);
  }
}

static void
day_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  /* Alt+Left is also GNOME's Back: on a customer's page it goes back to
   * the list, as its back button says, not to the day before. */
  if (g_str_equal (action_name, "win.previous-day") &&
      g_strcmp0 (rapport_window_get_view (self), "customers") == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (ensure_customers_view (self)), "customers.back", NULL);
      return;
    }
  rapport_window_set_view (self, "today");
  if (g_str_equal (action_name, "win.previous-day"))
    rapport_today_view_step_day (self->today_view, -1);
  else if (g_str_equal (action_name, "win.next-day"))
    rapport_today_view_step_day (self->today_view, 1);
  else
    rapport_window_show_today (self);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);

  if (self->store != NULL)
    rapport_import_dialog_choose_file (GTK_WINDOW (self), self->store);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);
  RapportExportTable table;

  if (self->store != NULL &&
      rapport_export_table_from_key (g_variant_get_string (parameter, NULL), &table))
    rapport_export_ask_csv (GTK_WINDOW (self), self->store, table);
}

/* The agenda from the day the Today view shows. */
static void
export_agenda_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  RapportWindow *self = RAPPORT_WINDOW (widget);
  GDate day;

  if (self->store == NULL)
    return;
  rapport_today_view_get_day (self->today_view, &day);
  if (!g_date_valid (&day))
    rapport_store_get_today (self->store, &day);
  rapport_export_ask_agenda (GTK_WINDOW (self), self->store, &day);
}

/* A spreadsheet or contacts file dropped on the window starts an import. */
static gboolean
drop_cb (RapportWindow *self,
         const GValue  *value,
         double         x,
         double         y)
{
  GFile *file = NULL;

  if (self->store == NULL)
    return FALSE;
  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));

      file = files != NULL ? files->data : NULL;
      g_slist_free (files);
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);
  if (file == NULL)
    return FALSE;
  if (!rapport_import_dialog_accepts_file (file))
    {
      rapport_window_show_error_toast (self, _("Only spreadsheets (.csv) and contacts (.vcf) can be imported"));
      return FALSE;
    }
  rapport_import_dialog_open (GTK_WINDOW (self), self->store, file);
  return TRUE;
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  rapport_window_set_view (RAPPORT_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* GtkWindow ------------------------------------------------------------------ */

static gboolean
rapport_window_close_request (GtkWindow *window)
{
  RapportWindow *self = RAPPORT_WINDOW (window);
  GSettings *settings = get_settings (self);

  if (settings != NULL)
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (settings);
      /* The restored size is the unmaximized one. */
      if (!gtk_window_is_maximized (window))
        {
          g_settings_set_int (settings, "window-width", width);
          g_settings_set_int (settings, "window-height", height);
        }
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
      g_settings_apply (settings);
    }
  return GTK_WINDOW_CLASS (rapport_window_parent_class)->close_request (window);
}

/* The application (and so the settings) is set after construction. */
static void
restore_state (RapportWindow *self)
{
  GSettings *settings = get_settings (self);
  g_autofree char *view = NULL;

  if (settings == NULL)
    return;
  view = g_settings_get_string (settings, "last-view");
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  rapport_window_set_view (self, view);
}

static void
rapport_window_constructed (GObject *object)
{
  RapportWindow *self = RAPPORT_WINDOW (object);

  G_OBJECT_CLASS (rapport_window_parent_class)->constructed (object);
  set_views_sensitive (self, self->store != NULL);
}

static void
rapport_window_dispose (GObject *object)
{
  RapportWindow *self = RAPPORT_WINDOW (object);

  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->file_chooser));
  g_clear_object (&self->file_chooser);
  g_clear_object (&self->last_toast);
  g_clear_object (&self->read_only_toast);
  g_clear_object (&self->undo_toast);
  g_clear_handle_id (&self->bar_source, g_source_remove);
  if (self->webhook != NULL)
    rapport_webhook_stop_retrying (self->webhook);
  g_clear_object (&self->webhook);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (rapport_window_parent_class)->dispose (object);
}

static void
rapport_window_class_init (RapportWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = rapport_window_constructed;
  object_class->dispose = rapport_window_dispose;
  window_class->close_request = rapport_window_close_request;

  g_type_ensure (RAPPORT_TYPE_TODAY_VIEW);
  g_type_ensure (RAPPORT_TYPE_SUMMARY_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportapp/Rapport/rapport-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, today_view);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, customers_bin);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, summary_bin);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, RapportWindow, primary_menu);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.choose-database", NULL, choose_database_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-shortcuts", NULL, show_shortcuts_action);
  gtk_widget_class_install_action (widget_class, "win.new-customer", NULL, new_customer_action);
  gtk_widget_class_install_action (widget_class, "win.previous-day", NULL, day_action);
  gtk_widget_class_install_action (widget_class, "win.next-day", NULL, day_action);
  gtk_widget_class_install_action (widget_class, "win.go-today", NULL, day_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "win.export-agenda", NULL, export_agenda_action);
}

/* The bottom view switcher only shows in a narrow window, where the header
 * bar has no room for the top one; its buttons are made the first time,
 * after the allocation that found the window narrow. */
static gboolean
give_bar_its_stack_cb (gpointer user_data)
{
  RapportWindow *self = user_data;

  self->bar_source = 0;
  adw_view_switcher_bar_set_stack (self->switcher_bar, self->view_stack);
  return G_SOURCE_REMOVE;
}

static void
title_visible_cb (RapportWindow *self)
{
  if (adw_view_switcher_title_get_title_visible (self->switcher_title) &&
      adw_view_switcher_bar_get_stack (self->switcher_bar) == NULL && self->bar_source == 0)
    /* Before the next frame is drawn (default idles wait for a quiet main
     * loop, which an animation or a resize keeps busy), but not inside the
     * allocation that told us. */
    self->bar_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, give_bar_its_stack_cb, self, NULL);
}

static void
rapport_window_init (RapportWindow *self)
{
  GtkDropTarget *drop_target;
  GType drop_types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  gtk_widget_init_template (GTK_WIDGET (self));
  rapport_menu_button_set_menu_model_lazily (self->primary_menu_button, self->primary_menu);
  g_signal_connect_object (self->switcher_title, "notify::title-visible",
                           G_CALLBACK (title_visible_cb), self, G_CONNECT_SWAPPED);
  title_visible_cb (self);
  drop_target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (drop_target, drop_types, G_N_ELEMENTS (drop_types));
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));
}

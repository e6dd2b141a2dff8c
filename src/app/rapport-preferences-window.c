/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-preferences-window"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "rapport-application.h"
#include "rapport-preferences-window-private.h"

G_DEFINE_FINAL_TYPE (RapportPreferencesWindow, rapport_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

void
_rapport_preferences_window_toast (RapportPreferencesWindow *self,
                                   const char               *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

/* Rules ------------------------------------------------------------------- */

static void
load_rules (RapportPreferencesWindow *self)
{
  RapportRules rules;

  rapport_store_get_rules (self->store, &rules);
  self->loading = TRUE;
  for (guint i = 0; i < 7; i++)
    gtk_toggle_button_set_active (self->weekday_buttons[i],
                                  (rules.business_days & (1u << (G_DATE_MONDAY + i))) != 0);
  gtk_spin_button_set_value (self->new_days_spin, rules.new_days);
  gtk_spin_button_set_value (self->irate_days_spin, rules.irate_days);
  gtk_spin_button_set_value (self->corrected_days_spin, rules.corrected_days);
  gtk_spin_button_set_value (self->retry_days_spin, rules.retry_days);
  gtk_spin_button_set_value (self->max_attempts_spin, rules.max_attempts);
  gtk_spin_button_set_value (self->cadence_spin, rules.default_cadence);
  self->loading = FALSE;
}

static void
rules_changed_cb (RapportPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  RapportRules rules;

  if (self->loading || self->store == NULL)
    return;

  rapport_store_get_rules (self->store, &rules);
  rules.business_days = 0;
  for (guint i = 0; i < 7; i++)
    if (gtk_toggle_button_get_active (self->weekday_buttons[i]))
      rules.business_days |= 1u << (G_DATE_MONDAY + i);
  rules.new_days = (guint) gtk_spin_button_get_value_as_int (self->new_days_spin);
  rules.irate_days = (guint) gtk_spin_button_get_value_as_int (self->irate_days_spin);
  rules.corrected_days = (guint) gtk_spin_button_get_value_as_int (self->corrected_days_spin);
  rules.retry_days = (guint) gtk_spin_button_get_value_as_int (self->retry_days_spin);
  rules.max_attempts = (guint) gtk_spin_button_get_value_as_int (self->max_attempts_spin);
  rules.default_cadence = (guint) gtk_spin_button_get_value_as_int (self->cadence_spin);

  if (!rapport_store_set_rules (self->store, &rules, &error))
    {
      _rapport_preferences_window_toast (self, error->message);
      /* Back to what is stored, so the window never shows a rule that is not in force. */
      load_rules (self);
    }
}

/* The pressed look alone is faint: business days get the accent colour. */
static void
weekday_toggled_cb (GtkToggleButton *button)
{
  if (gtk_toggle_button_get_active (button))
    gtk_widget_add_css_class (GTK_WIDGET (button), "suggested-action");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (button), "suggested-action");
}

static void
build_weekdays (RapportPreferencesWindow *self)
{
  GDate day;

  /* 2024-01-01 was a Monday: the buttons get the locale's weekday names. */
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, 1, G_DATE_JANUARY, 2024);
  for (guint i = 0; i < 7; i++, g_date_add_days (&day, 1))
    {
      char abbreviated[64], full[64];
      GtkWidget *button;

      g_date_strftime (abbreviated, sizeof abbreviated, "%a", &day);
      g_date_strftime (full, sizeof full, "%A", &day);
      button = gtk_toggle_button_new_with_label (abbreviated);
      gtk_widget_set_tooltip_text (button, full);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, full, -1);
      g_signal_connect (button, "toggled", G_CALLBACK (weekday_toggled_cb), NULL);
      g_signal_connect_swapped (button, "toggled", G_CALLBACK (rules_changed_cb), self);
      gtk_box_append (self->weekdays_box, button);
      self->weekday_buttons[i] = GTK_TOGGLE_BUTTON (button);
    }
}

/* The person's settings ----------------------------------------------------- */

static void
staff_apply_cb (RapportPreferencesWindow *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->staff_row))));

  if (self->loading || self->settings == NULL)
    return;
  g_settings_set_string (self->settings, "staff-name", name);
  /* Also here, in case the application is not the one listening (tests). */
  if (*name != '\0')
    rapport_store_set_staff (self->store, name);
}

static gboolean
two_digits_output_cb (GtkSpinButton *spin,
                      gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  if (g_strcmp0 (text, gtk_editable_get_text (GTK_EDITABLE (spin))) != 0)
    gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

static void
reminder_time_changed_cb (RapportPreferencesWindow *self)
{
  g_autofree char *time = NULL;

  if (self->loading || self->settings == NULL)
    return;
  time = g_strdup_printf ("%02d:%02d", gtk_spin_button_get_value_as_int (self->hour_spin),
                          gtk_spin_button_get_value_as_int (self->minute_spin));
  g_settings_set_string (self->settings, "reminder-time", time);
}

static void
background_changed_cb (RapportPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  GApplication *app = g_application_get_default ();
  gboolean enabled = gtk_switch_get_active (self->background_switch);

  if (self->loading)
    return;
  if (RAPPORT_IS_APPLICATION (app))
    {
      if (!rapport_application_set_run_in_background (RAPPORT_APPLICATION (app), enabled, &error))
        {
          /* Translators: %s says why */
          g_autofree char *message = g_strdup_printf (_("Rapport could not change how it starts: %s"),
                                                      error->message);
          _rapport_preferences_window_toast (self, message);
          self->loading = TRUE;
          gtk_switch_set_active (self->background_switch, !enabled);
          self->loading = FALSE;
        }
    }
  else if (self->settings != NULL)
    g_settings_set_boolean (self->settings, "run-in-background", enabled);
}

static GSettings *
find_settings (void)
{
  GApplication *app = g_application_get_default ();
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (RAPPORT_IS_APPLICATION (app) && rapport_application_get_settings (RAPPORT_APPLICATION (app)))
    return g_object_ref (rapport_application_get_settings (RAPPORT_APPLICATION (app)));
  /* Without the schema installed GSettings would abort: the rows are then disabled. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  return schema != NULL ? g_settings_new (APP_ID) : NULL;
}

static void
load_settings (RapportPreferencesWindow *self)
{
  g_autofree char *staff = NULL;
  g_autofree char *time = NULL;
  guint hour = 9, minute = 0;

  if (self->settings == NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->staff_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->remind_switch), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->background_switch), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->reminder_time_row), FALSE);
      return;
    }

  self->loading = TRUE;
  staff = g_settings_get_string (self->settings, "staff-name");
  gtk_editable_set_text (GTK_EDITABLE (self->staff_row), staff);
  /* The field shows who calls are logged as, even before a name is set. */
  gtk_editable_set_text (GTK_EDITABLE (self->staff_row),
                         *staff ? staff : rapport_store_get_staff (self->store));

  time = g_settings_get_string (self->settings, "reminder-time");
  if (sscanf (time, "%u:%u", &hour, &minute) != 2 || hour > 23 || minute > 59)
    hour = 9, minute = 0;
  gtk_spin_button_set_value (self->hour_spin, hour);
  gtk_spin_button_set_value (self->minute_spin, minute);
  gtk_switch_set_active (self->background_switch,
                         g_settings_get_boolean (self->settings, "run-in-background"));
  self->loading = FALSE;

  g_settings_bind (self->settings, "remind-today", self->remind_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

/* The database shown ------------------------------------------------------- */

void
_rapport_preferences_window_set_store (RapportPreferencesWindow *self,
                                       RapportStore             *store)
{
  g_clear_object (&self->webhook);
  g_set_object (&self->store, store);
  if (store == NULL)
    return;
  self->webhook = rapport_webhook_new (store);
  load_rules (self);
  _rapport_preferences_window_load_data (self);
}

/* GObject ------------------------------------------------------------------- */

static gboolean
rapport_preferences_window_close_request (GtkWindow *window)
{
  /* An address typed but not applied yet is kept all the same. */
  _rapport_preferences_window_save_webhook (RAPPORT_PREFERENCES_WINDOW (window));
  return GTK_WINDOW_CLASS (rapport_preferences_window_parent_class)->close_request (window);
}

static void
rapport_preferences_window_dispose (GObject *object)
{
  RapportPreferencesWindow *self = (RapportPreferencesWindow *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->restore_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->restore_chooser));
  g_clear_object (&self->restore_chooser);
  g_clear_object (&self->webhook);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rapport_preferences_window_parent_class)->dispose (object);
}

static void
rapport_preferences_window_class_init (RapportPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_preferences_window_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = rapport_preferences_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rapportapp/Rapport/rapport-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, weekdays_box);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, new_days_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, irate_days_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, corrected_days_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, retry_days_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, max_attempts_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, cadence_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, staff_row);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, remind_switch);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, reminder_time_row);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, hour_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, minute_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, background_switch);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, webhook_url_row);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, webhook_token_row);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, webhook_status_row);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, webhook_forget_button);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, backups_group);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, last_backup_row);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, backup_spinner);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, backup_now_button);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, restore_row);
  gtk_widget_class_bind_template_child (widget_class, RapportPreferencesWindow, restore_button);
  gtk_widget_class_bind_template_callback (widget_class, two_digits_output_cb);
}

static void
rapport_preferences_window_init (RapportPreferencesWindow *self)
{
  GtkSpinButton *rule_spins[6];

  gtk_widget_init_template (GTK_WIDGET (self));
  build_weekdays (self);

  rule_spins[0] = self->new_days_spin;
  rule_spins[1] = self->irate_days_spin;
  rule_spins[2] = self->corrected_days_spin;
  rule_spins[3] = self->retry_days_spin;
  rule_spins[4] = self->max_attempts_spin;
  rule_spins[5] = self->cadence_spin;
  for (guint i = 0; i < G_N_ELEMENTS (rule_spins); i++)
    g_signal_connect_swapped (rule_spins[i], "value-changed", G_CALLBACK (rules_changed_cb), self);

  g_signal_connect_swapped (self->staff_row, "apply", G_CALLBACK (staff_apply_cb), self);
  g_signal_connect_swapped (self->hour_spin, "value-changed", G_CALLBACK (reminder_time_changed_cb), self);
  g_signal_connect_swapped (self->minute_spin, "value-changed", G_CALLBACK (reminder_time_changed_cb), self);
  g_signal_connect_swapped (self->background_switch, "notify::active",
                            G_CALLBACK (background_changed_cb), self);

  _rapport_preferences_window_init_data (self);
}

GtkWidget *
rapport_preferences_window_new (GtkWindow    *parent,
                                RapportStore *store)
{
  RapportPreferencesWindow *self;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  self = g_object_new (RAPPORT_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  self->settings = find_settings ();
  _rapport_preferences_window_set_store (self, store);
  load_settings (self);
  return GTK_WIDGET (self);
}

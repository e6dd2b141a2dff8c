/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-test-preferences"

#include "config.h"

#include "rapport-preferences-window.h"
#include "ui-test-util.h"

/* The preferences window saves each change at once: rules in the database,
 * the person's own settings in GSettings. */

static gpointer
child (GtkWidget  *window,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (window, RAPPORT_TYPE_PREFERENCES_WINDOW, name);

  g_assert_nonnull (object);
  return object;
}

static GtkToggleButton *
weekday_button (GtkWidget *window,
                guint      index)
{
  GtkWidget *button = gtk_widget_get_first_child (child (window, "weekdays_box"));

  for (guint i = 0; i < index && button != NULL; i++)
    button = gtk_widget_get_next_sibling (button);
  g_assert_true (GTK_IS_TOGGLE_BUTTON (button));
  return GTK_TOGGLE_BUTTON (button);
}

static GtkWidget *
open_preferences (UiFixture *f)
{
  GtkWidget *window = rapport_preferences_window_new (GTK_WINDOW (f->window), f->store);

  gtk_window_present (GTK_WINDOW (window));
  ui_flush ();
  return window;
}

static void
test_saves_the_rules_in_the_database (void)
{
  UiFixture f = { 0 };
  GtkWidget *window;
  RapportRules rules;

  ui_fixture_open (&f, NULL, NULL);
  window = open_preferences (&f);

  /* Shows what is stored: Monday to Friday, the default days. */
  g_assert_true (gtk_toggle_button_get_active (weekday_button (window, 0)));
  g_assert_false (gtk_toggle_button_get_active (weekday_button (window, 5)));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (window, "irate_days_spin")), ==, 1);

  gtk_spin_button_set_value (child (window, "irate_days_spin"), 2);
  gtk_spin_button_set_value (child (window, "cadence_spin"), 30);
  gtk_toggle_button_set_active (weekday_button (window, 5), TRUE);
  ui_flush ();

  rapport_store_get_rules (f.store, &rules);
  g_assert_cmpuint (rules.irate_days, ==, 2);
  g_assert_cmpuint (rules.default_cadence, ==, 30);
  g_assert_cmpuint (rules.business_days, ==, RAPPORT_WEEKDAYS_MON_FRI | (1 << G_DATE_SATURDAY));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_fixture_close (&f);
}

static void
test_refuses_a_week_without_business_days (void)
{
  UiFixture f = { 0 };
  GtkWidget *window;
  RapportRules rules;

  ui_fixture_open (&f, NULL, NULL);
  window = open_preferences (&f);

  for (guint i = 0; i < 7; i++)
    gtk_toggle_button_set_active (weekday_button (window, i), FALSE);
  ui_flush ();

  /* The last day cannot go: the store refuses and the window shows the rule in force. */
  rapport_store_get_rules (f.store, &rules);
  g_assert_cmpuint (rules.business_days, ==, 1 << G_DATE_FRIDAY);
  g_assert_true (gtk_toggle_button_get_active (weekday_button (window, 4)));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_fixture_close (&f);
}

static void
test_stores_the_staff_name_and_reminder_time (void)
{
  UiFixture f = { 0 };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *time = NULL;
  g_autofree char *staff = NULL;
  GtkWidget *window;

  ui_fixture_open (&f, NULL, NULL);
  window = open_preferences (&f);

  gtk_editable_set_text (child (window, "staff_row"), "  Marie Dubois ");
  g_signal_emit_by_name (child (window, "staff_row"), "apply");
  gtk_spin_button_set_value (child (window, "hour_spin"), 8);
  gtk_spin_button_set_value (child (window, "minute_spin"), 5);
  gtk_switch_set_active (child (window, "remind_switch"), FALSE);
  ui_flush ();

  staff = g_settings_get_string (settings, "staff-name");
  g_assert_cmpstr (staff, ==, "Marie Dubois");
  g_assert_cmpstr (rapport_store_get_staff (f.store), ==, "Marie Dubois");
  time = g_settings_get_string (settings, "reminder-time");
  g_assert_cmpstr (time, ==, "08:05");
  g_assert_false (g_settings_get_boolean (settings, "remind-today"));
  g_assert_false (gtk_widget_is_sensitive (child (window, "reminder_time_row")));

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "staff-name");
  g_settings_reset (settings, "reminder-time");
  g_settings_reset (settings, "remind-today");
  ui_fixture_close (&f);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/preferences/saves-the-rules-in-the-database",
                   test_saves_the_rules_in_the_database);
  g_test_add_func ("/ui/preferences/refuses-a-week-without-business-days",
                   test_refuses_a_week_without_business_days);
  g_test_add_func ("/ui/preferences/stores-the-staff-name-and-reminder-time",
                   test_stores_the_staff_name_and_reminder_time);

  return ui_test_run ();
}

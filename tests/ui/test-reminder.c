/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-test-reminder"

#include "config.h"

#include <glib/gstdio.h>

#include "rapport-reminder.h"
#include "ui-test-util.h"

/* Today is Monday 2025-03-03: Grace is 10 days late, Ada's new-customer call
 * 4 days late (her irate call is due today), Ken is due today; Alan is due
 * tomorrow and does not count. */
static void
seed (RapportStore *store)
{
  g_autofree char *grace = ui_add_customer (store, "Grace Hopper", NULL, "555-0101", "2025-01-10", FALSE);
  g_autofree char *ada = ui_add_customer (store, "Ada Lovelace", NULL, "555-0102", "2025-02-25", TRUE);
  g_autofree char *ken = ui_add_customer (store, "Ken Thompson", NULL, "555-0199", "2024-06-01", FALSE);
  g_autofree char *alan = ui_add_customer (store, "Alan Turing", NULL, "555-0103", "2025-02-28", TRUE);

  ui_flag (store, grace, RAPPORT_SITUATION_IRATE, NULL, "2025-02-20");
  ui_flag (store, ada, RAPPORT_SITUATION_IRATE, NULL, "2025-02-28");
  ui_flag (store, ken, RAPPORT_SITUATION_IRATE, NULL, "2025-02-28");
}

static void
test_text_counts_today_and_overdue (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rapport-reminder-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autoptr(RapportStore) store = rapport_store_open (path, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *tomorrow_text = NULL;
  GDate today = ui_day ("2025-03-03");
  GDate tomorrow = ui_day ("2025-03-04");
  guint n_calls = 0, n_overdue = 0;

  g_assert_nonnull (store);
  rapport_store_set_today (store, &today);
  seed (store);

  g_assert_true (rapport_reminder_count (store, NULL, &n_calls, &n_overdue, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_calls, ==, 3);
  g_assert_cmpuint (n_overdue, ==, 2);
  text = rapport_reminder_text (store, NULL, &error);
  g_assert_cmpstr (text, ==, "3 follow-up calls today — 2 overdue");

  /* Tomorrow Alan joins, Ada and Ken become late too. */
  tomorrow_text = rapport_reminder_text (store, &tomorrow, &error);
  g_assert_cmpstr (tomorrow_text, ==, "4 follow-up calls today — 3 overdue");

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_text_is_plural_correct_and_silent_when_nothing (void)
{
  g_autofree char *none = rapport_reminder_format (0, 0);
  g_autofree char *one = rapport_reminder_format (1, 0);
  g_autofree char *one_late = rapport_reminder_format (1, 1);
  g_autofree char *seven = rapport_reminder_format (7, 2);

  g_assert_null (none);
  g_assert_cmpstr (one, ==, "1 follow-up call today");
  g_assert_cmpstr (one_late, ==, "1 follow-up call today — 1 overdue");
  g_assert_cmpstr (seven, ==, "7 follow-up calls today — 2 overdue");
}

static char *
format_time (GDateTime *dt)
{
  return dt != NULL ? g_date_time_format (dt, "%Y-%m-%d %H:%M") : NULL;
}

static void
test_next_occurrence_is_on_a_business_day (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  /* Friday 7 March 2025. */
  g_autoptr(GDateTime) friday_morning = g_date_time_new (utc, 2025, 3, 7, 8, 30, 0);
  g_autoptr(GDateTime) friday_noon = g_date_time_new (utc, 2025, 3, 7, 12, 0, 0);
  g_autoptr(GDateTime) at_nine = g_date_time_new (utc, 2025, 3, 7, 9, 0, 0);
  g_autoptr(GDateTime) a = rapport_reminder_next_occurrence (friday_morning, 9, 0, RAPPORT_WEEKDAYS_MON_FRI);
  g_autoptr(GDateTime) b = rapport_reminder_next_occurrence (friday_noon, 9, 0, RAPPORT_WEEKDAYS_MON_FRI);
  g_autoptr(GDateTime) c = rapport_reminder_next_occurrence (at_nine, 9, 0, RAPPORT_WEEKDAYS_MON_FRI);
  g_autoptr(GDateTime) d = rapport_reminder_next_occurrence (friday_noon, 9, 0,
                                                            RAPPORT_WEEKDAYS_MON_FRI | (1 << G_DATE_SATURDAY));
  g_autofree char *sa = format_time (a);
  g_autofree char *sb = format_time (b);
  g_autofree char *sc = format_time (c);
  g_autofree char *sd = format_time (d);
  guint hour = 0, minute = 0;

  g_assert_cmpstr (sa, ==, "2025-03-07 09:00");
  g_assert_cmpstr (sb, ==, "2025-03-10 09:00");
  /* Strictly after: a reminder that just fired is not due again. */
  g_assert_cmpstr (sc, ==, "2025-03-10 09:00");
  g_assert_cmpstr (sd, ==, "2025-03-08 09:00");

  g_assert_true (rapport_reminder_parse_time ("07:45", &hour, &minute));
  g_assert_cmpuint (hour, ==, 7);
  g_assert_cmpuint (minute, ==, 45);
  g_assert_false (rapport_reminder_parse_time ("24:00", &hour, &minute));
  g_assert_false (rapport_reminder_parse_time ("9:00", &hour, &minute));
  g_assert_false (rapport_reminder_parse_time ("", &hour, &minute));
}

static void
test_app_sends_the_notification (void)
{
  UiFixture f = { 0 };
  GSettings *settings;

  ui_fixture_open (&f, NULL, seed);
  settings = rapport_application_get_settings (f.app);
  g_assert_nonnull (settings);

  g_assert_true (rapport_application_send_reminder (f.app));
  g_assert_cmpstr (rapport_application_get_last_notification_text (f.app), ==,
                   "3 follow-up calls today — 2 overdue");
  /* The next reminder is armed while reminders are on, and not when off. */
  g_assert_nonnull (rapport_application_get_next_reminder (f.app));
  g_settings_set_boolean (settings, "remind-today", FALSE);
  g_assert_null (rapport_application_get_next_reminder (f.app));
  g_settings_set_boolean (settings, "remind-today", TRUE);
  g_assert_nonnull (rapport_application_get_next_reminder (f.app));

  ui_fixture_close (&f);
}

static void
test_app_says_nothing_on_an_empty_day (void)
{
  UiFixture f = { 0 };

  ui_fixture_open (&f, NULL, NULL);
  g_assert_false (rapport_application_send_reminder (f.app));
  g_assert_null (rapport_application_get_last_notification_text (f.app));
  ui_fixture_close (&f);
}

/* The real start: `rapport --database FILE --today DATE` sends the reminder
 * once the window is up. */
typedef struct {
  GApplication *app;
  char         *text;
  guint         source;
} StartRun;

static gboolean
quit_when_window_shown_cb (gpointer user_data)
{
  StartRun *run = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (run->app));

  if (window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (window)))
    return G_SOURCE_CONTINUE;
  run->text = g_strdup (rapport_application_get_last_notification_text (RAPPORT_APPLICATION (run->app)));
  run->source = 0;
  gtk_window_destroy (window);
  g_application_quit (run->app);
  return G_SOURCE_REMOVE;
}

static void
test_start_sends_the_reminder (void)
{
  g_autofree char *dir = g_dir_make_tmp ("rapport-reminder-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "rapport.db", NULL);
  g_autoptr(RapportStore) store = rapport_store_open (path, NULL);
  g_autoptr(RapportApplication) app = NULL;
  GDate today = ui_day ("2025-03-03");
  const char *argv[] = { "rapport", "--database", path, "--today", "2025-03-03", NULL };
  StartRun run = { 0 };

  rapport_store_set_today (store, &today);
  seed (store);
  g_clear_object (&store);

  app = rapport_application_new ();
  g_application_set_application_id (G_APPLICATION (app), APP_ID ".TestStart");
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  run.app = G_APPLICATION (app);
  run.source = g_timeout_add (10, quit_when_window_shown_cb, &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 5, (char **) argv), ==, 0);
  g_clear_handle_id (&run.source, g_source_remove);

  g_assert_cmpstr (run.text, ==, "3 follow-up calls today — 2 overdue");
  g_free (run.text);
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_run_in_background_writes_the_autostart_entry (void)
{
  UiFixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = rapport_application_get_autostart_path ();
  g_autofree char *contents = NULL;

  /* Never the developer's own: ui_test_init moved XDG_CONFIG_HOME. */
  g_assert_true (g_str_has_prefix (path, g_get_user_config_dir ()));
  g_assert_nonnull (strstr (path, "rapport-ui-"));

  ui_fixture_open (&f, NULL, NULL);
  g_assert_true (rapport_application_set_run_in_background (f.app, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "Exec=rapport --background"));
  g_assert_true (g_settings_get_boolean (rapport_application_get_settings (f.app), "run-in-background"));

  g_assert_true (rapport_application_set_run_in_background (f.app, FALSE, &error));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_settings_get_boolean (rapport_application_get_settings (f.app), "run-in-background"));

  ui_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/reminder/text-counts-today-and-overdue", test_text_counts_today_and_overdue);
  g_test_add_func ("/ui/reminder/text-is-plural-correct-and-silent-when-nothing",
                   test_text_is_plural_correct_and_silent_when_nothing);
  g_test_add_func ("/ui/reminder/next-occurrence-is-on-a-business-day", test_next_occurrence_is_on_a_business_day);
  g_test_add_func ("/ui/reminder/app-sends-the-notification", test_app_sends_the_notification);
  g_test_add_func ("/ui/reminder/app-says-nothing-on-an-empty-day", test_app_says_nothing_on_an_empty_day);
  g_test_add_func ("/ui/reminder/start-sends-the-reminder", test_start_sends_the_reminder);
  g_test_add_func ("/ui/reminder/run-in-background-writes-the-autostart-entry",
                   test_run_in_background_writes_the_autostart_entry);

  return ui_test_run ();
}

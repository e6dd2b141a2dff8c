/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-test-preferences"

#include "config.h"

#include <glib/gstdio.h>

#include "rapport-backup.h"
#include "rapport-error.h"
#include "rapport-preferences-window.h"
#include "rapport-webhook.h"
#include "ui-test-util.h"

/* The preferences window saves each change at once: rules and the webhook
 * address in the database, a webhook password or token in the keyring, the
 * person's own settings in GSettings. Its Data page also backs up and
 * restores the database, which the application then opens again. */

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

/* Weekly summary -------------------------------------------------------------- */

static char *
stored_setting (RapportStore *store,
                const char   *key)
{
  char *value = rapport_store_get_setting (store, key);

  /* Never set and set to nothing read the same. */
  if (value == NULL)
    return g_strdup ("");
  return value;
}

static const char *
status_text (GtkWidget *window)
{
  return adw_action_row_get_subtitle (child (window, "webhook_status_row"));
}

static void
apply_row (GtkWidget  *window,
           const char *row,
           const char *text)
{
  gtk_editable_set_text (child (window, row), text);
  g_signal_emit_by_name (child (window, row), "apply");
  ui_flush ();
}

static void
test_saves_the_webhook_address_in_the_database (void)
{
  UiFixture f = { 0 };
  g_autoptr(RapportWebhook) webhook = NULL;
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autofree char *url = NULL;
  g_autofree char *cleared = NULL;
  GtkWidget *window;

  ui_fixture_open (&f, NULL, NULL);
  window = open_preferences (&f);
  g_assert_cmpstr (gtk_editable_get_text (child (window, "webhook_url_row")), ==, "");
  g_assert_nonnull (strstr (status_text (window), "not sent"));

  apply_row (window, "webhook_url_row", "  https://chat.example.com/hooks/T0/B1 ");

  /* Where Send and rapport-cli summary --send read it. */
  url = stored_setting (f.store, "webhook.url");
  g_assert_cmpstr (url, ==, "https://chat.example.com/hooks/T0/B1");
  webhook = rapport_webhook_new (f.store);
  g_clear_pointer (&url, g_free);
  url = rapport_webhook_get_url (webhook);
  g_assert_cmpstr (url, ==, "https://chat.example.com/hooks/T0/B1");
  g_assert_false (rapport_webhook_has_credentials (webhook));
  g_assert_false (gtk_widget_has_css_class (child (window, "webhook_url_row"), "error"));
  g_assert_cmpstr (status_text (window), ==, "None: the address is used as it is");
  g_assert_false (gtk_widget_get_visible (child (window, "webhook_forget_button")));

  /* Not in GSettings: the schema has no such key any more. */
  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);
  g_assert_nonnull (schema);
  g_assert_false (g_settings_schema_has_key (schema, "webhook-url"));

  /* An empty address stops sending. */
  apply_row (window, "webhook_url_row", "");
  cleared = stored_setting (f.store, "webhook.url");
  g_assert_cmpstr (cleared, ==, "");
  g_assert_nonnull (strstr (status_text (window), "not sent"));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_fixture_close (&f);
}

static void
test_saves_the_webhook_address_when_the_field_is_left (void)
{
  UiFixture f = { 0 };
  g_autofree char *url = NULL;
  GtkWidget *window;

  ui_fixture_open (&f, NULL, NULL);
  window = open_preferences (&f);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (window), "data");
  ui_flush ();

  g_assert_true (gtk_widget_grab_focus (child (window, "webhook_url_row")));
  ui_flush ();
  gtk_editable_set_text (child (window, "webhook_url_row"), "https://chat.example.com/left");
  g_assert_true (gtk_widget_grab_focus (child (window, "backup_now_button")));
  ui_flush ();

  url = stored_setting (f.store, "webhook.url");
  g_assert_cmpstr (url, ==, "https://chat.example.com/left");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_fixture_close (&f);
}

static void
test_refuses_and_marks_an_address_that_is_not_a_web_address (void)
{
  const char *wrong[] = { "chat.example.com/hooks/T0", "ftp://chat.example.com/hook", "https://", "hello" };
  UiFixture f = { 0 };
  GtkWidget *window;
  GtkWidget *row;

  ui_fixture_open (&f, NULL, NULL);
  window = open_preferences (&f);
  row = child (window, "webhook_url_row");
  apply_row (window, "webhook_url_row", "https://chat.example.com/good");

  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      g_autofree char *url = NULL;

      apply_row (window, "webhook_url_row", wrong[i]);
      url = stored_setting (f.store, "webhook.url");
      g_assert_cmpstr (url, ==, "https://chat.example.com/good");
      g_assert_true (gtk_widget_has_css_class (row, "error"));
      g_assert_true (gtk_widget_has_css_class (child (window, "webhook_status_row"), "error"));
      g_assert_nonnull (strstr (status_text (window), "https://"));
      /* Titled for what happened, not "Password or Token". */
      g_assert_cmpstr (adw_preferences_row_get_title (child (window, "webhook_status_row")), ==, "Not Saved");
    }

  /* The mark goes as soon as the address is right, before it is applied. */
  gtk_editable_set_text (GTK_EDITABLE (row), "http://intranet.example/hook");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_false (gtk_widget_has_css_class (child (window, "webhook_status_row"), "error"));
  g_assert_cmpstr (adw_preferences_row_get_title (child (window, "webhook_status_row")), ==, "Password or Token");
  g_signal_emit_by_name (row, "apply");
  {
    g_autofree char *url = stored_setting (f.store, "webhook.url");
    g_assert_cmpstr (url, ==, "http://intranet.example/hook");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  ui_fixture_close (&f);
}

/* Whether a secret service could answer on this session bus: then a test
 * would write to somebody's real keyring. */
static gboolean
keyring_reachable (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) owner = NULL;
  g_autoptr(GVariant) activatable = NULL;
  g_autoptr(GVariant) list = NULL;
  g_autofree const char **names = NULL;
  gboolean has_owner = FALSE;

  if (bus == NULL)
    return FALSE;
  owner = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", "org.freedesktop.secrets"),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (owner != NULL)
    g_variant_get (owner, "(b)", &has_owner);
  if (has_owner)
    return TRUE;
  activatable = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                             "org.freedesktop.DBus", "ListActivatableNames", NULL,
                                             G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                             NULL, NULL);
  if (activatable == NULL)
    return FALSE;
  list = g_variant_get_child_value (activatable, 0);
  names = g_variant_get_strv (list, NULL);
  return g_strv_contains (names, "org.freedesktop.secrets");
}

static void
test_keeps_nothing_when_the_keyring_is_unavailable (void)
{
  UiFixture f = { 0 };
  g_autofree char *url = NULL;
  g_autofree char *auth = NULL;
  g_autofree char *settings = NULL;
  GtkWidget *window;

  if (keyring_reachable ())
    {
      g_test_skip ("A keyring runs on this session bus; run the tests in dbus-run-session");
      return;
    }

  ui_fixture_open (&f, NULL, NULL);
  window = open_preferences (&f);

  /* A token: the keyring cannot take it, so not even the address is saved. */
  gtk_editable_set_text (child (window, "webhook_url_row"), "https://chat.example.com/hook");
  apply_row (window, "webhook_token_row", "s3cret-token");
  g_assert_true (gtk_widget_has_css_class (child (window, "webhook_token_row"), "error"));
  g_assert_true (gtk_widget_has_css_class (child (window, "webhook_status_row"), "error"));
  g_assert_nonnull (strstr (status_text (window), "keyring"));
  g_assert_nonnull (strstr (status_text (window), "Nothing was saved"));

  /* A password in the address: the same. */
  gtk_editable_set_text (child (window, "webhook_token_row"), "");
  apply_row (window, "webhook_url_row", "https://bot:pa55word@chat.example.com/hook");
  g_assert_true (gtk_widget_has_css_class (child (window, "webhook_url_row"), "error"));
  g_assert_nonnull (strstr (status_text (window), "keyring"));

  url = stored_setting (f.store, "webhook.url");
  g_assert_cmpstr (url, ==, "");
  auth = stored_setting (f.store, "webhook.auth");
  g_assert_cmpstr (auth, !=, "token");
  g_assert_cmpstr (auth, !=, "basic");
  settings = ui_dump_table (f.store, "SELECT * FROM settings");
  g_assert_null (strstr (settings, "s3cret"));
  g_assert_null (strstr (settings, "pa55word"));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_fixture_close (&f);
}

static void
test_asks_for_the_address_before_a_token (void)
{
  UiFixture f = { 0 };
  g_autofree char *auth = NULL;
  GtkWidget *window;

  ui_fixture_open (&f, NULL, NULL);
  window = open_preferences (&f);

  apply_row (window, "webhook_token_row", "s3cret-token");
  g_assert_true (gtk_widget_has_css_class (child (window, "webhook_token_row"), "error"));
  g_assert_nonnull (strstr (status_text (window), "address first"));
  auth = stored_setting (f.store, "webhook.auth");
  g_assert_cmpstr (auth, !=, "token");

  gtk_window_destroy (GTK_WINDOW (window));
  ui_fixture_close (&f);
}

/* Backups --------------------------------------------------------------------- */

static void
seed_one_customer (RapportStore *store)
{
  g_autofree char *id = ui_add_customer (store, "Ada Lovelace", "Analytical Ltd", "555-0100",
                                         "2025-02-20", FALSE);
}

static char *
backups_folder (UiFixture *f)
{
  return rapport_backup_get_folder (f->path);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The file names in the backups folder, sorted, one per line. */
static char *
list_backups (UiFixture *f)
{
  g_autofree char *folder = backups_folder (f);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  GString *out = g_string_new (NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    g_string_append_printf (out, "%s\n", (char *) g_ptr_array_index (names, i));
  return g_string_free (out, FALSE);
}

static gboolean
button_is_sensitive (gpointer button)
{
  return gtk_widget_get_sensitive (button);
}

static void
test_makes_the_daily_backup_when_the_database_opens (void)
{
  UiFixture f = { 0 };
  g_autofree char *names = NULL;

  ui_fixture_open (&f, NULL, seed_one_customer);
  rapport_application_wait_for_daily_backup (f.app);

  /* Named after the store's today, which the fixture fixes at 2025-03-03. */
  names = list_backups (&f);
  g_assert_cmpstr (names, ==, "rapport-2025-03-03.db\n");

  /* Left open into the next day: the window used again makes that day's. */
  {
    GDate tuesday = ui_day ("2025-03-04");

    rapport_store_set_today (f.store, &tuesday);
    g_assert_true (gtk_window_is_active (GTK_WINDOW (f.window)));
    g_object_notify (G_OBJECT (f.window), "is-active");
    rapport_application_wait_for_daily_backup (f.app);
    g_free (names);
    names = list_backups (&f);
    g_assert_cmpstr (names, ==, "rapport-2025-03-03.db\nrapport-2025-03-04.db\n");
  }

  ui_fixture_close (&f);
}

static void
test_backs_up_now_into_the_backups_folder (void)
{
  UiFixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *made = NULL;
  g_autofree char *path = NULL;
  g_auto(GStrv) lines = NULL;
  GtkWidget *window;
  GtkWidget *button;
  const char *subtitle;

  ui_fixture_open (&f, NULL, seed_one_customer);
  rapport_application_wait_for_daily_backup (f.app);
  before = list_backups (&f);
  g_assert_cmpstr (before, ==, "rapport-2025-03-03.db\n");
  window = open_preferences (&f);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (child (window, "last_backup_row")),
                            "rapport-2025-03-03.db"));

  button = child (window, "backup_now_button");
  g_signal_emit_by_name (button, "clicked");
  g_assert_false (gtk_widget_get_sensitive (button));
  ui_wait_until (button_is_sensitive, button, 20000, "the backup to be made");

  /* One more file: rapport-2025-03-03-HHMMSS.db, a good copy. */
  after = list_backups (&f);
  lines = g_strsplit (after, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  made = g_strdup (g_str_equal (lines[0], "rapport-2025-03-03.db") ? lines[1] : lines[0]);
  g_assert_true (g_str_has_prefix (made, "rapport-2025-03-03-"));
  g_assert_true (g_str_has_suffix (made, ".db"));
  folder = backups_folder (&f);
  path = g_build_filename (folder, made, NULL);
  g_assert_true (rapport_backup_verify (path, &error));
  g_assert_no_error (error);

  /* The row shows it: when (today, by the file's clock) and which file. */
  subtitle = adw_action_row_get_subtitle (child (window, "last_backup_row"));
  g_assert_nonnull (strstr (subtitle, made));
  g_assert_true (g_str_has_prefix (subtitle, "Today, "));
  g_assert_false (gtk_widget_has_css_class (child (window, "last_backup_row"), "error"));
  g_assert_true (gtk_widget_get_sensitive (child (window, "restore_button")));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_fixture_close (&f);
}

static void
test_shows_when_there_is_no_backup_yet (void)
{
  UiFixture f = { 0 };
  g_autofree char *description = NULL;
  GtkWidget *window;

  /* An empty database is not backed up: nothing to lose. */
  ui_fixture_open (&f, NULL, NULL);
  rapport_application_wait_for_daily_backup (f.app);
  window = open_preferences (&f);
  g_assert_cmpstr (adw_action_row_get_subtitle (child (window, "last_backup_row")), ==,
                   "No backup yet");
  description = g_strdup (adw_preferences_group_get_description (child (window, "backups_group")));
  g_assert_nonnull (strstr (description, "backups"));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_fixture_close (&f);
}

static guint
count_named (RapportStore *store,
             const char   *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = rapport_store_search_customer_ids (store, name, &error);

  g_assert_no_error (error);
  return ids->len;
}

/* A backup with Ada alone, then Bob and a rule changed after it. */
static char *
back_up_then_change (UiFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *bob = NULL;
  RapportRules rules;
  char *backup;

  rapport_application_wait_for_daily_backup (f->app);
  backup = rapport_backup_now (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (backup);
  bob = ui_add_customer (f->store, "Bob Latecomer", NULL, "555-0199", "2025-03-01", FALSE);
  rapport_store_get_rules (f->store, &rules);
  rules.irate_days = 4;
  g_assert_true (rapport_store_set_rules (f->store, &rules, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_store_count_customers (f->store), ==, 2);
  return backup;
}

static void
restored_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static gboolean
has_result (gpointer user_data)
{
  return *(GAsyncResult **) user_data != NULL;
}

/* The restore as the dialog's Restore button runs it, waited for. */
static gboolean
restore_and_wait (GtkWidget   *window,
                  const char  *backup,
                  char       **kept,
                  GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rapport_preferences_window_restore_async (RAPPORT_PREFERENCES_WINDOW (window), backup,
                                            restored_cb, &result);
  ui_wait_until (has_result, &result, 20000, "the restore");
  return rapport_preferences_window_restore_finish (RAPPORT_PREFERENCES_WINDOW (window), result,
                                                    kept, error);
}

static void
cancel_chooser (UiFixture  *f,
                const char *action,
                GVariant   *parameter,
                const char *key)
{
  GtkNativeDialog *chooser;

  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), action, parameter));
  ui_flush ();
  chooser = g_object_get_data (G_OBJECT (f->window), key);
  g_assert_true (GTK_IS_NATIVE_DIALOG (chooser));
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_CANCEL);
  gtk_native_dialog_hide (chooser);
  ui_flush ();
}

static void
test_restores_a_backup_into_the_window (void)
{
  UiFixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) kept_store = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *folder = NULL;
  GtkWidget *window;
  GtkWidget *customers_before;
  gboolean restored;

  ui_fixture_open (&f, NULL, seed_one_customer);
  backup = back_up_then_change (&f);
  window = open_preferences (&f);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (window, "irate_days_spin")), ==, 4);
  customers_before = rapport_window_get_customers_view (f.window);

  /* File choosers opened and cancelled before (the window keeps its last
   * one) do not keep the database open. */
  cancel_chooser (&f, "win.import", NULL, "rapport-import-chooser");
  cancel_chooser (&f, "win.export", g_variant_new_string ("customers"), "rapport-export-chooser");

  /* The test lets go of the store too: the file is replaced only once closed. */
  g_clear_object (&f.store);
  {
    g_autoptr(GAsyncResult) result = NULL;

    rapport_preferences_window_restore_async (RAPPORT_PREFERENCES_WINDOW (window), backup,
                                              restored_cb, &result);
    /* The copy runs in a thread: meanwhile the window says so and offers
     * neither another restore nor a backup. */
    g_assert_cmpstr (adw_action_row_get_subtitle (child (window, "restore_row")), ==, "Restoring…");
    g_assert_false (gtk_widget_get_sensitive (child (window, "restore_button")));
    g_assert_false (gtk_widget_get_sensitive (child (window, "backup_now_button")));
    ui_wait_until (has_result, &result, 20000, "the restore");
    restored = rapport_preferences_window_restore_finish (RAPPORT_PREFERENCES_WINDOW (window), result,
                                                          &kept, &error);
  }
  g_assert_no_error (error);
  g_assert_true (restored);
  g_assert_true (gtk_widget_get_sensitive (child (window, "restore_button")));
  f.store = g_object_ref (rapport_application_get_store (f.app));
  ui_flush ();

  /* The window works on the reopened database: Ada, no Bob, the old rule. */
  g_assert_true (rapport_window_get_store (f.window) == f.store);
  g_assert_true (rapport_today_view_get_store (rapport_window_get_today_view (f.window)) == f.store);
  g_assert_cmpstr (rapport_window_get_page (f.window), ==, "views");
  g_assert_nonnull (rapport_window_get_customers_view (f.window));
  g_assert_true (rapport_window_get_customers_view (f.window) != customers_before);
  g_assert_cmpstr (rapport_store_get_path (f.store), ==, f.path);
  g_assert_cmpuint (rapport_store_count_customers (f.store), ==, 1);
  g_assert_cmpuint (count_named (f.store, "Ada"), ==, 1);
  g_assert_cmpuint (count_named (f.store, "Bob"), ==, 0);
  /* So does the preferences window. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (window, "irate_days_spin")), ==, 1);

  /* What was replaced is kept, Bob included. */
  g_assert_nonnull (kept);
  folder = backups_folder (&f);
  g_assert_true (g_str_has_prefix (kept, folder));
  kept_store = rapport_store_open (kept, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_named (kept_store, "Bob"), ==, 1);

  /* And the app goes on writing to the restored database. */
  {
    g_autofree char *id = ui_add_customer (f.store, "Carla After", NULL, NULL, NULL, FALSE);
    g_assert_cmpuint (rapport_store_count_customers (f.store), ==, 2);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  ui_fixture_close (&f);
}

static void
test_refuses_to_restore_while_the_store_is_still_used (void)
{
  UiFixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkWidget *window;

  ui_fixture_open (&f, NULL, seed_one_customer);
  backup = back_up_then_change (&f);
  window = open_preferences (&f);
  before = list_backups (&f);

  /* f.store stands for anything that still holds it (a dialog, a delivery). */
  g_assert_false (restore_and_wait (window, backup, &kept, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_BUSY);
  g_assert_null (kept);
  ui_flush ();

  /* Nothing changed, and everything still works on the same store. */
  g_assert_true (rapport_application_get_store (f.app) == f.store);
  g_assert_true (rapport_window_get_store (f.window) == f.store);
  g_assert_cmpstr (rapport_window_get_page (f.window), ==, "views");
  g_assert_cmpuint (count_named (f.store, "Bob"), ==, 1);
  after = list_backups (&f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (child (window, "irate_days_spin")), ==, 4);

  gtk_window_destroy (GTK_WINDOW (window));
  ui_fixture_close (&f);
}

static gboolean
restore_row_is_done (gpointer window)
{
  const char *subtitle = adw_action_row_get_subtitle (child (window, "restore_row"));

  return subtitle != NULL && !g_str_equal (subtitle, "Restoring…") &&
         gtk_widget_get_sensitive (child (window, "restore_button"));
}

static void
test_asks_before_restoring_and_names_the_backup_date (void)
{
  UiFixture f = { 0 };
  g_autofree char *backup = NULL;
  GtkWidget *window;
  GtkWidget *dialog;
  const char *body;

  ui_fixture_open (&f, NULL, seed_one_customer);
  backup = back_up_then_change (&f);
  window = open_preferences (&f);

  dialog = rapport_preferences_window_confirm_restore (RAPPORT_PREFERENCES_WINDOW (window), backup);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (dialog));
  body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
  g_assert_true (g_str_has_prefix (body, "The current customers, follow-ups and calls are replaced by those of the backup of "));
  g_assert_true (g_str_has_suffix (body, ". The current database is kept as a backup first."));
  /* Named after the day in the file's name (2025-03-03, the fixture's
   * today), not the file's time: a copied folder keeps the names only. */
  g_assert_nonnull (strstr (body, "3 March 2025, "));
  g_assert_cmpint (adw_message_dialog_get_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore"),
                   ==, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  ui_flush ();

  /* The daily backup has a day only: said without a time. */
  {
    g_autofree char *folder = rapport_backup_get_folder (rapport_store_get_path (f.store));
    g_autofree char *daily = g_build_filename (folder, "rapport-2025-03-03.db", NULL);

    dialog = rapport_preferences_window_confirm_restore (RAPPORT_PREFERENCES_WINDOW (window), daily);
    g_assert_nonnull (dialog);
    body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog));
    g_assert_nonnull (strstr (body, "the backup of Monday, 3 March 2025. "));
  }

  /* Cancel changes nothing. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  ui_flush ();
  g_assert_cmpuint (count_named (f.store, "Bob"), ==, 1);

  /* Restore does it, and the row says so. */
  dialog = rapport_preferences_window_confirm_restore (RAPPORT_PREFERENCES_WINDOW (window), backup);
  g_assert_nonnull (dialog);
  g_clear_object (&f.store);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "restore");
  /* The copy and its checks run in a thread. */
  ui_wait_until (restore_row_is_done, window, 20000, "the restore");
  f.store = g_object_ref (rapport_application_get_store (f.app));
  g_assert_cmpuint (count_named (f.store, "Bob"), ==, 0);
  g_assert_cmpuint (count_named (rapport_window_get_store (f.window), "Ada"), ==, 1);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (child (window, "restore_row")),
                                   "Restored the backup of "));
  g_assert_false (gtk_widget_has_css_class (child (window, "restore_row"), "error"));

  gtk_window_destroy (GTK_WINDOW (window));
  ui_fixture_close (&f);
}

static void
test_refuses_a_file_that_is_not_a_backup (void)
{
  UiFixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  GtkWidget *window;

  ui_fixture_open (&f, NULL, seed_one_customer);
  window = open_preferences (&f);
  file = g_build_filename (f.dir, "notes.db", NULL);
  g_assert_true (g_file_set_contents (file, "Call Ada back on Monday\n", -1, &error));
  g_assert_no_error (error);

  g_assert_null (rapport_preferences_window_confirm_restore (RAPPORT_PREFERENCES_WINDOW (window), file));
  g_assert_true (gtk_widget_has_css_class (child (window, "restore_row"), "error"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (child (window, "restore_row")),
                            "cannot be restored"));
  g_assert_cmpuint (rapport_store_count_customers (f.store), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
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
  g_test_add_func ("/ui/preferences/saves-the-webhook-address-in-the-database",
                   test_saves_the_webhook_address_in_the_database);
  g_test_add_func ("/ui/preferences/saves-the-webhook-address-when-the-field-is-left",
                   test_saves_the_webhook_address_when_the_field_is_left);
  g_test_add_func ("/ui/preferences/refuses-and-marks-an-address-that-is-not-a-web-address",
                   test_refuses_and_marks_an_address_that_is_not_a_web_address);
  g_test_add_func ("/ui/preferences/keeps-nothing-when-the-keyring-is-unavailable",
                   test_keeps_nothing_when_the_keyring_is_unavailable);
  g_test_add_func ("/ui/preferences/asks-for-the-address-before-a-token",
                   test_asks_for_the_address_before_a_token);
  g_test_add_func ("/ui/preferences/app-makes-the-daily-backup-when-the-database-opens",
                   test_makes_the_daily_backup_when_the_database_opens);
  g_test_add_func ("/ui/preferences/backs-up-now-into-the-backups-folder",
                   test_backs_up_now_into_the_backups_folder);
  g_test_add_func ("/ui/preferences/shows-when-there-is-no-backup-yet",
                   test_shows_when_there_is_no_backup_yet);
  g_test_add_func ("/ui/preferences/restores-a-backup-into-the-window",
                   test_restores_a_backup_into_the_window);
  g_test_add_func ("/ui/preferences/refuses-to-restore-while-the-store-is-still-used",
                   test_refuses_to_restore_while_the_store_is_still_used);
  g_test_add_func ("/ui/preferences/asks-before-restoring-and-names-the-backup-date",
                   test_asks_before_restoring_and_names_the_backup_date);
  g_test_add_func ("/ui/preferences/refuses-a-file-that-is-not-a-backup",
                   test_refuses_a_file_that_is_not_a_backup);

  return ui_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-app"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "rapport-application.h"
#include "rapport-backup.h"
#include "rapport-date.h"
#include "rapport-error.h"
#include "rapport-demo.h"
#include "rapport-reminder.h"
#include "rapport-window.h"

struct _RapportApplication
{
  AdwApplication  parent_instance;

  RapportStore   *store;
  GSettings      *settings;
  /* Why the last database could not be opened, for a window made later. */
  GError         *open_error;
  char           *open_error_path;

  /* Options of the primary instance. */
  GDate           today;
  gboolean        quit_after_first_frame;

  char           *last_notification_text;
  GDateTime      *next_reminder;
  guint           reminder_source;
  gboolean        reminded_at_start;
  /* The hold that keeps the app alive without a window (--background or the
   * run-in-background setting). */
  gboolean        held;

  /* The daily backup, made on a connection of its own off the main thread;
   * the day it was last started for, to start it again on a new day while
   * Rapport stays open (checked hourly and when a window is used again). */
  GThread        *backup_thread;
  GDate           backup_day;
  guint           backup_check_source;
};

G_DEFINE_FINAL_TYPE (RapportApplication, rapport_application, ADW_TYPE_APPLICATION)

static void schedule_reminder (RapportApplication *self);

static const GOptionEntry option_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the database in FILE instead of the default one"), N_("FILE") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open a separate database filled with sample customers"), NULL },
  { "background", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Start without a window and only send reminders"), NULL },
  { "quit-after-first-frame", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, NULL,
    "Quit as soon as the window is painted (start-up benchmark)", NULL },
  { "today", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, NULL,
    "Pretend that today is DATE (tests and screenshots)", "DATE" },
  { NULL }
};

RapportApplication *
rapport_application_new (void)
{
  return g_object_new (RAPPORT_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/io/github/rapportapp/Rapport",
                       NULL);
}

RapportStore *
rapport_application_get_store (RapportApplication *self)
{
  g_return_val_if_fail (RAPPORT_IS_APPLICATION (self), NULL);
  return self->store;
}

GSettings *
rapport_application_get_settings (RapportApplication *self)
{
  g_return_val_if_fail (RAPPORT_IS_APPLICATION (self), NULL);
  return self->settings;
}

const char *
rapport_application_get_last_notification_text (RapportApplication *self)
{
  g_return_val_if_fail (RAPPORT_IS_APPLICATION (self), NULL);
  return self->last_notification_text;
}

GDateTime *
rapport_application_get_next_reminder (RapportApplication *self)
{
  g_return_val_if_fail (RAPPORT_IS_APPLICATION (self), NULL);
  return self->next_reminder;
}

static RapportWindow *
get_window (RapportApplication *self)
{
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  for (GList *l = windows; l != NULL; l = l->next)
    if (RAPPORT_IS_WINDOW (l->data))
      return l->data;
  return NULL;
}

static RapportWindow *
ensure_window (RapportApplication *self)
{
  RapportWindow *window = get_window (self);

  if (window == NULL)
    {
      window = rapport_window_new (self);
      if (self->store != NULL)
        rapport_window_set_store (window, self->store);
      else if (self->open_error != NULL)
        rapport_window_show_open_error (window, self->open_error_path, self->open_error);
    }
  return window;
}

/* Store --------------------------------------------------------------------- */

static void
apply_staff_name (RapportApplication *self)
{
  g_autofree char *staff = NULL;

  if (self->store == NULL || self->settings == NULL)
    return;
  staff = g_settings_get_string (self->settings, "staff-name");
  g_strstrip (staff);
  /* An empty name leaves the core's default, the account's real name. */
  rapport_store_set_staff (self->store, staff[0] != '\0' ? staff : NULL);
}

static void
set_store (RapportApplication *self,
           RapportStore       *store)
{
  if (self->store == store)
    return;
  g_set_object (&self->store, store);
  if (self->store != NULL && g_date_valid (&self->today))
    rapport_store_set_today (self->store, &self->today);
  apply_staff_name (self);
}

void
rapport_application_set_today (RapportApplication *self,
                               const GDate        *today)
{
  RapportWindow *window;

  g_return_if_fail (RAPPORT_IS_APPLICATION (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  self->today = *today;
  if (self->store == NULL)
    return;
  rapport_store_set_today (self->store, today);
  window = get_window (self);
  if (window != NULL)
    rapport_window_show_today (window);
}

/* Backups -------------------------------------------------------------------- */

typedef struct {
  char  *path;
  GDate  today;
} DailyBackup;

static gpointer
daily_backup_thread (gpointer data)
{
  DailyBackup *job = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = rapport_store_open (job->path, &error);

  if (store != NULL)
    {
      if (g_date_valid (&job->today))
        rapport_store_set_today (store, &job->today);
      rapport_backup_run_daily (store, &error);
    }
  /* A failed backup must never stop the person's work: it is only logged. */
  if (error != NULL)
    g_warning ("The daily backup of %s failed: %s", job->path, error->message);
  g_free (job->path);
  g_free (job);
  return NULL;
}

void
rapport_application_wait_for_daily_backup (RapportApplication *self)
{
  g_return_if_fail (RAPPORT_IS_APPLICATION (self));

  if (self->backup_thread != NULL)
    g_thread_join (g_steal_pointer (&self->backup_thread));
}

/* Once a day on first use; a large database takes seconds, hence the thread. */
static void
start_daily_backup (RapportApplication *self)
{
  DailyBackup *job;

  rapport_application_wait_for_daily_backup (self);
  if (self->store == NULL || rapport_store_is_read_only (self->store))
    return;
  job = g_new0 (DailyBackup, 1);
  job->path = g_strdup (rapport_store_get_path (self->store));
  rapport_store_get_today (self->store, &job->today);
  self->backup_day = job->today;
  self->backup_thread = g_thread_new ("rapport-daily-backup", daily_backup_thread, job);
}

/* A new day since the last daily backup: make today's (it does nothing when
 * a copy of today exists already). */
static void
back_up_on_a_new_day (RapportApplication *self)
{
  GDate today;

  if (self->store == NULL)
    return;
  rapport_store_get_today (self->store, &today);
  if (!g_date_valid (&self->backup_day) || g_date_compare (&today, &self->backup_day) != 0)
    start_daily_backup (self);
}

static gboolean
backup_check_cb (gpointer user_data)
{
  back_up_on_a_new_day (user_data);
  return G_SOURCE_CONTINUE;
}

static void
window_active_cb (GtkWindow          *window,
                  GParamSpec         *pspec,
                  RapportApplication *self)
{
  if (gtk_window_is_active (window))
    back_up_on_a_new_day (self);
}

static void
rapport_application_window_added (GtkApplication *app,
                                  GtkWindow      *window)
{
  GTK_APPLICATION_CLASS (rapport_application_parent_class)->window_added (app, window);
  g_signal_connect_object (window, "notify::is-active", G_CALLBACK (window_active_cb), app, 0);
}

/* A restore copies and checks the backup (seconds for a large database): in
 * a thread, once every view has let go of the store; the database opens
 * again on the main thread when it is done. */
typedef struct {
  char  *path;
  char  *file;
  GDate  today;
  char  *kept;
} RestoreJob;

static void
restore_job_free (RestoreJob *job)
{
  g_free (job->path);
  g_free (job->file);
  g_free (job->kept);
  g_free (job);
}

static void
restore_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  RestoreJob *job = task_data;
  GError *error = NULL;

  if (rapport_backup_restore (job->path, job->file, &job->today, &job->kept, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
restored_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  RapportApplication *self = RAPPORT_APPLICATION (source);
  g_autoptr(GTask) task = user_data;
  RestoreJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) restore_error = NULL;
  g_autoptr(GError) open_error = NULL;
  gboolean restored = g_task_propagate_boolean (G_TASK (result), &restore_error);

  /* Restored or not, the database at its path opens again: the backup's
   * data, or the untouched current one. */
  if (!rapport_application_open_database (self, job->path, &open_error) && restored)
    {
      g_task_return_error (task, g_steal_pointer (&open_error));
      return;
    }
  if (!restored)
    {
      g_task_return_error (task, g_steal_pointer (&restore_error));
      return;
    }
  g_task_set_task_data (task, g_steal_pointer (&job->kept), g_free);
  g_task_return_boolean (task, TRUE);
}

void
rapport_application_restore_backup_async (RapportApplication  *self,
                                          const char          *file,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) restore = NULL;
  RapportWindow *window;
  gpointer old_store;
  RestoreJob *job;

  g_return_if_fail (RAPPORT_IS_APPLICATION (self));
  g_return_if_fail (file != NULL);

  task = g_task_new (self, NULL, callback, user_data);
  g_task_set_source_tag (task, rapport_application_restore_backup_async);
  if (self->store == NULL)
    {
      g_task_return_new_error (task, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND, "%s",
                               _("No database is open"));
      return;
    }
  job = g_new0 (RestoreJob, 1);
  job->path = g_strdup (rapport_store_get_path (self->store));
  job->file = g_strdup (file);
  rapport_store_get_today (self->store, &job->today);
  rapport_application_wait_for_daily_backup (self);

  /* The core replaces the file only once nobody has it open: every view lets
   * go of the store, and work that still holds it may finish first. */
  old_store = self->store;
  g_object_add_weak_pointer (G_OBJECT (old_store), &old_store);
  window = get_window (self);
  if (window != NULL)
    rapport_window_set_store (window, NULL);
  set_store (self, NULL);
  for (guint i = 0; old_store != NULL && i < 100 && g_main_context_iteration (NULL, FALSE); i++)
    ;
  if (old_store != NULL)
    {
      g_autoptr(RapportStore) store = g_object_ref (old_store);

      /* Something still uses it: the file stays as it is, and so does the window. */
      g_object_remove_weak_pointer (G_OBJECT (old_store), &old_store);
      set_store (self, store);
      if (window != NULL)
        rapport_window_set_store (window, store);
      restore_job_free (job);
      g_task_return_new_error (task, RAPPORT_ERROR, RAPPORT_ERROR_BUSY, "%s",
                               _("Rapport is still using the database; finish what is open in its windows and try again"));
      return;
    }

  restore = g_task_new (self, NULL, restored_cb, g_steal_pointer (&task));
  g_task_set_task_data (restore, job, (GDestroyNotify) restore_job_free);
  g_task_run_in_thread (restore, restore_thread);
}

gboolean
rapport_application_restore_backup_finish (RapportApplication  *self,
                                           GAsyncResult        *result,
                                           char               **kept_backup,
                                           GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (kept_backup != NULL)
    *kept_backup = g_strdup (g_task_get_task_data (G_TASK (result)));
  return TRUE;
}

gboolean
rapport_application_open_database (RapportApplication *self,
                                   const char         *path,
                                   GError            **error)
{
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *shown_path = NULL;
  RapportWindow *window;

  g_return_val_if_fail (RAPPORT_IS_APPLICATION (self), FALSE);

  store = rapport_store_open (path, &local_error);
  window = get_window (self);
  if (store == NULL)
    {
      shown_path = path != NULL ? g_strdup (path) : rapport_store_default_path ();
      g_message ("Cannot open %s: %s", shown_path, local_error->message);
      set_store (self, NULL);
      g_clear_error (&self->open_error);
      self->open_error = g_error_copy (local_error);
      g_free (self->open_error_path);
      self->open_error_path = g_strdup (shown_path);
      if (window != NULL)
        rapport_window_show_open_error (window, shown_path, local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  set_store (self, store);
  if (window != NULL)
    rapport_window_set_store (window, self->store);
  schedule_reminder (self);
  start_daily_backup (self);
  if (self->backup_check_source == 0)
    self->backup_check_source = g_timeout_add_seconds (3600, backup_check_cb, self);
  return TRUE;
}

/* Reminder ------------------------------------------------------------------- */

gboolean
rapport_application_send_reminder (RapportApplication *self)
{
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (RAPPORT_IS_APPLICATION (self), FALSE);

  if (self->store == NULL)
    return FALSE;
  text = rapport_reminder_text (self->store, NULL, &error);
  if (text == NULL)
    {
      if (error != NULL)
        g_warning ("Cannot count today's calls: %s", error->message);
      return FALSE;
    }

  notification = g_notification_new (_("Today’s Calls"));
  g_notification_set_body (notification, text);
  g_notification_set_default_action (notification, "app.show-today");
  g_notification_add_button (notification, _("Show Today’s Calls"), "app.show-today");
  g_application_send_notification (G_APPLICATION (self), "today-calls", notification);

  g_free (self->last_notification_text);
  self->last_notification_text = g_steal_pointer (&text);
  return TRUE;
}

static gboolean
reminder_timeout_cb (gpointer user_data)
{
  RapportApplication *self = user_data;

  self->reminder_source = 0;
  rapport_application_send_reminder (self);
  schedule_reminder (self);
  return G_SOURCE_REMOVE;
}

/* Arms one timeout for the next reminder time; recomputed after each one and
 * whenever the settings change, so a changed time takes effect at once. */
static void
schedule_reminder (RapportApplication *self)
{
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *time = NULL;
  RapportRules rules;
  guint hour = 9, minute = 0;
  GTimeSpan wait;

  g_clear_handle_id (&self->reminder_source, g_source_remove);
  g_clear_pointer (&self->next_reminder, g_date_time_unref);

  if (self->store == NULL || self->settings == NULL
      || !g_settings_get_boolean (self->settings, "remind-today"))
    return;

  time = g_settings_get_string (self->settings, "reminder-time");
  if (!rapport_reminder_parse_time (time, &hour, &minute))
    g_warning ("Invalid reminder time “%s”, using 09:00", time);
  rapport_store_get_rules (self->store, &rules);
  now = g_date_time_new_now_local ();
  self->next_reminder = rapport_reminder_next_occurrence (now, hour, minute, rules.business_days);
  if (self->next_reminder == NULL)
    return;
  wait = g_date_time_difference (self->next_reminder, now);
  self->reminder_source = g_timeout_add_seconds ((guint) MAX (1, wait / G_TIME_SPAN_SECOND),
                                                 reminder_timeout_cb, self);
  g_source_set_name_by_id (self->reminder_source, "[rapport] reminder");
}

static void
remind_at_start (RapportApplication *self)
{
  if (self->reminded_at_start || self->store == NULL)
    return;
  self->reminded_at_start = TRUE;
  if (self->settings != NULL && g_settings_get_boolean (self->settings, "remind-today"))
    rapport_application_send_reminder (self);
}

/* Background ----------------------------------------------------------------- */

static void
set_held (RapportApplication *self,
          gboolean            held)
{
  if (self->held == held)
    return;
  self->held = held;
  if (held)
    g_application_hold (G_APPLICATION (self));
  else
    g_application_release (G_APPLICATION (self));
}

char *
rapport_application_get_autostart_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", APP_ID ".desktop", NULL);
}

static gboolean
write_autostart_file (gboolean   enabled,
                      GError   **error)
{
  g_autofree char *path = rapport_application_get_autostart_path ();
  g_autofree char *dir = NULL;
  g_autoptr(GKeyFile) keyfile = NULL;

  if (!enabled)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Cannot remove %s: %s"), path, g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot create %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }
  keyfile = g_key_file_new ();
  g_key_file_set_string (keyfile, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TYPE,
                         G_KEY_FILE_DESKTOP_TYPE_APPLICATION);
  g_key_file_set_string (keyfile, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NAME, "Rapport");
  g_key_file_set_string (keyfile, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                         _("Reminds you of today’s follow-up calls"));
  g_key_file_set_string (keyfile, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC,
                         "rapport --background");
  g_key_file_set_string (keyfile, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ICON, APP_ID);
  g_key_file_set_boolean (keyfile, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, TRUE);
  g_key_file_set_boolean (keyfile, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", TRUE);
  return g_key_file_save_to_file (keyfile, path, error);
}

/* Inside Flatpak the sandbox cannot write ~/.config/autostart: the Background
 * portal writes the entry for us. The answer arrives later as a Response signal
 * that we do not need: the portal keeps the choice. */
static gboolean
request_background_portal (gboolean   enabled,
                           GError   **error)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  GVariantBuilder options;
  const char *commandline[] = { "rapport", "--background", NULL };

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, error);
  if (bus == NULL)
    return FALSE;
  g_variant_builder_init (&options, G_VARIANT_TYPE_VARDICT);
  g_variant_builder_add (&options, "{sv}", "reason",
                         g_variant_new_string (_("Remind you of today’s follow-up calls")));
  g_variant_builder_add (&options, "{sv}", "autostart", g_variant_new_boolean (enabled));
  g_variant_builder_add (&options, "{sv}", "commandline", g_variant_new_strv (commandline, -1));
  g_variant_builder_add (&options, "{sv}", "dbus-activatable", g_variant_new_boolean (FALSE));
  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.portal.Desktop",
                                       "/org/freedesktop/portal/desktop",
                                       "org.freedesktop.portal.Background", "RequestBackground",
                                       g_variant_new ("(sa{sv})", "", &options),
                                       G_VARIANT_TYPE ("(o)"), G_DBUS_CALL_FLAGS_NONE,
                                       5000, NULL, error);
  return reply != NULL;
}

gboolean
rapport_application_set_run_in_background (RapportApplication *self,
                                           gboolean            enabled,
                                           GError            **error)
{
  gboolean ok;

  g_return_val_if_fail (RAPPORT_IS_APPLICATION (self), FALSE);

  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    ok = request_background_portal (enabled, error);
  else
    ok = write_autostart_file (enabled, error);
  if (!ok)
    return FALSE;

  if (self->settings != NULL && g_settings_get_boolean (self->settings, "run-in-background") != enabled)
    g_settings_set_boolean (self->settings, "run-in-background", enabled);
  set_held (self, enabled);
  return TRUE;
}

/* Settings ------------------------------------------------------------------- */

static void
settings_changed_cb (RapportApplication *self,
                     const char         *key,
                     GSettings          *settings)
{
  if (g_str_equal (key, "staff-name"))
    apply_staff_name (self);
  else if (g_str_equal (key, "remind-today") || g_str_equal (key, "reminder-time"))
    schedule_reminder (self);
  else if (g_str_equal (key, "run-in-background"))
    {
      g_autoptr(GError) error = NULL;
      gboolean enabled = g_settings_get_boolean (settings, key);

      if (enabled != self->held
          && !rapport_application_set_run_in_background (self, enabled, &error))
        {
          RapportWindow *window = get_window (self);

          g_message ("Cannot change the autostart entry: %s", error->message);
          if (window != NULL)
            rapport_window_show_error_toast (window, error->message);
        }
    }
}

/* Actions -------------------------------------------------------------------- */

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  RapportApplication *self = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Closing the windows first lets them save their size. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
  set_held (self, FALSE);
  g_application_quit (G_APPLICATION (self));
}

static void
show_today_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  RapportApplication *self = user_data;
  RapportWindow *window = ensure_window (self);

  rapport_window_show_today (window);
  gtk_window_present (GTK_WINDOW (window));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  RapportApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { "The Rapport contributors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("Rapport"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "comments", _("Plan, make and log the follow-up calls of a small business"),
                        "developer-name", _("The Rapport contributors"),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: put your names here, one per line. */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  RapportApplication *self = user_data;

  rapport_window_show_preferences (ensure_window (self));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "show-today", show_today_activated },
  { "about", about_activated },
};

/* GApplication --------------------------------------------------------------- */

static void
first_frame_painted_cb (GdkFrameClock      *clock,
                        RapportApplication *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, self);
  g_application_quit (G_APPLICATION (self));
}

static void
window_realized_cb (GtkWidget          *window,
                    RapportApplication *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect_object (clock, "after-paint", G_CALLBACK (first_frame_painted_cb), self, 0);
}

static void
rapport_application_startup (GApplication *app)
{
  RapportApplication *self = RAPPORT_APPLICATION (app);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  static const struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.search", { "<Control>f", NULL } },
    { "win.new-customer", { "<Control>n", NULL } },
    { "win.previous-day", { "<Alt>Left", NULL } },
    { "win.next-day", { "<Alt>Right", NULL } },
    { "win.go-today", { "<Control>t", NULL } },
    { "win.show-shortcuts", { "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (rapport_application_parent_class)->startup (app);

  if (g_get_application_name () == NULL || g_strcmp0 (g_get_application_name (), g_get_prgname ()) == 0)
    g_set_application_name (_("Rapport"));
  gtk_window_set_default_icon_name (APP_ID);

  /* An uninstalled build without GSETTINGS_SCHEMA_DIR still runs, without memory. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new (APP_ID);
      g_signal_connect_object (self->settings, "changed",
                               G_CALLBACK (settings_changed_cb), self, G_CONNECT_SWAPPED);
    }
  else
    g_warning ("The GSettings schema %s is not installed; settings will not be kept", APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action, accels[i].accels);
}

static char *
demo_database_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "rapport", "demo.db", NULL);
}

static void
load_demo_if_empty (RapportApplication *self)
{
  g_autoptr(GError) error = NULL;

  if (rapport_store_count_customers (self->store) > 0)
    return;
  if (!rapport_demo_load (self->store, &error))
    {
      RapportWindow *window = get_window (self);

      g_warning ("Cannot load the sample customers: %s", error->message);
      if (window != NULL)
        rapport_window_show_error_toast (window, error->message);
    }
}

static int
rapport_application_command_line (GApplication            *app,
                                  GApplicationCommandLine *command_line)
{
  RapportApplication *self = RAPPORT_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree char *database = NULL;
  g_autofree char *today = NULL;
  gboolean demo = FALSE, background = FALSE, quit_after_first_frame = FALSE;
  RapportWindow *window;

  g_variant_dict_lookup (options, "database", "^ay", &database);
  g_variant_dict_lookup (options, "demo", "b", &demo);
  g_variant_dict_lookup (options, "background", "b", &background);
  g_variant_dict_lookup (options, "quit-after-first-frame", "b", &quit_after_first_frame);
  g_variant_dict_lookup (options, "today", "s", &today);
  if (g_strcmp0 (g_getenv ("RAPPORT_QUIT_AFTER_FIRST_FRAME"), "1") == 0)
    quit_after_first_frame = TRUE;

  if (today != NULL)
    {
      g_autoptr(GError) error = NULL;
      GDate day;

      if (!rapport_date_parse (today, &day, &error))
        {
          g_application_command_line_printerr (command_line, "rapport: --today: %s\n", error->message);
          return 2;
        }
      rapport_application_set_today (self, &day);
    }
  if (demo && database == NULL)
    database = demo_database_path ();

  window = (background && get_window (self) == NULL) ? NULL : ensure_window (self);

  /* The first start opens a database; a second start opens another one only
   * when asked for it. Failures are shown by the window. */
  if (self->store == NULL || database != NULL)
    {
      if (rapport_application_open_database (self, database, NULL) && demo)
        load_demo_if_empty (self);
    }

  if (window == NULL)
    {
      set_held (self, TRUE);
      remind_at_start (self);
      return 0;
    }

  if (quit_after_first_frame && !self->quit_after_first_frame)
    {
      self->quit_after_first_frame = TRUE;
      g_signal_connect_object (window, "realize", G_CALLBACK (window_realized_cb), self, 0);
    }
  gtk_window_present (GTK_WINDOW (window));
  if (!quit_after_first_frame)
    remind_at_start (self);
  if (self->settings != NULL && g_settings_get_boolean (self->settings, "run-in-background"))
    set_held (self, TRUE);
  return 0;
}

static void
rapport_application_activate (GApplication *app)
{
  RapportApplication *self = RAPPORT_APPLICATION (app);

  if (self->store == NULL)
    rapport_application_open_database (self, NULL, NULL);
  gtk_window_present (GTK_WINDOW (ensure_window (self)));
}

static void
rapport_application_shutdown (GApplication *app)
{
  RapportApplication *self = RAPPORT_APPLICATION (app);

  g_clear_handle_id (&self->reminder_source, g_source_remove);
  g_clear_handle_id (&self->backup_check_source, g_source_remove);
  rapport_application_wait_for_daily_backup (self);
  G_APPLICATION_CLASS (rapport_application_parent_class)->shutdown (app);
}

static void
rapport_application_finalize (GObject *object)
{
  RapportApplication *self = RAPPORT_APPLICATION (object);

  g_clear_handle_id (&self->reminder_source, g_source_remove);
  g_clear_handle_id (&self->backup_check_source, g_source_remove);
  rapport_application_wait_for_daily_backup (self);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_error (&self->open_error);
  g_clear_pointer (&self->open_error_path, g_free);
  g_clear_pointer (&self->last_notification_text, g_free);
  g_clear_pointer (&self->next_reminder, g_date_time_unref);
  G_OBJECT_CLASS (rapport_application_parent_class)->finalize (object);
}

static void
rapport_application_class_init (RapportApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = rapport_application_finalize;
  app_class->startup = rapport_application_startup;
  app_class->command_line = rapport_application_command_line;
  app_class->activate = rapport_application_activate;
  app_class->shutdown = rapport_application_shutdown;
  GTK_APPLICATION_CLASS (klass)->window_added = rapport_application_window_added;
}

static void
rapport_application_init (RapportApplication *self)
{
  g_date_clear (&self->today, 1);
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Plan, make and log service follow-up calls."));
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-preferences-window"

/* The preferences' Data page: where the weekly summary is sent (the address in
 * the database, a password or token in the keyring) and the backups (the last
 * one, Back Up Now, Restore…). */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "rapport-application.h"
#include "rapport-backup.h"
#include "rapport-date.h"
#include "rapport-error.h"
#include "rapport-format.h"
#include "rapport-preferences-window-private.h"

/* Weekly summary: the webhook ------------------------------------------------ */

/* The same test as the core's, early, so that the field says what is wrong
 * while the person is still looking at it. */
static gboolean
is_web_address (const char *text)
{
  g_autoptr(GUri) uri = g_uri_parse (text, G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED, NULL);
  const char *scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  const char *host = uri != NULL ? g_uri_get_host (uri) : NULL;

  return scheme != NULL && host != NULL && *host != '\0' &&
         (g_ascii_strcasecmp (scheme, "https") == 0 || g_ascii_strcasecmp (scheme, "http") == 0);
}

static void
set_row_error (gpointer row,
               gboolean error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                               error ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

/* The status line: whether credentials are kept, or what went wrong. */
static void
show_webhook_status (RapportPreferencesWindow *self,
                     const char               *error_message)
{
  g_autofree char *url = self->webhook != NULL ? rapport_webhook_get_url (self->webhook) : NULL;
  gboolean has_credentials = url != NULL && rapport_webhook_has_credentials (self->webhook);
  const char *text;

  if (error_message != NULL)
    text = error_message;
  else if (url == NULL)
    text = _("None: no address is set, so the summary is not sent");
  else if (has_credentials)
    text = _("Kept in the keyring, not in the settings");
  else
    text = _("None: the address is used as it is");
  /* The row is about the password or token, but says what went wrong with
   * the address too: then it is titled for what happened. */
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->webhook_status_row),
                                 error_message != NULL ? _("Not Saved") : _("Password or Token"));
  adw_action_row_set_subtitle (self->webhook_status_row, text);
  set_row_error (self->webhook_status_row, error_message != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->webhook_forget_button),
                          has_credentials && error_message == NULL);
}

static void
load_webhook (RapportPreferencesWindow *self)
{
  g_autofree char *url = self->webhook != NULL ? rapport_webhook_get_url (self->webhook) : NULL;

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->webhook_url_row), url != NULL ? url : "");
  /* A secret never goes back into a widget: the status line says it is kept. */
  gtk_editable_set_text (GTK_EDITABLE (self->webhook_token_row), "");
  self->loading = FALSE;
  set_row_error (self->webhook_url_row, FALSE);
  set_row_error (self->webhook_token_row, FALSE);
  show_webhook_status (self, NULL);
}

/* Saves the address and the token, if any, through the core: the address in
 * the database (shared with rapport-cli), a password or token in the keyring.
 * When the keyring cannot take it, nothing is saved and the status says why. */
gboolean
_rapport_preferences_window_save_webhook (RapportPreferencesWindow *self)
{
  g_autofree char *url = NULL;
  g_autofree char *stored = NULL;
  g_autoptr(GError) error = NULL;
  const char *token;

  if (self->loading || self->webhook == NULL)
    return FALSE;

  url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->webhook_url_row))));
  token = gtk_editable_get_text (GTK_EDITABLE (self->webhook_token_row));
  stored = rapport_webhook_get_url (self->webhook);
  /* Nothing new: saving again would forget a token kept for this address. */
  if (*token == '\0' && g_strcmp0 (url, stored != NULL ? stored : "") == 0)
    {
      set_row_error (self->webhook_url_row, FALSE);
      show_webhook_status (self, NULL);
      return TRUE;
    }
  if (*url != '\0' && !is_web_address (url))
    {
      set_row_error (self->webhook_url_row, TRUE);
      show_webhook_status (self, _("This is not a web address: use one that starts with https:// (or http://)"));
      return FALSE;
    }
  if (*token != '\0' && *url == '\0')
    {
      set_row_error (self->webhook_token_row, TRUE);
      show_webhook_status (self, _("Enter the webhook address first: the token is kept for it"));
      return FALSE;
    }
  if (!rapport_webhook_set_url (self->webhook, url, *token != '\0' ? token : NULL, NULL, &error))
    {
      set_row_error (*token != '\0' ? self->webhook_token_row : self->webhook_url_row, TRUE);
      show_webhook_status (self, error->message);
      return FALSE;
    }
  load_webhook (self);
  return TRUE;
}

static void
webhook_url_changed_cb (RapportPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->webhook_url_row));

  /* The mark goes as soon as the address is right; it only comes on saving. */
  if (!self->loading && gtk_widget_has_css_class (GTK_WIDGET (self->webhook_url_row), "error")
      && (*text == '\0' || is_web_address (text)))
    {
      set_row_error (self->webhook_url_row, FALSE);
      show_webhook_status (self, NULL);
    }
}

static void
webhook_token_changed_cb (RapportPreferencesWindow *self)
{
  if (!self->loading)
    set_row_error (self->webhook_token_row, FALSE);
}

static void
webhook_forget_clicked_cb (RapportPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = self->webhook != NULL ? rapport_webhook_get_url (self->webhook) : NULL;

  if (url == NULL)
    return;
  /* The same address without credentials: the core forgets the kept ones. */
  if (!rapport_webhook_set_url (self->webhook, url, NULL, NULL, &error))
    show_webhook_status (self, error->message);
  else
    load_webhook (self);
}

/* Backups ----------------------------------------------------------------------- */

/* "~/.local/share/rapport/backups" reads better than the full path. */
static char *
display_folder (const char *folder)
{
  const char *home = g_get_home_dir ();
  gsize n = strlen (home);

  if (n > 1 && g_str_has_prefix (folder, home) && folder[n] == G_DIR_SEPARATOR)
    return g_strconcat ("~", folder + n, NULL);
  return g_strdup (folder);
}

/* "Today, 14:05" or "Monday, 3 March, 14:05" in local time. */
static char *
format_when (GDateTime *when,
             gboolean   with_year)
{
  g_autofree char *day_text = NULL;
  g_autofree char *time_text = NULL;
  GDate day, today;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, (GDateDay) g_date_time_get_day_of_month (when),
                  (GDateMonth) g_date_time_get_month (when), (GDateYear) g_date_time_get_year (when));
  /* The file's time is real time, so "today" is the real one too. */
  rapport_date_set_today (&today);
  day_text = with_year ? rapport_format_day_long (&day) : rapport_format_day (&day, &today);
  /* Translators: the time of day of a backup, a g_date_time_format() format */
  time_text = g_date_time_format (when, _("%H:%M"));
  /* Translators: a day ("Today", "Monday, 3 March") and a time of day */
  return g_strdup_printf (_("%s, %s"), day_text, time_text);
}

static void
load_backups (RapportPreferencesWindow *self)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *last = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *shown_folder = NULL;
  g_autofree char *description = NULL;

  if (self->store == NULL)
    return;
  folder = rapport_backup_get_folder (rapport_store_get_path (self->store));
  shown_folder = display_folder (folder);
  /* Translators: %s is a folder */
  description = g_strdup_printf (_("Rapport copies the database into %s the first time it is used each day, and keeps the copies of the last 7 days and 4 weeks."),
                                 shown_folder);
  adw_preferences_group_set_description (self->backups_group, description);

  last = rapport_backup_get_last (self->store, &when);
  set_row_error (self->last_backup_row, FALSE);
  if (last == NULL)
    {
      adw_action_row_set_subtitle (self->last_backup_row, _("No backup yet"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->last_backup_row), NULL);
    }
  else
    {
      g_autofree char *name = g_path_get_basename (last);
      g_autofree char *when_text = format_when (when, FALSE);
      /* Translators: when the last backup was made, then its file name */
      g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), when_text, name);

      adw_action_row_set_subtitle (self->last_backup_row, subtitle);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->last_backup_row), last);
    }
}

static void
set_backing_up (RapportPreferencesWindow *self,
                gboolean                  backing_up)
{
  self->backing_up = backing_up;
  gtk_widget_set_visible (GTK_WIDGET (self->backup_spinner), backing_up);
  gtk_spinner_set_spinning (self->backup_spinner, backing_up);
  gtk_widget_set_sensitive (GTK_WIDGET (self->backup_now_button), !backing_up);
  /* A restore needs the database to itself. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->restore_button), !backing_up);
  if (backing_up)
    adw_action_row_set_subtitle (self->last_backup_row, _("Backing up…"));
}

typedef struct {
  char  *path;
  GDate  today;
} BackupJob;

static void
backup_job_free (BackupJob *job)
{
  g_free (job->path);
  g_free (job);
}

/* On a connection of its own: a large database takes seconds to copy and check. */
static void
back_up_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  BackupJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = rapport_store_open (job->path, &error);
  char *written = NULL;

  if (store != NULL)
    {
      rapport_store_set_today (store, &job->today);
      written = rapport_backup_now (store, NULL, &error);
    }
  if (written != NULL)
    g_task_return_pointer (task, written, g_free);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
back_up_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  RapportPreferencesWindow *self = RAPPORT_PREFERENCES_WINDOW (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *written = g_task_propagate_pointer (G_TASK (result), &error);

  /* The window went away meanwhile. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_backing_up (self, FALSE);
  if (written == NULL)
    {
      /* Translators: %s says why */
      g_autofree char *message = g_strdup_printf (_("The backup failed: %s"), error->message);

      adw_action_row_set_subtitle (self->last_backup_row, message);
      set_row_error (self->last_backup_row, TRUE);
      _rapport_preferences_window_toast (self, message);
      return;
    }
  load_backups (self);
  {
    g_autofree char *name = g_path_get_basename (written);
    /* Translators: %s is a file name */
    g_autofree char *message = g_strdup_printf (_("Backed up to %s"), name);

    _rapport_preferences_window_toast (self, message);
  }
}

static void
back_up_now_clicked_cb (RapportPreferencesWindow *self)
{
  g_autoptr(GTask) task = NULL;
  BackupJob *job;

  if (self->store == NULL || self->backing_up)
    return;
  job = g_new0 (BackupJob, 1);
  job->path = g_strdup (rapport_store_get_path (self->store));
  rapport_store_get_today (self->store, &job->today);
  set_backing_up (self, TRUE);
  task = g_task_new (self, self->cancellable, back_up_done_cb, NULL);
  g_task_set_source_tag (task, back_up_now_clicked_cb);
  g_task_set_task_data (task, job, (GDestroyNotify) backup_job_free);
  g_task_run_in_thread (task, back_up_thread);
}

static RapportApplication *
find_application (RapportPreferencesWindow *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  GtkApplication *app = parent != NULL ? gtk_window_get_application (parent) : NULL;

  if (RAPPORT_IS_APPLICATION (app))
    return RAPPORT_APPLICATION (app);
  if (RAPPORT_IS_APPLICATION (g_application_get_default ()))
    return RAPPORT_APPLICATION (g_application_get_default ());
  return NULL;
}

static void
app_restored_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RapportPreferencesWindow *self = g_task_get_source_object (task);
  RapportApplication *app = RAPPORT_APPLICATION (source);
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;
  RapportStore *store;

  self->restoring = FALSE;
  /* Closed meanwhile: its widgets are gone. */
  if (self->restore_button != NULL)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (self->restore_button), TRUE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->backup_now_button), TRUE);
      store = rapport_application_get_store (app);
      if (store != NULL)
        _rapport_preferences_window_set_store (self, store);
    }
  if (!rapport_application_restore_backup_finish (app, result, &kept, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    {
      g_task_set_task_data (task, g_steal_pointer (&kept), g_free);
      g_task_return_boolean (task, TRUE);
    }
}

void
rapport_preferences_window_restore_async (RapportPreferencesWindow *self,
                                          const char               *file,
                                          GAsyncReadyCallback       callback,
                                          gpointer                  user_data)
{
  g_autoptr(GTask) task = NULL;
  RapportApplication *app;

  g_return_if_fail (RAPPORT_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (file != NULL);

  task = g_task_new (self, NULL, callback, user_data);
  app = find_application (self);
  if (app == NULL || self->store == NULL || rapport_application_get_store (app) != self->store)
    {
      g_task_return_new_error (task, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND, "%s",
                               _("This window no longer shows the open database"));
      return;
    }
  if (self->backing_up || self->restoring)
    {
      g_task_return_new_error (task, RAPPORT_ERROR, RAPPORT_ERROR_BUSY, "%s",
                               _("A backup is being made; restore when it is done"));
      return;
    }

  /* The database can only be replaced once nobody has it open, this window
   * included; it then shows what the application opened again. */
  self->restoring = TRUE;
  gtk_widget_set_sensitive (GTK_WIDGET (self->restore_button), FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->backup_now_button), FALSE);
  adw_action_row_set_subtitle (self->restore_row, _("Restoring…"));
  set_row_error (self->restore_row, FALSE);
  _rapport_preferences_window_set_store (self, NULL);
  rapport_application_restore_backup_async (app, file, app_restored_cb, g_steal_pointer (&task));
}

gboolean
rapport_preferences_window_restore_finish (RapportPreferencesWindow  *self,
                                           GAsyncResult              *result,
                                           char                     **kept_backup,
                                           GError                   **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (kept_backup != NULL)
    *kept_backup = g_strdup (g_task_get_task_data (G_TASK (result)));
  return TRUE;
}

static void
restore_finished_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  RapportPreferencesWindow *self = RAPPORT_PREFERENCES_WINDOW (source);
  g_autofree char *when = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  if (!rapport_preferences_window_restore_finish (self, result, &kept, &error) &&
      self->restore_row == NULL)
    return;
  if (error != NULL)
    {
      /* Translators: %s says why */
      g_autofree char *message = g_strdup_printf (_("The backup was not restored: %s"), error->message);

      if (self->store == NULL)
        {
          /* The database could not be opened again: the main window says why. */
          gtk_window_destroy (GTK_WINDOW (self));
          return;
        }
      adw_action_row_set_subtitle (self->restore_row, message);
      set_row_error (self->restore_row, TRUE);
      _rapport_preferences_window_toast (self, message);
      return;
    }
  {
    g_autofree char *kept_name = kept != NULL ? g_path_get_basename (kept) : NULL;
    g_autofree char *message = NULL;

    if (kept_name != NULL)
      /* Translators: the date of the backup, then the file that keeps the replaced data */
      message = g_strdup_printf (_("Restored the backup of %s. The data it replaced is kept in %s."),
                                 when, kept_name);
    else
      /* Translators: %s is the date of the backup */
      message = g_strdup_printf (_("Restored the backup of %s."), when);
    if (self->restore_row == NULL)
      return;
    adw_action_row_set_subtitle (self->restore_row, message);
    set_row_error (self->restore_row, FALSE);
    _rapport_preferences_window_toast (self, message);
  }
}

static void
restore_dialog_response_cb (AdwMessageDialog         *dialog,
                            const char               *response,
                            RapportPreferencesWindow *self)
{
  const char *file = g_object_get_data (G_OBJECT (dialog), "file");
  const char *when = g_object_get_data (G_OBJECT (dialog), "when");

  if (!g_str_equal (response, "restore"))
    return;
  rapport_preferences_window_restore_async (self, file, restore_finished_cb, g_strdup (when));
}

/* When a backup was made, for the Restore question. Rapport's backups carry
 * the day (and, made by hand, the time) in their names, which a copied
 * folder keeps while the files' times become the copy's: the name wins over
 * the file's time @modified, which only adds the time of day when both
 * agree on the day. */
static char *
describe_backup_time (const char *file,
                      GDateTime  *modified)
{
  g_autofree char *name = g_path_get_basename (file);
  g_autoptr(GRegex) dated = g_regex_new ("-([0-9]{4})-([0-9]{2})-([0-9]{2})(?:-([0-9]{2})([0-9]{2})([0-9]{2}))?\\.db$",
                                         0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint field[6] = { 0 };
  GDate day;

  if (!g_regex_match (dated, name, 0, &match))
    return modified != NULL ? format_when (modified, TRUE) : g_steal_pointer (&name);
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *digits = g_match_info_fetch (match, (int) i + 1);

      field[i] = digits != NULL && *digits != '\0' ? (guint) g_ascii_strtoull (digits, NULL, 10) : 0;
    }
  if (!g_date_valid_dmy ((GDateDay) field[2], (GDateMonth) field[1], (GDateYear) field[0]))
    return modified != NULL ? format_when (modified, TRUE) : g_steal_pointer (&name);
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, (GDateDay) field[2], (GDateMonth) field[1], (GDateYear) field[0]);
  {
    g_autofree char *time_part = g_match_info_fetch (match, 4);

    if (time_part != NULL && *time_part != '\0')
      {
        g_autoptr(GDateTime) named = g_date_time_new_local ((int) field[0], (int) field[1], (int) field[2],
                                                            (int) field[3], (int) field[4], field[5]);
        if (named != NULL)
          return format_when (named, TRUE);
      }
  }
  if (modified != NULL && g_date_time_get_year (modified) == (int) field[0] &&
      g_date_time_get_month (modified) == (int) field[1] &&
      g_date_time_get_day_of_month (modified) == (int) field[2])
    return format_when (modified, TRUE);
  return rapport_format_day_long (&day);
}

GtkWidget *
rapport_preferences_window_confirm_restore (RapportPreferencesWindow *self,
                                            const char               *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *when_text = NULL;
  AdwMessageDialog *dialog;
  GStatBuf st;

  g_return_val_if_fail (RAPPORT_IS_PREFERENCES_WINDOW (self), NULL);
  g_return_val_if_fail (file != NULL, NULL);

  /* Before asking: a file that cannot be restored is refused at once. */
  if (!rapport_backup_verify (file, &error))
    {
      /* Translators: %s says why */
      g_autofree char *message = g_strdup_printf (_("This file cannot be restored: %s"), error->message);

      adw_action_row_set_subtitle (self->restore_row, message);
      set_row_error (self->restore_row, TRUE);
      _rapport_preferences_window_toast (self, message);
      return NULL;
    }

  if (g_stat (file, &st) == 0)
    when = g_date_time_new_from_unix_local (st.st_mtime);
  when_text = describe_backup_time (file, when);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Restore This Backup?"), NULL));
  /* Translators: %s is when the backup was made, e.g. "Monday, 3 March 2025, 14:05" */
  adw_message_dialog_format_body (dialog, _("The current customers, follow-ups and calls are replaced by those of the backup of %s. The current database is kept as a backup first."),
                                  when_text);
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "file", g_strdup (file), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "when", g_steal_pointer (&when_text), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WIDGET (dialog);
}

static void
restore_chooser_response_cb (RapportPreferencesWindow *self,
                             int                       response,
                             GtkFileChooserNative     *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file != NULL ? g_file_get_path (file) : NULL;
  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->restore_chooser);
  if (path != NULL)
    rapport_preferences_window_confirm_restore (self, path);
}

static void
restore_clicked_cb (RapportPreferencesWindow *self)
{
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autofree char *folder = NULL;

  if (self->store == NULL || self->restore_chooser != NULL)
    return;
  self->restore_chooser = gtk_file_chooser_native_new (_("Choose a Backup to Restore"),
                                                       GTK_WINDOW (self),
                                                       GTK_FILE_CHOOSER_ACTION_OPEN,
                                                       _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->restore_chooser), TRUE);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Rapport backups"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->restore_chooser), filter);
  folder = rapport_backup_get_folder (rapport_store_get_path (self->store));
  if (g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) location = g_file_new_for_path (folder);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->restore_chooser), location, NULL);
    }
  g_signal_connect_object (self->restore_chooser, "response",
                           G_CALLBACK (restore_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->restore_chooser));
}

/* Setup ------------------------------------------------------------------------ */

void
_rapport_preferences_window_load_data (RapportPreferencesWindow *self)
{
  load_webhook (self);
  load_backups (self);
}

void
_rapport_preferences_window_init_data (RapportPreferencesWindow *self)
{
  GtkWidget *rows[2];

  self->cancellable = g_cancellable_new ();
  g_signal_connect_swapped (self->webhook_url_row, "apply",
                            G_CALLBACK (_rapport_preferences_window_save_webhook), self);
  g_signal_connect_swapped (self->webhook_url_row, "changed",
                            G_CALLBACK (webhook_url_changed_cb), self);
  g_signal_connect_swapped (self->webhook_token_row, "apply",
                            G_CALLBACK (_rapport_preferences_window_save_webhook), self);
  g_signal_connect_swapped (self->webhook_token_row, "changed",
                            G_CALLBACK (webhook_token_changed_cb), self);
  /* Leaving a field saves it too, as the other preferences save at once. */
  rows[0] = GTK_WIDGET (self->webhook_url_row);
  rows[1] = GTK_WIDGET (self->webhook_token_row);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      g_signal_connect_swapped (focus, "leave",
                                G_CALLBACK (_rapport_preferences_window_save_webhook), self);
      gtk_widget_add_controller (rows[i], focus);
    }
  g_signal_connect_swapped (self->webhook_forget_button, "clicked",
                            G_CALLBACK (webhook_forget_clicked_cb), self);
  g_signal_connect_swapped (self->backup_now_button, "clicked",
                            G_CALLBACK (back_up_now_clicked_cb), self);
  g_signal_connect_swapped (self->restore_button, "clicked", G_CALLBACK (restore_clicked_cb), self);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the preferences window's files: the window with its Rules and You
 * pages, and its Data page (the weekly summary's webhook, the backups). */

#include "rapport-preferences-window.h"
#include "rapport-webhook.h"

G_BEGIN_DECLS

struct _RapportPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  RapportStore *store;
  RapportWebhook *webhook;
  GSettings *settings;
  /* Set while the window shows stored values, so that showing is not saving. */
  gboolean loading;
  /* Back Up Now runs in a thread; cancelled when the window goes away. */
  GCancellable *cancellable;
  gboolean backing_up;
  gboolean restoring;
  GtkFileChooserNative *restore_chooser;

  GtkBox *weekdays_box;
  GtkToggleButton *weekday_buttons[7];   /* Monday first */
  GtkSpinButton *new_days_spin;
  GtkSpinButton *irate_days_spin;
  GtkSpinButton *corrected_days_spin;
  GtkSpinButton *retry_days_spin;
  GtkSpinButton *max_attempts_spin;
  GtkSpinButton *cadence_spin;
  AdwEntryRow *staff_row;
  GtkSwitch *remind_switch;
  AdwActionRow *reminder_time_row;
  GtkSpinButton *hour_spin;
  GtkSpinButton *minute_spin;
  GtkSwitch *background_switch;
  AdwEntryRow *webhook_url_row;
  AdwEntryRow *webhook_token_row;
  AdwActionRow *webhook_status_row;
  GtkButton *webhook_forget_button;
  AdwPreferencesGroup *backups_group;
  AdwActionRow *last_backup_row;
  GtkSpinner *backup_spinner;
  GtkButton *backup_now_button;
  AdwActionRow *restore_row;
  GtkButton *restore_button;
};

void     _rapport_preferences_window_toast        (RapportPreferencesWindow *self,
                                                   const char               *message);
/* Shows @store (NULL: none, while a restore replaces it) on every page. */
void     _rapport_preferences_window_set_store    (RapportPreferencesWindow *self,
                                                   RapportStore             *store);

/* rapport-preferences-window-data.c */
void     _rapport_preferences_window_init_data    (RapportPreferencesWindow *self);
void     _rapport_preferences_window_load_data    (RapportPreferencesWindow *self);
gboolean _rapport_preferences_window_save_webhook (RapportPreferencesWindow *self);

G_END_DECLS

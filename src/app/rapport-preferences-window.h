/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_PREFERENCES_WINDOW (rapport_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (RapportPreferencesWindow, rapport_preferences_window, RAPPORT, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* The rules of the database (business days, the days of each rule, maximum
 * attempts, default cadence; shared by everyone who uses it), the person's
 * own settings (staff name, reminders, running at login), and the data page:
 * the weekly summary's webhook (address in the database, password or token
 * in the keyring) and the backups (last one, Back Up Now, Restore…). Every
 * change applies at once; errors are shown in the window. */
GtkWidget *rapport_preferences_window_new              (GtkWindow                *parent,
                                                        RapportStore             *store);

/* What the Restore… button does once a file is chosen: checks @file, then asks
 * in a dialog whether to replace the data with it. Returns that dialog
 * (transfer none), or NULL when @file cannot be restored (the window says
 * why). */
GtkWidget *rapport_preferences_window_confirm_restore  (RapportPreferencesWindow *self,
                                                        const char               *file);
/* What the dialog's Restore button runs: the application replaces the
 * database with @file (in a thread; the window says "Restoring…") and opens
 * it again; the window then shows the restored data.
 * @kept_backup: (out) (optional): where the replaced data was kept. */
void       rapport_preferences_window_restore_async    (RapportPreferencesWindow *self,
                                                        const char               *file,
                                                        GAsyncReadyCallback       callback,
                                                        gpointer                  user_data);
gboolean   rapport_preferences_window_restore_finish   (RapportPreferencesWindow *self,
                                                        GAsyncResult             *result,
                                                        char                    **kept_backup,
                                                        GError                  **error);

G_END_DECLS

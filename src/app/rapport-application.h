/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_APPLICATION (rapport_application_get_type ())

G_DECLARE_FINAL_TYPE (RapportApplication, rapport_application, RAPPORT, APPLICATION, AdwApplication)

RapportApplication *rapport_application_new                    (void);
/* (nullable) (transfer none): NULL until a database is open. */
RapportStore       *rapport_application_get_store              (RapportApplication *self);
/* (nullable) (transfer none): the GSettings of the app, NULL without its schema. */
GSettings          *rapport_application_get_settings           (RapportApplication *self);
/* Pretends that today is @today in every store the app opens (--today). */
void                rapport_application_set_today              (RapportApplication *self,
                                                                const GDate        *today);
/* Opens @path (NULL: the default database) and shows it in the window; on
 * failure the window explains why and offers another file. */
gboolean            rapport_application_open_database          (RapportApplication *self,
                                                                const char         *path,
                                                                GError            **error);
/* Replaces the open database with the backup @file (rapport_backup_restore():
 * the current one is kept as a backup first, @kept_backup says where) and
 * opens it again, so that every view shows the backup's data. Fails with
 * RAPPORT_ERROR_BUSY, changing nothing, while the store is still used (a
 * dialog, another program). On any failure the database opens again as it was. */
/* The backup is copied and checked in a thread; the database opens again
 * before @callback runs. */
void                rapport_application_restore_backup_async   (RapportApplication *self,
                                                                const char         *file,
                                                                GAsyncReadyCallback callback,
                                                                gpointer            user_data);
gboolean            rapport_application_restore_backup_finish  (RapportApplication *self,
                                                                GAsyncResult       *result,
                                                                char              **kept_backup,
                                                                GError            **error);
/* Waits until the daily backup, started when a database opens, is done. */
void                rapport_application_wait_for_daily_backup  (RapportApplication *self);
/* Writes or removes the autostart entry (through the Background portal inside
 * Flatpak, an XDG autostart file otherwise) and keeps the app running without
 * a window when enabled. Also stores the choice in GSettings. */
gboolean            rapport_application_set_run_in_background  (RapportApplication *self,
                                                                gboolean            enabled,
                                                                GError            **error);
/* Sends the "today's calls" notification now if there are calls today.
 * Returns whether one was sent. */
gboolean            rapport_application_send_reminder          (RapportApplication *self);
/* For tests: the body of the last notification sent, or NULL. */
const char         *rapport_application_get_last_notification_text (RapportApplication *self);
/* For tests: when the next reminder fires (NULL when none is scheduled). (transfer none) */
GDateTime          *rapport_application_get_next_reminder      (RapportApplication *self);
/* The path of the XDG autostart file the app writes. (transfer full) */
char               *rapport_application_get_autostart_path     (void);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-store.h"

G_BEGIN_DECLS

/* Backups of the database, made with SQLite's online backup API, checked with
 * PRAGMA integrity_check and written for their owner only (files 0600, folder
 * 0700). They live in a "backups" folder next to the database, which for the
 * default database is $XDG_DATA_HOME/rapport/backups/, and are named after the
 * database: rapport.db → rapport-YYYY-MM-DD.db (the daily backup) or
 * rapport-YYYY-MM-DD-HHMMSS.db (made on request or before a restore). The date
 * is the store's today.
 *
 * Rotation keeps every backup of the 7 most recent days that have one, and the
 * newest backup of each of the 4 most recent ISO weeks that have one. */

/* (transfer full): the backups folder of the database at @database_path. */
char      *rapport_backup_get_folder   (const char    *database_path);

/* Makes today's backup unless one exists already, then rotates. Does nothing
 * for a read-only or still empty database. Call after opening the store. */
gboolean   rapport_backup_run_daily    (RapportStore  *store,
                                        GError       **error);

/* Backs the open database up now into @file, or into the backups folder when
 * @file is NULL (then rotates). Refuses to overwrite an existing @file.
 * Returns the path written (transfer full), NULL with @error set on failure. */
char      *rapport_backup_now          (RapportStore  *store,
                                        const char    *file,
                                        GError       **error);

/* The newest backup in the backups folder, or NULL when there is none.
 * @when: (out) (optional) (transfer full): when it was written, local time. */
char      *rapport_backup_get_last     (RapportStore  *store,
                                        GDateTime    **when);

/* Checks that @file can be restored: a SQLite database, intact, Rapport's, and
 * of a schema this version knows. @file is only read. */
gboolean   rapport_backup_verify       (const char    *file,
                                        GError       **error);

/* Replaces the database at @database_path (NULL: the default) with a verified
 * copy of @file. The current database is first kept as a backup
 * (@kept_backup: (out) (optional), its path, NULL if there was no database).
 * The replacement is atomic (temporary file, fsync, rename) and leaves no stale
 * -wal or -shm behind. Every store on that database must be closed first: a
 * database still open elsewhere is refused with RAPPORT_ERROR_BUSY. @today
 * (nullable) names the kept backup; NULL means the system date. */
gboolean   rapport_backup_restore      (const char    *database_path,
                                        const char    *file,
                                        const GDate   *today,
                                        char         **kept_backup,
                                        GError       **error);

/* Deletes the backups of the database at @database_path that rotation does
 * not keep. Exposed for tests. */
gboolean   rapport_backup_rotate       (const char    *database_path,
                                        GError       **error);

G_END_DECLS

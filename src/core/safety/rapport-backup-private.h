/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "rapport-backup.h"

G_BEGIN_DECLS

/* Shared by rapport-backup.c and rapport-restore.c; the file work is in
 * rapport-backup-file.c. */

/* rapport.db → "rapport", the start of its backups' names. */
char     *_rapport_backup_stem                (const char   *database_path);
/* A new name STEM-DAY-HHMMSS.db in @folder, unused so far. */
char     *_rapport_backup_timed_path          (const char   *folder,
                                               const char   *stem,
                                               const GDate  *day);

void      _rapport_backup_set_errno_error     (int           saved,
                                               const char   *path,
                                               GError      **error);
void      _rapport_backup_set_sqlite_error    (sqlite3      *db,
                                               int           rc,
                                               const char   *path,
                                               GError      **error);
gboolean  _rapport_backup_fsync               (const char   *path,
                                               gboolean      is_dir,
                                               GError      **error);
void      _rapport_backup_unlink_with_sidecars (const char  *path);
/* A private (0600) empty file next to @path, for an atomic rename later. */
char     *_rapport_backup_make_temp_beside    (const char   *path,
                                               const char   *purpose,
                                               GError      **error);
gboolean  _rapport_backup_copy_file           (const char   *from,
                                               const char   *to,
                                               GError      **error);
gboolean  _rapport_backup_query_int           (sqlite3      *db,
                                               const char   *sql,
                                               const char   *path,
                                               int          *out,
                                               GError      **error);
/* Rapport's, of a known schema, and intact (PRAGMA integrity_check). */
gboolean  _rapport_backup_verify_connection   (sqlite3      *db,
                                               const char   *path,
                                               GError      **error);
gboolean  _rapport_backup_make_self_contained (sqlite3      *db,
                                               const char   *path,
                                               GError      **error);
sqlite3  *_rapport_backup_open_raw            (const char   *path,
                                               GError      **error);
/* Online backup of @src into @dest, which must not exist yet, through a
 * temporary file and a rename: @dest is whole or absent. */
gboolean  _rapport_backup_write               (sqlite3      *src,
                                               const char   *dest,
                                               gboolean      verify,
                                               GError      **error);

G_END_DECLS

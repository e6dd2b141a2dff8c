/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-backup"

/* Checking a backup and putting it in the place of the database. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rapport-backup-private.h"
#include "rapport-date.h"
#include "rapport-error.h"

/* Copies a database file with its journal or WAL, if any, so that what is
 * checked and restored includes every committed change. */
static gboolean
copy_database (const char  *from,
               const char  *to,
               GError     **error)
{
  static const char *sidecars[] = { "-wal", "-journal" };

  if (!g_file_test (from, G_FILE_TEST_IS_REGULAR))
    {
      if (g_file_test (from, G_FILE_TEST_EXISTS))
        g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_CORRUPT,
                     _("“%s” is not a Rapport database"), from);
      else
        g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                     _("“%s” does not exist"), from);
      return FALSE;
    }
  if (!_rapport_backup_copy_file (from, to, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (sidecars); i++)
    {
      g_autofree char *a = g_strconcat (from, sidecars[i], NULL);
      g_autofree char *b = g_strconcat (to, sidecars[i], NULL);
      if (g_file_test (a, G_FILE_TEST_IS_REGULAR) && !_rapport_backup_copy_file (a, b, error))
        return FALSE;
    }
  return TRUE;
}

/* Copies @file into @tmp and checks the copy, leaving it self-contained. The
 * messages name @file, which is what the person chose. */
static gboolean
prepare_verified_copy (const char  *file,
                       const char  *tmp,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  sqlite3 *db;
  gboolean ok;

  if (!copy_database (file, tmp, error))
    return FALSE;
  db = _rapport_backup_open_raw (tmp, &local_error);
  ok = db != NULL && _rapport_backup_verify_connection (db, file, &local_error) &&
       _rapport_backup_make_self_contained (db, file, &local_error);
  if (db != NULL && sqlite3_close (db) != SQLITE_OK && ok)
    {
      ok = FALSE;
      g_set_error (&local_error, RAPPORT_ERROR, RAPPORT_ERROR_DATABASE,
                   _("Rapport could not read or write “%s”"), tmp);
    }
  if (!ok)
    {
      /* Opening a file that is not a database fails as "cannot open"; say what it is. */
      if (g_error_matches (local_error, RAPPORT_ERROR, RAPPORT_ERROR_READ_ONLY))
        g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_CORRUPT,
                     _("“%s” is not a Rapport database"), file);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

gboolean
rapport_backup_verify (const char  *file,
                       GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (file != NULL, FALSE);

  /* Check a private copy: SQLite may write beside a file it opens (-wal,
   * -shm, a rolled-back journal), and @file must stay untouched. */
  dir = g_dir_make_tmp ("rapport-verify-XXXXXX", &local_error);
  if (dir == NULL)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_DATABASE,
                   _("Rapport could not check “%s”: %s"), file, local_error->message);
      return FALSE;
    }
  tmp = g_build_filename (dir, "copy.db", NULL);
  ok = prepare_verified_copy (file, tmp, error);
  _rapport_backup_unlink_with_sidecars (tmp);
  g_rmdir (dir);
  return ok;
}

/* Opens the current database alone: an exclusive lock fails while any other
 * connection (another Rapport, a cron job) has it open. */
static sqlite3 *
open_exclusive (const char  *path,
                GError     **error)
{
  sqlite3 *db = _rapport_backup_open_raw (path, error);
  int rc;

  if (db == NULL)
    return NULL;
  sqlite3_busy_timeout (db, 2000);
  rc = sqlite3_exec (db, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;",
                     NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _rapport_backup_set_sqlite_error (db, sqlite3_extended_errcode (db), path, error);
      sqlite3_close_v2 (db);
      return NULL;
    }
  return db;
}

gboolean
rapport_backup_restore (const char   *database_path,
                        const char   *file,
                        const GDate  *today,
                        char        **kept_backup,
                        GError      **error)
{
  g_autofree char *default_path = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *dir = NULL;
  sqlite3 *current = NULL;
  GDate day;

  g_return_val_if_fail (file != NULL, FALSE);

  if (kept_backup != NULL)
    *kept_backup = NULL;
  if (database_path == NULL)
    database_path = default_path = rapport_store_default_path ();
  if (today != NULL && g_date_valid (today))
    day = *today;
  else
    rapport_date_set_today (&day);

  tmp = _rapport_backup_make_temp_beside (database_path, "restore", error);
  if (tmp == NULL)
    return FALSE;
  if (!prepare_verified_copy (file, tmp, error) || !_rapport_backup_fsync (tmp, FALSE, error))
    goto fail;

  if (g_file_test (database_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *folder = rapport_backup_get_folder (database_path);
      g_autofree char *stem = _rapport_backup_stem (database_path);

      kept = _rapport_backup_timed_path (folder, stem, &day);
      current = open_exclusive (database_path, &local_error);
      if (current == NULL && !g_error_matches (local_error, RAPPORT_ERROR, RAPPORT_ERROR_CORRUPT))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          goto fail;
        }
      if (current != NULL)
        {
          /* While we hold the lock: keep it, then fold its WAL in so that no
           * -wal of the old database can meet the new one. */
          if (!_rapport_backup_write (current, kept, FALSE, error))
            goto fail;
          if (!_rapport_backup_make_self_contained (current, database_path, error))
            goto fail;
        }
      else
        {
          /* Not even a database: keep its bytes all the same. */
          g_autofree char *kept_tmp = _rapport_backup_make_temp_beside (kept, "partial", error);
          if (kept_tmp == NULL)
            goto fail;
          if (!_rapport_backup_copy_file (database_path, kept_tmp, error) ||
              g_rename (kept_tmp, kept) != 0)
            {
              if (error != NULL && *error == NULL)
                _rapport_backup_set_errno_error (errno, kept, error);
              g_unlink (kept_tmp);
              goto fail;
            }
        }
    }

  {
    static const char *sidecars[] = { "-wal", "-shm", "-journal" };
    for (guint i = 0; i < G_N_ELEMENTS (sidecars); i++)
      {
        g_autofree char *p = g_strconcat (database_path, sidecars[i], NULL);
        g_unlink (p);
      }
  }
  if (g_rename (tmp, database_path) != 0)
    {
      _rapport_backup_set_errno_error (errno, database_path, error);
      goto fail;
    }
  dir = g_path_get_dirname (database_path);
  _rapport_backup_fsync (dir, TRUE, NULL);
  if (current != NULL)
    sqlite3_close_v2 (current);
  g_debug ("Restored %s from %s; the previous one is %s", database_path, file,
           kept ? kept : "(none)");
  if (kept_backup != NULL)
    *kept_backup = g_steal_pointer (&kept);
  return TRUE;

fail:
  if (current != NULL)
    sqlite3_close_v2 (current);
  _rapport_backup_unlink_with_sidecars (tmp);
  return FALSE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-backup"

/* The file work of backups and restores: private temporary files, copies,
 * fsync, checks, SQLite's online backup, errors as sentences. */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rapport-backup-private.h"
#include "rapport-error.h"

void
_rapport_backup_set_errno_error (int           saved,
                                 const char   *path,
                                 GError      **error)
{
  if (saved == ENOSPC || saved == EFBIG || saved == EDQUOT)
    g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_DISK_FULL,
                         _("Rapport could not save the backup: the disk is full"));
  else if (saved == EACCES || saved == EPERM || saved == EROFS)
    g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_READ_ONLY,
                 _("Rapport could not save: “%s” cannot be written"), path);
  else if (saved == ENOENT)
    g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                 _("“%s” does not exist"), path);
  else
    g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_DATABASE,
                 _("Rapport could not read or write “%s”: %s"), path, g_strerror (saved));
}

void
_rapport_backup_set_sqlite_error (sqlite3     *db,
                                  int          rc,
                                  const char  *path,
                                  GError     **error)
{
  const char *detail = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_DISK_FULL,
                           _("Rapport could not save the backup: the disk is full"));
      break;
    case SQLITE_IOERR:
      /* A file size limit shows up as a write error, not as SQLITE_FULL. */
      if (rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_FSYNC || rc == SQLITE_IOERR_TRUNCATE)
        g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_DISK_FULL,
                             _("Rapport could not save the backup: the disk is full"));
      else
        g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_DATABASE,
                     _("Rapport could not read or write “%s”: %s"), path, detail);
      break;
    case SQLITE_NOTADB:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_CORRUPT,
                   _("“%s” is not a Rapport database"), path);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_CORRUPT,
                   _("“%s” is damaged"), path);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_BUSY,
                   _("“%s” is in use by another program (Rapport or rapport-cli); close it and try again"),
                   path);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_READ_ONLY,
                   _("Rapport could not save: “%s” cannot be written"), path);
      break;
    default:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_DATABASE,
                   _("Database error in “%s”: %s"), path, detail);
    }
}

gboolean
_rapport_backup_fsync (const char  *path,
                       gboolean     is_dir,
                       GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | (is_dir ? O_DIRECTORY : 0), 0);
  int saved;

  if (fd < 0)
    {
      _rapport_backup_set_errno_error (errno, path, error);
      return FALSE;
    }
  if (fsync (fd) != 0 && !is_dir)
    {
      saved = errno;
      close (fd);
      _rapport_backup_set_errno_error (saved, path, error);
      return FALSE;
    }
  close (fd);
  return TRUE;
}

void
_rapport_backup_unlink_with_sidecars (const char *path)
{
  static const char *suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);
      g_unlink (p);
    }
}

/* A private empty file next to @path, for writing before an atomic rename. */
char *
_rapport_backup_make_temp_beside (const char  *path,
                                  const char  *purpose,
                                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".%s.%s-XXXXXX", base, purpose);
  g_autofree char *tmpl = g_build_filename (dir, name, NULL);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      _rapport_backup_set_errno_error (errno, dir, error);
      return NULL;
    }
  fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      _rapport_backup_set_errno_error (errno, dir, error);
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&tmpl);
}

gboolean
_rapport_backup_copy_file (const char  *from,
                           const char  *to,
                           GError     **error)
{
  char buf[65536];
  int in, out;
  gssize n = 0;
  gboolean ok = TRUE;

  in = g_open (from, O_RDONLY | O_CLOEXEC, 0);
  if (in < 0)
    {
      _rapport_backup_set_errno_error (errno, from, error);
      return FALSE;
    }
  out = g_open (to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (out < 0)
    {
      _rapport_backup_set_errno_error (errno, to, error);
      close (in);
      return FALSE;
    }
  while (ok && (n = read (in, buf, sizeof buf)) != 0)
    {
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          _rapport_backup_set_errno_error (errno, from, error);
          ok = FALSE;
          break;
        }
      for (gssize done = 0; done < n;)
        {
          gssize w = write (out, buf + done, (gsize) (n - done));
          if (w < 0)
            {
              if (errno == EINTR)
                continue;
              _rapport_backup_set_errno_error (errno, to, error);
              ok = FALSE;
              break;
            }
          done += w;
        }
    }
  if (ok && fsync (out) != 0)
    {
      _rapport_backup_set_errno_error (errno, to, error);
      ok = FALSE;
    }
  close (in);
  close (out);
  return ok;
}

gboolean
_rapport_backup_query_int (sqlite3     *db,
                           const char  *sql,
                           const char  *path,
                           int         *out,
                           GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      _rapport_backup_set_sqlite_error (db, rc, path, error);
      return FALSE;
    }
  return TRUE;
}

/* Header first (cheap and gives the clearest refusal), then every page. */
gboolean
_rapport_backup_verify_connection (sqlite3     *db,
                                   const char  *path,
                                   GError     **error)
{
  static const char check_sql[] = "PRAGMA integrity_check";
  sqlite3_stmt *stmt = NULL;
  g_autofree char *problem = NULL;
  int app_id = 0, version = 0, rc;

  if (!_rapport_backup_query_int (db, "PRAGMA application_id", path, &app_id, error) ||
      !_rapport_backup_query_int (db, "PRAGMA user_version", path, &version, error))
    return FALSE;
  if (app_id != RAPPORT_APPLICATION_ID || version < 1)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_CORRUPT,
                   _("“%s” is not a Rapport database"), path);
      return FALSE;
    }
  if (version > RAPPORT_SCHEMA_VERSION)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NEWER_SCHEMA,
                   _("“%s” was written by a newer version of Rapport (schema %d; this version knows up to %d). Update Rapport to open it."),
                   path, version, RAPPORT_SCHEMA_VERSION);
      return FALSE;
    }

  rc = sqlite3_prepare_v2 (db, check_sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          const char *first = (const char *) sqlite3_column_text (stmt, 0);
          if (g_strcmp0 (first, "ok") != 0)
            problem = g_strdup (first ? first : "?");
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      _rapport_backup_set_sqlite_error (db, rc, path, error);
      return FALSE;
    }
  if (problem != NULL)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_CORRUPT,
                   _("“%s” is damaged (%s)"), path, problem);
      return FALSE;
    }
  return TRUE;
}

/* Backups are single self-contained files in rollback-journal mode. */
gboolean
_rapport_backup_make_self_contained (sqlite3     *db,
                                     const char  *path,
                                     GError     **error)
{
  int rc = sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _rapport_backup_set_sqlite_error (db, rc, path, error);
      return FALSE;
    }
  return TRUE;
}

sqlite3 *
_rapport_backup_open_raw (const char  *path,
                          GError     **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc != SQLITE_OK)
    {
      _rapport_backup_set_sqlite_error (db, rc, path, error);
      sqlite3_close_v2 (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);
  return db;
}

/* Online backup of @src into @dest (which must not exist yet) through a
 * temporary file and a rename, so that @dest is either whole or absent. */
gboolean
_rapport_backup_write (sqlite3     *src,
                       const char  *dest,
                       gboolean     verify,
                       GError     **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *dir = NULL;
  sqlite3 *dst = NULL;
  sqlite3_backup *backup;
  int rc;

  tmp = _rapport_backup_make_temp_beside (dest, "partial", error);
  if (tmp == NULL)
    return FALSE;
  dst = _rapport_backup_open_raw (tmp, error);
  if (dst == NULL)
    goto fail;

  backup = sqlite3_backup_init (dst, "main", src, "main");
  if (backup == NULL)
    {
      _rapport_backup_set_sqlite_error (dst, sqlite3_extended_errcode (dst), dest, error);
      goto fail;
    }
  /* The whole database in one step: a consistent snapshot, and in WAL mode
   * writers of other connections are not blocked meanwhile. */
  for (guint attempt = 0;; attempt++)
    {
      rc = sqlite3_backup_step (backup, -1);
      if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && attempt < 100)
        {
          g_usleep (G_USEC_PER_SEC / 50);
          continue;
        }
      break;
    }
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      _rapport_backup_set_sqlite_error (dst, rc, dest, error);
      goto fail;
    }
  rc = sqlite3_extended_errcode (dst);
  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    {
      _rapport_backup_set_sqlite_error (dst, rc, dest, error);
      goto fail;
    }
  if (!_rapport_backup_make_self_contained (dst, dest, error))
    goto fail;
  if (verify && !_rapport_backup_verify_connection (dst, dest, error))
    goto fail;
  rc = sqlite3_close (dst);
  dst = NULL;
  if (rc != SQLITE_OK)
    {
      _rapport_backup_set_sqlite_error (NULL, rc, dest, error);
      goto fail;
    }
  if (!_rapport_backup_fsync (tmp, FALSE, error))
    goto fail;
  if (g_rename (tmp, dest) != 0)
    {
      _rapport_backup_set_errno_error (errno, dest, error);
      goto fail;
    }
  dir = g_path_get_dirname (dest);
  _rapport_backup_fsync (dir, TRUE, NULL);
  return TRUE;

fail:
  if (dst != NULL)
    sqlite3_close_v2 (dst);
  _rapport_backup_unlink_with_sidecars (tmp);
  return FALSE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rapport-backup.h"
#include "rapport-date.h"
#include "rapport-error.h"

#define N_DAILY 7
#define N_WEEKLY 4

typedef struct {
  char *name;
  GDate date;
  guint time;   /* HHMMSS; 0 for the daily backup */
} BackupFile;

static void
backup_file_clear (gpointer data)
{
  BackupFile *b = data;
  g_free (b->name);
}

/* rapport.db → "rapport"; the backups carry the database's name so that two
 * databases in one folder never share backup names. */
static char *
database_stem (const char *database_path)
{
  g_autofree char *base = g_path_get_basename (database_path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';
  return g_steal_pointer (&base);
}

char *
rapport_backup_get_folder (const char *database_path)
{
  g_autofree char *dir = g_path_get_dirname (database_path);
  return g_build_filename (dir, "backups", NULL);
}

static gboolean
all_digits (const char *s,
            gsize       n)
{
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (s[i]))
      return FALSE;
  return TRUE;
}

/* STEM-YYYY-MM-DD.db or STEM-YYYY-MM-DD-HHMMSS.db */
static gboolean
parse_backup_name (const char *name,
                   const char *stem,
                   GDate      *date,
                   guint      *time)
{
  gsize stem_len = strlen (stem);
  char iso[11];
  const char *rest;

  if (!g_str_has_prefix (name, stem) || name[stem_len] != '-')
    return FALSE;
  rest = name + stem_len + 1;
  if (strlen (rest) < 13)
    return FALSE;
  memcpy (iso, rest, 10);
  iso[10] = '\0';
  if (!rapport_date_parse (iso, date, NULL))
    return FALSE;
  rest += 10;
  *time = 0;
  if (rest[0] == '-' && all_digits (rest + 1, 6))
    {
      *time = (guint) g_ascii_strtoull (rest + 1, NULL, 10);
      rest += 7;
    }
  return g_str_equal (rest, ".db");
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const BackupFile *x = a, *y = b;
  int c = g_date_compare (&y->date, &x->date);

  if (c != 0)
    return c;
  return y->time < x->time ? -1 : y->time > x->time;
}

/* The backups of one database in @folder, newest first. */
static GArray *
list_backups (const char *folder,
              const char *stem)
{
  GArray *list = g_array_new (FALSE, TRUE, sizeof (BackupFile));
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  g_array_set_clear_func (list, backup_file_clear);
  if (dir == NULL)
    return list;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      BackupFile b = { NULL };
      if (parse_backup_name (name, stem, &b.date, &b.time))
        {
          b.name = g_strdup (name);
          g_array_append_val (list, b);
        }
    }
  g_array_sort (list, compare_newest_first);
  return list;
}

static void
set_errno_error (int           saved,
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

static void
set_sqlite_error (sqlite3     *db,
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

static gboolean
fsync_path (const char  *path,
            gboolean     is_dir,
            GError     **error)
{
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | (is_dir ? O_DIRECTORY : 0), 0);
  int saved;

  if (fd < 0)
    {
      set_errno_error (errno, path, error);
      return FALSE;
    }
  if (fsync (fd) != 0 && !is_dir)
    {
      saved = errno;
      close (fd);
      set_errno_error (saved, path, error);
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static void
unlink_with_sidecars (const char *path)
{
  static const char *suffixes[] = { "", "-journal", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *p = g_strconcat (path, suffixes[i], NULL);
      g_unlink (p);
    }
}

/* A private empty file next to @path, for writing before an atomic rename. */
static char *
make_temp_beside (const char  *path,
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
      set_errno_error (errno, dir, error);
      return NULL;
    }
  fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_errno_error (errno, dir, error);
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&tmpl);
}

static gboolean
copy_file (const char  *from,
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
      set_errno_error (errno, from, error);
      return FALSE;
    }
  out = g_open (to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (out < 0)
    {
      set_errno_error (errno, to, error);
      close (in);
      return FALSE;
    }
  while (ok && (n = read (in, buf, sizeof buf)) != 0)
    {
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          set_errno_error (errno, from, error);
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
              set_errno_error (errno, to, error);
              ok = FALSE;
              break;
            }
          done += w;
        }
    }
  if (ok && fsync (out) != 0)
    {
      set_errno_error (errno, to, error);
      ok = FALSE;
    }
  close (in);
  close (out);
  return ok;
}

static gboolean
query_int (sqlite3     *db,
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
      set_sqlite_error (db, rc, path, error);
      return FALSE;
    }
  return TRUE;
}

/* Header first (cheap and gives the clearest refusal), then every page. */
static gboolean
verify_connection (sqlite3     *db,
                   const char  *path,
                   GError     **error)
{
  static const char check_sql[] = "PRAGMA integrity_check";
  sqlite3_stmt *stmt = NULL;
  g_autofree char *problem = NULL;
  int app_id = 0, version = 0, rc;

  if (!query_int (db, "PRAGMA application_id", path, &app_id, error) ||
      !query_int (db, "PRAGMA user_version", path, &version, error))
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
      set_sqlite_error (db, rc, path, error);
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
static gboolean
make_self_contained (sqlite3     *db,
                     const char  *path,
                     GError     **error)
{
  int rc = sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (db, rc, path, error);
      return FALSE;
    }
  return TRUE;
}

static sqlite3 *
open_raw (const char  *path,
          GError     **error)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (db, rc, path, error);
      sqlite3_close_v2 (db);
      return NULL;
    }
  sqlite3_extended_result_codes (db, 1);
  return db;
}

/* Online backup of @src into @dest (which must not exist yet) through a
 * temporary file and a rename, so that @dest is either whole or absent. */
static gboolean
write_backup (sqlite3     *src,
              const char  *dest,
              gboolean     verify,
              GError     **error)
{
  g_autofree char *tmp = NULL;
  g_autofree char *dir = NULL;
  sqlite3 *dst = NULL;
  sqlite3_backup *backup;
  int rc;

  tmp = make_temp_beside (dest, "partial", error);
  if (tmp == NULL)
    return FALSE;
  dst = open_raw (tmp, error);
  if (dst == NULL)
    goto fail;

  backup = sqlite3_backup_init (dst, "main", src, "main");
  if (backup == NULL)
    {
      set_sqlite_error (dst, sqlite3_extended_errcode (dst), dest, error);
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
      set_sqlite_error (dst, rc, dest, error);
      goto fail;
    }
  rc = sqlite3_extended_errcode (dst);
  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    {
      set_sqlite_error (dst, rc, dest, error);
      goto fail;
    }
  if (!make_self_contained (dst, dest, error))
    goto fail;
  if (verify && !verify_connection (dst, dest, error))
    goto fail;
  rc = sqlite3_close (dst);
  dst = NULL;
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (NULL, rc, dest, error);
      goto fail;
    }
  if (!fsync_path (tmp, FALSE, error))
    goto fail;
  if (g_rename (tmp, dest) != 0)
    {
      set_errno_error (errno, dest, error);
      goto fail;
    }
  dir = g_path_get_dirname (dest);
  fsync_path (dir, TRUE, NULL);
  return TRUE;

fail:
  if (dst != NULL)
    sqlite3_close_v2 (dst);
  unlink_with_sidecars (tmp);
  return FALSE;
}

static char *
dated_name (const char  *stem,
            const GDate *day,
            guint        hhmmss,
            gboolean     with_time)
{
  g_autofree char *iso = rapport_date_to_iso (day);

  if (with_time)
    return g_strdup_printf ("%s-%s-%06u.db", stem, iso, hhmmss);
  return g_strdup_printf ("%s-%s.db", stem, iso);
}

/* A new name STEM-DAY-HHMMSS.db in @folder, unused so far. */
static char *
timed_backup_path (const char  *folder,
                   const char  *stem,
                   const GDate *day)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  guint seconds = (guint) (g_date_time_get_hour (now) * 3600 + g_date_time_get_minute (now) * 60 +
                           g_date_time_get_second (now));

  for (;; seconds++)
    {
      guint s = seconds % 86400;
      g_autofree char *name = dated_name (stem, day, s / 3600 * 10000 + s / 60 % 60 * 100 + s % 60,
                                          TRUE);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      if (!g_file_test (path, G_FILE_TEST_EXISTS) || seconds >= 2 * 86400)
        return g_steal_pointer (&path);
    }
}

/* Never deletes @keep_path, the backup just made, whatever its date. */
static gboolean
rotate_keeping (const char  *database_path,
                const char  *keep_path,
                GError     **error)
{
  g_autofree char *folder = rapport_backup_get_folder (database_path);
  g_autofree char *stem = database_stem (database_path);
  g_autoptr(GArray) list = list_backups (folder, stem);
  g_autoptr(GArray) weeks = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint n_days = 0;
  GDate last_day;
  gboolean ok = TRUE;

  g_date_clear (&last_day, 1);
  for (guint i = 0; i < list->len; i++)
    {
      BackupFile *b = &g_array_index (list, BackupFile, i);
      GDate monday;
      guint32 week;
      gboolean keep = FALSE, seen = FALSE;

      if (!g_date_valid (&last_day) || g_date_compare (&last_day, &b->date) != 0)
        {
          n_days++;
          last_day = b->date;
        }
      /* Every backup of the most recent days that have one. */
      if (n_days <= N_DAILY)
        keep = TRUE;

      /* The newest backup of each of the most recent weeks: the list is newest
       * first, so the first one met in a week is that week's newest. */
      rapport_iso_week_monday (&b->date, &monday);
      week = g_date_get_julian (&monday);
      for (guint w = 0; w < weeks->len; w++)
        seen |= g_array_index (weeks, guint32, w) == week;
      if (!seen && weeks->len < N_WEEKLY)
        {
          g_array_append_val (weeks, week);
          keep = TRUE;
        }

      if (!keep)
        {
          g_autofree char *path = g_build_filename (folder, b->name, NULL);
          if (g_strcmp0 (path, keep_path) == 0)
            continue;
          if (g_unlink (path) != 0 && errno != ENOENT)
            {
              if (ok)
                set_errno_error (errno, path, error);
              ok = FALSE;
            }
          else
            g_debug ("Rotated out the backup %s", path);
        }
    }
  return ok;
}

gboolean
rapport_backup_rotate (const char  *database_path,
                       GError     **error)
{
  return rotate_keeping (database_path, NULL, error);
}

gboolean
rapport_backup_run_daily (RapportStore  *store,
                          GError       **error)
{
  RapportDatabase *db;
  const char *path;
  g_autofree char *folder = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dest = NULL;
  g_autoptr(GArray) list = NULL;
  GDate today;
  int has_customers = 0;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (rapport_store_is_read_only (store))
    return TRUE;
  db = rapport_store_get_database (store);
  path = rapport_store_get_path (store);
  /* A database that never held a customer has nothing to lose. */
  if (!query_int (rapport_database_get_handle (db), "SELECT EXISTS (SELECT 1 FROM customers)",
                  path, &has_customers, error))
    return FALSE;
  if (!has_customers)
    return TRUE;

  rapport_store_get_today (store, &today);
  folder = rapport_backup_get_folder (path);
  stem = database_stem (path);
  list = list_backups (folder, stem);
  for (guint i = 0; i < list->len; i++)
    if (g_date_compare (&g_array_index (list, BackupFile, i).date, &today) == 0)
      return TRUE;

  name = dated_name (stem, &today, 0, FALSE);
  dest = g_build_filename (folder, name, NULL);
  if (!write_backup (rapport_database_get_handle (db), dest, TRUE, error))
    return FALSE;
  g_debug ("Made the daily backup %s", dest);
  return rotate_keeping (path, dest, error);
}

char *
rapport_backup_now (RapportStore  *store,
                    const char    *file,
                    GError       **error)
{
  const char *path;
  g_autofree char *dest = NULL;
  GDate today;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  path = rapport_store_get_path (store);
  if (file != NULL)
    {
      if (g_file_test (file, G_FILE_TEST_EXISTS))
        {
          g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                       _("“%s” already exists; choose a new file name"), file);
          return NULL;
        }
      dest = g_strdup (file);
    }
  else
    {
      g_autofree char *folder = rapport_backup_get_folder (path);
      g_autofree char *stem = database_stem (path);
      rapport_store_get_today (store, &today);
      dest = timed_backup_path (folder, stem, &today);
    }

  if (!write_backup (rapport_database_get_handle (rapport_store_get_database (store)), dest,
                     TRUE, error))
    return NULL;
  if (file == NULL && !rotate_keeping (path, dest, error))
    return NULL;
  return g_steal_pointer (&dest);
}

char *
rapport_backup_get_last (RapportStore  *store,
                         GDateTime    **when)
{
  const char *path;
  g_autofree char *folder = NULL;
  g_autofree char *stem = NULL;
  g_autoptr(GArray) list = NULL;
  char *best = NULL;
  gint64 best_mtime = G_MININT64;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  if (when != NULL)
    *when = NULL;
  path = rapport_store_get_path (store);
  folder = rapport_backup_get_folder (path);
  stem = database_stem (path);
  list = list_backups (folder, stem);
  for (guint i = 0; i < list->len; i++)
    {
      g_autofree char *p = g_build_filename (folder, g_array_index (list, BackupFile, i).name, NULL);
      GStatBuf st;
      if (g_stat (p, &st) == 0 && (gint64) st.st_mtime > best_mtime)
        {
          best_mtime = st.st_mtime;
          g_free (best);
          best = g_steal_pointer (&p);
        }
    }
  if (best != NULL && when != NULL)
    *when = g_date_time_new_from_unix_local (best_mtime);
  return best;
}

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
  if (!copy_file (from, to, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (sidecars); i++)
    {
      g_autofree char *a = g_strconcat (from, sidecars[i], NULL);
      g_autofree char *b = g_strconcat (to, sidecars[i], NULL);
      if (g_file_test (a, G_FILE_TEST_IS_REGULAR) && !copy_file (a, b, error))
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
  db = open_raw (tmp, &local_error);
  ok = db != NULL && verify_connection (db, file, &local_error) &&
       make_self_contained (db, file, &local_error);
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
  unlink_with_sidecars (tmp);
  g_rmdir (dir);
  return ok;
}

/* Opens the current database alone: an exclusive lock fails while any other
 * connection (another Rapport, a cron job) has it open. */
static sqlite3 *
open_exclusive (const char  *path,
                GError     **error)
{
  sqlite3 *db = open_raw (path, error);
  int rc;

  if (db == NULL)
    return NULL;
  sqlite3_busy_timeout (db, 2000);
  rc = sqlite3_exec (db, "PRAGMA locking_mode = EXCLUSIVE; BEGIN EXCLUSIVE; COMMIT;",
                     NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (db, sqlite3_extended_errcode (db), path, error);
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

  tmp = make_temp_beside (database_path, "restore", error);
  if (tmp == NULL)
    return FALSE;
  if (!prepare_verified_copy (file, tmp, error) || !fsync_path (tmp, FALSE, error))
    goto fail;

  if (g_file_test (database_path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *folder = rapport_backup_get_folder (database_path);
      g_autofree char *stem = database_stem (database_path);

      kept = timed_backup_path (folder, stem, &day);
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
          if (!write_backup (current, kept, FALSE, error))
            goto fail;
          if (!make_self_contained (current, database_path, error))
            goto fail;
        }
      else
        {
          /* Not even a database: keep its bytes all the same. */
          g_autofree char *kept_tmp = make_temp_beside (kept, "partial", error);
          if (kept_tmp == NULL)
            goto fail;
          if (!copy_file (database_path, kept_tmp, error) || g_rename (kept_tmp, kept) != 0)
            {
              if (error != NULL && *error == NULL)
                set_errno_error (errno, kept, error);
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
      set_errno_error (errno, database_path, error);
      goto fail;
    }
  dir = g_path_get_dirname (database_path);
  fsync_path (dir, TRUE, NULL);
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
  unlink_with_sidecars (tmp);
  return FALSE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-backup"

/* The daily backup, backups on request, their names and their rotation. */

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

/* rapport.db → "rapport", shop.sqlite → "shop.sqlite": the backups carry
 * the database's name so that two databases in one folder never share
 * backup names (shop.db and shop.sqlite did, when every extension went). */
char *
_rapport_backup_stem (const char *database_path)
{
  g_autofree char *base = g_path_get_basename (database_path);

  if (g_str_has_suffix (base, ".db") && strlen (base) > strlen (".db"))
    base[strlen (base) - strlen (".db")] = '\0';
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
char *
_rapport_backup_timed_path (const char  *folder,
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

/* A backup interrupted by a crash leaves its temporary file behind; one that
 * has not changed for an hour is not being written by anybody any more. */
static void
remove_stale_partials (const char *folder,
                       const char *stem)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autofree char *prefix = g_strdup_printf (".%s-", stem);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf st;

      if (!g_str_has_prefix (name, prefix) || strstr (name, ".db.partial-") == NULL)
        continue;
      path = g_build_filename (folder, name, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && now - (gint64) st.st_mtime > 3600)
        {
          g_debug ("Removing the unfinished backup %s", path);
          g_unlink (path);
        }
    }
}

/* Never deletes @keep_path, the backup just made, whatever its date. */
static gboolean
rotate_keeping (const char  *database_path,
                const char  *keep_path,
                GError     **error)
{
  g_autofree char *folder = rapport_backup_get_folder (database_path);
  g_autofree char *stem = _rapport_backup_stem (database_path);
  g_autoptr(GArray) list = list_backups (folder, stem);
  g_autoptr(GArray) weeks = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint n_days = 0;
  GDate last_day;
  gboolean ok = TRUE;

  remove_stale_partials (folder, stem);
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
                _rapport_backup_set_errno_error (errno, path, error);
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
  if (!_rapport_backup_query_int (rapport_database_get_handle (db),
                                  "SELECT EXISTS (SELECT 1 FROM customers)",
                                  path, &has_customers, error))
    return FALSE;
  if (!has_customers)
    return TRUE;

  rapport_store_get_today (store, &today);
  folder = rapport_backup_get_folder (path);
  stem = _rapport_backup_stem (path);
  list = list_backups (folder, stem);
  for (guint i = 0; i < list->len; i++)
    if (g_date_compare (&g_array_index (list, BackupFile, i).date, &today) == 0)
      return TRUE;

  name = dated_name (stem, &today, 0, FALSE);
  dest = g_build_filename (folder, name, NULL);
  if (!_rapport_backup_write (rapport_database_get_handle (db), dest, TRUE, error))
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
  sqlite3 *src;
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
      g_autofree char *stem = _rapport_backup_stem (path);
      rapport_store_get_today (store, &today);
      dest = _rapport_backup_timed_path (folder, stem, &today);
    }

  src = rapport_database_get_handle (rapport_store_get_database (store));
  if (!_rapport_backup_write (src, dest, TRUE, error))
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
  stem = _rapport_backup_stem (path);
  list = list_backups (folder, stem);
  for (guint i = 0; i < list->len; i++)
    {
      BackupFile *b = &g_array_index (list, BackupFile, i);
      g_autofree char *p = g_build_filename (folder, b->name, NULL);
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

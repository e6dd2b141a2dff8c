/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-search-index"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-error.h"
#include "rapport-search-index.h"

/* What one reading of the customers gives. */
typedef struct {
  GArray *rowids;       /* gint64, in name order (sort_key, id) */
  GArray *offsets;      /* guint32 into text, same order */
  GString *text;        /* folded haystacks, each NUL-terminated, same order */
} Rows;

struct _RapportSearchIndex
{
  GObject parent_instance;

  RapportDatabase *db;
  gboolean valid;
  guint64 serial;       /* the database's customers serial when read */
  guint generation;
  Rows rows;
};

G_DEFINE_FINAL_TYPE (RapportSearchIndex, rapport_search_index, G_TYPE_OBJECT)

static void
rows_init (Rows *rows)
{
  rows->rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  rows->offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
  rows->text = g_string_new (NULL);
}

static void
rows_clear (Rows *rows)
{
  g_clear_pointer (&rows->rowids, g_array_unref);
  g_clear_pointer (&rows->offsets, g_array_unref);
  if (rows->text)
    g_string_free (g_steal_pointer (&rows->text), TRUE);
}

static void
rapport_search_index_finalize (GObject *object)
{
  RapportSearchIndex *self = (RapportSearchIndex *) object;

  g_clear_object (&self->db);
  rows_clear (&self->rows);

  G_OBJECT_CLASS (rapport_search_index_parent_class)->finalize (object);
}

static void
rapport_search_index_class_init (RapportSearchIndexClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rapport_search_index_finalize;
}

static void
rapport_search_index_init (RapportSearchIndex *self)
{
  rows_init (&self->rows);
}

RapportSearchIndex *
_rapport_search_index_new (RapportDatabase *db)
{
  RapportSearchIndex *self = g_object_new (RAPPORT_TYPE_SEARCH_INDEX, NULL);

  self->db = g_object_ref (db);
  return self;
}

guint _rapport_search_index_get_generation (RapportSearchIndex *self) { return self->generation; }
guint _rapport_search_index_get_n_rows (RapportSearchIndex *self) { return self->rows.rowids->len; }
GArray *_rapport_search_index_get_rowids (RapportSearchIndex *self) { return self->rows.rowids; }

gboolean
_rapport_search_index_is_fresh (RapportSearchIndex *self)
{
  return self->valid && rapport_database_get_customers_serial (self->db) == self->serial;
}

/* Sets @folded to @hay case-folded, its NUL included in the length: the same
 * text as g_utf8_casefold, but only the few characters that are not ASCII
 * take its slow path. */
static void
fold (GString    *folded,
      const char *hay,
      gsize       len)
{
  const char *end = hay + len;

  g_string_truncate (folded, 0);
  for (const char *p = hay; p < end;)
    {
      if ((guchar) *p < 0x80)
        {
          g_string_append_c (folded, g_ascii_tolower (*p));
          p++;
        }
      else
        {
          const char *next = g_utf8_find_next_char (p, end);
          g_autofree char *one = NULL;

          if (next == NULL)
            next = end;
          one = g_utf8_casefold (p, next - p);
          g_string_append (folded, one);
          p = next;
        }
    }
  g_string_append_len (folded, "", 1);
}

static int
compare_by_rowid (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  GArray *rowids = user_data;
  gint64 x = g_array_index (rowids, gint64, *(const guint32 *) a);
  gint64 y = g_array_index (rowids, gint64, *(const guint32 *) b);

  return (x > y) - (x < y);
}

static gboolean
sql_failed (sqlite3       *db,
            int            rc,
            GError       **error)
{
  g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_DATABASE,
               _("Could not read the customers to search them: %s"), sqlite3_errmsg (db));
  return FALSE;
}

/* Reads every live customer into @rows, in one read transaction of @db. The
 * order comes from the
 * sort-key index (no row read, no key kept); the texts from two plain scans
 * of the table in rowid order: the first measures each folded text, the
 * second writes it straight into its place. Twice the reading, but never two
 * copies of the texts in memory (9 MB at 100 000 customers), and the texts
 * lie in name order, so that a search reads memory straight through. */
static gboolean
read_rows (sqlite3       *db,
           Rows          *rows,
           GError       **error)
{
  static const char order_sql[] =
    "SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY sort_key, id";
  static const char text_sql[] =
    "SELECT id, name || ' ' || company || ' ' || phone || ' ' || phone_digits"
    "   || ' ' || email || ' ' || notes"
    " FROM customers NOT INDEXED WHERE deleted_at IS NULL ORDER BY id";
  g_autoptr(GArray) by_rowid = NULL;  /* guint32 rank, in rowid order */
  g_autoptr(GArray) lengths = NULL;   /* guint32 by rank, NUL included */
  g_autoptr(GString) folded = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;
  guint32 total = 0;
  guint n;
  int rc;

  if (sqlite3_prepare_v2 (db, order_sql, -1, &stmt, NULL) != SQLITE_OK)
    return sql_failed (db, 0, error);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (rows->rowids, rowid);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return sql_failed (db, rc, error);
  n = rows->rowids->len;

  by_rowid = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n);
  for (guint32 r = 0; r < n; r++)
    g_array_append_val (by_rowid, r);
  g_array_sort_with_data (by_rowid, compare_by_rowid, rows->rowids);

  lengths = g_array_sized_new (FALSE, TRUE, sizeof (guint32), n);
  g_array_set_size (lengths, n);
  for (guint pass = 0; pass < 2; pass++)
    {
      guint k = 0;

      if (sqlite3_prepare_v2 (db, text_sql, -1, &stmt, NULL) != SQLITE_OK)
        return sql_failed (db, 0, error);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          guint32 rank;

          /* In one read transaction both lists hold the same rows. */
          if (k >= n)
            break;
          rank = g_array_index (by_rowid, guint32, k);
          if (sqlite3_column_int64 (stmt, 0) != g_array_index (rows->rowids, gint64, rank))
            break;
          fold (folded, (const char *) sqlite3_column_text (stmt, 1),
                (gsize) sqlite3_column_bytes (stmt, 1));
          if (pass == 0)
            g_array_index (lengths, guint32, rank) = (guint32) folded->len;
          else if (folded->len != g_array_index (lengths, guint32, rank))
            break;
          else
            memcpy (&rows->text->str[g_array_index (rows->offsets, guint32, rank)],
                    folded->str, folded->len);
          k++;
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE && rc != SQLITE_ROW)
        return sql_failed (db, rc, error);
      if (rc != SQLITE_DONE || k != n)
        {
          g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_BUSY,
                               _("The customers changed while they were read; please try again"));
          return FALSE;
        }

      if (pass == 0)
        {
          g_array_set_size (rows->offsets, n);
          for (guint32 r = 0; r < n; r++)
            {
              g_array_index (rows->offsets, guint32, r) = total;
              total += g_array_index (lengths, guint32, r);
            }
          g_string_set_size (rows->text, total);
        }
    }
  return TRUE;
}

static void
install (RapportSearchIndex *self,
         Rows               *rows,
         guint64             serial)
{
  rows_clear (&self->rows);
  self->rows = *rows;
  *rows = (Rows) { NULL, NULL, NULL };
  self->serial = serial;
  self->valid = TRUE;
  self->generation++;
}

/* Reading ahead in a thread ---------------------------------------------------- */

/* A reading on a connection of its own. The task holds neither the index
 * nor its database (the main connection must close with its store: a
 * restore waits for that), only the path, the serial the reading answers to
 * and a weak reference to install the rows with. */
typedef struct {
  char *path;
  guint64 serial;
  GWeakRef index;
  Rows rows;
} Refresh;

static void
refresh_free (Refresh *r)
{
  g_free (r->path);
  g_weak_ref_clear (&r->index);
  rows_clear (&r->rows);
  g_free (r);
}

static void
refresh_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Refresh *r = task_data;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  gboolean ok;
  int rc;

  /* Read-only: this connection never writes, checkpoints or recovers. */
  rc = sqlite3_open_v2 (r->path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      g_task_return_new_error (task, RAPPORT_ERROR, RAPPORT_ERROR_DATABASE,
                               _("Could not read the customers to search them: %s"),
                               db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      return;
    }
  sqlite3_busy_timeout (db, 5000);
  rows_init (&r->rows);
  sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  ok = read_rows (db, &r->rows, &error);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

void
_rapport_search_index_refresh_async (RapportSearchIndex  *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  const char *path = rapport_database_get_path (self->db);
  Refresh *r;

  g_task_set_source_tag (task, _rapport_search_index_refresh_async);
  if (_rapport_search_index_is_fresh (self))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  /* Changes of the main connection not committed yet are not what another
   * connection reads: those rows are read here, at once. */
  if (path == NULL || !sqlite3_get_autocommit (rapport_database_get_handle (self->db)))
    {
      g_autoptr(GError) error = NULL;

      if (_rapport_search_index_update (self, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  r = g_new0 (Refresh, 1);
  r->path = g_strdup (path);
  r->serial = rapport_database_get_customers_serial (self->db);
  g_weak_ref_init (&r->index, self);
  g_task_set_task_data (task, r, (GDestroyNotify) refresh_free);
  g_task_run_in_thread (task, refresh_thread);
}

gboolean
_rapport_search_index_refresh_finish (GAsyncResult  *result,
                                      GError       **error)
{
  Refresh *r = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (r != NULL)
    {
      g_autoptr(RapportSearchIndex) self = g_weak_ref_get (&r->index);

      /* Kept only when no customer changed while they were read; otherwise
       * the index stays stale and the next search reads them again. */
      if (self != NULL && rapport_database_get_customers_serial (self->db) == r->serial)
        install (self, &r->rows, r->serial);
    }
  return TRUE;
}

gboolean
_rapport_search_index_update (RapportSearchIndex  *self,
                              GError             **error)
{
  sqlite3 *db = rapport_database_get_handle (self->db);
  guint64 serial = rapport_database_get_customers_serial (self->db);
  gboolean in_transaction = !sqlite3_get_autocommit (db);
  Rows rows;
  gboolean ok;

  if (self->valid && serial == self->serial)
    return TRUE;

  rows_init (&rows);
  if (!in_transaction)
    sqlite3_exec (db, "BEGIN", NULL, NULL, NULL);
  ok = read_rows (db, &rows, error);
  if (!in_transaction)
    sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  if (!ok)
    {
      rows_clear (&rows);
      return FALSE;
    }
  install (self, &rows, serial);
  return TRUE;
}

GStrv
_rapport_search_index_fold_words (const char *search)
{
  g_auto(GStrv) words = g_strsplit_set (search ? search : "", " \t\n", -1);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; words[i]; i++)
    if (*words[i] != '\0')
      {
        g_autofree char *folded = g_utf8_casefold (words[i], -1);
        g_strv_builder_add (builder, folded);
      }
  return g_strv_builder_end (builder);
}

gboolean
_rapport_search_index_scan (RapportSearchIndex *self,
                            const char * const *words,
                            guint              *position,
                            guint               max_matches,
                            guint               max_rows,
                            GArray             *out)
{
  guint n = self->rows.rowids->len;
  guint i = *position, found = 0;
  guint end = max_rows > 0 && max_rows < n - MIN (i, n) ? i + max_rows : n;

  for (; i < end; i++)
    {
      const char *hay = self->rows.text->str + g_array_index (self->rows.offsets, guint32, i);
      gboolean all = TRUE;

      for (guint w = 0; words[w] && all; w++)
        all = strstr (hay, words[w]) != NULL;
      if (!all)
        continue;
      g_array_append_val (out, g_array_index (self->rows.rowids, gint64, i));
      if (max_matches > 0 && ++found >= max_matches)
        {
          i++;
          break;
        }
    }
  *position = i;
  return i >= n;
}

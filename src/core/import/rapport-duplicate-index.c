/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-import"

#include "config.h"

#include <string.h>

#include "rapport-duplicate-index.h"

/* One row's keys, as last noted. */
typedef struct {
  gint64 rowid;
  const char *email;   /* in keys, or NULL */
  const char *digits;  /* in keys, or NULL */
} Row;

/* A key's rows: one rowid (most keys) stored in the pointer itself, tagged
 * by its low bit, else a GArray of gint64 in ascending order. */
#define IS_SINGLE(p) ((GPOINTER_TO_SIZE (p) & 1) != 0)
#define SINGLE_TO_POINTER(rowid) GSIZE_TO_POINTER (((gsize) (rowid) << 1) | 1)
#define POINTER_TO_SINGLE(p) ((gint64) (GPOINTER_TO_SIZE (p) >> 1))

struct _RapportDuplicateIndex
{
  GStringChunk *keys;
  GHashTable *by_email;   /* ASCII-lowered email → rows */
  GHashTable *by_digits;  /* phone digits → rows */
  GArray *rows;           /* Row, in rowid order */
};

static void
free_rows (gpointer p)
{
  if (p != NULL && !IS_SINGLE (p))
    g_array_unref (p);
}

RapportDuplicateIndex *
_rapport_duplicate_index_new (void)
{
  RapportDuplicateIndex *self = g_new0 (RapportDuplicateIndex, 1);

  self->keys = g_string_chunk_new (64 * 1024);
  self->by_email = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, free_rows);
  self->by_digits = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, free_rows);
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  return self;
}

void
_rapport_duplicate_index_free (RapportDuplicateIndex *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->by_email);
  g_hash_table_unref (self->by_digits);
  g_string_chunk_free (self->keys);
  g_array_unref (self->rows);
  g_free (self);
}

static gint64
lowest (GHashTable *table,
        const char *key)
{
  gpointer p;

  if (key == NULL || !g_hash_table_lookup_extended (table, key, NULL, &p))
    return 0;
  if (IS_SINGLE (p))
    return POINTER_TO_SINGLE (p);
  return g_array_index ((GArray *) p, gint64, 0);
}

static void
add (GHashTable *table,
     const char *key,
     gint64      rowid)
{
  gpointer p;
  GArray *list;
  guint i;

  if (!g_hash_table_lookup_extended (table, key, NULL, &p))
    {
      g_hash_table_insert (table, (gpointer) key, SINGLE_TO_POINTER (rowid));
      return;
    }
  if (IS_SINGLE (p))
    {
      gint64 first = POINTER_TO_SINGLE (p);

      list = g_array_sized_new (FALSE, FALSE, sizeof (gint64), 2);
      g_array_append_val (list, first);
      g_hash_table_steal (table, key);
      g_hash_table_insert (table, (gpointer) key, list);
    }
  else
    list = p;
  for (i = list->len; i > 0 && g_array_index (list, gint64, i - 1) > rowid; i--)
    ;
  g_array_insert_val (list, i, rowid);
}

static void
take_out (GHashTable *table,
          const char *key,
          gint64      rowid)
{
  gpointer p;
  GArray *list;

  if (!g_hash_table_lookup_extended (table, key, NULL, &p))
    return;
  if (IS_SINGLE (p))
    {
      if (POINTER_TO_SINGLE (p) == rowid)
        g_hash_table_remove (table, key);
      return;
    }
  list = p;
  for (guint i = 0; i < list->len; i++)
    if (g_array_index (list, gint64, i) == rowid)
      {
        g_array_remove_index (list, i);
        break;
      }
  if (list->len == 0)
    g_hash_table_remove (table, key);
}

/* The key SQLite's NOCASE would compare: ASCII letters folded, nothing else.
 * Returns NULL for the empty email, which matches nothing. */
static const char *
email_key (const char  *email,
           char        *buf,
           gsize        size,
           char       **heap)
{
  gsize len;
  char *key;

  if (email == NULL || email[0] == '\0')
    return NULL;
  len = strlen (email);
  key = len < size ? buf : (*heap = g_malloc (len + 1));
  for (gsize i = 0; i <= len; i++)
    key[i] = g_ascii_tolower (email[i]);
  return key;
}

gint64
_rapport_duplicate_index_find (RapportDuplicateIndex *self,
                               const char            *email,
                               const char            *digits)
{
  char buf[256];
  g_autofree char *heap = NULL;
  gint64 rowid = lowest (self->by_email, email_key (email, buf, sizeof buf, &heap));

  if (rowid == 0 && digits != NULL && digits[0] != '\0')
    rowid = lowest (self->by_digits, digits);
  return rowid;
}

static Row *
find_row (RapportDuplicateIndex *self,
          gint64                 rowid)
{
  guint lo = 0, hi = self->rows->len;

  /* A new row, the common case. */
  if (hi == 0 || g_array_index (self->rows, Row, hi - 1).rowid < rowid)
    return NULL;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      Row *row = &g_array_index (self->rows, Row, mid);

      if (row->rowid == rowid)
        return row;
      if (row->rowid < rowid)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

void
_rapport_duplicate_index_set (RapportDuplicateIndex *self,
                              gint64                 rowid,
                              const char            *email,
                              const char            *digits)
{
  char buf[256];
  g_autofree char *heap = NULL;
  const char *key = email_key (email, buf, sizeof buf, &heap);
  Row *row = find_row (self, rowid);

  if (row == NULL)
    {
      Row added = { rowid, NULL, NULL };

      g_return_if_fail (self->rows->len == 0 ||
                        g_array_index (self->rows, Row, self->rows->len - 1).rowid < rowid);
      g_array_append_val (self->rows, added);
      row = &g_array_index (self->rows, Row, self->rows->len - 1);
    }

  if (g_strcmp0 (row->email, key) != 0)
    {
      if (row->email != NULL)
        take_out (self->by_email, row->email, rowid);
      row->email = key ? g_string_chunk_insert (self->keys, key) : NULL;
      if (row->email != NULL)
        add (self->by_email, row->email, rowid);
    }
  if (digits != NULL && digits[0] == '\0')
    digits = NULL;
  if (g_strcmp0 (row->digits, digits) != 0)
    {
      if (row->digits != NULL)
        take_out (self->by_digits, row->digits, rowid);
      row->digits = digits ? g_string_chunk_insert (self->keys, digits) : NULL;
      if (row->digits != NULL)
        add (self->by_digits, row->digits, rowid);
    }
}

gboolean
_rapport_duplicate_index_load (RapportDuplicateIndex  *self,
                               RapportDatabase        *db,
                               GError                **error)
{
  static const char sql[] =
    "SELECT id, email, phone_digits FROM customers WHERE deleted_at IS NULL ORDER BY id";
  sqlite3_stmt *stmt = rapport_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    _rapport_duplicate_index_set (self, sqlite3_column_int64 (stmt, 0),
                                  (const char *) sqlite3_column_text (stmt, 1),
                                  (const char *) sqlite3_column_text (stmt, 2));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_database_set_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-search-index"

#include "config.h"

#include <string.h>

#include "rapport-search-index.h"

struct _RapportSearchIndex
{
  GObject parent_instance;

  RapportDatabase *db;
  gboolean valid;
  guint64 serial;       /* the database's customers serial when read */
  guint generation;
  GArray *rowids;       /* gint64, in name order (sort_key, id) */
  GArray *offsets;      /* guint32 into text, same order */
  GString *text;        /* folded haystacks, each NUL-terminated */
};

G_DEFINE_FINAL_TYPE (RapportSearchIndex, rapport_search_index, G_TYPE_OBJECT)

static void
rapport_search_index_finalize (GObject *object)
{
  RapportSearchIndex *self = (RapportSearchIndex *) object;

  g_clear_object (&self->db);
  g_array_unref (self->rowids);
  g_array_unref (self->offsets);
  g_string_free (self->text, TRUE);

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
  self->rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->offsets = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->text = g_string_new (NULL);
}

RapportSearchIndex *
_rapport_search_index_new (RapportDatabase *db)
{
  RapportSearchIndex *self = g_object_new (RAPPORT_TYPE_SEARCH_INDEX, NULL);

  self->db = g_object_ref (db);
  return self;
}

guint _rapport_search_index_get_generation (RapportSearchIndex *self) { return self->generation; }
guint _rapport_search_index_get_n_rows (RapportSearchIndex *self) { return self->rowids->len; }
GArray *_rapport_search_index_get_rowids (RapportSearchIndex *self) { return self->rowids; }

gboolean
_rapport_search_index_is_fresh (RapportSearchIndex *self)
{
  return self->valid && rapport_database_get_customers_serial (self->db) == self->serial;
}

typedef struct {
  gint64 rowid;
  char *sort_key;
  guint32 offset;
} Row;

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *x = a, *y = b;
  int cmp = strcmp (x->sort_key, y->sort_key);

  if (cmp != 0)
    return cmp;
  return (x->rowid > y->rowid) - (x->rowid < y->rowid);
}

/* Appends @hay case-folded, and its NUL: the same text as g_utf8_casefold,
 * but only the few characters that are not ASCII take its slow path. */
static void
append_folded (GString    *text,
               const char *hay,
               gsize       len)
{
  const char *end = hay + len;

  for (const char *p = hay; p < end;)
    {
      if ((guchar) *p < 0x80)
        {
          g_string_append_c (text, g_ascii_tolower (*p));
          p++;
        }
      else
        {
          const char *next = g_utf8_find_next_char (p, end);
          g_autofree char *folded = NULL;

          if (next == NULL)
            next = end;
          folded = g_utf8_casefold (p, next - p);
          g_string_append (text, folded);
          p = next;
        }
    }
  g_string_append_c (text, '\0');
}

gboolean
_rapport_search_index_update (RapportSearchIndex  *self,
                              GError             **error)
{
  /* A plain scan of the table, sorted here: quicker than following the
   * sort-key index row by row. The order is the list's: sort_key, then id. */
  static const char sql[] =
    "SELECT id, sort_key, name || ' ' || company || ' ' || phone || ' ' || phone_digits"
    "   || ' ' || email || ' ' || notes"
    " FROM customers NOT INDEXED WHERE deleted_at IS NULL";
  guint64 serial = rapport_database_get_customers_serial (self->db);
  g_autoptr(GArray) rows = NULL;
  g_autoptr(GString) text = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (self->valid && serial == self->serial)
    return TRUE;

  stmt = rapport_database_prepare (self->db, sql, error);
  if (stmt == NULL)
    return FALSE;
  rows = g_array_sized_new (FALSE, FALSE, sizeof (Row), self->rowids->len);
  text = g_string_sized_new (MAX (self->text->len, 1024));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Row row = {
        sqlite3_column_int64 (stmt, 0),
        g_strdup (rapport_column_text (stmt, 1)),
        (guint32) text->len,
      };
      append_folded (text, rapport_column_text (stmt, 2), (gsize) sqlite3_column_bytes (stmt, 2));
      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      for (guint i = 0; i < rows->len; i++)
        g_free (g_array_index (rows, Row, i).sort_key);
      rapport_database_set_error (self->db, rc, error);
      return FALSE;
    }
  g_array_sort (rows, compare_rows);

  /* The texts are laid out in name order too: a search reads memory straight
   * through, which the processor fetches ahead. */
  g_array_set_size (self->rowids, rows->len);
  g_array_set_size (self->offsets, rows->len);
  g_string_set_size (self->text, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      const char *hay = text->str + row->offset;

      g_array_index (self->rowids, gint64, i) = row->rowid;
      g_array_index (self->offsets, guint32, i) = (guint32) self->text->len;
      g_string_append_len (self->text, hay, (gssize) strlen (hay) + 1);
      g_free (row->sort_key);
    }
  self->serial = serial;
  self->valid = TRUE;
  self->generation++;
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
  guint n = self->rowids->len;
  guint i = *position, found = 0;
  guint end = max_rows > 0 && max_rows < n - MIN (i, n) ? i + max_rows : n;

  for (; i < end; i++)
    {
      const char *hay = self->text->str + g_array_index (self->offsets, guint32, i);
      gboolean all = TRUE;

      for (guint w = 0; words[w] && all; w++)
        all = strstr (hay, words[w]) != NULL;
      if (!all)
        continue;
      g_array_append_val (out, g_array_index (self->rowids, gint64, i));
      if (max_matches > 0 && ++found >= max_matches)
        {
          i++;
          break;
        }
    }
  *position = i;
  return i >= n;
}

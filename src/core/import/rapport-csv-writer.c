/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-export"

#include "config.h"

#include <string.h>

#include "rapport-csv-writer.h"

#define FLUSH_SIZE (64 * 1024)

struct _RapportCsvWriter
{
  GObject        parent_instance;

  GOutputStream *stream;
  GString       *buffer;
  gboolean       started;
};

G_DEFINE_FINAL_TYPE (RapportCsvWriter, rapport_csv_writer, G_TYPE_OBJECT)

static void
rapport_csv_writer_finalize (GObject *object)
{
  RapportCsvWriter *self = RAPPORT_CSV_WRITER (object);

  g_clear_object (&self->stream);
  g_string_free (self->buffer, TRUE);

  G_OBJECT_CLASS (rapport_csv_writer_parent_class)->finalize (object);
}

static void
rapport_csv_writer_class_init (RapportCsvWriterClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rapport_csv_writer_finalize;
}

static void
rapport_csv_writer_init (RapportCsvWriter *self)
{
  self->buffer = g_string_sized_new (FLUSH_SIZE + 4096);
}

RapportCsvWriter *
rapport_csv_writer_new (GOutputStream *stream)
{
  RapportCsvWriter *self;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);

  self = g_object_new (RAPPORT_TYPE_CSV_WRITER, NULL);
  self->stream = g_object_ref (stream);
  return self;
}

void
rapport_csv_append_cell (GString    *out,
                         const char *cell)
{
  gboolean formula, quote;
  gsize len;

  if (cell == NULL || cell[0] == '\0')
    return;

  len = strlen (cell);
  /* A spreadsheet runs these as formulas (CSV injection); a leading quote
   * makes them text, and our importer takes it off again. */
  formula = strchr ("=+-@\t\r", cell[0]) != NULL;
  quote = strpbrk (cell, ",;\"\r\n\t") != NULL || cell[0] == ' ' || cell[len - 1] == ' ';

  if (quote)
    g_string_append_c (out, '"');
  if (formula)
    g_string_append_c (out, '\'');
  for (const char *p = cell; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

gboolean
rapport_csv_writer_flush (RapportCsvWriter  *self,
                          GCancellable      *cancellable,
                          GError           **error)
{
  g_return_val_if_fail (RAPPORT_IS_CSV_WRITER (self), FALSE);

  if (self->buffer->len == 0)
    return TRUE;
  if (!g_output_stream_write_all (self->stream, self->buffer->str, self->buffer->len, NULL,
                                  cancellable, error))
    return FALSE;
  g_string_truncate (self->buffer, 0);
  return TRUE;
}

gboolean
rapport_csv_writer_write_row (RapportCsvWriter   *self,
                              const char * const *cells,
                              guint               n_cells,
                              GCancellable       *cancellable,
                              GError            **error)
{
  g_return_val_if_fail (RAPPORT_IS_CSV_WRITER (self), FALSE);
  g_return_val_if_fail (cells != NULL || n_cells == 0, FALSE);

  if (!self->started)
    {
      /* Excel reads UTF-8 only with the mark; LibreOffice does not mind it. */
      g_string_append (self->buffer, "\xEF\xBB\xBF");
      self->started = TRUE;
    }
  for (guint i = 0; i < n_cells; i++)
    {
      if (i > 0)
        g_string_append_c (self->buffer, ',');
      rapport_csv_append_cell (self->buffer, cells[i]);
    }
  g_string_append (self->buffer, "\r\n");

  if (self->buffer->len >= FLUSH_SIZE)
    return rapport_csv_writer_flush (self, cancellable, error);
  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-csv-reader.h"
#include "rapport-error.h"

typedef enum {
  STATE_RECORD_START,   /* nothing of the record read yet */
  STATE_FIELD_START,    /* just after a separator */
  STATE_UNQUOTED,
  STATE_QUOTED,
  STATE_QUOTE_IN_QUOTED,
} ParseState;

struct _RapportCsvReader
{
  GObject            parent_instance;

  RapportTextSource *source;
  char               separator;
  gsize              max_field_size;

  /* The text being parsed: a chunk of the source, or the text held back while
   * the separator was detected. */
  const char        *chunk;
  gsize              chunk_len;
  gsize              chunk_pos;
  GByteArray        *held;
  gboolean           started;
  gboolean           at_end;
  GError            *failure;

  ParseState         state;
  guint              line;
  gboolean           after_cr;
  guint              quote_line;

  /* The record: every field NUL-terminated, one after the other. */
  GString           *record;
  gsize              field_start;
  GArray            *starts;
  GPtrArray         *fields;
  GPtrArray         *repaired;
  guint              record_line;
  guint              n_records;
  char              *problem;
};

G_DEFINE_FINAL_TYPE (RapportCsvReader, rapport_csv_reader, G_TYPE_OBJECT)

static void
rapport_csv_reader_finalize (GObject *object)
{
  RapportCsvReader *self = RAPPORT_CSV_READER (object);

  g_clear_object (&self->source);
  g_clear_pointer (&self->held, g_byte_array_unref);
  g_clear_error (&self->failure);
  g_string_free (self->record, TRUE);
  g_clear_pointer (&self->starts, g_array_unref);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->repaired, g_ptr_array_unref);
  g_clear_pointer (&self->problem, g_free);

  G_OBJECT_CLASS (rapport_csv_reader_parent_class)->finalize (object);
}

static void
rapport_csv_reader_class_init (RapportCsvReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rapport_csv_reader_finalize;
}

static void
rapport_csv_reader_init (RapportCsvReader *self)
{
  self->max_field_size = RAPPORT_CSV_MAX_FIELD_SIZE;
  self->line = 1;
  self->record = g_string_sized_new (256);
  self->starts = g_array_new (FALSE, FALSE, sizeof (gsize));
  self->fields = g_ptr_array_new ();
  self->repaired = g_ptr_array_new_with_free_func (g_free);
}

RapportCsvReader *
rapport_csv_reader_new (GInputStream *stream)
{
  RapportCsvReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_object_new (RAPPORT_TYPE_CSV_READER, NULL);
  self->source = rapport_text_source_new (stream);
  return self;
}

void
rapport_csv_reader_set_separator (RapportCsvReader *self,
                                  char              separator)
{
  g_return_if_fail (RAPPORT_IS_CSV_READER (self));
  g_return_if_fail (!self->started);
  g_return_if_fail (separator != '"' && separator != '\r' && separator != '\n');

  self->separator = separator;
}

char
rapport_csv_reader_get_separator (RapportCsvReader *self)
{
  g_return_val_if_fail (RAPPORT_IS_CSV_READER (self), 0);
  return self->started ? self->separator : 0;
}

void
rapport_csv_reader_set_max_field_size (RapportCsvReader *self,
                                       gsize             max_size)
{
  g_return_if_fail (RAPPORT_IS_CSV_READER (self));
  self->max_field_size = MAX (max_size, 1);
}

RapportTextEncoding
rapport_csv_reader_get_encoding (RapportCsvReader *self)
{
  g_return_val_if_fail (RAPPORT_IS_CSV_READER (self), RAPPORT_TEXT_ENCODING_UNKNOWN);
  return rapport_text_source_get_encoding (self->source);
}

guint64
rapport_csv_reader_get_bytes_read (RapportCsvReader *self)
{
  g_return_val_if_fail (RAPPORT_IS_CSV_READER (self), 0);
  return rapport_text_source_get_bytes_read (self->source);
}

guint
rapport_csv_reader_get_n_fields (RapportCsvReader *self)
{
  g_return_val_if_fail (RAPPORT_IS_CSV_READER (self), 0);
  return self->fields->len > 0 ? self->fields->len - 1 : 0;
}

const char *
rapport_csv_reader_get_field (RapportCsvReader *self,
                              guint             column)
{
  g_return_val_if_fail (RAPPORT_IS_CSV_READER (self), NULL);

  if (column + 1 >= self->fields->len)
    return NULL;
  return g_ptr_array_index (self->fields, column);
}

const char * const *
rapport_csv_reader_get_fields (RapportCsvReader *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (RAPPORT_IS_CSV_READER (self), NULL);

  if (self->fields->len == 0)
    return none;
  return (const char * const *) self->fields->pdata;
}

guint
rapport_csv_reader_get_line (RapportCsvReader *self)
{
  g_return_val_if_fail (RAPPORT_IS_CSV_READER (self), 0);
  return self->record_line;
}

const char *
rapport_csv_reader_get_problem (RapportCsvReader *self)
{
  g_return_val_if_fail (RAPPORT_IS_CSV_READER (self), NULL);
  return self->problem;
}

static gboolean
fail (RapportCsvReader  *self,
      GError           **error,
      const char        *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (RapportCsvReader  *self,
      GError           **error,
      const char        *format,
      ...)
{
  va_list args;

  va_start (args, format);
  self->failure = g_error_new_valist (RAPPORT_ERROR, RAPPORT_ERROR_PARSE, format, args);
  va_end (args);
  if (error != NULL)
    *error = g_error_copy (self->failure);
  return FALSE;
}

/* Sets the next chunk of text to parse; FALSE on a read error. */
static gboolean
next_chunk (RapportCsvReader  *self,
            GCancellable      *cancellable,
            GError           **error)
{
  const char *data;
  gsize len;

  if (!rapport_text_source_read (self->source, &data, &len, cancellable, error))
    return FALSE;
  self->chunk = data;
  self->chunk_len = len;
  self->chunk_pos = 0;
  if (len == 0)
    self->at_end = TRUE;
  return TRUE;
}

/* Detects the separator from the first non-blank line, counting only the
 * separators outside quotes; an Excel "sep=;" line names it and is skipped.
 * The text read for this is held and parsed afterwards. */
static gboolean
start (RapportCsvReader  *self,
       GCancellable      *cancellable,
       GError           **error)
{
  const char *text;
  gsize len, scanned = 0, line_start = 0;
  gboolean in_quotes = FALSE, found_end = FALSE;
  guint commas = 0, semicolons = 0, tabs = 0;

  self->started = TRUE;
  self->held = g_byte_array_new ();

  while (!found_end)
    {
      if (!next_chunk (self, cancellable, error))
        return FALSE;
      if (self->at_end)
        break;
      g_byte_array_append (self->held, (const guint8 *) self->chunk, (guint) self->chunk_len);

      text = (const char *) self->held->data;
      len = self->held->len;
      for (; scanned < len && !found_end; scanned++)
        {
          char c = text[scanned];

          if (c == '"')
            in_quotes = !in_quotes;
          else if (in_quotes)
            continue;
          else if (c == ',')
            commas++;
          else if (c == ';')
            semicolons++;
          else if (c == '\t')
            tabs++;
          else if (c == '\r' || c == '\n')
            {
              if (scanned == line_start)
                line_start = scanned + 1; /* a blank line before the header */
              else
                found_end = TRUE;
            }
        }
      /* One giant first row (or a binary file): decide with what we have. */
      if (self->held->len > self->max_field_size)
        break;
    }

  text = (const char *) self->held->data;
  len = self->held->len;

  if (len - line_start >= 5 && g_ascii_strncasecmp (text + line_start, "sep=", 4) == 0 &&
      (len - line_start == 5 || text[line_start + 5] == '\r' || text[line_start + 5] == '\n') &&
      text[line_start + 4] != '"')
    {
      if (self->separator == 0)
        self->separator = text[line_start + 4];
      /* Parse from the line after it. */
      for (gsize i = 0; i < line_start; i++)
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= len || text[i + 1] != '\n')))
          self->line++;
      self->line++;
      line_start += 5;
      if (line_start < len && text[line_start] == '\r')
        line_start++;
      if (line_start < len && text[line_start] == '\n')
        line_start++;
    }
  else
    {
      line_start = 0;
    }

  if (self->separator == 0)
    {
      /* Ties go to the separator least likely to be text. */
      if (tabs > 0 && tabs >= semicolons && tabs >= commas)
        self->separator = '\t';
      else if (semicolons > 0 && semicolons >= commas)
        self->separator = ';';
      else
        self->separator = ',';
    }

  self->chunk = (const char *) self->held->data;
  self->chunk_len = self->held->len;
  self->chunk_pos = line_start;
  return TRUE;
}

static void
begin_field (RapportCsvReader *self)
{
  self->field_start = self->record->len;
  g_array_append_val (self->starts, self->field_start);
}

static void
end_field (RapportCsvReader *self)
{
  g_string_append_c (self->record, '\0');
}

/* Builds the field pointers (the record buffer no longer moves) and checks
 * the text of a UTF-8 file. */
static void
end_record (RapportCsvReader *self)
{
  g_ptr_array_set_size (self->fields, 0);
  g_ptr_array_set_size (self->repaired, 0);
  g_clear_pointer (&self->problem, g_free);

  for (guint i = 0; i < self->starts->len; i++)
    {
      const char *field = self->record->str + g_array_index (self->starts, gsize, i);

      if (!g_utf8_validate (field, -1, NULL))
        {
          char *fixed = g_utf8_make_valid (field, -1);

          g_ptr_array_add (self->repaired, fixed);
          field = fixed;
          if (self->problem == NULL)
            self->problem = g_strdup_printf (_("column %u is not valid UTF-8 text: the file mixes "
                                               "encodings; save it again as UTF-8"), i + 1);
        }
      g_ptr_array_add (self->fields, (gpointer) field);
    }
  g_ptr_array_add (self->fields, NULL);
  self->n_records++;
}

gboolean
rapport_csv_reader_next (RapportCsvReader  *self,
                         GCancellable      *cancellable,
                         GError           **error)
{
  char sep;
  gsize max;

  g_return_val_if_fail (RAPPORT_IS_CSV_READER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->failure != NULL)
    {
      g_propagate_error (error, g_error_copy (self->failure));
      return FALSE;
    }

  g_string_truncate (self->record, 0);
  g_array_set_size (self->starts, 0);
  g_ptr_array_set_size (self->fields, 0);
  g_clear_pointer (&self->problem, g_free);
  self->field_start = 0;
  self->state = STATE_RECORD_START;

  if (!self->started)
    {
      if (!start (self, cancellable, error))
        return FALSE;
    }
  sep = self->separator;
  max = self->max_field_size;

  for (;;)
    {
      const char *p, *end;

      if (self->chunk_pos >= self->chunk_len)
        {
          if (!self->at_end)
            {
              if (self->held != NULL)
                g_clear_pointer (&self->held, g_byte_array_unref);
              if (!next_chunk (self, cancellable, error))
                return FALSE;
              continue;
            }

          switch (self->state)
            {
            case STATE_RECORD_START:
              if (self->n_records == 0)
                return fail (self, error, _("The file is empty."));
              return FALSE;
            case STATE_QUOTED:
              return fail (self, error,
                           _("line %u: a quoted field starts here and is never closed "
                             "(a \" is missing)"), self->quote_line);
            case STATE_FIELD_START:
              begin_field (self);
              end_field (self);
              break;
            case STATE_UNQUOTED:
            case STATE_QUOTE_IN_QUOTED:
              end_field (self);
              break;
            default:
              g_assert_not_reached ();
            }
          end_record (self);
          return TRUE;
        }

      p = self->chunk + self->chunk_pos;
      end = self->chunk + self->chunk_len;

      while (p < end)
        {
          char c = *p++;

          if (self->after_cr)
            {
              self->after_cr = FALSE;
              if (c == '\n')
                continue;
            }

          if (G_UNLIKELY (c == '\0'))
            {
              self->chunk_pos = (gsize) (p - self->chunk);
              return fail (self, error,
                           _("line %u: the file holds binary data, it is not a text file"),
                           self->line);
            }

          switch (self->state)
            {
            case STATE_RECORD_START:
              if (c == '\r' || c == '\n')
                {
                  /* A blank line. */
                  self->line++;
                  self->after_cr = c == '\r';
                  break;
                }
              self->record_line = self->line;
              begin_field (self);
              G_GNUC_FALLTHROUGH;

            case STATE_FIELD_START:
              if (self->state == STATE_FIELD_START)
                begin_field (self);
              if (c == '"')
                {
                  self->state = STATE_QUOTED;
                  self->quote_line = self->line;
                  break;
                }
              self->state = STATE_UNQUOTED;
              G_GNUC_FALLTHROUGH;

            case STATE_UNQUOTED:
            case STATE_QUOTE_IN_QUOTED:
              if (c == sep)
                {
                  end_field (self);
                  self->state = STATE_FIELD_START;
                  if (self->starts->len >= RAPPORT_CSV_MAX_COLUMNS)
                    return fail (self, error, _("line %u: a row has more than %u columns"),
                                 self->record_line, RAPPORT_CSV_MAX_COLUMNS);
                }
              else if (c == '\r' || c == '\n')
                {
                  self->line++;
                  self->after_cr = c == '\r';
                  end_field (self);
                  self->chunk_pos = (gsize) (p - self->chunk);
                  end_record (self);
                  return TRUE;
                }
              else if (c == '"' && self->state == STATE_QUOTE_IN_QUOTED)
                {
                  /* "" inside quotes is one quote. */
                  g_string_append_c (self->record, '"');
                  self->state = STATE_QUOTED;
                }
              else
                {
                  /* Text after a closing quote is kept, as spreadsheets do. */
                  g_string_append_c (self->record, c);
                  self->state = STATE_UNQUOTED;
                }
              break;

            case STATE_QUOTED:
              if (c == '"')
                {
                  self->state = STATE_QUOTE_IN_QUOTED;
                  break;
                }
              if (c == '\r' || c == '\n')
                {
                  self->line++;
                  self->after_cr = c == '\r';
                  c = '\n';
                }
              g_string_append_c (self->record, c);
              break;

            default:
              g_assert_not_reached ();
            }

          if (G_UNLIKELY (self->record->len - self->field_start > max))
            {
              self->chunk_pos = (gsize) (p - self->chunk);
              if (max == RAPPORT_CSV_MAX_FIELD_SIZE)
                return fail (self, error, _("line %u: a field is longer than 1 MB"),
                             self->record_line);
              return fail (self, error, _("line %u: a field is longer than %u bytes"),
                           self->record_line, (guint) MIN (max, G_MAXUINT));
            }
        }
      self->chunk_pos = self->chunk_len;
    }
}

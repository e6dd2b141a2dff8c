/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-import"

#include "config.h"

#include <string.h>

#include "rapport-text-source.h"

/* Big enough to be fast, small enough that memory never depends on the file. */
#define CHUNK_SIZE (64 * 1024)
/* A UTF-8 sequence cut by the end of a chunk, or a UTF-16 surrogate pair. */
#define MAX_CARRY 4

struct _RapportTextSource
{
  GObject              parent_instance;

  GInputStream        *stream;
  RapportTextEncoding  encoding;
  gboolean             started;
  gboolean             eof;
  guint64              bytes_read;

  guint8              *raw;        /* MAX_CARRY + CHUNK_SIZE */
  gsize                carry_len;  /* undecoded bytes at the start of raw */
  GByteArray          *out;
};

G_DEFINE_FINAL_TYPE (RapportTextSource, rapport_text_source, G_TYPE_OBJECT)

/* Windows-1252 0x80–0x9F; the five unassigned bytes keep their C1 code point,
 * as Latin-1 has them, so that no byte is ever lost. 0xA0–0xFF are Latin-1. */
static const gunichar windows_1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static void
append_windows_1252 (GByteArray   *out,
                     const guint8 *in,
                     gsize         len)
{
  for (gsize i = 0; i < len; i++)
    {
      guint8 c = in[i];

      if (c < 0x80)
        {
          g_byte_array_append (out, &c, 1);
        }
      else
        {
          char utf8[6];
          gunichar u = c < 0xA0 ? windows_1252_high[c - 0x80] : (gunichar) c;
          int n = g_unichar_to_utf8 (u, utf8);

          g_byte_array_append (out, (const guint8 *) utf8, (guint) n);
        }
    }
}

char *
rapport_text_from_windows_1252 (const char *bytes,
                                gssize      len)
{
  GByteArray *out;

  if (len < 0)
    len = (gssize) strlen (bytes);
  out = g_byte_array_sized_new ((guint) len + 1);
  append_windows_1252 (out, (const guint8 *) bytes, (gsize) len);
  g_byte_array_append (out, (const guint8 *) "", 1);
  return (char *) g_byte_array_free (out, FALSE);
}

char *
rapport_text_to_utf8 (const char *bytes,
                      gssize      len)
{
  if (len < 0)
    len = (gssize) strlen (bytes);
  if (g_utf8_validate (bytes, len, NULL) && memchr (bytes, '\0', (gsize) len) == NULL)
    return g_strndup (bytes, (gsize) len);
  return rapport_text_from_windows_1252 (bytes, len);
}

const char *
rapport_text_encoding_to_string (RapportTextEncoding encoding)
{
  switch (encoding)
    {
    case RAPPORT_TEXT_ENCODING_UNKNOWN:
    case RAPPORT_TEXT_ENCODING_UTF8:
      return "UTF-8";
    case RAPPORT_TEXT_ENCODING_WINDOWS_1252:
      return "WINDOWS-1252";
    case RAPPORT_TEXT_ENCODING_UTF16LE:
      return "UTF-16LE";
    case RAPPORT_TEXT_ENCODING_UTF16BE:
      return "UTF-16BE";
    default:
      g_return_val_if_reached ("UTF-8");
    }
}

static void
rapport_text_source_finalize (GObject *object)
{
  RapportTextSource *self = RAPPORT_TEXT_SOURCE (object);

  g_clear_object (&self->stream);
  g_clear_pointer (&self->raw, g_free);
  g_clear_pointer (&self->out, g_byte_array_unref);

  G_OBJECT_CLASS (rapport_text_source_parent_class)->finalize (object);
}

static void
rapport_text_source_class_init (RapportTextSourceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rapport_text_source_finalize;
}

static void
rapport_text_source_init (RapportTextSource *self)
{
  self->raw = g_malloc (MAX_CARRY + CHUNK_SIZE);
  self->out = g_byte_array_sized_new (CHUNK_SIZE + CHUNK_SIZE / 2);
}

RapportTextSource *
rapport_text_source_new (GInputStream *stream)
{
  RapportTextSource *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_object_new (RAPPORT_TYPE_TEXT_SOURCE, NULL);
  self->stream = g_object_ref (stream);
  return self;
}

RapportTextEncoding
rapport_text_source_get_encoding (RapportTextSource *self)
{
  g_return_val_if_fail (RAPPORT_IS_TEXT_SOURCE (self), RAPPORT_TEXT_ENCODING_UNKNOWN);
  return self->encoding;
}

guint64
rapport_text_source_get_bytes_read (RapportTextSource *self)
{
  g_return_val_if_fail (RAPPORT_IS_TEXT_SOURCE (self), 0);
  return self->bytes_read;
}

static gsize
utf8_sequence_length (guint8 lead)
{
  if (lead >= 0xC2 && lead <= 0xDF)
    return 2;
  if (lead >= 0xE0 && lead <= 0xEF)
    return 3;
  if (lead >= 0xF0 && lead <= 0xF4)
    return 4;
  return 0;
}

/* While only ASCII has been seen the file could still be either; the first
 * non-ASCII bytes decide: valid UTF-8 sequences make it UTF-8, bytes that are
 * not UTF-8 make it Windows-1252. ASCII reads the same in both, so nothing
 * read so far has to be decoded again. Returns how many bytes at the end must
 * wait for the next chunk (a sequence cut in two). */
static gsize
guess_encoding (RapportTextSource *self,
                const guint8      *in,
                gsize              len)
{
  guint valid = 0, invalid = 0;
  gsize cut = 0;

  for (gsize i = 0; i < len; i++)
    {
      gsize n;

      if (in[i] < 0x80)
        continue;
      n = utf8_sequence_length (in[i]);
      if (n != 0 && i + n > len && !self->eof)
        {
          cut = len - i;
          break;
        }
      if (n != 0 && i + n <= len && g_utf8_validate ((const char *) in + i, (gssize) n, NULL))
        {
          valid++;
          i += n - 1;
        }
      else
        {
          invalid++;
        }
    }

  if (valid + invalid > 0)
    self->encoding = valid >= invalid && valid > 0 ? RAPPORT_TEXT_ENCODING_UTF8
                                                   : RAPPORT_TEXT_ENCODING_WINDOWS_1252;
  else if (self->eof)
    self->encoding = RAPPORT_TEXT_ENCODING_UTF8;

  return self->encoding == RAPPORT_TEXT_ENCODING_UNKNOWN ? cut : 0;
}

/* Returns the number of trailing bytes left undecoded. */
static gsize
decode_utf16 (RapportTextSource *self,
              const guint8      *in,
              gsize              len)
{
  gboolean le = self->encoding == RAPPORT_TEXT_ENCODING_UTF16LE;
  gsize i = 0;

  while (i + 2 <= len)
    {
      gunichar u = le ? (gunichar) (in[i] | in[i + 1] << 8) : (gunichar) (in[i] << 8 | in[i + 1]);
      char utf8[6];
      int n;

      if (u >= 0xD800 && u <= 0xDBFF)
        {
          gunichar low;

          if (i + 4 > len)
            {
              if (!self->eof)
                break;
              u = 0xFFFD;
              i += 2;
            }
          else
            {
              low = le ? (gunichar) (in[i + 2] | in[i + 3] << 8)
                       : (gunichar) (in[i + 2] << 8 | in[i + 3]);
              if (low >= 0xDC00 && low <= 0xDFFF)
                {
                  u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
                  i += 4;
                }
              else
                {
                  u = 0xFFFD;
                  i += 2;
                }
            }
        }
      else
        {
          if (u >= 0xDC00 && u <= 0xDFFF)
            u = 0xFFFD;
          i += 2;
        }
      n = g_unichar_to_utf8 (u, utf8);
      g_byte_array_append (self->out, (const guint8 *) utf8, (guint) n);
    }

  if (self->eof && i < len)
    {
      /* An odd byte at the very end: not text, but never drop it silently. */
      static const char replacement[] = "\xEF\xBF\xBD";
      g_byte_array_append (self->out, (const guint8 *) replacement, 3);
      i = len;
    }

  return len - i;
}

static gsize
decode (RapportTextSource *self,
        const guint8      *in,
        gsize              len)
{
  gsize keep = 0;

  if (self->encoding == RAPPORT_TEXT_ENCODING_UNKNOWN)
    keep = guess_encoding (self, in, len);

  switch (self->encoding)
    {
    case RAPPORT_TEXT_ENCODING_UNKNOWN:
    case RAPPORT_TEXT_ENCODING_UTF8:
      g_byte_array_append (self->out, in, (guint) (len - keep));
      return keep;
    case RAPPORT_TEXT_ENCODING_WINDOWS_1252:
      append_windows_1252 (self->out, in, len);
      return 0;
    case RAPPORT_TEXT_ENCODING_UTF16LE:
    case RAPPORT_TEXT_ENCODING_UTF16BE:
      return decode_utf16 (self, in, len);
    default:
      g_assert_not_reached ();
    }
}

gboolean
rapport_text_source_read (RapportTextSource  *self,
                          const char        **data,
                          gsize              *len,
                          GCancellable       *cancellable,
                          GError            **error)
{
  g_return_val_if_fail (RAPPORT_IS_TEXT_SOURCE (self), FALSE);

  g_byte_array_set_size (self->out, 0);

  /* Loop because a chunk may decode to nothing (a cut sequence waiting). */
  while (self->out->len == 0 && !(self->eof && self->carry_len == 0))
    {
      gsize n_read = 0;
      guint8 *in = self->raw;
      gsize in_len;
      gsize keep;

      if (!self->eof)
        {
          if (!g_input_stream_read_all (self->stream, self->raw + self->carry_len, CHUNK_SIZE,
                                        &n_read, cancellable, error))
            return FALSE;
          self->bytes_read += n_read;
          if (n_read < CHUNK_SIZE)
            self->eof = TRUE;
        }
      in_len = self->carry_len + n_read;

      if (!self->started)
        {
          self->started = TRUE;
          if (in_len >= 3 && memcmp (in, "\xEF\xBB\xBF", 3) == 0)
            {
              self->encoding = RAPPORT_TEXT_ENCODING_UTF8;
              in += 3;
              in_len -= 3;
            }
          else if (in_len >= 2 && in[0] == 0xFF && in[1] == 0xFE)
            {
              self->encoding = RAPPORT_TEXT_ENCODING_UTF16LE;
              in += 2;
              in_len -= 2;
            }
          else if (in_len >= 2 && in[0] == 0xFE && in[1] == 0xFF)
            {
              self->encoding = RAPPORT_TEXT_ENCODING_UTF16BE;
              in += 2;
              in_len -= 2;
            }
        }

      keep = decode (self, in, in_len);
      g_assert (keep <= MAX_CARRY);
      memmove (self->raw, in + in_len - keep, keep);
      /* At the end of the stream decode() keeps nothing back. */
      self->carry_len = keep;
    }

  *data = (const char *) self->out->data;
  *len = self->out->len;
  return TRUE;
}

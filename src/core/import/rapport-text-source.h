/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * RapportTextEncoding:
 * @RAPPORT_TEXT_ENCODING_UNKNOWN: nothing but ASCII seen so far
 * @RAPPORT_TEXT_ENCODING_UTF8: UTF-8, with or without a byte order mark
 * @RAPPORT_TEXT_ENCODING_WINDOWS_1252: Windows-1252 (a superset of Latin-1)
 * @RAPPORT_TEXT_ENCODING_UTF16LE: UTF-16, little endian (byte order mark seen)
 * @RAPPORT_TEXT_ENCODING_UTF16BE: UTF-16, big endian (byte order mark seen)
 */
typedef enum {
  RAPPORT_TEXT_ENCODING_UNKNOWN,
  RAPPORT_TEXT_ENCODING_UTF8,
  RAPPORT_TEXT_ENCODING_WINDOWS_1252,
  RAPPORT_TEXT_ENCODING_UTF16LE,
  RAPPORT_TEXT_ENCODING_UTF16BE,
} RapportTextEncoding;

#define RAPPORT_TYPE_TEXT_SOURCE (rapport_text_source_get_type ())

G_DECLARE_FINAL_TYPE (RapportTextSource, rapport_text_source, RAPPORT, TEXT_SOURCE, GObject)

/* Reads @stream in chunks and hands the text out as UTF-8, whatever the file's
 * encoding: a byte order mark decides, otherwise the first non-ASCII bytes
 * decide between UTF-8 and Windows-1252. Memory stays at one chunk. */
RapportTextSource   *rapport_text_source_new            (GInputStream       *stream);

/* The next piece of text; *@len is 0 at the end of the stream. The data stays
 * valid until the next call. In a file that mixes encodings the data may hold
 * invalid UTF-8: readers validate what they keep. */
gboolean             rapport_text_source_read           (RapportTextSource  *self,
                                                         const char        **data,
                                                         gsize              *len,
                                                         GCancellable       *cancellable,
                                                         GError            **error);
RapportTextEncoding  rapport_text_source_get_encoding   (RapportTextSource  *self);
/* Bytes consumed from the underlying stream, for progress. */
guint64              rapport_text_source_get_bytes_read (RapportTextSource  *self);

const char          *rapport_text_encoding_to_string    (RapportTextEncoding encoding);

/* Converts Windows-1252 bytes to UTF-8; every byte maps to a character. */
char                *rapport_text_from_windows_1252     (const char         *bytes,
                                                         gssize              len);
/* @bytes as valid UTF-8: kept when valid, else read as Windows-1252. */
char                *rapport_text_to_utf8               (const char         *bytes,
                                                         gssize              len);

G_END_DECLS

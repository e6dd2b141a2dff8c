/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-text-source.h"

G_BEGIN_DECLS

/* The default limit on one field: larger fields are not customer data. */
#define RAPPORT_CSV_MAX_FIELD_SIZE (1024 * 1024)
/* A row with more columns than this is not a spreadsheet of customers. */
#define RAPPORT_CSV_MAX_COLUMNS 4096

#define RAPPORT_TYPE_CSV_READER (rapport_csv_reader_get_type ())

G_DECLARE_FINAL_TYPE (RapportCsvReader, rapport_csv_reader, RAPPORT, CSV_READER, GObject)

/* A streaming RFC 4180 reader: comma, semicolon or tab separated (detected
 * from the first row, or from an Excel "sep=" line), quoted fields with
 * separators, quotes and newlines inside, CRLF, LF or CR line ends, UTF-8 with
 * or without BOM, UTF-16 with BOM, Windows-1252. Blank lines are skipped. */
RapportCsvReader   *rapport_csv_reader_new                (GInputStream      *stream);

/* 0 (the default) detects it. Call before the first rapport_csv_reader_next(). */
void                rapport_csv_reader_set_separator      (RapportCsvReader  *self,
                                                           char               separator);
/* The separator in use; 0 before the first record is read. */
char                rapport_csv_reader_get_separator      (RapportCsvReader  *self);
void                rapport_csv_reader_set_max_field_size (RapportCsvReader  *self,
                                                           gsize              max_size);
RapportTextEncoding rapport_csv_reader_get_encoding       (RapportCsvReader  *self);

/* Reads the next record. Returns FALSE at the end (with @error unset) or on an
 * error that stops reading: an empty file, binary data, an unterminated quote,
 * a field over the size limit (all RAPPORT_ERROR_PARSE, naming the line). */
gboolean            rapport_csv_reader_next               (RapportCsvReader  *self,
                                                           GCancellable      *cancellable,
                                                           GError           **error);
/* The current record; valid until the next call. Fields are UTF-8; embedded
 * line ends are "\n". */
guint               rapport_csv_reader_get_n_fields       (RapportCsvReader  *self);
const char         *rapport_csv_reader_get_field          (RapportCsvReader  *self,
                                                           guint              column);
const char * const *rapport_csv_reader_get_fields         (RapportCsvReader  *self);
/* The physical line (1-based) where the current record starts. */
guint               rapport_csv_reader_get_line           (RapportCsvReader  *self);
/* Why the current record cannot be trusted (text that is not valid UTF-8 in a
 * UTF-8 file), or NULL. Its fields are then repaired with U+FFFD. */
const char         *rapport_csv_reader_get_problem        (RapportCsvReader  *self);
/* Bytes of the file consumed so far, for progress. */
guint64             rapport_csv_reader_get_bytes_read     (RapportCsvReader  *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define RAPPORT_TYPE_CSV_WRITER (rapport_csv_writer_get_type ())

G_DECLARE_FINAL_TYPE (RapportCsvWriter, rapport_csv_writer, RAPPORT, CSV_WRITER, GObject)

/* Writes CSV that LibreOffice and Excel open as it is meant: UTF-8 with a
 * byte order mark, CRLF after each row, fields quoted when they hold a comma,
 * a quote, a line break or edge spaces, and every cell that a spreadsheet
 * would run as a formula (starting with =, +, -, @, tab or CR) prefixed with
 * a single quote. Buffered; nothing is written until the first row. */
RapportCsvWriter *rapport_csv_writer_new        (GOutputStream      *stream);
gboolean          rapport_csv_writer_write_row  (RapportCsvWriter   *self,
                                                 const char * const *cells,
                                                 guint               n_cells,
                                                 GCancellable       *cancellable,
                                                 GError            **error);
/* Writes what is buffered (the stream is not closed). */
gboolean          rapport_csv_writer_flush      (RapportCsvWriter   *self,
                                                 GCancellable       *cancellable,
                                                 GError            **error);
/* Appends one cell, escaped as above, to @out. */
void              rapport_csv_append_cell       (GString            *out,
                                                 const char         *cell);

G_END_DECLS

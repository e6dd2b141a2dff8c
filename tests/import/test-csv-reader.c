/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/resource.h>

#include "rapport-csv-reader.h"
#include "rapport-error.h"

static RapportCsvReader *
reader_for (const char *data,
            gssize      len)
{
  g_autoptr(GInputStream) stream = NULL;

  if (len < 0)
    len = (gssize) strlen (data);
  stream = g_memory_input_stream_new_from_data (g_memdup2 (data, (gsize) len), len, g_free);
  return rapport_csv_reader_new (stream);
}

/* Every record as "LINE:field|field", one per line; or "error: message". */
static char *
dump (RapportCsvReader *reader)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  while (rapport_csv_reader_next (reader, NULL, &error))
    {
      g_string_append_printf (out, "%u:", rapport_csv_reader_get_line (reader));
      for (guint i = 0; i < rapport_csv_reader_get_n_fields (reader); i++)
        g_string_append_printf (out, "%s%s", i > 0 ? "|" : "",
                                rapport_csv_reader_get_field (reader, i));
      if (rapport_csv_reader_get_problem (reader) != NULL)
        g_string_append_printf (out, " (%s)", rapport_csv_reader_get_problem (reader));
      g_string_append_c (out, '\n');
    }
  if (error != NULL)
    {
      g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_PARSE);
      g_string_append_printf (out, "error: %s\n", error->message);
    }
  return g_string_free (out, FALSE);
}

static char *
dump_text (const char *data,
           gssize      len)
{
  g_autoptr(RapportCsvReader) reader = reader_for (data, len);
  return dump (reader);
}

static void
test_reads_comma_separated_rows (void)
{
  g_autoptr(RapportCsvReader) reader = reader_for ("Name,Phone\nAnna,030 123\nBen,\n", -1);
  g_autofree char *out = dump (reader);

  g_assert_cmpstr (out, ==, "1:Name|Phone\n2:Anna|030 123\n3:Ben|\n");
  g_assert_cmpint (rapport_csv_reader_get_separator (reader), ==, ',');
  g_assert_cmpint (rapport_csv_reader_get_encoding (reader), ==, RAPPORT_TEXT_ENCODING_UTF8);
}

static void
test_detects_semicolon_and_tab (void)
{
  g_autoptr(RapportCsvReader) semicolon = reader_for ("Name;Firma;Notizen\nA;B, C;D\n", -1);
  g_autoptr(RapportCsvReader) tab = reader_for ("Name\tCompany\nA\tB;C,D\n", -1);
  g_autofree char *out1 = dump (semicolon);
  g_autofree char *out2 = dump (tab);

  g_assert_cmpstr (out1, ==, "1:Name|Firma|Notizen\n2:A|B, C|D\n");
  g_assert_cmpint (rapport_csv_reader_get_separator (semicolon), ==, ';');
  g_assert_cmpint (rapport_csv_reader_get_separator (tab), ==, '\t');
  g_assert_cmpstr (out2, ==, "1:Name|Company\n2:A|B;C,D\n");
}

static void
test_ignores_separators_inside_quotes_when_detecting (void)
{
  g_autofree char *out = dump_text ("\"Name; full; really\",Phone\n\"A;B\",1\n", -1);

  g_assert_cmpstr (out, ==, "1:Name; full; really|Phone\n2:A;B|1\n");
}

static void
test_reads_quoted_fields (void)
{
  const char *csv =
    "Name,Notes,Phone\r\n"
    "\"Smith, Anna\",\"She said \"\"hello\"\"\",\"1\"\r\n"
    "\"Ben\",\"two\r\nlines\nand\rthree\",2\r\n"
    "Carl,\"\",\r\n";
  g_autofree char *out = dump_text (csv, -1);

  g_assert_cmpstr (out, ==,
                   "1:Name|Notes|Phone\n"
                   "2:Smith, Anna|She said \"hello\"|1\n"
                   "3:Ben|two\nlines\nand\nthree|2\n"
                   "7:Carl||\n");
}

static void
test_reads_every_line_end (void)
{
  g_autofree char *lf = dump_text ("a,b\nc,d\n", -1);
  g_autofree char *crlf = dump_text ("a,b\r\nc,d\r\n", -1);
  g_autofree char *cr = dump_text ("a,b\rc,d\r", -1);
  g_autofree char *none = dump_text ("a,b\r\nc,d", -1);

  g_assert_cmpstr (lf, ==, "1:a|b\n2:c|d\n");
  g_assert_cmpstr (crlf, ==, "1:a|b\n2:c|d\n");
  g_assert_cmpstr (cr, ==, "1:a|b\n2:c|d\n");
  g_assert_cmpstr (none, ==, "1:a|b\n2:c|d\n");
}

static void
test_skips_blank_lines_and_counts_them (void)
{
  g_autofree char *out = dump_text ("\r\n\r\nName,Phone\r\n\r\nAnna,1\n\n,\n", -1);

  g_assert_cmpstr (out, ==, "3:Name|Phone\n5:Anna|1\n7:|\n");
}

static void
test_strips_the_byte_order_mark (void)
{
  g_autoptr(RapportCsvReader) reader = reader_for ("\xEF\xBB\xBFName;Ort\nJörg;Köln\n", -1);
  g_autofree char *out = dump (reader);

  g_assert_cmpstr (out, ==, "1:Name|Ort\n2:Jörg|Köln\n");
  g_assert_cmpint (rapport_csv_reader_get_encoding (reader), ==, RAPPORT_TEXT_ENCODING_UTF8);
}

static void
test_converts_windows_1252 (void)
{
  g_autoptr(RapportCsvReader) reader =
    reader_for ("Name;Stra\xDF" "e;Preis\nJ\xFCrgen M\xFCller;\x84Gr\xFCne Au\x93;5 \x80\n", -1);
  g_autofree char *out = dump (reader);

  g_assert_cmpstr (out, ==, "1:Name|Straße|Preis\n2:Jürgen Müller|„Grüne Au“|5 €\n");
  g_assert_cmpint (rapport_csv_reader_get_encoding (reader), ==,
                   RAPPORT_TEXT_ENCODING_WINDOWS_1252);
}

/* The first umlaut far beyond the first chunk still decides the encoding. */
static void
test_detects_windows_1252_late_in_the_file (void)
{
  GString *csv = g_string_new ("Name;Phone\n");
  g_autoptr(RapportCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;
  guint rows = 0;

  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (csv, "Customer %u;%u\n", i, i);
  g_string_append (csv, "Sch\xF6" "n;1\n");
  reader = reader_for (csv->str, (gssize) csv->len);

  while (rapport_csv_reader_next (reader, NULL, &error))
    {
      rows++;
      g_assert_null (rapport_csv_reader_get_problem (reader));
      g_free (last);
      last = g_strdup (rapport_csv_reader_get_field (reader, 0));
    }
  g_assert_no_error (error);
  g_assert_cmpuint (rows, ==, 20002);
  g_assert_cmpstr (last, ==, "Schön");
  g_assert_cmpint (rapport_csv_reader_get_encoding (reader), ==,
                   RAPPORT_TEXT_ENCODING_WINDOWS_1252);
  g_string_free (csv, TRUE);
}

/* A character cut in two by the end of a 64 KiB chunk. */
static void
test_reads_utf8_across_chunks (void)
{
  GString *csv = g_string_new ("Name\n");
  g_autoptr(RapportCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *last = NULL;

  while (csv->len < 64 * 1024 - 1)
    g_string_append_c (csv, csv->len % 50 == 0 ? '\n' : 'x');
  g_string_append (csv, "€uro\n");
  reader = reader_for (csv->str, (gssize) csv->len);

  while (rapport_csv_reader_next (reader, NULL, &error))
    {
      g_assert_null (rapport_csv_reader_get_problem (reader));
      g_free (last);
      last = g_strdup (rapport_csv_reader_get_field (reader, 0));
    }
  g_assert_no_error (error);
  g_assert_true (g_str_has_suffix (last, "€uro"));
  g_assert_cmpint (rapport_csv_reader_get_encoding (reader), ==, RAPPORT_TEXT_ENCODING_UTF8);
  g_string_free (csv, TRUE);
}

static void
test_reads_utf16_with_bom (void)
{
  const char *text = "Name\tFirma\r\nJörg\t\"Ä, Ö\"\r\n𝄞\tx\r\n";
  g_autofree gunichar2 *utf16 = NULL;
  glong n = 0;
  GByteArray *bytes = g_byte_array_new ();
  g_autoptr(RapportCsvReader) reader = NULL;
  g_autofree char *out = NULL;

  utf16 = g_utf8_to_utf16 (text, -1, NULL, &n, NULL);
  g_byte_array_append (bytes, (const guint8 *) "\xFF\xFE", 2);
  for (glong i = 0; i < n; i++)
    {
      guint8 le[2] = { utf16[i] & 0xFF, utf16[i] >> 8 };
      g_byte_array_append (bytes, le, 2);
    }
  reader = reader_for ((const char *) bytes->data, bytes->len);
  out = dump (reader);

  g_assert_cmpstr (out, ==, "1:Name|Firma\n2:Jörg|Ä, Ö\n3:𝄞|x\n");
  g_assert_cmpint (rapport_csv_reader_get_encoding (reader), ==, RAPPORT_TEXT_ENCODING_UTF16LE);
  g_byte_array_unref (bytes);
}

static void
test_flags_invalid_utf8_rows_in_a_utf8_file (void)
{
  g_autofree char *out = dump_text ("Name,Ort\nJörg,Köln\nBad\xFF,x\nÄnne,Bonn\n", -1);

  g_assert_cmpstr (out, ==,
                   "1:Name|Ort\n2:Jörg|Köln\n"
                   "3:Bad\xEF\xBF\xBD|x (column 1 is not valid UTF-8 text: the file mixes "
                   "encodings; save it again as UTF-8)\n"
                   "4:Änne|Bonn\n");
}

static void
test_reads_the_excel_sep_line (void)
{
  g_autoptr(RapportCsvReader) reader = reader_for ("sep=,\r\nName;Company,Phone\r\nA;B,1\r\n", -1);
  g_autofree char *out = dump (reader);

  g_assert_cmpstr (out, ==, "2:Name;Company|Phone\n3:A;B|1\n");
  g_assert_cmpint (rapport_csv_reader_get_separator (reader), ==, ',');
}

static void
test_uses_a_given_separator (void)
{
  g_autoptr(RapportCsvReader) reader = reader_for ("a;b,c\n", -1);
  g_autofree char *out = NULL;

  rapport_csv_reader_set_separator (reader, ',');
  out = dump (reader);
  g_assert_cmpstr (out, ==, "1:a;b|c\n");
}

static void
test_fails_on_an_empty_file (void)
{
  g_autofree char *empty = dump_text ("", 0);
  g_autofree char *blank = dump_text ("\xEF\xBB\xBF\r\n\n", -1);

  g_assert_cmpstr (empty, ==, "error: The file is empty.\n");
  g_assert_cmpstr (blank, ==, "error: The file is empty.\n");
}

static void
test_fails_on_binary_data (void)
{
  static const char png[] = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR";
  g_autofree char *image = dump_text (png, sizeof png - 1);
  g_autofree char *late = dump_text ("Name\nAnna\nB\0b\n", 13);

  g_assert_cmpstr (image, ==, "1:\xE2\x80\xB0PNG\n2:\x1A\nerror: line 3: the file holds binary "
                              "data, it is not a text file\n");
  g_assert_cmpstr (late, ==, "1:Name\n2:Anna\nerror: line 3: the file holds binary data, "
                             "it is not a text file\n");
}

static void
test_names_the_line_of_an_unterminated_quote (void)
{
  g_autofree char *out = dump_text ("Name,Notes\nA,x\nB,\"never\nclosed,\nat all\n", -1);

  g_assert_cmpstr (out, ==, "1:Name|Notes\n2:A|x\n"
                            "error: line 3: a quoted field starts here and is never closed "
                            "(a \" is missing)\n");
}

static void
test_fails_on_a_huge_field (void)
{
  gsize size = 20 * 1024 * 1024;
  char *data = g_malloc (size);
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(RapportCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;

  memcpy (data, "Name\n\"", 6);
  memset (data + 6, 'x', size - 6);
  stream = g_memory_input_stream_new_from_data (data, (gssize) size, g_free);
  reader = rapport_csv_reader_new (stream);

  g_assert_true (rapport_csv_reader_next (reader, NULL, &error));
  g_assert_false (rapport_csv_reader_next (reader, NULL, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_PARSE);
  g_assert_cmpstr (error->message, ==, "line 2: a field is longer than 1 MB");
  /* It stopped at the limit instead of reading all 20 MB. */
  g_assert_cmpuint (rapport_csv_reader_get_bytes_read (reader), <, 2 * 1024 * 1024);
}

static void
test_fails_on_too_many_columns (void)
{
  GString *csv = g_string_new ("Name\n");
  g_autofree char *out = NULL;

  for (guint i = 0; i < RAPPORT_CSV_MAX_COLUMNS + 5; i++)
    g_string_append_c (csv, ',');
  out = dump_text (csv->str, (gssize) csv->len);
  g_assert_cmpstr (out, ==, "1:Name\nerror: line 2: a row has more than 4096 columns\n");
  g_string_free (csv, TRUE);
}

/* An endless CSV made up on the fly, so that only the reader holds memory. */
#define ROW "\"Customer, with a long name\";\"+49 30 1234567\";someone@example.com;\"a note\"\n"

typedef struct {
  GInputStream parent_instance;
  gsize        remaining;
  gsize        offset;
} RowStream;

typedef struct {
  GInputStreamClass parent_class;
} RowStreamClass;

G_DEFINE_TYPE (RowStream, row_stream, G_TYPE_INPUT_STREAM)

static gssize
row_stream_read (GInputStream  *stream,
                 void          *buffer,
                 gsize          count,
                 GCancellable  *cancellable,
                 GError       **error)
{
  RowStream *self = (RowStream *) stream;
  gsize n = MIN (count, self->remaining);
  gsize row_len = strlen (ROW);

  for (gsize i = 0; i < n; i++)
    ((char *) buffer)[i] = ROW[(self->offset + i) % row_len];
  self->offset += n;
  self->remaining -= n;
  return (gssize) n;
}

static void
row_stream_class_init (RowStreamClass *klass)
{
  G_INPUT_STREAM_CLASS (klass)->read_fn = row_stream_read;
}

static void
row_stream_init (RowStream *self)
{
}

static glong
max_rss_kb (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static void
test_memory_does_not_grow_with_the_file (void)
{
  g_autoptr(GInputStream) stream = g_object_new (row_stream_get_type (), NULL);
  g_autoptr(RapportCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  gsize rows = 400000;
  gsize n = 0;
  glong before;

  ((RowStream *) stream)->remaining = rows * strlen (ROW);
  reader = rapport_csv_reader_new (stream);
  before = max_rss_kb ();
  while (rapport_csv_reader_next (reader, NULL, &error))
    {
      g_assert_cmpuint (rapport_csv_reader_get_n_fields (reader), ==, 4);
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, rows);
  g_assert_cmpuint (rapport_csv_reader_get_line (reader), ==, rows);
  /* About 30 MB went through; the reader keeps a chunk or two. */
  g_assert_cmpint (max_rss_kb () - before, <, 4 * 1024);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/csv-reader/reads-comma-separated-rows", test_reads_comma_separated_rows);
  g_test_add_func ("/import/csv-reader/detects-semicolon-and-tab", test_detects_semicolon_and_tab);
  g_test_add_func ("/import/csv-reader/ignores-separators-inside-quotes-when-detecting",
                   test_ignores_separators_inside_quotes_when_detecting);
  g_test_add_func ("/import/csv-reader/reads-quoted-fields", test_reads_quoted_fields);
  g_test_add_func ("/import/csv-reader/reads-every-line-end", test_reads_every_line_end);
  g_test_add_func ("/import/csv-reader/skips-blank-lines-and-counts-them",
                   test_skips_blank_lines_and_counts_them);
  g_test_add_func ("/import/csv-reader/strips-the-byte-order-mark", test_strips_the_byte_order_mark);
  g_test_add_func ("/import/csv-reader/converts-windows-1252", test_converts_windows_1252);
  g_test_add_func ("/import/csv-reader/detects-windows-1252-late-in-the-file",
                   test_detects_windows_1252_late_in_the_file);
  g_test_add_func ("/import/csv-reader/reads-utf8-across-chunks", test_reads_utf8_across_chunks);
  g_test_add_func ("/import/csv-reader/reads-utf16-with-bom", test_reads_utf16_with_bom);
  g_test_add_func ("/import/csv-reader/flags-invalid-utf8-rows-in-a-utf8-file",
                   test_flags_invalid_utf8_rows_in_a_utf8_file);
  g_test_add_func ("/import/csv-reader/reads-the-excel-sep-line", test_reads_the_excel_sep_line);
  g_test_add_func ("/import/csv-reader/uses-a-given-separator", test_uses_a_given_separator);
  g_test_add_func ("/import/csv-reader/fails-on-an-empty-file", test_fails_on_an_empty_file);
  g_test_add_func ("/import/csv-reader/fails-on-binary-data", test_fails_on_binary_data);
  g_test_add_func ("/import/csv-reader/names-the-line-of-an-unterminated-quote",
                   test_names_the_line_of_an_unterminated_quote);
  g_test_add_func ("/import/csv-reader/fails-on-a-huge-field", test_fails_on_a_huge_field);
  g_test_add_func ("/import/csv-reader/fails-on-too-many-columns", test_fails_on_too_many_columns);
  g_test_add_func ("/import/csv-reader/memory-does-not-grow-with-the-file",
                   test_memory_does_not_grow_with_the_file);

  return g_test_run ();
}

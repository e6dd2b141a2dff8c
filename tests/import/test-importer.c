/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rapport-importer.h"
#include "rapport-store-private.h"
#include "test-helpers.h"

static char *
data_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "import", "data", name, NULL);
}

/* Writes @data to a file in the fixture's folder; returns its path. */
static char *
write_file (Fixture    *f,
            const char *name,
            const char *data,
            gssize      len)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
  return path;
}

static RapportImporter *
importer_for (Fixture    *f,
              const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  return rapport_importer_new (f->store, file);
}

/* Runs (or previews) an import of @path; NULL with @error when it fails. */
static RapportImportResult *
import (Fixture             *f,
        const char          *path,
        RapportOnDuplicate   policy,
        gboolean             dry_run,
        GError             **error)
{
  g_autoptr(RapportImporter) importer = importer_for (f, path);

  rapport_importer_set_on_duplicate (importer, policy);
  if (dry_run)
    return rapport_importer_preview (importer, NULL, error);
  return rapport_importer_run (importer, NULL, NULL, NULL, error);
}

/* "new=N updated=N skipped=N invalid=N", then "line N: reason" lines. */
static char *
describe (RapportImportResult *result)
{
  GListModel *invalid = rapport_import_result_get_invalid (result);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "new=%u updated=%u skipped=%u invalid=%u",
                          rapport_import_result_get_n_new (result),
                          rapport_import_result_get_n_updated (result),
                          rapport_import_result_get_n_skipped (result),
                          rapport_import_result_get_n_invalid (result));
  for (guint i = 0; i < g_list_model_get_n_items (invalid); i++)
    {
      g_autoptr(RapportImportRow) row = g_list_model_get_item (invalid, i);
      g_string_append_printf (out, "\nline %u: %s", rapport_import_row_get_line (row),
                              rapport_import_row_get_reason (row));
    }
  return g_string_free (out, FALSE);
}

static char *
describe_customer (RapportCustomer *c)
{
  const GDate *since = rapport_customer_get_since (c);
  g_autofree char *iso = g_date_valid (since) ? rapport_date_to_iso (since) : g_strdup ("-");

  return g_strdup_printf ("%s|%s|%s|%s|%s|%s|%u", rapport_customer_get_name (c),
                          rapport_customer_get_company (c), rapport_customer_get_phone (c),
                          rapport_customer_get_email (c), rapport_customer_get_notes (c), iso,
                          rapport_customer_get_cadence_days (c));
}

/* Every customer as "name|company|phone|email|notes|since|cadence", by name. */
static char *
customers (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = rapport_store_search_customer_ids (f->store, NULL, &error);
  g_autoptr(GPtrArray) list = NULL;
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  list = rapport_store_get_customers (f->store, (const char * const *) ids->pdata, ids->len,
                                      &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      g_autofree char *line = describe_customer (g_ptr_array_index (list, i));
      g_string_append_printf (out, "%s\n", line);
    }
  return g_string_free (out, FALSE);
}

static void
assert_imports (Fixture    *f,
                const char *name,
                const char *expected_counts,
                const char *expected_customers)
{
  g_autofree char *path = data_path (name);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportImportResult) result = import (f, path, RAPPORT_ON_DUPLICATE_UPDATE, FALSE,
                                                  &error);
  g_autofree char *counts = NULL;
  g_autofree char *list = NULL;

  g_assert_no_error (error);
  counts = describe (result);
  list = customers (f);
  g_assert_cmpstr (counts, ==, expected_counts);
  g_assert_cmpstr (list, ==, expected_customers);
}

/* Every schema object as it is stored, page numbers included: what a rollback
 * must bring back exactly. */
static char *
dump_schema (Fixture *f)
{
  sqlite3 *db = rapport_database_get_handle (rapport_store_get_database (f->store));
  sqlite3_stmt *stmt = NULL;
  GString *out = g_string_new (NULL);
  int rc;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT type, name, tbl_name, rootpage, sql"
                                           " FROM sqlite_schema ORDER BY rowid",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (int c = 0; c < 5; c++)
      {
        const char *text = (const char *) sqlite3_column_text (stmt, c);
        g_string_append_printf (out, "%s%s", text ? text : "NULL", c < 4 ? " | " : "\n");
      }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

static void
test_reads_an_excel_csv_in_windows_1252 (Fixture       *f,
                                         gconstpointer  data)
{
  assert_imports (f, "excel-semicolon-windows-1252.csv", "new=4 updated=0 skipped=0 invalid=0",
                  "Anna Weiß|Weiß & Söhne; Sanitär|+49 89 765432|anna.weiss@example.de||"
                  "2023-02-01|0\n"
                  "François Lefèvre|Café Élysée|030 987654|f.lefevre@example.fr|"
                  "Sagt immer \"Grüß Gott\" – Preis 12 €|2022-11-28|0\n"
                  "Jürgen Müller|Bäckerei Müller GmbH|0711 123456|juergen@mueller-baeckerei.de|"
                  "Zahlt pünktlich – lieber vormittags anrufen|2024-03-15|0\n"
                  "Özlem Çelik||0151/2345678||Kundin seit der Eröffnung|2026-11-23|0\n");
}

static void
test_reads_a_google_contacts_csv (Fixture       *f,
                                  gconstpointer  data)
{
  assert_imports (f, "google-contacts.csv", "new=3 updated=0 skipped=0 invalid=0",
                  "Li Wei|||LI.WEI@Example.com|Met at the trade fair, booth 12|2026-11-23|0\n"
                  "Maria Garcia|Garcia Plumbing|+1 415-555-0134|maria@garcia-plumbing.com|"
                  "Prefers email|2026-11-23|0\n"
                  "Tom O'Brien||(020) 7946 0018|||2026-11-23|0\n");
}

static void
test_reads_a_libreoffice_csv_with_line_breaks (Fixture       *f,
                                               gconstpointer  data)
{
  g_autofree char *path = data_path ("libreoffice-newlines.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportImportResult) preview = import (f, path, RAPPORT_ON_DUPLICATE_UPDATE, TRUE,
                                                   &error);
  GListModel *rows;

  g_assert_no_error (error);
  rows = rapport_import_result_get_preview (preview);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  /* Each row with the line it starts on, though cells span lines. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(RapportImportRow) row = g_list_model_get_item (rows, i);
      static const guint lines[] = { 2, 4, 7 };

      g_assert_cmpuint (rapport_import_row_get_line (row), ==, lines[i]);
      g_assert_cmpint (rapport_import_row_get_action (row), ==, RAPPORT_IMPORT_ACTION_NEW);
      g_assert_nonnull (rapport_import_row_get_customer (row));
    }

  assert_imports (f, "libreoffice-newlines.csv", "new=3 updated=0 skipped=0 invalid=0",
                  "Kim Lee|Lee & Co, Ltd.||kim@lee.example||2026-11-23|30\n"
                  "Peter Novak|Novak Electric|+420 601 123 456|peter@novak.cz|Gate code 1234\n"
                  "Dog in the yard, ring twice|2025-06-30|60\n"
                  "Sarah \"Sally\" Jones||07700 900123||First line\n\nThird line|2024-01-15|0\n");
}

static void
test_reads_a_vcard_2_1_from_android (Fixture       *f,
                                     gconstpointer  data)
{
  assert_imports (f, "android-2.1.vcf", "new=2 updated=0 skipped=0 invalid=0",
                  "Gréta Schön||0800 555 1212|||2026-11-23|0\n"
                  "Jörg Müller|Autohaus Müller|+49 711 654321|joerg.mueller@example.de|"
                  "Kunde seit 2019. Bitte nur nachmittags anrufen, nie vor 14 Uhr.\n"
                  "Öl wechseln im März|2026-11-23|0\n");
}

static void
test_reads_a_vcard_3_0_from_an_iphone (Fixture       *f,
                                       gconstpointer  data)
{
  assert_imports (f, "iphone-3.0.vcf", "new=2 updated=0 skipped=0 invalid=0",
                  "Acme Hardware|Acme Hardware|+1 555 0142|||2026-11-23|0\n"
                  "Johnny Appleseed|Orchard Supplies Inc.|(555) 555-0100|johnny@orchard.example|"
                  "Long-time customer. Service contract renewed every spring, usually in "
                  "April. Asks for Sam.\nGate code 4321|2026-11-23|0\n");
}

static void
test_reads_a_vcard_4_0 (Fixture       *f,
                        gconstpointer  data)
{
  assert_imports (f, "nextcloud-4.0.vcf", "new=1 updated=0 skipped=0 invalid=0",
                  "Dr. Emma Schmidt|Praxis Schmidt|+49-160-7654321|emma@praxis-schmidt.de|"
                  "Termine nur dienstags; Rechnung an die Praxis.|2026-11-23|0\n");
}

static void
test_lists_invalid_rows_with_line_and_reason (Fixture       *f,
                                              gconstpointer  data)
{
  const char *csv =
    "Name,Email,Phone,Customer since,Cadence\n"
    "Good Müller,good@example.com,030 1,,\n"
    ",nobody@example.com,,,\n"
    "Bob,bob@,,,\n"
    "Carl,,call me,,\n"
    "Dora,,,31.02.2024,\n"
    "Emil,,,,often\n"
    "Fritz,fritz@example.com\n"
    "Gabi\xff,,,,\n"
    "\"Hanna\",,,3/4/2025,14 days,,\n";
  /* Headings with empty columns at the end, rows without those cells. */
  const char *loose =
    "Name;Phone;;\n"
    "Ida;030 5\n"
    "Jan;030 6;;\n"
    "Kai\n";
  g_autofree char *path = write_file (f, "invalid.csv", csv, -1);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportImportResult) result = import (f, path, RAPPORT_ON_DUPLICATE_UPDATE, FALSE,
                                                  &error);
  g_autofree char *counts = NULL;
  g_autofree char *list = NULL;

  g_assert_no_error (error);
  counts = describe (result);
  list = customers (f);
  g_assert_cmpstr (counts, ==,
                   "new=2 updated=0 skipped=0 invalid=7\n"
                   "line 3: A customer needs a name\n"
                   "line 4: “bob@” is not an email address\n"
                   "line 5: “call me” is not a phone number: use digits, spaces, dashes and an "
                   "optional leading +\n"
                   "line 6: “31.02.2024” is not a date: use YYYY-MM-DD, for example 2026-11-23\n"
                   "line 7: “often” is not a number of days\n"
                   "line 8: the row has 2 columns, the heading row has 5\n"
                   "line 9: column 1 is not valid UTF-8 text: the file mixes encodings; save it "
                   "again as UTF-8");
  /* 3/4/2025 is ambiguous: read as the American March 4. */
  g_assert_cmpstr (list, ==,
                   "Good Müller||030 1|good@example.com||2026-11-23|0\n"
                   "Hanna|||||2025-03-04|14\n");

  g_free (path);
  path = write_file (f, "loose.csv", loose, -1);
  g_clear_object (&result);
  result = import (f, path, RAPPORT_ON_DUPLICATE_UPDATE, FALSE, &error);
  g_assert_no_error (error);
  g_free (counts);
  counts = describe (result);
  g_assert_cmpstr (counts, ==, "new=2 updated=0 skipped=0 invalid=1\n"
                               "line 4: the row has 1 column, the heading row has 4");
}

/* Each bad file fails with its sentence and leaves the database as it was,
 * although some rows were read (and inserted) before the problem. */
static void
assert_fails (Fixture    *f,
              const char *name,
              const char *data,
              gssize      len,
              const char *expected)
{
  g_autofree char *path = data != NULL ? write_file (f, name, data, len)
                                       : g_build_filename (f->dir, name, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  age_timestamps (f);
  before = dump_tables (f);
  for (guint dry_run = 0; dry_run <= 1; dry_run++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RapportImportResult) result = import (f, path, RAPPORT_ON_DUPLICATE_UPDATE,
                                                      dry_run, &error);

      g_assert_null (result);
      g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_PARSE);
      if (strstr (error->message, expected) == NULL)
        g_error ("%s: “%s” does not contain “%s”", name, error->message, expected);
    }
  after = dump_tables (f);
  g_assert_cmpstr (after, ==, before);
}

static void
test_fails_cleanly_on_bad_files (Fixture       *f,
                                 gconstpointer  data)
{
  static const char png[] = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x01";
  gsize big = 20 * 1024 * 1024;
  g_autofree char *huge = g_malloc (big);

  g_free (add_plain_customer (f, "Already There", "2026-01-05"));

  memset (huge, 'x', big);
  memcpy (huge, "Name,Notes\nA,ok\nB,\"", 19);

  assert_fails (f, "empty.csv", "", 0, "The file is empty.");
  assert_fails (f, "blank.csv", "\r\n\r\n", -1, "The file is empty.");
  assert_fails (f, "photo.csv", png, sizeof png - 1,
                "is not a text file: it holds binary data");
  assert_fails (f, "huge.csv", huge, (gssize) big, "line 3: a field is longer than 1 MB");
  assert_fails (f, "quote.csv", "Name,Notes\nA,fine\nB,\"open\nC,x\n", -1,
                "line 3: a quoted field starts here and is never closed (a \" is missing)");
  assert_fails (f, "header.csv", "Name;Telefon;E-Mail\r\n", -1,
                "The file has a heading row but no customers.");
  assert_fails (f, "nameless.csv", "Kundennr;Ort\n1;Bonn\n", -1,
                "No column holds the customers’ names. The first row must name the columns "
                "(Name, Company, Phone, Email, Notes…); this file’s first row is: Kundennr, Ort");
  assert_fails (f, "open.vcf",
                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Complete\r\nEND:VCARD\r\n"
                "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut off\r\n", -1,
                "line 5: the card that starts here has no END:VCARD");
  assert_fails (f, "contacts.vcf", "Name,Phone\nAnna,1\n", -1,
                "This is not a vCard file: it does not start with BEGIN:VCARD.");
  assert_fails (f, "missing.csv", NULL, 0, "missing.csv” does not exist");
  assert_fails (f, ".", NULL, 0, "” is a folder, not a file");
}

static void
test_previews_without_touching_anything (Fixture       *f,
                                         gconstpointer  data)
{
  g_autoptr(RapportCustomer) anna = rapport_customer_new ();
  g_autofree char *path = data_path ("excel-semicolon-windows-1252.csv");
  g_autoptr(RapportImporter) importer = importer_for (f, path);
  g_autoptr(RapportImportResult) preview = NULL;
  g_autoptr(RapportImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *previewed = NULL;
  g_autofree char *imported = NULL;
  g_autofree char *list = NULL;
  guint changed = 0;

  rapport_customer_set_name (anna, "Anna Weiß");
  rapport_customer_set_email (anna, "Anna.Weiss@example.de");
  g_assert_true (rapport_store_add_customer (f->store, anna, FALSE, &error));
  g_assert_no_error (error);
  age_timestamps (f);
  before = dump_tables (f);
  count_changed (f, &changed);

  g_assert_cmpint (rapport_importer_get_format (importer), ==, RAPPORT_IMPORT_FORMAT_UNKNOWN);
  rapport_importer_set_preview_rows (importer, 2);
  preview = rapport_importer_preview (importer, NULL, &error);
  g_assert_no_error (error);
  after = dump_tables (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (changed, ==, 0);
  g_assert_true (rapport_import_result_get_dry_run (preview));
  g_assert_cmpint (rapport_importer_get_format (importer), ==, RAPPORT_IMPORT_FORMAT_CSV);
  g_assert_nonnull (rapport_importer_get_mapping (importer));
  g_assert_cmpuint (g_list_model_get_n_items (rapport_import_result_get_preview (preview)), ==, 2);

  /* The run does exactly what the preview announced. */
  result = rapport_importer_run (importer, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  previewed = describe (preview);
  imported = describe (result);
  g_assert_cmpstr (previewed, ==, "new=3 updated=1 skipped=0 invalid=0");
  g_assert_cmpstr (imported, ==, previewed);
  g_assert_false (rapport_import_result_get_dry_run (result));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (rapport_store_count_customers (f->store), ==, 4);

  list = customers (f);
  g_assert_nonnull (strstr (list, "Anna Weiß|Weiß & Söhne; Sanitär|+49 89 765432|"
                                  "anna.weiss@example.de||2023-02-01|0\n"));
}

static void
test_updates_duplicates_and_never_doubles (Fixture       *f,
                                           gconstpointer  data)
{
  const char *csv =
    "Name,Email,Phone,Notes\n"
    "Anna Weber,ANNA@Example.com,,new note\n"
    "Anna Weber,,030-111,called twice\n"
    "Carla,carla@example.com,0171 5,first\n"
    "Carla,CARLA@example.com,,second\n"
    "Carla,,0171 5,\n";
  g_autofree char *path = write_file (f, "dups.csv", csv, -1);
  g_autoptr(RapportCustomer) anna = rapport_customer_new ();
  g_autoptr(RapportImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *list = NULL;

  rapport_customer_set_name (anna, "Anna Weber");
  rapport_customer_set_email (anna, "anna@example.com");
  rapport_customer_set_phone (anna, "030 111");
  g_assert_true (rapport_store_add_customer (f->store, anna, FALSE, &error));

  result = import (f, path, RAPPORT_ON_DUPLICATE_UPDATE, FALSE, &error);
  g_assert_no_error (error);
  counts = describe (result);
  list = customers (f);
  g_assert_cmpstr (counts, ==, "new=1 updated=3 skipped=1 invalid=0");
  /* Same digits, so the same customer; the file's spelling of the number wins. The
   * last row changes nothing and is skipped. */
  g_assert_cmpstr (list, ==,
                   "Anna Weber||030-111|ANNA@Example.com|called twice|2026-11-23|0\n"
                   "Carla||0171 5|CARLA@example.com|second|2026-11-23|0\n");
}

static void
test_skips_duplicates_when_asked (Fixture       *f,
                                  gconstpointer  data)
{
  const char *csv =
    "Name,Email,Phone,Notes\n"
    "Anna Weber,ANNA@Example.com,,new note\n"
    "Anna Weber,,030-111,called twice\n"
    "Carla,carla@example.com,0171 5,first\n"
    "Carla,CARLA@example.com,,second\n"
    "Carla,,0171-5,\n";
  g_autofree char *path = write_file (f, "dups.csv", csv, -1);
  g_autoptr(RapportCustomer) anna = rapport_customer_new ();
  g_autoptr(RapportImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *list = NULL;
  GListModel *preview;
  const char *reasons[] = {
    "Anna Weber already has this email address",
    "Anna Weber already has this phone number",
    NULL,
    "Carla already has this email address",
    "Carla already has this phone number",
  };

  rapport_customer_set_name (anna, "Anna Weber");
  rapport_customer_set_email (anna, "anna@example.com");
  rapport_customer_set_phone (anna, "030 111");
  g_assert_true (rapport_store_add_customer (f->store, anna, FALSE, &error));

  result = import (f, path, RAPPORT_ON_DUPLICATE_SKIP, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_import_result_get_n_new (result), ==, 1);
  g_assert_cmpuint (rapport_import_result_get_n_updated (result), ==, 0);
  g_assert_cmpuint (rapport_import_result_get_n_skipped (result), ==, 4);
  preview = rapport_import_result_get_preview (result);
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    {
      g_autoptr(RapportImportRow) row = g_list_model_get_item (preview, i);
      g_assert_cmpstr (rapport_import_row_get_reason (row), ==, reasons[i]);
      g_assert_cmpuint (rapport_import_row_get_line (row), ==, i + 2);
    }

  list = customers (f);
  g_assert_cmpstr (list, ==,
                   "Anna Weber||030 111|anna@example.com||2026-11-23|0\n"
                   "Carla||0171 5|carla@example.com|first|2026-11-23|0\n");
}

static void
test_opens_new_follow_ups_only_when_asked (Fixture       *f,
                                           gconstpointer  data)
{
  g_autofree char *path = data_path ("google-contacts.csv");
  g_autoptr(RapportImporter) importer = importer_for (f, path);
  g_autoptr(RapportImportResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = rapport_importer_run (importer, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM follow_ups", NULL), ==, 0);
  g_clear_object (&result);

  /* Into an empty database again, this time with the `new` follow-ups. */
  fixture_teardown (f, NULL);
  fixture_setup (f, NULL);
  g_clear_object (&importer);
  importer = importer_for (f, path);
  g_assert_false (rapport_importer_get_open_new_follow_ups (importer));
  rapport_importer_set_open_new_follow_ups (importer, TRUE);
  result = rapport_importer_run (importer, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM follow_ups WHERE situation = 'new'"
                                 " AND state = 'open'", NULL), ==, 3);
}

static char *
many_rows (guint n)
{
  GString *csv = g_string_new ("Name,Phone,Email\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "Customer %u,+49 30 %07u,c%u@example.com\n", i, i, i);
  return g_string_free (csv, FALSE);
}

static void
cancel_at_first_report_cb (double   fraction,
                           gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_rolls_back_when_cancelled (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *csv = many_rows (3000);
  g_autofree char *path = write_file (f, "many.csv", csv, -1);
  g_autoptr(RapportImporter) importer = importer_for (f, path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(RapportImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_autofree char *schema_before = NULL;
  g_autofree char *schema_after = NULL;

  g_free (add_plain_customer (f, "Already There", "2026-01-05"));
  age_timestamps (f);
  before = dump_tables (f);
  schema_before = dump_schema (f);

  result = rapport_importer_run (importer, cancellable, cancel_at_first_report_cb, cancellable,
                                 &error);
  g_assert_null (result);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  after = dump_tables (f);
  g_assert_cmpstr (after, ==, before);
  /* The indexes and triggers the import took away while it wrote are back,
   * as they were. */
  schema_after = dump_schema (f);
  g_assert_cmpstr (schema_after, ==, schema_before);
}

static void
test_rolls_back_when_the_database_fails (Fixture       *f,
                                         gconstpointer  data)
{
  g_autofree char *csv = many_rows (10);
  g_autofree char *path = write_file (f, "ten.csv", csv, -1);
  RapportDatabase *db = rapport_store_get_database (f->store);
  g_autoptr(RapportImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_autofree char *schema_before = NULL;
  g_autofree char *schema_after = NULL;

  g_free (add_plain_customer (f, "Already There", "2026-01-05"));
  age_timestamps (f);
  before = dump_tables (f);
  schema_before = dump_schema (f);
  /* The sixth insert fails, as a full disk would. */
  g_assert_true (rapport_database_exec (db,
                                        "CREATE TEMP TRIGGER fail_import BEFORE INSERT ON customers"
                                        " WHEN (SELECT count(*) FROM customers) >= 6"
                                        " BEGIN SELECT RAISE (ABORT, 'no space left'); END;",
                                        &error));
  g_assert_no_error (error);

  result = import (f, path, RAPPORT_ON_DUPLICATE_UPDATE, FALSE, &error);
  g_assert_null (result);
  g_assert_nonnull (error);
  g_assert_false (g_error_matches (error, RAPPORT_ERROR, RAPPORT_ERROR_PARSE));
  after = dump_tables (f);
  g_assert_cmpstr (after, ==, before);
  schema_after = dump_schema (f);
  g_assert_cmpstr (schema_after, ==, schema_before);
}

typedef struct {
  GMainLoop           *loop;
  RapportImportResult *result;
  GError              *error;
  GArray              *fractions;
  guint                changed_before_callback;
  guint               *changed;
  RapportStore        *store;
} AsyncRun;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  AsyncRun *run = user_data;
  guint count;

  /* On the thread that started the import. */
  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_array_append_val (run->fractions, fraction);
  /* The store stays usable meanwhile (the import has a connection of its
   * own) and shows all or nothing: 0 until the commit, then 5000. */
  count = rapport_store_count_customers (run->store);
  g_assert_true (count == 0 || count == 5000);
}

static void
run_done_cb (GObject      *source,
             GAsyncResult *res,
             gpointer      user_data)
{
  AsyncRun *run = user_data;

  run->changed_before_callback = *run->changed;
  run->result = rapport_importer_run_finish (RAPPORT_IMPORTER (source), res, &run->error);
  g_main_loop_quit (run->loop);
}

static void
preview_done_cb (GObject      *source,
                 GAsyncResult *res,
                 gpointer      user_data)
{
  AsyncRun *run = user_data;

  run->result = rapport_importer_preview_finish (RAPPORT_IMPORTER (source), res, &run->error);
  g_main_loop_quit (run->loop);
}

static void
test_runs_in_a_thread_with_progress (Fixture       *f,
                                     gconstpointer  data)
{
  g_autofree char *csv = many_rows (5000);
  g_autofree char *path = write_file (f, "many.csv", csv, -1);
  g_autoptr(RapportImporter) importer = importer_for (f, path);
  guint changed = 0;
  AsyncRun run = { 0 };

  count_changed (f, &changed);
  run.loop = g_main_loop_new (NULL, FALSE);
  run.fractions = g_array_new (FALSE, FALSE, sizeof (double));
  run.changed = &changed;
  run.store = f->store;

  rapport_importer_preview_async (importer, NULL, preview_done_cb, &run);
  g_main_loop_run (run.loop);
  g_assert_no_error (run.error);
  g_assert_cmpuint (rapport_import_result_get_n_new (run.result), ==, 5000);
  g_assert_cmpuint (rapport_store_count_customers (f->store), ==, 0);
  g_clear_object (&run.result);

  rapport_importer_run_async (importer, NULL, progress_cb, &run, NULL, run_done_cb, &run);
  g_main_loop_run (run.loop);
  g_assert_no_error (run.error);
  g_assert_cmpuint (rapport_import_result_get_n_new (run.result), ==, 5000);
  g_assert_cmpuint (rapport_store_count_customers (f->store), ==, 5000);
  /* RapportStore::changed came once, before the callback. */
  g_assert_cmpuint (run.changed_before_callback, ==, 1);
  g_assert_cmpuint (changed, ==, 1);

  /* Reports that arrive after the callback are still processed in order. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (run.fractions->len, >, 2);
  for (guint i = 1; i < run.fractions->len; i++)
    g_assert_cmpfloat (g_array_index (run.fractions, double, i), >=,
                       g_array_index (run.fractions, double, i - 1));
  g_assert_cmpfloat (g_array_index (run.fractions, double, run.fractions->len - 1), ==, 1.0);

  g_clear_object (&run.result);
  g_array_unref (run.fractions);
  g_main_loop_unref (run.loop);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_takes_a_mapping_made_by_hand (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *path = write_file (f, "own.csv", "Kundennr;Bezeichnung;Ruf\n1;Anna;030 1\n"
                                                    "2;Ben;030 2\n", -1);
  g_autoptr(RapportImporter) importer = importer_for (f, path);
  g_autoptr(RapportImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *list = NULL;
  RapportCsvMapping *mapping;
  guint notified = 0;

  g_signal_connect (importer, "notify::mapping", G_CALLBACK (count_notify_cb), &notified);
  result = rapport_importer_preview (importer, NULL, &error);
  g_assert_null (result);
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_PARSE);
  g_clear_error (&error);

  /* The headings were read all the same, to be mapped by hand. */
  mapping = rapport_importer_get_mapping (importer);
  g_assert_nonnull (mapping);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpuint (rapport_csv_mapping_get_n_columns (mapping), ==, 3);
  g_assert_cmpstr (rapport_csv_mapping_get_heading (mapping, 2), ==, "Ruf");
  rapport_importer_set_mapping (importer, 1, RAPPORT_IMPORT_FIELD_NAME);
  rapport_importer_set_mapping (importer, 2, RAPPORT_IMPORT_FIELD_PHONE);

  result = rapport_importer_preview (importer, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_import_result_get_n_new (result), ==, 2);
  /* The same mapping object: the app's editors stay bound to it. */
  g_assert_true (rapport_importer_get_mapping (importer) == mapping);
  g_assert_cmpuint (notified, ==, 1);
  g_clear_object (&result);

  result = rapport_importer_run (importer, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  list = customers (f);
  g_assert_cmpstr (list, ==, "Anna||030 1|||2026-11-23|0\nBen||030 2|||2026-11-23|0\n");
}

static guint
search_count (Fixture    *f,
              const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = rapport_store_search_customer_ids (f->store, text, &error);

  g_assert_no_error (error);
  return ids->len;
}

/* The search index is filled after the rows, in one statement: every imported
 * customer is found exactly once, a row written twice in the file too, and
 * customers added afterwards are indexed as before. */
static void
test_imported_customers_are_searchable (Fixture       *f,
                                        gconstpointer  data)
{
  const char *csv =
    "Name,Email,Phone,Notes\n"
    "Zelda Quimby,zelda@example.com,0301 234,likes mornings\n"
    "Yusuf Quimby,yusuf@example.com,0302 345,\n"
    "Zelda Quimby,ZELDA@example.com,,second line for zelda\n";
  g_autofree char *path = write_file (f, "search.csv", csv, -1);
  g_autoptr(RapportImportResult) result = NULL;
  g_autoptr(RapportImportResult) preview = NULL;
  g_autoptr(RapportCustomer) later = rapport_customer_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = NULL;

  /* A preview indexes nothing. */
  preview = import (f, path, RAPPORT_ON_DUPLICATE_UPDATE, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (search_count (f, "quimby"), ==, 0);

  result = import (f, path, RAPPORT_ON_DUPLICATE_UPDATE, FALSE, &error);
  g_assert_no_error (error);
  counts = describe (result);
  g_assert_cmpstr (counts, ==, "new=2 updated=1 skipped=0 invalid=0");
  g_assert_cmpuint (search_count (f, "quimby"), ==, 2);
  g_assert_cmpuint (search_count (f, "second line"), ==, 1);
  g_assert_cmpuint (search_count (f, "1234"), ==, 1);

  rapport_customer_set_name (later, "Xaver Quimby");
  g_assert_true (rapport_store_add_customer (f->store, later, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (search_count (f, "quimby"), ==, 3);
}

/* Duplicates are found as the store's own lookups find them, whether the
 * import keeps the email and phone indexes or drops them and looks in memory
 * (the suite runs this file with RAPPORT_IMPORT_BULK=0 and =1 too): by
 * email (ASCII case ignored) before phone digits, the oldest customer when
 * several match, and with what earlier rows of the file changed. */
static void
test_finds_duplicates_as_the_store_does (Fixture       *f,
                                         gconstpointer  data)
{
  const char *csv =
    "Name,Email,Phone,Notes\n"
    /* Both have 030 111: Anna, the older. */
    "Anna,,030-111,by phone\n"
    /* Anna's email, in other case. */
    "Anna,ANNA@example.COM,,by email\n"
    /* No one has this email yet: Anna by phone, who now gets it. */
    "Anna,anna.new@example.com,(030) 111,new email\n"
    /* Nobody has Anna's old email any more: a new customer. */
    "Dora,anna@example.com,,took the old address\n"
    /* Found by the email Anna got two rows up. */
    "Anna,Anna.New@example.com,,found again\n"
    /* Bea's email comes before the phone, which is Anna's. */
    "Bea,bea@example.com,030 111,email first\n"
    /* Ümlaut: SQLite's NOCASE folds ASCII only, so Ü is not ü. */
    "Üwe,UWE@example.com,,\n"
    "Üwe,üwe@example.com,,\n"
    "Üwe,üWE@example.com,,upper\n"
    /* Dora, added by this file, then found by her phone given later. */
    "Dora,anna@example.com,0171 999,\n"
    "Dora,,0171-999,by her new phone\n";
  g_autofree char *path = write_file (f, "dups.csv", csv, -1);
  g_autoptr(RapportImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *counts = NULL;
  g_autofree char *list = NULL;
  const char *people[][3] = {
    { "Anna", "anna@example.com", "030 111" },
    { "Bea", "bea@example.com", "030-111" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(RapportCustomer) c = rapport_customer_new ();

      rapport_customer_set_name (c, people[i][0]);
      rapport_customer_set_email (c, people[i][1]);
      rapport_customer_set_phone (c, people[i][2]);
      g_assert_true (rapport_store_add_customer (f->store, c, FALSE, &error));
      g_assert_no_error (error);
    }

  result = import (f, path, RAPPORT_ON_DUPLICATE_UPDATE, FALSE, &error);
  g_assert_no_error (error);
  counts = describe (result);
  list = customers (f);
  g_assert_cmpstr (counts, ==, "new=3 updated=8 skipped=0 invalid=0");
  g_assert_cmpstr (list, ==,
                   "Anna||(030) 111|Anna.New@example.com|found again|2026-11-23|0\n"
                   "Bea||030 111|bea@example.com|email first|2026-11-23|0\n"
                   "Dora||0171-999|anna@example.com|by her new phone|2026-11-23|0\n"
                   "Üwe|||UWE@example.com||2026-11-23|0\n"
                   "Üwe|||üWE@example.com|upper|2026-11-23|0\n");
}

/* A large import drops the customers' indexes and some triggers while it
 * writes; afterwards the schema is the one it found, and the indexes work. */
static void
test_leaves_the_schema_as_it_found_it (Fixture       *f,
                                       gconstpointer  data)
{
  g_autofree char *csv = many_rows (2000);
  g_autofree char *path = write_file (f, "many.csv", csv, -1);
  g_autoptr(RapportImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *plan = NULL;
  g_autofree char *list = NULL;
  GString *schema[2] = { NULL, NULL };
  static const char sql[] =
    "SELECT type || ' ' || name || ' ' || tbl_name || ' ' || coalesce (sql, '')"
    " FROM sqlite_schema ORDER BY name";

  for (guint i = 0; i < 2; i++)
    {
      sqlite3 *db = rapport_database_get_handle (rapport_store_get_database (f->store));
      sqlite3_stmt *stmt = NULL;

      if (i == 1)
        {
          result = import (f, path, RAPPORT_ON_DUPLICATE_UPDATE, FALSE, &error);
          g_assert_no_error (error);
          g_assert_cmpuint (rapport_import_result_get_n_new (result), ==, 2000);
        }
      schema[i] = g_string_new (NULL);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (schema[i], "%s\n", sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);
    }
  g_assert_cmpstr (schema[1]->str, ==, schema[0]->str);
  g_assert_nonnull (strstr (schema[1]->str, "index customers_email customers"));
  g_assert_nonnull (strstr (schema[1]->str, "trigger customers_sort_key_insert customers"));
  g_string_free (schema[0], TRUE);
  g_string_free (schema[1], TRUE);

  {
    sqlite3 *db = rapport_database_get_handle (rapport_store_get_database (f->store));
    sqlite3_stmt *stmt = NULL;

    /* The plan's detail column: "SEARCH customers USING INDEX customers_email …". */
    g_assert_cmpint (sqlite3_prepare_v2 (db, "EXPLAIN QUERY PLAN SELECT id FROM customers"
                                             " WHERE email = 'c7@example.com' COLLATE NOCASE"
                                             " AND email <> '' AND deleted_at IS NULL",
                                         -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    plan = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
    sqlite3_finalize (stmt);
  }
  g_assert_nonnull (strstr (plan, "customers_email"));
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM customers"
                                 " WHERE email = 'C7@example.com' COLLATE NOCASE"
                                 " AND email <> '' AND deleted_at IS NULL", NULL), ==, 1);
  /* The triggers work again: the store's sort key, the search index. */
  g_assert_true (rapport_database_exec (rapport_store_get_database (f->store),
                                        "INSERT INTO customers (uuid, name, since, created_at,"
                                        " updated_at) VALUES ('u', 'Ölaf Sorted', '2026-01-01',"
                                        " 't', 't')", &error));
  g_assert_no_error (error);
  list = query_text (f, "SELECT sort_key FROM customers WHERE uuid = 'u'", NULL);
  g_assert_cmpstr (list, ==, "olaf sorted");
  g_assert_cmpuint (search_count (f, "ölaf"), ==, 1);
  g_assert_cmpuint (search_count (f, "customer 1999"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  /* --bulk=0 or --bulk=1: every import with the customers' indexes kept or
   * dropped, whatever its size (see is_bulk in rapport-import-job.c). */
  if (argc > 1 && g_str_has_prefix (argv[1], "--bulk="))
    {
      g_setenv ("RAPPORT_IMPORT_BULK", argv[1] + strlen ("--bulk="), TRUE);
      memmove (&argv[1], &argv[2], (argc - 1) * sizeof (char *));
      argc--;
    }
  test_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/import/importer/" path, Fixture, NULL, fixture_setup, func, \
                                    fixture_teardown)
  ADD ("reads-an-excel-csv-in-windows-1252", test_reads_an_excel_csv_in_windows_1252);
  ADD ("reads-a-google-contacts-csv", test_reads_a_google_contacts_csv);
  ADD ("reads-a-libreoffice-csv-with-line-breaks", test_reads_a_libreoffice_csv_with_line_breaks);
  ADD ("reads-a-vcard-2-1-from-android", test_reads_a_vcard_2_1_from_android);
  ADD ("reads-a-vcard-3-0-from-an-iphone", test_reads_a_vcard_3_0_from_an_iphone);
  ADD ("reads-a-vcard-4-0", test_reads_a_vcard_4_0);
  ADD ("lists-invalid-rows-with-line-and-reason", test_lists_invalid_rows_with_line_and_reason);
  ADD ("fails-cleanly-on-bad-files", test_fails_cleanly_on_bad_files);
  ADD ("previews-without-touching-anything", test_previews_without_touching_anything);
  ADD ("updates-duplicates-and-never-doubles", test_updates_duplicates_and_never_doubles);
  ADD ("skips-duplicates-when-asked", test_skips_duplicates_when_asked);
  ADD ("opens-new-follow-ups-only-when-asked", test_opens_new_follow_ups_only_when_asked);
  ADD ("rolls-back-when-cancelled", test_rolls_back_when_cancelled);
  ADD ("rolls-back-when-the-database-fails", test_rolls_back_when_the_database_fails);
  ADD ("runs-in-a-thread-with-progress", test_runs_in_a_thread_with_progress);
  ADD ("takes-a-mapping-made-by-hand", test_takes_a_mapping_made_by_hand);
  ADD ("imported-customers-are-searchable", test_imported_customers_are_searchable);
  ADD ("finds-duplicates-as-the-store-does", test_finds_duplicates_as_the_store_does);
  ADD ("leaves-the-schema-as-it-found-it", test_leaves_the_schema_as_it_found_it);
#undef ADD

  return test_run ();
}

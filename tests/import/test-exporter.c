/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#ifdef HAVE_LIBICAL
#include <libical/ical.h>
#endif
#include <string.h>
#include <sys/stat.h>

#include "rapport-csv-writer.h"
#include "rapport-exporter.h"
#include "rapport-icalendar.h"
#include "rapport-importer.h"
#include "test-helpers.h"

static char *
export_csv (Fixture            *f,
            RapportExportTable  table)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_export_csv (f->store, table, stream, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL);
  g_output_stream_close (stream, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static char *
export_ics (Fixture    *f,
            const char *from,
            const char *to)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  GDate a = day (from), b = day (to);

  g_assert_true (rapport_export_agenda_ics (f->store, &a, &b, stream, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (stream, "", 1, NULL, NULL, NULL);
  g_output_stream_close (stream, NULL, NULL);
  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static char *
add_full_customer (Fixture    *f,
                   const char *name,
                   const char *company,
                   const char *phone,
                   const char *email,
                   const char *notes,
                   const char *since,
                   guint       cadence)
{
  g_autoptr(RapportCustomer) c = rapport_customer_new ();
  g_autoptr(GError) error = NULL;
  GDate d = day (since);

  rapport_customer_set_name (c, name);
  rapport_customer_set_company (c, company);
  rapport_customer_set_phone (c, phone);
  rapport_customer_set_email (c, email);
  rapport_customer_set_notes (c, notes);
  rapport_customer_set_since (c, &d);
  rapport_customer_set_cadence_days (c, cadence);
  g_assert_true (rapport_store_add_customer (f->store, c, FALSE, &error));
  g_assert_no_error (error);
  return g_strdup (rapport_customer_get_id (c));
}

static void
assert_cell (const char *cell,
             const char *expected)
{
  g_autoptr(GString) out = g_string_new (NULL);

  rapport_csv_append_cell (out, cell);
  g_assert_cmpstr (out->str, ==, expected);
}

static void
test_neutralises_formulas_and_quotes_cells (void)
{
  assert_cell ("plain", "plain");
  assert_cell ("", "");
  assert_cell (NULL, "");
  assert_cell ("a,b", "\"a,b\"");
  assert_cell ("a;b", "\"a;b\"");
  assert_cell ("say \"hi\"", "\"say \"\"hi\"\"\"");
  assert_cell ("two\nlines", "\"two\nlines\"");
  assert_cell (" edge ", "\" edge \"");
  /* What a spreadsheet would run as a formula becomes text. */
  assert_cell ("=1+2", "'=1+2");
  assert_cell ("+49 30 1", "'+49 30 1");
  assert_cell ("-5", "'-5");
  assert_cell ("@SUM(A1:A9)", "'@SUM(A1:A9)");
  assert_cell ("\tcmd", "\"'\tcmd\"");
  assert_cell ("\rcmd", "\"'\rcmd\"");
  assert_cell ("=HYPERLINK(\"http://x\",\"y\")", "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  assert_cell ("a=b", "a=b");
}

static void
test_writes_customers_for_spreadsheets (Fixture       *f,
                                        gconstpointer  data)
{
  g_autofree char *a = add_full_customer (f, "=HYPERLINK(\"http://evil.example\")", "",
                                          "+49 30 1234", "", "-ve balance, call\nbefore noon",
                                          "2025-02-03", 45);
  g_autofree char *b = add_full_customer (f, "Zoë Ärger", "Ärger & Co", "030 1", "z@example.com",
                                          "@home", "2026-11-23", 0);
  g_autofree char *csv = NULL;
  g_autofree char *expected = NULL;

  age_timestamps (f);
  csv = export_csv (f, RAPPORT_EXPORT_CUSTOMERS);
  expected = g_strdup_printf (
    "\xEF\xBB\xBF"
    "Name,Company,Phone,Email,Notes,Customer since,Cadence (days),Phone needs checking,ID,"
    "Created,Updated\r\n"
    "\"'=HYPERLINK(\"\"http://evil.example\"\")\",,'+49 30 1234,,"
    "\"'-ve balance, call\nbefore noon\",2025-02-03,45,no,%s,2000-01-01T00:00:00Z,"
    "2000-01-01T00:00:00Z\r\n"
    "Zoë Ärger,Ärger & Co,030 1,z@example.com,'@home,2026-11-23,,no,%s,"
    "2000-01-01T00:00:00Z,2000-01-01T00:00:00Z\r\n", a, b);
  g_assert_cmpstr (csv, ==, expected);
}

/* "name|company|phone|email|notes|since|cadence" of every customer, by name. */
static char *
customers (RapportStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = rapport_store_search_customer_ids (store, NULL, &error);
  g_autoptr(GPtrArray) list = NULL;
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  list = rapport_store_get_customers (store, (const char * const *) ids->pdata, ids->len, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      RapportCustomer *c = g_ptr_array_index (list, i);
      g_autofree char *since = rapport_date_to_iso (rapport_customer_get_since (c));

      g_string_append_printf (out, "%s|%s|%s|%s|%s|%s|%u\n", rapport_customer_get_name (c),
                              rapport_customer_get_company (c), rapport_customer_get_phone (c),
                              rapport_customer_get_email (c), rapport_customer_get_notes (c),
                              since, rapport_customer_get_cadence_days (c));
    }
  return g_string_free (out, FALSE);
}

static void
test_round_trips_customers (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "customers.csv", NULL);
  g_autofree char *other_path = g_build_filename (f->dir, "other.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(RapportStore) other = NULL;
  g_autoptr(RapportImporter) importer = NULL;
  g_autoptr(RapportImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_free (add_full_customer (f, "Jürgen Müller", "Bäckerei; Müller", "+49 711 123456",
                             "j@mueller.example", "Ruft zurück \"sofort\"\nZweite Zeile, mit Komma",
                             "2024-03-15", 60));
  g_free (add_full_customer (f, "=Formula Fan", "-", "+44 20 7946 0018", "", "+1 note",
                             "2023-01-31", 0));
  g_free (add_full_customer (f, "@Home Office", "@Company", "", "", "-", "2023-01-30", 0));
  g_free (add_full_customer (f, "Plain", "", "", "", "", "2026-11-23", 3650));
  g_free (add_full_customer (f, "  Tab\tInside  ", "a,b", "(030) 555-01", "x@y.example",
                             "'quoted' start", "2020-02-29", 1));

  stream = rapport_export_create_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_export_csv (f->store, RAPPORT_EXPORT_CUSTOMERS, stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (rapport_export_finish_file (stream, TRUE, &error));
  g_assert_no_error (error);

  other = rapport_store_open (other_path, &error);
  g_assert_no_error (error);
  importer = rapport_importer_new (other, file);
  result = rapport_importer_run (importer, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_import_result_get_n_new (result), ==, 5);
  g_assert_cmpuint (rapport_import_result_get_n_invalid (result), ==, 0);

  before = customers (f->store);
  after = customers (other);
  g_assert_cmpstr (after, ==, before);
}

static void
test_exports_calls_and_follow_ups (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *id = add_customer (f, "Anna Weber", "030 1", "2026-11-16", FALSE);
  g_autoptr(RapportFollowUp) irate = NULL;
  g_autofree char *call = NULL;
  g_autofree char *calls = NULL;
  g_autofree char *follow_ups = NULL;
  g_autofree char *expected_call = NULL;
  g_autofree char *expected_follow_up = NULL;
  g_autoptr(GError) error = NULL;
  RapportCallInput input = { RAPPORT_RESULT_REACHED, 4, FALSE, NULL, "=fine now", NULL, NULL };
  GDate when = day ("2026-11-23");

  flag (f, id, RAPPORT_SITUATION_IRATE, "2026-11-20", "Wrong invoice");
  irate = open_follow_up (f, id, RAPPORT_SITUATION_IRATE);
  input.date = &when;
  call = rapport_store_log_call (f->store, id, &input, &error);
  g_assert_no_error (error);

  calls = export_csv (f, RAPPORT_EXPORT_CALLS);
  expected_call = g_strdup_printf ("%s,%s,Anna Weber,2026-11-23,", call, id);
  g_assert_true (g_str_has_prefix (calls, "\xEF\xBB\xBF" "ID,Customer ID,Customer,Date,Logged at,"
                                          "Staff,Result,Satisfaction,Problem persists,"
                                          "Call back on,Situations,Note\r\n"));
  g_assert_nonnull (strstr (calls, expected_call));
  g_assert_true (g_str_has_suffix (calls, ",Grace,reached,4,no,,irate,'=fine now\r\n"));

  follow_ups = export_csv (f, RAPPORT_EXPORT_FOLLOW_UPS);
  g_assert_true (g_str_has_prefix (follow_ups, "\xEF\xBB\xBF" "ID,Customer ID,Customer,Situation,"
                                               "State,Flagged on,Due,Attempts,Close reason,"
                                               "Closed on,Note\r\n"));
  expected_follow_up = g_strdup_printf ("%s,%s,Anna Weber,irate,closed,2026-11-20,,0,satisfied,"
                                        "2026-11-23,Wrong invoice\r\n",
                                        rapport_follow_up_get_id (irate), id);
  g_assert_nonnull (strstr (follow_ups, expected_follow_up));
}

#ifdef HAVE_LIBICAL
/* The VTODOs of an iCalendar text, parsed back with libical, as
 * "SUMMARY|DUE|URL|UID" lines in file order; their descriptions go to
 * @descriptions when given. */
static char *
parse_todos (const char *text,
             GPtrArray  *descriptions)
{
  icalcomponent *calendar = icalparser_parse_string (text);
  GString *out = g_string_new (NULL);

  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpstr (icalcomponent_get_first_property (calendar, ICAL_VERSION_PROPERTY) ?
                   icalproperty_get_version (icalcomponent_get_first_property (calendar,
                                                                               ICAL_VERSION_PROPERTY))
                   : NULL, ==, "2.0");
  g_assert_cmpstr (icalproperty_get_prodid (icalcomponent_get_first_property (calendar,
                                                                              ICAL_PRODID_PROPERTY)),
                   ==, "-//Rapport//Rapport 0.1//EN");
  /* libical's own check: nothing required is missing, nothing is malformed. */
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);

  for (icalcomponent *todo = icalcomponent_get_first_component (calendar, ICAL_VTODO_COMPONENT);
       todo != NULL;
       todo = icalcomponent_get_next_component (calendar, ICAL_VTODO_COMPONENT))
    {
      struct icaltimetype due = icalcomponent_get_due (todo);
      icalproperty *url = icalcomponent_get_first_property (todo, ICAL_URL_PROPERTY);

      g_assert_true (due.is_date);
      g_assert_cmpint (icalcomponent_get_status (todo), ==, ICAL_STATUS_NEEDSACTION);
      g_assert_false (icaltime_is_null_time (icalcomponent_get_dtstamp (todo)));
      g_string_append_printf (out, "%s|%s|%s|%s\n", icalcomponent_get_summary (todo),
                              icaltime_as_ical_string (due),
                              url ? icalproperty_get_url (url) : "-",
                              icalcomponent_get_uid (todo));
      if (descriptions != NULL)
        g_ptr_array_add (descriptions, g_strdup (icalcomponent_get_description (todo)));
    }
  icalcomponent_free (calendar);
  return g_string_free (out, FALSE);
}

static void
test_exports_the_agenda_as_icalendar (Fixture       *f,
                                      gconstpointer  data)
{
  /* Today is Monday 2026-11-23. */
  g_autofree char *anna = add_customer (f, "Anna Weber", "+49 (30) 123-4567", "2026-11-23", TRUE);
  g_autofree char *ben = add_customer (f, "Ben Kaiser", "0711 555", "2026-11-16", TRUE);
  g_autofree char *cem = add_customer (f, "Cem Later", "030 9", "2026-12-10", TRUE);
  g_autofree char *dora = add_plain_customer (f, "Dora Plain", "2026-11-23");
  g_autoptr(RapportFollowUp) anna_irate = NULL;
  g_autoptr(RapportFollowUp) ben_new = NULL;
  g_autoptr(GPtrArray) descriptions = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *todos = NULL;
  g_autofree char *again = NULL;
  g_autofree char *expected = NULL;

  g_autoptr(RapportCustomer) c = NULL;
  g_autoptr(GError) error = NULL;

  flag (f, anna, RAPPORT_SITUATION_IRATE, "2026-11-23", "The invoice was wrong");
  c = rapport_store_get_customer (f->store, anna, &error);
  rapport_customer_set_company (c, "Weber GmbH");
  rapport_customer_set_notes (c, "Prefers mornings");
  g_assert_true (rapport_store_update_customer (f->store, c, &error));
  g_assert_no_error (error);
  anna_irate = open_follow_up (f, anna, RAPPORT_SITUATION_IRATE);
  ben_new = open_follow_up (f, ben, RAPPORT_SITUATION_NEW);

  first = export_ics (f, "2026-11-23", "2026-11-30");
  todos = parse_todos (first, descriptions);
  /* In agenda order (irate first): Anna's irate call on its day, Ben's overdue
   * call; Cem's is after the range, Dora has none. */
  expected = g_strdup_printf ("Call Anna Weber|20261124|tel:+49301234567|%s@rapport\n"
                              "Call Ben Kaiser|20261118|tel:0711555|%s@rapport\n",
                              rapport_follow_up_get_id (anna_irate),
                              rapport_follow_up_get_id (ben_new));
  (void) cem;
  (void) dora;
  g_assert_cmpstr (todos, ==, expected);
  g_assert_cmpstr (g_ptr_array_index (descriptions, 1), ==, "New customer");
  /* Anna's new-customer call (due on Wednesday) is not due yet on Tuesday. */
  g_assert_cmpstr (g_ptr_array_index (descriptions, 0), ==,
                   "Irate customer\nIrate customer: The invoice was wrong\n"
                   "Company: Weber GmbH\nNotes: Prefers mornings");

  /* Exported again, the same tasks: a calendar updates instead of doubling. */
  second = export_ics (f, "2026-11-23", "2026-11-30");
  again = parse_todos (second, NULL);
  g_assert_cmpstr (again, ==, todos);
}

/* A long note full of what iCalendar escapes, and accents across the
 * folding points: libical reads back exactly what was written. */
static void
test_exported_text_survives_folding_and_escaping (Fixture       *f,
                                                  gconstpointer  data)
{
  g_autofree char *anna = add_customer (f, "Zoë Müller-Lüdenscheidt", "+49 30 1", "2026-11-23", TRUE);
  g_autoptr(RapportCustomer) c = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) descriptions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) notes = g_string_new ("Line one; with, punctuation \\ and a backslash\n");
  g_autofree char *text = NULL;
  g_autofree char *todos = NULL;
  g_autofree char *expected = NULL;
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; i < 40; i++)
    g_string_append (notes, "ÄÖÜé€");
  g_string_append (notes, "\nthe end");
  c = rapport_store_get_customer (f->store, anna, &error);
  g_assert_no_error (error);
  rapport_customer_set_notes (c, notes->str);
  g_assert_true (rapport_store_update_customer (f->store, c, &error));
  g_assert_no_error (error);

  text = export_ics (f, "2026-11-23", "2026-12-31");
  /* Every line ends in CRLF and holds at most 75 octets. */
  g_assert_true (g_str_has_suffix (text, "END:VCALENDAR\r\n"));
  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_null (strchr (lines[i], '\n'));
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
    }
  todos = parse_todos (text, descriptions);
  g_assert_nonnull (strstr (todos, "Call Zoë Müller-Lüdenscheidt|"));
  expected = g_strdup_printf ("New customer\nNotes: %s", notes->str);
  g_assert_cmpstr (g_ptr_array_index (descriptions, 0), ==, expected);
}
#endif

static void
test_rejects_a_backwards_range (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  GDate a = day ("2026-11-30"), b = day ("2026-11-23");

  g_assert_false (rapport_export_agenda_ics (f->store, &a, &b, stream, NULL, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static void
test_writes_private_files_and_nothing_half_done (Fixture       *f,
                                                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GOutputStream *stream;

  /* A new file: 0600. */
  stream = rapport_export_create_file (file, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_write_all (stream, "complete", 8, NULL, NULL, NULL);
  g_assert_true (rapport_export_finish_file (stream, TRUE, &error));
  g_object_unref (stream);
  g_assert_cmpuint (file_mode (path), ==, 0600);

  /* Replacing a file someone made readable: private again. */
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  stream = rapport_export_create_file (file, NULL, &error);
  g_output_stream_write_all (stream, "complete 2", 10, NULL, NULL, NULL);
  g_assert_true (rapport_export_finish_file (stream, TRUE, &error));
  g_object_unref (stream);
  g_assert_cmpuint (file_mode (path), ==, 0600);

  /* A failed export keeps the previous file as it was... */
  stream = rapport_export_create_file (file, NULL, &error);
  g_output_stream_write_all (stream, "half", 4, NULL, NULL, NULL);
  rapport_export_finish_file (stream, FALSE, NULL);
  g_object_unref (stream);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_cmpstr (contents, ==, "complete 2");

  /* ...and leaves none where there was none. */
  g_remove (path);
  stream = rapport_export_create_file (file, NULL, &error);
  g_output_stream_write_all (stream, "half", 4, NULL, NULL, NULL);
  rapport_export_finish_file (stream, FALSE, NULL);
  g_object_unref (stream);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Exporting onto the database (chosen by mistake in a file chooser, or as
 * -o) would destroy it: refused, and the database is as it was. */
static void
test_never_replaces_a_database (Fixture       *f,
                                gconstpointer  data)
{
  const char *db = rapport_store_get_path (f->store);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *id = add_full_customer (f, "Ada Lovelace", NULL, NULL, NULL, NULL, "2025-01-06", 0);
  const char *targets[] = { db, wal };

  before = export_csv (f, RAPPORT_EXPORT_CUSTOMERS);
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autoptr(GFile) file = g_file_new_for_path (targets[i]);
      g_autoptr(GError) error = NULL;
      GOutputStream *stream = rapport_export_create_file (file, NULL, &error);

      g_assert_null (stream);
      g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "is a database"));
    }
  after = export_csv (f, RAPPORT_EXPORT_CUSTOMERS);
  g_assert_cmpstr (after, ==, before);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(RapportStore) again = rapport_store_open (db, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (rapport_store_count_customers (again), ==, 1);
  }
}

static void
test_icalendar_lines_escape_and_fold (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) long_value = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  g_autoptr(GDateTime) time = g_date_time_new_utc (2026, 11, 23, 9, 5, 7);
  g_autofree char *stamp = rapport_icalendar_format_utc (time);
  g_autofree char *date = NULL;
  GDate d;

  rapport_icalendar_add_text (out, "X", "a,b;c\\d\ne\r\nf\rg\001h\ti");
  g_assert_cmpstr (out->str, ==, "X:a\\,b\\;c\\\\d\\ne\\nf\\ng" "h\ti\r\n");

  /* 80 two-octet characters: folded at 75 octets or fewer, never inside a
   * character, each continuation line starting with one space. */
  g_string_truncate (out, 0);
  for (guint i = 0; i < 80; i++)
    g_string_append (long_value, "é");
  rapport_icalendar_add_value (out, "DESCRIPTION", long_value->str);
  lines = g_strsplit (out->str, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  /* "DESCRIPTION:" and 31 "é": one more would make 76 octets. */
  g_assert_cmpuint (strlen (lines[0]), ==, 74);
  g_assert_true (lines[1][0] == ' ' && strlen (lines[1]) <= 75);
  g_assert_cmpstr (lines[3], ==, "");
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_true (g_utf8_validate (lines[i], -1, NULL));
  {
    g_autofree char *want = g_strconcat ("DESCRIPTION:", long_value->str, NULL);
    g_autoptr(GString) joined = g_string_new (NULL);

    for (guint i = 0; lines[i] != NULL; i++)
      g_string_append (joined, i == 0 ? lines[i] : lines[i] + (lines[i][0] == ' ' ? 1 : 0));
    g_assert_cmpstr (joined->str, ==, want);
  }

  g_assert_cmpstr (stamp, ==, "20261123T090507Z");
  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 5, 3, 2025);
  date = rapport_icalendar_format_date (&d);
  g_assert_cmpstr (date, ==, "20250305");
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  g_test_add_func ("/import/exporter/neutralises-formulas-and-quotes-cells",
                   test_neutralises_formulas_and_quotes_cells);
  g_test_add_func ("/import/exporter/icalendar-lines-escape-and-fold",
                   test_icalendar_lines_escape_and_fold);
#define ADD(path, func) g_test_add ("/import/exporter/" path, Fixture, NULL, fixture_setup, func, \
                                    fixture_teardown)
  ADD ("writes-customers-for-spreadsheets", test_writes_customers_for_spreadsheets);
  ADD ("round-trips-customers", test_round_trips_customers);
  ADD ("exports-calls-and-follow-ups", test_exports_calls_and_follow_ups);
#ifdef HAVE_LIBICAL
  ADD ("exports-the-agenda-as-icalendar", test_exports_the_agenda_as_icalendar);
  ADD ("exported-text-survives-folding-and-escaping", test_exported_text_survives_folding_and_escaping);
#endif
  ADD ("rejects-a-backwards-range", test_rejects_a_backwards_range);
  ADD ("writes-private-files-and-nothing-half-done", test_writes_private_files_and_nothing_half_done);
  ADD ("never-replaces-a-database", test_never_replaces_a_database);
#undef ADD

  return test_run ();
}

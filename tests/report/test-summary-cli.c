/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "rapport-date.h"
#include "rapport-summary.h"
#include "report-seed.h"

typedef struct {
  char *dir;
  char *db;
  RapportStore *store;
  ReportSeed seed;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = report_store_new (&f->dir);
  report_seed_week_48 (f->store, &f->seed);
  f->db = g_build_filename (f->dir, "rapport.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->db);
  report_seed_clear (&f->seed);
  report_store_free (f->store, f->dir);
}

typedef struct {
  int status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

/* rapport-cli --database DB --today 2026-12-01 ARGS… */
static void
run_cli (Fixture    *f,
         Run        *r,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  va_list args;
  int status;

  g_ptr_array_add (argv, (char *) g_getenv ("RAPPORT_CLI"));
  g_ptr_array_add (argv, "--database");
  g_ptr_array_add (argv, f->db);
  g_ptr_array_add (argv, "--today");
  g_ptr_array_add (argv, "2026-11-25");
  g_ptr_array_add (argv, "summary");
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_nonnull (g_ptr_array_index (argv, 0));
  run_clear (r);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &r->out, &r->err, &status, &error));
  g_assert_no_error (error);
  r->status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_json_of_this_week (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(RapportSummary) s = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *expected = NULL;
  Run r = { 0 };
  GDate today;

  /* Without --week: the week of --today (Wednesday 25 November is in W48). */
  run_cli (f, &r, NULL);
  g_assert_cmpint (r.status, ==, 0);
  report_date ("2026-11-25", &today);
  s = rapport_summary_compute (f->store, &today, NULL);
  node = rapport_summary_to_json (s);
  expected = rapport_summary_json_to_string (node);
  g_assert_cmpstr (r.out, ==, expected);
  g_assert_nonnull (strstr (r.out, "\"week\" : \"2026-W48\""));
  g_assert_nonnull (strstr (r.out, "\"reach_percent\" : 69.2,"));

  run_cli (f, &r, "--week", "2026-W47", "--format", "json", NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_nonnull (strstr (r.out, "\"week\" : \"2026-W47\""));
  g_assert_nonnull (strstr (r.out, "\"attempts\" : 1,"));
  run_clear (&r);
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  Run r = { 0 };

  run_cli (f, &r, "--week", "2026-W99", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_cmpstr (r.out, ==, "");
  g_assert_cmpstr (r.err, ==, "rapport-cli: --week: “2026-W99” is not a week: 2026 has weeks 1 to 53\n");
  run_cli (f, &r, "--week", "48", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "use YYYY-Www, for example 2026-W48"));
  run_cli (f, &r, "--format", "xml", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "“xml” is not a format"));
  run_cli (f, &r, "extra", NULL);
  g_assert_cmpint (r.status, ==, 2);
  /* Sending needs an address: said, and nothing queued. */
  run_cli (f, &r, "--send", NULL);
  g_assert_cmpint (r.status, ==, 2);
  g_assert_nonnull (strstr (r.err, "No webhook address is set"));
  run_clear (&r);
}

static void
assert_private_file (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_csv_file (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "w48.csv", NULL);
  g_autofree char *csv = NULL;
  Run r = { 0 };

  run_cli (f, &r, "--week", "2026-W48", "--format", "csv", "--output", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  g_assert_cmpstr (r.out, ==, "");
  assert_private_file (path);
  g_assert_true (g_file_get_contents (path, &csv, NULL, NULL));
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBFmetric,value\r\n"));
  g_assert_nonnull (strstr (csv, ",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"\r\n"));
  g_assert_nonnull (strstr (csv, ",'+1 angry\r\n"));
  g_assert_null (strstr (csv, ",=HYPERLINK"));
  g_assert_null (strstr (csv, ",+1 angry"));
  run_clear (&r);
}

static void
test_pdf_file (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "w48.pdf", NULL);
  g_autofree char *pdf = NULL;
  gsize length;
  Run r = { 0 };

  /* An existing file is replaced, and is private afterwards. */
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  run_cli (f, &r, "--week", "2026-W48", "--format", "pdf", "--output", path, NULL);
  g_assert_cmpint (r.status, ==, 0);
  assert_private_file (path);
  g_assert_true (g_file_get_contents (path, &pdf, &length, NULL));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  run_clear (&r);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/report/cli/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("prints-the-json-of-this-week-by-default", test_json_of_this_week);
  ADD ("refuses-a-bad-week-or-format-with-status-2", test_bad_input);
  ADD ("writes-a-private-csv-with-bom-and-neutralised-formulas", test_csv_file);
  ADD ("writes-a-private-pdf", test_pdf_file);

  return g_test_run ();
}

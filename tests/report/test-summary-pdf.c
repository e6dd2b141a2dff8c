/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <cairo.h>
#include <glib/gstdio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "rapport-date.h"
#include "rapport-summary-chart.h"
#include "rapport-summary-pdf.h"
#include "report-seed.h"

typedef struct {
  char *dir;
  RapportStore *store;
  ReportSeed seed;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  f->store = report_store_new (&f->dir);
  report_seed_week_48 (f->store, &f->seed);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  report_seed_clear (&f->seed);
  report_store_free (f->store, f->dir);
}

/* Runs a poppler tool on @pdf and returns its standard output, or NULL
 * (the test is then skipped) when the tool is not installed. */
static char *
run_tool (const char *tool,
          const char *pdf)
{
  g_autofree char *path = g_find_program_in_path (tool);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  int status;

  if (path == NULL)
    return NULL;
  {
    const char *argv[] = { path, pdf, "-", NULL };
    if (g_str_equal (tool, "pdfinfo"))
      argv[2] = NULL;
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                                 NULL, NULL, &out, NULL, &status, &error));
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static char *
write_pdf (Fixture        *f,
           RapportSummary *summary,
           const char     *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) pdf = rapport_summary_to_pdf (summary, &error);
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  g_assert_true (g_str_has_prefix (g_bytes_get_data (pdf, NULL), "%PDF-"));
  g_assert_true (g_file_set_contents (path, g_bytes_get_data (pdf, NULL),
                                      (gssize) g_bytes_get_size (pdf), &error));
  g_assert_no_error (error);
  return path;
}

static guint
page_count (const char *info)
{
  const char *pages = strstr (info, "\nPages:");

  g_assert_nonnull (pages);
  return (guint) g_ascii_strtoull (pages + strlen ("\nPages:") + strspn (pages + 7, " "), NULL, 10);
}

/* Collapses runs of white space, as pdftotext spreads table cells apart. */
static char *
squeeze (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (s->len && s->str[s->len - 1] != ' ')
            g_string_append_c (s, ' ');
        }
      else
        g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

static void
test_pdf_shows_the_figures (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(RapportSummary) s = report_summary_of (f->store, "2026-W48");
  g_autofree char *path = write_pdf (f, s, "w48.pdf");
  g_autofree char *info = run_tool ("pdfinfo", path);
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;

  if (info == NULL)
    {
      g_test_skip ("pdfinfo (poppler-utils) is not installed");
      return;
    }
  g_assert_cmpuint (page_count (info), >=, 1);
  g_assert_cmpuint (page_count (info), <=, 2);
  g_assert_nonnull (strstr (info, "Weekly satisfaction summary 2026-W48"));
  {
    g_autofree char *squeezed = squeeze (info);
    g_assert_nonnull (strstr (squeezed, "Page size: 595.276 x 841.89 pts (A4)"));
  }

  raw = run_tool ("pdftotext", path);
  g_assert_nonnull (raw);
  text = squeeze (raw);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Week 48 · 2026"));
  g_assert_nonnull (strstr (text, "23–29 November 2026"));
  g_assert_nonnull (strstr (text, "69.2%"));
  g_assert_nonnull (strstr (text, "3.38"));
  g_assert_nonnull (strstr (text, "50.0%"));
  g_assert_nonnull (strstr (text, "10 customers"));
  g_assert_nonnull (strstr (text, "9 of 13 reached"));
  /* The tables: a situation row, a staff row, a call that needs attention. */
  g_assert_nonnull (strstr (text, "Irate customer 3 3 3 4.00 66.7%"));
  g_assert_nonnull (strstr (text, "All calls 13 9 8 3.38 50.0%"));
  g_assert_nonnull (strstr (text, "Ann 4 3 75.0% 3.67"));
  g_assert_nonnull (strstr (text, "Cora Cole 3 persists Still leaking, under the sink"));
  g_assert_nonnull (strstr (text, "Ivy Irwin 1"));
  g_assert_nonnull (strstr (text, "W41"));
  g_assert_nonnull (strstr (text, "Page 1 of"));
}

static void
test_pdf_of_an_empty_week (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(RapportSummary) s = report_summary_of (f->store, "2026-W30");
  g_autofree char *path = write_pdf (f, s, "w30.pdf");
  g_autofree char *info = run_tool ("pdfinfo", path);
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;

  if (info == NULL)
    {
      g_test_skip ("pdfinfo (poppler-utils) is not installed");
      return;
    }
  g_assert_cmpuint (page_count (info), ==, 1);
  raw = run_tool ("pdftotext", path);
  text = squeeze (raw);
  g_assert_nonnull (strstr (text, "No ratings this week"));
  g_assert_nonnull (strstr (text, "No calls this week."));
  g_assert_null (strstr (text, "nan"));
}

static void
test_pdf_keeps_to_two_pages (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *c = report_seed_customer (f->store, "Many Calls", "2026-01-05", FALSE);
  g_autoptr(RapportSummary) s = NULL;
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  double w, h;

  /* 80 unhappy calls and 30 staff names do not fit on two pages. */
  for (guint i = 0; i < 80; i++)
    {
      g_autofree char *staff = g_strdup_printf ("Staff %02u", i % 30);
      g_free (report_seed_call (f->store, "2026-03-03", c, staff, RAPPORT_RESULT_REACHED, 1, FALSE,
                                NULL, "A long note that wraps over more than one line of the table "
                                "so that every row takes more room than a single line would"));
    }
  s = report_summary_of (f->store, "2026-W10");
  rapport_summary_get_paper_size (&w, &h);
  g_assert_cmpuint (rapport_summary_get_n_pages (s, w, h), ==, 2);
  path = write_pdf (f, s, "w10.pdf");
  info = run_tool ("pdfinfo", path);
  if (info == NULL)
    {
      g_test_skip ("pdfinfo (poppler-utils) is not installed");
      return;
    }
  g_assert_cmpuint (page_count (info), ==, 2);
  text = run_tool ("pdftotext", path);
  g_assert_nonnull (strstr (text, "more; the CSV export lists them all"));
}

/* The last page's words, from pdftotext -bbox: every one above the footer
 * line ("Page 2 of 2") but the footer's own. NULL when pdftotext is not
 * installed. */
static gboolean
body_clears_the_footer (const char *pdf,
                        gboolean   *checked)
{
  g_autofree char *tool = g_find_program_in_path ("pdftotext");
  const char *argv[] = { tool, "-f", "2", "-l", "2", "-bbox", pdf, "-", NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) word = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GArray) tops = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) bottoms = g_array_new (FALSE, FALSE, sizeof (double));
  double footer = -1;
  int status;

  *checked = tool != NULL;
  if (tool == NULL)
    return TRUE;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  word = g_regex_new ("<word xMin=\"[0-9.]+\" yMin=\"([0-9.]+)\" xMax=\"[0-9.]+\" yMax=\"([0-9.]+)\">([^<]*)</word>",
                      0, 0, &error);
  g_assert_no_error (error);
  for (g_regex_match (word, out, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *y0 = g_match_info_fetch (match, 1);
      g_autofree char *y1 = g_match_info_fetch (match, 2);
      g_autofree char *text = g_match_info_fetch (match, 3);
      double top = g_ascii_strtod (y0, NULL), bottom = g_ascii_strtod (y1, NULL);

      if (g_str_equal (text, "Page"))
        footer = MAX (footer, top);
      g_array_append_val (tops, top);
      g_array_append_val (bottoms, bottom);
    }
  g_assert_cmpfloat (footer, >, 0);
  for (guint i = 0; i < tops->len; i++)
    {
      double top = g_array_index (tops, double, i), bottom = g_array_index (bottoms, double, i);

      /* The footer's own words are on its line; everything else ends above it. */
      if (ABS (top - footer) > 1 && bottom > footer - 2)
        return FALSE;
    }
  return TRUE;
}

/* A full last page (a hundred and twenty staff members take it) leaves a
 * table out with a line that says so, and never draws it over the footer. */
static void
test_pdf_never_draws_over_the_footer (Fixture       *f,
                                      gconstpointer  data)
{
  g_autofree char *c = report_seed_customer (f->store, "Many Calls", "2026-01-05", FALSE);
  g_autoptr(RapportSummary) s = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  gboolean checked = FALSE;

  for (guint i = 0; i < 160; i++)
    {
      g_autofree char *staff = g_strdup_printf ("Staff %03u", i);
      g_free (report_seed_call (f->store, "2026-03-03", c, staff, RAPPORT_RESULT_REACHED, i < 120 ? 5 : 1,
                                FALSE, NULL, "Unhappy"));
    }
  s = report_summary_of (f->store, "2026-W10");
  path = write_pdf (f, s, "full.pdf");
  g_assert_true (body_clears_the_footer (path, &checked));
  if (!checked)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  text = run_tool ("pdftotext", path);
  squeezed = squeeze (text);
  g_assert_nonnull (strstr (squeezed, "more; the CSV export lists them all"));
  g_assert_nonnull (strstr (squeezed, "Needs attention: 40 rows, in the CSV export"));
}

/* Whether anything was drawn at x ≥ @from on an ARGB surface cleared to
 * transparent. */
static gboolean
inked_from (cairo_surface_t *surface,
            int              from)
{
  const unsigned char *data;
  int stride, width, height;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  for (int y = 0; y < height; y++)
    for (int x = from; x < width; x++)
      if (((const guint32 *) (data + y * stride))[x] != 0)
        return TRUE;
  return FALSE;
}

/* In a narrow chart (a narrow window, longer German labels) the legend goes
 * on two lines instead of running past the chart's edge. */
static void
test_trend_legend_stays_inside_a_narrow_chart (Fixture       *f,
                                               gconstpointer  data)
{
  g_autoptr(RapportSummary) s = report_summary_of (f->store, "2026-W48");
  RapportChartStyle style;
  const int widths[] = { 600, 240, 200 };

  rapport_chart_style_init_print (&style);
  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      /* Twice as wide as the chart, to see what would be cut. */
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 2 * widths[i], 260);
      cairo_t *cr = cairo_create (surface);
      PangoContext *context = pango_cairo_create_context (cr);

      rapport_summary_draw_trend (s, cr, context, widths[i], 260, &style);
      g_assert_false (inked_from (surface, widths[i] + 1));
      g_object_unref (context);
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

static void
test_renders_a_png_for_review (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(RapportSummary) s = report_summary_of (f->store, "2026-W48");
  const char *build = g_getenv ("RAPPORT_BUILD_ROOT");
  g_autofree char *dir = NULL;
  double w, h, scale = 2;
  cairo_surface_t *surface;
  cairo_t *cr;

  rapport_summary_get_paper_size (&w, &h);
  dir = g_build_filename (build ? build : f->dir, "screenshots", NULL);
  {
    /* No stale second page from an earlier run. */
    g_autofree char *second = g_build_filename (dir, "summary-pdf-2.png", NULL);
    g_unlink (second);
  }
  g_clear_pointer (&dir, g_free);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (w * scale),
                                        (int) ceil (h * scale));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  for (guint page = 0; page < rapport_summary_get_n_pages (s, w, h); page++)
    {
      g_autofree char *name = g_strdup_printf (page ? "summary-pdf-%u.png" : "summary-pdf.png",
                                               page + 1);
      g_autofree char *path = NULL;

      if (page > 0)
        {
          cairo_save (cr);
          cairo_identity_matrix (cr);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_paint (cr);
          cairo_restore (cr);
        }
      rapport_summary_render_page (s, cr, w, h, page);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      dir = g_build_filename (build ? build : f->dir, "screenshots", NULL);
      g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
      path = g_build_filename (dir, name, NULL);
      g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
      g_test_message ("wrote %s", path);
      g_clear_pointer (&dir, g_free);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/report/pdf/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("shows-the-figures-on-one-or-two-pages", test_pdf_shows_the_figures);
  ADD ("of-an-empty-week-says-so", test_pdf_of_an_empty_week);
  ADD ("keeps-to-two-pages-however-long-the-lists", test_pdf_keeps_to_two_pages);
  ADD ("never-draws-over-the-footer", test_pdf_never_draws_over_the_footer);
  ADD ("trend-legend-stays-inside-a-narrow-chart", test_trend_legend_stays_inside_a_narrow_chart);
  ADD ("renders-page-one-to-png-for-review", test_renders_a_png_for_review);

  return g_test_run ();
}

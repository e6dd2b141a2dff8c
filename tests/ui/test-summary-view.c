/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-test-summary-view"

#include "config.h"

#include <libsoup/soup.h>
#include <string.h>

#include "rapport-summary-view-private.h"
#include "rapport-webhook.h"
#include "report-seed.h"
#include "ui-test-util.h"

/* The Summary view in the real window, over the seeded week 2026-W48 of the
 * report tests (tests/report/report-seed.c has the figures by hand); today is
 * Tuesday 1 December 2026, in W49. */

static void
seed_week (RapportStore *store)
{
  ReportSeed seed = { 0 };

  report_seed_week_48 (store, &seed);
  report_seed_clear (&seed);
}

static RapportSummaryView *
summary_view (UiFixture *f)
{
  RapportSummaryView *view = rapport_window_get_summary_view (f->window);

  g_assert_true (RAPPORT_IS_SUMMARY_VIEW (view));
  return RAPPORT_SUMMARY_VIEW (view);
}

static gpointer
child (UiFixture  *f,
       const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (summary_view (f)),
                                                   RAPPORT_TYPE_SUMMARY_VIEW, name);

  g_assert_nonnull (object);
  return object;
}

static const char *
label_text (UiFixture  *f,
            const char *name)
{
  return gtk_label_get_label (GTK_LABEL (child (f, name)));
}

static GtkListBoxRow *
attention_row (UiFixture *f,
               int        index)
{
  return gtk_list_box_get_row_at_index (GTK_LIST_BOX (child (f, "attention_list")), index);
}

/* As a click does it (gtk_widget_activate() would wait for the press animation). */
static void
click (UiFixture  *f,
       const char *name)
{
  g_signal_emit_by_name (child (f, name), "clicked");
}

static void
open_summary (UiFixture *f)
{
  ui_fixture_open (f, "2026-12-01", seed_week);
  rapport_window_set_view (f->window, "summary");
  ui_flush ();
  g_assert_cmpstr (rapport_window_get_view (f->window), ==, "summary");
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

/* Waits for a frame painted with what the view shows now. */
static void
wait_for_paint (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean painted = FALSE;
  gulong id;

  g_assert_nonnull (clock);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (window);
  ui_wait_until (is_true, &painted, 5000, "a frame to be painted");
  g_signal_handler_disconnect (clock, id);
}

/* The window, and the whole scrolled content of the view (taller than the
 * screen) on the window's background, for the reviewer. */
static void
save_widget (UiFixture  *f,
             GtkWidget  *widget,
             const char *name)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  const char *build = g_getenv ("G_TEST_BUILDDIR");
  g_autofree char *dir = g_build_filename (build ? build : ".", "..", "screenshots", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width, height;

  ui_flush ();
  wait_for_paint (window);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  paintable = gtk_widget_paintable_new (widget);
  snapshot = gtk_snapshot_new ();
  if (widget != window)
    {
      GdkRGBA background;
      if (!gtk_style_context_lookup_color (gtk_widget_get_style_context (window), "window_bg_color",
                                          &background))
        background = (GdkRGBA) { 1, 1, 1, 1 };
      gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));
    }
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("wrote %s", path);
}

static void
save_screenshot (UiFixture  *f,
                 const char *name)
{
  GtkWidget *scrolled = child (f, "scrolled_window");
  GtkWidget *viewport = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  g_autofree char *full = g_strdup_printf ("%.*s-full.png", (int) strlen (name) - 4, name);

  save_widget (f, GTK_WIDGET (f->window), name);
  save_widget (f, gtk_viewport_get_child (GTK_VIEWPORT (viewport)), full);
}

static void
test_shows_the_headline_of_a_week (void)
{
  UiFixture f = { 0 };

  open_summary (&f);
  /* It opens on this week, W49: one call (Eve, rated 4). */
  g_assert_cmpstr (label_text (&f, "week_label"), ==, "Week 49 · 30 Nov – 6 Dec 2026");
  g_assert_cmpstr (label_text (&f, "calls_value"), ==, "1");
  g_assert_false (gtk_widget_is_sensitive (child (&f, "next_button")));

  click (&f, "previous_button");
  ui_flush ();
  g_assert_cmpstr (label_text (&f, "week_label"), ==, "Week 48 · 23–29 Nov 2026");
  g_assert_cmpstr (label_text (&f, "calls_value"), ==, "13");
  g_assert_cmpstr (label_text (&f, "calls_detail"), ==, "10 customers");
  g_assert_cmpstr (label_text (&f, "calls_change"), ==, "▲ 12 more than last week");
  g_assert_cmpstr (label_text (&f, "reach_value"), ==, "69.2%");
  g_assert_cmpstr (label_text (&f, "reach_detail"), ==, "9 of 13 reached");
  g_assert_cmpstr (label_text (&f, "reach_change"), ==, "▼ −30.8 points vs last week");
  g_assert_cmpstr (label_text (&f, "average_value"), ==, "3.38");
  g_assert_cmpstr (label_text (&f, "average_detail"), ==, "of 5, 8 ratings");
  g_assert_cmpstr (label_text (&f, "average_change"), ==, "▼ −1.62 vs last week");
  g_assert_cmpstr (label_text (&f, "csat_value"), ==, "50.0%");
  g_assert_cmpstr (label_text (&f, "csat_detail"), ==, "4 of 8 rated 4 or 5");
  g_assert_cmpstr (label_text (&f, "csat_change"), ==, "▼ −50.0 points vs last week");
  g_assert_true (gtk_widget_has_css_class (child (&f, "csat_change"), "summary-down"));
  g_assert_true (gtk_widget_is_sensitive (child (&f, "next_button")));

  /* Three calls need attention, oldest first. */
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (attention_row (&f, 0))), ==, "Bob Baker");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (attention_row (&f, 1))), ==, "Cora Cole");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (attention_row (&f, 1))), ==,
                   "Wed 25 Nov · rated 3 · problem persists — Still leaking, under the sink");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (attention_row (&f, 2))), ==, "Ivy Irwin");
  g_assert_null (attention_row (&f, 3));

  save_screenshot (&f, "summary-view.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  save_screenshot (&f, "summary-view-dark.png");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);

  ui_fixture_close (&f);
}

static void
test_follows_new_calls (void)
{
  UiFixture f = { 0 };
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  RapportCallInput input = { 0 };
  GDate day = ui_day ("2026-11-27");
  g_autofree char *call = NULL;

  open_summary (&f);
  rapport_summary_view_set_week (summary_view (&f), &day);
  ui_flush ();
  g_assert_cmpstr (label_text (&f, "calls_value"), ==, "13");

  /* A call logged (here through the store, as the Today view does) shows at once. */
  ids = rapport_store_search_customer_ids (f.store, "Hana Hill", &error);
  g_assert_no_error (error);
  input.result = RAPPORT_RESULT_REACHED;
  input.satisfaction = 2;
  input.date = &day;
  call = rapport_store_log_call (f.store, g_ptr_array_index (ids, 0), &input, &error);
  g_assert_no_error (error);
  ui_flush ();
  g_assert_cmpstr (label_text (&f, "calls_value"), ==, "14");
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (attention_row (&f, 2))), ==, "Hana Hill");

  /* Calls logged by another program (rapport-cli, a second Rapport) send no
   * signal: the figures are computed again when the view is shown and
   * before an export, not taken as they were. */
  {
    g_autoptr(RapportStore) other = rapport_store_open (f.path, &error);
    g_autofree char *call2 = NULL;
    g_autofree char *call3 = NULL;
    GDate today;

    g_assert_no_error (error);
    rapport_store_get_today (f.store, &today);
    rapport_store_set_today (other, &today);
    call2 = rapport_store_log_call (other, g_ptr_array_index (ids, 0), &input, &error);
    g_assert_no_error (error);
    ui_flush ();
    rapport_window_set_view (f.window, "today");
    ui_flush ();
    rapport_window_set_view (f.window, "summary");
    ui_flush ();
    g_assert_cmpstr (label_text (&f, "calls_value"), ==, "15");

    call3 = rapport_store_log_call (other, g_ptr_array_index (ids, 0), &input, &error);
    g_assert_no_error (error);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (summary_view (&f)), "summary.export", "s", "json"));
    ui_flush ();
    g_assert_cmpstr (label_text (&f, "calls_value"), ==, "16");
  }

  ui_fixture_close (&f);
}

static void
shown_cb (RapportSummaryView *view,
          const char         *id,
          char              **out)
{
  g_free (*out);
  *out = g_strdup (id);
}

static void
test_opens_a_customer_in_one_click (void)
{
  UiFixture f = { 0 };
  g_autofree char *shown = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  GDate day = ui_day ("2026-11-23");

  open_summary (&f);
  rapport_summary_view_set_week (summary_view (&f), &day);
  ui_flush ();
  g_signal_connect (summary_view (&f), "show-customer", G_CALLBACK (shown_cb), &shown);
  g_signal_emit_by_name (child (&f, "attention_list"), "row-activated", attention_row (&f, 1));
  ui_flush ();

  ids = rapport_store_search_customer_ids (f.store, "Cora Cole", NULL);
  g_assert_cmpstr (shown, ==, g_ptr_array_index (ids, 0));
  g_assert_cmpstr (rapport_window_get_view (f.window), ==, "customers");

  /* Deleted since: the week still lists the call, and a click says why no
   * page opens. */
  g_assert_true (rapport_store_delete_customer (f.store, g_ptr_array_index (ids, 0), NULL));
  rapport_window_set_view (f.window, "summary");
  ui_flush ();
  g_clear_pointer (&shown, g_free);
  g_signal_emit_by_name (child (&f, "attention_list"), "row-activated", attention_row (&f, 1));
  ui_flush ();
  g_assert_null (shown);
  g_assert_cmpstr (rapport_window_get_view (f.window), ==, "summary");
  g_assert_cmpstr (adw_toast_get_title (rapport_window_get_last_toast (f.window)), ==,
                   "This customer has been deleted since the call");

  ui_fixture_close (&f);
}

/* Runs a poppler tool, or returns NULL when it is not installed. */
static char *
run_tool (const char *tool,
          const char *pdf)
{
  g_autofree char *path = g_find_program_in_path (tool);
  const char *argv[] = { path, pdf, NULL, NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  if (path == NULL)
    return NULL;
  if (g_str_equal (tool, "pdftotext"))
    argv[2] = "-";
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  return out;
}

static void
test_prints_the_pdf_layout (void)
{
  UiFixture f = { 0 };
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  GDate day = ui_day ("2026-11-23");

  open_summary (&f);
  rapport_summary_view_set_week (summary_view (&f), &day);
  ui_flush ();

  /* The Print action's job, exported to a file instead of a printer. */
  path = g_build_filename (f.dir, "printed.pdf", NULL);
  operation = _rapport_summary_view_new_print_operation (summary_view (&f));
  gtk_print_operation_set_export_filename (operation, path);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  info = run_tool ("pdfinfo", path);
  if (info == NULL)
    {
      g_test_skip ("pdfinfo (poppler-utils) is not installed");
      ui_fixture_close (&f);
      return;
    }
  g_assert_nonnull (strstr (info, "Pages:           1"));
  text = run_tool ("pdftotext", path);
  g_assert_nonnull (strstr (text, "Week 48 · 2026"));
  g_assert_nonnull (strstr (text, "69.2%"));
  g_assert_nonnull (strstr (text, "Cora Cole"));

  ui_fixture_close (&f);
}

/* Send: a webhook server on the loopback in this process. */

static guint requests;

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  requests++;
  soup_server_message_set_status (msg, GPOINTER_TO_UINT (user_data), NULL);
}

static gboolean
toast_is (gpointer data)
{
  gpointer *args = data;
  AdwToast *toast = rapport_window_get_last_toast (args[0]);

  return toast != NULL && g_str_has_prefix (adw_toast_get_title (toast), args[1]);
}

static void
wait_toast (UiFixture  *f,
            const char *prefix)
{
  gpointer args[2] = { f->window, (gpointer) prefix };

  ui_wait_until (toast_is, args, 15000, prefix);
}

static void
test_sends_to_the_webhook (void)
{
  UiFixture f = { 0 };
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
  g_autoptr(RapportWebhook) webhook = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  GSList *uris;

  open_summary (&f);

  /* No address yet: said, and nothing sent. */
  click (&f, "send_button");
  wait_toast (&f, "No webhook address is set");

  soup_server_add_handler (server, NULL, server_cb, GUINT_TO_POINTER (503), NULL);
  g_assert_true (soup_server_listen (server, address, 0, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d/hook", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  webhook = rapport_webhook_new (f.store);
  g_assert_true (rapport_webhook_set_url (webhook, url, NULL, NULL, &error));
  g_assert_no_error (error);

  click (&f, "send_button");
  wait_toast (&f, "Queued, will retry: the server answered 503");
  g_assert_cmpuint (requests, ==, 1);

  soup_server_remove_handler (server, NULL);
  soup_server_add_handler (server, NULL, server_cb, GUINT_TO_POINTER (200), NULL);
  click (&f, "send_button");
  wait_toast (&f, "Delivered");
  g_assert_cmpuint (requests, ==, 2);

  soup_server_disconnect (server);
  ui_fixture_close (&f);
}

static GtkEventController *
controller_named (GtkWidget  *widget,
                  const char *name)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (g_strcmp0 (gtk_event_controller_get_name (controller), name) == 0)
        return controller;
    }
  return NULL;
}

/* The wheel over a table (which scrolls sideways on its own when narrow)
 * still scrolls the page. */
static void
test_the_wheel_over_a_table_scrolls_the_page (void)
{
  UiFixture f = { 0 };
  GDate day = ui_day ("2026-11-23");
  GtkAdjustment *page;
  const char *tables[] = { "situation_grid", "staff_grid" };

  open_summary (&f);
  rapport_summary_view_set_week (summary_view (&f), &day);
  ui_flush ();
  page = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child (&f, "scrolled_window")));
  g_assert_cmpfloat (gtk_adjustment_get_upper (page), >, gtk_adjustment_get_page_size (page));

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      GtkWidget *scroller = gtk_widget_get_ancestor (child (&f, tables[i]), GTK_TYPE_SCROLLED_WINDOW);
      GtkEventController *controller = controller_named (scroller, "rapport-page-scroll");
      double before = gtk_adjustment_get_value (page);
      gboolean handled = FALSE;

      gtk_adjustment_set_value (page, 0);
      before = gtk_adjustment_get_value (page);
      g_assert_nonnull (controller);
      g_assert_cmpint (gtk_event_controller_get_propagation_phase (controller), ==, GTK_PHASE_CAPTURE);
      g_signal_emit_by_name (controller, "scroll", 0.0, 1.0, &handled);
      g_assert_true (handled);
      g_assert_cmpfloat (gtk_adjustment_get_value (page), >, before);
    }

  ui_fixture_close (&f);
}

/* Left open on this week into the next: shown again, it is on the new
 * week. A past week looked at stays. */
static void
test_moves_on_to_a_new_week (void)
{
  UiFixture f = { 0 };
  GDate next_tuesday = ui_day ("2026-12-08");
  GDate later = ui_day ("2026-12-15");
  GDate past = ui_day ("2026-11-23");

  open_summary (&f);
  g_assert_true (g_str_has_prefix (gtk_label_get_label (child (&f, "week_label")), "Week 49"));

  rapport_store_set_today (f.store, &next_tuesday);
  rapport_window_set_view (f.window, "today");
  ui_flush ();
  rapport_window_set_view (f.window, "summary");
  ui_flush ();
  g_assert_true (g_str_has_prefix (gtk_label_get_label (child (&f, "week_label")), "Week 50"));

  rapport_summary_view_set_week (summary_view (&f), &past);
  rapport_store_set_today (f.store, &later);
  rapport_window_set_view (f.window, "today");
  ui_flush ();
  rapport_window_set_view (f.window, "summary");
  ui_flush ();
  g_assert_true (g_str_has_prefix (gtk_label_get_label (child (&f, "week_label")), "Week 48"));

  ui_fixture_close (&f);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/summary/shows-the-headline-figures-of-a-week", test_shows_the_headline_of_a_week);
  g_test_add_func ("/ui/summary/follows-calls-logged-meanwhile", test_follows_new_calls);
  g_test_add_func ("/ui/summary/moves-on-to-a-new-week", test_moves_on_to_a_new_week);
  g_test_add_func ("/ui/summary/the-wheel-over-a-table-scrolls-the-page",
                   test_the_wheel_over_a_table_scrolls_the_page);
  g_test_add_func ("/ui/summary/opens-a-customer-that-needs-attention", test_opens_a_customer_in_one_click);
  g_test_add_func ("/ui/summary/prints-the-layout-of-the-pdf", test_prints_the_pdf_layout);
  g_test_add_func ("/ui/summary/sends-to-the-webhook-and-says-how-it-went", test_sends_to_the_webhook);

  return ui_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-test-window"

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>

#include "rapport-customers-view.h"
#include "rapport-demo.h"
#include "rapport-outbox.h"
#include "ui-test-util.h"

static void
seed_one (RapportStore *store)
{
  g_autofree char *ada = ui_add_customer (store, "Ada Lovelace", NULL, "555-0100", "2025-02-25", TRUE);
}

static void
test_unopenable_database_shows_why_and_offers_another_file (void)
{
  UiFixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = NULL;

  ui_fixture_open (&f, NULL, seed_one);
  g_assert_cmpstr (rapport_window_get_page (f.window), ==, "views");
  /* A hidden status page draws no large (SVG) icon before it is needed. */
  {
    AdwStatusPage *error_page = ADW_STATUS_PAGE (gtk_widget_get_template_child (GTK_WIDGET (f.window),
                                                                                RAPPORT_TYPE_WINDOW,
                                                                                "error_page"));
    g_assert_null (adw_status_page_get_icon_name (error_page));
  }

  /* Not a database: the window explains, nothing crashes, nothing is written. */
  bad = g_build_filename (f.dir, "notes.txt", NULL);
  g_assert_true (g_file_set_contents (bad, "shopping list, not customers\n", -1, NULL));
  g_assert_false (rapport_application_open_database (f.app, bad, &error));
  g_assert_nonnull (error);
  ui_flush ();
  g_assert_cmpstr (rapport_window_get_page (f.window), ==, "error");
  g_assert_cmpstr (adw_status_page_get_icon_name (ADW_STATUS_PAGE (gtk_widget_get_template_child (
                     GTK_WIDGET (f.window), RAPPORT_TYPE_WINDOW, "error_page"))), ==, "dialog-error-symbolic");
  g_assert_nonnull (strstr (rapport_window_get_error_text (f.window), "notes.txt"));
  g_assert_null (rapport_application_get_store (f.app));
  {
    g_autofree char *contents = NULL;
    g_assert_true (g_file_get_contents (bad, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "shopping list, not customers\n");
  }
  /* The day actions wait for a database; choosing another file is offered. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.show-view", "s", "today"));

  /* Choosing a good file brings the views back. */
  g_clear_error (&error);
  g_assert_true (rapport_application_open_database (f.app, f.path, &error));
  g_assert_no_error (error);
  ui_flush ();
  g_assert_cmpstr (rapport_window_get_page (f.window), ==, "views");

  ui_fixture_close (&f);
}

static void
test_remembers_size_and_view (void)
{
  UiFixture f = { 0 };
  GSettings *settings;
  RapportWindow *second;
  int width = 0, height = 0;

  ui_fixture_open (&f, NULL, seed_one);
  settings = rapport_application_get_settings (f.app);
  g_assert_nonnull (settings);

  gtk_window_set_default_size (GTK_WINDOW (f.window), 820, 610);
  rapport_window_set_view (f.window, "summary");
  ui_flush ();
  g_assert_cmpstr (g_settings_get_string (settings, "last-view"), ==, "summary");
  gtk_window_close (GTK_WINDOW (f.window));
  ui_flush ();
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 820);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 610);

  /* A new window comes back the same. */
  second = rapport_window_new (f.app);
  gtk_window_get_default_size (GTK_WINDOW (second), &width, &height);
  g_assert_cmpint (width, ==, 820);
  g_assert_cmpint (height, ==, 610);
  g_assert_cmpstr (rapport_window_get_view (second), ==, "summary");
  gtk_window_destroy (GTK_WINDOW (second));
  g_settings_reset (settings, "last-view");

  ui_fixture_close (&f);
}

static void
test_keyboard_shortcuts_are_wired (void)
{
  UiFixture f = { 0 };
  static const struct { const char *action; const char *accel; } expected[] = {
    { "win.search", "<Control>f" },
    { "win.new-customer", "<Control>n" },
    { "win.previous-day", "<Alt>Left" },
    { "win.next-day", "<Alt>Right" },
    { "win.go-today", "<Control>t" },
    { "app.preferences", "<Control>comma" },
    { "app.quit", "<Control>q" },
    { "window.close", "<Control>w" },
    { "win.show-shortcuts", "<Control>question" },
  };
  GtkShortcutsWindow *shortcuts;
  GtkMenuButton *menu_button;

  ui_fixture_open (&f, NULL, seed_one);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (f.app),
                                                                    expected[i].action);
      g_assert_nonnull (accels);
      g_assert_cmpstr (accels[0], ==, expected[i].accel);
    }
  /* Ctrl+? opens the shortcuts window, built when first asked for. */
  g_assert_null (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (f.window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.show-shortcuts", NULL));
  ui_flush ();
  shortcuts = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (f.window));
  g_assert_nonnull (shortcuts);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (shortcuts)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (shortcuts)) == GTK_WINDOW (f.window));
  gtk_widget_set_visible (GTK_WIDGET (shortcuts), FALSE);
  /* The second time shows the same window. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.show-shortcuts", NULL));
  g_assert_true (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (f.window)) == shortcuts);
  gtk_widget_set_visible (GTK_WIDGET (shortcuts), FALSE);

  /* The main menu (F10) gets its items when it opens. */
  menu_button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (f.window), RAPPORT_TYPE_WINDOW,
                                                                "primary_menu_button"));
  g_assert_null (gtk_menu_button_get_menu_model (menu_button));
  gtk_menu_button_popup (menu_button);
  ui_flush ();
  g_assert_nonnull (gtk_menu_button_get_menu_model (menu_button));
  g_assert_cmpint (g_menu_model_get_n_items (gtk_menu_button_get_menu_model (menu_button)), ==, 2);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (menu_button))));
  gtk_menu_button_popdown (menu_button);

  /* Ctrl+F goes to the customers, Ctrl+T back to today. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.search", NULL));
  g_assert_cmpstr (rapport_window_get_view (f.window), ==, "customers");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.go-today", NULL));
  g_assert_cmpstr (rapport_window_get_view (f.window), ==, "today");

  ui_fixture_close (&f);
}

/* Sample customers with a week of calls, so that every view shows its
 * widest content: agenda rows, the customer page, the summary's tables. */
static void
seed_busy_week (RapportStore *store)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_demo_load (store, &error));
  g_assert_no_error (error);
}

static void
test_every_view_fits_360_pixels (void)
{
  UiFixture f = { 0 };
  const char *views[] = { "today", "customers", "summary" };
  GtkWidget *content;

  ui_fixture_open (&f, NULL, seed_busy_week);
  content = adw_application_window_get_content (ADW_APPLICATION_WINDOW (f.window));
  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      int minimum = 0, natural = 0;

      rapport_window_set_view (f.window, views[i]);
      ui_flush ();
      gtk_widget_measure (content, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
      g_test_message ("%s: minimum width %d", views[i], minimum);
      g_assert_cmpint (minimum, <=, 360);
    }
  ui_fixture_close (&f);
}

/* What a hidden view's AdwBin holds: nothing until the view is first shown. */
static GtkWidget *
view_content (UiFixture  *f,
              const char *name)
{
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (f->window),
                                                                       RAPPORT_TYPE_WINDOW,
                                                                       "view_stack"));

  return adw_bin_get_child (ADW_BIN (adw_view_stack_get_child_by_name (stack, name)));
}

static void
test_hidden_views_are_built_when_first_shown (void)
{
  UiFixture f = { 0 };
  GtkWidget *customers;
  g_autoptr(GError) error = NULL;

  ui_fixture_open (&f, NULL, seed_one);
  /* The first frame shows Today only: the customer list is not read yet. */
  g_assert_cmpstr (rapport_window_get_view (f.window), ==, "today");
  g_assert_null (view_content (&f, "customers"));
  g_assert_null (view_content (&f, "summary"));

  rapport_window_set_view (f.window, "customers");
  ui_flush ();
  customers = view_content (&f, "customers");
  g_assert_true (RAPPORT_IS_CUSTOMERS_VIEW (customers));
  g_assert_null (view_content (&f, "summary"));
  rapport_window_set_view (f.window, "summary");
  ui_flush ();
  g_assert_true (RAPPORT_IS_SUMMARY_VIEW (view_content (&f, "summary")));

  /* Another database while the Customers view is hidden: its view waits… */
  g_assert_true (rapport_application_open_database (f.app, f.path, &error));
  g_assert_no_error (error);
  ui_flush ();
  g_assert_null (view_content (&f, "customers"));
  /* …and is built for the new store when shown. */
  rapport_window_set_view (f.window, "customers");
  ui_flush ();
  g_assert_true (RAPPORT_IS_CUSTOMERS_VIEW (view_content (&f, "customers")));
  g_assert_true (view_content (&f, "customers") != customers);
  g_assert_true (rapport_customers_view_get_store (RAPPORT_CUSTOMERS_VIEW (view_content (&f, "customers")))
                 == rapport_application_get_store (f.app));
  ui_fixture_close (&f);
}

/* A summary queued while the server was down, for a server that is back. */
static guint webhook_port;

static void
seed_queued_summary (RapportStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportOutbox) outbox = rapport_outbox_new (store);
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/hook", webhook_port);
  g_autofree char *uuid = NULL;

  seed_one (store);
  g_assert_true (rapport_store_set_setting (store, "webhook.url", url, &error));
  g_assert_no_error (error);
  uuid = rapport_outbox_queue (outbox, "webhook/2025-W09", "{\"text\": \"Week 9\"}", &error);
  g_assert_no_error (error);
  g_assert_nonnull (uuid);
}

static void
hook_handler (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  guint *received = user_data;

  (*received)++;
  soup_server_message_set_status (msg, 200, NULL);
  soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "ok", 2);
}

static gboolean
nothing_pending (gpointer user_data)
{
  RapportStore *store = user_data;
  g_autoptr(RapportOutbox) outbox = rapport_outbox_new (store);
  g_autoptr(GPtrArray) pending = rapport_outbox_list_pending (outbox, "webhook/", TRUE, NULL);

  return pending != NULL && pending->len == 0;
}

static void
test_queued_summaries_are_sent_without_opening_the_summary (void)
{
  UiFixture f = { 0 };
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
  g_autoptr(GError) error = NULL;
  GSList *uris;
  guint received = 0;

  soup_server_add_handler (server, "/hook", hook_handler, &received, NULL);
  g_assert_true (soup_server_listen (server, address, 0, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  webhook_port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  /* The window opens on Today, whatever an earlier test left. */
  {
    g_autoptr(GSettings) settings = g_settings_new (APP_ID);
    g_settings_set_string (settings, "last-view", "today");
  }
  ui_fixture_open (&f, NULL, seed_queued_summary);
  ui_wait_until (nothing_pending, f.store, 10000, "the queued summary to be delivered");
  g_assert_cmpuint (received, ==, 1);
  /* The Summary view was never built for it. */
  g_assert_cmpstr (rapport_window_get_view (f.window), ==, "today");
  g_assert_null (view_content (&f, "summary"));

  ui_fixture_close (&f);
  soup_server_disconnect (server);
}

static gboolean
is_action_bar (GtkWidget     *widget,
               gconstpointer  data)
{
  return GTK_IS_ACTION_BAR (widget);
}

static gboolean
bar_has_stack (gpointer window)
{
  AdwViewSwitcherBar *bar = ADW_VIEW_SWITCHER_BAR (gtk_widget_get_template_child (window, RAPPORT_TYPE_WINDOW,
                                                                                  "switcher_bar"));
  GtkWidget *action_bar = ui_find_widget (GTK_WIDGET (bar), is_action_bar, NULL);

  /* Shown, not only asked to: its action bar is revealed and takes room at
   * the bottom of the window. */
  return adw_view_switcher_bar_get_stack (bar) != NULL &&
         action_bar != NULL && gtk_action_bar_get_revealed (GTK_ACTION_BAR (action_bar)) &&
         gtk_widget_get_height (GTK_WIDGET (bar)) > 0;
}

static gboolean
is_narrow (gpointer window)
{
  return gtk_widget_get_width (window) <= 360;
}

static void
test_bottom_view_switcher_comes_with_a_narrow_window (void)
{
  UiFixture f = { 0 };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  AdwViewSwitcherBar *bar;

  /* A wide window: the header bar's switcher; the bottom one has no buttons. */
  g_settings_set_int (settings, "window-width", 1000);
  g_settings_set_int (settings, "window-height", 720);
  ui_fixture_open (&f, NULL, seed_one);
  bar = ADW_VIEW_SWITCHER_BAR (gtk_widget_get_template_child (GTK_WIDGET (f.window), RAPPORT_TYPE_WINDOW,
                                                              "switcher_bar"));
  g_assert_null (adw_view_switcher_bar_get_stack (bar));
  g_assert_false (adw_view_switcher_bar_get_reveal (bar));
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (bar)), ==, 0);

  /* Made phone-sized: the bottom switcher shows, with the views. */
  gtk_window_set_default_size (GTK_WINDOW (f.window), 360, 640);
  ui_wait_until (is_narrow, f.window, 10000, "the window to be narrow");
  /* How soon, in frames, is the next test's. */
  ui_wait_until (bar_has_stack, f.window, 10000, "the bottom view switcher");
  g_assert_true (ADW_IS_VIEW_STACK (adw_view_switcher_bar_get_stack (bar)));
  ui_fixture_close (&f);
  g_settings_set_int (settings, "window-width", 1000);
  g_settings_set_int (settings, "window-height", 720);
}

typedef struct {
  GtkWidget *window;
  guint      narrow_frames;
} FrameCount;

/* An animation running: every frame asks for the next one. */
static void
after_paint_cb (GdkFrameClock *clock,
                FrameCount    *count)
{
  if (is_narrow (count->window))
    count->narrow_frames++;
  gtk_widget_queue_draw (count->window);
}

static gboolean
bar_shown_or_frames_passed (gpointer user_data)
{
  FrameCount *count = user_data;

  return bar_has_stack (count->window) || count->narrow_frames > 4;
}

/* Work queued between frames, never done: the main loop is never idle. */
static gboolean
busy_cb (gpointer user_data)
{
  (*(guint *) user_data)++;
  return G_SOURCE_CONTINUE;
}

/* The bar comes in the frames right after the window turned narrow even
 * while frames keep coming (an animation, a resize being dragged) and the
 * main loop is never idle: the screenshot tool, asking for frame after
 * frame, once took a narrow window without it. */
static void
test_bottom_view_switcher_comes_while_frames_keep_coming (void)
{
  UiFixture f = { 0 };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  FrameCount count = { 0 };
  GdkFrameClock *clock;
  gulong handler;
  guint busy_runs = 0;
  guint busy;

  g_settings_set_int (settings, "window-width", 1000);
  g_settings_set_int (settings, "window-height", 720);
  ui_fixture_open (&f, NULL, seed_one);
  count.window = GTK_WIDGET (f.window);
  clock = gtk_widget_get_frame_clock (count.window);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &count);
  gtk_widget_queue_draw (count.window);

  /* Below frames, above a plain idle callback. */
  busy = g_idle_add_full ((G_PRIORITY_HIGH_IDLE + G_PRIORITY_DEFAULT_IDLE) / 2, busy_cb, &busy_runs, NULL);

  gtk_window_set_default_size (GTK_WINDOW (f.window), 360, 640);
  ui_wait_until (bar_shown_or_frames_passed, &count, 10000, "the window to turn narrow");
  g_assert_true (bar_has_stack (f.window));
  /* The frame that found it narrow, the one that lays the bar out, and one
   * for its slide-in to have height: some 50 ms. */
  g_assert_cmpuint (count.narrow_frames, <=, 3);
  g_assert_cmpuint (busy_runs, >, 0);

  g_source_remove (busy);
  g_signal_handler_disconnect (clock, handler);
  ui_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/window/unopenable-database-shows-why-and-offers-another-file",
                   test_unopenable_database_shows_why_and_offers_another_file);
  g_test_add_func ("/ui/window/remembers-size-and-view", test_remembers_size_and_view);
  g_test_add_func ("/ui/window/every-view-fits-360-pixels", test_every_view_fits_360_pixels);
  g_test_add_func ("/ui/window/bottom-view-switcher-comes-with-a-narrow-window",
                   test_bottom_view_switcher_comes_with_a_narrow_window);
  g_test_add_func ("/ui/window/bottom-view-switcher-comes-while-frames-keep-coming",
                   test_bottom_view_switcher_comes_while_frames_keep_coming);
  g_test_add_func ("/ui/window/keyboard-shortcuts-are-wired", test_keyboard_shortcuts_are_wired);
  g_test_add_func ("/ui/window/hidden-views-are-built-when-first-shown",
                   test_hidden_views_are_built_when_first_shown);
  g_test_add_func ("/ui/window/queued-summaries-are-sent-without-opening-the-summary",
                   test_queued_summaries_are_sent_without_opening_the_summary);

  return ui_test_run ();
}

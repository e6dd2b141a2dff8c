/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-ui-test"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "rapport-agenda-row.h"
#include "rapport-today-view.h"
#include "ui-test-util.h"

static char *private_dir;

/* The test session bus has no notification server: GIO warns that it
 * cannot deliver, which is the environment, not the app. Every other
 * warning stays fatal. */
static GLogWriterOutput
log_writer_cb (GLogLevelFlags   log_level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  const char *domain = NULL, *message = NULL;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_str_equal (fields[i].key, "GLIB_DOMAIN"))
        domain = fields[i].value;
      else if (g_str_equal (fields[i].key, "MESSAGE"))
        message = fields[i].value;
    }
  if (g_strcmp0 (domain, "GLib-GIO") == 0 && message != NULL
      && strstr (message, "unable to send notifications") != NULL)
    return G_LOG_WRITER_HANDLED;
  if (log_level & (G_LOG_LEVEL_WARNING | G_LOG_LEVEL_CRITICAL))
    log_level |= G_LOG_FLAG_FATAL;
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

void
ui_test_init (int    *argc,
              char ***argv)
{
  g_autofree char *data = NULL;
  g_autofree char *config = NULL;
  g_autofree char *cache = NULL;

  /* Nothing a test does may reach the developer's own data or settings. */
  private_dir = g_dir_make_tmp ("rapport-ui-XXXXXX", NULL);
  g_assert_nonnull (private_dir);
  data = g_build_filename (private_dir, "data", NULL);
  config = g_build_filename (private_dir, "config", NULL);
  cache = g_build_filename (private_dir, "cache", NULL);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);

  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* What the tests read must not depend on how far an animation got. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  /* Warnings are made fatal by log_writer_cb, which knows the one to let by. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  g_log_set_writer_func (log_writer_cb, NULL, NULL);
}

int
ui_test_run (void)
{
  int status = g_test_run ();

  remove_tree (private_dir);
  g_clear_pointer (&private_dir, g_free);
  return status;
}

GDate
ui_day (const char *iso)
{
  GDate date;

  g_date_clear (&date, 1);
  g_assert_true (rapport_date_parse (iso, &date, NULL));
  return date;
}

char *
ui_add_customer (RapportStore *store,
                 const char   *name,
                 const char   *company,
                 const char   *phone,
                 const char   *since,
                 gboolean      open_new)
{
  g_autoptr(RapportCustomer) customer = rapport_customer_new ();
  g_autoptr(GError) error = NULL;

  rapport_customer_set_name (customer, name);
  if (company != NULL)
    rapport_customer_set_company (customer, company);
  if (phone != NULL)
    rapport_customer_set_phone (customer, phone);
  if (since != NULL)
    {
      GDate date = ui_day (since);
      rapport_customer_set_since (customer, &date);
    }
  g_assert_true (rapport_store_add_customer (store, customer, open_new, &error));
  g_assert_no_error (error);
  return g_strdup (rapport_customer_get_id (customer));
}

void
ui_flag (RapportStore     *store,
         const char       *customer_id,
         RapportSituation  situation,
         const char       *note,
         const char       *date)
{
  g_autoptr(GError) error = NULL;
  GDate day;

  if (date != NULL)
    day = ui_day (date);
  g_assert_true (rapport_store_flag (store, customer_id, situation, note,
                                     date != NULL ? &day : NULL, &error));
  g_assert_no_error (error);
}

char *
ui_dump_table (RapportStore *store,
               const char   *sql)
{
  sqlite3 *db = rapport_database_get_handle (rapport_store_get_database (store));
  GString *out = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const unsigned char *text = sqlite3_column_text (stmt, i);
          g_string_append_printf (out, "%s%s", i ? "|" : "", text ? (const char *) text : "NULL");
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
  return g_string_free (out, FALSE);
}

char *
ui_dump_follow_ups_and_calls (RapportStore *store)
{
  g_autofree char *follow_ups = ui_dump_table (store, "SELECT * FROM follow_ups ORDER BY id");
  g_autofree char *calls = ui_dump_table (store, "SELECT * FROM calls WHERE deleted_at IS NULL ORDER BY id");
  g_autofree char *customers = ui_dump_table (store, "SELECT * FROM customers ORDER BY id");

  return g_strconcat ("follow_ups:\n", follow_ups, "calls:\n", calls, "customers:\n", customers, NULL);
}

void
ui_flush (void)
{
  /* Twice: work queued by the first round (layout, frame clock) runs too. */
  for (int round = 0; round < 2; round++)
    while (g_main_context_iteration (NULL, FALSE))
      ;
}

static gboolean
timed_out_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

void
ui_wait_until (UiCondition  condition,
               gpointer     user_data,
               guint        timeout_ms,
               const char  *what)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add (timeout_ms, timed_out_cb, &timed_out);

  /* Every condition is the outcome of a main loop event, so blocking until
   * the next event (or the deadline) never misses it. */
  while (!condition (user_data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (source);
  else if (!condition (user_data))
    g_error ("Timed out after %u ms waiting for %s", timeout_ms, what);
}

GtkWidget *
ui_find_widget (GtkWidget     *root,
                UiWidgetMatch  match,
                gconstpointer  data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ui_find_widget (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
window_is_mapped (gpointer user_data)
{
  return gtk_widget_get_mapped (user_data);
}

void
ui_fixture_open (UiFixture  *f,
                 const char *today,
                 UiSeedFunc  seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) seed_store = NULL;
  GDate day = ui_day (today != NULL ? today : "2025-03-03");
  GList *windows;

  f->dir = g_dir_make_tmp ("rapport-ui-db-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "rapport.db", NULL);

  seed_store = rapport_store_open (f->path, &error);
  g_assert_no_error (error);
  rapport_store_set_today (seed_store, &day);
  if (seed != NULL)
    seed (seed_store);
  g_clear_object (&seed_store);

  f->app = rapport_application_new ();
  {
    static guint serial;
    g_autofree char *id = g_strdup_printf ("%s.Test%u", APP_ID, ++serial);
    g_application_set_application_id (G_APPLICATION (f->app), id);
  }
  /* Tests run side by side on one session bus: no single-instance handover. */
  g_application_set_flags (G_APPLICATION (f->app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (f->app), NULL, &error);
  g_assert_no_error (error);
  rapport_application_set_today (f->app, &day);
  g_assert_true (rapport_application_open_database (f->app, f->path, &error));
  g_assert_no_error (error);
  f->store = g_object_ref (rapport_application_get_store (f->app));

  g_application_activate (G_APPLICATION (f->app));
  windows = gtk_application_get_windows (GTK_APPLICATION (f->app));
  g_assert_nonnull (windows);
  g_assert_true (RAPPORT_IS_WINDOW (windows->data));
  f->window = g_object_ref (windows->data);
  ui_wait_until (window_is_mapped, f->window, 10000, "the window to be mapped");
  ui_flush ();
}

void
ui_fixture_close (UiFixture *f)
{
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (f->app)));

  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);
  g_list_free (windows);
  ui_flush ();
  g_assert_finalize_object (g_steal_pointer (&f->window));
  /* The daily backup writes into f->dir from a thread of its own. */
  rapport_application_wait_for_daily_backup (f->app);
  g_clear_object (&f->store);
  /* A registered GApplication that never ran keeps a reference to itself
   * until shutdown, which only g_application_run() reaches: each fixture
   * uses its own application id instead. */
  g_clear_object (&f->app);
  remove_tree (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->path, g_free);
}

GtkListBoxRow *
ui_agenda_row (UiFixture *f,
               int        index)
{
  RapportTodayView *today = rapport_window_get_today_view (f->window);

  return gtk_list_box_get_row_at_index (rapport_today_view_get_agenda_list (today), index);
}

guint
ui_list_box_count (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child) && gtk_widget_get_visible (child))
      n++;
  return n;
}

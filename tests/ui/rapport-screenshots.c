/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-screenshots"

/* Renders the real window over the sample customers into PNGs, for a
 * reviewer to look at: build-aux/screenshots runs it in the test run.
 *
 *   rapport-screenshots [--suffix=-de] [--only=today] OUTDIR
 *
 * Today is fixed (Monday 23 November 2026) so that the pictures only change
 * when the UI does. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "rapport-agenda-row.h"
#include "rapport-application.h"
#include "rapport-call-sheet.h"
#include "rapport-date.h"
#include "rapport-demo.h"
#include "rapport-import-dialog.h"
#include "rapport-today-view.h"
#include "rapport-window.h"

#define TODAY "2026-11-23"

static char *out_dir;
static char *demo_path;
static char *empty_path;
static char *import_path;
static char *suffix;
static char *only;

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

typedef gboolean (*Condition) (gpointer user_data);

static gboolean
timed_out_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
wait_until (Condition  condition,
            gpointer   user_data,
            guint      timeout_ms)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add (timeout_ms, timed_out_cb, &timed_out);

  while (!condition (user_data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (source);
  return condition (user_data);
}

static gboolean
painted_cb (gpointer user_data)
{
  return *(gboolean *) user_data;
}

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

/* Waits until the window has painted a frame with what it shows now
 * (animations are off, so that frame is the final picture). */
static void
settle (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean painted = FALSE;
  gulong id;

  if (clock == NULL)
    return;
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (window);
  if (!wait_until (painted_cb, &painted, 5000))
    g_warning ("No frame was painted");
  g_signal_handler_disconnect (clock, id);
}

static gboolean
wanted (const char *name)
{
  return only == NULL || g_str_equal (only, name);
}

static void
save_window (GtkWidget  *window,
             const char *name,
             gboolean    dark)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  int width = 0, height = 0;

  /* The paintable draws what the window last rendered: wait for frames
   * until there is one. */
  /* One frame more first: what a layout starts (the bottom view switcher
   * of a window just made narrow) shows in the frame after it. */
  settle (window);
  for (int frame = 0; node == NULL && frame < 50; frame++)
    {
      settle (window);
      width = gtk_widget_get_width (window);
      height = gtk_widget_get_height (window);
      g_clear_object (&paintable);
      paintable = gtk_widget_paintable_new (window);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  if (node == NULL)
    g_error ("The window painted nothing for %s", name);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_strdup_printf ("%s%s%s.png", name, dark ? "-dark" : "", suffix ? suffix : "");
  path = g_build_filename (out_dir, file, NULL);
  if (!gdk_texture_save_to_png (texture, path))
    g_error ("Cannot write %s", path);
  g_print ("%s (%d×%d)\n", path, width, height);
}

typedef struct {
  GtkWidget *widget;
  int        width;
} SizeWait;

static gboolean
has_width_cb (gpointer user_data)
{
  SizeWait *wait = user_data;

  /* The default size includes the client-side shadow: accept a few pixels. */
  return ABS (gtk_widget_get_width (wait->widget) - wait->width) <= 12;
}

static void
resize (GtkWidget *window,
        int        width,
        int        height)
{
  SizeWait wait = { window, width };

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  if (!wait_until (has_width_cb, &wait, 5000))
    g_warning ("The window did not take the width %d (it is %d)", width, gtk_widget_get_width (window));
}

static gboolean
is_mapped_cb (gpointer user_data)
{
  return gtk_widget_get_mapped (user_data);
}

static gboolean
has_height_cb (gpointer user_data)
{
  SizeWait *wait = user_data;

  return ABS (gtk_widget_get_height (wait->widget) - wait->width) <= 12;
}

/* resize () for a window whose width may not change: waits for the height. */
static void
resize_tall (GtkWidget *window,
             int        width,
             int        height)
{
  SizeWait wait = { window, height };

  resize (window, width, height);
  if (!wait_until (has_height_cb, &wait, 5000))
    g_warning ("The window did not take the height %d (it is %d)", height, gtk_widget_get_height (window));
}

static gboolean
import_idle_cb (gpointer user_data)
{
  return !rapport_import_dialog_is_busy (user_data);
}

static void
show_day (RapportWindow *window,
          const char    *iso)
{
  GDate day;

  g_date_clear (&day, 1);
  rapport_date_parse (iso, &day, NULL);
  rapport_window_set_view (window, "today");
  rapport_today_view_set_day (rapport_window_get_today_view (window), &day);
}

/* The first customer of the agenda with two situations (a fuller sheet). */
static const char *
pick_customer (RapportWindow *window)
{
  GtkListBox *list = rapport_today_view_get_agenda_list (rapport_window_get_today_view (window));
  const char *first = NULL;

  for (int i = 0; ; i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);
      RapportAgendaEntry *entry;
      guint n = 0;

      if (row == NULL)
        break;
      entry = rapport_agenda_row_get_entry (RAPPORT_AGENDA_ROW (row));
      if (first == NULL)
        first = rapport_agenda_entry_get_customer_id (entry);
      rapport_agenda_entry_get_situations (entry, &n);
      if (n >= 2)
        return rapport_agenda_entry_get_customer_id (entry);
    }
  return first;
}

static void
shoot (RapportApplication *app,
       RapportWindow      *window,
       gboolean            dark)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  RapportTodayView *today = rapport_window_get_today_view (window);
  GtkWidget *widget = GTK_WIDGET (window);

  adw_style_manager_set_color_scheme (style, dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                  : ADW_COLOR_SCHEME_FORCE_LIGHT);
  resize (widget, 1000, 760);

  if (wanted ("today"))
    {
      show_day (window, TODAY);
      save_window (widget, "today", dark);
    }

  if (wanted ("call-sheet"))
    {
      const char *id;
      GtkWindow *sheet;

      show_day (window, TODAY);
      id = pick_customer (window);
      sheet = id ? rapport_today_view_open_call_sheet (today, id) : NULL;
      if (sheet != NULL)
        {
          wait_until (is_mapped_cb, sheet, 5000);
          /* Tall enough to show the whole sheet in one picture. */
          resize (GTK_WIDGET (sheet), 560, 1180);
          rapport_call_sheet_set_rating (RAPPORT_CALL_SHEET (sheet), 4);
          rapport_call_sheet_set_note (RAPPORT_CALL_SHEET (sheet),
                                       "Happy with the repair; asked about a maintenance plan.");
          save_window (GTK_WIDGET (sheet), "call-sheet", dark);
          /* Skip the "discard?" question: this is only a picture. */
          gtk_window_destroy (sheet);
        }
      else
        g_warning ("No call on the agenda for the call sheet picture");
    }

  if (wanted ("customer"))
    {
      const char *id;

      show_day (window, TODAY);
      id = pick_customer (window);
      if (id != NULL)
        {
          g_autofree char *copy = g_strdup (id);
          rapport_window_show_customer (window, copy);
          save_window (widget, "customer", dark);
        }
    }

  if (wanted ("empty"))
    {
      /* A business whose next calls are later this week. */
      g_autoptr(GError) error = NULL;

      if (!rapport_application_open_database (app, empty_path, &error))
        g_error ("%s", error->message);
      show_day (window, TODAY);
      if (g_strcmp0 (rapport_today_view_get_page (today), "empty") != 0)
        g_warning ("The day chosen for the empty picture has calls");
      save_window (widget, "empty", dark);
      if (!rapport_application_open_database (app, demo_path, &error))
        g_error ("%s", error->message);
    }

  if (wanted ("import"))
    {
      /* A spreadsheet with a customer Rapport knows and a row it refuses. */
      g_autoptr(GFile) file = g_file_new_for_path (import_path);
      GtkWidget *dialog = rapport_import_dialog_new (GTK_WINDOW (window),
                                                     rapport_application_get_store (app), file);

      /* Tall enough to show the options, the rows and the columns. */
      gtk_window_set_default_size (GTK_WINDOW (dialog), 600, 1000);
      gtk_window_present (GTK_WINDOW (dialog));
      wait_until (is_mapped_cb, dialog, 5000);
      if (!wait_until (import_idle_cb, dialog, 10000))
        g_warning ("The import preview did not finish");
      save_window (dialog, "import", dark);
      resize_tall (dialog, 360, 720);
      save_window (dialog, "import-narrow", dark);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }

  if (wanted ("narrow"))
    {
      resize (widget, 360, 720);
      show_day (window, TODAY);
      save_window (widget, "narrow", dark);
      {
        const char *id = pick_customer (window);
        if (id != NULL)
          {
            g_autofree char *copy = g_strdup (id);
            rapport_window_show_customer (window, copy);
            resize (widget, 360, 720);
            save_window (widget, "narrow-customer", dark);
          }
      }
      rapport_window_set_view (window, "summary");
      resize (widget, 360, 720);
      save_window (widget, "narrow-summary", dark);
      rapport_window_set_view (window, "today");
      resize (widget, 1000, 760);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(RapportApplication) app = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *path = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *config_home = NULL;
  const char *localedir;
  gboolean light_only = FALSE;
  GOptionEntry entries[] = {
    { "suffix", 0, 0, G_OPTION_ARG_STRING, &suffix, "Added to every file name", "SUFFIX" },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only, "Only this picture", "NAME" },
    { "light-only", 0, 0, G_OPTION_ARG_NONE, &light_only, "No dark pictures", NULL },
    { NULL }
  };
  GDate today;
  RapportWindow *window;

  setlocale (LC_ALL, "");
  localedir = g_getenv ("RAPPORT_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  context = g_option_context_new ("OUTDIR");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || argc != 2)
    {
      g_printerr ("usage: rapport-screenshots [--suffix=S] [--only=NAME] OUTDIR\n");
      return 2;
    }
  out_dir = argv[1];
  if (g_mkdir_with_parents (out_dir, 0755) != 0)
    g_error ("Cannot create %s", out_dir);

  /* Nothing here may touch the user's own data or settings. */
  tmp = g_dir_make_tmp ("rapport-screenshots-XXXXXX", &error);
  g_assert_no_error (error);
  data_home = g_build_filename (tmp, "data", NULL);
  config_home = g_build_filename (tmp, "config", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  path = g_build_filename (tmp, "demo.db", NULL);
  demo_path = path;
  empty_path = g_build_filename (tmp, "empty.db", NULL);
  import_path = g_build_filename (tmp, "customers.csv", NULL);
  if (!g_file_set_contents (import_path,
                            "Name;Company;Phone;E-mail;Customer since\r\n"
                            "Maria Garcia;Garcia Plumbing;+1 415-555-0134;maria@garcia-plumbing.example;2024-05-02\r\n"
                            "Tom O'Brien;;(020) 7946 0019;;2023-11-20\r\n"
                            "Ada Lovelace;Lovelace Bakery & Café;+44 20 7946 0018;ada@lovelace-bakery.example;\r\n"
                            "Li Wei;Wei Dental Practice;+86 10 5555 0101;li.wei@example.org;2025-02-14\r\n"
                            "Sarah Jones;;07700 900123;sarah@jones;2025-06-30\r\n"
                            "Peter Novak;Novak Electric;+420 601 123 456;peter@novak.example;30.06.2025\r\n",
                            -1, &error))
    g_error ("%s", error->message);

  g_date_clear (&today, 1);
  rapport_date_parse (TODAY, &today, NULL);
  store = rapport_store_open (path, &error);
  g_assert_no_error (error);
  rapport_store_set_today (store, &today);
  rapport_store_set_staff (store, "Sam");
  if (!rapport_demo_load (store, &error))
    g_error ("Cannot load the sample customers: %s", error->message);
  g_clear_object (&store);

  store = rapport_store_open (empty_path, &error);
  g_assert_no_error (error);
  rapport_store_set_today (store, &today);
  for (guint i = 0; i < 3; i++)
    {
      static const char *names[] = { "Ada Lovelace", "Grace Hopper", "Alan Turing" };
      g_autoptr(RapportCustomer) customer = rapport_customer_new ();

      rapport_customer_set_name (customer, names[i]);
      rapport_customer_set_since (customer, &today);
      if (!rapport_store_add_customer (store, customer, TRUE, &error))
        g_error ("%s", error->message);
    }
  g_clear_object (&store);

  app = rapport_application_new ();
  g_application_set_application_id (G_APPLICATION (app), APP_ID ".Screenshots");
  gtk_init ();
  /* Stack crossfades and popovers would be caught half way. */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  g_application_set_flags (G_APPLICATION (app),
                           G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  rapport_application_set_today (app, &today);
  if (!rapport_application_open_database (app, path, &error))
    g_error ("%s", error->message);
  rapport_store_set_staff (rapport_application_get_store (app), "Sam");
  g_application_activate (G_APPLICATION (app));
  window = RAPPORT_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  if (window == NULL)
    window = RAPPORT_WINDOW (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  if (!wait_until (is_mapped_cb, window, 10000))
    g_error ("The window was not shown");

  shoot (app, window, FALSE);
  if (!light_only)
    shoot (app, window, TRUE);

  gtk_window_destroy (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;
  remove_tree (tmp);
  return 0;
}

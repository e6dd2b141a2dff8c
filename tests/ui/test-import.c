/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-test-import"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/stat.h>

#include "rapport-export.h"
#include "rapport-import-dialog.h"
#include "ui-test-util.h"

/* Peter is already a customer: the file's row with his email is a duplicate. */
static void
seed_peter (RapportStore *store)
{
  g_autoptr(RapportCustomer) customer = rapport_customer_new ();
  g_autoptr(GError) error = NULL;

  rapport_customer_set_name (customer, "Peter Novak");
  rapport_customer_set_email (customer, "peter@novak.cz");
  rapport_customer_set_phone (customer, "+420 601 000 000");
  g_assert_true (rapport_store_add_customer (store, customer, FALSE, &error));
  g_assert_no_error (error);
}

static const char sample_csv[] =
  "Name,Company,Phone,Email,First service\r\n"
  "Ann Archer,Archer Bakery,555-0101,ann@archer.example,2025-01-15\r\n"
  "Bob Baker,,555-0102,,\r\n"
  "Peter Novak,Novak Electric,+420 601 123 456,peter@novak.cz,2024-06-30\r\n"
  "Cleo Cole,Cole & Co,555-0103,cleo@cole.example,\r\n"
  "Dan Dare,,555-0104,,yesterday\r\n";

static GFile *
write_file (UiFixture  *f,
            const char *name,
            const char *contents,
            gssize      length)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return g_file_new_for_path (path);
}

static gboolean
dialog_is_idle (gpointer user_data)
{
  return !rapport_import_dialog_is_busy (user_data);
}

static RapportImportDialog *
open_dialog (UiFixture *f,
             GFile     *file)
{
  RapportImportDialog *dialog;

  dialog = RAPPORT_IMPORT_DIALOG (rapport_import_dialog_open (GTK_WINDOW (f->window), f->store, file));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  ui_wait_until (dialog_is_idle, dialog, 10000, "the preview");
  ui_flush ();
  return dialog;
}

static void
wait_for_preview (RapportImportDialog *dialog)
{
  ui_wait_until (dialog_is_idle, dialog, 10000, "the preview");
  ui_flush ();
}

/* The counts with plain spaces (each count is kept on one line with a
 * no-break space). */
static const char *
counts_text (RapportImportDialog *dialog)
{
  static char *text;
  g_autoptr(GString) plain = g_string_new (rapport_import_dialog_get_counts_text (dialog));

  g_string_replace (plain, "\u00a0", " ", 0);
  g_free (text);
  text = g_string_free (g_steal_pointer (&plain), FALSE);
  return text;
}

static const char *
row_title (GtkListBox *list,
           int         index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  g_assert_nonnull (row);
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

static const char *
row_subtitle (GtkListBox *list,
              int         index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, index);

  g_assert_nonnull (row);
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (row));
}

static gboolean
pointer_is_null (gpointer user_data)
{
  return *(gpointer *) user_data == NULL;
}

static char *
count_rows (UiFixture  *f,
            const char *sql)
{
  g_autofree char *dump = ui_dump_table (f->store, sql);

  return g_strstrip (g_strdup (dump));
}

static void
test_previews_then_imports (void)
{
  UiFixture f = { 0 };
  g_autoptr(GFile) file = NULL;
  g_autofree char *peter_before = NULL;
  g_autofree char *peter_after = NULL;
  g_autofree char *names = NULL;
  g_autofree char *new_follow_ups = NULL;
  RapportImportDialog *dialog;
  GtkListBox *preview, *invalid;
  AdwToast *toast;

  ui_fixture_open (&f, NULL, seed_peter);
  file = write_file (&f, "customers.csv", sample_csv, -1);
  dialog = open_dialog (&f, file);

  /* Updating duplicates is the default; nothing is saved yet. */
  g_assert_cmpstr (rapport_import_dialog_get_page (dialog), ==, "preview");
  g_assert_cmpstr (counts_text (dialog), ==,
                   "3 new · 1 updated · 0 skipped · 1 invalid");
  g_assert_true (g_str_has_prefix (rapport_import_dialog_get_counts_text (dialog), "3\u00a0new · "));
  g_assert_null (rapport_import_dialog_get_message (dialog));
  g_assert_true (rapport_import_result_get_dry_run (rapport_import_dialog_get_preview (dialog)));
  {
    g_autofree char *count = count_rows (&f, "SELECT count(*) FROM customers");
    g_assert_cmpstr (count, ==, "1");
  }

  /* The first rows as they will be imported, with what happens to each. */
  preview = rapport_import_dialog_get_preview_list (dialog);
  g_assert_cmpuint (ui_list_box_count (preview), ==, 5);
  g_assert_cmpstr (row_title (preview, 0), ==, "Ann Archer");
  g_assert_cmpstr (row_subtitle (preview, 0), ==,
                   "Archer Bakery · 555-0101 · ann@archer.example\nFirst service 2025-01-15");
  g_assert_cmpstr (row_title (preview, 2), ==, "Peter Novak");
  g_assert_nonnull (strstr (row_subtitle (preview, 2), "Novak Electric"));

  /* The invalid row: its line and why. */
  invalid = rapport_import_dialog_get_invalid_list (dialog);
  g_assert_cmpuint (ui_list_box_count (invalid), ==, 1);
  g_assert_cmpstr (row_title (invalid, 0), ==, "Line 6");
  g_assert_nonnull (strstr (row_subtitle (invalid, 0), "“yesterday” is not a date"));

  /* The CSV's columns, as guessed from the heading row. */
  g_assert_nonnull (rapport_import_dialog_get_column_row (dialog, 4));
  g_assert_null (rapport_import_dialog_get_column_row (dialog, 5));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (rapport_import_dialog_get_column_row (dialog, 3))),
                   ==, "Email");

  /* Skipping duplicates counts again. */
  adw_combo_row_set_selected (rapport_import_dialog_get_duplicate_row (dialog), 1);
  wait_for_preview (dialog);
  g_assert_cmpstr (counts_text (dialog), ==,
                   "3 new · 0 updated · 1 skipped · 1 invalid");
  g_assert_false (gtk_switch_get_active (rapport_import_dialog_get_follow_up_switch (dialog)));

  peter_before = ui_dump_table (f.store, "SELECT * FROM customers WHERE email = 'peter@novak.cz'");
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL));
  ui_wait_until (pointer_is_null, &dialog, 20000, "the import to finish and the dialog to close");

  names = ui_dump_table (f.store, "SELECT name, company, phone FROM customers ORDER BY name");
  g_assert_cmpstr (names, ==,
                   "Ann Archer|Archer Bakery|555-0101\n"
                   "Bob Baker||555-0102\n"
                   "Cleo Cole|Cole & Co|555-0103\n"
                   "Peter Novak||+420 601 000 000\n");
  peter_after = ui_dump_table (f.store, "SELECT * FROM customers WHERE email = 'peter@novak.cz'");
  g_assert_cmpstr (peter_after, ==, peter_before);
  /* The switch was off: no new-customer calls. */
  new_follow_ups = count_rows (&f, "SELECT count(*) FROM follow_ups");
  g_assert_cmpstr (new_follow_ups, ==, "0");

  toast = rapport_window_get_last_toast (f.window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Imported 3 customers");
  g_assert_cmpstr (rapport_window_get_view (f.window), ==, "customers");

  ui_fixture_close (&f);
}

static void
test_column_mapping_previews_again (void)
{
  UiFixture f = { 0 };
  g_autoptr(GFile) file = NULL;
  RapportImportDialog *dialog;
  AdwComboRow *who;

  ui_fixture_open (&f, NULL, NULL);
  /* "Who" names no field: no column gives a name yet. */
  file = write_file (&f, "people.csv", "Who,Phone\nAnn Archer,555-0101\nBob Baker,555-0102\n", -1);
  dialog = open_dialog (&f, file);

  g_assert_cmpstr (rapport_import_dialog_get_page (dialog), ==, "preview");
  g_assert_nonnull (strstr (rapport_import_dialog_get_message (dialog), "No column holds the customers’ names"));
  g_assert_nonnull (strstr (rapport_import_dialog_get_message (dialog),
                            "Or choose below which column holds the names."));
  /* Nothing to import yet: Import does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL);
  g_assert_cmpstr (rapport_import_dialog_get_page (dialog), ==, "preview");
  g_assert_false (rapport_import_dialog_is_busy (dialog));

  who = rapport_import_dialog_get_column_row (dialog, 0);
  g_assert_nonnull (who);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (who)), ==, "Who");
  /* Skip is offered last, after every field. */
  {
    GListModel *fields = adw_combo_row_get_model (who);
    guint n = g_list_model_get_n_items (fields);
    g_autoptr(GtkStringObject) last = g_list_model_get_item (fields, n - 1);
    g_autoptr(GtkStringObject) first = g_list_model_get_item (fields, 0);

    g_assert_cmpstr (gtk_string_object_get_string (last), ==, "Skip");
    g_assert_cmpstr (gtk_string_object_get_string (first), ==, "Name");
    g_assert_cmpuint (adw_combo_row_get_selected (who), ==, n - 1);
    adw_combo_row_set_selected (who, 0);
  }
  wait_for_preview (dialog);
  g_assert_null (rapport_import_dialog_get_message (dialog));
  g_assert_cmpstr (counts_text (dialog), ==,
                   "2 new · 0 updated · 0 skipped · 0 invalid");
  /* The rows stay (and keep the choice) when the preview comes again. */
  g_assert_true (rapport_import_dialog_get_column_row (dialog, 0) == who);
  g_assert_cmpuint (ui_list_box_count (rapport_import_dialog_get_preview_list (dialog)), ==, 2);

  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_fixture_close (&f);
}

static gboolean
page_is_failed (gpointer user_data)
{
  return g_strcmp0 (rapport_import_dialog_get_page (user_data), "failed") == 0;
}

static GFile *
write_many (UiFixture *f,
            guint      n)
{
  g_autoptr(GString) csv = g_string_new ("Name,Phone,Email\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "Customer %u,0170 %06u,c%u@example.com\n", i, i, i);
  return write_file (f, "many.csv", csv->str, (gssize) csv->len);
}

/* Another connection holds the write lock: the import cannot commit before
 * it is cancelled, whatever the threads' timing. */
static sqlite3 *
hold_write_lock (UiFixture *f)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (f->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  return db;
}

static void
release_write_lock (sqlite3 *db)
{
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
seed_three (RapportStore *store)
{
  g_free (ui_add_customer (store, "Ada Lovelace", NULL, "555-0100", "2025-02-25", TRUE));
  g_free (ui_add_customer (store, "Grace Hopper", "Navy", "555-0200", "2025-02-26", FALSE));
  g_free (ui_add_customer (store, "Alan Turing", NULL, NULL, NULL, FALSE));
}

static void
test_cancel_leaves_the_database_unchanged (void)
{
  UiFixture f = { 0 };
  g_autoptr(GFile) file = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *message;
  RapportImportDialog *dialog;
  sqlite3 *lock;

  ui_fixture_open (&f, NULL, seed_three);
  file = write_many (&f, 2000);
  dialog = open_dialog (&f, file);
  g_assert_cmpstr (counts_text (dialog), ==,
                   "2000 new · 0 updated · 0 skipped · 0 invalid");
  before = ui_dump_follow_ups_and_calls (f.store);

  lock = hold_write_lock (&f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL));
  g_assert_cmpstr (rapport_import_dialog_get_page (dialog), ==, "running");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL));
  release_write_lock (lock);
  ui_wait_until (page_is_failed, dialog, 20000, "the cancelled import to roll back");

  message = rapport_import_dialog_get_message (dialog);
  g_assert_cmpstr (message, ==, "Nothing was imported: your customers are exactly as they were before.");
  after = ui_dump_follow_ups_and_calls (f.store);
  g_assert_cmpstr (after, ==, before);

  /* Back to the preview, and closing while it runs cancels too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.back", NULL));
  wait_for_preview (dialog);
  g_assert_cmpstr (rapport_import_dialog_get_page (dialog), ==, "preview");
  lock = hold_write_lock (&f);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL));
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_window_close (GTK_WINDOW (dialog));
  /* It stays until the import has rolled back. */
  g_assert_nonnull (dialog);
  release_write_lock (lock);
  ui_wait_until (pointer_is_null, &dialog, 20000, "the dialog to close after cancelling");
  g_assert_cmpstr (adw_toast_get_title (rapport_window_get_last_toast (f.window)), ==,
                   "Import cancelled: nothing was changed");
  g_clear_pointer (&after, g_free);
  after = ui_dump_follow_ups_and_calls (f.store);
  g_assert_cmpstr (after, ==, before);

  ui_fixture_close (&f);
}

static void
test_unreadable_file_shows_the_error (void)
{
  UiFixture f = { 0 };
  static const char binary[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10";
  g_autoptr(GFile) file = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RapportImportDialog *dialog;

  ui_fixture_open (&f, NULL, seed_three);
  before = ui_dump_follow_ups_and_calls (f.store);
  file = write_file (&f, "photo.csv", binary, sizeof binary - 1);
  dialog = open_dialog (&f, file);

  g_assert_cmpstr (rapport_import_dialog_get_page (dialog), ==, "error");
  g_assert_nonnull (strstr (rapport_import_dialog_get_message (dialog),
                            "is not a text file: it holds binary data"));
  g_assert_nonnull (strstr (rapport_import_dialog_get_message (dialog), "photo.csv"));
  /* Nothing to import: Import does nothing. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.run", NULL);
  g_assert_cmpstr (rapport_import_dialog_get_page (dialog), ==, "error");
  after = ui_dump_follow_ups_and_calls (f.store);
  g_assert_cmpstr (after, ==, before);

  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_fixture_close (&f);
}

/* The readers' messages ("line 3: …") start sentences in the dialog. */
static void
test_file_errors_read_as_sentences (void)
{
  UiFixture f = { 0 };
  static const char broken[] = "Name,Phone\nAda Lovelace,555-0100\n\"Grace Hopper,555-0101\n";
  g_autoptr(GFile) file = NULL;
  RapportImportDialog *dialog;
  const char *message;

  ui_fixture_open (&f, NULL, seed_three);
  file = write_file (&f, "broken.csv", broken, sizeof broken - 1);
  dialog = open_dialog (&f, file);
  message = rapport_import_dialog_get_message (dialog);
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (message, "Line 3: a quoted field starts here and is never closed"));

  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_fixture_close (&f);
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}

static gboolean
drop (GtkDropTarget *target,
      GFile         *file)
{
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_value_init (&value, G_TYPE_FILE);
  g_value_set_object (&value, file);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  return accepted;
}

static void
test_dropped_file_starts_the_import (void)
{
  UiFixture f = { 0 };
  g_autoptr(GFile) csv = NULL;
  g_autoptr(GFile) picture = NULL;
  GtkDropTarget *target;
  RapportImportDialog *dialog;
  gsize n_types = 0;
  const GType *types;

  ui_fixture_open (&f, NULL, NULL);
  target = find_drop_target (GTK_WIDGET (f.window));
  g_assert_nonnull (target);
  types = gtk_drop_target_get_gtypes (target, &n_types);
  g_assert_cmpuint (n_types, ==, 2);
  g_assert_true (types[0] == GDK_TYPE_FILE_LIST);
  g_assert_true (types[1] == G_TYPE_FILE);

  /* A picture is refused with a reason. */
  picture = write_file (&f, "holiday.png", "not really", -1);
  g_assert_false (drop (target, picture));
  g_assert_cmpstr (adw_toast_get_title (rapport_window_get_last_toast (f.window)), ==,
                   "Only spreadsheets (.csv) and contacts (.vcf) can be imported");

  csv = write_file (&f, "Customers.CSV", sample_csv, -1);
  g_assert_true (drop (target, csv));
  dialog = g_object_get_data (G_OBJECT (f.window), "rapport-import-dialog");
  g_assert_true (RAPPORT_IS_IMPORT_DIALOG (dialog));
  wait_for_preview (dialog);
  g_assert_cmpstr (counts_text (dialog), ==,
                   "4 new · 0 updated · 0 skipped · 1 invalid");
  /* A second drop meanwhile brings the same dialog forward. */
  g_assert_true (drop (target, csv));
  g_assert_true (g_object_get_data (G_OBJECT (f.window), "rapport-import-dialog") == dialog);

  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_flush ();
  g_assert_null (g_object_get_data (G_OBJECT (f.window), "rapport-import-dialog"));
  ui_fixture_close (&f);
}

static GtkFileChooser *
window_chooser (UiFixture  *f,
                const char *key)
{
  GtkNativeDialog *chooser = g_object_get_data (G_OBJECT (f->window), key);

  g_assert_nonnull (chooser);
  g_assert_true (gtk_native_dialog_get_visible (chooser));
  g_assert_true (gtk_native_dialog_get_transient_for (chooser) == GTK_WINDOW (f->window));
  return GTK_FILE_CHOOSER (chooser);
}

static gboolean
flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
chooser_has (GtkFileChooser *chooser,
             GFile          *file)
{
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (chooser);

  return chosen != NULL && g_file_equal (chosen, file);
}

/* Points the chooser at @file as a person would. GTK's own chooser loads
 * folders in the background, and a load it started when it opened can land
 * after ours and undo it: then point it again. */
static void
choose_file (GtkFileChooser *chooser,
             GFile          *file)
{
  for (guint attempt = 0; attempt < 10; attempt++)
    {
      gboolean timed_out = FALSE;
      guint source;

      g_assert_true (gtk_file_chooser_set_file (chooser, file, NULL));
      source = g_timeout_add (1000, flag_cb, &timed_out);
      while (!chooser_has (chooser, file) && !timed_out)
        g_main_context_iteration (NULL, TRUE);
      if (!timed_out)
        g_source_remove (source);
      if (chooser_has (chooser, file))
        return;
      g_test_message ("The file chooser did not take %s yet: pointing it again",
                      g_file_peek_path (file));
    }
  g_error ("The file chooser did not take %s", g_file_peek_path (file));
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action_name)
{
  return GTK_IS_ACTIONABLE (widget) &&
         g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0;
}

static void
test_first_run_page_offers_the_import (void)
{
  UiFixture f = { 0 };
  GtkWidget *view;
  GtkWidget *button;

  ui_fixture_open (&f, NULL, NULL);
  rapport_window_set_view (f.window, "customers");
  ui_flush ();
  view = rapport_window_get_customers_view (f.window);
  g_assert_nonnull (view);
  button = ui_find_widget (view, has_action, "win.import");
  g_assert_nonnull (button);
  /* The button is only sensitive when the window has the action. */
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_is_drawable (button));

  /* It asks for a file, then previews it. */
  g_signal_emit_by_name (button, "clicked");
  {
    GtkFileChooser *chooser = window_chooser (&f, "rapport-import-chooser");
    g_autoptr(GListModel) filters = gtk_file_chooser_get_filters (chooser);
    g_autoptr(GtkFileFilter) known = g_list_model_get_item (filters, 0);
    g_autoptr(GFile) file = write_file (&f, "contacts.vcf",
                                        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Archer\r\n"
                                        "TEL:555-0101\r\nEND:VCARD\r\n", -1);
    RapportImportDialog *dialog;

    g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_OPEN);
    g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 2);
    g_assert_cmpstr (gtk_file_filter_get_name (known), ==, "Spreadsheets and contacts (CSV, vCard)");
    choose_file (chooser, file);
    g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_ACCEPT);
    gtk_native_dialog_hide (GTK_NATIVE_DIALOG (chooser));

    dialog = g_object_get_data (G_OBJECT (f.window), "rapport-import-dialog");
    g_assert_true (RAPPORT_IS_IMPORT_DIALOG (dialog));
    wait_for_preview (dialog);
    g_assert_cmpstr (counts_text (dialog), ==, "1 new · 0 updated · 0 skipped · 0 invalid");
    /* A vCard has no columns to choose. */
    g_assert_null (rapport_import_dialog_get_column_row (dialog, 0));
    gtk_window_destroy (GTK_WINDOW (dialog));
  }

  /* No database, no import. */
  g_object_set_data (G_OBJECT (f.window), "rapport-import-chooser", NULL);
  rapport_window_set_store (f.window, NULL);
  ui_flush ();
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.import", NULL);
  g_assert_null (g_object_get_data (G_OBJECT (f.window), "rapport-import-chooser"));

  ui_fixture_close (&f);
}

/* What the person would do in the save dialog: keep the suggested name, pick
 * the folder, press Export. */
static void
accept_in (GtkFileChooser *chooser,
           const char     *folder,
           gboolean        block)
{
  g_autofree char *name = gtk_file_chooser_get_current_name (chooser);
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  choose_file (chooser, file);
  /* A folder where the file should go: no one can write it, not even root. */
  if (block)
    g_assert_cmpint (g_mkdir (path, 0700), ==, 0);
  g_signal_emit_by_name (chooser, "response", GTK_RESPONSE_ACCEPT);
  gtk_native_dialog_hide (GTK_NATIVE_DIALOG (chooser));
}

/* The export runs in a thread; its toast says when it is done. */
static gboolean
export_done (gpointer window)
{
  AdwToast *toast = rapport_window_get_last_toast (window);

  return toast != NULL && !g_str_has_prefix (adw_toast_get_title (toast), "Exporting to ");
}

static void
wait_for_export (UiFixture *f)
{
  ui_wait_until (export_done, f->window, 10000, "the export to finish");
  /* And for the folder's change notices, before another chooser opens on
   * it: GTK's chooser can trip over those of a file written meanwhile. */
  g_usleep (100 * 1000);
  ui_flush ();
}

static void
test_menu_exports_through_a_save_dialog (void)
{
  UiFixture f = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  GtkFileChooser *chooser;
  GDate day = ui_day ("2025-03-04");

  ui_fixture_open (&f, NULL, seed_three);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.export", "s", "customers"));
  chooser = window_chooser (&f, "rapport-export-chooser");
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
  {
    g_autofree char *name = gtk_file_chooser_get_current_name (chooser);
    g_assert_cmpstr (name, ==, "rapport-customers-2025-03-03.csv");
  }
  accept_in (chooser, f.dir, FALSE);
  /* Written in a thread: the window says so meanwhile, then that it is done. */
  g_assert_cmpstr (adw_toast_get_title (rapport_window_get_last_toast (f.window)), ==,
                   "Exporting to rapport-customers-2025-03-03.csv…");
  wait_for_export (&f);
  g_assert_cmpstr (adw_toast_get_title (rapport_window_get_last_toast (f.window)), ==,
                   "Exported to rapport-customers-2025-03-03.csv");
  path = g_build_filename (f.dir, "rapport-customers-2025-03-03.csv", NULL);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
  g_assert_nonnull (strstr (contents, "Ada Lovelace"));

  /* The agenda starts on the day the Today view shows. */
  rapport_today_view_set_day (rapport_window_get_today_view (f.window), &day);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.export-agenda", NULL));
  chooser = window_chooser (&f, "rapport-export-chooser");
  {
    g_autofree char *name = gtk_file_chooser_get_current_name (chooser);
    g_assert_cmpstr (name, ==, "rapport-agenda-2025-03-04.ics");
  }
  accept_in (chooser, f.dir, FALSE);
  wait_for_export (&f);
  g_assert_cmpstr (adw_toast_get_title (rapport_window_get_last_toast (f.window)), ==,
                   "Exported to rapport-agenda-2025-03-04.ics");
  g_clear_pointer (&path, g_free);
  g_clear_pointer (&contents, g_free);
  path = g_build_filename (f.dir, "rapport-agenda-2025-03-04.ics", NULL);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR"));

  /* A file that cannot be written: an error toast that stays. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.export", "s", "calls"));
  chooser = window_chooser (&f, "rapport-export-chooser");
  {
    AdwToast *toast;

    accept_in (chooser, f.dir, TRUE);
    wait_for_export (&f);
    toast = rapport_window_get_last_toast (f.window);
    g_assert_true (g_str_has_prefix (adw_toast_get_title (toast), "Export failed: "));
    g_assert_nonnull (strstr (adw_toast_get_title (toast), "cannot be written"));
    g_assert_cmpuint (adw_toast_get_timeout (toast), ==, 0);
  }
  ui_fixture_close (&f);
}

static void
test_export_writes_spreadsheet_and_calendar_files (void)
{
  UiFixture f = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) ics = NULL;
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  GDate from = ui_day ("2025-03-03");
  GDate to = ui_day ("2025-04-02");
  GStatBuf st;

  ui_fixture_open (&f, NULL, seed_three);

  name = rapport_export_suggest_csv_name (f.store, RAPPORT_EXPORT_CUSTOMERS);
  g_assert_cmpstr (name, ==, "rapport-customers-2025-03-03.csv");
  g_clear_pointer (&name, g_free);
  name = rapport_export_suggest_csv_name (f.store, RAPPORT_EXPORT_FOLLOW_UPS);
  g_assert_cmpstr (name, ==, "rapport-follow-ups-2025-03-03.csv");
  g_clear_pointer (&name, g_free);
  name = rapport_export_suggest_agenda_name (&from);
  g_assert_cmpstr (name, ==, "rapport-agenda-2025-03-03.ics");

  path = g_build_filename (f.dir, "customers.csv", NULL);
  file = g_file_new_for_path (path);
  g_assert_true (rapport_export_save_csv (f.store, RAPPORT_EXPORT_CUSTOMERS, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  /* A byte-order mark, so that spreadsheets read UTF-8. */
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF"));
  g_assert_nonnull (strstr (contents, "Grace Hopper"));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Ada's new-customer call is planned: the calendar gets it. */
  g_clear_pointer (&contents, g_free);
  g_clear_pointer (&path, g_free);
  path = g_build_filename (f.dir, "agenda.ics", NULL);
  ics = g_file_new_for_path (path);
  g_assert_true (rapport_export_save_agenda (f.store, &from, &to, ics, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR"));
  g_assert_nonnull (strstr (contents, "Ada Lovelace"));

  /* A folder that cannot be written: an error, and no file. */
  {
    g_autoptr(GFile) nowhere = g_file_new_for_path ("/nonexistent-folder/customers.csv");

    g_assert_false (rapport_export_save_csv (f.store, RAPPORT_EXPORT_CALLS, nowhere, &error));
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "cannot be written"));
  }

  ui_fixture_close (&f);
}

static gboolean
shows_short_title (gpointer dialog)
{
  GtkWidget *short_title = GTK_WIDGET (gtk_widget_get_template_child (dialog, RAPPORT_TYPE_IMPORT_DIALOG,
                                                                      "short_window_title"));
  AdwSqueezer *squeezer = ADW_SQUEEZER (gtk_widget_get_parent (short_title));

  return adw_squeezer_get_visible_child (squeezer) == short_title;
}

/* "Import Customers" where it fits, "Import" in a phone-sized window: never
 * a cut title. Both name the file. */
static void
test_title_fits_a_narrow_window (void)
{
  UiFixture f = { 0 };
  g_autoptr(GFile) file = NULL;
  RapportImportDialog *dialog;
  AdwWindowTitle *title, *short_title;

  ui_fixture_open (&f, NULL, seed_peter);
  file = write_file (&f, "customers.csv", sample_csv, -1);
  dialog = open_dialog (&f, file);
  title = ADW_WINDOW_TITLE (gtk_widget_get_template_child (GTK_WIDGET (dialog), RAPPORT_TYPE_IMPORT_DIALOG,
                                                           "window_title"));
  short_title = ADW_WINDOW_TITLE (gtk_widget_get_template_child (GTK_WIDGET (dialog),
                                                                 RAPPORT_TYPE_IMPORT_DIALOG,
                                                                 "short_window_title"));
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "customers.csv");
  g_assert_cmpstr (adw_window_title_get_subtitle (short_title), ==, "customers.csv");
  g_assert_false (shows_short_title (dialog));

  gtk_window_set_default_size (GTK_WINDOW (dialog), 360, 640);
  ui_wait_until (shows_short_title, dialog, 10000, "the short title");
  g_assert_cmpstr (adw_window_title_get_title (short_title), ==, "Import");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ui_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/import/previews-the-rows-then-imports-them", test_previews_then_imports);
  g_test_add_func ("/ui/import/title-fits-a-narrow-window", test_title_fits_a_narrow_window);
  g_test_add_func ("/ui/import/choosing-a-column-previews-again", test_column_mapping_previews_again);
  g_test_add_func ("/ui/import/cancel-leaves-the-database-unchanged",
                   test_cancel_leaves_the_database_unchanged);
  g_test_add_func ("/ui/import/unreadable-file-shows-the-error", test_unreadable_file_shows_the_error);
  g_test_add_func ("/ui/import/file-errors-read-as-sentences", test_file_errors_read_as_sentences);
  g_test_add_func ("/ui/import/dropped-file-starts-the-import", test_dropped_file_starts_the_import);
  g_test_add_func ("/ui/import/first-run-page-offers-the-import", test_first_run_page_offers_the_import);
  g_test_add_func ("/ui/import/menu-exports-through-a-save-dialog",
                   test_menu_exports_through_a_save_dialog);
  g_test_add_func ("/ui/import/export-writes-spreadsheet-and-calendar-files",
                   test_export_writes_spreadsheet_and_calendar_files);

  return ui_test_run ();
}

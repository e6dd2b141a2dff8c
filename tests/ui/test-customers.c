/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-test-customers"

#include "config.h"

#include "rapport-customer-page.h"
#include "rapport-customer-row.h"
#include "rapport-customers-view.h"
#include "rapport-follow-up-row.h"
#include "rapport-today-view.h"
#include "ui-test-util.h"

/* The Customers view in the real window. Today is Monday 2025-03-03. */

static void
seed_two (RapportStore *store)
{
  g_autofree char *ada = ui_add_customer (store, "Ada Lovelace", "Analytical Engines",
                                          "+44 20 7946 0958", "2024-05-02", FALSE);
  g_autofree char *grace = ui_add_customer (store, "Grace Hopper", "Cobol & Co",
                                            "555-0101", "2024-01-10", FALSE);
}

/* Grace: irate flagged Mon 24 Feb, due Tue 25 Feb: 4 business days late.
 * Ken: irate flagged Wed 26 Feb... due Thu 27 Feb: 2 business days late.
 * Alan: nothing went right, waiting for the fix. */
static void
seed_late (RapportStore *store)
{
  g_autofree char *grace = ui_add_customer (store, "Grace Hopper", NULL, "555-0101", "2024-01-10", FALSE);
  g_autofree char *ken = ui_add_customer (store, "Ken Thompson", NULL, "555-0199", "2024-06-01", FALSE);
  g_autofree char *alan = ui_add_customer (store, "Alan Turing", NULL, "555-0123", "2024-06-01", FALSE);

  ui_flag (store, grace, RAPPORT_SITUATION_IRATE, "The installer left a mess", "2025-02-24");
  ui_flag (store, ken, RAPPORT_SITUATION_IRATE, "Waited three hours", "2025-02-26");
  ui_flag (store, alan, RAPPORT_SITUATION_NOTHING_WENT_RIGHT, "Boiler still cold", "2025-02-28");
}

static RapportCustomersView *
customers_view (UiFixture *f)
{
  GtkWidget *view = rapport_window_get_customers_view (f->window);

  g_assert_true (RAPPORT_IS_CUSTOMERS_VIEW (view));
  return RAPPORT_CUSTOMERS_VIEW (view);
}

static gpointer
view_child (UiFixture  *f,
            const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (customers_view (f)),
                                                  RAPPORT_TYPE_CUSTOMERS_VIEW, name);

  g_assert_nonnull (child);
  return child;
}

static RapportCustomerPage *
customer_page (UiFixture *f)
{
  GtkWidget *page = gtk_stack_get_child_by_name (view_child (f, "page_stack"), "page");

  g_assert_true (RAPPORT_IS_CUSTOMER_PAGE (page));
  return RAPPORT_CUSTOMER_PAGE (page);
}

static gpointer
page_child (UiFixture  *f,
            const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (customer_page (f)),
                                                  RAPPORT_TYPE_CUSTOMER_PAGE, name);

  g_assert_nonnull (child);
  return child;
}

static char *
find_id (UiFixture  *f,
         const char *name)
{
  g_autoptr(GPtrArray) ids = rapport_store_search_customer_ids (f->store, name, NULL);

  g_assert_nonnull (ids);
  g_assert_cmpuint (ids->len, ==, 1);
  return g_strdup (g_ptr_array_index (ids, 0));
}

static RapportCustomer *
stored (UiFixture  *f,
        const char *id)
{
  g_autoptr(GError) error = NULL;
  RapportCustomer *customer = rapport_store_get_customer (f->store, id, &error);

  g_assert_no_error (error);
  return customer;
}

/* Opens the customer's page the way the window does (from the agenda, a search…). */
static char *
open_customer (UiFixture  *f,
               const char *name)
{
  char *id = find_id (f, name);

  rapport_window_show_customer (f->window, id);
  ui_flush ();
  g_assert_cmpstr (rapport_window_get_view (f->window), ==, "customers");
  g_assert_cmpstr (rapport_customer_page_get_customer_id (customer_page (f)), ==, id);
  return id;
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *names)
{
  if (RAPPORT_IS_CUSTOMER_ROW (widget) && gtk_widget_get_mapped (widget) &&
      rapport_customer_row_get_customer (RAPPORT_CUSTOMER_ROW (widget)) != NULL)
    g_ptr_array_add (names, g_strdup (rapport_customer_get_name (
      rapport_customer_row_get_customer (RAPPORT_CUSTOMER_ROW (widget)))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_rows (child, names);
}

/* The names of the rows the list view shows, as "A|B". */
static char *
shown_names (UiFixture *f)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  collect_rows (view_child (f, "list_view"), names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("|", (char **) names->pdata);
}

typedef struct {
  UiFixture *f;
  const char *expected;
} ShownNames;

static gboolean
names_are (gpointer user_data)
{
  ShownNames *s = user_data;
  g_autofree char *names = shown_names (s->f);

  return g_strcmp0 (names, s->expected) == 0;
}

static void
test_finds_a_customer_by_part_of_a_phone_number (void)
{
  UiFixture f = { 0 };
  ShownNames all = { &f, "Ada Lovelace|Grace Hopper" };
  ShownNames ada = { &f, "Ada Lovelace" };
  GtkWidget *search;

  ui_fixture_open (&f, NULL, seed_two);
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.search", NULL);
  ui_flush ();
  g_assert_cmpstr (rapport_window_get_view (f.window), ==, "customers");
  search = view_child (&f, "search_entry");
  g_assert_true (gtk_widget_has_focus (search) || gtk_widget_is_focus (gtk_root_get_focus (GTK_ROOT (f.window))));
  ui_wait_until (names_are, &all, 5000, "both customers to be listed");

  gtk_editable_set_text (GTK_EDITABLE (search), "7946");
  /* The search runs after the entry's short typing pause. */
  ui_wait_until (names_are, &ada, 5000, "only Ada to be listed for “7946”");

  /* Enter opens the first customer found. */
  g_signal_emit_by_name (search, "activate");
  ui_flush ();
  g_assert_cmpstr (rapport_customer_get_name (rapport_customer_page_get_customer (customer_page (&f))),
                   ==, "Ada Lovelace");

  gtk_editable_set_text (GTK_EDITABLE (search), "no such customer");
  ui_wait_until (names_are, &(ShownNames) { &f, "" }, 5000, "no row");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_child (&f, "list_stack")), ==, "no-results");

  ui_fixture_close (&f);
}

typedef struct {
  UiFixture *f;
  const char *id;
  const char *company;
} StoredCompany;

static gboolean
company_is (gpointer user_data)
{
  StoredCompany *s = user_data;
  g_autoptr(RapportCustomer) customer = stored (s->f, s->id);

  return g_strcmp0 (rapport_customer_get_company (customer), s->company) == 0;
}

static void
test_saves_an_edited_company_after_a_pause (void)
{
  UiFixture f = { 0 };
  g_autofree char *id = NULL;
  g_autoptr(RapportCustomer) before = NULL;
  StoredCompany saved;

  ui_fixture_open (&f, NULL, seed_two);
  id = open_customer (&f, "Ada Lovelace");
  saved = (StoredCompany) { &f, id, "Lovelace Engines Ltd" };

  gtk_editable_set_text (GTK_EDITABLE (page_child (&f, "company_row")), "Lovelace Engines Ltd");
  /* Not on every key press: the write waits for a pause in typing. */
  before = stored (&f, id);
  g_assert_cmpstr (rapport_customer_get_company (before), ==, "Analytical Engines");

  ui_wait_until (company_is, &saved, 5000, "the company to be saved");
  g_assert_false (gtk_widget_has_css_class (page_child (&f, "company_row"), "error"));
  /* The list shows the new company too. */
  ui_flush ();
  g_assert_cmpstr (gtk_label_get_text (page_child (&f, "subtitle_label")), ==, "Lovelace Engines Ltd");

  ui_fixture_close (&f);
}

typedef struct {
  UiFixture *f;
  const char *id;
  const char *notes;
} StoredNotes;

static gboolean
notes_are (gpointer user_data)
{
  StoredNotes *s = user_data;
  g_autoptr(RapportCustomer) customer = stored (s->f, s->id);

  return g_strcmp0 (rapport_customer_get_notes (customer), s->notes) == 0;
}

/* The page saves during a pause in typing; the space or new line typed
 * last, which the saved value leaves out, stays where the person types
 * ("Ada " then "King" is "Ada King", not "KingAda"). */
static void
test_saving_in_a_pause_keeps_what_is_being_typed (void)
{
  UiFixture f = { 0 };
  g_autofree char *id = NULL;
  GtkEditable *company;
  GtkTextBuffer *notes;
  g_autofree char *shown = NULL;
  GtkTextIter start, end;

  ui_fixture_open (&f, NULL, seed_two);
  id = open_customer (&f, "Ada Lovelace");
  company = GTK_EDITABLE (page_child (&f, "company_row"));
  gtk_widget_grab_focus (GTK_WIDGET (company));

  gtk_editable_set_text (company, "Lovelace ");
  gtk_editable_set_position (company, -1);
  ui_wait_until (company_is, &(StoredCompany) { &f, id, "Lovelace" }, 5000, "the company to be saved");
  ui_flush ();
  g_assert_cmpstr (gtk_editable_get_text (company), ==, "Lovelace ");
  g_assert_cmpint (gtk_editable_get_position (company), ==, 9);
  gtk_editable_insert_text (company, "Engines", -1, &(int) { 9 });
  ui_wait_until (company_is, &(StoredCompany) { &f, id, "Lovelace Engines" }, 5000,
                 "the whole company to be saved");

  notes = gtk_text_view_get_buffer (page_child (&f, "notes_view"));
  gtk_text_buffer_set_text (notes, "Prefers mornings.\n", -1);
  ui_wait_until (notes_are, &(StoredNotes) { &f, id, "Prefers mornings." }, 5000, "the notes to be saved");
  ui_flush ();
  gtk_text_buffer_get_bounds (notes, &start, &end);
  shown = gtk_text_buffer_get_text (notes, &start, &end, FALSE);
  g_assert_cmpstr (shown, ==, "Prefers mornings.\n");

  ui_fixture_close (&f);
}

static void
test_marks_an_invalid_email_and_does_not_save_it (void)
{
  UiFixture f = { 0 };
  g_autofree char *id = NULL;
  g_autoptr(RapportCustomer) after = NULL;
  GtkWidget *email_row;
  GtkLabel *problems;
  StoredCompany saved;

  ui_fixture_open (&f, NULL, seed_two);
  id = open_customer (&f, "Ada Lovelace");
  email_row = page_child (&f, "email_row");
  problems = page_child (&f, "field_error_label");

  gtk_editable_set_text (GTK_EDITABLE (email_row), "ada@");
  g_assert_true (gtk_widget_has_css_class (email_row, "error"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (email_row), "is not an email address"));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (problems)));
  g_assert_nonnull (strstr (gtk_label_get_text (problems), "“ada@” is not an email address"));

  /* A valid change made alongside is saved; the invalid one is not. */
  saved = (StoredCompany) { &f, id, "Engines" };
  gtk_editable_set_text (GTK_EDITABLE (page_child (&f, "company_row")), "Engines");
  ui_wait_until (company_is, &saved, 5000, "the valid company to be saved");
  after = stored (&f, id);
  g_assert_cmpstr (rapport_customer_get_email (after), ==, "");
  /* The field keeps what was typed, still marked, so it can be corrected. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (email_row)), ==, "ada@");
  g_assert_true (gtk_widget_has_css_class (email_row, "error"));

  /* Corrected, it is saved and no longer marked. */
  gtk_editable_set_text (GTK_EDITABLE (email_row), "ada@example.org");
  g_assert_false (gtk_widget_has_css_class (email_row, "error"));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (problems)));
  g_assert_true (rapport_customer_page_save (customer_page (&f)));
  g_clear_object (&after);
  after = stored (&f, id);
  g_assert_cmpstr (rapport_customer_get_email (after), ==, "ada@example.org");

  ui_fixture_close (&f);
}

static void
test_keeps_the_old_name_when_the_field_is_emptied (void)
{
  UiFixture f = { 0 };
  g_autofree char *id = NULL;
  g_autoptr(RapportCustomer) after = NULL;
  GtkWidget *name_row;

  ui_fixture_open (&f, NULL, seed_two);
  id = open_customer (&f, "Grace Hopper");
  name_row = page_child (&f, "name_row");

  gtk_editable_set_text (GTK_EDITABLE (name_row), "   ");
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  g_assert_false (rapport_customer_page_save (customer_page (&f)));
  after = stored (&f, id);
  g_assert_cmpstr (rapport_customer_get_name (after), ==, "Grace Hopper");

  ui_fixture_close (&f);
}

static void
test_sets_the_first_service_date_from_the_calendar (void)
{
  UiFixture f = { 0 };
  g_autofree char *id = NULL;
  g_autofree char *since = NULL;
  g_autoptr(RapportCustomer) after = NULL;
  g_autoptr(GDateTime) day = g_date_time_new_local (2024, 2, 29, 12, 0, 0);
  GtkPopover *popover;

  ui_fixture_open (&f, NULL, seed_two);
  id = open_customer (&f, "Ada Lovelace");
  popover = page_child (&f, "since_popover");

  gtk_menu_button_popup (page_child (&f, "since_button"));
  ui_flush ();
  /* Opening shows the stored date; it does not choose it and close. */
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpstr (gtk_editable_get_text (page_child (&f, "since_row")), ==, "2024-05-02");

  gtk_calendar_select_day (page_child (&f, "since_calendar"), day);
  ui_flush ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));
  g_assert_cmpstr (gtk_editable_get_text (page_child (&f, "since_row")), ==, "2024-02-29");
  after = stored (&f, id);
  since = rapport_date_to_iso (rapport_customer_get_since (after));
  g_assert_cmpstr (since, ==, "2024-02-29");

  /* A typed date that does not exist is marked and not saved. */
  gtk_editable_set_text (page_child (&f, "since_row"), "2023-02-29");
  g_assert_true (gtk_widget_has_css_class (page_child (&f, "since_row"), "error"));
  g_assert_false (rapport_customer_page_save (customer_page (&f)));
  g_clear_object (&after);
  g_clear_pointer (&since, g_free);
  after = stored (&f, id);
  since = rapport_date_to_iso (rapport_customer_get_since (after));
  g_assert_cmpstr (since, ==, "2024-02-29");

  /* Spaces around a date are no mistake; an emptied field says the date is
   * needed, and the stored one stays. */
  gtk_editable_set_text (page_child (&f, "since_row"), " 2024-03-01 ");
  g_assert_false (gtk_widget_has_css_class (page_child (&f, "since_row"), "error"));
  g_assert_true (rapport_customer_page_save (customer_page (&f)));
  g_clear_object (&after);
  g_clear_pointer (&since, g_free);
  after = stored (&f, id);
  since = rapport_date_to_iso (rapport_customer_get_since (after));
  g_assert_cmpstr (since, ==, "2024-03-01");
  gtk_editable_set_text (page_child (&f, "since_row"), "");
  g_assert_true (gtk_widget_has_css_class (page_child (&f, "since_row"), "error"));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (page_child (&f, "field_error_label")),
                                   "A customer needs a first service date"));
  g_assert_false (rapport_customer_page_save (customer_page (&f)));
  g_clear_object (&after);
  g_clear_pointer (&since, g_free);
  after = stored (&f, id);
  since = rapport_date_to_iso (rapport_customer_get_since (after));
  g_assert_cmpstr (since, ==, "2024-03-01");

  ui_fixture_close (&f);
}

static void
toast_cb (RapportCustomersView *view,
          const char           *message,
          char                **last)
{
  g_free (*last);
  *last = g_strdup (message);
}

static gboolean
agenda_has (RapportStore     *store,
            const char       *iso,
            const char       *id,
            RapportSituation  situation)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  GDate day = ui_day (iso);

  agenda = rapport_store_get_agenda (store, &day, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < agenda->len; i++)
    {
      RapportAgendaEntry *entry = g_ptr_array_index (agenda, i);
      const RapportSituation *situations;
      guint n;

      if (g_strcmp0 (rapport_agenda_entry_get_customer_id (entry), id) != 0)
        continue;
      situations = rapport_agenda_entry_get_situations (entry, &n);
      for (guint j = 0; j < n; j++)
        if (situations[j] == situation)
          return TRUE;
    }
  return FALSE;
}

static void
test_flags_an_irate_customer_for_the_next_business_day (void)
{
  UiFixture f = { 0 };
  g_autofree char *id = NULL;
  g_autofree char *toast = NULL;
  GtkListBox *follow_ups;
  GtkListBoxRow *row;

  /* Friday 2025-02-28: the next business day is Monday 3 March, not Saturday. */
  ui_fixture_open (&f, "2025-02-28", seed_two);
  g_signal_connect (customers_view (&f), "toast", G_CALLBACK (toast_cb), &toast);
  id = open_customer (&f, "Grace Hopper");
  follow_ups = page_child (&f, "follow_ups_list");
  g_assert_null (gtk_list_box_get_row_at_index (follow_ups, 0));

  gtk_widget_activate_action (GTK_WIDGET (customer_page (&f)), "customer.flag", "s", "irate");
  ui_flush ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (page_child (&f, "flag_stack")), ==, "note");
  gtk_editable_set_text (GTK_EDITABLE (page_child (&f, "flag_note_entry")), "Waited three hours for the technician");
  /* Enter in the note flags. */
  g_signal_emit_by_name (page_child (&f, "flag_note_entry"), "activate");
  ui_flush ();

  g_assert_false (agenda_has (f.store, "2025-02-28", id, RAPPORT_SITUATION_IRATE));
  g_assert_false (agenda_has (f.store, "2025-03-01", id, RAPPORT_SITUATION_IRATE));
  g_assert_true (agenda_has (f.store, "2025-03-03", id, RAPPORT_SITUATION_IRATE));

  row = gtk_list_box_get_row_at_index (follow_ups, 0);
  g_assert_true (RAPPORT_IS_FOLLOW_UP_ROW (row));
  g_assert_cmpint (rapport_follow_up_get_situation (rapport_follow_up_row_get_follow_up (RAPPORT_FOLLOW_UP_ROW (row))),
                   ==, RAPPORT_SITUATION_IRATE);
  g_assert_cmpstr (rapport_follow_up_get_note (rapport_follow_up_row_get_follow_up (RAPPORT_FOLLOW_UP_ROW (row))),
                   ==, "Waited three hours for the technician");
  g_assert_cmpstr (rapport_follow_up_row_get_status (RAPPORT_FOLLOW_UP_ROW (row)), ==, "Due Monday, 3 March");
  g_assert_cmpstr (toast, ==, "Irate customer: the call is due Monday, 3 March");

  /* Flagged again: the popover shows the note it has, to add to, and says
   * so; the popover closed and opened again starts from it too. */
  gtk_popover_popdown (page_child (&f, "flag_popover"));
  ui_flush ();
  gtk_widget_activate_action (GTK_WIDGET (customer_page (&f)), "customer.flag", "s", "irate");
  ui_flush ();
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (page_child (&f, "flag_note_entry"))), ==,
                   "Waited three hours for the technician");
  g_assert_true (g_str_has_prefix (gtk_label_get_text (page_child (&f, "flag_hint_label")), "Already flagged"));
  gtk_editable_set_text (GTK_EDITABLE (page_child (&f, "flag_note_entry")),
                         "Waited three hours for the technician; called again to complain");
  g_signal_emit_by_name (page_child (&f, "flag_note_entry"), "activate");
  ui_flush ();
  row = gtk_list_box_get_row_at_index (follow_ups, 0);
  g_assert_cmpstr (rapport_follow_up_get_note (rapport_follow_up_row_get_follow_up (RAPPORT_FOLLOW_UP_ROW (row))),
                   ==, "Waited three hours for the technician; called again to complain");
  g_assert_null (gtk_list_box_get_row_at_index (follow_ups, 1));

  ui_fixture_close (&f);
}

static RapportFollowUpRow *
first_follow_up_row (UiFixture *f)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (page_child (f, "follow_ups_list"), 0);

  g_assert_true (RAPPORT_IS_FOLLOW_UP_ROW (row));
  return RAPPORT_FOLLOW_UP_ROW (row);
}

static void
test_says_how_late_an_overdue_follow_up_is (void)
{
  UiFixture f = { 0 };
  g_autofree char *grace = NULL;
  g_autofree char *ken = NULL;
  g_autofree char *alan = NULL;
  RapportFollowUpRow *row;

  ui_fixture_open (&f, NULL, seed_late);

  /* Due Tue 25 Feb: 6 days, 4 business days late: the error style. */
  grace = open_customer (&f, "Grace Hopper");
  row = first_follow_up_row (&f);
  g_assert_cmpstr (rapport_follow_up_row_get_status (row), ==, "6 days overdue (due Tuesday, 25 February)");
  g_assert_cmpstr (rapport_follow_up_row_get_style_class (row), ==, "error");

  /* Due Thu 27 Feb: 2 business days late: the warning style. */
  ken = open_customer (&f, "Ken Thompson");
  row = first_follow_up_row (&f);
  g_assert_cmpstr (rapport_follow_up_row_get_status (row), ==, "4 days overdue (due Thursday, 27 February)");
  g_assert_cmpstr (rapport_follow_up_row_get_style_class (row), ==, "warning");

  /* Waiting for the fix: no due date, no escalation. */
  alan = open_customer (&f, "Alan Turing");
  row = first_follow_up_row (&f);
  g_assert_cmpstr (rapport_follow_up_row_get_status (row), ==, "Waiting for the problems to be corrected");
  g_assert_null (rapport_follow_up_row_get_style_class (row));

  /* "Problems Corrected" plans the call for the next business day. */
  gtk_widget_activate_action (GTK_WIDGET (customer_page (&f)), "customer.corrected", NULL);
  ui_flush ();
  g_assert_true (agenda_has (f.store, "2025-03-04", alan, RAPPORT_SITUATION_NOTHING_WENT_RIGHT));
  row = first_follow_up_row (&f);
  g_assert_cmpstr (rapport_follow_up_row_get_status (row), ==, "Due tomorrow");

  ui_fixture_close (&f);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  /* (transfer none) */
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
test_stops_a_follow_up_after_asking (void)
{
  UiFixture f = { 0 };
  g_autofree char *grace = NULL;
  AdwMessageDialog *dialog;

  ui_fixture_open (&f, NULL, seed_late);
  grace = open_customer (&f, "Grace Hopper");

  gtk_widget_activate_action (GTK_WIDGET (customer_page (&f)), "customer.stop", "s", "irate");
  ui_flush ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  ui_flush ();
  g_assert_true (agenda_has (f.store, "2025-03-03", grace, RAPPORT_SITUATION_IRATE));

  gtk_widget_activate_action (GTK_WIDGET (customer_page (&f)), "customer.stop", "s", "irate");
  ui_flush ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "confirm");
  ui_flush ();
  g_assert_false (agenda_has (f.store, "2025-03-03", grace, RAPPORT_SITUATION_IRATE));
  g_assert_null (gtk_list_box_get_row_at_index (page_child (&f, "follow_ups_list"), 0));

  ui_fixture_close (&f);
}

static void
test_deletes_a_customer_after_asking (void)
{
  UiFixture f = { 0 };
  g_autofree char *grace = NULL;
  g_autofree char *toast = NULL;
  AdwMessageDialog *dialog;
  ShownNames left = { &f, "Alan Turing|Ken Thompson" };

  ui_fixture_open (&f, NULL, seed_late);
  g_signal_connect (customers_view (&f), "toast", G_CALLBACK (toast_cb), &toast);
  grace = open_customer (&f, "Grace Hopper");

  gtk_widget_activate_action (GTK_WIDGET (customer_page (&f)), "customer.delete", NULL);
  ui_flush ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete Grace Hopper?");
  adw_message_dialog_response (dialog, "confirm");
  ui_flush ();

  g_assert_cmpuint (rapport_store_count_customers (f.store), ==, 2);
  g_assert_false (agenda_has (f.store, "2025-03-03", grace, RAPPORT_SITUATION_IRATE));
  g_assert_null (rapport_customer_page_get_customer_id (customer_page (&f)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_child (&f, "page_stack")), ==, "none");
  g_assert_cmpstr (toast, ==, "Grace Hopper deleted");
  ui_wait_until (names_are, &left, 5000, "the list without Grace");

  ui_fixture_close (&f);
}

static void
test_loads_the_sample_customers_from_the_first_run_page (void)
{
  UiFixture f = { 0 };
  g_autofree char *toast = NULL;

  ui_fixture_open (&f, NULL, NULL);
  g_signal_connect (customers_view (&f), "toast", G_CALLBACK (toast_cb), &toast);
  rapport_window_set_view (f.window, "customers");
  ui_flush ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_child (&f, "stack")), ==, "empty");

  /* An empty database is filled without a question. */
  g_signal_emit_by_name (view_child (&f, "demo_button"), "clicked");
  ui_flush ();
  g_assert_null (find_message_dialog ());
  g_assert_cmpuint (rapport_store_count_customers (f.store), >=, 35);
  g_assert_cmpuint (rapport_store_count_customers (f.store), <=, 45);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (view_child (&f, "stack")), ==, "customers");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view_child (&f, "list_view")))),
                    ==, rapport_store_count_customers (f.store));
  g_assert_true (g_str_has_suffix (toast, "sample customers added"));

  ui_fixture_close (&f);
}

static void
test_asks_before_adding_samples_beside_real_customers (void)
{
  UiFixture f = { 0 };
  AdwMessageDialog *dialog;

  ui_fixture_open (&f, NULL, seed_two);
  rapport_window_set_view (f.window, "customers");
  ui_flush ();

  gtk_widget_activate_action (GTK_WIDGET (customers_view (&f)), "customers.load-demo", NULL);
  ui_flush ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  ui_flush ();
  g_assert_cmpuint (rapport_store_count_customers (f.store), ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (customers_view (&f)), "customers.load-demo", NULL);
  ui_flush ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "add");
  ui_flush ();
  g_assert_cmpuint (rapport_store_count_customers (f.store), >, 35);

  ui_fixture_close (&f);
}

static GtkWindow *
find_new_customer_dialog (UiFixture *f)
{
  /* (transfer none) */
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (g_str_equal (G_OBJECT_TYPE_NAME (window), "RapportNewCustomerDialog") &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_WINDOW (window);
    }
  return NULL;
}

static void
test_adds_a_customer_with_the_new_customer_call (void)
{
  UiFixture f = { 0 };
  GtkWindow *dialog;
  GtkWidget *email_row;
  g_autofree char *id = NULL;

  ui_fixture_open (&f, NULL, seed_two);
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.new-customer", NULL);
  ui_flush ();
  dialog = find_new_customer_dialog (&f);
  g_assert_nonnull (dialog);

#define DIALOG_CHILD(name) \
  GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (dialog), G_OBJECT_TYPE (dialog), name))
  /* Nothing typed yet: nothing to add. */
  g_assert_false (gtk_widget_is_sensitive (DIALOG_CHILD ("add_button")));
  gtk_editable_set_text (GTK_EDITABLE (DIALOG_CHILD ("name_row")), "Katherine Johnson");
  email_row = DIALOG_CHILD ("email_row");
  gtk_editable_set_text (GTK_EDITABLE (email_row), "katherine@");
  g_assert_true (gtk_widget_has_css_class (email_row, "error"));
  g_assert_false (gtk_widget_is_sensitive (DIALOG_CHILD ("add_button")));
  gtk_editable_set_text (GTK_EDITABLE (email_row), "katherine@example.org");
  g_assert_false (gtk_widget_has_css_class (email_row, "error"));
  g_assert_true (gtk_widget_is_sensitive (DIALOG_CHILD ("add_button")));
  g_signal_emit_by_name (DIALOG_CHILD ("add_button"), "clicked");
#undef DIALOG_CHILD
  ui_flush ();

  g_assert_null (find_new_customer_dialog (&f));
  id = find_id (&f, "Katherine Johnson");
  g_assert_cmpstr (rapport_customer_page_get_customer_id (customer_page (&f)), ==, id);
  /* The new-customer call: two business days after today (Monday). */
  g_assert_true (agenda_has (f.store, "2025-03-05", id, RAPPORT_SITUATION_NEW));
  g_assert_false (agenda_has (f.store, "2025-03-04", id, RAPPORT_SITUATION_NEW));

  ui_fixture_close (&f);
}

static void
seed_many (RapportStore *store)
{
  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = g_strdup_printf ("Customer %03u", i);
      g_autofree char *id = ui_add_customer (store, name, NULL, NULL, "2024-06-01", FALSE);
    }
}

/* The names of the rows in the list's view, even in part, as "A|B". */
static char *
names_in_view (UiFixture *f)
{
  GtkWidget *list = view_child (f, "list_view");
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      graphene_rect_t bounds;

      if (RAPPORT_IS_CUSTOMER_ROW (row) && gtk_widget_get_mapped (child) &&
          rapport_customer_row_get_customer (RAPPORT_CUSTOMER_ROW (row)) != NULL &&
          gtk_widget_compute_bounds (child, list, &bounds) &&
          bounds.origin.y < gtk_widget_get_height (list) && bounds.origin.y + bounds.size.height > 0)
        g_ptr_array_add (names, g_strdup (rapport_customer_get_name (
          rapport_customer_row_get_customer (RAPPORT_CUSTOMER_ROW (row)))));
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("|", (char **) names->pdata);
}

static char *
first_shown_name (UiFixture *f)
{
  g_autofree char *names = names_in_view (f);
  g_auto(GStrv) split = g_strsplit (names, "|", 2);

  return g_strdup (split[0]);
}

static gboolean
rows_in_view (gpointer user_data)
{
  g_autofree char *names = names_in_view (user_data);

  return names[0] != '\0';
}

static gboolean
scrolled_down (gpointer user_data)
{
  g_autofree char *first = first_shown_name (user_data);

  return first != NULL && g_strcmp0 (first, "Customer 150") >= 0;
}

/* A change elsewhere (a call logged, a customer flagged) re-reads the list:
 * the rows in view stay in view. */
static void
test_keeps_its_place_when_the_customers_change (void)
{
  UiFixture f = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *id = NULL;

  ui_fixture_open (&f, NULL, seed_many);
  rapport_window_set_view (f.window, "customers");
  ui_flush ();
  gtk_widget_activate_action (view_child (&f, "list_view"), "list.scroll-to-item", "u", 200);
  ui_wait_until (scrolled_down, &f, 5000, "the list to scroll down");
  before = first_shown_name (&f);

  id = find_id (&f, "Customer 010");
  ui_flag (f.store, id, RAPPORT_SITUATION_IRATE, "Waited all day", "2025-03-03");
  ui_flush ();
  /* The first row in view stays first (a row cut in half at the top is
   * shown whole). */
  after = first_shown_name (&f);
  g_assert_cmpstr (after, ==, before);

  /* The same when the call was logged from another view. */
  rapport_window_set_view (f.window, "today");
  ui_flush ();
  ui_flag (f.store, id, RAPPORT_SITUATION_REGULAR, "Check-in", "2025-03-03");
  ui_flush ();
  rapport_window_set_view (f.window, "customers");
  ui_wait_until (rows_in_view, &f, 5000, "the list to show again");
  g_free (after);
  after = first_shown_name (&f);
  g_assert_cmpstr (after, ==, before);

  /* With a customer in view open beside the list, the same. */
  {
    g_autofree char *shown = find_id (&f, "Customer 195");
    g_autofree char *again = NULL;

    rapport_window_show_customer (f.window, shown);
    ui_flush ();
    g_free (before);
    before = first_shown_name (&f);
    ui_flag (f.store, id, RAPPORT_SITUATION_NOTHING_WENT_RIGHT, "Still broken", "2025-03-03");
    ui_flush ();
    again = first_shown_name (&f);
    g_assert_cmpstr (again, ==, before);

    /* Renamed to the top of the list, it is followed there. */
    {
      g_autoptr(RapportCustomer) customer = stored (&f, shown);
      g_autoptr(GError) error = NULL;
      g_autofree char *moved = NULL;

      rapport_customer_set_name (customer, "Aaron First");
      g_assert_true (rapport_store_update_customer (f.store, customer, &error));
      g_assert_no_error (error);
      ui_flush ();
      moved = names_in_view (&f);
      g_assert_nonnull (strstr (moved, "Aaron First"));
    }
  }

  ui_fixture_close (&f);
}

static gboolean
is_folded (gpointer user_data)
{
  return adw_leaflet_get_folded (view_child (user_data, "leaflet"));
}

/* On a phone-sized window a customer's page covers the list; Alt+Left, as
 * its back button says, goes back to the list (it is also the key for the
 * day before, in the Today view). */
static void
test_alt_left_goes_back_from_a_customer_page (void)
{
  UiFixture f = { 0 };
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *id = NULL;
  g_autofree char *day_before = NULL;
  g_autofree char *day_after = NULL;
  GDate day;

  g_settings_set_int (settings, "window-width", 360);
  g_settings_set_int (settings, "window-height", 640);
  ui_fixture_open (&f, NULL, seed_two);
  rapport_today_view_get_day (rapport_window_get_today_view (f.window), &day);
  day_before = rapport_date_to_iso (&day);
  id = open_customer (&f, "Ada Lovelace");
  ui_wait_until (is_folded, &f, 5000, "the narrow layout");
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (view_child (&f, "leaflet")), ==, "page");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.previous-day", NULL));
  ui_flush ();
  g_assert_cmpstr (rapport_window_get_view (f.window), ==, "customers");
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (view_child (&f, "leaflet")), ==, "list");
  rapport_today_view_get_day (rapport_window_get_today_view (f.window), &day);
  day_after = rapport_date_to_iso (&day);
  g_assert_cmpstr (day_after, ==, day_before);

  ui_fixture_close (&f);
  g_settings_set_int (settings, "window-width", 1000);
  g_settings_set_int (settings, "window-height", 720);
}

int
main (int    argc,
      char **argv)
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/customers/alt-left-goes-back-from-a-customer-page",
                   test_alt_left_goes_back_from_a_customer_page);
  g_test_add_func ("/ui/customers/keeps-its-place-when-the-customers-change",
                   test_keeps_its_place_when_the_customers_change);
  g_test_add_func ("/ui/customers/finds-a-customer-by-part-of-a-phone-number",
                   test_finds_a_customer_by_part_of_a_phone_number);
  g_test_add_func ("/ui/customers/saves-an-edited-company-after-a-pause",
                   test_saves_an_edited_company_after_a_pause);
  g_test_add_func ("/ui/customers/saving-in-a-pause-keeps-what-is-being-typed",
                   test_saving_in_a_pause_keeps_what_is_being_typed);
  g_test_add_func ("/ui/customers/marks-an-invalid-email-and-does-not-save-it",
                   test_marks_an_invalid_email_and_does_not_save_it);
  g_test_add_func ("/ui/customers/keeps-the-old-name-when-the-field-is-emptied",
                   test_keeps_the_old_name_when_the_field_is_emptied);
  g_test_add_func ("/ui/customers/sets-the-first-service-date-from-the-calendar",
                   test_sets_the_first_service_date_from_the_calendar);
  g_test_add_func ("/ui/customers/flags-an-irate-customer-for-the-next-business-day",
                   test_flags_an_irate_customer_for_the_next_business_day);
  g_test_add_func ("/ui/customers/says-how-late-an-overdue-follow-up-is",
                   test_says_how_late_an_overdue_follow_up_is);
  g_test_add_func ("/ui/customers/stops-a-follow-up-after-asking",
                   test_stops_a_follow_up_after_asking);
  g_test_add_func ("/ui/customers/deletes-a-customer-after-asking",
                   test_deletes_a_customer_after_asking);
  g_test_add_func ("/ui/customers/loads-the-sample-customers-from-the-first-run-page",
                   test_loads_the_sample_customers_from_the_first_run_page);
  g_test_add_func ("/ui/customers/asks-before-adding-samples-beside-real-customers",
                   test_asks_before_adding_samples_beside_real_customers);
  g_test_add_func ("/ui/customers/adds-a-customer-with-the-new-customer-call",
                   test_adds_a_customer_with_the_new_customer_call);

  return ui_test_run ();
}

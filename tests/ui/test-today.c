/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-test-today"

#include "config.h"

#include "rapport-agenda-row.h"
#include "rapport-call-sheet.h"
#include "rapport-today-view.h"
#include "ui-test-util.h"

/* Today is Monday 2025-03-03. Grace: irate, due Fri 21 Feb (6 business days
 * late). Ada: new, due Thu 27 Feb, and irate, due today. Ken: irate, due
 * today. Alan: new, due Tue 4 March. Katherine: nothing to do. */
static void
seed_week (RapportStore *store)
{
  g_autofree char *grace = ui_add_customer (store, "Grace Hopper", "Cobol & Co", "555-0101", "2025-01-10", FALSE);
  g_autofree char *ada = ui_add_customer (store, "Ada Lovelace", "Analytical Engines", "+44 20 7946 0958", "2025-02-25", TRUE);
  g_autofree char *ken = ui_add_customer (store, "Ken Thompson", NULL, "555-0199", "2024-06-01", FALSE);
  g_autofree char *alan = ui_add_customer (store, "Alan Turing", "Bletchley Repairs", "0161 496 0000", "2025-02-28", TRUE);
  g_autofree char *katherine = ui_add_customer (store, "Katherine Johnson", NULL, "555-0123", "2024-01-01", FALSE);

  ui_flag (store, grace, RAPPORT_SITUATION_IRATE, "The installer left a mess", "2025-02-20");
  ui_flag (store, ada, RAPPORT_SITUATION_IRATE, "Invoice was wrong twice", "2025-02-28");
  ui_flag (store, ken, RAPPORT_SITUATION_IRATE, "Waited three hours", "2025-02-28");
}

/* Nothing due before Wednesday 5 March. */
static void
seed_quiet_monday (RapportStore *store)
{
  g_autofree char *ada = ui_add_customer (store, "Ada Lovelace", NULL, "555-0100", "2025-03-03", TRUE);
}

static RapportTodayView *
today_view (UiFixture *f)
{
  return rapport_window_get_today_view (f->window);
}

static char *
shown_day (UiFixture *f)
{
  GDate day;

  rapport_today_view_get_day (today_view (f), &day);
  return rapport_date_to_iso (&day);
}

static const char *
row_name (UiFixture *f,
          int        index)
{
  GtkListBoxRow *row = ui_agenda_row (f, index);

  g_assert_true (RAPPORT_IS_AGENDA_ROW (row));
  return rapport_agenda_entry_get_name (rapport_agenda_row_get_entry (RAPPORT_AGENDA_ROW (row)));
}

static void
test_opens_on_the_seeded_agenda (void)
{
  UiFixture f = { 0 };
  g_autofree char *day = NULL;
  RapportAgendaRow *row;

  ui_fixture_open (&f, NULL, seed_week);

  g_assert_cmpstr (rapport_window_get_view (f.window), ==, "today");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (today_view (&f))));
  day = shown_day (&f);
  g_assert_cmpstr (day, ==, "2025-03-03");
  g_assert_cmpstr (rapport_today_view_get_page (today_view (&f)), ==, "agenda");
  g_assert_cmpuint (ui_list_box_count (rapport_today_view_get_agenda_list (today_view (&f))), ==, 3);
  g_assert_cmpstr (row_name (&f, 0), ==, "Grace Hopper");
  g_assert_cmpstr (row_name (&f, 1), ==, "Ada Lovelace");
  g_assert_cmpstr (row_name (&f, 2), ==, "Ken Thompson");
  g_assert_cmpstr (rapport_today_view_get_progress_text (today_view (&f)), ==, "0 of 3 calls made");

  /* Ada's row carries both due situations, irate first. */
  row = RAPPORT_AGENDA_ROW (ui_agenda_row (&f, 1));
  {
    guint n = 0;
    const RapportSituation *situations =
      rapport_agenda_entry_get_situations (rapport_agenda_row_get_entry (row), &n);
    g_assert_cmpuint (n, ==, 2);
    g_assert_cmpint (situations[0], ==, RAPPORT_SITUATION_IRATE);
    g_assert_cmpint (situations[1], ==, RAPPORT_SITUATION_NEW);
  }

  ui_fixture_close (&f);
}

/* The words and styles of lateness (issue 9): the label is there and says how
 * late, with warning for 1–2 business days and error beyond. */
static gboolean
is_shown_label_with_class (GtkWidget     *widget,
                           gconstpointer  css_class)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, css_class)
         && gtk_widget_get_visible (widget);
}

static void
test_overdue_rows_escalate_with_words (void)
{
  UiFixture f = { 0 };
  GtkWidget *grace_late, *ada_late, *ken_late;

  ui_fixture_open (&f, NULL, seed_week);

  /* Grace: 10 calendar days, 6 business days late: error. */
  grace_late = ui_find_widget (GTK_WIDGET (ui_agenda_row (&f, 0)), is_shown_label_with_class, "overdue");
  g_assert_nonnull (grace_late);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (grace_late)), ==, "10 days overdue");
  g_assert_true (gtk_widget_has_css_class (grace_late, "error"));
  g_assert_false (gtk_widget_has_css_class (grace_late, "warning"));

  /* Ada: her new-customer call was due Thursday: 4 days, 2 business days: warning. */
  ada_late = ui_find_widget (GTK_WIDGET (ui_agenda_row (&f, 1)), is_shown_label_with_class, "overdue");
  g_assert_nonnull (ada_late);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (ada_late)), ==, "4 days overdue");
  g_assert_true (gtk_widget_has_css_class (ada_late, "warning"));

  /* Ken is due today: plain, no lateness shown. */
  ken_late = ui_find_widget (GTK_WIDGET (ui_agenda_row (&f, 2)), is_shown_label_with_class, "overdue");
  g_assert_null (ken_late);

  ui_fixture_close (&f);
}

static void
test_navigates_between_days (void)
{
  UiFixture f = { 0 };
  g_autofree char *day = NULL;
  GtkListBox *list;

  ui_fixture_open (&f, NULL, seed_week);
  list = rapport_today_view_get_agenda_list (today_view (&f));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.next-day", NULL));
  ui_flush ();
  day = shown_day (&f);
  g_assert_cmpstr (day, ==, "2025-03-04");
  /* Tuesday adds Alan's new-customer call to what is still due. */
  g_assert_cmpuint (ui_list_box_count (list), ==, 4);
  g_assert_cmpstr (row_name (&f, 3), ==, "Alan Turing");

  g_clear_pointer (&day, g_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.previous-day", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.previous-day", NULL));
  ui_flush ();
  day = shown_day (&f);
  g_assert_cmpstr (day, ==, "2025-03-02");
  /* Sunday: Grace (due 21 Feb) and Ada's new-customer call (due 27 Feb). */
  g_assert_cmpuint (ui_list_box_count (list), ==, 2);

  g_clear_pointer (&day, g_free);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f.window), "win.go-today", NULL));
  ui_flush ();
  day = shown_day (&f);
  g_assert_cmpstr (day, ==, "2025-03-03");
  g_assert_cmpuint (ui_list_box_count (list), ==, 3);

  ui_fixture_close (&f);
}

static gboolean
is_mapped_status_page (GtkWidget     *widget,
                       gconstpointer  data)
{
  return ADW_IS_STATUS_PAGE (widget) && gtk_widget_get_mapped (widget);
}

static void
test_empty_day_names_the_next_day (void)
{
  UiFixture f = { 0 };
  g_autofree char *day = NULL;
  GtkWidget *page = NULL;

  ui_fixture_open (&f, NULL, seed_quiet_monday);

  g_assert_cmpstr (rapport_today_view_get_page (today_view (&f)), ==, "empty");
  /* The status page tells the day of the next calls and offers to go there. */
  page = ui_find_widget (GTK_WIDGET (today_view (&f)), is_mapped_status_page, NULL);
  g_assert_nonnull (page);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (page)), ==, "No Calls Today");
  g_assert_nonnull (strstr (adw_status_page_get_description (ADW_STATUS_PAGE (page)), "Wednesday, 5 March"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (today_view (&f)), "today.go-next-agenda-day", NULL));
  ui_flush ();
  day = shown_day (&f);
  g_assert_cmpstr (day, ==, "2025-03-05");
  g_assert_cmpstr (rapport_today_view_get_page (today_view (&f)), ==, "agenda");
  g_assert_cmpuint (ui_list_box_count (rapport_today_view_get_agenda_list (today_view (&f))), ==, 1);

  ui_fixture_close (&f);
}

/* Twenty customers due today: more than a screenful of rows. */
static void
seed_twenty_due (RapportStore *store)
{
  for (guint i = 0; i < 20; i++)
    {
      g_autofree char *name = g_strdup_printf ("Customer %02u", i);
      g_autofree char *id = ui_add_customer (store, name, NULL, "555-0100", "2024-01-01", FALSE);

      ui_flag (store, id, RAPPORT_SITUATION_IRATE, "Waited", "2025-02-28");
    }
}

/* The rows the agenda list holds now, without asking the view for the whole
 * list (which makes every row). */
static guint
rows_made (RapportTodayView *view)
{
  return ui_list_box_count (GTK_LIST_BOX (gtk_widget_get_template_child (GTK_WIDGET (view),
                                                                          RAPPORT_TYPE_TODAY_VIEW,
                                                                          "agenda_list")));
}

static gboolean
has_twenty_rows (gpointer view)
{
  return rows_made (view) == 20;
}

static void
test_rows_past_the_first_screen_follow_the_first_frame (void)
{
  UiFixture f = { 0 };
  RapportTodayView *view;
  GtkWidget *window;
  GDate today = ui_day ("2025-03-03");

  /* In the app's window, painted: every row is there, in order. */
  ui_fixture_open (&f, NULL, seed_twenty_due);
  g_assert_cmpuint (rows_made (today_view (&f)), ==, 20);
  g_assert_cmpstr (row_name (&f, 19), ==, "Customer 19");

  /* A view not yet painted makes the first screenful only… */
  view = g_object_new (RAPPORT_TYPE_TODAY_VIEW, NULL);
  window = gtk_window_new ();
  /* 650 px hold the day bar and progress (150 px), five rows of 100 px and
   * part of a sixth. */
  gtk_window_set_default_size (GTK_WINDOW (window), 650, 650);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  rapport_today_view_set_store (view, f.store);
  rapport_today_view_set_day (view, &today);
  g_assert_cmpuint (rows_made (view), ==, 6);
  g_assert_cmpstr (rapport_today_view_get_progress_text (view), ==, "0 of 20 calls made");
  /* …and the rest after its first frame. */
  gtk_window_present (GTK_WINDOW (window));
  ui_wait_until (has_twenty_rows, view, 10000, "the rest of the rows");

  /* Whoever asks for the list gets all of it at once. */
  rapport_today_view_set_store (view, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
  view = g_object_new (RAPPORT_TYPE_TODAY_VIEW, NULL);
  g_object_ref_sink (view);
  rapport_today_view_set_store (view, f.store);
  rapport_today_view_set_day (view, &today);
  /* Without a window: a full-HD screen's worth. */
  g_assert_cmpuint (rows_made (view), ==, 10);
  g_assert_cmpuint (ui_list_box_count (rapport_today_view_get_agenda_list (view)), ==, 20);
  g_object_unref (view);

  ui_fixture_close (&f);
}

static void
test_date_button_opens_a_calendar_on_the_shown_day (void)
{
  UiFixture f = { 0 };
  GtkMenuButton *button;
  GtkPopover *popover;
  GtkCalendar *calendar;
  g_autoptr(GDateTime) shown = NULL;
  g_autoptr(GDateTime) friday = g_date_time_new_local (2025, 3, 7, 12, 0, 0);
  g_autofree char *day = NULL;

  ui_fixture_open (&f, NULL, seed_week);
  button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (today_view (&f)),
                                                           RAPPORT_TYPE_TODAY_VIEW, "date_button"));
  /* The calendar is made when it is first wanted, on the day shown. */
  g_assert_null (gtk_menu_button_get_popover (button));
  rapport_today_view_step_day (today_view (&f), 1);
  ui_flush ();
  gtk_menu_button_popup (button);
  ui_flush ();
  popover = gtk_menu_button_get_popover (button);
  g_assert_nonnull (popover);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  shown = gtk_calendar_get_date (calendar);
  g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 4);
  g_assert_cmpint (g_date_time_get_month (shown), ==, 3);

  /* Choosing a day shows it and closes the popover. */
  gtk_calendar_select_day (calendar, friday);
  ui_flush ();
  day = shown_day (&f);
  g_assert_cmpstr (day, ==, "2025-03-07");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (popover)));

  /* Stepping a day moves the calendar along. */
  rapport_today_view_step_day (today_view (&f), 1);
  ui_flush ();
  g_clear_pointer (&shown, g_date_time_unref);
  shown = gtk_calendar_get_date (calendar);
  g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 8);

  ui_fixture_close (&f);
}

/* Opens the row's call sheet, as Enter does, and logs a happy call. */
static void
log_happy_call (UiFixture     *f,
                GtkListBoxRow *row)
{
  RapportCallSheet *sheet;

  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  ui_flush ();
  sheet = RAPPORT_CALL_SHEET (rapport_today_view_get_call_sheet (today_view (f)));
  g_assert_nonnull (sheet);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sheet), "sheet.rate", "i", 5));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sheet), "sheet.save", NULL));
  ui_flush ();
}

static GtkAdjustment *
agenda_adjustment (UiFixture *f)
{
  GtkWidget *list = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (today_view (f)),
                                                               RAPPORT_TYPE_TODAY_VIEW, "agenda_list"));

  return gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW)));
}

static gboolean
can_scroll_far (gpointer user_data)
{
  GtkAdjustment *adjustment = agenda_adjustment (user_data);

  return gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) > 1000;
}

/* Working down a long day, a change (a customer edited, a call logged from
 * elsewhere) re-reads the agenda: the place in it stays. */
static void
test_keeps_its_place_when_the_day_changes (void)
{
  UiFixture f = { 0 };
  GtkAdjustment *adjustment;
  double before;
  g_autoptr(GPtrArray) ids = NULL;

  ui_fixture_open (&f, NULL, seed_twenty_due);
  adjustment = agenda_adjustment (&f);
  ui_wait_until (can_scroll_far, &f, 5000, "the rows of the long day");
  gtk_adjustment_set_value (adjustment, 800);
  ui_flush ();
  before = gtk_adjustment_get_value (adjustment);
  g_assert_cmpfloat (before, ==, 800);

  ids = rapport_store_search_customer_ids (f.store, "Customer 10", NULL);
  g_assert_nonnull (ids);
  {
    g_autoptr(RapportCustomer) customer = rapport_store_get_customer (f.store, g_ptr_array_index (ids, 0), NULL);

    rapport_customer_set_notes (customer, "Prefers mornings");
    g_assert_true (rapport_store_update_customer (f.store, customer, NULL));
  }
  ui_flush ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, before);

  /* The same after a look at the customers. */
  rapport_window_set_view (f.window, "customers");
  ui_flush ();
  rapport_window_set_view (f.window, "today");
  ui_flush ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, before);

  /* Another day starts at its top, and coming back too. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (today_view (&f)), "today.next-day", NULL));
  ui_flush ();
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (today_view (&f)), "today.previous-day", NULL));
  ui_wait_until (can_scroll_far, &f, 5000, "the rows of the long day again");
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  gtk_adjustment_set_value (adjustment, 800);
  ui_flush ();
  before = gtk_adjustment_get_value (adjustment);

  /* A call logged from a row in view: the next customer takes its place,
   * focused, and the list does not move. */
  {
    GtkListBoxRow *row = ui_agenda_row (&f, 6);
    const char *next = rapport_agenda_entry_get_customer_id (
      rapport_agenda_row_get_entry (RAPPORT_AGENDA_ROW (ui_agenda_row (&f, 7))));
    g_autofree char *next_id = g_strdup (next);
    GtkWidget *focus;

    gtk_widget_grab_focus (GTK_WIDGET (row));
    ui_flush ();
    before = gtk_adjustment_get_value (adjustment);
    log_happy_call (&f, row);
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, before);
    focus = gtk_root_get_focus (GTK_ROOT (f.window));
    g_assert_true (focus == GTK_WIDGET (ui_agenda_row (&f, 6)) ||
                   (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (ui_agenda_row (&f, 6)))));
    g_assert_cmpstr (rapport_agenda_entry_get_customer_id (
      rapport_agenda_row_get_entry (RAPPORT_AGENDA_ROW (ui_agenda_row (&f, 6)))), ==, next_id);
  }

  ui_fixture_close (&f);
}

static void
seed_one_due (RapportStore *store)
{
  g_autofree char *grace = ui_add_customer (store, "Grace Hopper", NULL, "555-0101", "2025-01-10", FALSE);

  ui_flag (store, grace, RAPPORT_SITUATION_IRATE, "The installer left a mess", "2025-02-28");
}

static gboolean
is_mapped_label_with_text (GtkWidget     *widget,
                           gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
         g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0;
}

/* The last call logged, the list says the day is done, not an empty card. */
static void
test_says_when_every_call_is_made (void)
{
  UiFixture f = { 0 };
  GtkWidget *list;

  ui_fixture_open (&f, NULL, seed_one_due);
  list = GTK_WIDGET (rapport_today_view_get_agenda_list (today_view (&f)));
  log_happy_call (&f, ui_agenda_row (&f, 0));

  g_assert_cmpuint (ui_list_box_count (GTK_LIST_BOX (list)), ==, 0);
  g_assert_nonnull (ui_find_widget (list, is_mapped_label_with_text, "Every call of the day is made."));

  /* The focus stays in the view, on the call made, and Ctrl+Z (the view's
   * own key) undoes it. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f.window));
    GtkWidget *calls = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (today_view (&f)),
                                                                  RAPPORT_TYPE_TODAY_VIEW, "calls_list"));

    g_assert_nonnull (focus);
    g_assert_true (focus == calls || gtk_widget_is_ancestor (focus, calls));
    g_assert_true (gtk_widget_activate_action (focus, "today.undo", NULL));
    ui_flush ();
    g_assert_cmpuint (ui_list_box_count (GTK_LIST_BOX (list)), ==, 1);
  }

  ui_fixture_close (&f);
}

/* Rapport left open overnight: the day that was today moves on to the new
 * one; another day looked at stays, and "Today" becomes available. */
static void
test_moves_on_to_the_new_day_overnight (void)
{
  UiFixture f = { 0 };
  GDate tuesday = ui_day ("2025-03-04");
  GDate wednesday = ui_day ("2025-03-05");
  GDate thursday = ui_day ("2025-03-06");
  g_autofree char *day = NULL;

  ui_fixture_open (&f, NULL, seed_week);
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (gtk_widget_get_template_child (
    GTK_WIDGET (today_view (&f)), RAPPORT_TYPE_TODAY_VIEW, "today_button"))));

  /* Midnight: Monday's list becomes Tuesday's (Alan, new, is due then). */
  rapport_store_set_today (f.store, &tuesday);
  /* The window becoming active again (after a night's suspend) looks. */
  g_assert_true (gtk_window_is_active (GTK_WINDOW (f.window)));
  g_object_notify (G_OBJECT (f.window), "is-active");
  ui_flush ();
  day = shown_day (&f);
  g_assert_cmpstr (day, ==, "2025-03-04");
  {
    g_autoptr(GPtrArray) agenda = rapport_store_get_agenda (f.store, &tuesday, NULL);
    gboolean alan = FALSE;

    g_assert_cmpuint (ui_list_box_count (rapport_today_view_get_agenda_list (today_view (&f))), ==, agenda->len);
    for (guint i = 0; i < agenda->len; i++)
      alan |= g_str_equal (row_name (&f, (int) i), "Alan Turing");
    g_assert_true (alan);
  }
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (gtk_widget_get_template_child (
    GTK_WIDGET (today_view (&f)), RAPPORT_TYPE_TODAY_VIEW, "today_button"))));

  /* Looking at Thursday when Wednesday comes: Thursday stays. */
  rapport_today_view_set_day (today_view (&f), &thursday);
  rapport_store_set_today (f.store, &wednesday);
  /* What the midnight timer runs. */
  rapport_today_view_check_today (today_view (&f));
  ui_flush ();
  g_free (day);
  day = shown_day (&f);
  g_assert_cmpstr (day, ==, "2025-03-06");
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (gtk_widget_get_template_child (
    GTK_WIDGET (today_view (&f)), RAPPORT_TYPE_TODAY_VIEW, "today_button"))));

  ui_fixture_close (&f);
}

static gboolean
is_image (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_IMAGE (widget);
}

/* The icon of the first row of the calls made today. */
static const char *
first_call_icon (UiFixture *f)
{
  GtkWidget *calls = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (today_view (f)),
                                                                RAPPORT_TYPE_TODAY_VIEW, "calls_list"));
  GtkWidget *row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (calls), 0));
  GtkWidget *image;

  g_assert_nonnull (row);
  image = ui_find_widget (row, is_image, NULL);
  g_assert_nonnull (image);
  return gtk_image_get_icon_name (GTK_IMAGE (image));
}

/* Calls made show what happened: a call back agreed is an alarm, not a
 * missed call; a rated one its face. */
static void
test_calls_made_show_what_happened (void)
{
  UiFixture f = { 0 };
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *call = NULL;
  GDate thursday = ui_day ("2025-03-06");
  RapportCallInput input = { 0 };

  ui_fixture_open (&f, NULL, seed_one_due);
  ids = rapport_store_search_customer_ids (f.store, "Grace Hopper", &error);
  g_assert_no_error (error);
  input.result = RAPPORT_RESULT_CALLBACK;
  input.callback = &thursday;
  call = rapport_store_log_call (f.store, g_ptr_array_index (ids, 0), &input, &error);
  g_assert_no_error (error);
  ui_flush ();
  g_assert_cmpstr (first_call_icon (&f), ==, "alarm-symbolic");

  ui_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/today/opens-on-the-seeded-agenda", test_opens_on_the_seeded_agenda);
  g_test_add_func ("/ui/today/calls-made-show-what-happened", test_calls_made_show_what_happened);
  g_test_add_func ("/ui/today/moves-on-to-the-new-day-overnight", test_moves_on_to_the_new_day_overnight);
  g_test_add_func ("/ui/today/says-when-every-call-is-made", test_says_when_every_call_is_made);
  g_test_add_func ("/ui/today/keeps-its-place-when-the-day-changes", test_keeps_its_place_when_the_day_changes);
  g_test_add_func ("/ui/today/overdue-rows-escalate-with-words", test_overdue_rows_escalate_with_words);
  g_test_add_func ("/ui/today/navigates-between-days", test_navigates_between_days);
  g_test_add_func ("/ui/today/empty-day-names-the-next-day", test_empty_day_names_the_next_day);
  g_test_add_func ("/ui/today/date-button-opens-a-calendar-on-the-shown-day",
                   test_date_button_opens_a_calendar_on_the_shown_day);
  g_test_add_func ("/ui/today/rows-past-the-first-screen-follow-the-first-frame",
                   test_rows_past_the_first_screen_follow_the_first_frame);

  return ui_test_run ();
}

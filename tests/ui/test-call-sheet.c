/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-test-call-sheet"

#include "config.h"

#include "rapport-agenda-row.h"
#include "rapport-call-sheet.h"
#include "rapport-today-view.h"
#include "ui-test-util.h"

/* Today is Monday 2025-03-03: Grace (irate, 10 days late), then Ada (irate
 * due today and new), then Ken (irate due today). */
static char *grace_id;

static void
seed (RapportStore *store)
{
  g_autofree char *ada = NULL;
  g_autofree char *ken = NULL;

  g_free (grace_id);
  grace_id = ui_add_customer (store, "Grace Hopper", "Cobol & Co", "555-0101", "2025-01-10", FALSE);
  ada = ui_add_customer (store, "Ada Lovelace", "Analytical Engines", "+44 20 7946 0958", "2025-02-25", TRUE);
  ken = ui_add_customer (store, "Ken Thompson", NULL, "555-0199", "2024-06-01", FALSE);
  ui_flag (store, grace_id, RAPPORT_SITUATION_IRATE, "The installer left a mess", "2025-02-20");
  ui_flag (store, ada, RAPPORT_SITUATION_IRATE, "Invoice was wrong twice", "2025-02-28");
  ui_flag (store, ken, RAPPORT_SITUATION_IRATE, "Waited three hours", "2025-02-28");
}

static RapportTodayView *
today_view (UiFixture *f)
{
  return rapport_window_get_today_view (f->window);
}

static const char *
row_customer (UiFixture *f,
              int        index)
{
  GtkListBoxRow *row = ui_agenda_row (f, index);

  g_assert_true (RAPPORT_IS_AGENDA_ROW (row));
  return rapport_agenda_row_get_customer_id (RAPPORT_AGENDA_ROW (row));
}

static gboolean
sheet_is_mapped (gpointer user_data)
{
  GtkWindow *sheet = rapport_today_view_get_call_sheet (user_data);

  return sheet != NULL && gtk_widget_get_mapped (GTK_WIDGET (sheet));
}

/* Opens the sheet the way a person does: activating the agenda row (a click
 * or Enter on the focused row both end in this signal). */
static RapportCallSheet *
open_sheet_from_row (UiFixture *f,
                     int        index)
{
  GtkListBoxRow *row = ui_agenda_row (f, index);

  g_assert_nonnull (row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  g_assert_true (gtk_widget_activate (GTK_WIDGET (row)));
  ui_wait_until (sheet_is_mapped, today_view (f), 5000, "the call sheet");
  return RAPPORT_CALL_SHEET (rapport_today_view_get_call_sheet (today_view (f)));
}

static guint
count_calls (UiFixture  *f,
             const char *customer_id)
{
  g_autoptr(GPtrArray) calls = rapport_store_list_calls (f->store, customer_id, NULL);

  g_assert_nonnull (calls);
  return calls->len;
}

static gboolean
focus_is_in_row (GtkWidget     *focus,
                 GtkListBoxRow *row)
{
  return focus != NULL && (focus == GTK_WIDGET (row) || gtk_widget_is_ancestor (focus, GTK_WIDGET (row)));
}

static void
test_logs_a_call_and_undo_restores_the_database (void)
{
  UiFixture f = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after_undo = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autofree char *grace = NULL;
  RapportCallSheet *sheet;
  RapportCall *call;
  AdwToast *toast;

  ui_fixture_open (&f, NULL, seed);
  before = ui_dump_follow_ups_and_calls (f.store);
  grace = g_strdup (row_customer (&f, 0));
  g_assert_cmpstr (grace, ==, grace_id);

  sheet = open_sheet_from_row (&f, 0);
  g_assert_cmpstr (rapport_call_sheet_get_customer_id (sheet), ==, grace);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (sheet)) == GTK_WINDOW (f.window));

  /* Choosing a rating does not reflow the buttons, whatever the width they
   * get ("Very unhappy" wrapped to two lines when it turned bold). */
  {
    GtkWidget *buttons = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (sheet), RAPPORT_TYPE_CALL_SHEET,
                                                                   "rating_buttons"));
    int unrated[40], min = 0;

    for (guint k = 0; k < G_N_ELEMENTS (unrated); k++)
      gtk_widget_measure (buttons, GTK_ORIENTATION_VERTICAL, 250 + 10 * (int) k, &min, &unrated[k], NULL, NULL);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sheet), "sheet.rate", "i", 1));
    ui_flush ();
    for (guint k = 0; k < G_N_ELEMENTS (unrated); k++)
      {
        int rated = 0;

        gtk_widget_measure (buttons, GTK_ORIENTATION_VERTICAL, 250 + 10 * (int) k, &min, &rated, NULL, NULL);
        g_assert_cmpint (rated, ==, unrated[k]);
      }
  }

  /* Reached is the default result; key 5 is the "sheet.rate" action. */
  g_assert_cmpint (rapport_call_sheet_get_result (sheet), ==, RAPPORT_RESULT_REACHED);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sheet), "sheet.rate", "i", 5));
  g_assert_cmpuint (rapport_call_sheet_get_rating (sheet), ==, 5);
  /* The rating pressed shows: its button has the focus (and the sheet
   * scrolls to a focused button out of view). */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (sheet));
    GtkWidget *rating_box = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (sheet), RAPPORT_TYPE_CALL_SHEET,
                                                                      "rating_box"));

    g_assert_true (GTK_IS_TOGGLE_BUTTON (focus));
    g_assert_true (gtk_widget_is_ancestor (focus, rating_box));
    g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (focus)));
  }
  rapport_call_sheet_set_note (sheet, "Kitchen is spotless now");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sheet), "sheet.save", NULL));
  ui_flush ();

  /* The call is in the database, the sheet is closed, the toast says so. */
  calls = rapport_store_list_calls (f.store, grace, NULL);
  g_assert_cmpuint (calls->len, ==, 1);
  call = g_ptr_array_index (calls, 0);
  g_assert_cmpint (rapport_call_get_result (call), ==, RAPPORT_RESULT_REACHED);
  g_assert_cmpuint (rapport_call_get_satisfaction (call), ==, 5);
  g_assert_cmpstr (rapport_call_get_note (call), ==, "Kitchen is spotless now");
  g_assert_null (rapport_today_view_get_call_sheet (today_view (&f)));
  toast = rapport_window_get_last_toast (f.window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Call with Grace Hopper logged");
  g_assert_cmpstr (adw_toast_get_button_label (toast), ==, "_Undo");

  /* Grace left the agenda, the call is listed below it, the focus went to
   * the next call (Ada, now first). */
  g_assert_cmpuint (ui_list_box_count (rapport_today_view_get_agenda_list (today_view (&f))), ==, 2);
  g_assert_cmpuint (ui_list_box_count (rapport_today_view_get_calls_list (today_view (&f))), ==, 1);
  g_assert_cmpstr (rapport_today_view_get_progress_text (today_view (&f)), ==, "1 of 3 calls made");
  g_assert_true (focus_is_in_row (gtk_window_get_focus (GTK_WINDOW (f.window)), ui_agenda_row (&f, 0)));

  /* Undo puts every row back exactly as it was. */
  g_signal_emit_by_name (toast, "button-clicked");
  ui_flush ();
  after_undo = ui_dump_follow_ups_and_calls (f.store);
  g_assert_cmpstr (after_undo, ==, before);
  g_assert_cmpuint (count_calls (&f, grace), ==, 0);
  g_assert_cmpuint (ui_list_box_count (rapport_today_view_get_agenda_list (today_view (&f))), ==, 3);
  g_assert_cmpstr (rapport_today_view_get_progress_text (today_view (&f)), ==, "0 of 3 calls made");

  ui_fixture_close (&f);
}

static void
test_reached_without_rating_keeps_the_sheet_and_says_why (void)
{
  UiFixture f = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RapportCallSheet *sheet;

  ui_fixture_open (&f, NULL, seed);
  before = ui_dump_follow_ups_and_calls (f.store);
  sheet = open_sheet_from_row (&f, 0);

  rapport_call_sheet_set_note (sheet, "Half an answer");
  g_assert_false (rapport_call_sheet_save (sheet));
  g_assert_nonnull (rapport_call_sheet_get_error (sheet));
  g_assert_nonnull (strstr (rapport_call_sheet_get_error (sheet), "satisfied"));
  g_assert_true (rapport_today_view_get_call_sheet (today_view (&f)) == GTK_WINDOW (sheet));
  after = ui_dump_follow_ups_and_calls (f.store);
  g_assert_cmpstr (after, ==, before);

  /* A no-answer needs no rating and counts an attempt. */
  rapport_call_sheet_set_result (sheet, RAPPORT_RESULT_NO_ANSWER);
  g_assert_true (rapport_call_sheet_save (sheet));
  ui_flush ();
  g_assert_cmpuint (count_calls (&f, grace_id), ==, 1);

  ui_fixture_close (&f);
}

static void
test_next_call_skips_without_logging (void)
{
  UiFixture f = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *second = NULL;
  RapportCallSheet *sheet;

  ui_fixture_open (&f, NULL, seed);
  before = ui_dump_follow_ups_and_calls (f.store);
  second = g_strdup (row_customer (&f, 1));

  sheet = open_sheet_from_row (&f, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sheet), "sheet.next", NULL));
  ui_wait_until (sheet_is_mapped, today_view (&f), 5000, "the next call sheet");
  sheet = RAPPORT_CALL_SHEET (rapport_today_view_get_call_sheet (today_view (&f)));
  g_assert_cmpstr (rapport_call_sheet_get_customer_id (sheet), ==, second);

  after = ui_dump_follow_ups_and_calls (f.store);
  g_assert_cmpstr (after, ==, before);

  ui_fixture_close (&f);
}

typedef struct {
  UiFixture  *f;
  const char *customer_id;
} SheetWait;

static gboolean
shows_sheet_of (gpointer user_data)
{
  SheetWait *wait = user_data;
  GtkWindow *sheet = rapport_today_view_get_call_sheet (today_view (wait->f));

  return sheet != NULL && gtk_widget_get_mapped (GTK_WIDGET (sheet)) &&
         g_strcmp0 (rapport_call_sheet_get_customer_id (RAPPORT_CALL_SHEET (sheet)), wait->customer_id) == 0;
}

static void
set_flag_cb (gboolean *flag)
{
  *flag = TRUE;
}

static void
log_first_row (UiFixture *f)
{
  RapportCallSheet *sheet = open_sheet_from_row (f, 0);

  rapport_call_sheet_set_result (sheet, RAPPORT_RESULT_VOICEMAIL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sheet), "sheet.save", NULL));
  ui_flush ();
}

/* Next Call on the last row goes round to the calls skipped above it; with
 * a single call left, there is no next one and the toast says so. */
static void
test_next_call_goes_round_to_the_calls_left (void)
{
  UiFixture f = { 0 };
  g_autofree char *first = NULL;
  RapportCallSheet *sheet;
  AdwToast *toast;

  ui_fixture_open (&f, NULL, seed);
  first = g_strdup (row_customer (&f, 0));
  sheet = open_sheet_from_row (&f, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sheet), "sheet.next", NULL));
  ui_wait_until (shows_sheet_of, &(SheetWait) { &f, first }, 5000, "the first call's sheet");

  /* Two calls logged: one left, nothing after it. */
  log_first_row (&f);
  log_first_row (&f);
  g_assert_cmpuint (ui_list_box_count (rapport_today_view_get_agenda_list (today_view (&f))), ==, 1);
  sheet = open_sheet_from_row (&f, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sheet), "sheet.next", NULL));
  ui_flush ();
  g_assert_null (rapport_today_view_get_call_sheet (today_view (&f)));
  toast = rapport_window_get_last_toast (f.window);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "That was the last call of the day");

  ui_fixture_close (&f);
}

/* Everything of follow_ups but updated_at, which a sync needs to change. */
#define FOLLOW_UPS_SQL \
  "SELECT id, uuid, customer_id, situation, state, flagged_on, due, attempts, note," \
  " corrected_on, close_reason, closed_on, closed_by_call, opened_by_call, created_at, deleted_at" \
  " FROM follow_ups ORDER BY id"

static void
test_moves_a_call_to_tomorrow_with_undo (void)
{
  UiFixture f = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after_undo = NULL;
  g_autoptr(GPtrArray) follow_ups = NULL;
  AdwToast *toast;

  ui_fixture_open (&f, NULL, seed);
  before = ui_dump_table (f.store, FOLLOW_UPS_SQL);

  /* The row menu's "Move to Tomorrow". */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui_agenda_row (&f, 0)),
                                             "today.move-tomorrow", "s", grace_id));
  ui_flush ();

  follow_ups = rapport_store_list_follow_ups (f.store, grace_id, FALSE, NULL);
  g_assert_cmpuint (follow_ups->len, ==, 1);
  {
    g_autofree char *due = rapport_date_to_iso (rapport_follow_up_get_due (g_ptr_array_index (follow_ups, 0)));
    g_assert_cmpstr (due, ==, "2025-03-04");
    g_assert_cmpuint (rapport_follow_up_get_attempts (g_ptr_array_index (follow_ups, 0)), ==, 0);
  }
  g_assert_cmpuint (count_calls (&f, grace_id), ==, 0);
  g_assert_cmpuint (ui_list_box_count (rapport_today_view_get_agenda_list (today_view (&f))), ==, 2);
  toast = rapport_window_get_last_toast (f.window);
  g_assert_nonnull (toast);
  g_assert_cmpstr (adw_toast_get_title (toast), ==, "Call with Grace Hopper moved: Tomorrow");

  g_signal_emit_by_name (toast, "button-clicked");
  ui_flush ();
  after_undo = ui_dump_table (f.store, FOLLOW_UPS_SQL);
  g_assert_cmpstr (after_undo, ==, before);
  g_assert_cmpuint (ui_list_box_count (rapport_today_view_get_agenda_list (today_view (&f))), ==, 3);

  ui_fixture_close (&f);
}

static void
test_moves_from_the_sheet_to_next_week (void)
{
  UiFixture f = { 0 };
  g_autoptr(GPtrArray) follow_ups = NULL;
  g_autofree char *due = NULL;
  RapportCallSheet *sheet;

  ui_fixture_open (&f, NULL, seed);
  sheet = open_sheet_from_row (&f, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sheet), "sheet.move", "s", "next-week"));
  ui_flush ();

  /* Monday 3 March: next week starts Monday 10 March. */
  follow_ups = rapport_store_list_follow_ups (f.store, grace_id, FALSE, NULL);
  due = rapport_date_to_iso (rapport_follow_up_get_due (g_ptr_array_index (follow_ups, 0)));
  g_assert_cmpstr (due, ==, "2025-03-10");
  g_assert_null (rapport_today_view_get_call_sheet (today_view (&f)));

  ui_fixture_close (&f);
}

/* A message dialog shown over the sheet ("Move to…", "Discard…?"). */
static AdwMessageDialog *
find_sheet_dialog (GtkWindow *sheet)
{
  /* GTK's own list: not ours to unref. */
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_window_get_transient_for (window) == sheet &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

/* The dialog belongs to the sheet, which closes once the call moved: not
 * while the dialog still answers (that freed it under its own feet). */
static void
test_moves_from_the_sheet_to_a_chosen_day (void)
{
  UiFixture f = { 0 };
  g_autoptr(GPtrArray) follow_ups = NULL;
  g_autofree char *due = NULL;
  RapportCallSheet *sheet;
  AdwMessageDialog *dialog;

  ui_fixture_open (&f, NULL, seed);
  sheet = open_sheet_from_row (&f, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sheet), "sheet.move", "s", "ask"));
  ui_flush ();
  dialog = find_sheet_dialog (GTK_WINDOW (sheet));
  g_assert_nonnull (dialog);
  /* The calendar starts on tomorrow. */
  adw_message_dialog_response (dialog, "move");
  ui_flush ();

  follow_ups = rapport_store_list_follow_ups (f.store, grace_id, FALSE, NULL);
  due = rapport_date_to_iso (rapport_follow_up_get_due (g_ptr_array_index (follow_ups, 0)));
  g_assert_cmpstr (due, ==, "2025-03-04");
  g_assert_null (rapport_today_view_get_call_sheet (today_view (&f)));

  ui_fixture_close (&f);
}

static RapportCallSheet *
shown_sheet (UiFixture *f)
{
  return RAPPORT_CALL_SHEET (rapport_today_view_get_call_sheet (today_view (f)));
}

/* A rating or a note typed is never dropped without asking: not by Next
 * Call, not by a move, not by closing the sheet. */
static void
test_asks_before_dropping_what_was_typed (void)
{
  UiFixture f = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *second = NULL;
  RapportCallSheet *sheet;
  AdwMessageDialog *dialog;

  ui_fixture_open (&f, NULL, seed);
  before = ui_dump_follow_ups_and_calls (f.store);
  second = g_strdup (row_customer (&f, 1));
  sheet = open_sheet_from_row (&f, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sheet), "sheet.rate", "i", 2));
  rapport_call_sheet_set_note (sheet, "Still waiting for the refund");

  /* Next Call asks; Keep Editing keeps the sheet and what it holds. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sheet), "sheet.next", NULL));
  ui_flush ();
  dialog = find_sheet_dialog (GTK_WINDOW (sheet));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Discard This Call’s Outcome?");
  adw_message_dialog_response (dialog, "keep");
  ui_flush ();
  g_assert_true (shown_sheet (&f) == sheet);
  g_assert_cmpstr (rapport_call_sheet_get_customer_id (sheet), ==, grace_id);
  g_assert_cmpuint (rapport_call_sheet_get_rating (sheet), ==, 2);

  /* A move asks too, and moves nothing until answered. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sheet), "sheet.move", "s", "tomorrow"));
  ui_flush ();
  dialog = find_sheet_dialog (GTK_WINDOW (sheet));
  g_assert_nonnull (dialog);
  after = ui_dump_follow_ups_and_calls (f.store);
  g_assert_cmpstr (after, ==, before);
  adw_message_dialog_response (dialog, "keep");
  ui_flush ();
  g_assert_true (shown_sheet (&f) == sheet);

  /* Closing asks; Discard on Next Call goes on to the next customer. */
  gtk_window_close (GTK_WINDOW (sheet));
  ui_flush ();
  dialog = find_sheet_dialog (GTK_WINDOW (sheet));
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "keep");
  ui_flush ();
  g_assert_true (shown_sheet (&f) == sheet);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sheet), "sheet.next", NULL));
  ui_flush ();
  adw_message_dialog_response (find_sheet_dialog (GTK_WINDOW (sheet)), "discard");
  ui_wait_until (shows_sheet_of, &(SheetWait) { &f, second }, 5000, "the next call sheet");
  g_free (after);
  after = ui_dump_follow_ups_and_calls (f.store);
  g_assert_cmpstr (after, ==, before);

  ui_fixture_close (&f);
}

/* Two calls logged in a row: the first one's Undo toast goes, instead of
 * coming back once the second is gone, and Ctrl+Z undoes the second. */
static void
test_a_new_undo_toast_replaces_the_last (void)
{
  UiFixture f = { 0 };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  AdwToast *toast;
  gboolean dismissed = FALSE;

  ui_fixture_open (&f, NULL, seed);
  first = g_strdup (row_customer (&f, 0));
  second = g_strdup (row_customer (&f, 1));
  log_first_row (&f);
  toast = rapport_window_get_last_toast (f.window);
  g_assert_nonnull (toast);
  g_signal_connect_swapped (toast, "dismissed", G_CALLBACK (set_flag_cb), &dismissed);
  log_first_row (&f);
  g_assert_true (dismissed);
  g_assert_true (rapport_window_get_last_toast (f.window) != toast);

  g_assert_true (rapport_window_undo (f.window));
  ui_flush ();
  g_assert_cmpuint (count_calls (&f, second), ==, 0);
  g_assert_cmpuint (count_calls (&f, first), ==, 1);
  g_assert_false (rapport_window_undo (f.window));
  /* The call undone is to make again, and has the focus. */
  {
    GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (f.window));
    GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, RAPPORT_TYPE_AGENDA_ROW) : NULL;

    g_assert_nonnull (row);
    g_assert_cmpstr (rapport_agenda_row_get_customer_id (RAPPORT_AGENDA_ROW (row)), ==, second);
  }

  ui_fixture_close (&f);
}

/* A call back on a weekend is allowed (the customer asked) but the row says
 * that it is not a business day. Monday 3 March 2025: the 8th is a Saturday. */
static void
test_says_when_a_call_back_is_not_on_a_business_day (void)
{
  UiFixture f = { 0 };
  RapportCallSheet *sheet;
  AdwActionRow *row;
  g_autoptr(GDateTime) saturday = g_date_time_new_local (2025, 3, 8, 12, 0, 0);
  g_autoptr(GDateTime) monday = g_date_time_new_local (2025, 3, 10, 12, 0, 0);

  ui_fixture_open (&f, NULL, seed);
  sheet = open_sheet_from_row (&f, 0);
  rapport_call_sheet_set_result (sheet, RAPPORT_RESULT_CALLBACK);
  row = ADW_ACTION_ROW (gtk_widget_get_template_child (GTK_WIDGET (sheet), RAPPORT_TYPE_CALL_SHEET, "callback_row"));
  /* Tomorrow, Tuesday, by default. */
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "");
  gtk_calendar_select_day (GTK_CALENDAR (gtk_widget_get_template_child (GTK_WIDGET (sheet), RAPPORT_TYPE_CALL_SHEET,
                                                                        "callback_calendar")), saturday);
  ui_flush ();
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Not a business day");
  gtk_calendar_select_day (GTK_CALENDAR (gtk_widget_get_template_child (GTK_WIDGET (sheet), RAPPORT_TYPE_CALL_SHEET,
                                                                        "callback_calendar")), monday);
  ui_flush ();
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "");

  ui_fixture_close (&f);
}

static void
test_ctrl_z_undoes_the_last_call (void)
{
  UiFixture f = { 0 };
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  RapportCallSheet *sheet;

  ui_fixture_open (&f, NULL, seed);
  before = ui_dump_follow_ups_and_calls (f.store);
  sheet = open_sheet_from_row (&f, 0);
  rapport_call_sheet_set_result (sheet, RAPPORT_RESULT_VOICEMAIL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (sheet), "sheet.save", NULL));
  ui_flush ();
  g_assert_cmpuint (count_calls (&f, grace_id), ==, 1);

  /* Ctrl+Z in the Today view is "today.undo". */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (today_view (&f)), "today.undo", NULL));
  ui_flush ();
  after = ui_dump_follow_ups_and_calls (f.store);
  g_assert_cmpstr (after, ==, before);
  /* Once only. */
  g_assert_false (rapport_window_undo (f.window));

  ui_fixture_close (&f);
}

static char *alan_id;

static void
seed_alan (RapportStore *store)
{
  g_free (alan_id);
  /* New customer since Friday 28 February: first call due Tuesday 4 March. */
  alan_id = ui_add_customer (store, "Alan Turing", "Bletchley Repairs", "555-0103", "2025-02-28", TRUE);
}

static void
test_moves_a_later_call_from_its_day (void)
{
  UiFixture f = { 0 };
  g_autoptr(GPtrArray) follow_ups = NULL;
  g_autofree char *due = NULL;
  GDate tuesday = ui_day ("2025-03-04");

  ui_fixture_open (&f, NULL, seed_alan);
  g_assert_cmpstr (rapport_today_view_get_page (today_view (&f)), ==, "empty");
  rapport_today_view_set_day (today_view (&f), &tuesday);
  g_assert_cmpstr (row_customer (&f, 0), ==, alan_id);

  /* "Tomorrow" on Tuesday's list is Wednesday. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (ui_agenda_row (&f, 0)),
                                             "today.move-tomorrow", "s", alan_id));
  ui_flush ();
  follow_ups = rapport_store_list_follow_ups (f.store, alan_id, FALSE, NULL);
  due = rapport_date_to_iso (rapport_follow_up_get_due (g_ptr_array_index (follow_ups, 0)));
  g_assert_cmpstr (due, ==, "2025-03-05");
  g_assert_cmpuint (ui_list_box_count (rapport_today_view_get_agenda_list (today_view (&f))), ==, 0);

  ui_fixture_close (&f);
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/call-sheet/logs-a-call-and-undo-restores-the-database",
                   test_logs_a_call_and_undo_restores_the_database);
  g_test_add_func ("/ui/call-sheet/reached-without-rating-keeps-the-sheet-and-says-why",
                   test_reached_without_rating_keeps_the_sheet_and_says_why);
  g_test_add_func ("/ui/call-sheet/next-call-skips-without-logging", test_next_call_skips_without_logging);
  g_test_add_func ("/ui/call-sheet/next-call-goes-round-to-the-calls-left",
                   test_next_call_goes_round_to_the_calls_left);
  g_test_add_func ("/ui/call-sheet/ctrl-z-undoes-the-last-call", test_ctrl_z_undoes_the_last_call);
  g_test_add_func ("/ui/call-sheet/says-when-a-call-back-is-not-on-a-business-day",
                   test_says_when_a_call_back_is_not_on_a_business_day);
  g_test_add_func ("/ui/call-sheet/a-new-undo-toast-replaces-the-last", test_a_new_undo_toast_replaces_the_last);
  g_test_add_func ("/ui/today/moves-a-call-to-tomorrow-with-undo", test_moves_a_call_to_tomorrow_with_undo);
  g_test_add_func ("/ui/call-sheet/moves-to-next-week", test_moves_from_the_sheet_to_next_week);
  g_test_add_func ("/ui/call-sheet/moves-to-a-chosen-day", test_moves_from_the_sheet_to_a_chosen_day);
  g_test_add_func ("/ui/call-sheet/asks-before-dropping-what-was-typed",
                   test_asks_before_dropping_what_was_typed);
  g_test_add_func ("/ui/today/moves-a-later-call-from-its-day", test_moves_a_later_call_from_its_day);

  return ui_test_run ();
}

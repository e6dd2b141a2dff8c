/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-today"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-agenda-row.h"
#include "rapport-call-sheet.h"
#include "rapport-date.h"
#include "rapport-format.h"
#include "rapport-menu-button.h"
#include "rapport-store-restore.h"
#include "rapport-today-view.h"
#include "rapport-window.h"

struct _RapportTodayView
{
  GtkWidget         parent_instance;

  RapportStore     *store;
  GDate             day;
  GDate             next_agenda_day;
  GPtrArray        *agenda;
  /* The day the rows show, to tell a re-read from another day. */
  GDate             shown_day;
  /* Today as last seen: Rapport left open overnight moves on to the new
   * day (checked at midnight, and when the window is used again, since a
   * suspended machine sleeps through timers). */
  GDate             known_today;
  guint             midnight_source;
  GtkWindow        *watched_window;
  gulong            active_id;
  gboolean          dirty;
  /* Rows past the first screenful wait for the window's first frame: the
   * agenda shows as soon as it can, the rest follows one frame later. */
  guint             rows_made;
  gboolean          painted;
  GdkFrameClock    *paint_clock;
  gulong            after_paint_id;
  /* Brings the focused row into view once the re-read rows have places. */
  GdkFrameClock    *focus_clock;
  gulong            focus_paint_id;
  guint             rest_source;
  char             *progress_text;

  /* The open call sheet, and the row to focus once it is done. */
  RapportCallSheet *sheet;
  char             *focus_customer_id;
  /* Its row when the sheet opened: the next call takes that place. */
  guint             focus_index;

  /* Template widgets */
  GtkWidget        *box;
  GtkButton        *today_button;
  GtkMenuButton    *date_button;
  GtkLabel         *date_label;
  GtkLabel         *date_short_label;
  /* Made when the date button is first opened (a calendar is dozens of widgets). */
  GtkPopover       *date_popover;
  GtkCalendar      *calendar;
  GtkStack         *stack;
  GtkLabel         *progress_label;
  GtkProgressBar   *progress_bar;
  GtkListBox       *agenda_list;
  GtkLabel         *calls_heading;
  GtkListBox       *calls_list;
  AdwStatusPage    *empty_page;
  GtkButton        *next_agenda_button;
  GtkMenuButton    *agenda_menu_button;
  GMenuModel       *agenda_menu;
};

G_DEFINE_FINAL_TYPE (RapportTodayView, rapport_today_view, GTK_TYPE_WIDGET)

static void reload   (RapportTodayView *self);
static void close_sheet (RapportTodayView *self);
static void get_tomorrow (RapportTodayView *self,
                          GDate            *out);

static RapportWindow *
get_window (RapportTodayView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return RAPPORT_IS_WINDOW (root) ? RAPPORT_WINDOW (root) : NULL;
}

static void
show_error (RapportTodayView *self,
            const char       *message)
{
  RapportWindow *window = get_window (self);

  g_message ("%s", message);
  if (window != NULL)
    rapport_window_show_error_toast (window, message);
}

static void
add_toast (RapportTodayView *self,
           AdwToast         *toast)
{
  RapportWindow *window = get_window (self);

  if (window != NULL)
    rapport_window_add_toast (window, toast);
}

static void
get_today (RapportTodayView *self,
           GDate            *out)
{
  if (self->store != NULL)
    rapport_store_get_today (self->store, out);
  else
    rapport_date_set_today (out);
}

static RapportAgendaEntry *
find_entry (RapportTodayView *self,
            const char       *customer_id,
            guint            *index)
{
  for (guint i = 0; self->agenda != NULL && i < self->agenda->len; i++)
    {
      RapportAgendaEntry *entry = g_ptr_array_index (self->agenda, i);

      if (g_strcmp0 (rapport_agenda_entry_get_customer_id (entry), customer_id) == 0)
        {
          if (index != NULL)
            *index = i;
          return entry;
        }
    }
  return NULL;
}

static char *
get_customer_name (RapportTodayView *self,
                   const char       *customer_id)
{
  RapportAgendaEntry *entry = find_entry (self, customer_id, NULL);
  g_autoptr(RapportCustomer) customer = NULL;

  if (entry != NULL)
    return g_strdup (rapport_agenda_entry_get_name (entry));
  customer = rapport_store_get_customer (self->store, customer_id, NULL);
  return g_strdup (customer != NULL ? rapport_customer_get_name (customer) : "");
}

/* Loading --------------------------------------------------------------------- */

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  /* Row by row, so that the placeholder ("Every call of the day is made")
   * stays. */
  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static GtkWidget *
make_call_row (RapportCall *call)
{
  g_autofree char *outcome = rapport_format_call_outcome (call);
  g_autofree char *subtitle = NULL;
  const char *note = rapport_call_get_note (call);
  const char *staff = rapport_call_get_staff (call);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  guint rating = rapport_call_get_satisfaction (call);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), rapport_call_get_customer_name (call));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (note != NULL && *note != '\0')
    /* Translators: the outcome of a call, then its note */
    subtitle = g_strdup_printf (_("%s — %s"), outcome, note);
  else
    subtitle = g_strdup (outcome);
  if (staff != NULL && *staff != '\0')
    {
      char *with_staff = g_strdup_printf (_("%s (by %s)"), subtitle, staff);

      g_free (subtitle);
      subtitle = with_staff;
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  icon = gtk_image_new_from_icon_name (rapport_call_icon_name (call));
  gtk_widget_add_css_class (icon, "call-result-icon");
  if (rating > 0)
    gtk_widget_add_css_class (icon, rating >= 4 ? "happy" : rating <= 2 ? "unhappy" : "neutral");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "customer-id",
                          g_strdup (rapport_call_get_customer_id (call)), g_free);
  return row;
}

static void
select_calendar_day (RapportTodayView *self)
{
  g_autoptr(GDateTime) dt = NULL;

  if (self->calendar == NULL || !g_date_valid (&self->day))
    return;
  dt = g_date_time_new_local (g_date_get_year (&self->day), g_date_get_month (&self->day),
                              g_date_get_day (&self->day), 12, 0, 0);
  g_signal_handlers_block_matched (self->calendar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_calendar_select_day (self->calendar, dt);
  g_signal_handlers_unblock_matched (self->calendar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

static void
update_day_bar (RapportTodayView *self)
{
  g_autofree char *label = NULL;
  g_autofree char *long_label = NULL;
  g_autofree char *short_label = NULL;
  g_autoptr(GDateTime) dt = NULL;
  GDate today;

  get_today (self, &today);
  dt = g_date_time_new_local (g_date_get_year (&self->day), g_date_get_month (&self->day),
                              g_date_get_day (&self->day), 12, 0, 0);
  /* The date itself, not "Tomorrow": the Today button tells where today is. */
  if (g_date_get_year (&self->day) == g_date_get_year (&today))
    label = g_date_time_format (dt, _("%A, %-d %B"));
  else
    label = rapport_format_day_long (&self->day);
  long_label = rapport_format_day_long (&self->day);
  gtk_label_set_label (self->date_label, label);
  /* Translators: a short day for narrow windows, see g_date_time_format(): "Mon 3 Mar" */
  short_label = g_date_time_format (dt, _("%a %-d %b"));
  gtk_label_set_label (self->date_short_label, short_label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_button), long_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, long_label, -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "today.go-today",
                                 g_date_compare (&self->day, &today) != 0);

  select_calendar_day (self);
}

static void
update_empty_page (RapportTodayView *self,
                   const GDate      *today)
{
  g_autoptr(GError) error = NULL;
  gboolean is_today = g_date_compare (&self->day, today) == 0;

  g_date_clear (&self->next_agenda_day, 1);
  if (rapport_store_count_customers (self->store) == 0)
    {
      adw_status_page_set_icon_name (self->empty_page, "system-users-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Customers Yet"));
      adw_status_page_set_description (self->empty_page,
                                       _("Add your customers: their follow-up calls will appear here, day by day."));
      gtk_button_set_label (self->next_agenda_button, _("_Add a Customer"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->next_agenda_button), "win.new-customer");
      gtk_widget_set_visible (GTK_WIDGET (self->next_agenda_button), TRUE);
      return;
    }

  adw_status_page_set_icon_name (self->empty_page, "emblem-ok-symbolic");
  adw_status_page_set_title (self->empty_page, is_today ? _("No Calls Today") : _("No Calls This Day"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->next_agenda_button), "today.go-next-agenda-day");
  if (rapport_store_next_agenda_day (self->store, &self->day, &self->next_agenda_day, &error))
    {
      g_autofree char *day = rapport_format_day (&self->next_agenda_day, today);
      g_autofree char *description = NULL;
      g_autofree char *button = NULL;

      /* Translators: %s is a day: "Tomorrow" or "Monday, 3 March" */
      description = g_strdup_printf (_("The next calls are due: %s."), day);
      /* Translators: %s is a day: "Tomorrow" or "Monday, 3 March" */
      button = g_strdup_printf (_("_Show %s"), day);
      adw_status_page_set_description (self->empty_page, description);
      gtk_button_set_label (self->next_agenda_button, button);
      gtk_widget_set_visible (GTK_WIDGET (self->next_agenda_button), TRUE);
    }
  else
    {
      if (error != NULL)
        show_error (self, error->message);
      adw_status_page_set_description (self->empty_page,
                                       _("No follow-up call is planned. Flag a customer to plan one."));
      gtk_widget_set_visible (GTK_WIDGET (self->next_agenda_button), FALSE);
    }
}

/* An agenda row has a name, a situation badge and (nearly always) a phone
 * button: about 100 px high at the least. Above the rows: the header bar,
 * the day bar and the progress, about 150 px. */
#define MIN_ROW_HEIGHT 100
#define ABOVE_ROWS_HEIGHT 150

/* Enough rows to fill the window the view opens in. */
static guint
first_screen_rows (RapportTodayView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  int width = 0, height = 0;

  if (GTK_IS_WINDOW (root))
    {
      height = gtk_widget_get_height (GTK_WIDGET (root));
      if (height <= 0)
        gtk_window_get_default_size (GTK_WINDOW (root), &width, &height);
    }
  if (height <= 0)
    height = 1080;
  return (guint) MAX (height - ABOVE_ROWS_HEIGHT, 0) / MIN_ROW_HEIGHT + 1;
}

/* Lets go of a handler on a frame clock, and of the clock. A window going
 * away takes its frame clock's handlers with it: the id may be stale. */
static void
clear_clock_handler (GdkFrameClock **clock,
                     gulong         *handler)
{
  if (*clock != NULL && *handler != 0 && g_signal_handler_is_connected (*clock, *handler))
    g_signal_handler_disconnect (*clock, *handler);
  *handler = 0;
  g_clear_object (clock);
}

static void
stop_waiting_for_paint (RapportTodayView *self)
{
  clear_clock_handler (&self->paint_clock, &self->after_paint_id);
  g_clear_handle_id (&self->rest_source, g_source_remove);
}

static void
make_rows (RapportTodayView *self,
           guint             up_to)
{
  guint n = self->agenda != NULL ? MIN (up_to, self->agenda->len) : 0;

  for (; self->rows_made < n; self->rows_made++)
    gtk_list_box_append (self->agenda_list,
                         rapport_agenda_row_new (g_ptr_array_index (self->agenda, self->rows_made)));
}

/* Every agenda row, for whatever needs the whole list now. */
static void
make_all_rows (RapportTodayView *self)
{
  stop_waiting_for_paint (self);
  make_rows (self, G_MAXUINT);
}

static gboolean
make_rest_cb (gpointer user_data)
{
  RapportTodayView *self = user_data;

  self->rest_source = 0;
  make_all_rows (self);
  return G_SOURCE_REMOVE;
}

/* Not inside the paint: the frame is on screen first, the rows follow. */
static void
after_first_paint_cb (GdkFrameClock    *clock,
                      RapportTodayView *self)
{
  self->painted = TRUE;
  clear_clock_handler (&self->paint_clock, &self->after_paint_id);
  if (self->rest_source == 0)
    self->rest_source = g_idle_add (make_rest_cb, self);
}

static void
wait_for_first_paint (RapportTodayView *self)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (clock == NULL || self->paint_clock != NULL || self->rest_source != 0 ||
      self->agenda == NULL || self->rows_made >= self->agenda->len)
    return;
  self->paint_clock = g_object_ref (clock);
  self->after_paint_id = g_signal_connect (clock, "after-paint",
                                           G_CALLBACK (after_first_paint_cb), self);
}

static void
focus_row (RapportTodayView *self,
           guint             fallback_index)
{
  GtkListBoxRow *row = NULL;
  guint n = self->agenda != NULL ? self->agenda->len : 0;
  guint index = fallback_index;

  if (self->focus_customer_id != NULL)
    find_entry (self, self->focus_customer_id, &index);
  g_clear_pointer (&self->focus_customer_id, g_free);
  if (n == 0)
    {
      /* The day is done: the focus stays in the view (Ctrl+Z still undoes
       * the last call), on the last call made. */
      GtkWidget *last = gtk_widget_get_last_child (GTK_WIDGET (self->calls_list));

      for (; last != NULL && !GTK_IS_LIST_BOX_ROW (last); last = gtk_widget_get_prev_sibling (last))
        ;
      if (last != NULL && gtk_widget_get_visible (GTK_WIDGET (self->calls_list)))
        gtk_widget_grab_focus (last);
      return;
    }
  if (index >= self->rows_made)
    make_all_rows (self);
  row = gtk_list_box_get_row_at_index (self->agenda_list, (int) MIN (index, n - 1));
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
}

static GtkAdjustment *
agenda_adjustment (RapportTodayView *self)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self->agenda_list), GTK_TYPE_SCROLLED_WINDOW);

  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
}

/* The customer of the agenda row that has the focus (or holds it), and the
 * row's place; NULL when the focus is elsewhere. */
static char *
focused_customer (RapportTodayView *self,
                  guint            *index)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, RAPPORT_TYPE_AGENDA_ROW) : NULL;

  if (row == NULL || gtk_widget_get_parent (row) != GTK_WIDGET (self->agenda_list))
    return NULL;
  *index = (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  return g_strdup (rapport_agenda_entry_get_customer_id (rapport_agenda_row_get_entry (RAPPORT_AGENDA_ROW (row))));
}

static void
stop_showing_focus (RapportTodayView *self)
{
  clear_clock_handler (&self->focus_clock, &self->focus_paint_id);
}

/* Scrolls as little as needed for the focused row to be in view. */
static void
show_focus_cb (GdkFrameClock    *clock,
               RapportTodayView *self)
{
  GtkAdjustment *adjustment = agenda_adjustment (self);
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (self->agenda_list), GTK_TYPE_SCROLLED_WINDOW);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, RAPPORT_TYPE_AGENDA_ROW) : NULL;
  graphene_rect_t bounds;
  double value = gtk_adjustment_get_value (adjustment);
  int height = gtk_widget_get_height (scrolled);

  stop_showing_focus (self);
  if (row == NULL || !gtk_widget_compute_bounds (row, scrolled, &bounds))
    return;
  if (bounds.origin.y < 0)
    gtk_adjustment_set_value (adjustment, value + bounds.origin.y);
  else if (bounds.origin.y + bounds.size.height > height)
    gtk_adjustment_set_value (adjustment, value + MIN (bounds.origin.y, bounds.origin.y + bounds.size.height - height));
}

/* Focusing a row that has no place yet scrolls the list to its top: the
 * list goes back to @scroll, and with @show_focus moves after the next
 * frame if the focused row is out of view. */
static void
keep_place (RapportTodayView *self,
            double            scroll,
            gboolean          show_focus)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  gtk_adjustment_set_value (agenda_adjustment (self), scroll);
  stop_showing_focus (self);
  if (clock == NULL || !show_focus)
    return;
  self->focus_clock = g_object_ref (clock);
  self->focus_paint_id = g_signal_connect (clock, "after-paint", G_CALLBACK (show_focus_cb), self);
  gdk_frame_clock_request_phase (clock, GDK_FRAME_CLOCK_PHASE_PAINT);
}

static void
reload (RapportTodayView *self)
{
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GHashTable) called = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;
  guint made = 0, total;
  /* A re-read of the same day (a change anywhere) keeps the place in the
   * list and the focus on the same customer, or on the one that took its
   * place; another day starts at its top. */
  gboolean same_day = g_date_valid (&self->shown_day) && g_date_compare (&self->shown_day, &self->day) == 0;
  double scroll = same_day ? gtk_adjustment_get_value (agenda_adjustment (self)) : 0;
  guint focused_index = 0;
  g_autofree char *focused_id = same_day ? focused_customer (self, &focused_index) : NULL;

  self->dirty = FALSE;
  self->shown_day = self->day;
  update_day_bar (self);
  stop_waiting_for_paint (self);
  self->rows_made = 0;
  clear_list (self->agenda_list);
  clear_list (self->calls_list);
  g_clear_pointer (&self->agenda, g_ptr_array_unref);

  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "agenda");
      return;
    }

  get_today (self, &today);
  agenda = rapport_store_get_agenda (self->store, &self->day, &error);
  if (agenda == NULL)
    {
      show_error (self, error->message);
      return;
    }
  calls = rapport_store_list_calls_on (self->store, &self->day, &error);
  if (calls == NULL)
    {
      show_error (self, error->message);
      g_clear_error (&error);
      calls = g_ptr_array_new_with_free_func (g_object_unref);
    }
  self->agenda = g_ptr_array_ref (agenda);

  if (self->painted)
    make_all_rows (self);
  else
    {
      make_rows (self, first_screen_rows (self));
      wait_for_first_paint (self);
    }

  /* "Made" counts customers whose call is done: a customer still on the
   * agenda after a call (a call back later today) is still to call. */
  called = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < calls->len; i++)
    {
      RapportCall *call = g_ptr_array_index (calls, i);
      const char *id = rapport_call_get_customer_id (call);

      gtk_list_box_append (self->calls_list, make_call_row (call));
      if (find_entry (self, id, NULL) == NULL && g_hash_table_add (called, (gpointer) id))
        made++;
    }
  total = made + agenda->len;

  g_clear_pointer (&self->progress_text, g_free);
  if (total > 0)
    /* Translators: "4 of 11 calls made" */
    self->progress_text = g_strdup_printf (g_dngettext (NULL, "%u of %u call made",
                                                        "%u of %u calls made", total),
                                           made, total);
  gtk_label_set_label (self->progress_label, self->progress_text ? self->progress_text : "");
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) made / total : 0.0);

  gtk_widget_set_visible (GTK_WIDGET (self->calls_heading), calls->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->calls_list), calls->len > 0);

  if (agenda->len == 0 && calls->len == 0)
    {
      update_empty_page (self, &today);
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    gtk_stack_set_visible_child_name (self->stack, "agenda");

  if (self->focus_customer_id != NULL && self->sheet == NULL)
    {
      focus_row (self, 0);
      /* After a call: the next one, in view. */
      if (same_day)
        keep_place (self, scroll, TRUE);
    }
  else if (focused_id != NULL && self->sheet == NULL)
    {
      self->focus_customer_id = g_steal_pointer (&focused_id);
      focus_row (self, focused_index);
      /* Where the person left it, even with the focus out of view. */
      keep_place (self, scroll, FALSE);
    }
  else if (same_day && scroll > 0)
    keep_place (self, scroll, FALSE);
  else if (agenda->len > 0 && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      /* A window that opens on the Today view starts on the first call, so
       * the keyboard can work through the list right away. */
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      if (root != NULL && gtk_root_get_focus (root) == NULL)
        gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->agenda_list, 0)));
    }
  /* Another day: from its top, the progress above its first call. */
  if (!same_day)
    gtk_adjustment_set_value (agenda_adjustment (self), 0);
}

static void
store_changed_cb (RapportTodayView *self)
{
  /* A hidden view reloads when it is shown again. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
  else
    self->dirty = TRUE;
}

/* Public ---------------------------------------------------------------------- */

static gboolean
midnight_cb (gpointer user_data)
{
  RapportTodayView *self = user_data;

  self->midnight_source = 0;
  rapport_today_view_check_today (self);
  return G_SOURCE_REMOVE;
}

/* A few seconds after the next local midnight. */
static void
schedule_midnight (RapportTodayView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) start = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now), 0, 0, 0);
  g_autoptr(GDateTime) next = g_date_time_add_days (start, 1);
  GTimeSpan wait = g_date_time_difference (next, now);

  g_clear_handle_id (&self->midnight_source, g_source_remove);
  self->midnight_source = g_timeout_add_seconds ((guint) MAX (wait / G_USEC_PER_SEC, 0) + 5, midnight_cb, self);
}

static void
window_active_cb (RapportTodayView *self)
{
  if (self->watched_window != NULL && gtk_window_is_active (self->watched_window))
    rapport_today_view_check_today (self);
}

static void
unwatch_window (RapportTodayView *self)
{
  if (self->watched_window != NULL)
    {
      g_clear_signal_handler (&self->active_id, self->watched_window);
      g_clear_weak_pointer (&self->watched_window);
    }
}

void
rapport_today_view_set_store (RapportTodayView *self,
                              RapportStore     *store)
{
  g_return_if_fail (RAPPORT_IS_TODAY_VIEW (self));
  g_return_if_fail (store == NULL || RAPPORT_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->sheet != NULL)
    gtk_window_destroy (GTK_WINDOW (self->sheet));
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    {
      g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
      rapport_store_get_today (store, &self->day);
      self->known_today = self->day;
      schedule_midnight (self);
    }
  reload (self);
}

void
rapport_today_view_check_today (RapportTodayView *self)
{
  GDate today;

  g_return_if_fail (RAPPORT_IS_TODAY_VIEW (self));

  if (self->store == NULL)
    return;
  get_today (self, &today);
  if (g_date_valid (&self->known_today) && g_date_compare (&today, &self->known_today) != 0)
    {
      gboolean was_on_today = g_date_compare (&self->day, &self->known_today) == 0;

      self->known_today = today;
      /* On yesterday's list: on to today's. On another day: it stays, and
       * the day bar learns which day is today. */
      if (was_on_today)
        rapport_today_view_set_day (self, &today);
      else
        update_day_bar (self);
    }
  else if (!g_date_valid (&self->known_today))
    self->known_today = today;
  schedule_midnight (self);
}

RapportStore *
rapport_today_view_get_store (RapportTodayView *self)
{
  g_return_val_if_fail (RAPPORT_IS_TODAY_VIEW (self), NULL);
  return self->store;
}

void
rapport_today_view_set_day (RapportTodayView *self,
                            const GDate      *day)
{
  g_return_if_fail (RAPPORT_IS_TODAY_VIEW (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  self->day = *day;
  reload (self);
}

void
rapport_today_view_get_day (RapportTodayView *self,
                            GDate            *out)
{
  g_return_if_fail (RAPPORT_IS_TODAY_VIEW (self));
  *out = self->day;
}

void
rapport_today_view_step_day (RapportTodayView *self,
                             int               days)
{
  GDate day;

  g_return_if_fail (RAPPORT_IS_TODAY_VIEW (self));

  day = self->day;
  if (days > 0)
    g_date_add_days (&day, (guint) days);
  else if (days < 0)
    g_date_subtract_days (&day, (guint) -days);
  rapport_today_view_set_day (self, &day);
}

GtkListBox *
rapport_today_view_get_agenda_list (RapportTodayView *self)
{
  g_return_val_if_fail (RAPPORT_IS_TODAY_VIEW (self), NULL);
  make_all_rows (self);
  return self->agenda_list;
}

GtkListBox *
rapport_today_view_get_calls_list (RapportTodayView *self)
{
  g_return_val_if_fail (RAPPORT_IS_TODAY_VIEW (self), NULL);
  return self->calls_list;
}

const char *
rapport_today_view_get_progress_text (RapportTodayView *self)
{
  g_return_val_if_fail (RAPPORT_IS_TODAY_VIEW (self), NULL);
  return self->progress_text;
}

const char *
rapport_today_view_get_page (RapportTodayView *self)
{
  g_return_val_if_fail (RAPPORT_IS_TODAY_VIEW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWindow *
rapport_today_view_get_call_sheet (RapportTodayView *self)
{
  g_return_val_if_fail (RAPPORT_IS_TODAY_VIEW (self), NULL);
  return self->sheet ? GTK_WINDOW (self->sheet) : NULL;
}

/* Moves ----------------------------------------------------------------------- */

static void
undo_move_cb (AdwToast         *toast,
              RapportTodayView *self)
{
  GPtrArray *snapshot = g_object_get_data (G_OBJECT (toast), "snapshot");
  RapportStore *store = g_object_get_data (G_OBJECT (toast), "store");
  g_autoptr(GError) error = NULL;

  if (!rapport_store_restore_due_dates (store, snapshot, &error))
    show_error (self, error->message);
}

gboolean
rapport_today_view_move_customer (RapportTodayView *self,
                                  const char       *customer_id,
                                  const GDate      *to)
{
  g_autoptr(GPtrArray) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *name = NULL;
  g_autofree char *day = NULL;
  g_autofree char *title = NULL;
  GDate today;

  g_return_val_if_fail (RAPPORT_IS_TODAY_VIEW (self), FALSE);
  g_return_val_if_fail (customer_id != NULL, FALSE);

  if (self->store == NULL)
    return FALSE;

  name = get_customer_name (self, customer_id);
  /* The due dates before the move are what Undo puts back. */
  snapshot = rapport_store_list_follow_ups (self->store, customer_id, FALSE, &error);
  if (snapshot == NULL || !rapport_store_move (self->store, customer_id, to, &error))
    {
      show_error (self, error->message);
      return FALSE;
    }

  get_today (self, &today);
  day = rapport_format_day (to, &today);
  /* Translators: "Call with Ada Lovelace moved to Tomorrow" or "… to Monday, 3 March" */
  title = g_strdup_printf (_("Call with %s moved: %s"), name, day);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "snapshot", g_ptr_array_ref (snapshot),
                          (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (toast), "store", g_object_ref (self->store), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_move_cb), self, 0);
  add_toast (self, toast);
  return TRUE;
}

typedef struct {
  RapportTodayView *self;
  gpointer          sheet;   /* compared, never used: it may be gone */
} SheetToClose;

static void
sheet_to_close_free (SheetToClose *close)
{
  g_object_unref (close->self);
  g_free (close);
}

static gboolean
close_sheet_cb (gpointer user_data)
{
  SheetToClose *close = user_data;

  if ((gpointer) close->self->sheet == close->sheet)
    close_sheet (close->self);
  return G_SOURCE_REMOVE;
}

static void
move_to_dialog_response_cb (AdwMessageDialog *dialog,
                            const char       *response,
                            RapportTodayView *self)
{
  GtkCalendar *calendar = GTK_CALENDAR (adw_message_dialog_get_extra_child (dialog));
  const char *customer_id = g_object_get_data (G_OBJECT (dialog), "customer-id");

  if (g_strcmp0 (response, "move") == 0)
    {
      g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);
      GDate to;

      g_date_clear (&to, 1);
      g_date_set_dmy (&to, (GDateDay) g_date_time_get_day_of_month (dt),
                      (GDateMonth) g_date_time_get_month (dt),
                      (GDateYear) g_date_time_get_year (dt));
      if (rapport_today_view_move_customer (self, customer_id, &to) && self->sheet != NULL
          && g_strcmp0 (rapport_call_sheet_get_customer_id (self->sheet), customer_id) == 0)
        {
          /* Not now: the dialog is the sheet's, and still answering. */
          SheetToClose *close = g_new (SheetToClose, 1);

          close->self = g_object_ref (self);
          close->sheet = self->sheet;
          g_idle_add_full (G_PRIORITY_HIGH_IDLE, close_sheet_cb, close,
                           (GDestroyNotify) sheet_to_close_free);
        }
    }
}

static GtkWindow *
get_dialog_parent (RapportTodayView *self)
{
  if (self->sheet != NULL)
    return GTK_WINDOW (self->sheet);
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

static void
ask_move_to (RapportTodayView *self,
             const char       *customer_id)
{
  g_autofree char *name = get_customer_name (self, customer_id);
  g_autoptr(GDateTime) tomorrow = NULL;
  GtkWidget *calendar;
  AdwMessageDialog *dialog;
  GDate today;

  get_tomorrow (self, &today);
  tomorrow = g_date_time_new_local (g_date_get_year (&today), g_date_get_month (&today),
                                    g_date_get_day (&today), 12, 0, 0);
  calendar = gtk_calendar_new ();
  gtk_calendar_select_day (GTK_CALENDAR (calendar), tomorrow);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_dialog_parent (self), _("Move the Call"), NULL));
  /* Translators: %s is a customer's name */
  adw_message_dialog_format_body (dialog, _("Choose the day to call %s instead."), name);
  adw_message_dialog_set_extra_child (dialog, calendar);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "move", _("_Move"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "move", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "move");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "customer-id", g_strdup (customer_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (move_to_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Moves count from the day shown, or from today when an earlier day is shown:
 * "tomorrow" on Thursday's list is Friday. */
static void
get_move_base (RapportTodayView *self,
               GDate            *out)
{
  get_today (self, out);
  if (g_date_compare (&self->day, out) > 0)
    *out = self->day;
}

/* The next business day. */
static void
get_tomorrow (RapportTodayView *self,
              GDate            *out)
{
  RapportRules rules;

  get_move_base (self, out);
  rapport_store_get_rules (self->store, &rules);
  rapport_date_add_business_days (out, 1, rules.business_days);
}

/* Next Monday, or the first business day after it. */
static void
get_next_week (RapportTodayView *self,
               GDate            *out)
{
  RapportRules rules;

  get_move_base (self, out);
  rapport_store_get_rules (self->store, &rules);
  g_date_add_days (out, 8 - g_date_get_weekday (out));
  rapport_date_forward_to_business_day (out, rules.business_days);
}

/* Call sheet ------------------------------------------------------------------ */

static void
undo_call_cb (AdwToast         *toast,
              RapportTodayView *self)
{
  const char *call_id = g_object_get_data (G_OBJECT (toast), "call-id");
  const char *customer_id = g_object_get_data (G_OBJECT (toast), "customer-id");
  RapportStore *store = g_object_get_data (G_OBJECT (toast), "store");
  g_autoptr(GError) error = NULL;

  /* The call undone is back on the list: the focus goes to it. */
  if (store == self->store && self->sheet == NULL)
    {
      g_free (self->focus_customer_id);
      self->focus_customer_id = g_strdup (customer_id);
    }
  if (!rapport_store_undo_call (store, call_id, &error))
    {
      g_clear_pointer (&self->focus_customer_id, g_free);
      show_error (self, error->message);
    }
}

static char *
next_customer_id (RapportTodayView *self,
                  const char       *customer_id)
{
  guint index;

  /* After the last row, the first: calls skipped earlier are still to
   * make; only the skipped call itself is not "next". */
  if (find_entry (self, customer_id, &index) && self->agenda->len > 1)
    return g_strdup (rapport_agenda_entry_get_customer_id (
      g_ptr_array_index (self->agenda, (index + 1) % self->agenda->len)));
  return NULL;
}

static void
close_sheet (RapportTodayView *self)
{
  if (self->sheet != NULL)
    gtk_window_destroy (GTK_WINDOW (self->sheet));
}

static void
sheet_logged_cb (RapportCallSheet *sheet,
                 const char       *call_id,
                 RapportTodayView *self)
{
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *title = NULL;
  RapportAgendaEntry *entry = rapport_call_sheet_get_entry (sheet);

  /* Translators: %s is a customer's name */
  title = g_strdup_printf (_("Call with %s logged"), rapport_agenda_entry_get_name (entry));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "call-id", g_strdup (call_id), g_free);
  g_object_set_data_full (G_OBJECT (toast), "customer-id",
                          g_strdup (rapport_agenda_entry_get_customer_id (entry)), g_free);
  g_object_set_data_full (G_OBJECT (toast), "store", g_object_ref (self->store), g_object_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_call_cb), self, 0);
  add_toast (self, toast);
  close_sheet (self);
}

static void
sheet_next_cb (RapportCallSheet *sheet,
               RapportTodayView *self)
{
  g_autofree char *next = next_customer_id (self, rapport_call_sheet_get_customer_id (sheet));

  close_sheet (self);
  if (next != NULL)
    rapport_today_view_open_call_sheet (self, next);
  else
    {
      g_autoptr(AdwToast) toast = adw_toast_new (_("That was the last call of the day"));
      add_toast (self, toast);
    }
}

static void
sheet_move_cb (RapportCallSheet *sheet,
               const char       *what,
               RapportTodayView *self)
{
  g_autofree char *customer_id = g_strdup (rapport_call_sheet_get_customer_id (sheet));
  GDate to;

  if (g_str_equal (what, "ask"))
    {
      ask_move_to (self, customer_id);
      return;
    }
  if (g_str_equal (what, "tomorrow"))
    get_tomorrow (self, &to);
  else if (g_str_equal (what, "next-week"))
    get_next_week (self, &to);
  else if (!rapport_date_parse (what, &to, NULL))
    return;
  if (rapport_today_view_move_customer (self, customer_id, &to))
    close_sheet (self);
}

static void
sheet_destroyed_cb (RapportTodayView *self,
                    GtkWidget        *sheet)
{
  double scroll;

  if ((GtkWidget *) self->sheet != sheet)
    return;
  scroll = gtk_adjustment_get_value (agenda_adjustment (self));
  self->sheet = NULL;
  /* The main window is active again: focus the next call, which took the
   * place of the one logged, without the list jumping. */
  focus_row (self, self->focus_index);
  keep_place (self, scroll, TRUE);
}

GtkWindow *
rapport_today_view_open_call_sheet (RapportTodayView *self,
                                    const char       *customer_id)
{
  RapportAgendaEntry *entry;
  GtkRoot *root;
  guint index = 0;

  g_return_val_if_fail (RAPPORT_IS_TODAY_VIEW (self), NULL);

  entry = find_entry (self, customer_id, &index);
  if (entry == NULL || self->store == NULL)
    return NULL;
  close_sheet (self);

  self->sheet = rapport_call_sheet_new (self->store, entry);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (self->sheet), GTK_WINDOW (root));
  gtk_window_set_modal (GTK_WINDOW (self->sheet), TRUE);

  /* Where the focus goes when the sheet closes: the call after this one once
   * it is logged or moved, this one when the sheet is cancelled. */
  g_free (self->focus_customer_id);
  self->focus_customer_id = g_strdup (customer_id);
  self->focus_index = index;
  g_signal_connect_object (self->sheet, "logged", G_CALLBACK (sheet_logged_cb), self, 0);
  g_signal_connect_object (self->sheet, "next", G_CALLBACK (sheet_next_cb), self, 0);
  g_signal_connect_object (self->sheet, "move", G_CALLBACK (sheet_move_cb), self, 0);
  g_signal_connect_object (self->sheet, "destroy", G_CALLBACK (sheet_destroyed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (self->sheet));
  return GTK_WINDOW (self->sheet);
}

/* Callbacks and actions ------------------------------------------------------- */

static void
agenda_row_activated_cb (RapportTodayView *self,
                         GtkListBoxRow    *row)
{
  if (RAPPORT_IS_AGENDA_ROW (row))
    rapport_today_view_open_call_sheet (self, rapport_agenda_row_get_customer_id (RAPPORT_AGENDA_ROW (row)));
}

static void
show_customer (RapportTodayView *self,
               const char       *customer_id)
{
  RapportWindow *window = get_window (self);

  if (window != NULL)
    rapport_window_show_customer (window, customer_id);
}

static void
call_row_activated_cb (RapportTodayView *self,
                       GtkListBoxRow    *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "customer-id");

  if (id != NULL)
    show_customer (self, id);
}

static void
calendar_day_selected_cb (RapportTodayView *self,
                          GtkCalendar      *calendar)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, (GDateDay) g_date_time_get_day_of_month (dt),
                  (GDateMonth) g_date_time_get_month (dt), (GDateYear) g_date_time_get_year (dt));
  gtk_popover_popdown (self->date_popover);
  rapport_today_view_set_day (self, &day);
}

static void
create_date_popover_cb (GtkMenuButton *button,
                        gpointer       user_data)
{
  RapportTodayView *self = user_data;

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  self->date_popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (self->date_popover, GTK_WIDGET (self->calendar));
  select_calendar_day (self);
  g_signal_connect_object (self->calendar, "day-selected",
                           G_CALLBACK (calendar_day_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_menu_button_set_popover (button, GTK_WIDGET (self->date_popover));
}

static void
day_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RapportTodayView *self = RAPPORT_TODAY_VIEW (widget);
  GDate today;

  if (g_str_equal (action_name, "today.previous-day"))
    rapport_today_view_step_day (self, -1);
  else if (g_str_equal (action_name, "today.next-day"))
    rapport_today_view_step_day (self, 1);
  else if (g_str_equal (action_name, "today.go-next-agenda-day"))
    {
      if (g_date_valid (&self->next_agenda_day))
        rapport_today_view_set_day (self, &self->next_agenda_day);
    }
  else
    {
      get_today (self, &today);
      rapport_today_view_set_day (self, &today);
    }
}

static void
dial_launched_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RapportTodayView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is why, from the system */
      message = g_strdup_printf (_("Cannot start a phone call: %s"), error->message);
      show_error (self, message);
    }
}

static void
dial_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportTodayView *self = RAPPORT_TODAY_VIEW (widget);
  g_autofree char *uri = rapport_phone_to_tel_uri (g_variant_get_string (parameter, NULL));
  g_autoptr(GAppLaunchContext) context = NULL;

  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (widget)));
  g_app_info_launch_default_for_uri_async (uri, context, NULL, dial_launched_cb, g_object_ref (self));
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportWindow *window = get_window (RAPPORT_TODAY_VIEW (widget));

  if (window != NULL)
    rapport_window_undo (window);
}

static void
customer_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RapportTodayView *self = RAPPORT_TODAY_VIEW (widget);
  const char *customer_id = g_variant_get_string (parameter, NULL);
  GDate to;

  if (self->store == NULL)
    return;
  if (g_str_equal (action_name, "today.open-call"))
    rapport_today_view_open_call_sheet (self, customer_id);
  else if (g_str_equal (action_name, "today.show-customer"))
    show_customer (self, customer_id);
  else if (g_str_equal (action_name, "today.move-to"))
    ask_move_to (self, customer_id);
  else
    {
      if (g_str_equal (action_name, "today.move-tomorrow"))
        get_tomorrow (self, &to);
      else
        get_next_week (self, &to);
      rapport_today_view_move_customer (self, customer_id, &to);
    }
}

/* GtkWidget ------------------------------------------------------------------- */

static void
rapport_today_view_unmap (GtkWidget *widget)
{
  /* A window shown again may paint with another clock. */
  stop_waiting_for_paint (RAPPORT_TODAY_VIEW (widget));
  stop_showing_focus (RAPPORT_TODAY_VIEW (widget));
  unwatch_window (RAPPORT_TODAY_VIEW (widget));
  GTK_WIDGET_CLASS (rapport_today_view_parent_class)->unmap (widget);
}

static void
rapport_today_view_map (GtkWidget *widget)
{
  RapportTodayView *self = RAPPORT_TODAY_VIEW (widget);

  GTK_WIDGET_CLASS (rapport_today_view_parent_class)->map (widget);
  wait_for_first_paint (self);
  unwatch_window (self);
  if (GTK_IS_WINDOW (gtk_widget_get_root (widget)))
    {
      g_set_weak_pointer (&self->watched_window, GTK_WINDOW (gtk_widget_get_root (widget)));
      self->active_id = g_signal_connect_swapped (self->watched_window, "notify::is-active",
                                                  G_CALLBACK (window_active_cb), self);
    }
  rapport_today_view_check_today (self);
  if (self->dirty)
    reload (self);
  else if (self->agenda != NULL && self->agenda->len > 0)
    {
      GtkRoot *root = gtk_widget_get_root (widget);

      if (root != NULL && gtk_root_get_focus (root) == NULL)
        gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->agenda_list, 0)));
    }
}

static void
rapport_today_view_dispose (GObject *object)
{
  RapportTodayView *self = RAPPORT_TODAY_VIEW (object);

  stop_waiting_for_paint (self);
  stop_showing_focus (self);
  unwatch_window (self);
  g_clear_handle_id (&self->midnight_source, g_source_remove);

  close_sheet (self);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_clear_object (&self->store);
  g_clear_pointer (&self->agenda, g_ptr_array_unref);
  g_clear_pointer (&self->progress_text, g_free);
  g_clear_pointer (&self->focus_customer_id, g_free);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  G_OBJECT_CLASS (rapport_today_view_parent_class)->dispose (object);
}

static void
rapport_today_view_class_init (RapportTodayViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_today_view_dispose;
  widget_class->map = rapport_today_view_map;
  widget_class->unmap = rapport_today_view_unmap;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportapp/Rapport/rapport-today-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportTodayView, box);
  gtk_widget_class_bind_template_child (widget_class, RapportTodayView, today_button);
  gtk_widget_class_bind_template_child (widget_class, RapportTodayView, date_button);
  gtk_widget_class_bind_template_child (widget_class, RapportTodayView, date_label);
  gtk_widget_class_bind_template_child (widget_class, RapportTodayView, date_short_label);
  gtk_widget_class_bind_template_child (widget_class, RapportTodayView, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportTodayView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, RapportTodayView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, RapportTodayView, agenda_list);
  gtk_widget_class_bind_template_child (widget_class, RapportTodayView, agenda_menu_button);
  gtk_widget_class_bind_template_child (widget_class, RapportTodayView, agenda_menu);
  gtk_widget_class_bind_template_child (widget_class, RapportTodayView, calls_heading);
  gtk_widget_class_bind_template_child (widget_class, RapportTodayView, calls_list);
  gtk_widget_class_bind_template_child (widget_class, RapportTodayView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, RapportTodayView, next_agenda_button);
  gtk_widget_class_bind_template_callback (widget_class, agenda_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, call_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "today.previous-day", NULL, day_action);
  gtk_widget_class_install_action (widget_class, "today.next-day", NULL, day_action);
  gtk_widget_class_install_action (widget_class, "today.go-today", NULL, day_action);
  gtk_widget_class_install_action (widget_class, "today.go-next-agenda-day", NULL, day_action);
  gtk_widget_class_install_action (widget_class, "today.dial", "s", dial_action);
  gtk_widget_class_install_action (widget_class, "today.undo", NULL, undo_action);
  /* Only while the focus is in the Today view, so that text fields elsewhere
   * keep their own Ctrl+Z. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "today.undo", NULL);
  gtk_widget_class_install_action (widget_class, "today.open-call", "s", customer_action);
  gtk_widget_class_install_action (widget_class, "today.show-customer", "s", customer_action);
  gtk_widget_class_install_action (widget_class, "today.move-tomorrow", "s", customer_action);
  gtk_widget_class_install_action (widget_class, "today.move-next-week", "s", customer_action);
  gtk_widget_class_install_action (widget_class, "today.move-to", "s", customer_action);
}

static void
rapport_today_view_init (RapportTodayView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_menu_button_set_create_popup_func (self->date_button, create_date_popover_cb, self, NULL);
  rapport_menu_button_set_menu_model_lazily (self->agenda_menu_button, self->agenda_menu);
  rapport_date_set_today (&self->day);
  g_date_clear (&self->next_agenda_day, 1);
  gtk_list_box_set_placeholder (self->agenda_list,
                                g_object_new (GTK_TYPE_LABEL,
                                              "label", _("Every call of the day is made."),
                                              "margin-top", 18, "margin-bottom", 18,
                                              "margin-start", 12, "margin-end", 12,
                                              "wrap", TRUE,
                                              "css-classes", (const char *[]) { "dim-label", NULL },
                                              NULL));
}

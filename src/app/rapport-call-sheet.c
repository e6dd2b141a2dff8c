/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-call-sheet"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-agenda-row.h"
#include "rapport-call-sheet.h"
#include "rapport-date.h"
#include "rapport-format.h"
#include "rapport-situation-badge.h"
#include "rapport-wrap-box.h"

struct _RapportCallSheet
{
  AdwWindow           parent_instance;

  RapportStore       *store;
  RapportAgendaEntry *entry;
  GDate               callback;
  guint               rating;
  char               *error;
  gboolean            discard_confirmed;
  /* What leaving the sheet was for, once "Discard" is confirmed: NULL to
   * close it, "" for the next call, else the move's target. */
  char               *leaving_for;
  gboolean            leaving;

  GtkToggleButton    *rating_toggles[5];

  /* Template widgets */
  AdwWindowTitle     *window_title;
  GtkLabel           *name_label;
  GtkLabel           *company_label;
  GtkButton          *phone_button;
  GtkLabel           *phone_label;
  GtkLabel           *phone_check_label;
  GtkBox             *why_box;
  AdwPreferencesGroup *history_group;
  GtkListBox         *history_list;
  AdwComboRow        *result_row;
  AdwActionRow       *callback_row;
  GtkMenuButton      *callback_button;
  GtkPopover         *callback_popover;
  GtkCalendar        *callback_calendar;
  AdwActionRow       *persists_row;
  GtkWidget          *persists_list;
  GtkSwitch          *persists_switch;
  GtkWidget          *rating_box;
  GtkBox             *rating_buttons;
  GtkTextView        *note_view;
  GtkLabel           *error_label;
  GtkWidget          *move_tomorrow_button;
};

enum {
  LOGGED,
  NEXT,
  MOVE,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (RapportCallSheet, rapport_call_sheet, ADW_TYPE_WINDOW)

/* What to ask, by situation, in the order of RapportSituation. */
static const char *prompts[RAPPORT_N_SITUATIONS][3] = {
  { N_("Was the action we took satisfactory?"),
    N_("Is anything about it still bothering you?"),
    N_("What could we have done better?") },
  { N_("Is everything working now?"),
    N_("Did our fix solve the whole problem?"),
    N_("Is there anything else that needs our attention?") },
  { N_("Is everything as you expected?"),
    N_("Do you have any questions about what we did?"),
    N_("Was our team easy to work with?") },
  { N_("Is there anything more we can do for you?"),
    N_("How has everything been since our last visit?"),
    N_("Is there something you would like us to change?") },
};

const char *
rapport_call_sheet_get_customer_id (RapportCallSheet *self)
{
  g_return_val_if_fail (RAPPORT_IS_CALL_SHEET (self), NULL);
  return rapport_agenda_entry_get_customer_id (self->entry);
}

RapportAgendaEntry *
rapport_call_sheet_get_entry (RapportCallSheet *self)
{
  g_return_val_if_fail (RAPPORT_IS_CALL_SHEET (self), NULL);
  return self->entry;
}

const char *
rapport_call_sheet_get_error (RapportCallSheet *self)
{
  g_return_val_if_fail (RAPPORT_IS_CALL_SHEET (self), NULL);
  return self->error;
}

static void
set_error (RapportCallSheet *self,
           const char       *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

RapportCallResult
rapport_call_sheet_get_result (RapportCallSheet *self)
{
  g_return_val_if_fail (RAPPORT_IS_CALL_SHEET (self), RAPPORT_RESULT_REACHED);
  return (RapportCallResult) adw_combo_row_get_selected (self->result_row);
}

void
rapport_call_sheet_set_result (RapportCallSheet  *self,
                               RapportCallResult  result)
{
  g_return_if_fail (RAPPORT_IS_CALL_SHEET (self));
  g_return_if_fail (result < RAPPORT_N_RESULTS);
  adw_combo_row_set_selected (self->result_row, result);
}

guint
rapport_call_sheet_get_rating (RapportCallSheet *self)
{
  g_return_val_if_fail (RAPPORT_IS_CALL_SHEET (self), 0);
  return self->rating;
}

void
rapport_call_sheet_set_rating (RapportCallSheet *self,
                               guint             rating)
{
  g_return_if_fail (RAPPORT_IS_CALL_SHEET (self));
  g_return_if_fail (rating <= 5);

  if (rating == 0)
    {
      for (guint i = 0; i < 5; i++)
        gtk_toggle_button_set_active (self->rating_toggles[i], FALSE);
      self->rating = 0;
      return;
    }
  gtk_toggle_button_set_active (self->rating_toggles[rating - 1], TRUE);
}

void
rapport_call_sheet_set_note (RapportCallSheet *self,
                             const char       *note)
{
  g_return_if_fail (RAPPORT_IS_CALL_SHEET (self));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), note ? note : "", -1);
}

static char *
get_note (RapportCallSheet *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strstrip (text);
}

gboolean
rapport_call_sheet_save (RapportCallSheet *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  g_autofree char *call_id = NULL;
  RapportCallInput input = { 0 };

  g_return_val_if_fail (RAPPORT_IS_CALL_SHEET (self), FALSE);

  note = get_note (self);
  input.result = rapport_call_sheet_get_result (self);
  if (input.result == RAPPORT_RESULT_REACHED)
    {
      input.satisfaction = self->rating;
      input.problem_persists = gtk_switch_get_active (self->persists_switch);
      if (self->rating == 0)
        {
          /* The core says so too; saying it here points at the buttons. */
          set_error (self, _("Choose how satisfied the customer is (1–5) before saving"));
          gtk_widget_grab_focus (GTK_WIDGET (self->rating_toggles[0]));
          return FALSE;
        }
    }
  if (input.result == RAPPORT_RESULT_CALLBACK)
    input.callback = &self->callback;
  input.note = note[0] != '\0' ? note : NULL;

  call_id = rapport_store_log_call (self->store, rapport_agenda_entry_get_customer_id (self->entry),
                                    &input, &error);
  if (call_id == NULL)
    {
      /* Nothing typed is lost: the sheet stays open with the reason. */
      set_error (self, error->message);
      return FALSE;
    }
  set_error (self, NULL);
  self->discard_confirmed = TRUE;
  g_signal_emit (self, signals[LOGGED], 0, call_id);
  return TRUE;
}

/* Building -------------------------------------------------------------------- */

static GtkWidget *
make_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static void
build_why (RapportCallSheet *self)
{
  GPtrArray *follow_ups = rapport_agenda_entry_get_follow_ups (self->entry);
  GDate today;

  rapport_store_get_today (self->store, &today);
  for (guint i = 0; follow_ups != NULL && i < follow_ups->len; i++)
    {
      RapportFollowUp *follow_up = g_ptr_array_index (follow_ups, i);
      RapportSituation situation = rapport_follow_up_get_situation (follow_up);
      const GDate *due = rapport_follow_up_get_due (follow_up);
      const char *note = rapport_follow_up_get_note (follow_up);
      GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
      GtkWidget *badge = rapport_situation_badge_new (situation);
      GtkWidget *prompts_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      guint attempts = rapport_follow_up_get_attempts (follow_up);

      gtk_widget_add_css_class (card, "card");
      gtk_widget_add_css_class (card, "why-card");
      gtk_widget_set_halign (badge, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (header), badge);
      if (g_date_valid (due))
        {
          g_autofree char *day = rapport_format_day (due, &today);
          g_autofree char *text = NULL;
          gint late = g_date_days_between (due, &today);

          if (late > 0)
            {
              g_autofree char *overdue = rapport_format_overdue ((guint) late);
              /* Translators: "Due Monday, 3 March (3 days overdue)" */
              text = g_strdup_printf (_("Due %s (%s)"), day, overdue);
            }
          else
            /* Translators: "Due Today" */
            text = g_strdup_printf (_("Due %s"), day);
          gtk_box_append (GTK_BOX (header), make_label (text, "caption"));
          gtk_widget_add_css_class (gtk_widget_get_last_child (header), "dim-label");
        }
      gtk_box_append (GTK_BOX (card), header);
      if (note != NULL && *note != '\0')
        gtk_box_append (GTK_BOX (card), make_label (note, NULL));
      if (attempts > 0)
        {
          g_autofree char *text = rapport_format_attempts (attempts);
          gtk_box_append (GTK_BOX (card), make_label (text, "caption"));
        }
      gtk_box_append (GTK_BOX (card), make_label (_("Ask:"), "caption-heading"));
      for (guint p = 0; p < G_N_ELEMENTS (prompts[situation]); p++)
        {
          /* Translators: a bullet before a question to ask */
          g_autofree char *text = g_strdup_printf (_("• %s"), _(prompts[situation][p]));
          gtk_box_append (GTK_BOX (prompts_box), make_label (text, "prompt"));
        }
      gtk_box_append (GTK_BOX (card), prompts_box);
      gtk_box_append (self->why_box, card);
    }
}

static void
build_history (RapportCallSheet *self)
{
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GError) error = NULL;
  GDate today;
  guint shown = 0;

  rapport_store_get_today (self->store, &today);
  calls = rapport_store_list_calls (self->store, rapport_agenda_entry_get_customer_id (self->entry), &error);
  if (calls == NULL)
    {
      g_warning ("Cannot list the calls: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->history_group), FALSE);
      return;
    }
  for (guint i = 0; i < calls->len && shown < 3; i++, shown++)
    {
      RapportCall *call = g_ptr_array_index (calls, i);
      g_autofree char *day = rapport_format_day (rapport_call_get_date (call), &today);
      g_autofree char *outcome = rapport_format_call_outcome (call);
      g_autofree char *title = g_strdup_printf ("%s · %s", day, outcome);
      const char *note = rapport_call_get_note (call);
      const char *staff = rapport_call_get_staff (call);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (note != NULL && *note != '\0' && staff != NULL && *staff != '\0')
        /* Translators: a call's note, then who called */
        subtitle = g_strdup_printf (_("%s (by %s)"), note, staff);
      else if (note != NULL && *note != '\0')
        subtitle = g_strdup (note);
      else if (staff != NULL && *staff != '\0')
        /* Translators: who made a call */
        subtitle = g_strdup_printf (_("By %s"), staff);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
      gtk_list_box_append (self->history_list, row);
    }
  if (shown == 0)
    adw_preferences_group_set_description (self->history_group, _("This is the first call."));
  gtk_widget_set_visible (GTK_WIDGET (self->history_list), shown > 0);
}

static void
build_customer (RapportCallSheet *self)
{
  const char *company = rapport_agenda_entry_get_company (self->entry);
  const char *phone = rapport_agenda_entry_get_phone (self->entry);

  adw_window_title_set_title (self->window_title, rapport_agenda_entry_get_name (self->entry));
  adw_window_title_set_subtitle (self->window_title, company ? company : "");
  gtk_window_set_title (GTK_WINDOW (self), rapport_agenda_entry_get_name (self->entry));
  gtk_label_set_label (self->name_label, rapport_agenda_entry_get_name (self->entry));
  gtk_label_set_label (self->company_label, company ? company : "");
  gtk_widget_set_visible (GTK_WIDGET (self->company_label), company != NULL && *company != '\0');
  if (phone != NULL && *phone != '\0')
    {
      /* Translators: %s is a phone number */
      g_autofree char *tooltip = g_strdup_printf (_("Call %s"), phone);

      gtk_label_set_label (self->phone_label, phone);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->phone_button), tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->phone_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
    }
  else
    {
      gtk_label_set_label (self->phone_label, _("No phone number"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->phone_button), FALSE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->phone_check_label),
                          rapport_agenda_entry_get_phone_needs_check (self->entry));
}

static void
update_callback_label (RapportCallSheet *self)
{
  g_autofree char *label = NULL;
  GDate today;

  RapportRules rules;

  rapport_store_get_today (self->store, &today);
  rapport_store_get_rules (self->store, &rules);
  label = rapport_format_day (&self->callback, &today);
  gtk_menu_button_set_label (self->callback_button, label);
  /* Allowed (the customer asked for it), but said: nobody may be in. */
  adw_action_row_set_subtitle (self->callback_row,
                               rapport_date_is_business_day (&self->callback, rules.business_days)
                               ? "" : _("Not a business day"));
}

RapportCallSheet *
rapport_call_sheet_new (RapportStore       *store,
                        RapportAgendaEntry *entry)
{
  RapportCallSheet *self;
  g_autoptr(GDateTime) dt = NULL;
  RapportRules rules;
  GDate today;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);
  g_return_val_if_fail (RAPPORT_IS_AGENDA_ENTRY (entry), NULL);

  self = g_object_new (RAPPORT_TYPE_CALL_SHEET, NULL);
  self->store = g_object_ref (store);
  self->entry = g_object_ref (entry);

  /* A call back defaults to the next business day. */
  rapport_store_get_today (store, &today);
  rapport_store_get_rules (store, &rules);
  self->callback = today;
  rapport_date_add_business_days (&self->callback, 1, rules.business_days);
  dt = g_date_time_new_local (g_date_get_year (&self->callback), g_date_get_month (&self->callback),
                              g_date_get_day (&self->callback), 12, 0, 0);
  g_signal_handlers_block_matched (self->callback_calendar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_calendar_select_day (self->callback_calendar, dt);
  g_signal_handlers_unblock_matched (self->callback_calendar, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  update_callback_label (self);

  build_customer (self);
  build_why (self);
  build_history (self);

  /* Start where the call starts: on the phone button (Enter dials), not on
   * Cancel. */
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->phone_button)))
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->phone_button));
  else
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->result_row));
  return self;
}

/* Callbacks ------------------------------------------------------------------- */

static void
result_changed_cb (RapportCallSheet *self)
{
  RapportCallResult result = rapport_call_sheet_get_result (self);

  gtk_widget_set_visible (self->rating_box, result == RAPPORT_RESULT_REACHED);
  gtk_widget_set_visible (self->persists_list, result == RAPPORT_RESULT_REACHED);
  gtk_widget_set_visible (GTK_WIDGET (self->callback_row), result == RAPPORT_RESULT_CALLBACK);
  set_error (self, NULL);
}

static void
callback_day_selected_cb (RapportCallSheet *self,
                          GtkCalendar      *calendar)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (calendar);

  g_date_clear (&self->callback, 1);
  g_date_set_dmy (&self->callback, (GDateDay) g_date_time_get_day_of_month (dt),
                  (GDateMonth) g_date_time_get_month (dt), (GDateYear) g_date_time_get_year (dt));
  update_callback_label (self);
  gtk_popover_popdown (self->callback_popover);
}

static void
rating_toggled_cb (RapportCallSheet *self,
                   GtkToggleButton  *button)
{
  guint rating = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "rating"));

  if (gtk_toggle_button_get_active (button))
    {
      self->rating = rating;
      set_error (self, NULL);
    }
  else if (self->rating == rating)
    self->rating = 0;
}

static void
leave (RapportCallSheet *self)
{
  g_autofree char *target = g_steal_pointer (&self->leaving_for);

  self->leaving = FALSE;
  if (target == NULL)
    gtk_window_close (GTK_WINDOW (self));
  else if (target[0] == '\0')
    g_signal_emit (self, signals[NEXT], 0);
  else
    g_signal_emit (self, signals[MOVE], 0, target);
}

static gboolean
leave_cb (gpointer self)
{
  leave (self);
  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     RapportCallSheet *self)
{
  if (g_strcmp0 (response, "discard") == 0)
    {
      self->discard_confirmed = TRUE;
      /* Not while the dialog answers: leaving may destroy the sheet, and
       * its dialogs with it. */
      g_idle_add_full (G_PRIORITY_HIGH_IDLE, leave_cb, g_object_ref (self), g_object_unref);
    }
  else
    {
      self->leaving = FALSE;
      g_clear_pointer (&self->leaving_for, g_free);
    }
}

/* Leaves the sheet (see leaving_for) at once, or after asking when a note or
 * rating would be lost: what was typed is never dropped silently, whether
 * the sheet is closed, skipped for the next call or its call moved. */
static void
leave_or_ask (RapportCallSheet *self,
              const char       *leaving_for)
{
  g_autofree char *note = get_note (self);
  AdwMessageDialog *dialog;

  if (self->leaving)
    return;
  self->leaving = TRUE;
  self->leaving_for = g_strdup (leaving_for);
  if (self->discard_confirmed || (note[0] == '\0' && self->rating == 0))
    {
      leave (self);
      return;
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Discard This Call’s Outcome?"),
                                                       _("The note and rating you entered will be lost.")));
  adw_message_dialog_add_responses (dialog, "keep", _("_Keep Editing"), "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
rapport_call_sheet_close_request (GtkWindow *window)
{
  RapportCallSheet *self = RAPPORT_CALL_SHEET (window);
  g_autofree char *note = get_note (self);

  if (!self->discard_confirmed && (note[0] != '\0' || self->rating != 0))
    {
      leave_or_ask (self, NULL);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (rapport_call_sheet_parent_class)->close_request (window);
}

/* Actions --------------------------------------------------------------------- */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  rapport_call_sheet_save (RAPPORT_CALL_SHEET (widget));
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  leave_or_ask (RAPPORT_CALL_SHEET (widget), "");
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  leave_or_ask (RAPPORT_CALL_SHEET (widget), g_variant_get_string (parameter, NULL));
}

static void
rate_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportCallSheet *self = RAPPORT_CALL_SHEET (widget);
  int rating = g_variant_get_int32 (parameter);

  /* A rating means the customer was reached. */
  if (rapport_call_sheet_get_result (self) != RAPPORT_RESULT_REACHED)
    rapport_call_sheet_set_result (self, RAPPORT_RESULT_REACHED);
  if (rating >= 1 && rating <= 5)
    {
      rapport_call_sheet_set_rating (self, (guint) rating);
      /* The key pressed shows: the chosen button takes the focus, and the
       * sheet scrolls to it when it was out of view. (Typing a digit in the
       * note never gets here.) */
      gtk_widget_grab_focus (GTK_WIDGET (self->rating_toggles[rating - 1]));
    }
}

static void
dial_launched_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(RapportCallSheet) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s is why, from the system */
      message = g_strdup_printf (_("Cannot start a phone call: %s"), error->message);
      set_error (self, message);
    }
}

static void
dial_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportCallSheet *self = RAPPORT_CALL_SHEET (widget);
  g_autofree char *uri = rapport_phone_to_tel_uri (rapport_agenda_entry_get_phone (self->entry));
  g_autoptr(GAppLaunchContext) context = NULL;

  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (widget)));
  g_app_info_launch_default_for_uri_async (uri, context, NULL, dial_launched_cb, g_object_ref (self));
}

/* GObject --------------------------------------------------------------------- */

static void
rapport_call_sheet_dispose (GObject *object)
{
  RapportCallSheet *self = RAPPORT_CALL_SHEET (object);

  g_clear_object (&self->store);
  g_clear_object (&self->entry);
  g_clear_pointer (&self->error, g_free);
  g_clear_pointer (&self->leaving_for, g_free);
  G_OBJECT_CLASS (rapport_call_sheet_parent_class)->dispose (object);
}

static void
rapport_call_sheet_class_init (RapportCallSheetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rapport_call_sheet_dispose;
  window_class->close_request = rapport_call_sheet_close_request;

  g_type_ensure (RAPPORT_TYPE_WRAP_BOX);

  /**
   * RapportCallSheet::logged:
   * @call_id: the new call
   *
   * The call was logged; the sheet is done.
   */
  signals[LOGGED] = g_signal_new ("logged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * RapportCallSheet::next:
   *
   * Skip to the next call of the day without logging this one.
   */
  signals[NEXT] = g_signal_new ("next", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * RapportCallSheet::move:
   * @what: "tomorrow", "next-week" or "ask"
   *
   * Move this call to another day without logging an attempt.
   */
  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportapp/Rapport/rapport-call-sheet.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportCallSheet, window_title);
  gtk_widget_class_bind_template_child (widget_class, RapportCallSheet, name_label);
  gtk_widget_class_bind_template_child (widget_class, RapportCallSheet, company_label);
  gtk_widget_class_bind_template_child (widget_class, RapportCallSheet, phone_button);
  gtk_widget_class_bind_template_child (widget_class, RapportCallSheet, phone_label);
  gtk_widget_class_bind_template_child (widget_class, RapportCallSheet, phone_check_label);
  gtk_widget_class_bind_template_child (widget_class, RapportCallSheet, why_box);
  gtk_widget_class_bind_template_child (widget_class, RapportCallSheet, history_group);
  gtk_widget_class_bind_template_child (widget_class, RapportCallSheet, history_list);
  gtk_widget_class_bind_template_child (widget_class, RapportCallSheet, result_row);
  gtk_widget_class_bind_template_child (widget_class, RapportCallSheet, callback_row);
  gtk_widget_class_bind_template_child (widget_class, RapportCallSheet, callback_button);
  gtk_widget_class_bind_template_child (widget_class, RapportCallSheet, callback_popover);
  gtk_widget_class_bind_template_child (widget_class, RapportCallSheet, callback_calendar);
  gtk_widget_class_bind_template_child (widget_class, RapportCallSheet, persists_row);
  gtk_widget_class_bind_template_child (widget_class, RapportCallSheet, persists_list);
  gtk_widget_class_bind_template_child (widget_class, RapportCallSheet, persists_switch);
  gtk_widget_class_bind_template_child (widget_class, RapportCallSheet, rating_box);
  gtk_widget_class_bind_template_child (widget_class, RapportCallSheet, rating_buttons);
  gtk_widget_class_bind_template_child (widget_class, RapportCallSheet, note_view);
  gtk_widget_class_bind_template_child (widget_class, RapportCallSheet, error_label);
  gtk_widget_class_bind_template_child (widget_class, RapportCallSheet, move_tomorrow_button);
  gtk_widget_class_bind_template_callback (widget_class, result_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, callback_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "sheet.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "sheet.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "sheet.move", "s", move_action);
  gtk_widget_class_install_action (widget_class, "sheet.rate", "i", rate_action);
  gtk_widget_class_install_action (widget_class, "sheet.dial", NULL, dial_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  /* Digits rate; inside the note they are typed, as the text view takes them first. */
  for (int i = 1; i <= 5; i++)
    {
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0 + i, 0, "sheet.rate", "i", i);
      gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0 + i, 0, "sheet.rate", "i", i);
    }
}

static void
rapport_call_sheet_init (RapportCallSheet *self)
{
  g_autoptr(GtkStringList) results = gtk_string_list_new (NULL);
  GtkEventController *shortcuts;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Ctrl+Enter saves even from inside the note, whose text view would
   * otherwise take it as a new line: so it is caught on the way down. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                                                          gtk_named_action_new ("sheet.save")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  for (RapportCallResult r = 0; r < RAPPORT_N_RESULTS; r++)
    gtk_string_list_append (results, rapport_call_result_to_label (r));
  adw_combo_row_set_model (self->result_row, G_LIST_MODEL (results));
  adw_combo_row_set_selected (self->result_row, RAPPORT_RESULT_REACHED);

  for (guint i = 0; i < 5; i++)
    {
      GtkWidget *button = gtk_toggle_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *icon = gtk_image_new_from_icon_name (rapport_rating_icon_name (i + 1));
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *accessible = NULL;
      GtkWidget *label;

      gtk_image_set_icon_size (GTK_IMAGE (icon), GTK_ICON_SIZE_LARGE);
      gtk_box_append (GTK_BOX (box), icon);
      label = make_label (number, "rating-number");
      gtk_label_set_xalign (GTK_LABEL (label), 0.5);
      gtk_box_append (GTK_BOX (box), label);
      label = make_label (rapport_rating_to_label (i + 1), "caption");
      gtk_label_set_xalign (GTK_LABEL (label), 0.5);
      gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
      gtk_box_append (GTK_BOX (box), label);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "rating-button");
      /* Translators: "4 — Happy", for screen readers */
      accessible = g_strdup_printf (_("%u — %s"), i + 1, rapport_rating_to_label (i + 1));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
      g_object_set_data (G_OBJECT (button), "rating", GUINT_TO_POINTER (i + 1));
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->rating_toggles[0]);
      g_signal_connect_object (button, "toggled", G_CALLBACK (rating_toggled_cb), self, G_CONNECT_SWAPPED);
      gtk_box_append (self->rating_buttons, button);
      self->rating_toggles[i] = GTK_TOGGLE_BUTTON (button);
    }
  result_changed_cb (self);
}

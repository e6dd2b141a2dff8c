/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-customer-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-call-row.h"
#include "rapport-customer-page-private.h"
#include "rapport-date.h"
#include "rapport-error.h"
#include "rapport-follow-up-row.h"
#include "rapport-format.h"

/* Long enough not to write on every key press, short enough that a person who
 * switches away right after typing has already been saved. */
#define SAVE_DELAY_MS 600
/* The history shows the most recent calls; older ones are in the CLI export. */
#define MAX_CALL_ROWS 100

G_DEFINE_FINAL_TYPE (RapportCustomerPage, rapport_customer_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CUSTOMER_ID,
  N_PROPS
};

enum {
  TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void reload (RapportCustomerPage *self);

void
_rapport_customer_page_toast (RapportCustomerPage *self,
                              const char          *message)
{
  g_signal_emit (self, signals[TOAST], 0, message);
}

static GtkWidget *
field_widget (RapportCustomerPage *self,
              Field                field)
{
  switch (field)
    {
    case FIELD_NAME: return GTK_WIDGET (self->name_row);
    case FIELD_COMPANY: return GTK_WIDGET (self->company_row);
    case FIELD_PHONE: return GTK_WIDGET (self->phone_row);
    case FIELD_EMAIL: return GTK_WIDGET (self->email_row);
    case FIELD_SINCE: return GTK_WIDGET (self->since_row);
    case FIELD_CADENCE: return GTK_WIDGET (self->cadence_row);
    case FIELD_NOTES: return GTK_WIDGET (self->notes_view);
    case N_FIELDS:
    default: g_return_val_if_reached (NULL);
    }
}

static char *
get_notes_text (RapportCustomerPage *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* Why the field's current text cannot be saved, or NULL when it can. */
static char *
check_field (RapportCustomerPage *self,
             Field                field)
{
  g_autofree char *stripped = NULL;
  const char *text;

  switch (field)
    {
    case FIELD_NAME:
      text = entry_text (self->name_row);
      stripped = g_strstrip (g_strdup (text));
      if (*stripped == '\0')
        return g_strdup (_("A customer needs a name: the old one is kept until you type a new one."));
      if (g_utf8_strlen (text, -1) > 200)
        return g_strdup (_("The name is longer than 200 characters."));
      return NULL;

    case FIELD_PHONE:
      text = entry_text (self->phone_row);
      if (*text != '\0' && !rapport_phone_is_valid (text))
        /* Translators: %s is what was typed in the phone field */
        return g_strdup_printf (_("“%s” is not a phone number: use digits, spaces, dashes and an optional leading +."),
                                text);
      return NULL;

    case FIELD_EMAIL:
      text = entry_text (self->email_row);
      if (*text != '\0' && !rapport_email_is_valid (text))
        /* Translators: %s is what was typed in the email field */
        return g_strdup_printf (_("“%s” is not an email address, such as name@example.com."), text);
      return NULL;

    case FIELD_SINCE:
      {
        GDate date;

        stripped = g_strstrip (g_strdup (entry_text (self->since_row)));
        /* Follow-ups count from it: every customer has one. */
        if (*stripped == '\0')
          return g_strdup (_("A customer needs a first service date: the old one is kept until you type a new one."));
        if (!rapport_date_parse (stripped, &date, NULL))
          /* Translators: %s is what was typed in the date field */
          return g_strdup_printf (_("“%s” is not a date: write the first service date as YYYY-MM-DD, such as 2025-03-14."),
                                  stripped);
        return NULL;
      }

    case FIELD_COMPANY:
    case FIELD_CADENCE:
    case FIELD_NOTES:
      return NULL;

    case N_FIELDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
update_problems (RapportCustomerPage *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint f = 0; f < N_FIELDS; f++)
    {
      GtkWidget *widget = field_widget (self, f);

      if (self->problem[f] != NULL)
        {
          gtk_widget_add_css_class (widget, "error");
          gtk_widget_set_tooltip_text (widget, self->problem[f]);
          gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                                       GTK_ACCESSIBLE_INVALID_TRUE, -1);
          if (text->len)
            g_string_append_c (text, '\n');
          g_string_append (text, self->problem[f]);
        }
      else
        {
          gtk_widget_remove_css_class (widget, "error");
          gtk_widget_set_tooltip_text (widget, NULL);
          gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
        }
    }
  gtk_label_set_text (self->field_error_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->field_error_label), text->len > 0);
}

static void
set_problem (RapportCustomerPage *self,
             Field                field,
             char                *problem)
{
  g_free (self->problem[field]);
  self->problem[field] = problem;
  update_problems (self);
}

static guint
default_cadence (RapportCustomerPage *self)
{
  RapportRules rules;

  rapport_store_get_rules (self->store, &rules);
  return rules.default_cadence;
}

/* Copies every valid changed field onto a copy of the customer and writes it. */
static gboolean
save_now (RapportCustomerPage *self)
{
  g_autoptr(RapportCustomer) copy = NULL;
  g_autoptr(GError) error = NULL;
  gboolean changed = FALSE;
  gboolean all_valid = TRUE;
  gboolean saved[N_FIELDS] = { FALSE };

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->customer == NULL || self->store == NULL)
    return TRUE;

  copy = rapport_customer_copy (self->customer);
  for (guint f = 0; f < N_FIELDS; f++)
    {
      g_autofree char *stripped = NULL;

      if (!self->dirty[f])
        continue;
      if (self->problem[f] != NULL)
        {
          all_valid = FALSE;
          continue;
        }
      switch ((Field) f)
        {
        case FIELD_NAME:
          stripped = g_strstrip (g_strdup (entry_text (self->name_row)));
          rapport_customer_set_name (copy, stripped);
          break;
        case FIELD_COMPANY:
          stripped = g_strstrip (g_strdup (entry_text (self->company_row)));
          rapport_customer_set_company (copy, stripped);
          break;
        case FIELD_PHONE:
          stripped = g_strstrip (g_strdup (entry_text (self->phone_row)));
          rapport_customer_set_phone (copy, stripped);
          break;
        case FIELD_EMAIL:
          stripped = g_strstrip (g_strdup (entry_text (self->email_row)));
          rapport_customer_set_email (copy, stripped);
          break;
        case FIELD_SINCE:
          {
            GDate date;

            stripped = g_strstrip (g_strdup (entry_text (self->since_row)));
            if (rapport_date_parse (stripped, &date, NULL))
              rapport_customer_set_since (copy, &date);
          }
          break;
        case FIELD_CADENCE:
          rapport_customer_set_cadence_days (copy, (guint) gtk_spin_button_get_value_as_int (self->cadence_spin));
          break;
        case FIELD_NOTES:
          stripped = get_notes_text (self);
          rapport_customer_set_notes (copy, stripped);
          break;
        case N_FIELDS:
        default:
          g_assert_not_reached ();
        }
      saved[f] = TRUE;
      changed = TRUE;
    }

  if (!changed)
    return all_valid;

  /* Cleared before writing: the store's "changed" reloads the page, which must
   * then show what was saved. */
  for (guint f = 0; f < N_FIELDS; f++)
    if (saved[f])
      self->dirty[f] = FALSE;

  if (!rapport_store_update_customer (self->store, copy, &error))
    {
      for (guint f = 0; f < N_FIELDS; f++)
        if (saved[f])
          self->dirty[f] = TRUE;
      if (g_error_matches (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID))
        {
          gtk_label_set_text (self->field_error_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->field_error_label), TRUE);
        }
      else
        {
          /* Translators: %s says why, from the database */
          g_autofree char *message = g_strdup_printf (_("The changes could not be saved: %s"),
                                                      error->message);
          _rapport_customer_page_toast (self, message);
        }
      return FALSE;
    }
  return all_valid;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  RapportCustomerPage *self = user_data;

  self->save_id = 0;
  save_now (self);
  return G_SOURCE_REMOVE;
}

static void
field_changed (RapportCustomerPage *self,
               Field                field)
{
  if (self->loading || self->customer == NULL)
    return;
  self->dirty[field] = TRUE;
  set_problem (self, field, check_field (self, field));
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
entry_changed_cb (AdwEntryRow         *row,
                  RapportCustomerPage *self)
{
  for (guint f = 0; f < N_FIELDS; f++)
    if (field_widget (self, f) == GTK_WIDGET (row))
      field_changed (self, f);
}

static void
cadence_changed_cb (GtkSpinButton       *spin,
                    RapportCustomerPage *self)
{
  field_changed (self, FIELD_CADENCE);
}

static void
notes_changed_cb (GtkTextBuffer       *buffer,
                  RapportCustomerPage *self)
{
  field_changed (self, FIELD_NOTES);
}

static void
save_now_cb (RapportCustomerPage *self)
{
  if (self->save_id != 0)
    save_now (self);
}

static void
connect_field_focus (RapportCustomerPage *self,
                     GtkWidget           *widget)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  g_signal_connect_object (focus, "leave", G_CALLBACK (save_now_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (widget, focus);
}

/* Whether a field showing @shown holds @stored: values are saved without
 * their outer spaces, and a field saved while someone types in it ("Ada "
 * before "King") must keep its space and its cursor, not be set again. */
static gboolean
shows_stored (const char *shown,
              const char *stored)
{
  g_autofree char *stripped = g_strstrip (g_strdup (shown));

  return g_strcmp0 (stripped, stored ? stored : "") == 0;
}

/* Puts @text into a field unless the person is changing that field. */
static void
load_entry (RapportCustomerPage *self,
            Field                field,
            const char          *text)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (field_widget (self, field));

  if (self->dirty[field])
    return;
  if (!shows_stored (entry_text (row), text))
    gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static void
load_fields (RapportCustomerPage *self)
{
  RapportCustomer *c = self->customer;
  const char *company = rapport_customer_get_company (c);
  g_autofree char *since = NULL;

  self->loading = TRUE;

  gtk_label_set_text (self->title_label, rapport_customer_get_name (c));
  gtk_label_set_text (self->subtitle_label, company ? company : "");
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), company && *company);
  gtk_widget_set_visible (self->phone_check_box, rapport_customer_get_phone_needs_check (c));

  load_entry (self, FIELD_NAME, rapport_customer_get_name (c));
  load_entry (self, FIELD_COMPANY, company);
  load_entry (self, FIELD_PHONE, rapport_customer_get_phone (c));
  load_entry (self, FIELD_EMAIL, rapport_customer_get_email (c));
  if (g_date_valid (rapport_customer_get_since (c)))
    since = rapport_date_to_iso (rapport_customer_get_since (c));
  load_entry (self, FIELD_SINCE, since);

  if (!self->dirty[FIELD_CADENCE])
    {
      guint cadence = rapport_customer_get_cadence_days (c);
      g_autofree char *subtitle = NULL;

      gtk_spin_button_set_value (self->cadence_spin, cadence ? cadence : default_cadence (self));
      if (cadence == 0)
        /* Translators: the cadence row's subtitle when the customer uses the default */
        subtitle = g_strdup_printf (_("Days between regular calls (the default, %u)"), default_cadence (self));
      adw_action_row_set_subtitle (self->cadence_row,
                                   subtitle ? subtitle : _("Days between regular calls"));
    }

  if (!self->dirty[FIELD_NOTES])
    {
      g_autofree char *notes = get_notes_text (self);
      const char *stored = rapport_customer_get_notes (c);

      if (!shows_stored (notes, stored))
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), stored ? stored : "", -1);
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.call",
                                 rapport_phone_is_valid (rapport_customer_get_phone (c)));
  self->loading = FALSE;
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  /* Row by row, so that the placeholder stays. */
  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static void
load_follow_ups_and_calls (RapportCustomerPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) follow_ups = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  RapportRules rules;
  GDate today;

  clear_list (self->follow_ups_list);
  clear_list (self->calls_list);

  rapport_store_get_today (self->store, &today);
  rapport_store_get_rules (self->store, &rules);

  follow_ups = rapport_store_list_follow_ups (self->store, self->customer_id, FALSE, &error);
  if (follow_ups == NULL)
    {
      _rapport_customer_page_toast (self, error->message);
      g_clear_error (&error);
    }
  for (guint i = 0; follow_ups != NULL && i < follow_ups->len; i++)
    gtk_list_box_append (self->follow_ups_list,
                         rapport_follow_up_row_new (g_ptr_array_index (follow_ups, i), &today,
                                                    rules.business_days));

  calls = rapport_store_list_calls (self->store, self->customer_id, &error);
  if (calls == NULL)
    _rapport_customer_page_toast (self, error->message);
  for (guint i = 0; calls != NULL && i < MIN (calls->len, MAX_CALL_ROWS); i++)
    gtk_list_box_append (self->calls_list, rapport_call_row_new (g_ptr_array_index (calls, i), &today));
  if (calls != NULL && calls->len > 0)
    {
      g_autofree char *description =
        g_strdup_printf (g_dngettext (NULL, "%u call, newest first", "%u calls, newest first", calls->len),
                         calls->len);
      adw_preferences_group_set_description (self->calls_group, description);
    }
  else
    adw_preferences_group_set_description (self->calls_group, NULL);
}

static void
reload (RapportCustomerPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportCustomer) customer = NULL;

  if (self->customer_id == NULL || self->store == NULL)
    return;

  customer = rapport_store_get_customer (self->store, self->customer_id, &error);
  if (customer == NULL)
    {
      /* Deleted (here or by another program): there is nothing left to show. */
      if (!g_error_matches (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND))
        {
          _rapport_customer_page_toast (self, error->message);
          return;
        }
      g_clear_object (&self->customer);
      rapport_customer_page_set_customer_id (self, NULL);
      return;
    }
  g_set_object (&self->customer, customer);
  load_fields (self);
  load_follow_ups_and_calls (self);
}

static void
store_changed_cb (RapportStore        *store,
                  RapportCustomerPage *self)
{
  reload (self);
}

/* Leaving a customer with a value that cannot be saved: say what is lost. */
static void
report_unsaved (RapportCustomerPage *self)
{
  for (guint f = 0; f < N_FIELDS; f++)
    if (self->dirty[f] && self->problem[f] != NULL)
      {
        /* Translators: %s is the customer's name, then why a change was not saved */
        g_autofree char *message = g_strdup_printf (_("A change to %s was not saved: %s"),
                                                    rapport_customer_get_name (self->customer),
                                                    self->problem[f]);
        _rapport_customer_page_toast (self, message);
        return;
      }
}

/* The first service date's calendar */

static void since_calendar_day_selected_cb (RapportCustomerPage *self);

static void
since_popover_show_cb (RapportCustomerPage *self)
{
  GDate date;

  if (rapport_date_parse (entry_text (self->since_row), &date, NULL))
    {
      g_autoptr(GDateTime) dt = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                                       g_date_get_day (&date), 12, 0, 0);
      /* Showing the current date is not choosing one. */
      g_signal_handlers_block_by_func (self->since_calendar, since_calendar_day_selected_cb, self);
      gtk_calendar_select_day (self->since_calendar, dt);
      g_signal_handlers_unblock_by_func (self->since_calendar, since_calendar_day_selected_cb, self);
    }
}

static void
since_calendar_day_selected_cb (RapportCustomerPage *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (self->since_calendar);
  g_autofree char *iso = g_date_time_format (dt, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (self->since_row), iso);
  gtk_popover_popdown (self->since_popover);
  save_now (self);
}

/* GObject */

static void
rapport_customer_page_dispose (GObject *object)
{
  RapportCustomerPage *self = (RapportCustomerPage *) object;

  /* A change typed just before the window closed is still saved. */
  if (self->save_id != 0 && self->store != NULL)
    save_now (self);
  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->store != NULL)
    g_clear_signal_handler (&self->store_changed_id, self->store);
  g_clear_object (&self->store);
  g_clear_object (&self->customer);
  g_clear_pointer (&self->customer_id, g_free);
  for (guint f = 0; f < N_FIELDS; f++)
    g_clear_pointer (&self->problem[f], g_free);

  G_OBJECT_CLASS (rapport_customer_page_parent_class)->dispose (object);
}

static void
rapport_customer_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RapportCustomerPage *self = RAPPORT_CUSTOMER_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CUSTOMER_ID:
      g_value_set_string (value, self->customer_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_customer_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RapportCustomerPage *self = RAPPORT_CUSTOMER_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      if (self->store != NULL)
        self->store_changed_id = g_signal_connect (self->store, "changed",
                                                   G_CALLBACK (store_changed_cb), self);
      break;
    case PROP_CUSTOMER_ID:
      rapport_customer_page_set_customer_id (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_customer_page_class_init (RapportCustomerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_customer_page_dispose;
  object_class->get_property = rapport_customer_page_get_property;
  object_class->set_property = rapport_customer_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_string ("customer-id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RapportCustomerPage::toast:
   * @message: the sentence to show
   *
   * Asks the window to show @message as a toast.
   */
  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rapportapp/Rapport/rapport-customer-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportCustomerPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, RapportCustomerPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, RapportCustomerPage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, RapportCustomerPage, phone_check_box);
  gtk_widget_class_bind_template_child (widget_class, RapportCustomerPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, RapportCustomerPage, company_row);
  gtk_widget_class_bind_template_child (widget_class, RapportCustomerPage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, RapportCustomerPage, email_row);
  gtk_widget_class_bind_template_child (widget_class, RapportCustomerPage, since_row);
  gtk_widget_class_bind_template_child (widget_class, RapportCustomerPage, since_popover);
  /* For tests: reachable by name, not kept in the struct. */
  gtk_widget_class_bind_template_child_full (widget_class, "since_button", FALSE, 0);
  gtk_widget_class_bind_template_child (widget_class, RapportCustomerPage, since_calendar);
  gtk_widget_class_bind_template_child (widget_class, RapportCustomerPage, cadence_row);
  gtk_widget_class_bind_template_child (widget_class, RapportCustomerPage, cadence_spin);
  gtk_widget_class_bind_template_child (widget_class, RapportCustomerPage, field_error_label);
  gtk_widget_class_bind_template_child (widget_class, RapportCustomerPage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, RapportCustomerPage, flag_button);
  gtk_widget_class_bind_template_child (widget_class, RapportCustomerPage, flag_popover);
  gtk_widget_class_bind_template_child (widget_class, RapportCustomerPage, flag_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportCustomerPage, flag_title_label);
  gtk_widget_class_bind_template_child (widget_class, RapportCustomerPage, flag_hint_label);
  gtk_widget_class_bind_template_child (widget_class, RapportCustomerPage, flag_note_entry);
  gtk_widget_class_bind_template_child (widget_class, RapportCustomerPage, follow_ups_list);
  gtk_widget_class_bind_template_child (widget_class, RapportCustomerPage, calls_group);
  gtk_widget_class_bind_template_child (widget_class, RapportCustomerPage, calls_list);
  gtk_widget_class_bind_template_callback (widget_class, since_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, since_calendar_day_selected_cb);

  _rapport_customer_page_class_actions_init (widget_class);
}

static void
rapport_customer_page_init (RapportCustomerPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint f = 0; f < N_FIELDS; f++)
    {
      GtkWidget *widget = field_widget (self, f);

      if (ADW_IS_ENTRY_ROW (widget))
        {
          g_signal_connect (widget, "changed", G_CALLBACK (entry_changed_cb), self);
          /* Enter saves at once. */
          g_signal_connect_swapped (widget, "entry-activated", G_CALLBACK (save_now_cb), self);
        }
      if (f != FIELD_CADENCE)
        connect_field_focus (self, widget);
    }
  g_signal_connect (self->cadence_spin, "value-changed", G_CALLBACK (cadence_changed_cb), self);
  connect_field_focus (self, GTK_WIDGET (self->cadence_spin));
  g_signal_connect (gtk_text_view_get_buffer (self->notes_view), "changed",
                    G_CALLBACK (notes_changed_cb), self);
}

GtkWidget *
rapport_customer_page_new (RapportStore *store)
{
  return g_object_new (RAPPORT_TYPE_CUSTOMER_PAGE, "store", store, NULL);
}

const char *
rapport_customer_page_get_customer_id (RapportCustomerPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_CUSTOMER_PAGE (self), NULL);
  return self->customer_id;
}

RapportCustomer *
rapport_customer_page_get_customer (RapportCustomerPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_CUSTOMER_PAGE (self), NULL);
  return self->customer;
}

void
rapport_customer_page_set_customer_id (RapportCustomerPage *self,
                                       const char          *id)
{
  g_return_if_fail (RAPPORT_IS_CUSTOMER_PAGE (self));

  if (g_strcmp0 (self->customer_id, id) == 0)
    return;

  if (self->customer != NULL)
    {
      save_now (self);
      report_unsaved (self);
    }
  for (guint f = 0; f < N_FIELDS; f++)
    {
      self->dirty[f] = FALSE;
      g_clear_pointer (&self->problem[f], g_free);
    }
  update_problems (self);
  if (gtk_widget_get_visible (GTK_WIDGET (self->flag_popover)))
    gtk_popover_popdown (self->flag_popover);

  g_free (self->customer_id);
  self->customer_id = g_strdup (id);
  g_clear_object (&self->customer);
  if (id != NULL)
    {
      reload (self);
      /* A new customer starts at the top of the page. */
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
    }
  else
    {
      clear_list (self->follow_ups_list);
      clear_list (self->calls_list);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_ID]);
}

gboolean
_rapport_customer_page_save_now (RapportCustomerPage *self)
{
  return save_now (self);
}

gboolean
rapport_customer_page_save (RapportCustomerPage *self)
{
  g_return_val_if_fail (RAPPORT_IS_CUSTOMER_PAGE (self), FALSE);
  return save_now (self);
}

void
rapport_customer_page_focus (RapportCustomerPage *self)
{
  g_return_if_fail (RAPPORT_IS_CUSTOMER_PAGE (self));
  /* Not a text field: focusing one selects its text, and the next key typed
   * would replace the customer's name. */
  gtk_widget_grab_focus (GTK_WIDGET (self->flag_button));
}

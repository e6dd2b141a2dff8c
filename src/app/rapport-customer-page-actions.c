/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-customer-page"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-customer-page-private.h"
#include "rapport-format.h"

static void
flag_popover_closed_cb (RapportCustomerPage *self)
{
  gtk_stack_set_visible_child_name (self->flag_stack, "choose");
  gtk_editable_set_text (GTK_EDITABLE (self->flag_note_entry), "");
}

static const char *
flag_hint (RapportSituation situation)
{
  switch (situation)
    {
    case RAPPORT_SITUATION_IRATE:
      return _("What upset the customer, and what did we do about it? We call the next business day to ask whether it was satisfactory.");
    case RAPPORT_SITUATION_NOTHING_WENT_RIGHT:
      return _("What went wrong? The call waits until you mark the problems corrected.");
    case RAPPORT_SITUATION_NEW:
      return _("What did we deliver? We call shortly after the first service date.");
    case RAPPORT_SITUATION_REGULAR:
      return _("Anything to mention at the next regular check-in?");
    case RAPPORT_N_SITUATIONS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* The customer's open (or waiting) follow-up of @situation, or NULL. */
static RapportFollowUp *
find_open_follow_up (RapportCustomerPage *self,
                     RapportSituation     situation)
{
  g_autoptr(GPtrArray) follow_ups = rapport_store_list_follow_ups (self->store, self->customer_id,
                                                                   FALSE, NULL);

  for (guint i = 0; follow_ups != NULL && i < follow_ups->len; i++)
    {
      RapportFollowUp *fu = g_ptr_array_index (follow_ups, i);

      if (rapport_follow_up_get_situation (fu) == situation)
        return g_object_ref (fu);
    }
  return NULL;
}

static void
flag_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportCustomerPage *self = RAPPORT_CUSTOMER_PAGE (widget);
  g_autoptr(RapportFollowUp) open = NULL;
  RapportSituation situation;
  g_autofree char *title = NULL;

  if (!rapport_situation_from_key (g_variant_get_string (parameter, NULL), &situation))
    return;
  self->flag_situation = situation;
  /* Translators: the title of the flag popover: "Flag: Irate customer" */
  title = g_strdup_printf (_("Flag: %s"), rapport_situation_to_label (situation));
  gtk_label_set_text (self->flag_title_label, title);
  /* Flagged already: the note shown is the one kept, to add to or change,
   * never one replaced unseen. */
  open = self->customer_id != NULL ? find_open_follow_up (self, situation) : NULL;
  if (open != NULL)
    {
      gtk_label_set_text (self->flag_hint_label,
                          _("Already flagged: the note below is the one it has. What you write replaces it."));
      gtk_editable_set_text (GTK_EDITABLE (self->flag_note_entry), rapport_follow_up_get_note (open));
    }
  else
    gtk_label_set_text (self->flag_hint_label, flag_hint (situation));
  gtk_stack_set_visible_child_name (self->flag_stack, "note");
  if (!gtk_widget_get_visible (GTK_WIDGET (self->flag_popover)))
    gtk_menu_button_popup (self->flag_button);
  gtk_widget_grab_focus (GTK_WIDGET (self->flag_note_entry));
  gtk_editable_set_position (GTK_EDITABLE (self->flag_note_entry), -1);
}

static void
flag_back_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RapportCustomerPage *self = RAPPORT_CUSTOMER_PAGE (widget);

  gtk_stack_set_visible_child_name (self->flag_stack, "choose");
}

/* "Irate customer: the call is due tomorrow." */
static char *
describe_follow_up (RapportCustomerPage *self,
                    RapportSituation     situation)
{
  g_autoptr(RapportFollowUp) fu = find_open_follow_up (self, situation);
  g_autofree char *day = NULL;
  g_autofree char *lower = NULL;
  GDate today;

  if (fu == NULL)
    return NULL;
  rapport_store_get_today (self->store, &today);
  if (!g_date_valid (rapport_follow_up_get_due (fu)))
    /* Translators: %s is a situation, "Nothing went right" */
    return g_strdup_printf (_("%s: the call waits until the problems are corrected"),
                            rapport_situation_to_label (situation));
  day = rapport_format_day (rapport_follow_up_get_due (fu), &today);
  lower = g_utf8_strdown (day, -1);
  /* Translators: "Irate customer: the call is due tomorrow" */
  return g_strdup_printf (_("%s: the call is due %s"), rapport_situation_to_label (situation),
                          ABS (g_date_days_between (&today, rapport_follow_up_get_due (fu))) <= 1
                          ? lower : day);
}

static void
flag_confirm (RapportCustomerPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  g_autofree char *message = NULL;

  if (self->customer_id == NULL)
    return;
  note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->flag_note_entry))));
  if (!rapport_store_flag (self->store, self->customer_id, self->flag_situation,
                           *note ? note : NULL, NULL, &error))
    {
      _rapport_customer_page_toast (self, error->message);
      return;
    }
  gtk_popover_popdown (self->flag_popover);
  message = describe_follow_up (self, self->flag_situation);
  if (message != NULL)
    _rapport_customer_page_toast (self, message);
}

static void
flag_confirm_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  flag_confirm (RAPPORT_CUSTOMER_PAGE (widget));
}

static void
flag_note_entry_activate_cb (RapportCustomerPage *self)
{
  flag_confirm (self);
}

static void
corrected_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RapportCustomerPage *self = RAPPORT_CUSTOMER_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->customer_id == NULL)
    return;
  if (!rapport_store_mark_corrected (self->store, self->customer_id, NULL, NULL, &error))
    {
      _rapport_customer_page_toast (self, error->message);
      return;
    }
  message = describe_follow_up (self, RAPPORT_SITUATION_NOTHING_WENT_RIGHT);
  if (message != NULL)
    _rapport_customer_page_toast (self, message);
}

typedef struct {
  RapportCustomerPage *self;
  char *customer_id;
  RapportSituation situation;
} Pending;

static void
pending_free (Pending *pending)
{
  g_object_unref (pending->self);
  g_free (pending->customer_id);
  g_free (pending);
}

static Pending *
pending_new (RapportCustomerPage *self,
             RapportSituation     situation)
{
  Pending *pending = g_new0 (Pending, 1);

  pending->self = g_object_ref (self);
  pending->customer_id = g_strdup (self->customer_id);
  pending->situation = situation;
  return pending;
}

static AdwMessageDialog *
confirm_dialog (RapportCustomerPage *self,
                const char          *heading,
                const char          *body,
                const char          *confirm_label)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "confirm", confirm_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "confirm", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}

static void
stop_response_cb (AdwMessageDialog *dialog,
                  const char       *response,
                  Pending          *pending)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "confirm") == 0 &&
      !rapport_store_unflag (pending->self->store, pending->customer_id, pending->situation, &error))
    _rapport_customer_page_toast (pending->self, error->message);
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportCustomerPage *self = RAPPORT_CUSTOMER_PAGE (widget);
  RapportSituation situation;
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;

  if (self->customer == NULL ||
      !rapport_situation_from_key (g_variant_get_string (parameter, NULL), &situation))
    return;
  /* Translators: %s is a situation, "Irate customer" */
  heading = g_strdup_printf (_("Stop the “%s” Follow-up?"), rapport_situation_to_label (situation));
  /* Translators: %s is the customer's name */
  body = g_strdup_printf (_("%s will not be called about it. You can flag it again at any time."),
                          rapport_customer_get_name (self->customer));
  dialog = confirm_dialog (self, heading, body, _("_Stop Follow-up"));
  g_signal_connect_data (dialog, "response", G_CALLBACK (stop_response_cb),
                         pending_new (self, situation), (GClosureNotify) (void (*) (void)) pending_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Pending          *pending)
{
  RapportCustomerPage *self = pending->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportCustomer) customer = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "confirm") != 0)
    return;
  customer = rapport_store_get_customer (self->store, pending->customer_id, NULL);
  if (!rapport_store_delete_customer (self->store, pending->customer_id, &error))
    {
      _rapport_customer_page_toast (self, error->message);
      return;
    }
  /* Translators: %s is the customer's name */
  message = g_strdup_printf (_("%s deleted"), customer ? rapport_customer_get_name (customer) : "");
  _rapport_customer_page_toast (self, message);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  RapportCustomerPage *self = RAPPORT_CUSTOMER_PAGE (widget);
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;

  if (self->customer == NULL)
    return;
  /* Whatever was typed last belongs to this customer, not to the next one. */
  _rapport_customer_page_save_now (self);
  /* Translators: %s is the customer's name */
  heading = g_strdup_printf (_("Delete %s?"), rapport_customer_get_name (self->customer));
  dialog = confirm_dialog (self, heading,
                           _("The customer, their planned calls and their call history will no longer "
                             "be shown, in the agenda or in the weekly summary of later weeks."),
                           _("_Delete"));
  g_signal_connect_data (dialog, "response", G_CALLBACK (delete_response_cb),
                         pending_new (self, 0), (GClosureNotify) (void (*) (void)) pending_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
call_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportCustomerPage *self = RAPPORT_CUSTOMER_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *digits = NULL;
  g_autofree char *uri = NULL;
  const char *phone;

  if (self->customer == NULL)
    return;
  phone = rapport_customer_get_phone (self->customer);
  digits = rapport_phone_digits (phone);
  uri = g_strconcat ("tel:", *phone == '+' ? "+" : "", digits, NULL);
  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    {
      /* Translators: %s is a phone number */
      g_autofree char *message = g_strdup_printf (_("No app to call %s was found"), phone);
      _rapport_customer_page_toast (self, message);
    }
}

void
_rapport_customer_page_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, flag_popover_closed_cb);
  gtk_widget_class_bind_template_callback (widget_class, flag_note_entry_activate_cb);

  gtk_widget_class_install_action (widget_class, "customer.flag", "s", flag_action);
  gtk_widget_class_install_action (widget_class, "customer.flag-back", NULL, flag_back_action);
  gtk_widget_class_install_action (widget_class, "customer.flag-confirm", NULL, flag_confirm_action);
  gtk_widget_class_install_action (widget_class, "customer.stop", "s", stop_action);
  gtk_widget_class_install_action (widget_class, "customer.corrected", NULL, corrected_action);
  gtk_widget_class_install_action (widget_class, "customer.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "customer.call", NULL, call_action);
}

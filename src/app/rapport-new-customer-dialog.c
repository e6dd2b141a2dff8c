/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-new-customer-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-date.h"
#include "rapport-new-customer-dialog.h"

struct _RapportNewCustomerDialog
{
  AdwWindow parent_instance;

  RapportStore *store;

  GtkWidget *add_button;
  AdwEntryRow *name_row;
  AdwEntryRow *company_row;
  AdwEntryRow *phone_row;
  AdwEntryRow *email_row;
  AdwEntryRow *since_row;
  GtkSwitch *new_switch;
  GtkLabel *error_label;
};

G_DEFINE_FINAL_TYPE (RapportNewCustomerDialog, rapport_new_customer_dialog, ADW_TYPE_WINDOW)

enum {
  ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
mark (GtkWidget  *row,
      const char *problem,
      GString    *problems)
{
  if (problem != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, problem);
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      if (problems->len)
        g_string_append_c (problems, '\n');
      g_string_append (problems, problem);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, NULL);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* Marks the fields that cannot be saved; returns whether the customer can be added. */
static gboolean
validate (RapportNewCustomerDialog *self)
{
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autofree char *name = stripped_text (self->name_row);
  g_autofree char *phone = stripped_text (self->phone_row);
  g_autofree char *email = stripped_text (self->email_row);
  g_autofree char *since = stripped_text (self->since_row);
  g_autofree char *phone_problem = NULL;
  g_autofree char *email_problem = NULL;
  g_autofree char *since_problem = NULL;
  const char *name_problem = NULL;
  GDate date;

  /* An empty name only disables Add: nobody has typed anything wrong yet. */
  if (g_utf8_strlen (name, -1) > 200)
    name_problem = _("The name is longer than 200 characters.");
  if (*phone && !rapport_phone_is_valid (phone))
    phone_problem = g_strdup_printf (_("“%s” is not a phone number: use digits, spaces, dashes and an optional leading +."),
                                     phone);
  if (*email && !rapport_email_is_valid (email))
    email_problem = g_strdup_printf (_("“%s” is not an email address, such as name@example.com."), email);
  if (!rapport_date_parse (since, &date, NULL))
    since_problem = g_strdup_printf (_("“%s” is not a date: write the first service date as YYYY-MM-DD, such as 2025-03-14."),
                                     since);

  mark (GTK_WIDGET (self->name_row), name_problem, problems);
  mark (GTK_WIDGET (self->phone_row), phone_problem, problems);
  mark (GTK_WIDGET (self->email_row), email_problem, problems);
  mark (GTK_WIDGET (self->since_row), since_problem, problems);
  gtk_label_set_text (self->error_label, problems->str);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), problems->len > 0);

  return problems->len == 0 && *name != '\0';
}

static void
changed_cb (RapportNewCustomerDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.add", validate (self));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  RapportNewCustomerDialog *self = RAPPORT_NEW_CUSTOMER_DIALOG (widget);
  g_autoptr(RapportCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *company = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *email = NULL;
  g_autofree char *since = NULL;
  GDate date;

  if (!validate (self))
    return;

  name = stripped_text (self->name_row);
  company = stripped_text (self->company_row);
  phone = stripped_text (self->phone_row);
  email = stripped_text (self->email_row);
  since = stripped_text (self->since_row);

  customer = rapport_customer_new ();
  rapport_customer_set_name (customer, name);
  rapport_customer_set_company (customer, company);
  rapport_customer_set_phone (customer, phone);
  rapport_customer_set_email (customer, email);
  if (rapport_date_parse (since, &date, NULL))
    rapport_customer_set_since (customer, &date);

  if (!rapport_store_add_customer (self->store, customer,
                                   gtk_switch_get_active (self->new_switch), &error))
    {
      /* Translators: %s says why */
      g_autofree char *message = g_strdup_printf (_("The customer could not be added: %s"),
                                                  error->message);
      gtk_label_set_text (self->error_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  g_signal_emit (self, signals[ADDED], 0, rapport_customer_get_id (customer));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
entry_activated_cb (RapportNewCustomerDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "dialog.add", NULL);
}

static void
rapport_new_customer_dialog_dispose (GObject *object)
{
  RapportNewCustomerDialog *self = (RapportNewCustomerDialog *) object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_new_customer_dialog_parent_class)->dispose (object);
}

static void
rapport_new_customer_dialog_class_init (RapportNewCustomerDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_new_customer_dialog_dispose;

  /**
   * RapportNewCustomerDialog::added:
   * @id: the new customer's id
   *
   * The customer was added to the store.
   */
  signals[ADDED] = g_signal_new ("added", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rapportapp/Rapport/rapport-new-customer-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportNewCustomerDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, RapportNewCustomerDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, RapportNewCustomerDialog, company_row);
  gtk_widget_class_bind_template_child (widget_class, RapportNewCustomerDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, RapportNewCustomerDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, RapportNewCustomerDialog, since_row);
  gtk_widget_class_bind_template_child (widget_class, RapportNewCustomerDialog, new_switch);
  gtk_widget_class_bind_template_child (widget_class, RapportNewCustomerDialog, error_label);

  gtk_widget_class_install_action (widget_class, "dialog.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rapport_new_customer_dialog_init (RapportNewCustomerDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  {
    AdwEntryRow *rows[] = { self->name_row, self->company_row, self->phone_row,
                            self->email_row, self->since_row };

    for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
      {
        g_signal_connect_swapped (rows[i], "changed", G_CALLBACK (changed_cb), self);
        g_signal_connect_swapped (rows[i], "entry-activated", G_CALLBACK (entry_activated_cb), self);
      }
  }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.add", FALSE);
}

GtkWidget *
rapport_new_customer_dialog_new (GtkWindow    *parent,
                                 RapportStore *store)
{
  RapportNewCustomerDialog *self;
  g_autofree char *today_iso = NULL;
  GDate today;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  self = g_object_new (RAPPORT_TYPE_NEW_CUSTOMER_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  rapport_store_get_today (store, &today);
  today_iso = rapport_date_to_iso (&today);
  gtk_editable_set_text (GTK_EDITABLE (self->since_row), today_iso);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  return GTK_WIDGET (self);
}

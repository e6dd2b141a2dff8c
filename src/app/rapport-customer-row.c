/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-customer-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-customer-row.h"

struct _RapportCustomerRow
{
  GtkWidget parent_instance;

  GtkWidget *box;
  GtkLabel *name_label;
  GtkLabel *subtitle_label;
  GtkWidget *check_icon;

  RapportCustomer *customer;
};

G_DEFINE_FINAL_TYPE (RapportCustomerRow, rapport_customer_row, GTK_TYPE_WIDGET)

static void
rapport_customer_row_dispose (GObject *object)
{
  RapportCustomerRow *self = (RapportCustomerRow *) object;

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->customer);

  G_OBJECT_CLASS (rapport_customer_row_parent_class)->dispose (object);
}

static void
rapport_customer_row_class_init (RapportCustomerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_customer_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rapportapp/Rapport/rapport-customer-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportCustomerRow, box);
  gtk_widget_class_bind_template_child (widget_class, RapportCustomerRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, RapportCustomerRow, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, RapportCustomerRow, check_icon);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
rapport_customer_row_init (RapportCustomerRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
rapport_customer_row_new (void)
{
  return g_object_new (RAPPORT_TYPE_CUSTOMER_ROW, NULL);
}

void
rapport_customer_row_set_customer (RapportCustomerRow *self,
                                   RapportCustomer    *customer)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *company, *phone;
  gboolean needs_check;

  g_return_if_fail (RAPPORT_IS_CUSTOMER_ROW (self));

  if (!g_set_object (&self->customer, customer))
    return;
  if (customer == NULL)
    {
      gtk_label_set_text (self->name_label, "");
      gtk_label_set_text (self->subtitle_label, "");
      gtk_widget_set_visible (self->check_icon, FALSE);
      return;
    }

  company = rapport_customer_get_company (customer);
  phone = rapport_customer_get_phone (customer);
  if (company && *company)
    g_string_append (subtitle, company);
  if (phone && *phone)
    /* Translators: between the company and the phone number in a list row */
    g_string_append_printf (subtitle, "%s%s", subtitle->len ? _(" · ") : "", phone);

  gtk_label_set_text (self->name_label, rapport_customer_get_name (customer));
  gtk_label_set_text (self->subtitle_label, subtitle->str);
  gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), subtitle->len > 0);

  needs_check = rapport_customer_get_phone_needs_check (customer);
  gtk_widget_set_visible (self->check_icon, needs_check);
  /* The icon alone would be colour and shape only: say it in words too. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The phone number needs a check"), -1);
}

RapportCustomer *
rapport_customer_row_get_customer (RapportCustomerRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_CUSTOMER_ROW (self), NULL);
  return self->customer;
}

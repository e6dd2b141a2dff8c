/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-customers-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-customers-view.h"

struct _RapportCustomersView
{
  AdwBin parent_instance;

  RapportStore *store;
};

G_DEFINE_FINAL_TYPE (RapportCustomersView, rapport_customers_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
rapport_customers_view_dispose (GObject *object)
{
  RapportCustomersView *self = (RapportCustomersView *) object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_customers_view_parent_class)->dispose (object);
}

static void
rapport_customers_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RapportCustomersView *self = RAPPORT_CUSTOMERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_customers_view_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  RapportCustomersView *self = RAPPORT_CUSTOMERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_customers_view_class_init (RapportCustomersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_customers_view_dispose;
  object_class->get_property = rapport_customers_view_get_property;
  object_class->set_property = rapport_customers_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RapportCustomersView::toast:
   * @message: the sentence to show
   *
   * Asks the window to show @message as a toast.
   */
  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
rapport_customers_view_init (RapportCustomersView *self)
{
  adw_bin_set_child (ADW_BIN (self),
                     adw_status_page_new ());
}

GtkWidget *
rapport_customers_view_new (RapportStore *store)
{
  return g_object_new (RAPPORT_TYPE_CUSTOMERS_VIEW, "store", store, NULL);
}

RapportStore *
rapport_customers_view_get_store (RapportCustomersView *self)
{
  g_return_val_if_fail (RAPPORT_IS_CUSTOMERS_VIEW (self), NULL);
  return self->store;
}

void
rapport_customers_view_show_customer (RapportCustomersView *self,
                                      const char           *id)
{
  g_return_if_fail (RAPPORT_IS_CUSTOMERS_VIEW (self));
}

void
rapport_customers_view_focus_search (RapportCustomersView *self)
{
  g_return_if_fail (RAPPORT_IS_CUSTOMERS_VIEW (self));
}

void
rapport_customers_view_new_customer (RapportCustomersView *self)
{
  g_return_if_fail (RAPPORT_IS_CUSTOMERS_VIEW (self));
}

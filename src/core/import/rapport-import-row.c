/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-import-row.h"

struct _RapportImportRow
{
  GObject              parent_instance;

  guint                line;
  RapportImportAction  action;
  RapportCustomer     *customer;
  char                *reason;
};

G_DEFINE_FINAL_TYPE (RapportImportRow, rapport_import_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LINE,
  PROP_ACTION,
  PROP_CUSTOMER,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
rapport_import_action_to_key (RapportImportAction action)
{
  switch (action)
    {
    case RAPPORT_IMPORT_ACTION_NEW:
      return "new";
    case RAPPORT_IMPORT_ACTION_UPDATE:
      return "update";
    case RAPPORT_IMPORT_ACTION_SKIP:
      return "skip";
    case RAPPORT_IMPORT_ACTION_INVALID:
      return "invalid";
    default:
      g_return_val_if_reached ("invalid");
    }
}

const char *
rapport_import_action_to_label (RapportImportAction action)
{
  switch (action)
    {
    case RAPPORT_IMPORT_ACTION_NEW:
      /* Translators: what an import does with a row */
      return _("New");
    case RAPPORT_IMPORT_ACTION_UPDATE:
      /* Translators: what an import does with a row */
      return _("Update");
    case RAPPORT_IMPORT_ACTION_SKIP:
      /* Translators: what an import does with a row */
      return _("Skip");
    case RAPPORT_IMPORT_ACTION_INVALID:
      /* Translators: what an import does with a row */
      return _("Invalid");
    default:
      g_return_val_if_reached ("");
    }
}

static void
rapport_import_row_finalize (GObject *object)
{
  RapportImportRow *self = RAPPORT_IMPORT_ROW (object);

  g_clear_object (&self->customer);
  g_clear_pointer (&self->reason, g_free);

  G_OBJECT_CLASS (rapport_import_row_parent_class)->finalize (object);
}

static void
rapport_import_row_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  RapportImportRow *self = RAPPORT_IMPORT_ROW (object);

  switch (prop_id)
    {
    case PROP_LINE:
      g_value_set_uint (value, self->line);
      break;
    case PROP_ACTION:
      g_value_set_int (value, self->action);
      break;
    case PROP_CUSTOMER:
      g_value_set_object (value, self->customer);
      break;
    case PROP_REASON:
      g_value_set_string (value, self->reason);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_import_row_class_init (RapportImportRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = rapport_import_row_finalize;
  object_class->get_property = rapport_import_row_get_property;

  properties[PROP_LINE] =
    g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /* A RapportImportAction; an int so that no enum GType is needed. */
  properties[PROP_ACTION] =
    g_param_spec_int ("action", NULL, NULL, RAPPORT_IMPORT_ACTION_NEW,
                      RAPPORT_IMPORT_ACTION_INVALID, RAPPORT_IMPORT_ACTION_NEW,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CUSTOMER] =
    g_param_spec_object ("customer", NULL, NULL, RAPPORT_TYPE_CUSTOMER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_import_row_init (RapportImportRow *self)
{
}

RapportImportRow *
rapport_import_row_new (guint                line,
                        RapportImportAction  action,
                        RapportCustomer     *customer,
                        const char          *reason)
{
  RapportImportRow *self;

  g_return_val_if_fail (customer == NULL || RAPPORT_IS_CUSTOMER (customer), NULL);

  self = g_object_new (RAPPORT_TYPE_IMPORT_ROW, NULL);
  self->line = line;
  self->action = action;
  self->customer = customer ? g_object_ref (customer) : NULL;
  self->reason = g_strdup (reason);
  return self;
}

guint
rapport_import_row_get_line (RapportImportRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_IMPORT_ROW (self), 0);
  return self->line;
}

RapportImportAction
rapport_import_row_get_action (RapportImportRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_IMPORT_ROW (self), RAPPORT_IMPORT_ACTION_INVALID);
  return self->action;
}

RapportCustomer *
rapport_import_row_get_customer (RapportImportRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_IMPORT_ROW (self), NULL);
  return self->customer;
}

const char *
rapport_import_row_get_reason (RapportImportRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_IMPORT_ROW (self), NULL);
  return self->reason;
}

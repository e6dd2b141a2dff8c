/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-import"

#include "config.h"

#include "rapport-import-private.h"
#include "rapport-import-result.h"

struct _RapportImportResult
{
  GObject     parent_instance;

  gboolean    dry_run;
  guint       preview_rows;
  guint       counts[RAPPORT_IMPORT_ACTION_INVALID + 1];
  GListStore *preview;
  GListStore *invalid;
};

G_DEFINE_FINAL_TYPE (RapportImportResult, rapport_import_result, G_TYPE_OBJECT)

static void
rapport_import_result_finalize (GObject *object)
{
  RapportImportResult *self = RAPPORT_IMPORT_RESULT (object);

  g_clear_object (&self->preview);
  g_clear_object (&self->invalid);

  G_OBJECT_CLASS (rapport_import_result_parent_class)->finalize (object);
}

static void
rapport_import_result_class_init (RapportImportResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rapport_import_result_finalize;
}

static void
rapport_import_result_init (RapportImportResult *self)
{
  self->preview = g_list_store_new (RAPPORT_TYPE_IMPORT_ROW);
  self->invalid = g_list_store_new (RAPPORT_TYPE_IMPORT_ROW);
}

RapportImportResult *
_rapport_import_result_new (gboolean dry_run,
                            guint    preview_rows)
{
  RapportImportResult *self = g_object_new (RAPPORT_TYPE_IMPORT_RESULT, NULL);

  self->dry_run = dry_run;
  self->preview_rows = preview_rows;
  return self;
}

gboolean
_rapport_import_result_wants_preview (RapportImportResult *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->preview)) < self->preview_rows;
}

void
_rapport_import_result_add (RapportImportResult *self,
                            guint                line,
                            RapportImportAction  action,
                            RapportCustomer     *customer,
                            const char          *reason)
{
  g_return_if_fail (action <= RAPPORT_IMPORT_ACTION_INVALID);

  self->counts[action]++;
  if (_rapport_import_result_wants_preview (self))
    {
      g_autoptr(RapportImportRow) row = rapport_import_row_new (line, action, customer, reason);
      g_list_store_append (self->preview, row);
    }
  if (action == RAPPORT_IMPORT_ACTION_INVALID)
    {
      g_autoptr(RapportImportRow) row = rapport_import_row_new (line, action, NULL, reason);
      g_list_store_append (self->invalid, row);
    }
}

gboolean
rapport_import_result_get_dry_run (RapportImportResult *self)
{
  g_return_val_if_fail (RAPPORT_IS_IMPORT_RESULT (self), FALSE);
  return self->dry_run;
}

guint
rapport_import_result_get_n_new (RapportImportResult *self)
{
  g_return_val_if_fail (RAPPORT_IS_IMPORT_RESULT (self), 0);
  return self->counts[RAPPORT_IMPORT_ACTION_NEW];
}

guint
rapport_import_result_get_n_updated (RapportImportResult *self)
{
  g_return_val_if_fail (RAPPORT_IS_IMPORT_RESULT (self), 0);
  return self->counts[RAPPORT_IMPORT_ACTION_UPDATE];
}

guint
rapport_import_result_get_n_skipped (RapportImportResult *self)
{
  g_return_val_if_fail (RAPPORT_IS_IMPORT_RESULT (self), 0);
  return self->counts[RAPPORT_IMPORT_ACTION_SKIP];
}

guint
rapport_import_result_get_n_invalid (RapportImportResult *self)
{
  g_return_val_if_fail (RAPPORT_IS_IMPORT_RESULT (self), 0);
  return self->counts[RAPPORT_IMPORT_ACTION_INVALID];
}

GListModel *
rapport_import_result_get_preview (RapportImportResult *self)
{
  g_return_val_if_fail (RAPPORT_IS_IMPORT_RESULT (self), NULL);
  return G_LIST_MODEL (self->preview);
}

GListModel *
rapport_import_result_get_invalid (RapportImportResult *self)
{
  g_return_val_if_fail (RAPPORT_IS_IMPORT_RESULT (self), NULL);
  return G_LIST_MODEL (self->invalid);
}

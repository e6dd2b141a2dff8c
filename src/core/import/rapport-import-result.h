/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-import-row.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_IMPORT_RESULT (rapport_import_result_get_type ())

G_DECLARE_FINAL_TYPE (RapportImportResult, rapport_import_result, RAPPORT, IMPORT_RESULT, GObject)

/* What an import did, or (a preview) would do. */
gboolean    rapport_import_result_get_dry_run   (RapportImportResult *self);
guint       rapport_import_result_get_n_new     (RapportImportResult *self);
guint       rapport_import_result_get_n_updated (RapportImportResult *self);
guint       rapport_import_result_get_n_skipped (RapportImportResult *self);
guint       rapport_import_result_get_n_invalid (RapportImportResult *self);
/* The first rows of the file, whatever their action, in file order.
 * (transfer none) (element-type RapportImportRow) */
GListModel *rapport_import_result_get_preview   (RapportImportResult *self);
/* Every invalid row with its line and reason (no customer).
 * (transfer none) (element-type RapportImportRow) */
GListModel *rapport_import_result_get_invalid   (RapportImportResult *self);

G_END_DECLS

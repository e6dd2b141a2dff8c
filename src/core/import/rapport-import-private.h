/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Import-internal: how the importer fills in a result. */

#include "rapport-import-result.h"

G_BEGIN_DECLS

RapportImportResult *_rapport_import_result_new (gboolean             dry_run,
                                                 guint                preview_rows);
/* Counts the row, keeps it while the preview is not full, and keeps invalid
 * rows' line and reason. */
void                 _rapport_import_result_add (RapportImportResult *self,
                                                 guint                line,
                                                 RapportImportAction  action,
                                                 RapportCustomer     *customer,
                                                 const char          *reason);
/* Whether the next row still goes to the preview (so its customer is worth
 * copying). */
gboolean             _rapport_import_result_wants_preview (RapportImportResult *self);

G_END_DECLS

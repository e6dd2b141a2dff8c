/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-import-result.h"
#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_IMPORT_DIALOG (rapport_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RapportImportDialog, rapport_import_dialog, RAPPORT, IMPORT_DIALOG, AdwWindow)

/**
 * RapportImportDialog:
 *
 * Imports customers from a CSV or vCard file: a preview of what the import
 * will do (the counts, the first rows, the invalid rows with their line and
 * why), the column mapping of a CSV file, what to do with customers who
 * already exist, then the import itself with a progress bar and Cancel. The
 * dialog is modal: the importer works on the store in a thread meanwhile.
 *
 * On success the dialog closes and its parent (a RapportWindow) shows how many
 * customers were imported; cancelled or failed, the dialog says that nothing
 * was changed.
 *
 * Signals:
 * - "imported" (RapportImportResult *result): the import was committed; the
 *   dialog then closes.
 */
/* Shows nothing yet: present it; the preview starts at once. */
GtkWidget           *rapport_import_dialog_new              (GtkWindow    *parent,
                                                             RapportStore *store,
                                                             GFile        *file);

/* Presents the parent's import dialog, or opens one on @file. */
GtkWidget           *rapport_import_dialog_open             (GtkWindow    *parent,
                                                             RapportStore *store,
                                                             GFile        *file);
/* Asks for a file (CSV or vCard), then opens the dialog on it. */
void                 rapport_import_dialog_choose_file      (GtkWindow    *parent,
                                                             RapportStore *store);
/* Whether @file's name says it is a file the dialog reads (.csv, .tsv, .txt,
 * .vcf, .vcard): for drag and drop, where a wrong file is easy to drop. */
gboolean             rapport_import_dialog_accepts_file     (GFile        *file);

/* For tests: "loading", "preview", "error" (the file cannot be read at all),
 * "running", "failed" (cancelled or failed; nothing changed). */
const char          *rapport_import_dialog_get_page         (RapportImportDialog *self);
/* Whether a preview or the import is under way. */
gboolean             rapport_import_dialog_is_busy          (RapportImportDialog *self);
/* "12 new · 3 updated · 1 skipped · 2 invalid". */
const char          *rapport_import_dialog_get_counts_text  (RapportImportDialog *self);
/* The message of the error page, of the preview's problem or of the failed
 * page, whichever is shown; NULL otherwise. */
const char          *rapport_import_dialog_get_message      (RapportImportDialog *self);
/* (nullable) (transfer none) The last preview. */
RapportImportResult *rapport_import_dialog_get_preview      (RapportImportDialog *self);
GtkListBox          *rapport_import_dialog_get_preview_list (RapportImportDialog *self);
GtkListBox          *rapport_import_dialog_get_invalid_list (RapportImportDialog *self);
AdwComboRow         *rapport_import_dialog_get_duplicate_row (RapportImportDialog *self);
GtkSwitch           *rapport_import_dialog_get_follow_up_switch (RapportImportDialog *self);
/* (nullable) (transfer none) The field chooser of a CSV column. */
AdwComboRow         *rapport_import_dialog_get_column_row   (RapportImportDialog *self,
                                                             guint                column);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-exporter.h"
#include "rapport-store.h"

G_BEGIN_DECLS

/* Export from the app: a save dialog with a dated name, the core's exporter
 * writing the file (readable by its owner only), and a toast on the window
 * saying where it went or why it failed. */

/* How long the agenda export looks ahead of the day it starts on. */
#define RAPPORT_EXPORT_AGENDA_DAYS 30

/* "rapport-customers-2026-11-23.csv" for the store's today. (transfer full) */
char     *rapport_export_suggest_csv_name    (RapportStore        *store,
                                              RapportExportTable   table);
/* "rapport-agenda-2026-11-23.ics" for @from. (transfer full) */
char     *rapport_export_suggest_agenda_name (const GDate         *from);

/* Writes @table as CSV into @file; a failed export leaves what was there. */
gboolean  rapport_export_save_csv            (RapportStore        *store,
                                              RapportExportTable   table,
                                              GFile               *file,
                                              GError             **error);
/* Writes the planned calls from @from to @to (inclusive) as iCalendar. */
gboolean  rapport_export_save_agenda         (RapportStore        *store,
                                              const GDate         *from,
                                              const GDate         *to,
                                              GFile               *file,
                                              GError             **error);

/* Ask for a file, write it, toast on @window (a RapportWindow). */
void      rapport_export_ask_csv             (GtkWindow           *window,
                                              RapportStore        *store,
                                              RapportExportTable   table);
/* The agenda from @from through RAPPORT_EXPORT_AGENDA_DAYS days later. */
void      rapport_export_ask_agenda          (GtkWindow           *window,
                                              RapportStore        *store,
                                              const GDate         *from);

G_END_DECLS

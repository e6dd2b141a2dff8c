/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "rapport-summary.h"

G_BEGIN_DECLS

/* A4 (595 × 842 pt) or US Letter (612 × 792 pt) by the locale's LC_PAPER. */
void      rapport_summary_get_paper_size (double          *width,
                                          double          *height);

/* The report has one or two pages, whatever the week holds: what does not
 * fit on two pages is counted in a last line (the CSV export has it all). */
guint     rapport_summary_get_n_pages    (RapportSummary  *self,
                                          double           width,
                                          double           height);

/**
 * rapport_summary_render_page:
 * @cr: any cairo context whose user space is in points (a PDF surface, a
 *   GtkPrintContext with GTK_UNIT_POINTS, a scaled image surface)
 * @width: the page width in points
 * @height: the page height in points
 * @page_no: 0 for the first page, as GtkPrintOperation::draw-page counts
 *
 * Draws one page of the report, in black and white, the same way on paper
 * and in a PDF.
 */
void      rapport_summary_render_page    (RapportSummary  *self,
                                          cairo_t         *cr,
                                          double           width,
                                          double           height,
                                          guint            page_no);

/* The whole report as a PDF document on the locale's paper. (transfer full) */
GBytes   *rapport_summary_to_pdf         (RapportSummary  *self,
                                          GError         **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-application.h"
#include "rapport-store.h"
#include "rapport-summary-view.h"
#include "rapport-today-view.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_WINDOW (rapport_window_get_type ())

G_DECLARE_FINAL_TYPE (RapportWindow, rapport_window, RAPPORT, WINDOW, AdwApplicationWindow)

RapportWindow    *rapport_window_new               (RapportApplication *application);
/* Shows the views over @store (NULL: nothing open). */
void              rapport_window_set_store         (RapportWindow      *self,
                                                    RapportStore       *store);
RapportStore     *rapport_window_get_store         (RapportWindow      *self);
/* Replaces the views with a page that explains why @path cannot be opened and
 * offers to choose another file. */
void              rapport_window_show_open_error   (RapportWindow      *self,
                                                    const char         *path,
                                                    const GError       *error);
void              rapport_window_add_toast         (RapportWindow      *self,
                                                    AdwToast           *toast);
/* Does what the Undo button of the last toast offering one would do, while
 * that toast is shown. Returns whether there was something to undo. */
gboolean          rapport_window_undo              (RapportWindow      *self);
void              rapport_window_show_error_toast  (RapportWindow      *self,
                                                    const char         *message);
/* Switches to the Today view on the store's today. */
void              rapport_window_show_today        (RapportWindow      *self);
/* "today", "customers" or "summary". */
void              rapport_window_set_view          (RapportWindow      *self,
                                                    const char         *name);
const char       *rapport_window_get_view          (RapportWindow      *self);
void              rapport_window_show_customer     (RapportWindow      *self,
                                                    const char         *customer_id);
void              rapport_window_show_preferences  (RapportWindow      *self);
RapportTodayView *rapport_window_get_today_view    (RapportWindow      *self);
/* (transfer none): the summary view, built by the first call or the first
 * time the view is shown. */
RapportSummaryView *rapport_window_get_summary_view (RapportWindow   *self);
/* (nullable) (transfer none): the customers view once a database is open;
 * built by the first call or the first time the view is shown. */
GtkWidget        *rapport_window_get_customers_view (RapportWindow     *self);
/* For tests: "views", or "error" when no database could be opened. */
const char       *rapport_window_get_page          (RapportWindow      *self);
/* For tests: the text of the error page. */
const char       *rapport_window_get_error_text    (RapportWindow      *self);
/* For tests: the last toast shown, or NULL. (transfer none) */
AdwToast         *rapport_window_get_last_toast    (RapportWindow      *self);

G_END_DECLS

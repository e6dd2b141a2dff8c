/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_TODAY_VIEW (rapport_today_view_get_type ())

G_DECLARE_FINAL_TYPE (RapportTodayView, rapport_today_view, RAPPORT, TODAY_VIEW, GtkWidget)

void          rapport_today_view_set_store       (RapportTodayView *self,
                                                  RapportStore     *store);
RapportStore *rapport_today_view_get_store       (RapportTodayView *self);
void          rapport_today_view_set_day         (RapportTodayView *self,
                                                  const GDate      *day);
void          rapport_today_view_get_day         (RapportTodayView *self,
                                                  GDate            *out);
/* Shows the day @days days away from the one shown. */
void          rapport_today_view_step_day        (RapportTodayView *self,
                                                  int               days);
/* Moves on to the new day when today has changed since last seen, if the
 * view showed the day that was today (runs at midnight and when the window
 * becomes active again). */
void          rapport_today_view_check_today     (RapportTodayView *self);
/* Moves the customer's due calls to @to with an Undo toast. */
gboolean      rapport_today_view_move_customer   (RapportTodayView *self,
                                                  const char       *customer_id,
                                                  const GDate      *to);
/* Opens the call sheet of a customer on the agenda. (nullable) (transfer none) */
GtkWindow    *rapport_today_view_open_call_sheet (RapportTodayView *self,
                                                  const char       *customer_id);
/* For tests. (nullable) (transfer none) */
GtkWindow    *rapport_today_view_get_call_sheet  (RapportTodayView *self);
GtkListBox   *rapport_today_view_get_agenda_list (RapportTodayView *self);
GtkListBox   *rapport_today_view_get_calls_list  (RapportTodayView *self);
const char   *rapport_today_view_get_progress_text (RapportTodayView *self);
/* "agenda" or "empty". */
const char   *rapport_today_view_get_page        (RapportTodayView *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_CALL_SHEET (rapport_call_sheet_get_type ())

G_DECLARE_FINAL_TYPE (RapportCallSheet, rapport_call_sheet, RAPPORT, CALL_SHEET, AdwWindow)

/* The sheet to make one call of the agenda and log what came of it. */
RapportCallSheet   *rapport_call_sheet_new             (RapportStore       *store,
                                                        RapportAgendaEntry *entry);
const char         *rapport_call_sheet_get_customer_id (RapportCallSheet   *self);
RapportAgendaEntry *rapport_call_sheet_get_entry       (RapportCallSheet   *self);
void                rapport_call_sheet_set_result      (RapportCallSheet   *self,
                                                        RapportCallResult   result);
RapportCallResult   rapport_call_sheet_get_result      (RapportCallSheet   *self);
/* 1–5, 0 for none. */
void                rapport_call_sheet_set_rating      (RapportCallSheet   *self,
                                                        guint               rating);
guint               rapport_call_sheet_get_rating      (RapportCallSheet   *self);
void                rapport_call_sheet_set_note        (RapportCallSheet   *self,
                                                        const char         *note);
/* Logs the call; on failure the sheet shows why and keeps what was typed.
 * On success it emits RapportCallSheet::logged. */
gboolean            rapport_call_sheet_save            (RapportCallSheet   *self);
/* For tests: the error shown, or NULL. */
const char         *rapport_call_sheet_get_error       (RapportCallSheet   *self);

G_END_DECLS

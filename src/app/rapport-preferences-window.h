/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "rapport-store.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_PREFERENCES_WINDOW (rapport_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (RapportPreferencesWindow, rapport_preferences_window, RAPPORT, PREFERENCES_WINDOW, AdwPreferencesWindow)

/* The rules of the database (business days, the days of each rule, maximum
 * attempts, default cadence; shared by everyone who uses it) and the
 * person's own settings (staff name, reminders, running at login). Every
 * change applies at once; errors are shown as toasts in the window. */
GtkWidget *rapport_preferences_window_new (GtkWindow    *parent,
                                           RapportStore *store);

G_END_DECLS

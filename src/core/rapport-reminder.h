/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "rapport-store.h"

G_BEGIN_DECLS

/* Counts the calls on @day's agenda (NULL: the store's today) and how many of
 * them are overdue (due before @day). */
gboolean   rapport_reminder_count          (RapportStore *store,
                                            const GDate  *day,
                                            guint        *n_calls,
                                            guint        *n_overdue,
                                            GError      **error);
/* "7 follow-up calls today — 2 overdue"; NULL when @n_calls is 0. (transfer full) */
char      *rapport_reminder_format         (guint         n_calls,
                                            guint         n_overdue);
/* The reminder text for @day's agenda, or NULL (without @error set) when
 * nothing is due. (transfer full) */
char      *rapport_reminder_text           (RapportStore *store,
                                            const GDate  *day,
                                            GError      **error);
/* Parses "HH:MM" (24 h). */
gboolean   rapport_reminder_parse_time     (const char   *text,
                                            guint        *hour,
                                            guint        *minute);
/* The next moment strictly after @now at @hour:@minute local time on a
 * business day of @business_days. (transfer full) */
GDateTime *rapport_reminder_next_occurrence (GDateTime   *now,
                                            guint         hour,
                                            guint         minute,
                                            guint         business_days);

G_END_DECLS

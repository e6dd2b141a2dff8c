/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "rapport-call.h"

G_BEGIN_DECLS

/* Words shared by the app's widgets, so that the agenda, the call sheet and
 * the customer page say the same thing the same way. */

/* "Today", "Tomorrow", "Yesterday" or "Monday, 3 March" (with the year when it
 * is not @today's). (transfer full) */
char       *rapport_format_day            (const GDate *date,
                                           const GDate *today);
/* "Monday, 3 March 2025". (transfer full) */
char       *rapport_format_day_long       (const GDate *date);
/* "3 days overdue"; NULL when @days is 0. (transfer full) */
char       *rapport_format_overdue        (guint        days);
/* The CSS class of the escalation (issue 9): NULL when due today, "warning"
 * for 1–2 business days late, "error" for more. */
const char *rapport_overdue_style_class   (guint        business_days);
/* "Very unhappy" … "Very happy" for 1–5. */
const char *rapport_rating_to_label       (guint        rating);
const char *rapport_rating_icon_name      (guint        rating);
/* @message as a sentence on its own: its first letter capitalised ("line 2:
 * …" from a file reader is "Line 2: …" in a dialog). (transfer full) */
char       *rapport_format_sentence       (const char  *message);
/* The icon of a call: its rating's face when rated, else its result's. */
const char *rapport_call_icon_name        (RapportCall *call);
/* "Reached · Happy (4)", "No answer", "Call back on Monday, 3 March". (transfer full) */
char       *rapport_format_call_outcome   (RapportCall *call);
/* "2 attempts so far"; NULL when none. (transfer full) */
char       *rapport_format_attempts       (guint        attempts);

G_END_DECLS

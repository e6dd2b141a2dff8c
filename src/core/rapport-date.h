/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Business days as a bit mask: bit (1 << G_DATE_MONDAY) … (1 << G_DATE_SUNDAY). */
#define RAPPORT_WEEKDAYS_MON_FRI \
  ((1 << G_DATE_MONDAY) | (1 << G_DATE_TUESDAY) | (1 << G_DATE_WEDNESDAY) | \
   (1 << G_DATE_THURSDAY) | (1 << G_DATE_FRIDAY))

gboolean  rapport_date_parse               (const char  *text,
                                            GDate       *out,
                                            GError     **error);
char     *rapport_date_to_iso              (const GDate *date);
char     *rapport_date_to_readable         (const GDate *date);
void      rapport_date_set_today           (GDate       *out);
gint      rapport_date_days_between        (const GDate *from,
                                            const GDate *to);
gboolean  rapport_date_is_business_day     (const GDate *date,
                                            guint        business_days);
void      rapport_date_add_business_days   (GDate       *date,
                                            guint        n,
                                            guint        business_days);
void      rapport_date_forward_to_business_day (GDate   *date,
                                            guint        business_days);
guint     rapport_date_business_days_between (const GDate *from,
                                            const GDate *to,
                                            guint        business_days);

gboolean  rapport_iso_week_parse           (const char  *text,
                                            GDate       *monday,
                                            GError     **error);
char     *rapport_iso_week_name            (const GDate *date);
void      rapport_iso_week_monday          (const GDate *date,
                                            GDate       *monday);

gboolean  rapport_business_days_parse      (const char  *text,
                                            guint       *mask,
                                            GError     **error);
char     *rapport_business_days_to_string  (guint        mask);

char     *rapport_timestamp_now            (void);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-date"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-date.h"
#include "rapport-error.h"

static gboolean
parse_digits (const char *p,
              guint       n,
              guint      *out)
{
  guint v = 0;
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      v = v * 10 + (guint) (p[i] - '0');
    }
  *out = v;
  return TRUE;
}

/**
 * rapport_date_parse:
 * Parses a strict ISO 8601 calendar date, YYYY-MM-DD.
 */
gboolean
rapport_date_parse (const char  *text,
                    GDate       *out,
                    GError     **error)
{
  guint y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-' ||
      !parse_digits (text, 4, &y) || !parse_digits (text + 5, 2, &m) ||
      !parse_digits (text + 8, 2, &d))
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not a date: use YYYY-MM-DD, for example 2026-11-23"),
                   text ? text : "");
      return FALSE;
    }
  /* Up to 8999: a due date is computed years ahead of a date given (a
   * cadence of up to ten years, business days), and four digits must hold
   * it (9999-12-31 made a due date of "10000-01-03", sorted before 2026). */
  if (y < 1900 || y > 8999 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not a valid date in the calendar"), text);
      return FALSE;
    }
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

char *
rapport_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date),
                          g_date_get_month (date), g_date_get_day (date));
}

char *
rapport_date_to_readable (const GDate *date)
{
  char buf[128];
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  /* Translators: a readable date, see strftime(3): "Mon 23 Nov 2026";
   * %-d is the day without padding */
  if (g_date_strftime (buf, sizeof buf, _("%a %-d %b %Y"), date) == 0)
    return rapport_date_to_iso (date);
  return g_strdup (g_strstrip (buf));
}

void
rapport_date_set_today (GDate *out)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now),
                  (GDateYear) g_date_time_get_year (now));
}

gint
rapport_date_days_between (const GDate *from,
                           const GDate *to)
{
  return g_date_days_between (from, to);
}

gboolean
rapport_date_is_business_day (const GDate *date,
                              guint        business_days)
{
  if ((business_days & 0xfe) == 0)
    business_days = RAPPORT_WEEKDAYS_MON_FRI;
  return (business_days & (1u << g_date_get_weekday (date))) != 0;
}

/* Steps forward from @date counting only business days: Friday + 1 = Monday,
 * and Saturday + 1 = Monday too. */
void
rapport_date_add_business_days (GDate *date,
                                guint  n,
                                guint  business_days)
{
  while (n > 0)
    {
      g_date_add_days (date, 1);
      if (rapport_date_is_business_day (date, business_days))
        n--;
    }
}

void
rapport_date_forward_to_business_day (GDate *date,
                                      guint  business_days)
{
  while (!rapport_date_is_business_day (date, business_days))
    g_date_add_days (date, 1);
}

/* Business days in (from, to]: how many business days @to is after @from. */
guint
rapport_date_business_days_between (const GDate *from,
                                    const GDate *to,
                                    guint        business_days)
{
  GDate d = *from;
  guint n = 0;

  if (g_date_compare (from, to) >= 0)
    return 0;
  /* Whole weeks first, so a date years ago costs no more than a few steps. */
  {
    gint days = g_date_days_between (from, to);
    guint mask = (business_days & 0xfe) ? business_days : RAPPORT_WEEKDAYS_MON_FRI;
    guint per_week = (guint) __builtin_popcount (mask & 0xfe);
    n += (guint) (days / 7) * per_week;
    g_date_add_days (&d, (guint) (days / 7) * 7);
  }
  while (g_date_compare (&d, to) < 0)
    {
      g_date_add_days (&d, 1);
      if (rapport_date_is_business_day (&d, business_days))
        n++;
    }
  return n;
}

void
rapport_iso_week_monday (const GDate *date,
                         GDate       *monday)
{
  *monday = *date;
  g_date_subtract_days (monday, g_date_get_weekday (date) - G_DATE_MONDAY);
}

char *
rapport_iso_week_name (const GDate *date)
{
  GDate thursday;
  rapport_iso_week_monday (date, &thursday);
  g_date_add_days (&thursday, 3);
  return g_strdup_printf ("%04u-W%02u", g_date_get_year (&thursday),
                          g_date_get_iso8601_week_of_year (date));
}

/**
 * rapport_iso_week_parse:
 * Parses a week name such as 2026-W48 and gives its Monday.
 */
gboolean
rapport_iso_week_parse (const char  *text,
                        GDate       *monday,
                        GError     **error)
{
  guint y, w;
  GDate jan4;
  guint weeks_in_year;
  GDate dec28;

  if (text == NULL || strlen (text) != 8 || text[4] != '-' || text[5] != 'W' ||
      !parse_digits (text, 4, &y) || !parse_digits (text + 6, 2, &w) || y < 1900)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not a week: use YYYY-Www, for example 2026-W48"),
                   text ? text : "");
      return FALSE;
    }
  g_date_clear (&dec28, 1);
  g_date_set_dmy (&dec28, 28, G_DATE_DECEMBER, (GDateYear) y);
  weeks_in_year = g_date_get_iso8601_week_of_year (&dec28);
  if (w < 1 || w > weeks_in_year)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not a week: %u has weeks 1 to %u"), text, y, weeks_in_year);
      return FALSE;
    }
  g_date_clear (&jan4, 1);
  g_date_set_dmy (&jan4, 4, G_DATE_JANUARY, (GDateYear) y);
  rapport_iso_week_monday (&jan4, monday);
  g_date_add_days (monday, (w - 1) * 7);
  return TRUE;
}

static const char *weekday_keys[] = { NULL, "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

/* "mon,tue,wed,thu,fri" ↔ mask. */
gboolean
rapport_business_days_parse (const char  *text,
                             guint       *mask,
                             GError     **error)
{
  g_auto(GStrv) parts = NULL;
  guint m = 0;

  if (text == NULL)
    text = "";
  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i]; i++)
    {
      char *p = g_strstrip (parts[i]);
      gboolean found = FALSE;
      if (*p == '\0')
        continue;
      for (guint wd = G_DATE_MONDAY; wd <= G_DATE_SUNDAY; wd++)
        if (g_ascii_strcasecmp (p, weekday_keys[wd]) == 0)
          {
            m |= 1u << wd;
            found = TRUE;
          }
      if (!found)
        {
          g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                       _("“%s” is not a weekday: use mon, tue, wed, thu, fri, sat, sun"), p);
          return FALSE;
        }
    }
  if (m == 0)
    {
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                           _("At least one business day is needed"));
      return FALSE;
    }
  *mask = m;
  return TRUE;
}

char *
rapport_business_days_to_string (guint mask)
{
  GString *s = g_string_new (NULL);
  for (guint wd = G_DATE_MONDAY; wd <= G_DATE_SUNDAY; wd++)
    if (mask & (1u << wd))
      {
        if (s->len)
          g_string_append_c (s, ',');
        g_string_append (s, weekday_keys[wd]);
      }
  return g_string_free (s, FALSE);
}

char *
rapport_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

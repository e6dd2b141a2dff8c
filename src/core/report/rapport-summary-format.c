/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-summary"

/* Figures and dates of the summary as people read them, in their locale. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "rapport-summary.h"

char *
rapport_format_percent (double value)
{
  if (isnan (value))
    return g_strdup ("—");
  /* Translators: a percentage with one decimal, e.g. "69.2%" */
  return g_strdup_printf (_("%.1f%%"), value);
}

char *
rapport_format_average (double value)
{
  if (isnan (value))
    return g_strdup ("—");
  return g_strdup_printf ("%.2f", value);
}

static char *
format_date (const GDate *date,
             const char  *format)
{
  char buf[128];

  if (g_date_strftime (buf, sizeof buf, format, date) == 0)
    return g_strdup ("");
  return g_strdup (buf);
}

char *
rapport_format_week_range (const GDate *start,
                           const GDate *end,
                           gboolean     abbreviated)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  if (g_date_get_year (start) != g_date_get_year (end))
    {
      /* Translators: strftime formats of a week across the new year, as in
       * "28 December 2026 – 3 January 2027" (long) and "28 Dec 2026 – 3 Jan 2027". */
      const char *format = abbreviated ? _("%-d %b %Y") : _("%-d %B %Y");
      from = format_date (start, format);
      to = format_date (end, format);
      /* Translators: a range between two dates that have spaces in them */
      return g_strdup_printf (_("%s – %s"), from, to);
    }
  if (g_date_get_month (start) != g_date_get_month (end))
    {
      /* Translators: strftime formats of the first day of a week across two
       * months, as in "30 November" of "30 November – 6 December 2026" */
      from = format_date (start, abbreviated ? _("%-d %b") : _("%-d %B"));
      /* Translators: strftime formats of the last day of a week, as in
       * "6 December 2026" of "30 November – 6 December 2026" */
      to = format_date (end, abbreviated ? _("%-d %b %Y") : _("%-d %B %Y"));
      return g_strdup_printf (_("%s – %s"), from, to);
    }
  /* Translators: strftime format of the first day of a week within one
   * month, as in "23" of "23–29 November 2026" */
  from = format_date (start, _("%-d"));
  /* Translators: strftime formats of the last day of a week within one
   * month, as in "29 November 2026" of "23–29 November 2026" */
  to = format_date (end, abbreviated ? _("%-d %b %Y") : _("%-d %B %Y"));
  /* Translators: a range between two short dates, as in "23–29 November 2026" */
  return g_strdup_printf (_("%s–%s"), from, to);
}

char *
rapport_format_week_title (const GDate *monday)
{
  return g_strdup_printf (_("Week %u"), g_date_get_iso8601_week_of_year (monday));
}

char *
rapport_format_change (double    now,
                       double    before,
                       guint     decimals,
                       gboolean  points,
                       int      *direction)
{
  double scale = decimals == 1 ? 10.0 : 100.0;
  double delta;

  if (direction)
    *direction = 0;
  if (isnan (now) || isnan (before))
    return g_strdup ("");
  /* Both figures are rounded already: their difference rounds exactly. */
  delta = round ((now - before) * scale) / scale;
  if (delta == 0.0)
    return g_strdup (_("no change"));
  if (direction)
    *direction = delta > 0 ? 1 : -1;
  if (points)
    /* Translators: the change of a percentage, e.g. "+4.0 points" or "−1.5 points" */
    return g_strdup_printf (delta > 0 ? _("+%.*f points") : _("−%.*f points"),
                            (int) decimals, fabs (delta));
  /* Translators: the change of a figure, e.g. "+0.12" or "−0.30" */
  return g_strdup_printf (delta > 0 ? _("+%.*f") : _("−%.*f"), (int) decimals, fabs (delta));
}

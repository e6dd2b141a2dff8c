/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-reminder"

/* The desktop reminder of today's calls (issue 9): what it says and when it
 * is due. The app sends it; this file holds no GTK. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-date.h"
#include "rapport-reminder.h"

gboolean
rapport_reminder_count (RapportStore *store,
                        const GDate  *day,
                        guint        *n_calls,
                        guint        *n_overdue,
                        GError      **error)
{
  g_autoptr(GPtrArray) agenda = NULL;
  GDate today;
  guint overdue = 0;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);

  if (day == NULL)
    {
      rapport_store_get_today (store, &today);
      day = &today;
    }
  agenda = rapport_store_get_agenda (store, day, error);
  if (agenda == NULL)
    return FALSE;
  for (guint i = 0; i < agenda->len; i++)
    if (rapport_agenda_entry_get_overdue_days (g_ptr_array_index (agenda, i)) > 0)
      overdue++;
  if (n_calls != NULL)
    *n_calls = agenda->len;
  if (n_overdue != NULL)
    *n_overdue = overdue;
  return TRUE;
}

char *
rapport_reminder_format (guint n_calls,
                         guint n_overdue)
{
  g_autofree char *calls = NULL;

  if (n_calls == 0)
    return NULL;
  calls = g_strdup_printf (g_dngettext (NULL, "%u follow-up call today",
                                        "%u follow-up calls today", n_calls),
                           n_calls);
  if (n_overdue == 0)
    return g_steal_pointer (&calls);
  /* Translators: the first %s is "7 follow-up calls today", %u how many of them are late. */
  return g_strdup_printf (g_dngettext (NULL, "%s — %u overdue", "%s — %u overdue", n_overdue),
                          calls, n_overdue);
}

char *
rapport_reminder_text (RapportStore *store,
                       const GDate  *day,
                       GError      **error)
{
  guint n_calls = 0, n_overdue = 0;

  if (!rapport_reminder_count (store, day, &n_calls, &n_overdue, error))
    return NULL;
  return rapport_reminder_format (n_calls, n_overdue);
}

gboolean
rapport_reminder_parse_time (const char *text,
                             guint      *hour,
                             guint      *minute)
{
  guint h, m;

  if (text == NULL
      || !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) || text[2] != ':'
      || !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]) || text[5] != '\0')
    return FALSE;
  h = (guint) (text[0] - '0') * 10 + (guint) (text[1] - '0');
  m = (guint) (text[3] - '0') * 10 + (guint) (text[4] - '0');
  if (h > 23 || m > 59)
    return FALSE;
  *hour = h;
  *minute = m;
  return TRUE;
}

GDateTime *
rapport_reminder_next_occurrence (GDateTime *now,
                                  guint      hour,
                                  guint      minute,
                                  guint      business_days)
{
  g_return_val_if_fail (now != NULL, NULL);

  /* At most a week ahead: every week has a business day. */
  for (int days = 0; days <= 8; days++)
    {
      g_autoptr(GDateTime) day = g_date_time_add_days (now, days);
      g_autoptr(GDateTime) at = g_date_time_new (g_date_time_get_timezone (now),
                                                 g_date_time_get_year (day),
                                                 g_date_time_get_month (day),
                                                 g_date_time_get_day_of_month (day),
                                                 (int) hour, (int) minute, 0);
      GDate date;

      if (at == NULL || g_date_time_compare (at, now) <= 0)
        continue;
      g_date_clear (&date, 1);
      g_date_set_dmy (&date, (GDateDay) g_date_time_get_day_of_month (at),
                      (GDateMonth) g_date_time_get_month (at),
                      (GDateYear) g_date_time_get_year (at));
      if (rapport_date_is_business_day (&date, business_days))
        return g_steal_pointer (&at);
    }
  return NULL;
}

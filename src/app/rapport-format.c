/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-format"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-format.h"

static GDateTime *
date_to_date_time (const GDate *date)
{
  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date),
                                g_date_get_day (date), 12, 0, 0);
}

char *
rapport_format_day (const GDate *date,
                    const GDate *today)
{
  g_autoptr(GDateTime) dt = NULL;
  int days;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  if (today != NULL && g_date_valid (today))
    {
      days = g_date_days_between (today, date);
      if (days == 0)
        return g_strdup (_("Today"));
      if (days == 1)
        return g_strdup (_("Tomorrow"));
      if (days == -1)
        return g_strdup (_("Yesterday"));
    }
  dt = date_to_date_time (date);
  if (today != NULL && g_date_valid (today) && g_date_get_year (today) == g_date_get_year (date))
    /* Translators: a day in this year, see g_date_time_format(): "Monday, 3 March" */
    return g_date_time_format (dt, _("%A, %-d %B"));
  return rapport_format_day_long (date);
}

char *
rapport_format_day_long (const GDate *date)
{
  g_autoptr(GDateTime) dt = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  dt = date_to_date_time (date);
  /* Translators: a full date, see g_date_time_format(): "Monday, 3 March 2025" */
  return g_date_time_format (dt, _("%A, %-d %B %Y"));
}

char *
rapport_format_overdue (guint days)
{
  if (days == 0)
    return NULL;
  return g_strdup_printf (g_dngettext (NULL, "%u day overdue", "%u days overdue", days), days);
}

const char *
rapport_overdue_style_class (guint business_days)
{
  if (business_days == 0)
    return NULL;
  if (business_days <= 2)
    return "warning";
  return "error";
}

const char *
rapport_rating_to_label (guint rating)
{
  switch (rating)
    {
    case 1: return _("Very unhappy");
    case 2: return _("Unhappy");
    case 3: return _("Neutral");
    case 4: return _("Happy");
    case 5: return _("Very happy");
    default: return NULL;
    }
}

const char *
rapport_rating_icon_name (guint rating)
{
  switch (rating)
    {
    case 1: return "face-crying-symbolic";
    case 2: return "face-sad-symbolic";
    case 3: return "face-plain-symbolic";
    case 4: return "face-smile-symbolic";
    case 5: return "face-smile-big-symbolic";
    default: return NULL;
    }
}

char *
rapport_format_sentence (const char *message)
{
  const char *rest;
  g_autofree char *first = NULL;

  if (message == NULL || *message == '\0')
    return g_strdup ("");
  rest = g_utf8_next_char (message);
  first = g_utf8_strup (message, rest - message);
  return g_strconcat (first, rest, NULL);
}

const char *
rapport_call_icon_name (RapportCall *call)
{
  const char *face = rapport_rating_icon_name (rapport_call_get_satisfaction (call));

  switch (rapport_call_get_result (call))
    {
    case RAPPORT_RESULT_REACHED: return face != NULL ? face : "call-start-symbolic";
    case RAPPORT_RESULT_CALLBACK: return "alarm-symbolic";
    case RAPPORT_RESULT_NO_ANSWER: return "call-missed-symbolic";
    case RAPPORT_RESULT_VOICEMAIL: return "mail-unread-symbolic";
    case RAPPORT_RESULT_WRONG_NUMBER: return "dialog-warning-symbolic";
    case RAPPORT_N_RESULTS:
    default: return "call-start-symbolic";
    }
}

char *
rapport_format_call_outcome (RapportCall *call)
{
  RapportCallResult result;
  guint rating;

  g_return_val_if_fail (RAPPORT_IS_CALL (call), NULL);

  result = rapport_call_get_result (call);
  rating = rapport_call_get_satisfaction (call);
  if (result == RAPPORT_RESULT_REACHED && rating >= 1 && rating <= 5)
    {
      const char *persists = rapport_call_get_problem_persists (call) ? C_("call outcome", "problem persists") : NULL;

      if (persists != NULL)
        /* Translators: "Reached · Happy (4) · problem persists" */
        return g_strdup_printf (_("%s · %s (%u) · %s"), rapport_call_result_to_label (result),
                                rapport_rating_to_label (rating), rating, persists);
      /* Translators: "Reached · Happy (4)" */
      return g_strdup_printf (_("%s · %s (%u)"), rapport_call_result_to_label (result),
                              rapport_rating_to_label (rating), rating);
    }
  if (result == RAPPORT_RESULT_CALLBACK && g_date_valid (rapport_call_get_callback (call)))
    {
      g_autofree char *day = rapport_format_day (rapport_call_get_callback (call), rapport_call_get_date (call));

      /* Translators: %s is a day, "Tomorrow" or "Monday, 3 March" */
      return g_strdup_printf (_("Call back: %s"), day);
    }
  return g_strdup (rapport_call_result_to_label (result));
}

char *
rapport_format_attempts (guint attempts)
{
  if (attempts == 0)
    return NULL;
  return g_strdup_printf (g_dngettext (NULL, "%u attempt so far", "%u attempts so far", attempts),
                          attempts);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-rules"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-date.h"
#include "rapport-error.h"
#include "rapport-rules.h"

void
rapport_rules_init_defaults (RapportRules *rules)
{
  rules->business_days = RAPPORT_WEEKDAYS_MON_FRI;
  rules->new_days = 2;
  rules->irate_days = 1;
  rules->corrected_days = 1;
  rules->retry_days = 1;
  rules->max_attempts = 3;
  rules->default_cadence = 90;
}

static gboolean
check_range (guint        value,
             guint        min,
             guint        max,
             const char  *what,
             GError     **error)
{
  if (value >= min && value <= max)
    return TRUE;
  /* Translators: "The days before a new customer's call must be between 0 and 30" */
  g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
               _("%s must be between %u and %u"), what, min, max);
  return FALSE;
}

gboolean
rapport_rules_validate (const RapportRules *rules,
                        GError            **error)
{
  if ((rules->business_days & 0xfe) == 0 || (rules->business_days & ~0xfeu) != 0)
    {
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                           _("At least one business day is needed"));
      return FALSE;
    }
  return check_range (rules->new_days, 0, 60, _("The business days before a new customer’s call"), error) &&
         check_range (rules->irate_days, 0, 60, _("The business days before an irate customer’s call"), error) &&
         check_range (rules->corrected_days, 0, 60, _("The business days after a correction"), error) &&
         check_range (rules->retry_days, 1, 60, _("The business days before another attempt"), error) &&
         check_range (rules->max_attempts, 1, 20, _("The maximum number of attempts"), error) &&
         check_range (rules->default_cadence, 1, 3650, _("The regular cadence in days"), error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * RapportRules:
 * The business-rule settings, stored in the database and shared by every front end.
 * @business_days: mask of (1 << GDateWeekday), Monday–Friday by default
 * @new_days: business days after the first service date (2)
 * @irate_days: business days after the flag's date (1)
 * @corrected_days: business days after the correction (1)
 * @retry_days: business days after a failed attempt (1)
 * @max_attempts: failed attempts before a follow-up closes unreachable (3)
 * @default_cadence: days between regular check-ins (90)
 */
typedef struct {
  guint business_days;
  guint new_days;
  guint irate_days;
  guint corrected_days;
  guint retry_days;
  guint max_attempts;
  guint default_cadence;
} RapportRules;

void     rapport_rules_init_defaults (RapportRules       *rules);
gboolean rapport_rules_validate      (const RapportRules *rules,
                                      GError            **error);

G_END_DECLS

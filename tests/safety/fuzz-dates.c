/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-fuzz-dates"

/* Fuzz target for the parsers of dates (YYYY-MM-DD), ISO week names
 * (YYYY-Www) and business-day lists (mon,tue,…), which read text from people,
 * files and the command line. Beyond not crashing, whatever parses must print
 * back to the same text and parse again to the same value.
 *
 * Built with clang as a libFuzzer target (tests/safety/meson.build):
 *   build-fuzz/tests/safety/fuzz-dates -max_total_time=60 CORPUS tests/safety/fuzz-dates
 * Linked with tests/fuzz/fuzz-replay.c it is an ordinary program for the
 * test suite: every seed, then seeded random mutations:
 *   fuzz-dates-replay N_MUTATIONS SEED_FOLDER */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "rapport-date.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_date (const char *text)
{
  GDate date, monday, again, later;
  g_autofree char *iso = NULL;
  g_autofree char *week = NULL;
  g_autofree char *readable = NULL;
  g_autoptr(GError) error = NULL;

  if (!rapport_date_parse (text, &date, &error))
    {
      g_assert_nonnull (error);
      return;
    }
  g_assert_no_error (error);
  g_assert_true (g_date_valid (&date));

  /* Only the canonical form parses, so it prints back exactly. */
  iso = rapport_date_to_iso (&date);
  g_assert_cmpstr (iso, ==, text);
  readable = rapport_date_to_readable (&date);
  g_assert_nonnull (readable);

  /* Its week names a Monday that contains it. */
  week = rapport_iso_week_name (&date);
  rapport_iso_week_monday (&date, &monday);
  g_assert_cmpint (g_date_get_weekday (&monday), ==, G_DATE_MONDAY);
  g_assert_cmpint (g_date_days_between (&monday, &date), >=, 0);
  g_assert_cmpint (g_date_days_between (&monday, &date), <, 7);
  g_assert_true (rapport_iso_week_parse (week, &again, NULL));
  g_assert_cmpint (g_date_compare (&again, &monday), ==, 0);

  /* Business-day arithmetic agrees with itself. */
  later = date;
  rapport_date_add_business_days (&later, 12, RAPPORT_WEEKDAYS_MON_FRI);
  g_assert_cmpuint (rapport_date_business_days_between (&date, &later, RAPPORT_WEEKDAYS_MON_FRI), ==, 12);
  g_assert_true (rapport_date_is_business_day (&later, RAPPORT_WEEKDAYS_MON_FRI));
}

static void
check_week (const char *text)
{
  GDate monday, again;
  g_autofree char *name = NULL;

  if (!rapport_iso_week_parse (text, &monday, NULL))
    return;
  g_assert_true (g_date_valid (&monday));
  g_assert_cmpint (g_date_get_weekday (&monday), ==, G_DATE_MONDAY);
  name = rapport_iso_week_name (&monday);
  g_assert_cmpstr (name, ==, text);
  g_assert_true (rapport_iso_week_parse (name, &again, NULL));
  g_assert_cmpint (g_date_compare (&again, &monday), ==, 0);
}

static void
check_business_days (const char *text)
{
  guint mask = 0, again = 0;
  g_autofree char *canonical = NULL;

  if (!rapport_business_days_parse (text, &mask, NULL))
    return;
  g_assert_cmpuint (mask, !=, 0);
  g_assert_cmpuint (mask & ~0xfeu, ==, 0);
  canonical = rapport_business_days_to_string (mask);
  g_assert_true (rapport_business_days_parse (canonical, &again, NULL));
  g_assert_cmpuint (again, ==, mask);
}

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A g_return_if_fail() hit is a bug too. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* The parsers take C strings: what comes after a NUL is never seen. */
  g_autofree char *text = g_strndup ((const char *) data, size);

  check_date (text);
  check_week (text);
  check_business_days (text);
  return 0;
}

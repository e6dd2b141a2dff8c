/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-test-date"

#include "config.h"

#include <string.h>

#include "test-helpers.h"

#define MON_SAT (RAPPORT_WEEKDAYS_MON_FRI | (1 << G_DATE_SATURDAY))

static void
test_parse_valid (void)
{
  g_autoptr(GError) error = NULL;
  GDate d;

  g_assert_true (rapport_date_parse ("2026-11-20", &d, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_date_get_year (&d), ==, 2026);
  g_assert_cmpint (g_date_get_month (&d), ==, 11);
  g_assert_cmpint (g_date_get_day (&d), ==, 20);
  g_assert_cmpint (g_date_get_weekday (&d), ==, G_DATE_FRIDAY);

  /* 2024 is a leap year. */
  g_assert_true (rapport_date_parse ("2024-02-29", &d, &error));
  g_assert_no_error (error);
  g_assert_true (rapport_date_parse ("2026-12-31", &d, &error));
  g_assert_no_error (error);
}

static void
test_parse_invalid_calendar_dates (void)
{
  const char *bad[] = { "2026-02-30", "2026-02-29", "2026-04-31", "2026-13-01",
                        "2026-00-10", "2026-01-00", "2026-01-32", "1899-12-31",
                        /* A due date years ahead of it would need five digits. */
                        "9000-01-01", "9999-12-31" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate d;

      g_test_message ("%s", bad[i]);
      g_assert_false (rapport_date_parse (bad[i], &d, &error));
      g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
      /* The message names what was typed. */
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
}

static void
test_parse_wrong_formats (void)
{
  const char *bad[] = { "", "2026-2-3", "2026/02/03", "20260203", "03-02-2026",
                        " 2026-02-03", "2026-02-03 ", "2026-02-03x", "2026-0a-03",
                        "+026-02-03", "tomorrow", "2026-11-20T10:00:00" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate d;

      g_test_message ("'%s'", bad[i]);
      g_assert_false (rapport_date_parse (bad[i], &d, &error));
      g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
    }

  {
    g_autoptr(GError) error = NULL;
    GDate d;
    g_assert_false (rapport_date_parse (NULL, &d, &error));
    g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  }
}

static void
test_to_iso_round_trips (void)
{
  GDate d = day ("2027-02-05");
  g_autofree char *iso = rapport_date_to_iso (&d);

  g_assert_cmpstr (iso, ==, "2027-02-05");
}

static void
test_days_between (void)
{
  GDate a = day ("2026-11-20"), b = day ("2026-11-23"), c = day ("2027-02-21");

  g_assert_cmpint (rapport_date_days_between (&a, &b), ==, 3);
  g_assert_cmpint (rapport_date_days_between (&b, &a), ==, -3);
  g_assert_cmpint (rapport_date_days_between (&b, &c), ==, 90);
}

static void
assert_add (const char *from,
            guint       n,
            guint       mask,
            const char *expected)
{
  GDate d = day (from);

  rapport_date_add_business_days (&d, n, mask);
  assert_date (&d, expected);
}

static void
test_business_days_monday_to_friday (void)
{
  /* Friday + 1 = Monday; Saturday + 1 = Monday; Sunday + 1 = Monday. */
  assert_add ("2026-11-20", 1, RAPPORT_WEEKDAYS_MON_FRI, "2026-11-23");
  assert_add ("2026-11-21", 1, RAPPORT_WEEKDAYS_MON_FRI, "2026-11-23");
  assert_add ("2026-11-22", 1, RAPPORT_WEEKDAYS_MON_FRI, "2026-11-23");
  /* Friday + 2 = Tuesday; Thursday + 1 = Friday; Monday + 5 = next Monday. */
  assert_add ("2026-11-20", 2, RAPPORT_WEEKDAYS_MON_FRI, "2026-11-24");
  assert_add ("2026-11-19", 1, RAPPORT_WEEKDAYS_MON_FRI, "2026-11-20");
  assert_add ("2026-11-23", 5, RAPPORT_WEEKDAYS_MON_FRI, "2026-11-30");
  /* Across a month and a year end. */
  assert_add ("2026-12-31", 1, RAPPORT_WEEKDAYS_MON_FRI, "2027-01-01");
  assert_add ("2027-01-01", 1, RAPPORT_WEEKDAYS_MON_FRI, "2027-01-04");
  /* Zero steps stay put. */
  assert_add ("2026-11-24", 0, RAPPORT_WEEKDAYS_MON_FRI, "2026-11-24");
}

static void
test_business_days_custom (void)
{
  guint mask = 0;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (rapport_business_days_parse ("mon,tue,wed,thu,fri,sat", &mask, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (mask, ==, MON_SAT);
  text = rapport_business_days_to_string (mask);
  g_assert_cmpstr (text, ==, "mon,tue,wed,thu,fri,sat");

  /* With Saturday a business day: Friday + 1 = Saturday, Saturday + 1 = Monday. */
  assert_add ("2026-11-20", 1, MON_SAT, "2026-11-21");
  assert_add ("2026-11-21", 1, MON_SAT, "2026-11-23");
  assert_add ("2026-11-20", 2, MON_SAT, "2026-11-23");

  /* A Tuesday-to-Saturday shop: Saturday + 1 = Tuesday. */
  g_assert_true (rapport_business_days_parse (" Tue, wed ,thu,fri,SAT", &mask, &error));
  g_assert_no_error (error);
  assert_add ("2026-11-21", 1, mask, "2026-11-24");
}

static void
test_business_days_parse_errors (void)
{
  const char *bad[] = { "", ",", "mon,funday", "monday" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      guint mask = 42;

      g_test_message ("'%s'", bad[i]);
      g_assert_false (rapport_business_days_parse (bad[i], &mask, &error));
      g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
      g_assert_cmpuint (mask, ==, 42);
    }
}

static void
test_is_business_day (void)
{
  GDate fri = day ("2026-11-20"), sat = day ("2026-11-21"), sun = day ("2026-11-22");

  g_assert_true (rapport_date_is_business_day (&fri, RAPPORT_WEEKDAYS_MON_FRI));
  g_assert_false (rapport_date_is_business_day (&sat, RAPPORT_WEEKDAYS_MON_FRI));
  g_assert_false (rapport_date_is_business_day (&sun, RAPPORT_WEEKDAYS_MON_FRI));
  g_assert_true (rapport_date_is_business_day (&sat, MON_SAT));
  g_assert_false (rapport_date_is_business_day (&sun, MON_SAT));
}

static void
test_forward_to_business_day (void)
{
  const struct { const char *from; guint mask; const char *to; } cases[] = {
    { "2026-11-20", RAPPORT_WEEKDAYS_MON_FRI, "2026-11-20" },  /* Friday stays */
    { "2026-11-21", RAPPORT_WEEKDAYS_MON_FRI, "2026-11-23" },  /* Saturday → Monday */
    { "2027-02-21", RAPPORT_WEEKDAYS_MON_FRI, "2027-02-22" },  /* Sunday → Monday */
    { "2026-11-21", MON_SAT, "2026-11-21" },
    { "2026-11-22", MON_SAT, "2026-11-23" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate d = day (cases[i].from);
      rapport_date_forward_to_business_day (&d, cases[i].mask);
      assert_date (&d, cases[i].to);
    }
}

static void
assert_between (const char *from,
                const char *to,
                guint       mask,
                guint       expected)
{
  GDate a = day (from), b = day (to);

  g_test_message ("(%s, %s]", from, to);
  g_assert_cmpuint (rapport_date_business_days_between (&a, &b, mask), ==, expected);
}

static void
test_business_days_between (void)
{
  /* Counted in (from, to]: Friday → Monday is one business day. */
  assert_between ("2026-11-20", "2026-11-23", RAPPORT_WEEKDAYS_MON_FRI, 1);
  assert_between ("2026-11-20", "2026-11-24", RAPPORT_WEEKDAYS_MON_FRI, 2);
  assert_between ("2026-11-20", "2026-11-22", RAPPORT_WEEKDAYS_MON_FRI, 0);
  assert_between ("2026-11-23", "2026-11-23", RAPPORT_WEEKDAYS_MON_FRI, 0);
  /* Backwards counts nothing. */
  assert_between ("2026-11-24", "2026-11-20", RAPPORT_WEEKDAYS_MON_FRI, 0);
  /* Two weeks and a bit: Mon 2026-11-09 → Wed 2026-11-25 = 10 + 2. */
  assert_between ("2026-11-09", "2026-11-25", RAPPORT_WEEKDAYS_MON_FRI, 12);
  /* The whole of 2026 after New Year's Day (a Thursday): 261 weekdays − 1. */
  assert_between ("2026-01-01", "2026-12-31", RAPPORT_WEEKDAYS_MON_FRI, 260);
  /* Saturday counts when it is a business day. */
  assert_between ("2026-11-20", "2026-11-23", MON_SAT, 2);
}

static void
test_iso_weeks (void)
{
  const struct { const char *week; const char *monday; } cases[] = {
    { "2026-W01", "2025-12-29" },
    { "2026-W48", "2026-11-23" },
    { "2026-W53", "2026-12-28" },   /* 2026 starts on a Thursday: 53 weeks */
    { "2020-W53", "2020-12-28" },   /* 2020 is a leap year starting on a Wednesday */
    { "2021-W01", "2021-01-04" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate monday;

      g_test_message ("%s", cases[i].week);
      g_assert_true (rapport_iso_week_parse (cases[i].week, &monday, &error));
      g_assert_no_error (error);
      assert_date (&monday, cases[i].monday);
    }
}

static void
test_iso_weeks_invalid (void)
{
  const char *bad[] = { "2026-W54", "2021-W53", "2026-W00", "2026W48", "2026-w48",
                        "2026-W4", "2026-48", "" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate monday;

      g_test_message ("'%s'", bad[i]);
      g_assert_false (rapport_iso_week_parse (bad[i], &monday, &error));
      g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
    }
}

static void
test_iso_week_names (void)
{
  const struct { const char *date; const char *week; const char *monday; } cases[] = {
    { "2026-11-23", "2026-W48", "2026-11-23" },
    { "2026-11-29", "2026-W48", "2026-11-23" },   /* Sunday ends the week */
    { "2021-01-01", "2020-W53", "2020-12-28" },   /* a Friday of the previous ISO year */
    { "2021-01-03", "2020-W53", "2020-12-28" },
    { "2021-01-04", "2021-W01", "2021-01-04" },
    { "2024-12-30", "2025-W01", "2024-12-30" },   /* a Monday of the next ISO year */
    { "2027-01-01", "2026-W53", "2026-12-28" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate d = day (cases[i].date), monday;
      g_autofree char *name = rapport_iso_week_name (&d);

      g_test_message ("%s", cases[i].date);
      g_assert_cmpstr (name, ==, cases[i].week);
      rapport_iso_week_monday (&d, &monday);
      assert_date (&monday, cases[i].monday);
    }
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  g_test_add_func ("/core/date/parses-iso-dates", test_parse_valid);
  g_test_add_func ("/core/date/refuses-dates-not-in-the-calendar", test_parse_invalid_calendar_dates);
  g_test_add_func ("/core/date/refuses-other-formats", test_parse_wrong_formats);
  g_test_add_func ("/core/date/writes-iso-dates", test_to_iso_round_trips);
  g_test_add_func ("/core/date/counts-calendar-days", test_days_between);
  g_test_add_func ("/core/date/friday-plus-one-business-day-is-monday", test_business_days_monday_to_friday);
  g_test_add_func ("/core/date/custom-business-days-count-saturday", test_business_days_custom);
  g_test_add_func ("/core/date/refuses-unknown-weekdays", test_business_days_parse_errors);
  g_test_add_func ("/core/date/knows-business-days", test_is_business_day);
  g_test_add_func ("/core/date/moves-forward-to-a-business-day", test_forward_to_business_day);
  g_test_add_func ("/core/date/counts-business-days-between", test_business_days_between);
  g_test_add_func ("/core/date/parses-iso-weeks-including-week-53", test_iso_weeks);
  g_test_add_func ("/core/date/refuses-weeks-a-year-does-not-have", test_iso_weeks_invalid);
  g_test_add_func ("/core/date/names-the-iso-week-of-a-day", test_iso_week_names);

  return test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-test-follow-ups"

#include "config.h"

#include "test-helpers.h"

static guint
agenda_length (Fixture    *f,
               const char *iso)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  GDate d = day (iso);

  agenda = rapport_store_get_agenda (f->store, &d, &error);
  g_assert_no_error (error);
  return agenda->len;
}

static void
test_irate_due_next_business_day (Fixture       *f,
                                  gconstpointer  data)
{
  const struct { const char *flagged; const char *due; } cases[] = {
    { "2026-11-20", "2026-11-23" },   /* Friday → Monday */
    { "2026-11-21", "2026-11-23" },   /* Saturday → Monday */
    { "2026-11-22", "2026-11-23" },   /* Sunday → Monday */
    { "2026-11-18", "2026-11-19" },   /* Wednesday → Thursday */
    { "2026-12-31", "2027-01-01" },   /* Thursday → Friday, across the year */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = add_plain_customer (f, "Ada Lovelace", "2026-01-05");
      g_autoptr(RapportFollowUp) fu = NULL;

      g_test_message ("flagged %s", cases[i].flagged);
      flag (f, id, RAPPORT_SITUATION_IRATE, cases[i].flagged, "Billed twice");
      fu = open_follow_up (f, id, RAPPORT_SITUATION_IRATE);
      assert_due (fu, cases[i].due);
      assert_date (rapport_follow_up_get_flagged_on (fu), cases[i].flagged);
      g_assert_cmpint (rapport_follow_up_get_state (fu), ==, RAPPORT_FOLLOW_UP_OPEN);
      g_assert_cmpuint (rapport_follow_up_get_attempts (fu), ==, 0);
      g_assert_cmpstr (rapport_follow_up_get_note (fu), ==, "Billed twice");
      g_assert_true (g_uuid_string_is_valid (rapport_follow_up_get_id (fu)));
      g_assert_cmpstr (rapport_follow_up_get_customer_id (fu), ==, id);
    }
}

static void
test_flag_date_defaults_to_today (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *id = add_plain_customer (f, "Ada Lovelace", "2026-01-05");
  g_autoptr(RapportFollowUp) fu = NULL;
  guint changed;
  gulong handler = count_changed (f, &changed);

  /* Today is Monday 2026-11-23. */
  flag (f, id, RAPPORT_SITUATION_IRATE, NULL, NULL);
  g_assert_cmpuint (changed, ==, 1);
  g_signal_handler_disconnect (f->store, handler);
  fu = open_follow_up (f, id, RAPPORT_SITUATION_IRATE);
  assert_due (fu, "2026-11-24");
  assert_date (rapport_follow_up_get_flagged_on (fu), "2026-11-23");
  g_assert_cmpstr (rapport_follow_up_get_note (fu), ==, "");
}

static void
test_nothing_went_right_waits (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *id = add_plain_customer (f, "Ada Lovelace", "2026-01-05");
  g_autoptr(RapportFollowUp) fu = NULL;
  g_autoptr(GError) error = NULL;
  GDate monday = day ("2026-11-23"), next;

  flag (f, id, RAPPORT_SITUATION_NOTHING_WENT_RIGHT, "2026-11-20", "Leaking boiler");
  fu = open_follow_up (f, id, RAPPORT_SITUATION_NOTHING_WENT_RIGHT);
  g_assert_nonnull (fu);
  g_assert_cmpint (rapport_follow_up_get_state (fu), ==, RAPPORT_FOLLOW_UP_WAITING);
  assert_date (rapport_follow_up_get_due (fu), "(none)");
  g_assert_cmpstr (rapport_follow_up_get_note (fu), ==, "Leaking boiler");

  /* Waiting is on no agenda, however far ahead. */
  g_assert_cmpuint (agenda_length (f, "2026-11-23"), ==, 0);
  g_assert_cmpuint (agenda_length (f, "2030-01-01"), ==, 0);
  g_assert_false (rapport_store_next_agenda_day (f->store, &monday, &next, &error));
  g_assert_no_error (error);
}

static void
test_corrected_opens_next_business_day (Fixture       *f,
                                        gconstpointer  data)
{
  g_autofree char *id = add_plain_customer (f, "Ada Lovelace", "2026-01-05");
  g_autoptr(RapportFollowUp) fu = NULL;
  g_autoptr(GError) error = NULL;
  GDate corrected = day ("2026-11-27");

  flag (f, id, RAPPORT_SITUATION_NOTHING_WENT_RIGHT, "2026-11-20", "Leaking boiler");
  set_today (f, "2026-11-27");
  /* Corrected on Friday 2026-11-27: the call is due on Monday 2026-11-30. */
  g_assert_true (rapport_store_mark_corrected (f->store, id, &corrected, "Replaced the valve", &error));
  g_assert_no_error (error);
  fu = open_follow_up (f, id, RAPPORT_SITUATION_NOTHING_WENT_RIGHT);
  g_assert_cmpint (rapport_follow_up_get_state (fu), ==, RAPPORT_FOLLOW_UP_OPEN);
  assert_due (fu, "2026-11-30");
  g_assert_cmpstr (rapport_follow_up_get_note (fu), ==, "Leaking boiler\nReplaced the valve");
  g_assert_cmpuint (agenda_length (f, "2026-11-27"), ==, 0);
  g_assert_cmpuint (agenda_length (f, "2026-11-30"), ==, 1);
}

static void
test_corrected_defaults_to_today (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *id = add_plain_customer (f, "Ada Lovelace", "2026-01-05");
  g_autoptr(RapportFollowUp) fu = NULL;
  g_autoptr(GError) error = NULL;

  flag (f, id, RAPPORT_SITUATION_NOTHING_WENT_RIGHT, "2026-11-20", "Leaking boiler");
  set_today (f, "2026-11-28");   /* a Saturday */
  g_assert_true (rapport_store_mark_corrected (f->store, id, NULL, NULL, &error));
  g_assert_no_error (error);
  fu = open_follow_up (f, id, RAPPORT_SITUATION_NOTHING_WENT_RIGHT);
  assert_due (fu, "2026-11-30");
  g_assert_cmpstr (rapport_follow_up_get_note (fu), ==, "Leaking boiler");
}

static void
test_corrected_without_waiting_problem (Fixture       *f,
                                        gconstpointer  data)
{
  g_autofree char *id = add_customer (f, "Ada Lovelace", NULL, "2026-11-20", TRUE);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  flag (f, id, RAPPORT_SITUATION_IRATE, "2026-11-20", NULL);
  before = dump_tables (f);
  g_assert_false (rapport_store_mark_corrected (f->store, id, NULL, NULL, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND);
  after = dump_tables (f);
  g_assert_cmpstr (after, ==, before);

  /* Corrected once, it is no longer waiting: a second correction is an error too. */
  g_clear_error (&error);
  flag (f, id, RAPPORT_SITUATION_NOTHING_WENT_RIGHT, "2026-11-20", NULL);
  g_assert_true (rapport_store_mark_corrected (f->store, id, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&before, g_free);
  before = dump_tables (f);
  g_assert_false (rapport_store_mark_corrected (f->store, id, NULL, NULL, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND);
  g_clear_pointer (&after, g_free);
  after = dump_tables (f);
  g_assert_cmpstr (after, ==, before);

  /* An unknown customer. */
  g_clear_error (&error);
  g_assert_false (rapport_store_mark_corrected (f->store, "0123456789", NULL, NULL, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND);
}

static void
test_regular_from_since (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *id = add_plain_customer (f, "Ada Lovelace", "2026-11-23");
  g_autoptr(RapportFollowUp) fu = NULL;

  /* 2026-11-23 + 90 days = Sunday 2027-02-21 → Monday 2027-02-22. */
  flag (f, id, RAPPORT_SITUATION_REGULAR, "2026-11-23", NULL);
  fu = open_follow_up (f, id, RAPPORT_SITUATION_REGULAR);
  assert_due (fu, "2027-02-22");
  g_assert_cmpint (rapport_follow_up_get_state (fu), ==, RAPPORT_FOLLOW_UP_OPEN);
}

static void
test_regular_customer_cadence (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(RapportCustomer) c = rapport_customer_new ();
  g_autoptr(RapportFollowUp) fu = NULL;
  g_autoptr(GError) error = NULL;
  GDate since = day ("2026-11-23");

  rapport_customer_set_name (c, "Ada Lovelace");
  rapport_customer_set_since (c, &since);
  rapport_customer_set_cadence_days (c, 30);
  g_assert_true (rapport_store_add_customer (f->store, c, FALSE, &error));
  g_assert_no_error (error);

  /* 2026-11-23 + 30 days = Wednesday 2026-12-23. */
  flag (f, rapport_customer_get_id (c), RAPPORT_SITUATION_REGULAR, "2026-11-23", NULL);
  fu = open_follow_up (f, rapport_customer_get_id (c), RAPPORT_SITUATION_REGULAR);
  assert_due (fu, "2026-12-23");
}

static void
test_regular_from_last_reached_call (Fixture       *f,
                                     gconstpointer  data)
{
  g_autofree char *id = add_plain_customer (f, "Ada Lovelace", "2026-01-05");
  g_autofree char *reached = NULL;
  g_autofree char *no_answer = NULL;
  g_autoptr(RapportFollowUp) fu = NULL;

  set_today (f, "2026-06-10");
  reached = log_call (f, id, RAPPORT_RESULT_REACHED, 4, "2026-06-01");
  /* A later call that did not reach the customer does not count. */
  no_answer = log_call (f, id, RAPPORT_RESULT_NO_ANSWER, 0, "2026-06-08");
  /* The later of since (2026-01-05) and the reached call (2026-06-01):
   * 2026-06-01 + 90 = Sunday 2026-08-30 → Monday 2026-08-31. */
  flag (f, id, RAPPORT_SITUATION_REGULAR, "2026-06-10", NULL);
  fu = open_follow_up (f, id, RAPPORT_SITUATION_REGULAR);
  assert_due (fu, "2026-08-31");
}

static void
test_regular_not_before_flag_date (Fixture       *f,
                                   gconstpointer  data)
{
  g_autofree char *id = add_plain_customer (f, "Ada Lovelace", "2020-01-06");
  g_autoptr(RapportFollowUp) fu = NULL;

  set_today (f, "2026-11-25");
  /* 2020-01-06 + 90 is long past: due on the flag's date. */
  flag (f, id, RAPPORT_SITUATION_REGULAR, "2026-11-25", NULL);
  fu = open_follow_up (f, id, RAPPORT_SITUATION_REGULAR);
  assert_due (fu, "2026-11-25");
  g_assert_cmpuint (agenda_length (f, "2026-11-25"), ==, 1);
}

static void
test_flag_new_by_hand (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *id = add_plain_customer (f, "Ada Lovelace", "2026-11-20");
  g_autoptr(RapportFollowUp) fu = NULL;

  flag (f, id, RAPPORT_SITUATION_NEW, "2026-11-23", NULL);
  fu = open_follow_up (f, id, RAPPORT_SITUATION_NEW);
  /* From the first service date, not from the flag: Friday → Tuesday. */
  assert_due (fu, "2026-11-24");
}

static void
test_flag_again_updates_note (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *id = add_customer (f, "Ada Lovelace", NULL, "2026-11-20", TRUE);
  g_autoptr(RapportFollowUp) fu = NULL;
  g_autoptr(GError) error = NULL;

  flag (f, id, RAPPORT_SITUATION_IRATE, "2026-11-20", "Billed twice");
  flag (f, id, RAPPORT_SITUATION_IRATE, "2026-11-25", "Billed three times");
  flag (f, id, RAPPORT_SITUATION_NEW, "2026-11-25", "Welcome call");
  flag (f, id, RAPPORT_SITUATION_NOTHING_WENT_RIGHT, "2026-11-20", "Leaking boiler");
  flag (f, id, RAPPORT_SITUATION_NOTHING_WENT_RIGHT, "2026-11-21", "Leaking boiler and radiator");
  flag (f, id, RAPPORT_SITUATION_REGULAR, "2026-11-23", NULL);
  flag (f, id, RAPPORT_SITUATION_REGULAR, "2026-12-01", "Ask about the contract");

  g_assert_cmpuint (count_follow_ups (f, id, TRUE), ==, 4);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM follow_ups", NULL), ==, 4);

  fu = open_follow_up (f, id, RAPPORT_SITUATION_IRATE);
  g_assert_cmpstr (rapport_follow_up_get_note (fu), ==, "Billed three times");
  assert_due (fu, "2026-11-23");    /* the first flag's due date stays */
  assert_date (rapport_follow_up_get_flagged_on (fu), "2026-11-20");
  g_clear_object (&fu);
  fu = open_follow_up (f, id, RAPPORT_SITUATION_NEW);
  g_assert_cmpstr (rapport_follow_up_get_note (fu), ==, "Welcome call");
  assert_due (fu, "2026-11-24");
  g_clear_object (&fu);
  fu = open_follow_up (f, id, RAPPORT_SITUATION_NOTHING_WENT_RIGHT);
  g_assert_cmpstr (rapport_follow_up_get_note (fu), ==, "Leaking boiler and radiator");
  g_assert_cmpint (rapport_follow_up_get_state (fu), ==, RAPPORT_FOLLOW_UP_WAITING);
  g_clear_object (&fu);
  fu = open_follow_up (f, id, RAPPORT_SITUATION_REGULAR);
  g_assert_cmpstr (rapport_follow_up_get_note (fu), ==, "Ask about the contract");
  assert_due (fu, "2027-02-18");    /* 2026-11-20 + 90, a Thursday */

  /* Flagging again without a note keeps the note. */
  flag (f, id, RAPPORT_SITUATION_IRATE, "2026-11-26", NULL);
  g_clear_object (&fu);
  fu = open_follow_up (f, id, RAPPORT_SITUATION_IRATE);
  g_assert_cmpstr (rapport_follow_up_get_note (fu), ==, "Billed three times");
  g_assert_cmpuint (count_follow_ups (f, id, TRUE), ==, 4);
}

static void
test_flag_after_close_opens_a_new_one (Fixture       *f,
                                       gconstpointer  data)
{
  g_autofree char *id = add_plain_customer (f, "Ada Lovelace", "2026-01-05");
  g_autofree char *call = NULL;
  g_autoptr(RapportFollowUp) fu = NULL;

  flag (f, id, RAPPORT_SITUATION_IRATE, "2026-11-20", "Billed twice");
  call = log_call (f, id, RAPPORT_RESULT_REACHED, 5, "2026-11-23");
  set_today (f, "2026-11-25");
  flag (f, id, RAPPORT_SITUATION_IRATE, "2026-11-25", "Billed again");
  g_assert_cmpuint (count_follow_ups (f, id, TRUE), ==, 2);
  fu = open_follow_up (f, id, RAPPORT_SITUATION_IRATE);
  assert_due (fu, "2026-11-26");
  g_assert_cmpstr (rapport_follow_up_get_note (fu), ==, "Billed again");
}

static void
test_unflag (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *id = add_customer (f, "Ada Lovelace", NULL, "2026-11-20", TRUE);
  g_autoptr(RapportFollowUp) fu = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  flag (f, id, RAPPORT_SITUATION_IRATE, "2026-11-20", "Billed twice");
  flag (f, id, RAPPORT_SITUATION_NOTHING_WENT_RIGHT, "2026-11-20", "Leaking boiler");
  set_today (f, "2026-11-24");
  g_assert_true (rapport_store_unflag (f->store, id, RAPPORT_SITUATION_IRATE, &error));
  g_assert_no_error (error);
  g_assert_null (open_follow_up (f, id, RAPPORT_SITUATION_IRATE));
  fu = closed_follow_up (f, id, RAPPORT_SITUATION_IRATE);
  g_assert_cmpint (rapport_follow_up_get_state (fu), ==, RAPPORT_FOLLOW_UP_CLOSED);
  g_assert_cmpint (rapport_follow_up_get_close_reason (fu), ==, RAPPORT_CLOSE_CANCELLED);
  assert_date (rapport_follow_up_get_closed_on (fu), "2026-11-24");
  assert_date (rapport_follow_up_get_due (fu), "(none)");
  g_assert_cmpstr (rapport_follow_up_get_note (fu), ==, "Billed twice");

  /* A waiting problem can be cancelled too. */
  g_assert_true (rapport_store_unflag (f->store, id, RAPPORT_SITUATION_NOTHING_WENT_RIGHT, &error));
  g_assert_no_error (error);
  g_clear_object (&fu);
  fu = closed_follow_up (f, id, RAPPORT_SITUATION_NOTHING_WENT_RIGHT);
  g_assert_cmpint (rapport_follow_up_get_close_reason (fu), ==, RAPPORT_CLOSE_CANCELLED);

  /* Only `new` is left on the agenda. */
  {
    g_autoptr(GPtrArray) agenda = rapport_store_get_agenda (f->store, NULL, &error);
    const RapportSituation *s;
    guint n;
    g_assert_no_error (error);
    g_assert_cmpuint (agenda->len, ==, 1);
    s = rapport_agenda_entry_get_situations (g_ptr_array_index (agenda, 0), &n);
    g_assert_cmpuint (n, ==, 1);
    g_assert_cmpint (s[0], ==, RAPPORT_SITUATION_NEW);
  }

  /* Nothing open of that situation: an error, and nothing changes. */
  before = dump_tables (f);
  g_assert_false (rapport_store_unflag (f->store, id, RAPPORT_SITUATION_IRATE, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (rapport_store_unflag (f->store, id, RAPPORT_SITUATION_REGULAR, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND);
  after = dump_tables (f);
  g_assert_cmpstr (after, ==, before);
}

static void
test_rules_change_and_persist (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before_id = NULL;
  g_autofree char *after_id = NULL;
  g_autofree char *reopened_id = NULL;
  g_autofree char *days = NULL;
  g_autofree char *new_days = NULL;
  g_autoptr(RapportFollowUp) fu = NULL;
  RapportRules rules, check;

  rapport_store_get_rules (f->store, &rules);
  g_assert_cmpuint (rules.business_days, ==, RAPPORT_WEEKDAYS_MON_FRI);
  g_assert_cmpuint (rules.new_days, ==, 2);
  g_assert_cmpuint (rules.irate_days, ==, 1);
  g_assert_cmpuint (rules.corrected_days, ==, 1);
  g_assert_cmpuint (rules.retry_days, ==, 1);
  g_assert_cmpuint (rules.max_attempts, ==, 3);
  g_assert_cmpuint (rules.default_cadence, ==, 90);

  /* Defaults: Wednesday 2026-11-18 + 2 business days = Friday 2026-11-20. */
  before_id = add_customer (f, "Ada Lovelace", NULL, "2026-11-18", TRUE);
  fu = open_follow_up (f, before_id, RAPPORT_SITUATION_NEW);
  assert_due (fu, "2026-11-20");

  rules.new_days = 3;
  rules.business_days |= 1 << G_DATE_SATURDAY;
  rules.irate_days = 2;
  rules.default_cadence = 30;
  g_assert_true (rapport_store_set_rules (f->store, &rules, &error));
  g_assert_no_error (error);
  days = query_text (f, "SELECT value FROM settings WHERE key = 'rules.business-days'", NULL);
  g_assert_cmpstr (days, ==, "mon,tue,wed,thu,fri,sat");
  new_days = query_text (f, "SELECT value FROM settings WHERE key = 'rules.new-days'", NULL);
  g_assert_cmpstr (new_days, ==, "3");

  /* Now: Wednesday + 3 business days, Saturday included = Saturday 2026-11-21.
   * Existing follow-ups keep their dates. */
  after_id = add_customer (f, "Grace Hopper", NULL, "2026-11-18", TRUE);
  g_clear_object (&fu);
  fu = open_follow_up (f, after_id, RAPPORT_SITUATION_NEW);
  assert_due (fu, "2026-11-21");
  g_clear_object (&fu);
  fu = open_follow_up (f, before_id, RAPPORT_SITUATION_NEW);
  assert_due (fu, "2026-11-20");

  /* Irate from Friday, 2 business days with Saturday: Saturday, Monday. */
  flag (f, after_id, RAPPORT_SITUATION_IRATE, "2026-11-20", NULL);
  g_clear_object (&fu);
  fu = open_follow_up (f, after_id, RAPPORT_SITUATION_IRATE);
  assert_due (fu, "2026-11-23");

  /* The rules live in the database: a new connection sees them. */
  fixture_reopen (f, "2026-11-23");
  rapport_store_get_rules (f->store, &check);
  g_assert_cmpmem (&check, sizeof check, &rules, sizeof rules);
  reopened_id = add_customer (f, "Alan Turing", NULL, "2026-11-18", TRUE);
  g_clear_object (&fu);
  fu = open_follow_up (f, reopened_id, RAPPORT_SITUATION_NEW);
  assert_due (fu, "2026-11-21");
  /* Default cadence 30: 2026-11-18 + 30 = Friday 2026-12-18. */
  flag (f, reopened_id, RAPPORT_SITUATION_REGULAR, "2026-11-23", NULL);
  g_clear_object (&fu);
  fu = open_follow_up (f, reopened_id, RAPPORT_SITUATION_REGULAR);
  assert_due (fu, "2026-12-18");
}

static void
test_corrected_days_rule (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *id = add_plain_customer (f, "Ada Lovelace", "2026-01-05");
  g_autoptr(RapportFollowUp) fu = NULL;
  g_autoptr(GError) error = NULL;
  RapportRules rules;
  GDate corrected = day ("2026-11-27");

  rapport_store_get_rules (f->store, &rules);
  rules.corrected_days = 3;
  g_assert_true (rapport_store_set_rules (f->store, &rules, &error));
  g_assert_no_error (error);
  flag (f, id, RAPPORT_SITUATION_NOTHING_WENT_RIGHT, "2026-11-20", NULL);
  set_today (f, "2026-11-27");
  g_assert_true (rapport_store_mark_corrected (f->store, id, &corrected, NULL, &error));
  g_assert_no_error (error);
  /* Friday + 3 business days = Wednesday 2026-12-02. */
  fu = open_follow_up (f, id, RAPPORT_SITUATION_NOTHING_WENT_RIGHT);
  assert_due (fu, "2026-12-02");
}

static void
test_invalid_rules_refused (Fixture       *f,
                            gconstpointer  data)
{
  RapportRules defaults, rules, check;
  g_autofree char *before = dump_tables (f);
  g_autofree char *after = NULL;

  rapport_store_get_rules (f->store, &defaults);
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(GError) error = NULL;

      rules = defaults;
      switch (i)
        {
        case 0: rules.business_days = 0; break;
        case 1: rules.business_days = 1; break;                 /* not a weekday bit */
        case 2: rules.business_days = RAPPORT_WEEKDAYS_MON_FRI | (1 << 8); break;
        case 3: rules.new_days = 61; break;
        case 4: rules.retry_days = 0; break;
        case 5: rules.max_attempts = 0; break;
        case 6: rules.max_attempts = 21; break;
        case 7: rules.default_cadence = 0; break;
        case 8: rules.default_cadence = 3651; break;
        case 9: rules.irate_days = 100; break;
        default: g_assert_not_reached ();
        }
      g_test_message ("case %u", i);
      g_assert_false (rapport_store_set_rules (f->store, &rules, &error));
      g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
      rapport_store_get_rules (f->store, &check);
      g_assert_cmpmem (&check, sizeof check, &defaults, sizeof defaults);
    }
  after = dump_tables (f);
  g_assert_cmpstr (after, ==, before);
}

#define ADD(path, func) \
  g_test_add ("/core/follow-ups/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  ADD ("irate-is-due-the-next-business-day-after-the-flag", test_irate_due_next_business_day);
  ADD ("flag-date-defaults-to-today", test_flag_date_defaults_to_today);
  ADD ("nothing-went-right-waits-on-no-agenda", test_nothing_went_right_waits);
  ADD ("corrected-is-due-the-next-business-day-after-the-correction", test_corrected_opens_next_business_day);
  ADD ("corrected-date-defaults-to-today", test_corrected_defaults_to_today);
  ADD ("corrected-without-a-waiting-problem-is-an-error", test_corrected_without_waiting_problem);
  ADD ("regular-is-due-a-cadence-after-since-on-a-business-day", test_regular_from_since);
  ADD ("regular-uses-the-customers-cadence", test_regular_customer_cadence);
  ADD ("regular-counts-from-the-last-reached-call", test_regular_from_last_reached_call);
  ADD ("regular-is-not-due-before-the-flag-date", test_regular_not_before_flag_date);
  ADD ("new-flagged-by-hand-counts-from-since", test_flag_new_by_hand);
  ADD ("flagging-again-updates-the-note-never-duplicates", test_flag_again_updates_note);
  ADD ("flagging-after-a-close-opens-a-new-follow-up", test_flag_after_close_opens_a_new_one);
  ADD ("unflag-closes-as-cancelled", test_unflag);
  ADD ("rules-change-and-persist-in-the-database", test_rules_change_and_persist);
  ADD ("corrected-days-rule-is-used", test_corrected_days_rule);
  ADD ("invalid-rules-are-refused", test_invalid_rules_refused);

  return test_run ();
}

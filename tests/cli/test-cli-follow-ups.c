/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-cli-test"

/* rapport-cli flag | unflag | corrected | log | move | agenda: the rules of
 * issue 2 and issue 9 as a script sees them, across days set with --today. */

#include "config.h"

#include <string.h>

#include "cli-test-util.h"

/* The agenda of @day in one line per call:
 * "NAME [SITUATIONS] due DUE +OVERDUE ×ATTEMPTS «NOTE»", checking every entry's members. */
static char *
agenda_text (CliTest    *t,
             const char *day)
{
  g_autoptr(JsonNode) node = cli_json (t, "agenda", "--date", day, "--json", NULL);
  JsonObject *agenda = cli_json_object (node);
  JsonArray *calls;
  GString *s = g_string_new (NULL);

  cli_assert_members (agenda, "date", "calls", NULL);
  g_assert_cmpstr (json_object_get_string_member (agenda, "date"), ==, day);
  calls = json_object_get_array_member (agenda, "calls");
  for (guint i = 0; i < json_array_get_length (calls); i++)
    {
      JsonObject *e = json_array_get_object_element (calls, i);
      g_autofree char *situations = NULL;

      cli_assert_members (e, "customer_id", "name", "phone", "situations", "due", "overdue_days",
                          "attempts", "note", NULL);
      situations = cli_json_strings (json_object_get_array_member (e, "situations"));
      g_string_append_printf (s, "%s [%s] due %s +%" G_GINT64_FORMAT " ×%" G_GINT64_FORMAT " «%s»\n",
                              json_object_get_string_member (e, "name"), situations,
                              json_object_get_string_member (e, "due"),
                              json_object_get_int_member (e, "overdue_days"),
                              json_object_get_int_member (e, "attempts"),
                              json_object_get_string_member (e, "note"));
    }
  return g_string_free (s, FALSE);
}

/* The customer's follow-ups, one per line: "SITUATION STATE DUE ×ATTEMPTS REASON «NOTE»". */
static char *
follow_ups_text (CliTest    *t,
                 const char *id)
{
  g_autoptr(JsonNode) node = cli_json (t, "customer", "show", id, "--json", NULL);
  JsonArray *follow_ups = json_object_get_array_member (cli_json_object (node), "follow_ups");
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (follow_ups); i++)
    {
      JsonObject *f = json_array_get_object_element (follow_ups, i);

      g_string_append_printf (s, "%s %s %s ×%" G_GINT64_FORMAT " %s «%s»\n",
                              json_object_get_string_member (f, "situation"),
                              json_object_get_string_member (f, "state"),
                              cli_json_is_null (f, "due") ? "-" : json_object_get_string_member (f, "due"),
                              json_object_get_int_member (f, "attempts"),
                              cli_json_is_null (f, "close_reason") ? "-" : json_object_get_string_member (f, "close_reason"),
                              json_object_get_string_member (f, "note"));
    }
  return g_string_free (s, FALSE);
}

static JsonNode *
show (CliTest    *t,
      const char *id)
{
  return cli_json (t, "customer", "show", id, "--json", NULL);
}

#define assert_agenda(t, day, expected) G_STMT_START { \
    g_autofree char *agenda__ = agenda_text ((t), (day)); \
    g_assert_cmpstr (agenda__, ==, (expected)); \
  } G_STMT_END

#define assert_follow_ups(t, id, expected) G_STMT_START { \
    g_autofree char *follow_ups__ = follow_ups_text ((t), (id)); \
    g_assert_cmpstr (follow_ups__, ==, (expected)); \
  } G_STMT_END

static void
test_agenda_json_has_the_contract_fields (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  g_autofree char *id = cli_add_customer (t, "Ada Lovelace", "--phone", "+44 20 7946 0000", NULL);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *e;

  cli_do (t, "flag", id, "irate", "--note", "Overcharged", NULL);
  node = cli_json (t, "agenda", "--date", "2026-11-27", "--json", NULL);
  cli_assert_members (cli_json_object (node), "date", "calls", NULL);
  g_assert_cmpstr (json_object_get_string_member (cli_json_object (node), "date"), ==, "2026-11-27");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (cli_json_object (node), "calls")), ==, 1);
  e = json_array_get_object_element (json_object_get_array_member (cli_json_object (node), "calls"), 0);
  cli_assert_members (e, "customer_id", "name", "phone", "situations", "due", "overdue_days",
                      "attempts", "note", NULL);
  g_assert_cmpstr (json_object_get_string_member (e, "customer_id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (e, "name"), ==, "Ada Lovelace");
  g_assert_cmpstr (json_object_get_string_member (e, "phone"), ==, "+44 20 7946 0000");
  {
    g_autofree char *situations = cli_json_strings (json_object_get_array_member (e, "situations"));
    g_assert_cmpstr (situations, ==, "irate,new");
  }
  /* Irate Monday 23, new Tuesday 24: the earliest, 4 calendar days before Friday 27. */
  g_assert_cmpstr (json_object_get_string_member (e, "due"), ==, "2026-11-23");
  g_assert_cmpint (json_object_get_int_member (e, "overdue_days"), ==, 4);
  g_assert_cmpint (json_object_get_int_member (e, "attempts"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (e, "note"), ==, "Overcharged");
}

static void
test_agenda_defaults_to_today (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-24");
  g_autofree char *id = NULL;
  g_autoptr(JsonNode) node = NULL;

  cli_test_set_today (t, "2026-11-20");
  id = cli_add_customer (t, "Ada Lovelace", NULL);
  cli_test_set_today (t, "2026-11-24");
  node = cli_json (t, "agenda", "--json", NULL);
  g_assert_cmpstr (json_object_get_string_member (cli_json_object (node), "date"), ==, "2026-11-24");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (cli_json_object (node), "calls")), ==, 1);
}

static void
test_new_customer_is_due_the_second_business_day (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  g_autofree char *ada = cli_add_customer (t, "Ada Lovelace", NULL);
  g_autofree char *sat = cli_add_customer (t, "Sam Saturday", "--since", "2026-11-21", NULL);

  /* Friday 20 → Tuesday 24; Saturday 21 → Tuesday 24 as well (Monday is the first). */
  assert_follow_ups (t, ada, "new open 2026-11-24 ×0 - «»\n");
  assert_follow_ups (t, sat, "new open 2026-11-24 ×0 - «»\n");
  assert_agenda (t, "2026-11-20", "");
  assert_agenda (t, "2026-11-23", "");
  assert_agenda (t, "2026-11-24",
                 "Ada Lovelace [new] due 2026-11-24 +0 ×0 «»\n"
                 "Sam Saturday [new] due 2026-11-24 +0 ×0 «»\n");
}

static void
test_irate_is_due_the_next_business_day (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  g_autofree char *bob = cli_add_customer (t, "Bob Irate", "--no-follow-up", NULL);
  g_autofree char *eve = cli_add_customer (t, "Eve Irate", "--no-follow-up", NULL);

  /* Flagged on Friday → Monday; with --date on Tuesday 17 → Wednesday 18. */
  cli_do (t, "flag", bob, "irate", "--note", "Wrong part fitted", NULL);
  cli_do (t, "flag", eve, "irate", "--date", "2026-11-17", NULL);
  assert_follow_ups (t, bob, "irate open 2026-11-23 ×0 - «Wrong part fitted»\n");
  assert_follow_ups (t, eve, "irate open 2026-11-18 ×0 - «»\n");
  assert_agenda (t, "2026-11-20", "Eve Irate [irate] due 2026-11-18 +2 ×0 «»\n");
  assert_agenda (t, "2026-11-23",
                 "Eve Irate [irate] due 2026-11-18 +5 ×0 «»\n"
                 "Bob Irate [irate] due 2026-11-23 +0 ×0 «Wrong part fitted»\n");
}

static void
test_flag_again_updates_the_note_without_duplicating (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  g_autofree char *id = cli_add_customer (t, "Bob Irate", "--no-follow-up", NULL);

  cli_do (t, "flag", id, "irate", "--note", "First note", NULL);
  cli_do (t, "flag", id, "irate", "--note", "Second note", NULL);
  assert_follow_ups (t, id, "irate open 2026-11-23 ×0 - «Second note»\n");
  assert_agenda (t, "2026-11-23", "Bob Irate [irate] due 2026-11-23 +0 ×0 «Second note»\n");
}

static void
test_unflag_closes_the_follow_up_as_cancelled (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  g_autofree char *id = cli_add_customer (t, "Bob Irate", "--no-follow-up", NULL);

  cli_do (t, "flag", id, "irate", "--note", "Wrong part", NULL);
  cli_do (t, "unflag", id, "irate", NULL);
  assert_follow_ups (t, id, "irate closed - ×0 cancelled «Wrong part»\n");
  assert_agenda (t, "2026-11-30", "");
}

static void
test_nothing_went_right_waits_until_corrected (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  g_autofree char *id = cli_add_customer (t, "Cy Leak", "--no-follow-up", NULL);

  cli_do (t, "flag", id, "nothing-went-right", "--note", "Boiler leaks", NULL);
  assert_follow_ups (t, id, "nothing-went-right waiting - ×0 - «Boiler leaks»\n");
  /* Waiting: on no agenda, however late. */
  assert_agenda (t, "2026-11-23", "");
  assert_agenda (t, "2027-06-30", "");

  /* Fixed on Friday 27 → due Monday 30. */
  cli_test_set_today (t, "2026-11-27");
  cli_do (t, "corrected", id, NULL);
  assert_follow_ups (t, id, "nothing-went-right open 2026-11-30 ×0 - «Boiler leaks»\n");
  assert_agenda (t, "2026-11-27", "");
  assert_agenda (t, "2026-11-30", "Cy Leak [nothing-went-right] due 2026-11-30 +0 ×0 «Boiler leaks»\n");
}

static void
test_corrected_takes_a_date_and_a_note (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  g_autofree char *id = cli_add_customer (t, "Cy Leak", "--no-follow-up", NULL);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *f;

  cli_do (t, "flag", id, "nothing-went-right", "--note", "Boiler leaks", NULL);
  /* Fixed on Wednesday 25 → due Thursday 26. */
  cli_do (t, "corrected", id, "--date", "2026-11-25", "--note", "Seal replaced", NULL);
  node = show (t, id);
  f = cli_follow_up (cli_json_object (node), "nothing-went-right", FALSE);
  g_assert_cmpstr (json_object_get_string_member (f, "state"), ==, "open");
  g_assert_cmpstr (json_object_get_string_member (f, "due"), ==, "2026-11-26");
  g_assert_nonnull (strstr (json_object_get_string_member (f, "note"), "Seal replaced"));
}

static void
test_regular_is_due_after_the_cadence_on_a_business_day (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-23");
  g_autofree char *dee = cli_add_customer (t, "Dee Regular", "--no-follow-up", NULL);
  g_autofree char *fay = cli_add_customer (t, "Fay Monthly", "--since", "2026-11-20", "--cadence", "30",
                                           "--no-follow-up", NULL);
  g_autofree char *old = cli_add_customer (t, "Olga Old", "--since", "2026-08-01", "--no-follow-up", NULL);

  cli_do (t, "flag", dee, "regular", NULL);
  cli_do (t, "flag", fay, "regular", NULL);
  cli_do (t, "flag", old, "regular", NULL);
  /* 2026-11-23 + 90 = Sunday 2027-02-21 → Monday 2027-02-22. */
  assert_follow_ups (t, dee, "regular open 2027-02-22 ×0 - «»\n");
  /* 2026-11-20 + 30 = Sunday 2026-12-20 → Monday 2026-12-21. */
  assert_follow_ups (t, fay, "regular open 2026-12-21 ×0 - «»\n");
  /* 2026-08-01 + 90 = 2026-10-30, before the flag's date: due on the flag's date. */
  assert_follow_ups (t, old, "regular open 2026-11-23 ×0 - «»\n");
}

static void
test_reached_regular_opens_the_next_one (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  g_autofree char *id = cli_add_customer (t, "Olga Old", "--since", "2026-08-01", "--no-follow-up", NULL);

  cli_do (t, "flag", id, "regular", NULL);
  assert_agenda (t, "2026-11-20", "Olga Old [regular] due 2026-11-20 +0 ×0 «»\n");
  cli_test_set_today (t, "2026-11-23");
  cli_do (t, "log", id, "--result", "reached", "--satisfaction", "4", NULL);
  /* 2026-11-23 + 90 = Sunday 2027-02-21 → Monday 2027-02-22. */
  assert_follow_ups (t, id,
                     "regular open 2027-02-22 ×0 - «»\n"
                     "regular closed - ×0 satisfied «»\n");
  assert_agenda (t, "2027-02-19", "");
  assert_agenda (t, "2027-02-22", "Olga Old [regular] due 2027-02-22 +0 ×0 «»\n");

  /* And again: 2027-02-22 + 90 = Sunday 2027-05-23 → Monday 2027-05-24. */
  cli_test_set_today (t, "2027-02-22");
  cli_do (t, "log", id, "--result", "reached", "--satisfaction", "5", NULL);
  {
    g_autoptr(JsonNode) node = show (t, id);
    JsonObject *f = cli_follow_up (cli_json_object (node), "regular", FALSE);
    g_assert_cmpstr (json_object_get_string_member (f, "due"), ==, "2027-05-24");
  }
}

static void
test_three_failed_attempts_make_a_customer_unreachable (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  g_autofree char *id = cli_add_customer (t, "Ada Lovelace", NULL);

  cli_test_set_today (t, "2026-11-24");
  cli_do (t, "log", id, "--result", "no-answer", NULL);
  assert_follow_ups (t, id, "new open 2026-11-25 ×1 - «»\n");
  assert_agenda (t, "2026-11-24", "");
  assert_agenda (t, "2026-11-25", "Ada Lovelace [new] due 2026-11-25 +0 ×1 «»\n");

  cli_test_set_today (t, "2026-11-25");
  cli_do (t, "log", id, "--result", "voicemail", NULL);
  assert_follow_ups (t, id, "new open 2026-11-26 ×2 - «»\n");

  /* A no-answer on Friday 27 for the call due Thursday: next business day is Monday. */
  cli_test_set_today (t, "2026-11-27");
  assert_agenda (t, "2026-11-27", "Ada Lovelace [new] due 2026-11-26 +1 ×2 «»\n");
  cli_do (t, "log", id, "--result", "no-answer", NULL);
  assert_follow_ups (t, id, "new closed - ×3 unreachable «»\n");
  assert_agenda (t, "2026-12-31", "");
}

static void
test_no_answer_on_a_friday_is_due_monday (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  g_autofree char *id = cli_add_customer (t, "Bob Irate", "--no-follow-up", NULL);

  cli_do (t, "flag", id, "irate", "--date", "2026-11-19", NULL);
  cli_do (t, "log", id, "--result", "voicemail", NULL);
  assert_follow_ups (t, id, "irate open 2026-11-23 ×1 - «»\n");
}

static void
test_wrong_number_closes_and_marks_the_phone (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-24");
  g_autofree char *id = NULL;
  g_autoptr(JsonNode) node = NULL;

  cli_test_set_today (t, "2026-11-20");
  id = cli_add_customer (t, "Ada Lovelace", "--phone", "+44 20 7946 0000", NULL);
  cli_do (t, "flag", id, "irate", NULL);
  cli_test_set_today (t, "2026-11-24");
  cli_do (t, "log", id, "--result", "wrong-number", NULL);

  node = show (t, id);
  g_assert_true (json_object_get_boolean_member (cli_json_object (node), "phone_needs_check"));
  assert_follow_ups (t, id,
                     "irate closed - ×0 unreachable «»\n"
                     "new closed - ×0 unreachable «»\n");
  assert_agenda (t, "2026-12-31", "");
}

static void
test_callback_moves_the_call_to_the_agreed_day (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  g_autofree char *id = cli_add_customer (t, "Ada Lovelace", NULL);

  cli_test_set_today (t, "2026-11-24");
  cli_do (t, "log", id, "--result", "no-answer", NULL);
  cli_test_set_today (t, "2026-11-25");
  cli_do (t, "log", id, "--result", "callback", "--callback", "2026-12-02", "--note", "At lunch", NULL);
  /* Due on that date; attempts unchanged. */
  assert_follow_ups (t, id, "new open 2026-12-02 ×1 - «»\n");
  assert_agenda (t, "2026-12-01", "");
  assert_agenda (t, "2026-12-02", "Ada Lovelace [new] due 2026-12-02 +0 ×1 «»\n");
  {
    g_autoptr(JsonNode) node = cli_json (t, "history", id, "--json", NULL);
    JsonObject *call = json_array_get_object_element (cli_json_array (node), 0);
    g_assert_cmpstr (json_object_get_string_member (call, "result"), ==, "callback");
    g_assert_cmpstr (json_object_get_string_member (call, "note"), ==, "At lunch");
  }
}

static void
test_problem_persists_opens_a_waiting_nothing_went_right (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  g_autofree char *id = cli_add_customer (t, "Bob Irate", "--no-follow-up", NULL);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *call;

  cli_do (t, "flag", id, "irate", "--note", "Wrong part", NULL);
  cli_test_set_today (t, "2026-11-23");
  cli_do (t, "log", id, "--result", "reached", "--satisfaction", "2", "--problem-persists",
          "--note", "Still rattles", NULL);
  assert_follow_ups (t, id,
                     "nothing-went-right waiting - ×0 - «Still rattles»\n"
                     "irate closed - ×0 problem-persists «Wrong part»\n");
  assert_agenda (t, "2027-01-31", "");

  node = cli_json (t, "history", id, "--json", NULL);
  call = json_array_get_object_element (cli_json_array (node), 0);
  g_assert_cmpint (json_object_get_int_member (call, "satisfaction"), ==, 2);
  g_assert_true (json_object_get_boolean_member (call, "problem_persists"));

  /* Once fixed, the nothing-went-right call comes the next business day. */
  cli_do (t, "corrected", id, "--date", "2026-11-26", NULL);
  assert_agenda (t, "2026-11-27", "Bob Irate [nothing-went-right] due 2026-11-27 +0 ×0 «Still rattles»\n");
}

static void
test_a_call_when_nothing_is_due_changes_no_follow_up (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  g_autofree char *id = cli_add_customer (t, "Ada Lovelace", NULL);
  g_autofree char *before = follow_ups_text (t, id);
  g_autoptr(JsonNode) node = NULL;

  /* The new-customer call is due Tuesday; a no-answer on Friday changes nothing. */
  cli_do (t, "log", id, "--result", "no-answer", "--note", "Tried early", NULL);
  assert_follow_ups (t, id, before);
  node = cli_json (t, "history", id, "--json", NULL);
  g_assert_cmpuint (json_array_get_length (cli_json_array (node)), ==, 1);
}

static void
test_agenda_orders_by_situation_then_due_then_name (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-16");
  g_autofree char *reg = cli_add_customer (t, "Aaron Regular", "--since", "2026-08-01", "--no-follow-up", NULL);
  g_autofree char *new_late = cli_add_customer (t, "Zoe New", "--since", "2026-11-16", NULL);
  g_autofree char *new_b = cli_add_customer (t, "bea New", "--since", "2026-11-18", NULL);
  g_autofree char *new_a = cli_add_customer (t, "Amy New", "--since", "2026-11-18", NULL);
  g_autofree char *nwr = cli_add_customer (t, "Nick Fixed", "--no-follow-up", NULL);
  g_autofree char *irate = cli_add_customer (t, "Yves Irate", "--no-follow-up", NULL);

  cli_do (t, "flag", reg, "regular", NULL);
  cli_do (t, "flag", nwr, "nothing-went-right", NULL);
  cli_do (t, "corrected", nwr, "--date", "2026-11-18", NULL);
  cli_do (t, "flag", irate, "irate", "--date", "2026-11-19", NULL);
  /* Priority first (irate, nothing-went-right, new, regular), then the earliest
   * due, then the name, whatever its case. */
  assert_agenda (t, "2026-11-20",
                 "Yves Irate [irate] due 2026-11-20 +0 ×0 «»\n"
                 "Nick Fixed [nothing-went-right] due 2026-11-19 +1 ×0 «»\n"
                 "Zoe New [new] due 2026-11-18 +2 ×0 «»\n"
                 "Amy New [new] due 2026-11-20 +0 ×0 «»\n"
                 "bea New [new] due 2026-11-20 +0 ×0 «»\n"
                 "Aaron Regular [regular] due 2026-11-16 +4 ×0 «»\n");
}

static void
test_agenda_has_one_entry_per_customer_with_every_due_situation (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  g_autofree char *id = cli_add_customer (t, "Ada Lovelace", "--since", "2026-08-01", NULL);

  /* new due Tuesday 4 Aug; regular due today (the flag's date); irate due Monday 23. */
  cli_do (t, "flag", id, "regular", "--note", "Quarterly", NULL);
  cli_do (t, "flag", id, "irate", "--note", "Overcharged", NULL);
  assert_agenda (t, "2026-11-20", "Ada Lovelace [new,regular] due 2026-08-04 +108 ×0 «»\n");
  /* A failed attempt counts on both; the irate one is not due yet. */
  cli_do (t, "log", id, "--result", "no-answer", NULL);
  assert_agenda (t, "2026-11-23",
                 "Ada Lovelace [irate,new,regular] due 2026-11-23 +0 ×1 «Overcharged»\n");
}

static void
test_log_records_the_staff_option (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-24");
  g_autofree char *id = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonArray *calls;
  const char *real_name = g_get_real_name ();
  const char *expected_default;

  cli_test_set_today (t, "2026-11-20");
  id = cli_add_customer (t, "Ada Lovelace", NULL);
  cli_test_set_today (t, "2026-11-24");
  cli_do (t, "--staff", "Dana Scully", "log", id, "--result", "voicemail", NULL);
  cli_do (t, "log", id, "--result", "callback", "--callback", "2026-11-30", NULL);
  node = cli_json (t, "history", id, "--json", NULL);
  calls = cli_json_array (node);
  g_assert_cmpuint (json_array_get_length (calls), ==, 2);
  /* Newest first: the call without --staff is by the account's real name. */
  expected_default = real_name && *real_name && g_strcmp0 (real_name, "Unknown") != 0
    ? real_name : g_get_user_name ();
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (calls, 0), "staff"),
                   ==, expected_default);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (calls, 1), "staff"),
                   ==, "Dana Scully");
}

static void
test_today_replaces_the_date_everywhere (void)
{
  /* Wednesday 2027-03-10. */
  g_autoptr(CliTest) t = cli_test_new ("2027-03-10");
  g_autofree char *ada = cli_add_customer (t, "Ada Lovelace", NULL);
  g_autofree char *bob = cli_add_customer (t, "Bob Irate", "--no-follow-up", NULL);
  g_autofree char *cy = cli_add_customer (t, "Cy Leak", "--no-follow-up", NULL);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) agenda = NULL;
  JsonObject *c;

  cli_do (t, "flag", bob, "irate", NULL);
  cli_do (t, "flag", cy, "nothing-went-right", NULL);
  cli_do (t, "corrected", cy, NULL);
  cli_do (t, "log", ada, "--result", "voicemail", NULL);

  node = show (t, ada);
  c = cli_json_object (node);
  g_assert_cmpstr (json_object_get_string_member (c, "since"), ==, "2027-03-10");
  g_assert_cmpstr (json_object_get_string_member (cli_follow_up (c, "new", FALSE), "due"), ==, "2027-03-12");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (c, "calls"), 0), "date"),
                   ==, "2027-03-10");
  assert_follow_ups (t, bob, "irate open 2027-03-11 ×0 - «»\n");
  assert_follow_ups (t, cy, "nothing-went-right open 2027-03-11 ×0 - «»\n");

  cli_test_set_today (t, "2027-03-11");
  agenda = cli_json (t, "agenda", "--json", NULL);
  g_assert_cmpstr (json_object_get_string_member (cli_json_object (agenda), "date"), ==, "2027-03-11");
  assert_agenda (t, "2027-03-11",
                 "Bob Irate [irate] due 2027-03-11 +0 ×0 «»\n"
                 "Cy Leak [nothing-went-right] due 2027-03-11 +0 ×0 «»\n");
}

static void
test_move_moves_the_due_call_to_the_date (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  g_autofree char *id = cli_add_customer (t, "Ada Lovelace", NULL);
  g_autofree char *other = cli_add_customer (t, "Grace Hopper", NULL);

  cli_test_set_today (t, "2026-11-24");
  cli_do (t, "log", id, "--result", "no-answer", NULL);
  cli_test_set_today (t, "2026-11-25");
  cli_do (t, "flag", id, "irate", "--date", "2026-11-20", NULL);
  assert_agenda (t, "2026-11-25",
                 "Ada Lovelace [irate,new] due 2026-11-23 +2 ×1 «»\n"
                 "Grace Hopper [new] due 2026-11-24 +1 ×0 «»\n");

  /* Every due follow-up of that customer moves; attempts unchanged; nobody else moves. */
  cli_do (t, "move", id, "--to", "2026-12-01", NULL);
  assert_follow_ups (t, id,
                     "irate open 2026-12-01 ×0 - «»\n"
                     "new open 2026-12-01 ×1 - «»\n");
  assert_agenda (t, "2026-11-25", "Grace Hopper [new] due 2026-11-24 +1 ×0 «»\n");
  assert_agenda (t, "2026-11-30", "Grace Hopper [new] due 2026-11-24 +6 ×0 «»\n");
  assert_agenda (t, "2026-12-01",
                 "Ada Lovelace [irate,new] due 2026-12-01 +0 ×1 «»\n"
                 "Grace Hopper [new] due 2026-11-24 +7 ×0 «»\n");
}

static void
test_move_to_today_is_allowed (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  g_autofree char *id = cli_add_customer (t, "Bob Irate", "--no-follow-up", NULL);

  cli_do (t, "flag", id, "irate", "--date", "2026-11-16", NULL);
  cli_do (t, "move", id, "--to", "2026-11-20", NULL);
  assert_follow_ups (t, id, "irate open 2026-11-20 ×0 - «»\n");
}

static void
test_move_to_a_day_before_today_is_refused (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-25");
  g_autofree char *id = NULL;
  const char *expected[] = { "2026-11-24", NULL };
  g_autofree char *err = NULL;

  cli_test_set_today (t, "2026-11-20");
  id = cli_add_customer (t, "Ada Lovelace", NULL);
  cli_test_set_today (t, "2026-11-25");
  err = cli_fails (t, expected, "move", id, "--to", "2026-11-24", NULL);
  assert_follow_ups (t, id, "new open 2026-11-24 ×0 - «»\n");
}

static void
test_issue_2_scenario_end_to_end (void)
{
  /* Friday 2026-11-20: the shop takes on Ada, has an angry customer, a botched
   * job and a long-standing customer due a check-in. */
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  g_autofree char *ada = cli_add_customer (t, "Ada Lovelace", "--phone", "+44 20 7946 0000", NULL);
  g_autofree char *bob = cli_add_customer (t, "Bob Irate", "--phone", "555-0101", "--no-follow-up", NULL);
  g_autofree char *cy = cli_add_customer (t, "Cy Leak", "--phone", "555-0102", "--no-follow-up", NULL);
  g_autofree char *dee = cli_add_customer (t, "Dee Regular", "--phone", "555-0103",
                                           "--since", "2026-08-01", "--no-follow-up", NULL);
  g_autofree char *eve = cli_add_customer (t, "Eve Wrong", "--phone", "555-0104", NULL);

  cli_do (t, "flag", bob, "irate", "--note", "Charged twice", NULL);
  cli_do (t, "flag", cy, "nothing-went-right", "--note", "Heating still cold", NULL);
  cli_do (t, "flag", dee, "regular", NULL);
  assert_agenda (t, "2026-11-20", "Dee Regular [regular] due 2026-11-20 +0 ×0 «»\n");
  cli_do (t, "--staff", "Sam", "log", dee, "--result", "callback", "--callback", "2026-11-23", NULL);
  assert_agenda (t, "2026-11-20", "");

  /* Monday 23: the irate call (next business day) and Dee's callback. */
  cli_test_set_today (t, "2026-11-23");
  assert_agenda (t, "2026-11-23",
                 "Bob Irate [irate] due 2026-11-23 +0 ×0 «Charged twice»\n"
                 "Dee Regular [regular] due 2026-11-23 +0 ×0 «»\n");
  cli_do (t, "--staff", "Sam", "log", bob, "--result", "reached", "--satisfaction", "4",
          "--note", "Refund arrived", NULL);
  cli_do (t, "--staff", "Sam", "log", dee, "--result", "reached", "--satisfaction", "5", NULL);
  assert_follow_ups (t, bob, "irate closed - ×0 satisfied «Charged twice»\n");
  /* The regular recurs: 2026-11-23 + 90 = Sunday 2027-02-21 → Monday 2027-02-22. */
  assert_follow_ups (t, dee,
                     "regular open 2027-02-22 ×0 - «»\n"
                     "regular closed - ×0 satisfied «»\n");
  /* Cy's problem is fixed today. */
  cli_do (t, "corrected", cy, NULL);
  assert_agenda (t, "2026-11-23", "");

  /* Tuesday 24: the new customers (2nd business day after Friday) and Cy. */
  cli_test_set_today (t, "2026-11-24");
  {
    g_autofree char *cy_note = NULL;
    g_autoptr(JsonNode) node = cli_json (t, "agenda", "--json", NULL);
    JsonArray *calls = json_object_get_array_member (cli_json_object (node), "calls");
    g_assert_cmpuint (json_array_get_length (calls), ==, 3);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (calls, 0), "name"), ==, "Cy Leak");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (calls, 0), "due"), ==, "2026-11-24");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (calls, 1), "name"), ==, "Ada Lovelace");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (calls, 1), "phone"), ==, "+44 20 7946 0000");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (calls, 2), "name"), ==, "Eve Wrong");
  }
  cli_do (t, "--staff", "Sam", "log", cy, "--result", "reached", "--satisfaction", "2",
          "--problem-persists", "--note", "Radiator upstairs cold", NULL);
  cli_do (t, "--staff", "Sam", "log", ada, "--result", "no-answer", NULL);
  cli_do (t, "--staff", "Sam", "log", eve, "--result", "wrong-number", NULL);
  assert_follow_ups (t, cy,
                     "nothing-went-right waiting - ×0 - «Radiator upstairs cold»\n"
                     "nothing-went-right closed - ×0 problem-persists «Heating still cold»\n");
  assert_follow_ups (t, eve, "new closed - ×0 unreachable «»\n");
  {
    g_autoptr(JsonNode) node = show (t, eve);
    g_assert_true (json_object_get_boolean_member (cli_json_object (node), "phone_needs_check"));
  }
  assert_agenda (t, "2026-11-24", "");

  /* Wednesday 25 and Thursday 26: Ada does not answer, and is unreachable. */
  cli_test_set_today (t, "2026-11-25");
  assert_agenda (t, "2026-11-25", "Ada Lovelace [new] due 2026-11-25 +0 ×1 «»\n");
  cli_do (t, "--staff", "Kim", "log", ada, "--result", "voicemail", NULL);
  cli_test_set_today (t, "2026-11-26");
  assert_agenda (t, "2026-11-26", "Ada Lovelace [new] due 2026-11-26 +0 ×2 «»\n");
  cli_do (t, "--staff", "Kim", "log", ada, "--result", "no-answer", NULL);
  assert_follow_ups (t, ada, "new closed - ×3 unreachable «»\n");

  /* Nothing else is planned until Dee's next check-in. */
  assert_agenda (t, "2027-02-19", "");
  assert_agenda (t, "2027-02-22", "Dee Regular [regular] due 2027-02-22 +0 ×0 «»\n");
  {
    g_autoptr(JsonNode) node = cli_json (t, "history", ada, "--json", NULL);
    JsonArray *calls = cli_json_array (node);
    g_assert_cmpuint (json_array_get_length (calls), ==, 3);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (calls, 0), "staff"), ==, "Kim");
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (calls, 2), "staff"), ==, "Sam");
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/agenda/json-has-the-contract-fields", test_agenda_json_has_the_contract_fields);
  g_test_add_func ("/cli/agenda/defaults-to-today", test_agenda_defaults_to_today);
  g_test_add_func ("/cli/agenda/orders-by-situation-then-due-then-name", test_agenda_orders_by_situation_then_due_then_name);
  g_test_add_func ("/cli/agenda/has-one-entry-per-customer-with-every-due-situation", test_agenda_has_one_entry_per_customer_with_every_due_situation);
  g_test_add_func ("/cli/rules/new-customer-is-due-the-second-business-day", test_new_customer_is_due_the_second_business_day);
  g_test_add_func ("/cli/rules/irate-is-due-the-next-business-day", test_irate_is_due_the_next_business_day);
  g_test_add_func ("/cli/rules/nothing-went-right-waits-until-corrected", test_nothing_went_right_waits_until_corrected);
  g_test_add_func ("/cli/rules/regular-is-due-after-the-cadence-on-a-business-day", test_regular_is_due_after_the_cadence_on_a_business_day);
  g_test_add_func ("/cli/flag/again-updates-the-note-without-duplicating", test_flag_again_updates_the_note_without_duplicating);
  g_test_add_func ("/cli/unflag/closes-the-follow-up-as-cancelled", test_unflag_closes_the_follow_up_as_cancelled);
  g_test_add_func ("/cli/corrected/takes-a-date-and-a-note", test_corrected_takes_a_date_and_a_note);
  g_test_add_func ("/cli/log/reached-regular-opens-the-next-one", test_reached_regular_opens_the_next_one);
  g_test_add_func ("/cli/log/three-failed-attempts-make-a-customer-unreachable", test_three_failed_attempts_make_a_customer_unreachable);
  g_test_add_func ("/cli/log/no-answer-on-a-friday-is-due-monday", test_no_answer_on_a_friday_is_due_monday);
  g_test_add_func ("/cli/log/wrong-number-closes-and-marks-the-phone", test_wrong_number_closes_and_marks_the_phone);
  g_test_add_func ("/cli/log/callback-moves-the-call-to-the-agreed-day", test_callback_moves_the_call_to_the_agreed_day);
  g_test_add_func ("/cli/log/problem-persists-opens-a-waiting-nothing-went-right", test_problem_persists_opens_a_waiting_nothing_went_right);
  g_test_add_func ("/cli/log/a-call-when-nothing-is-due-changes-no-follow-up", test_a_call_when_nothing_is_due_changes_no_follow_up);
  g_test_add_func ("/cli/log/records-the-staff-option", test_log_records_the_staff_option);
  g_test_add_func ("/cli/today/replaces-the-date-everywhere", test_today_replaces_the_date_everywhere);
  g_test_add_func ("/cli/move/moves-the-due-call-to-the-date", test_move_moves_the_due_call_to_the_date);
  g_test_add_func ("/cli/move/to-today-is-allowed", test_move_to_today_is_allowed);
  g_test_add_func ("/cli/move/to-a-day-before-today-is-refused", test_move_to_a_day_before_today_is_refused);
  g_test_add_func ("/cli/scenario/issue-2-end-to-end", test_issue_2_scenario_end_to_end);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-test-calls"

#include "config.h"

#include "test-helpers.h"

typedef struct {
  RapportCallResult result;
  guint satisfaction;
  gboolean problem_persists;
  const char *callback;
  const char *note;
  const char *date;
  const char *staff;
} Call;

/* Logs @call; returns its id, or NULL with @error set. */
static char *
try_log (Fixture     *f,
         const char  *id,
         const Call  *call,
         GError     **error)
{
  RapportCallInput input = { 0 };
  GDate date, callback;

  input.result = call->result;
  input.satisfaction = call->satisfaction;
  input.problem_persists = call->problem_persists;
  input.note = call->note;
  input.staff = call->staff;
  if (call->date != NULL)
    {
      date = day (call->date);
      input.date = &date;
    }
  if (call->callback != NULL)
    {
      callback = day (call->callback);
      input.callback = &callback;
    }
  return rapport_store_log_call (f->store, id, &input, error);
}

static char *
must_log (Fixture    *f,
          const char *id,
          const Call *call)
{
  g_autoptr(GError) error = NULL;
  char *call_id = try_log (f, id, call, &error);

  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (call_id));
  return call_id;
}

/* Logging @call fails with INVALID and changes nothing at all. */
static void
assert_log_refused (Fixture    *f,
                    const char *id,
                    const Call *call)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_tables (f);
  g_autofree char *after = NULL;
  g_autofree char *call_id = NULL;
  guint changed;
  gulong handler = count_changed (f, &changed);

  call_id = try_log (f, id, call, &error);
  g_assert_null (call_id);
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  after = dump_tables (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (changed, ==, 0);
  g_signal_handler_disconnect (f->store, handler);
}

static GPtrArray *
history (Fixture    *f,
         const char *id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *calls = rapport_store_list_calls (f->store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (calls);
  return calls;
}

static void
undo (Fixture    *f,
      const char *call_id)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = rapport_store_undo_call (f->store, call_id, &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

static void
assert_closed (Fixture            *f,
               const char         *id,
               RapportSituation    situation,
               RapportCloseReason  reason,
               const char         *closed_on)
{
  g_autoptr(RapportFollowUp) open = open_follow_up (f, id, situation);
  g_autoptr(RapportFollowUp) closed = closed_follow_up (f, id, situation);

  g_test_message ("%s closed", rapport_situation_to_key (situation));
  /* A closed regular is followed by the next one; the others stay closed. */
  if (situation != RAPPORT_SITUATION_REGULAR)
    g_assert_null (open);
  g_assert_nonnull (closed);
  g_assert_cmpint (rapport_follow_up_get_state (closed), ==, RAPPORT_FOLLOW_UP_CLOSED);
  g_assert_cmpstr (rapport_close_reason_to_key (rapport_follow_up_get_close_reason (closed)), ==,
                   rapport_close_reason_to_key (reason));
  assert_date (rapport_follow_up_get_closed_on (closed), closed_on);
  assert_date (rapport_follow_up_get_due (closed), "(none)");
}

static void
assert_open (Fixture          *f,
             const char       *id,
             RapportSituation  situation,
             const char       *due,
             guint             attempts)
{
  g_autoptr(RapportFollowUp) fu = open_follow_up (f, id, situation);

  g_test_message ("%s open", rapport_situation_to_key (situation));
  g_assert_nonnull (fu);
  g_assert_cmpint (rapport_follow_up_get_state (fu), ==, RAPPORT_FOLLOW_UP_OPEN);
  assert_due (fu, due);
  g_assert_cmpuint (rapport_follow_up_get_attempts (fu), ==, attempts);
}

/* Ada: since Thursday 2026-11-19 (new due Monday 2026-11-23) and flagged
 * irate on Friday 2026-11-20 (due Monday 2026-11-23). Today is 2026-11-23. */
static char *
add_ada_due_today (Fixture *f)
{
  char *id = add_customer (f, "Ada Lovelace", "+44 20 7946 0000", "2026-11-19", TRUE);

  flag (f, id, RAPPORT_SITUATION_IRATE, "2026-11-20", "Billed twice");
  assert_open (f, id, RAPPORT_SITUATION_NEW, "2026-11-23", 0);
  assert_open (f, id, RAPPORT_SITUATION_IRATE, "2026-11-23", 0);
  return id;
}

static void
test_reached_closes_satisfied (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *id = add_ada_due_today (f);
  g_autofree char *call_id = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GError) error = NULL;
  const RapportSituation *situations;
  RapportCall *call;
  guint n;
  Call c = { RAPPORT_RESULT_REACHED, 4, .note = "Happy now" };

  call_id = must_log (f, id, &c);
  assert_closed (f, id, RAPPORT_SITUATION_IRATE, RAPPORT_CLOSE_SATISFIED, "2026-11-23");
  assert_closed (f, id, RAPPORT_SITUATION_NEW, RAPPORT_CLOSE_SATISFIED, "2026-11-23");
  g_assert_cmpuint (count_follow_ups (f, id, FALSE), ==, 0);
  agenda = rapport_store_get_agenda (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (agenda->len, ==, 0);

  calls = history (f, id);
  g_assert_cmpuint (calls->len, ==, 1);
  call = g_ptr_array_index (calls, 0);
  g_assert_cmpstr (rapport_call_get_id (call), ==, call_id);
  g_assert_cmpstr (rapport_call_get_customer_id (call), ==, id);
  g_assert_cmpstr (rapport_call_get_customer_name (call), ==, "Ada Lovelace");
  assert_date (rapport_call_get_date (call), "2026-11-23");
  g_assert_cmpint (rapport_call_get_result (call), ==, RAPPORT_RESULT_REACHED);
  g_assert_cmpuint (rapport_call_get_satisfaction (call), ==, 4);
  g_assert_false (rapport_call_get_problem_persists (call));
  g_assert_cmpstr (rapport_call_get_note (call), ==, "Happy now");
  g_assert_cmpstr (rapport_call_get_staff (call), ==, "Grace");
  assert_date (rapport_call_get_callback (call), "(none)");
  situations = rapport_call_get_situations (call, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpint (situations[0], ==, RAPPORT_SITUATION_IRATE);
  g_assert_cmpint (situations[1], ==, RAPPORT_SITUATION_NEW);
}

static void
test_reached_closes_overdue (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *id = add_ada_due_today (f);
  g_autofree char *call_id = NULL;
  Call c = { RAPPORT_RESULT_REACHED, 5 };

  /* Called three days late: everything due on or before the call closes. */
  set_today (f, "2026-11-26");
  call_id = must_log (f, id, &c);
  assert_closed (f, id, RAPPORT_SITUATION_IRATE, RAPPORT_CLOSE_SATISFIED, "2026-11-26");
  assert_closed (f, id, RAPPORT_SITUATION_NEW, RAPPORT_CLOSE_SATISFIED, "2026-11-26");
}

static void
test_rating_rules (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *id = add_ada_due_today (f);
  const Call refused[] = {
    { RAPPORT_RESULT_REACHED, 0 },
    { RAPPORT_RESULT_REACHED, 6 },
    { RAPPORT_RESULT_REACHED, 0, TRUE },
    { RAPPORT_RESULT_NO_ANSWER, 3 },
    { RAPPORT_RESULT_VOICEMAIL, 1 },
    { RAPPORT_RESULT_WRONG_NUMBER, 5 },
    { RAPPORT_RESULT_CALLBACK, 4, .callback = "2026-11-25" },
    { RAPPORT_RESULT_NO_ANSWER, 0, TRUE },
    { RAPPORT_RESULT_NO_ANSWER, 0, .callback = "2026-11-25" },
    { RAPPORT_RESULT_REACHED, 5, .callback = "2026-11-25" },
    { RAPPORT_N_RESULTS, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_test_message ("case %u", i);
      assert_log_refused (f, id, &refused[i]);
    }

  /* Both ends of the scale are accepted. */
  {
    Call one = { RAPPORT_RESULT_REACHED, 1, .date = "2026-11-20" };
    Call five = { RAPPORT_RESULT_REACHED, 5, .date = "2026-11-21" };
    g_autofree char *a = must_log (f, id, &one);
    g_autofree char *b = must_log (f, id, &five);
  }
}

static void
test_problem_persists (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *id = add_ada_due_today (f);
  g_autofree char *call_id = NULL;
  g_autoptr(RapportFollowUp) problem = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GError) error = NULL;
  Call c = { RAPPORT_RESULT_REACHED, 2, TRUE, .note = "Still billed twice" };
  GDate corrected = day ("2026-11-25");

  call_id = must_log (f, id, &c);
  assert_closed (f, id, RAPPORT_SITUATION_IRATE, RAPPORT_CLOSE_PROBLEM_PERSISTS, "2026-11-23");
  assert_closed (f, id, RAPPORT_SITUATION_NEW, RAPPORT_CLOSE_PROBLEM_PERSISTS, "2026-11-23");

  problem = open_follow_up (f, id, RAPPORT_SITUATION_NOTHING_WENT_RIGHT);
  g_assert_nonnull (problem);
  g_assert_cmpint (rapport_follow_up_get_state (problem), ==, RAPPORT_FOLLOW_UP_WAITING);
  g_assert_cmpstr (rapport_follow_up_get_note (problem), ==, "Still billed twice");
  assert_date (rapport_follow_up_get_flagged_on (problem), "2026-11-23");
  assert_date (rapport_follow_up_get_due (problem), "(none)");
  g_assert_cmpuint (count_follow_ups (f, id, FALSE), ==, 1);

  calls = history (f, id);
  g_assert_true (rapport_call_get_problem_persists (g_ptr_array_index (calls, 0)));

  /* Once fixed, the call is due the next business day. */
  set_today (f, "2026-11-25");
  g_assert_true (rapport_store_mark_corrected (f->store, id, &corrected, NULL, &error));
  g_assert_no_error (error);
  assert_open (f, id, RAPPORT_SITUATION_NOTHING_WENT_RIGHT, "2026-11-26", 0);
}

static void
test_problem_persists_with_waiting_problem (Fixture       *f,
                                            gconstpointer  data)
{
  g_autofree char *id = add_ada_due_today (f);
  g_autofree char *call_id = NULL;
  g_autoptr(RapportFollowUp) problem = NULL;
  Call c = { RAPPORT_RESULT_REACHED, 1, TRUE, .note = "Radiator still cold" };

  flag (f, id, RAPPORT_SITUATION_NOTHING_WENT_RIGHT, "2026-11-20", "Radiator cold");
  call_id = must_log (f, id, &c);
  /* Still one waiting problem, now with the call's note. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM follow_ups"
                                 " WHERE situation = 'nothing-went-right'", NULL), ==, 1);
  problem = open_follow_up (f, id, RAPPORT_SITUATION_NOTHING_WENT_RIGHT);
  g_assert_cmpint (rapport_follow_up_get_state (problem), ==, RAPPORT_FOLLOW_UP_WAITING);
  g_assert_cmpstr (rapport_follow_up_get_note (problem), ==, "Radiator still cold");
}

static void
test_no_answer_retries_then_unreachable (Fixture       *f,
                                         gconstpointer  data)
{
  g_autofree char *id = add_ada_due_today (f);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  Call c1 = { RAPPORT_RESULT_NO_ANSWER };
  Call c2 = { RAPPORT_RESULT_VOICEMAIL };
  Call c3 = { RAPPORT_RESULT_NO_ANSWER };

  first = must_log (f, id, &c1);
  assert_open (f, id, RAPPORT_SITUATION_IRATE, "2026-11-24", 1);
  assert_open (f, id, RAPPORT_SITUATION_NEW, "2026-11-24", 1);

  set_today (f, "2026-11-24");
  second = must_log (f, id, &c2);
  assert_open (f, id, RAPPORT_SITUATION_IRATE, "2026-11-25", 2);
  assert_open (f, id, RAPPORT_SITUATION_NEW, "2026-11-25", 2);

  /* The 3rd failed attempt closes them as unreachable. */
  set_today (f, "2026-11-25");
  third = must_log (f, id, &c3);
  assert_closed (f, id, RAPPORT_SITUATION_IRATE, RAPPORT_CLOSE_UNREACHABLE, "2026-11-25");
  assert_closed (f, id, RAPPORT_SITUATION_NEW, RAPPORT_CLOSE_UNREACHABLE, "2026-11-25");
  {
    g_autoptr(RapportFollowUp) fu = closed_follow_up (f, id, RAPPORT_SITUATION_IRATE);
    g_assert_cmpuint (rapport_follow_up_get_attempts (fu), ==, 3);
  }
  g_assert_cmpuint (history (f, id)->len, ==, 3);
}

static void
test_no_answer_on_friday_retries_monday (Fixture       *f,
                                         gconstpointer  data)
{
  g_autofree char *id = add_plain_customer (f, "Ada Lovelace", "2026-01-05");
  g_autofree char *call_id = NULL;
  g_autofree char *late = NULL;
  Call c = { RAPPORT_RESULT_VOICEMAIL };

  flag (f, id, RAPPORT_SITUATION_IRATE, "2026-11-26", NULL);
  set_today (f, "2026-11-27");
  call_id = must_log (f, id, &c);
  assert_open (f, id, RAPPORT_SITUATION_IRATE, "2026-11-30", 1);

  /* Called late (Wednesday for a Monday call): the retry counts from the call. */
  set_today (f, "2026-12-02");
  late = must_log (f, id, &c);
  assert_open (f, id, RAPPORT_SITUATION_IRATE, "2026-12-03", 2);
}

static void
test_retry_rules (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *id = add_plain_customer (f, "Ada Lovelace", "2026-01-05");
  g_autoptr(GError) error = NULL;
  const char *days[] = { "2026-11-23", "2026-11-25", "2026-11-27", "2026-12-01", "2026-12-03" };
  const char *next[] = { "2026-11-25", "2026-11-27", "2026-12-01", "2026-12-03" };
  RapportRules rules;

  rapport_store_get_rules (f->store, &rules);
  rules.max_attempts = 5;
  rules.retry_days = 2;
  g_assert_true (rapport_store_set_rules (f->store, &rules, &error));
  g_assert_no_error (error);
  flag (f, id, RAPPORT_SITUATION_IRATE, "2026-11-20", NULL);

  /* Retries two business days apart; the 5th failure closes it. */
  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autofree char *call_id = NULL;
      Call c = { RAPPORT_RESULT_NO_ANSWER };

      set_today (f, days[i]);
      call_id = must_log (f, id, &c);
      if (i < G_N_ELEMENTS (next))
        assert_open (f, id, RAPPORT_SITUATION_IRATE, next[i], i + 1);
    }
  assert_closed (f, id, RAPPORT_SITUATION_IRATE, RAPPORT_CLOSE_UNREACHABLE, "2026-12-03");
}

static void
test_wrong_number (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *id = add_ada_due_today (f);
  g_autofree char *call_id = NULL;
  g_autoptr(RapportCustomer) c = NULL;
  g_autoptr(GError) error = NULL;
  Call call = { RAPPORT_RESULT_WRONG_NUMBER };

  c = rapport_store_get_customer (f->store, id, &error);
  g_assert_false (rapport_customer_get_phone_needs_check (c));
  g_clear_object (&c);

  call_id = must_log (f, id, &call);
  assert_closed (f, id, RAPPORT_SITUATION_IRATE, RAPPORT_CLOSE_UNREACHABLE, "2026-11-23");
  assert_closed (f, id, RAPPORT_SITUATION_NEW, RAPPORT_CLOSE_UNREACHABLE, "2026-11-23");
  c = rapport_store_get_customer (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_true (rapport_customer_get_phone_needs_check (c));

  /* Another field edited: the number still needs a check. */
  rapport_customer_set_notes (c, "Moved offices");
  g_assert_true (rapport_store_update_customer (f->store, c, &error));
  g_assert_no_error (error);
  g_clear_object (&c);
  c = rapport_store_get_customer (f->store, id, &error);
  g_assert_true (rapport_customer_get_phone_needs_check (c));

  /* The right number entered: checked. */
  rapport_customer_set_phone (c, "+44 20 7946 0999");
  g_assert_true (rapport_store_update_customer (f->store, c, &error));
  g_assert_no_error (error);
  g_clear_object (&c);
  c = rapport_store_get_customer (f->store, id, &error);
  g_assert_false (rapport_customer_get_phone_needs_check (c));
}

static void
test_callback (Fixture       *f,
               gconstpointer  data)
{
  g_autofree char *id = add_ada_due_today (f);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  Call no_answer = { RAPPORT_RESULT_NO_ANSWER };
  Call callback = { RAPPORT_RESULT_CALLBACK, .callback = "2026-12-02", .note = "In a meeting" };
  Call same_day = { RAPPORT_RESULT_CALLBACK, .callback = "2026-12-02" };

  first = must_log (f, id, &no_answer);
  set_today (f, "2026-11-24");
  second = must_log (f, id, &callback);
  /* Due on the agreed date; attempts unchanged. */
  assert_open (f, id, RAPPORT_SITUATION_IRATE, "2026-12-02", 1);
  assert_open (f, id, RAPPORT_SITUATION_NEW, "2026-12-02", 1);
  calls = history (f, id);
  assert_date (rapport_call_get_callback (g_ptr_array_index (calls, 0)), "2026-12-02");

  /* A callback for later the same day is fine. */
  set_today (f, "2026-12-02");
  third = must_log (f, id, &same_day);
  assert_open (f, id, RAPPORT_SITUATION_IRATE, "2026-12-02", 1);
}

static void
test_callback_date_required (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *id = add_ada_due_today (f);
  Call missing = { RAPPORT_RESULT_CALLBACK };
  Call before = { RAPPORT_RESULT_CALLBACK, .callback = "2026-11-22" };
  Call before_call = { RAPPORT_RESULT_CALLBACK, .callback = "2026-11-20", .date = "2026-11-21" };

  assert_log_refused (f, id, &missing);
  assert_log_refused (f, id, &before);
  assert_log_refused (f, id, &before_call);
}

static void
test_call_when_nothing_due (Fixture       *f,
                            gconstpointer  data)
{
  /* New due Tuesday 2026-11-24, irate waiting: nothing due on Monday. */
  g_autofree char *id = add_customer (f, "Ada Lovelace", NULL, "2026-11-20", TRUE);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const Call calls[] = {
    { RAPPORT_RESULT_REACHED, 5, .note = "Just checking in" },
    { RAPPORT_RESULT_NO_ANSWER },
    { RAPPORT_RESULT_VOICEMAIL },
    { RAPPORT_RESULT_CALLBACK, .callback = "2026-11-30" },
    { RAPPORT_RESULT_REACHED, 3, TRUE },
  };

  flag (f, id, RAPPORT_SITUATION_NOTHING_WENT_RIGHT, "2026-11-20", "Leak");
  before = query_text (f, "SELECT group_concat (uuid || state || coalesce (due, '-') || attempts"
                          " || note || coalesce (close_reason, '-') || updated_at, ';')"
                          " FROM follow_ups", NULL);
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      g_autoptr(GPtrArray) list = NULL;
      g_autofree char *call_id = must_log (f, id, &calls[i]);
      guint n;

      list = history (f, id);
      g_assert_cmpuint (list->len, ==, i + 1);
      rapport_call_get_situations (g_ptr_array_index (list, 0), &n);
      g_assert_cmpuint (n, ==, 0);
    }
  after = query_text (f, "SELECT group_concat (uuid || state || coalesce (due, '-') || attempts"
                         " || note || coalesce (close_reason, '-') || updated_at, ';')"
                         " FROM follow_ups", NULL);
  /* Not even "problem persists" touches them: that is about due situations. */
  g_test_message ("%s", after);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM call_effects", NULL), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM follow_ups", NULL), ==, 2);
  assert_open (f, id, RAPPORT_SITUATION_NEW, "2026-11-24", 0);
  g_assert_cmpstr (after, ==, before);
}

static void
test_call_in_future_refused (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *id = add_ada_due_today (f);
  Call tomorrow = { RAPPORT_RESULT_REACHED, 5, .date = "2026-11-24" };
  Call next_year = { RAPPORT_RESULT_NO_ANSWER, .date = "2027-11-23" };

  assert_log_refused (f, id, &tomorrow);
  assert_log_refused (f, id, &next_year);
}

static void
test_call_unknown_customer (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *call_id = NULL;
  Call c = { RAPPORT_RESULT_NO_ANSWER };

  call_id = try_log (f, "abcdef12", &c, &error);
  g_assert_null (call_id);
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM calls", NULL), ==, 0);
}

static void
test_regular_recurs (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *id = add_plain_customer (f, "Ada Lovelace", "2026-11-23");
  g_autofree char *call_id = NULL;
  g_autoptr(RapportFollowUp) next = NULL;
  Call c = { RAPPORT_RESULT_REACHED, 5 };

  flag (f, id, RAPPORT_SITUATION_REGULAR, "2026-11-23", NULL);
  assert_open (f, id, RAPPORT_SITUATION_REGULAR, "2027-02-22", 0);

  /* Reached on the due day: it closes and the next one opens one cadence
   * later: 2027-02-22 + 90 = Sunday 2027-05-23 → Monday 2027-05-24. */
  set_today (f, "2027-02-22");
  call_id = must_log (f, id, &c);
  assert_closed (f, id, RAPPORT_SITUATION_REGULAR, RAPPORT_CLOSE_SATISFIED, "2027-02-22");
  assert_open (f, id, RAPPORT_SITUATION_REGULAR, "2027-05-24", 0);
  next = open_follow_up (f, id, RAPPORT_SITUATION_REGULAR);
  assert_date (rapport_follow_up_get_flagged_on (next), "2027-02-22");
  g_assert_cmpuint (count_follow_ups (f, id, TRUE), ==, 2);
}

static void
test_regular_recurs_after_late_call (Fixture       *f,
                                     gconstpointer  data)
{
  g_autofree char *id = add_plain_customer (f, "Ada Lovelace", "2026-11-23");
  g_autofree char *call_id = NULL;
  Call c = { RAPPORT_RESULT_REACHED, 4, TRUE, .note = "Wants a discount" };

  flag (f, id, RAPPORT_SITUATION_REGULAR, "2026-11-23", NULL);
  /* Reached ten days late, with a problem: the next check-in counts from the
   * call (2027-03-04 + 90 = Thursday 2027-06-02), and the problem waits. */
  set_today (f, "2027-03-04");
  call_id = must_log (f, id, &c);
  assert_closed (f, id, RAPPORT_SITUATION_REGULAR, RAPPORT_CLOSE_PROBLEM_PERSISTS, "2027-03-04");
  assert_open (f, id, RAPPORT_SITUATION_REGULAR, "2027-06-02", 0);
  {
    g_autoptr(RapportFollowUp) problem = open_follow_up (f, id, RAPPORT_SITUATION_NOTHING_WENT_RIGHT);
    g_assert_cmpint (rapport_follow_up_get_state (problem), ==, RAPPORT_FOLLOW_UP_WAITING);
    g_assert_cmpstr (rapport_follow_up_get_note (problem), ==, "Wants a discount");
  }
}

/* Issue 9: any reached call restarts the regular clock. */
static void
test_contact_restarts_regular_clock (Fixture       *f,
                                     gconstpointer  data)
{
  g_autofree char *id = add_plain_customer (f, "Ada Lovelace", "2026-11-23");
  g_autofree char *call_id = NULL;
  Call c = { RAPPORT_RESULT_REACHED, 5 };

  flag (f, id, RAPPORT_SITUATION_REGULAR, "2026-11-23", NULL);
  assert_open (f, id, RAPPORT_SITUATION_REGULAR, "2027-02-22", 0);

  /* Reached ten days before the check-in: 2027-02-12 + 90 = Thursday 2027-05-13. */
  set_today (f, "2027-02-12");
  call_id = must_log (f, id, &c);
  assert_open (f, id, RAPPORT_SITUATION_REGULAR, "2027-05-13", 0);
  g_assert_cmpuint (count_follow_ups (f, id, TRUE), ==, 1);
}

static void
test_irate_call_moves_regular (Fixture       *f,
                               gconstpointer  data)
{
  /* Since Monday 2026-09-14: the regular check-in is due Sunday 2026-12-13 →
   * Monday 2026-12-14. Irate flagged Friday 2026-12-04, due Monday 2026-12-07. */
  g_autofree char *id = add_plain_customer (f, "Ada Lovelace", "2026-09-14");
  g_autofree char *call_id = NULL;
  Call c = { RAPPORT_RESULT_REACHED, 4 };

  set_today (f, "2026-12-04");
  flag (f, id, RAPPORT_SITUATION_REGULAR, "2026-12-04", NULL);
  flag (f, id, RAPPORT_SITUATION_IRATE, "2026-12-04", NULL);
  assert_open (f, id, RAPPORT_SITUATION_REGULAR, "2026-12-14", 0);
  assert_open (f, id, RAPPORT_SITUATION_IRATE, "2026-12-07", 0);

  /* Reached about the irate flag on Monday 2026-12-07: not called again next
   * week; the check-in moves to 2026-12-07 + 90 = Sunday 2027-03-07 → Monday. */
  set_today (f, "2026-12-07");
  call_id = must_log (f, id, &c);
  assert_closed (f, id, RAPPORT_SITUATION_IRATE, RAPPORT_CLOSE_SATISFIED, "2026-12-07");
  assert_open (f, id, RAPPORT_SITUATION_REGULAR, "2027-03-08", 0);
  {
    g_autoptr(GPtrArray) calls = history (f, id);
    guint n;
    const RapportSituation *s = rapport_call_get_situations (g_ptr_array_index (calls, 0), &n);
    g_assert_cmpuint (n, ==, 1);
    g_assert_cmpint (s[0], ==, RAPPORT_SITUATION_IRATE);
  }
}

static void
test_failed_contact_keeps_regular_clock (Fixture       *f,
                                         gconstpointer  data)
{
  const Call failed[] = {
    { RAPPORT_RESULT_NO_ANSWER },
    { RAPPORT_RESULT_VOICEMAIL },
    { RAPPORT_RESULT_CALLBACK, .callback = "2026-12-09" },
    { RAPPORT_RESULT_WRONG_NUMBER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (failed); i++)
    {
      g_autofree char *id = add_plain_customer (f, "Ada Lovelace", "2026-09-14");
      g_autofree char *call_id = NULL;

      g_test_message ("%s", rapport_call_result_to_key (failed[i].result));
      set_today (f, "2026-12-04");
      flag (f, id, RAPPORT_SITUATION_REGULAR, "2026-12-04", NULL);
      flag (f, id, RAPPORT_SITUATION_IRATE, "2026-12-04", NULL);
      set_today (f, "2026-12-07");
      call_id = must_log (f, id, &failed[i]);
      assert_open (f, id, RAPPORT_SITUATION_REGULAR, "2026-12-14", 0);
    }
}

static void
test_reached_without_due_keeps_regular_without_regular (Fixture       *f,
                                                        gconstpointer  data)
{
  /* No regular follow-up at all: a reached call does not invent one. */
  g_autofree char *id = add_plain_customer (f, "Ada Lovelace", "2026-09-14");
  g_autofree char *call_id = NULL;
  Call c = { RAPPORT_RESULT_REACHED, 5 };

  call_id = must_log (f, id, &c);
  g_assert_cmpuint (count_follow_ups (f, id, TRUE), ==, 0);
}

/* Undo puts back every row exactly: run @calls, undo them newest first, and
 * compare full dumps. Timestamps are aged first so that a forgotten
 * updated_at shows even within one second. */
static void
assert_undo_restores (Fixture    *f,
                      const char *id,
                      const Call *calls,
                      guint       n_calls)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *after_calls = NULL;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);

  age_timestamps (f);
  before = dump_tables (f);
  for (guint i = 0; i < n_calls; i++)
    g_ptr_array_add (ids, must_log (f, id, &calls[i]));
  after_calls = dump_tables (f);
  g_assert_cmpstr (after_calls, !=, before);
  for (guint i = n_calls; i > 0; i--)
    {
      guint changed;
      gulong handler = count_changed (f, &changed);
      undo (f, g_ptr_array_index (ids, i - 1));
      g_assert_cmpuint (changed, ==, 1);
      g_signal_handler_disconnect (f->store, handler);
    }
  after = dump_tables (f);
  g_assert_cmpstr (after, ==, before);
}

static void
test_undo_retry (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *id = add_ada_due_today (f);
  const Call calls[] = { { RAPPORT_RESULT_NO_ANSWER }, { RAPPORT_RESULT_VOICEMAIL },
                         { RAPPORT_RESULT_NO_ANSWER } };

  /* Two retries, then the third closes unreachable; all undone. */
  assert_undo_restores (f, id, calls, G_N_ELEMENTS (calls));
  assert_open (f, id, RAPPORT_SITUATION_IRATE, "2026-11-23", 0);
  g_assert_cmpuint (history (f, id)->len, ==, 0);
}

static void
test_undo_callback (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *id = add_ada_due_today (f);
  const Call calls[] = { { RAPPORT_RESULT_CALLBACK, .callback = "2026-11-30" } };

  assert_undo_restores (f, id, calls, G_N_ELEMENTS (calls));
}

static void
test_undo_reached_with_problem (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *id = add_ada_due_today (f);
  const Call calls[] = { { RAPPORT_RESULT_REACHED, 2, TRUE, .note = "Still billed twice" } };

  /* Closes irate and new, opens a waiting problem, moves the regular clock. */
  flag (f, id, RAPPORT_SITUATION_REGULAR, "2026-11-23", "Quarterly");
  assert_undo_restores (f, id, calls, G_N_ELEMENTS (calls));
  g_assert_null (open_follow_up (f, id, RAPPORT_SITUATION_NOTHING_WENT_RIGHT));
  assert_open (f, id, RAPPORT_SITUATION_REGULAR, "2027-02-17", 0);
}

static void
test_undo_problem_that_persists_again (Fixture       *f,
                                       gconstpointer  data)
{
  g_autofree char *id = add_plain_customer (f, "Ada Lovelace", "2026-01-05");
  g_autoptr(GError) error = NULL;
  const Call calls[] = { { RAPPORT_RESULT_REACHED, 1, TRUE, .note = "Still leaking" } };
  GDate corrected = day ("2026-11-20");

  /* The corrected problem is due today; the call closes it as persisting and
   * opens a new waiting one of the same situation. Undo must swap them back. */
  flag (f, id, RAPPORT_SITUATION_NOTHING_WENT_RIGHT, "2026-11-18", "Leaking boiler");
  g_assert_true (rapport_store_mark_corrected (f->store, id, &corrected, NULL, &error));
  g_assert_no_error (error);
  assert_open (f, id, RAPPORT_SITUATION_NOTHING_WENT_RIGHT, "2026-11-23", 0);
  assert_undo_restores (f, id, calls, G_N_ELEMENTS (calls));
  assert_open (f, id, RAPPORT_SITUATION_NOTHING_WENT_RIGHT, "2026-11-23", 0);
}

static void
test_undo_problem_note (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *id = add_ada_due_today (f);
  const Call calls[] = { { RAPPORT_RESULT_REACHED, 2, TRUE, .note = "Still cold" } };

  /* The waiting problem's note is put back too. */
  flag (f, id, RAPPORT_SITUATION_NOTHING_WENT_RIGHT, "2026-11-20", "Radiator cold");
  assert_undo_restores (f, id, calls, G_N_ELEMENTS (calls));
}

static void
test_undo_regular_recurrence (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *id = add_plain_customer (f, "Ada Lovelace", "2026-11-23");
  const Call calls[] = { { RAPPORT_RESULT_REACHED, 5, .date = "2027-02-22" } };

  flag (f, id, RAPPORT_SITUATION_REGULAR, "2026-11-23", NULL);
  set_today (f, "2027-02-22");
  /* The call closes the regular and opens the next: undo removes the new one. */
  assert_undo_restores (f, id, calls, G_N_ELEMENTS (calls));
  g_assert_cmpuint (count_follow_ups (f, id, TRUE), ==, 1);
  assert_open (f, id, RAPPORT_SITUATION_REGULAR, "2027-02-22", 0);
}

/* The customer row itself changed twice (phone marked, then put back): its
 * updated_at moves on, like any edit, which a sync needs to see. Everything
 * else must be exactly as before. */
static char *
dump_after_phone_undo (Fixture *f)
{
  static const char sql[] =
    "UPDATE customers SET updated_at = '2000-01-01T00:00:00Z'"
    " WHERE updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'";
  sqlite3 *db = rapport_database_get_handle (rapport_store_get_database (f->store));

  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  return dump_tables (f);
}

static void
test_undo_wrong_number (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *id = add_ada_due_today (f);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *call_id = NULL;
  g_autoptr(RapportCustomer) c = NULL;
  g_autoptr(GError) error = NULL;
  Call call = { RAPPORT_RESULT_WRONG_NUMBER };

  age_timestamps (f);
  before = dump_tables (f);
  call_id = must_log (f, id, &call);
  undo (f, call_id);
  c = rapport_store_get_customer (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_false (rapport_customer_get_phone_needs_check (c));
  after = dump_after_phone_undo (f);
  g_assert_cmpstr (after, ==, before);

  /* A phone already marked stays marked after undoing another wrong number. */
  g_clear_pointer (&call_id, g_free);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  g_clear_object (&c);
  {
    g_autofree char *first = must_log (f, id, &call);
    /* The first wrong number closed irate: flag it again to have something due. */
    flag (f, id, RAPPORT_SITUATION_IRATE, "2026-11-20", NULL);
    age_timestamps (f);
    before = dump_tables (f);
    call_id = must_log (f, id, &call);
    undo (f, call_id);
    after = dump_after_phone_undo (f);
    g_assert_cmpstr (after, ==, before);
    c = rapport_store_get_customer (f->store, id, &error);
    g_assert_no_error (error);
    g_assert_true (rapport_customer_get_phone_needs_check (c));
  }
}

static void
test_undo_only_latest (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *id = add_ada_due_today (f);
  g_autofree char *other = add_customer (f, "Grace Hopper", NULL, "2026-11-19", TRUE);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *others_call = NULL;
  g_autofree char *start = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  Call no_answer = { RAPPORT_RESULT_NO_ANSWER };
  Call reached = { RAPPORT_RESULT_REACHED, 3 };

  age_timestamps (f);
  start = dump_tables (f);
  first = must_log (f, id, &no_answer);
  set_today (f, "2026-11-24");
  second = must_log (f, id, &reached);
  /* Another customer's later call does not block Ada's undo. */
  others_call = must_log (f, other, &no_answer);

  before = dump_tables (f);
  g_assert_false (rapport_store_undo_call (f->store, first, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);
  after = dump_tables (f);
  g_assert_cmpstr (after, ==, before);

  undo (f, second);
  assert_open (f, id, RAPPORT_SITUATION_IRATE, "2026-11-24", 1);
  undo (f, first);
  assert_open (f, id, RAPPORT_SITUATION_IRATE, "2026-11-23", 0);
  undo (f, others_call);
  g_clear_pointer (&after, g_free);
  after = dump_tables (f);
  g_assert_cmpstr (after, ==, start);

  /* Undoing again, or an unknown call, is NOT_FOUND. */
  g_assert_false (rapport_store_undo_call (f->store, first, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (rapport_store_undo_call (f->store, "00000000-0000-4000-8000-000000000000", &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND);
}

static void
test_history_newest_first (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *id = add_ada_due_today (f);
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GPtrArray) on_24 = NULL;
  g_autoptr(GError) error = NULL;
  const Call log[] = {
    { RAPPORT_RESULT_NO_ANSWER, .date = "2026-11-23", .note = "first" },
    { RAPPORT_RESULT_VOICEMAIL, .date = "2026-11-24", .note = "second" },
    { RAPPORT_RESULT_CALLBACK, .date = "2026-11-24", .callback = "2026-11-26", .note = "third",
      .staff = "Alan" },
    { RAPPORT_RESULT_REACHED, 5, .date = "2026-11-26", .note = "fourth" },
    /* Logged last but dated earlier: history is by date. */
    { RAPPORT_RESULT_NO_ANSWER, .date = "2026-11-20", .note = "backdated" },
  };
  const char *expected[] = { "fourth", "third", "second", "first", "backdated" };
  GDate d24 = day ("2026-11-24");

  set_today (f, "2026-11-26");
  for (guint i = 0; i < G_N_ELEMENTS (log); i++)
    g_free (must_log (f, id, &log[i]));

  calls = history (f, id);
  g_assert_cmpuint (calls->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < calls->len; i++)
    g_assert_cmpstr (rapport_call_get_note (g_ptr_array_index (calls, i)), ==, expected[i]);
  g_assert_cmpstr (rapport_call_get_staff (g_ptr_array_index (calls, 1)), ==, "Alan");
  g_assert_cmpstr (rapport_call_get_staff (g_ptr_array_index (calls, 2)), ==, "Grace");

  /* The calls of one day, oldest first. */
  on_24 = rapport_store_list_calls_on (f->store, &d24, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (on_24->len, ==, 2);
  g_assert_cmpstr (rapport_call_get_note (g_ptr_array_index (on_24, 0)), ==, "second");
  g_assert_cmpstr (rapport_call_get_note (g_ptr_array_index (on_24, 1)), ==, "third");
}

#define ADD(path, func) \
  g_test_add ("/core/calls/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  ADD ("reached-closes-due-follow-ups-as-satisfied", test_reached_closes_satisfied);
  ADD ("reached-closes-overdue-follow-ups", test_reached_closes_overdue);
  ADD ("satisfaction-1-to-5-only-when-reached", test_rating_rules);
  ADD ("problem-persists-opens-a-waiting-nothing-went-right", test_problem_persists);
  ADD ("problem-persists-updates-a-waiting-problem", test_problem_persists_with_waiting_problem);
  ADD ("no-answer-retries-next-business-day-then-unreachable", test_no_answer_retries_then_unreachable);
  ADD ("failed-attempt-on-friday-retries-monday", test_no_answer_on_friday_retries_monday);
  ADD ("retry-and-max-attempts-settings-are-used", test_retry_rules);
  ADD ("wrong-number-closes-unreachable-and-marks-the-phone", test_wrong_number);
  ADD ("callback-is-due-on-that-date-attempts-unchanged", test_callback);
  ADD ("callback-needs-a-date-not-before-the-call", test_callback_date_required);
  ADD ("call-when-nothing-is-due-changes-no-follow-up", test_call_when_nothing_due);
  ADD ("call-in-the-future-is-refused", test_call_in_future_refused);
  ADD ("call-for-an-unknown-customer-is-refused", test_call_unknown_customer);
  ADD ("reached-regular-opens-the-next-one-cadence-later", test_regular_recurs);
  ADD ("late-regular-counts-from-the-call", test_regular_recurs_after_late_call);
  ADD ("reached-call-before-due-restarts-the-regular-clock", test_contact_restarts_regular_clock);
  ADD ("reached-irate-call-moves-the-regular-check-in", test_irate_call_moves_regular);
  ADD ("failed-contact-keeps-the-regular-clock", test_failed_contact_keeps_regular_clock);
  ADD ("reached-call-opens-no-regular-by-itself", test_reached_without_due_keeps_regular_without_regular);
  ADD ("undo-restores-retries-exactly", test_undo_retry);
  ADD ("undo-restores-a-callback-exactly", test_undo_callback);
  ADD ("undo-restores-a-reached-call-with-a-problem-exactly", test_undo_reached_with_problem);
  ADD ("undo-restores-a-waiting-problems-note", test_undo_problem_note);
  ADD ("undo-restores-a-problem-that-persisted-again", test_undo_problem_that_persists_again);
  ADD ("undo-removes-the-next-regular", test_undo_regular_recurrence);
  ADD ("undo-restores-the-phone-flag-exactly", test_undo_wrong_number);
  ADD ("undo-only-the-latest-call-of-a-customer", test_undo_only_latest);
  ADD ("history-lists-newest-first", test_history_newest_first);

  return test_run ();
}

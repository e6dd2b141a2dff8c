/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-test-move"

#include "config.h"

#include "test-helpers.h"

/* Issue 9: moving a call to another day without logging an attempt. */

static gboolean
move (Fixture     *f,
      const char  *id,
      const char  *to,
      GError     **error)
{
  GDate d = day (to);
  return rapport_store_move (f->store, id, &d, error);
}

static guint
agenda_length (Fixture    *f,
               const char *iso)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GDate d = day (iso);

  entries = rapport_store_get_agenda (f->store, &d, &error);
  g_assert_no_error (error);
  return entries->len;
}

static void
assert_due_and_attempts (Fixture          *f,
                         const char       *id,
                         RapportSituation  situation,
                         const char       *due,
                         guint             attempts)
{
  g_autoptr(RapportFollowUp) fu = open_follow_up (f, id, situation);

  g_test_message ("%s", rapport_situation_to_key (situation));
  assert_due (fu, due);
  g_assert_cmpuint (rapport_follow_up_get_attempts (fu), ==, attempts);
}

/* Ada: since Thursday 2026-11-19, so `new` is due Monday 2026-11-23; irate
 * flagged Friday 2026-11-20, due Monday too; a regular check-in due
 * 2026-11-19 + 90 = Wednesday 2027-02-17; a problem waiting for its fix.
 * One unanswered call on Monday moved both to Tuesday with 1 attempt. */
static char *
add_ada (Fixture *f)
{
  char *id = add_customer (f, "Ada Lovelace", NULL, "2026-11-19", TRUE);
  g_autofree char *call = NULL;

  flag (f, id, RAPPORT_SITUATION_IRATE, "2026-11-20", "Billed twice");
  flag (f, id, RAPPORT_SITUATION_REGULAR, "2026-11-20", NULL);
  flag (f, id, RAPPORT_SITUATION_NOTHING_WENT_RIGHT, "2026-11-20", "Waiting for a part");
  call = log_call (f, id, RAPPORT_RESULT_NO_ANSWER, 0, "2026-11-23");
  assert_due_and_attempts (f, id, RAPPORT_SITUATION_IRATE, "2026-11-24", 1);
  assert_due_and_attempts (f, id, RAPPORT_SITUATION_NEW, "2026-11-24", 1);
  assert_due_and_attempts (f, id, RAPPORT_SITUATION_REGULAR, "2027-02-17", 0);
  return id;
}

static void
test_move_due_follow_ups (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *id = add_ada (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportFollowUp) waiting = NULL;
  guint changed;
  gulong handler;

  /* Wednesday, one day overdue: move to Friday 2026-11-27. */
  set_today (f, "2026-11-25");
  handler = count_changed (f, &changed);
  g_assert_true (move (f, id, "2026-11-27", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_signal_handler_disconnect (f->store, handler);

  assert_due_and_attempts (f, id, RAPPORT_SITUATION_IRATE, "2026-11-27", 1);
  assert_due_and_attempts (f, id, RAPPORT_SITUATION_NEW, "2026-11-27", 1);
  /* Not due yet: it keeps its own date. */
  assert_due_and_attempts (f, id, RAPPORT_SITUATION_REGULAR, "2027-02-17", 0);
  waiting = open_follow_up (f, id, RAPPORT_SITUATION_NOTHING_WENT_RIGHT);
  g_assert_cmpint (rapport_follow_up_get_state (waiting), ==, RAPPORT_FOLLOW_UP_WAITING);

  /* Off today's agenda, on Friday's; no call was logged. */
  g_assert_cmpuint (agenda_length (f, "2026-11-25"), ==, 0);
  g_assert_cmpuint (agenda_length (f, "2026-11-26"), ==, 0);
  g_assert_cmpuint (agenda_length (f, "2026-11-27"), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM calls", NULL), ==, 1);
}

static void
test_move_keeps_later_follow_ups (Fixture       *f,
                                  gconstpointer  data)
{
  /* Irate due Monday 2026-11-23; new due Thursday 2026-11-26 (since Tuesday). */
  g_autofree char *id = add_customer (f, "Ada Lovelace", NULL, "2026-11-24", TRUE);
  g_autoptr(GError) error = NULL;

  flag (f, id, RAPPORT_SITUATION_IRATE, "2026-11-20", NULL);
  set_today (f, "2026-11-25");
  g_assert_true (move (f, id, "2026-11-30", &error));
  g_assert_no_error (error);
  assert_due_and_attempts (f, id, RAPPORT_SITUATION_IRATE, "2026-11-30", 0);
  assert_due_and_attempts (f, id, RAPPORT_SITUATION_NEW, "2026-11-26", 0);
}

static void
test_move_to_today (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *id = add_ada (f);
  g_autoptr(GError) error = NULL;

  set_today (f, "2026-11-26");
  g_assert_true (move (f, id, "2026-11-26", &error));
  g_assert_no_error (error);
  assert_due_and_attempts (f, id, RAPPORT_SITUATION_IRATE, "2026-11-26", 1);
  assert_due_and_attempts (f, id, RAPPORT_SITUATION_NEW, "2026-11-26", 1);
}

static void
assert_move_refused (Fixture      *f,
                     const char   *id,
                     const char   *to,
                     RapportError  code)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_tables (f);
  g_autofree char *after = NULL;
  guint changed;
  gulong handler = count_changed (f, &changed);

  g_test_message ("move %s to %s", id, to);
  g_assert_false (move (f, id, to, &error));
  g_assert_error (error, RAPPORT_ERROR, (gint) code);
  after = dump_tables (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (changed, ==, 0);
  g_signal_handler_disconnect (f->store, handler);
}

static void
test_move_into_the_past_refused (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *id = add_ada (f);

  set_today (f, "2026-11-25");
  assert_move_refused (f, id, "2026-11-24", RAPPORT_ERROR_INVALID);
  assert_move_refused (f, id, "2025-11-25", RAPPORT_ERROR_INVALID);
  assert_due_and_attempts (f, id, RAPPORT_SITUATION_IRATE, "2026-11-24", 1);
}

static void
test_move_deleted_customer (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *id = add_ada (f);
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_store_delete_customer (f->store, id, &error));
  g_assert_no_error (error);
  set_today (f, "2026-11-25");
  assert_move_refused (f, id, "2026-11-27", RAPPORT_ERROR_NOT_FOUND);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM follow_ups WHERE due = '2026-11-24'", NULL), ==, 2);
  assert_move_refused (f, "0123abcd", "2026-11-27", RAPPORT_ERROR_NOT_FOUND);
}

static void
test_move_a_call_not_yet_due (Fixture       *f,
                              gconstpointer  data)
{
  /* New due Tuesday 2026-11-24; today is Monday: nothing is due yet, so the
   * next planned call (the one on Tuesday's agenda) is the one that moves. */
  g_autofree char *id = add_customer (f, "Ada Lovelace", NULL, "2026-11-20", TRUE);
  g_autoptr(GError) error = NULL;

  g_assert_true (move (f, id, "2026-11-30", &error));
  g_assert_no_error (error);
  assert_due_and_attempts (f, id, RAPPORT_SITUATION_NEW, "2026-11-30", 0);
}

static void
test_move_with_nothing_planned (Fixture       *f,
                                gconstpointer  data)
{
  /* No follow-up at all: nothing to move, and nothing changes. */
  g_autofree char *id = add_customer (f, "Ada Lovelace", NULL, "2026-11-20", FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_tables (f);
  g_autofree char *after = NULL;

  g_assert_false (move (f, id, "2026-11-30", &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND);
  after = dump_tables (f);
  g_assert_cmpstr (after, ==, before);
}

#define ADD(path, func) \
  g_test_add ("/core/move/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  ADD ("moves-every-due-follow-up-keeping-attempts", test_move_due_follow_ups);
  ADD ("follow-ups-due-later-stay", test_move_keeps_later_follow_ups);
  ADD ("can-move-to-today", test_move_to_today);
  ADD ("a-date-before-today-is-refused-and-changes-nothing", test_move_into_the_past_refused);
  ADD ("a-deleted-customer-cannot-be-moved", test_move_deleted_customer);
  ADD ("a-call-not-yet-due-moves", test_move_a_call_not_yet_due);
  ADD ("nothing-planned-nothing-moves", test_move_with_nothing_planned);

  return test_run ();
}

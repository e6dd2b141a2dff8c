/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-store"

/* Logging calls, what each result does to the follow-ups that were due, and
 * Undo, which puts everything back as it was. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-date.h"
#include "rapport-error.h"
#include "rapport-model-private.h"
#include "rapport-store-private.h"

typedef struct {
  gint64 rowid;
  RapportSituation situation;
} DueFollowUp;

typedef struct {
  RapportStore *self;
  const char *customer_id;
  const RapportCallInput *input;
  GDate day;
  char *call_id;
} LogOp;

static gboolean
validate_input (RapportStore            *self,
                const RapportCallInput  *input,
                const GDate             *day,
                GError                 **error)
{
  GDate today;

  if (input->result >= RAPPORT_N_RESULTS)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("Unknown call result; use one of: %s"), rapport_call_result_valid_keys ());
      return FALSE;
    }
  if (input->result == RAPPORT_RESULT_REACHED)
    {
      if (input->satisfaction < 1 || input->satisfaction > 5)
        {
          g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                               _("A reached call needs a satisfaction rating from 1 to 5"));
          return FALSE;
        }
    }
  else
    {
      if (input->satisfaction != 0)
        {
          g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                               _("A satisfaction rating is only given when the customer was reached"));
          return FALSE;
        }
      if (input->problem_persists)
        {
          g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                               _("“A problem persists” is only recorded when the customer was reached"));
          return FALSE;
        }
    }
  if (input->result == RAPPORT_RESULT_CALLBACK)
    {
      if (input->callback == NULL || !g_date_valid (input->callback))
        {
          g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                               _("A call back needs the date to call back on"));
          return FALSE;
        }
      if (g_date_compare (input->callback, day) < 0)
        {
          g_autofree char *iso = rapport_date_to_iso (input->callback);
          g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                       _("The call-back date %s is before the call"), iso);
          return FALSE;
        }
    }
  else if (input->callback != NULL && g_date_valid (input->callback))
    {
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                           _("A call-back date is only given with the result “callback”"));
      return FALSE;
    }
  rapport_store_get_today (self, &today);
  if (g_date_compare (day, &today) > 0)
    {
      g_autofree char *iso = rapport_date_to_iso (day);
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("A call cannot be logged in the future (%s is after today)"), iso);
      return FALSE;
    }
  return TRUE;
}

/* Remembers a follow-up as it is before the call changes it. */
static gboolean
save_effect (RapportDatabase  *db,
             gint64            call,
             gint64            follow_up,
             GError          **error)
{
  static const char sql[] =
    "INSERT OR IGNORE INTO call_effects (call_id, follow_up_id, prev_state, prev_due, prev_attempts,"
    " prev_note, prev_close_reason, prev_closed_on, prev_closed_by_call, prev_updated_at)"
    " SELECT ?1, id, state, due, attempts, note, close_reason, closed_on, closed_by_call, updated_at"
    " FROM follow_ups WHERE id = ?2";
  sqlite3_stmt *stmt = rapport_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, call);
  sqlite3_bind_int64 (stmt, 2, follow_up);
  return rapport_database_step_done (db, stmt, error);
}

static gboolean
close_follow_up (RapportDatabase    *db,
                 gint64              follow_up,
                 RapportCloseReason  reason,
                 const GDate        *day,
                 gint64              call,
                 GError            **error)
{
  static const char sql[] =
    "UPDATE follow_ups SET state = 'closed', due = NULL, close_reason = ?2, closed_on = ?3,"
    " closed_by_call = ?4, updated_at = ?5 WHERE id = ?1";
  sqlite3_stmt *stmt = rapport_database_prepare (db, sql, error);
  g_autofree char *now = rapport_timestamp_now ();

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, follow_up);
  rapport_bind_text (stmt, 2, rapport_close_reason_to_key (reason));
  rapport_bind_date (stmt, 3, day);
  sqlite3_bind_int64 (stmt, 4, call);
  rapport_bind_text (stmt, 5, now);
  return rapport_database_step_done (db, stmt, error);
}

static gboolean
reschedule_follow_up (RapportDatabase  *db,
                      gint64            follow_up,
                      const GDate      *due,
                      guint             attempts,
                      GError          **error)
{
  static const char sql[] =
    "UPDATE follow_ups SET due = ?2, attempts = ?3, updated_at = ?4 WHERE id = ?1";
  sqlite3_stmt *stmt = rapport_database_prepare (db, sql, error);
  g_autofree char *now = rapport_timestamp_now ();

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, follow_up);
  rapport_bind_date (stmt, 2, due);
  sqlite3_bind_int (stmt, 3, (int) attempts);
  rapport_bind_text (stmt, 4, now);
  return rapport_database_step_done (db, stmt, error);
}

/* The open or waiting follow-up of a situation that this call did not close. */
static gint64
find_open (RapportDatabase   *db,
           gint64             customer,
           RapportSituation   situation,
           GDate             *due,
           GError           **error)
{
  static const char sql[] =
    "SELECT id, due FROM follow_ups WHERE customer_id = ?1 AND situation = ?2"
    " AND state <> 'closed' AND deleted_at IS NULL";
  sqlite3_stmt *stmt = rapport_database_prepare (db, sql, error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, customer);
  rapport_bind_text (stmt, 2, rapport_situation_to_key (situation));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      id = sqlite3_column_int64 (stmt, 0);
      if (due)
        rapport_column_date (stmt, 1, due);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      rapport_database_set_error (db, rc, error);
      return -1;
    }
  return id;
}

static gboolean
log_call_cb (RapportDatabase *db,
             gpointer         user_data,
             GError         **error)
{
  static const char due_sql[] =
    "SELECT id, situation, attempts FROM follow_ups WHERE customer_id = ?1 AND state = 'open'"
    " AND due <= ?2 AND deleted_at IS NULL"
    " ORDER BY CASE situation WHEN 'irate' THEN 0 WHEN 'nothing-went-right' THEN 1"
    "   WHEN 'new' THEN 2 ELSE 3 END";
  static const char insert_sql[] =
    "INSERT INTO calls (uuid, customer_id, day, logged_at, staff, result, satisfaction,"
    " problem_persists, callback_on, note, situations, prev_phone_needs_check, created_at, updated_at)"
    " SELECT ?1, id, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, phone_needs_check, ?3, ?3"
    " FROM customers WHERE id = ?11";
  static const char phone_sql[] =
    "UPDATE customers SET phone_needs_check = 1, updated_at = ?2 WHERE id = ?1";
  static const char note_sql[] =
    "UPDATE follow_ups SET note = ?2, updated_at = ?3 WHERE id = ?1";
  LogOp *op = user_data;
  RapportStore *self = op->self;
  const RapportCallInput *in = op->input;
  const RapportRules *rules = _rapport_store_rules (self);
  g_autoptr(GArray) due = g_array_new (FALSE, FALSE, sizeof (DueFollowUp));
  g_autoptr(GArray) attempts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) situations = g_string_new (NULL);
  g_autofree char *uuid = rapport_uuid_new ();
  g_autofree char *now = rapport_timestamp_now ();
  gboolean closed_regular = FALSE;
  gint64 customer, call;
  sqlite3_stmt *stmt;
  int rc;

  customer = _rapport_store_resolve_customer (self, op->customer_id, error);
  if (customer == 0)
    return FALSE;

  stmt = rapport_database_prepare (db, due_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer);
  rapport_bind_date (stmt, 2, &op->day);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      DueFollowUp f = { sqlite3_column_int64 (stmt, 0), RAPPORT_SITUATION_REGULAR };
      guint n = (guint) sqlite3_column_int (stmt, 2);
      rapport_situation_from_key (rapport_column_text (stmt, 1), &f.situation);
      g_array_append_val (due, f);
      g_array_append_val (attempts, n);
      if (situations->len)
        g_string_append_c (situations, ',');
      g_string_append (situations, rapport_situation_to_key (f.situation));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_database_set_error (db, rc, error);
      return FALSE;
    }

  stmt = rapport_database_prepare (db, insert_sql, error);
  if (stmt == NULL)
    return FALSE;
  rapport_bind_text (stmt, 1, uuid);
  rapport_bind_date (stmt, 2, &op->day);
  rapport_bind_text (stmt, 3, now);
  rapport_bind_text (stmt, 4, in->staff && *in->staff ? in->staff : rapport_store_get_staff (self));
  rapport_bind_text (stmt, 5, rapport_call_result_to_key (in->result));
  if (in->result == RAPPORT_RESULT_REACHED)
    sqlite3_bind_int (stmt, 6, (int) in->satisfaction);
  sqlite3_bind_int (stmt, 7, in->problem_persists);
  rapport_bind_date (stmt, 8, in->result == RAPPORT_RESULT_CALLBACK ? in->callback : NULL);
  rapport_bind_text (stmt, 9, in->note ? in->note : "");
  rapport_bind_text (stmt, 10, situations->str);
  sqlite3_bind_int64 (stmt, 11, customer);
  if (!rapport_database_step_done (db, stmt, error))
    return FALSE;
  call = sqlite3_last_insert_rowid (rapport_database_get_handle (db));

  for (guint i = 0; i < due->len; i++)
    {
      DueFollowUp *f = &g_array_index (due, DueFollowUp, i);
      guint n = g_array_index (attempts, guint, i);
      GDate next = op->day;
      gboolean ok = TRUE;

      if (!save_effect (db, call, f->rowid, error))
        return FALSE;

      switch (in->result)
        {
        case RAPPORT_RESULT_REACHED:
          ok = close_follow_up (db, f->rowid,
                                in->problem_persists ? RAPPORT_CLOSE_PROBLEM_PERSISTS : RAPPORT_CLOSE_SATISFIED,
                                &op->day, call, error);
          closed_regular |= f->situation == RAPPORT_SITUATION_REGULAR;
          break;

        case RAPPORT_RESULT_NO_ANSWER:
        case RAPPORT_RESULT_VOICEMAIL:
          if (n + 1 >= rules->max_attempts)
            {
              ok = reschedule_follow_up (db, f->rowid, &next, n + 1, error) &&
                   close_follow_up (db, f->rowid, RAPPORT_CLOSE_UNREACHABLE, &op->day, call, error);
            }
          else
            {
              rapport_date_add_business_days (&next, rules->retry_days, rules->business_days);
              ok = reschedule_follow_up (db, f->rowid, &next, n + 1, error);
            }
          break;

        case RAPPORT_RESULT_WRONG_NUMBER:
          ok = close_follow_up (db, f->rowid, RAPPORT_CLOSE_UNREACHABLE, &op->day, call, error);
          break;

        case RAPPORT_RESULT_CALLBACK:
          ok = reschedule_follow_up (db, f->rowid, in->callback, n, error);
          break;

        case RAPPORT_N_RESULTS:
        default:
          g_return_val_if_reached (FALSE);
        }
      if (!ok)
        return FALSE;
    }

  if (in->result == RAPPORT_RESULT_WRONG_NUMBER)
    {
      stmt = rapport_database_prepare (db, phone_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, customer);
      rapport_bind_text (stmt, 2, now);
      if (!rapport_database_step_done (db, stmt, error))
        return FALSE;
    }

  /* Only a call that closed due follow-ups reopens a problem: a call when
   * nothing is due changes no follow-up (issue 2). */
  if (in->result == RAPPORT_RESULT_REACHED && in->problem_persists && due->len > 0)
    {
      /* The problem goes back to the owner: a waiting nothing-went-right. */
      gint64 existing = find_open (db, customer, RAPPORT_SITUATION_NOTHING_WENT_RIGHT, NULL, error);
      if (existing < 0)
        return FALSE;
      if (existing > 0)
        {
          if (!save_effect (db, call, existing, error))
            return FALSE;
          stmt = rapport_database_prepare (db, note_sql, error);
          if (stmt == NULL)
            return FALSE;
          sqlite3_bind_int64 (stmt, 1, existing);
          rapport_bind_text (stmt, 2, in->note ? in->note : "");
          rapport_bind_text (stmt, 3, now);
          if (!rapport_database_step_done (db, stmt, error))
            return FALSE;
        }
      else if (!_rapport_store_insert_follow_up (self, customer, RAPPORT_SITUATION_NOTHING_WENT_RIGHT,
                                                 &op->day, NULL, in->note, call, error))
        return FALSE;
    }

  if (in->result == RAPPORT_RESULT_REACHED)
    {
      /* Any contact restarts the regular clock: the check-in comes one cadence
       * after this call, whether or not it was due. */
      GDate next;
      gint64 regular = find_open (db, customer, RAPPORT_SITUATION_REGULAR, NULL, error);

      if (regular < 0)
        return FALSE;
      if (regular > 0 || closed_regular)
        {
          if (!_rapport_store_regular_due (self, customer, &op->day, &next, error))
            return FALSE;
          if (regular > 0)
            {
              if (!save_effect (db, call, regular, error))
                return FALSE;
              stmt = rapport_database_prepare (db, "UPDATE follow_ups SET due = ?2, updated_at = ?3 WHERE id = ?1", error);
              if (stmt == NULL)
                return FALSE;
              sqlite3_bind_int64 (stmt, 1, regular);
              rapport_bind_date (stmt, 2, &next);
              rapport_bind_text (stmt, 3, now);
              if (!rapport_database_step_done (db, stmt, error))
                return FALSE;
            }
          else if (!_rapport_store_insert_follow_up (self, customer, RAPPORT_SITUATION_REGULAR,
                                                     &op->day, &next, NULL, call, error))
            return FALSE;
        }
    }

  op->call_id = g_steal_pointer (&uuid);
  return TRUE;
}

char *
rapport_store_log_call (RapportStore            *self,
                        const char              *customer_id,
                        const RapportCallInput  *input,
                        GError                 **error)
{
  LogOp op = { self, customer_id, input };

  g_return_val_if_fail (input != NULL, NULL);
  _rapport_store_day (self, input->date, &op.day);
  if (!validate_input (self, input, &op.day, error))
    return NULL;
  if (!rapport_database_transaction (_rapport_store_db (self), log_call_cb, &op, error))
    {
      g_free (op.call_id);
      return NULL;
    }
  _rapport_store_emit_changed (self);
  return op.call_id;
}

typedef struct {
  RapportStore *self;
  const char *call_id;
} UndoOp;

static gboolean
undo_call_cb (RapportDatabase *db,
              gpointer         user_data,
              GError         **error)
{
  static const char find_sql[] =
    "SELECT k.id, k.customer_id, k.prev_phone_needs_check,"
    " (SELECT count(*) FROM calls l WHERE l.customer_id = k.customer_id AND l.id > k.id"
    "   AND l.deleted_at IS NULL)"
    " FROM calls k WHERE k.uuid = ?1 AND k.deleted_at IS NULL";
  static const char restore_sql[] =
    "UPDATE follow_ups SET (state, due, attempts, note, close_reason, closed_on, closed_by_call, updated_at) ="
    " (SELECT prev_state, prev_due, prev_attempts, prev_note, prev_close_reason, prev_closed_on,"
    "   prev_closed_by_call, prev_updated_at FROM call_effects WHERE call_id = ?1 AND follow_up_id = follow_ups.id)"
    " WHERE id IN (SELECT follow_up_id FROM call_effects WHERE call_id = ?1)";
  static const char drop_effects_sql[] = "DELETE FROM call_effects WHERE call_id = ?1";
  static const char drop_opened_sql[] = "DELETE FROM follow_ups WHERE opened_by_call = ?1";
  static const char phone_sql[] =
    "UPDATE customers SET phone_needs_check = ?2 WHERE id = ?1 AND phone_needs_check <> ?2";
  static const char drop_call_sql[] = "DELETE FROM calls WHERE id = ?1";
  UndoOp *op = user_data;
  sqlite3_stmt *stmt;
  gint64 call, customer;
  int prev_phone, later;
  int rc;

  stmt = rapport_database_prepare (db, find_sql, error);
  if (stmt == NULL)
    return FALSE;
  rapport_bind_text (stmt, 1, op->call_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                     _("There is no call with the id “%s”"), op->call_id);
      else
        rapport_database_set_error (db, rc, error);
      return FALSE;
    }
  call = sqlite3_column_int64 (stmt, 0);
  customer = sqlite3_column_int64 (stmt, 1);
  prev_phone = sqlite3_column_int (stmt, 2);
  later = sqlite3_column_int (stmt, 3);
  sqlite3_reset (stmt);

  /* Undoing an older call would throw away what later calls did. */
  if (later > 0)
    {
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                           _("Only the latest call of a customer can be undone"));
      return FALSE;
    }

  {
    /* The follow-ups the call opened go first: the ones it closed may be of
     * the same situation, and only one may be open at a time. */
    const char *const sqls[] = { drop_opened_sql, restore_sql, drop_effects_sql };
    for (guint i = 0; i < G_N_ELEMENTS (sqls); i++)
      {
        stmt = rapport_database_prepare (db, sqls[i], error);
        if (stmt == NULL)
          return FALSE;
        sqlite3_bind_int64 (stmt, 1, call);
        if (!rapport_database_step_done (db, stmt, error))
          return FALSE;
      }
  }

  stmt = rapport_database_prepare (db, phone_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer);
  sqlite3_bind_int (stmt, 2, prev_phone);
  if (!rapport_database_step_done (db, stmt, error))
    return FALSE;

  stmt = rapport_database_prepare (db, drop_call_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, call);
  return rapport_database_step_done (db, stmt, error);
}

gboolean
rapport_store_undo_call (RapportStore  *self,
                         const char    *call_id,
                         GError       **error)
{
  UndoOp op = { self, call_id };

  if (!rapport_database_transaction (_rapport_store_db (self), undo_call_cb, &op, error))
    return FALSE;
  _rapport_store_emit_changed (self);
  return TRUE;
}

#define CALL_COLUMNS \
  "k.uuid, c.uuid, c.name, k.day, k.logged_at, k.staff, k.result, k.satisfaction," \
  " k.problem_persists, k.callback_on, k.note, k.situations"

static RapportCall *
call_from_row (sqlite3_stmt *stmt)
{
  RapportCallResult result = RAPPORT_RESULT_REACHED;
  GDate day, callback;

  rapport_column_date (stmt, 3, &day);
  rapport_call_result_from_key (rapport_column_text (stmt, 6), &result);
  rapport_column_date (stmt, 9, &callback);
  return _rapport_call_new (rapport_column_text (stmt, 0), rapport_column_text (stmt, 1),
                            rapport_column_text (stmt, 2), &day, rapport_column_text (stmt, 4),
                            rapport_column_text (stmt, 5), result,
                            (guint) sqlite3_column_int (stmt, 7), sqlite3_column_int (stmt, 8),
                            &callback, rapport_column_text (stmt, 10),
                            rapport_column_text (stmt, 11));
}

static GPtrArray *
collect_calls (RapportDatabase  *db,
               sqlite3_stmt     *stmt,
               GError          **error)
{
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (calls, call_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_database_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&calls);
}

GPtrArray *
rapport_store_list_calls (RapportStore  *self,
                          const char    *customer_id,
                          GError       **error)
{
  static const char sql[] =
    "SELECT " CALL_COLUMNS " FROM calls k JOIN customers c ON c.id = k.customer_id"
    " WHERE k.customer_id = ?1 AND k.deleted_at IS NULL ORDER BY k.day DESC, k.id DESC";
  RapportDatabase *db = _rapport_store_db (self);
  gint64 customer = _rapport_store_resolve_customer (self, customer_id, error);
  sqlite3_stmt *stmt;

  if (customer == 0)
    return NULL;
  stmt = rapport_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer);
  return collect_calls (db, stmt, error);
}

GPtrArray *
rapport_store_list_calls_on (RapportStore  *self,
                             const GDate   *day,
                             GError       **error)
{
  static const char sql[] =
    "SELECT " CALL_COLUMNS " FROM calls k JOIN customers c ON c.id = k.customer_id"
    " WHERE k.day = ?1 AND k.deleted_at IS NULL AND c.deleted_at IS NULL ORDER BY k.id";
  RapportDatabase *db = _rapport_store_db (self);
  sqlite3_stmt *stmt = rapport_database_prepare (db, sql, error);
  GDate d;

  if (stmt == NULL)
    return NULL;
  _rapport_store_day (self, day, &d);
  rapport_bind_date (stmt, 1, &d);
  return collect_calls (db, stmt, error);
}

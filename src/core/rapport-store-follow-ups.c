/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-store"

/* The follow-up rules of RapportStore: flagging the four situations,
 * corrections, moves, and the agenda of a day. */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-date.h"
#include "rapport-error.h"
#include "rapport-model-private.h"
#include "rapport-store-private.h"

/* Reads a follow-up's columns from @c on. */
static RapportFollowUp *
follow_up_from_row (sqlite3_stmt *stmt,
                    int           c)
{
  RapportSituation situation = RAPPORT_SITUATION_REGULAR;
  RapportFollowUpState state = RAPPORT_FOLLOW_UP_CLOSED;
  RapportCloseReason reason = RAPPORT_CLOSE_NONE;
  GDate flagged_on, due, closed_on;

  rapport_situation_from_key (rapport_column_text (stmt, c + 2), &situation);
  rapport_follow_up_state_from_key (rapport_column_text (stmt, c + 3), &state);
  rapport_column_date (stmt, c + 4, &flagged_on);
  rapport_column_date (stmt, c + 5, &due);
  rapport_close_reason_from_key (rapport_column_text (stmt, c + 7), &reason);
  rapport_column_date (stmt, c + 8, &closed_on);
  return _rapport_follow_up_new (rapport_column_text (stmt, c),
                                 rapport_column_text (stmt, c + 1),
                                 situation, state, &flagged_on, &due,
                                 (guint) sqlite3_column_int (stmt, c + 6),
                                 reason, &closed_on,
                                 rapport_column_text (stmt, c + 9));
}

gboolean
_rapport_store_insert_follow_up (RapportStore     *self,
                                 gint64            customer_rowid,
                                 RapportSituation  situation,
                                 const GDate      *flagged_on,
                                 const GDate      *due,
                                 const char       *note,
                                 gint64            opened_by_call,
                                 GError          **error)
{
  static const char sql[] =
    "INSERT INTO follow_ups (uuid, customer_id, situation, state, flagged_on, due, note,"
    " opened_by_call, created_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)";
  RapportDatabase *db = _rapport_store_db (self);
  sqlite3_stmt *stmt = rapport_database_prepare (db, sql, error);
  g_autofree char *uuid = rapport_uuid_new ();
  g_autofree char *now = rapport_timestamp_now ();

  if (stmt == NULL)
    return FALSE;
  rapport_bind_text (stmt, 1, uuid);
  sqlite3_bind_int64 (stmt, 2, customer_rowid);
  rapport_bind_text (stmt, 3, rapport_situation_to_key (situation));
  rapport_bind_text (stmt, 4, due ? "open" : "waiting");
  rapport_bind_date (stmt, 5, flagged_on);
  rapport_bind_date (stmt, 6, due);
  rapport_bind_text (stmt, 7, note ? note : "");
  if (opened_by_call > 0)
    sqlite3_bind_int64 (stmt, 8, opened_by_call);
  rapport_bind_text (stmt, 9, now);
  return rapport_database_step_done (db, stmt, error);
}

gboolean
_rapport_store_open_new_follow_up (RapportStore  *self,
                                   gint64         customer_rowid,
                                   const GDate   *since,
                                   GError       **error)
{
  const RapportRules *rules = _rapport_store_rules (self);
  GDate due = *since;
  GDate flagged;

  rapport_date_add_business_days (&due, rules->new_days, rules->business_days);
  /* Opened when the customer is added, even with a first service date long
   * past (an import): a past week's "open at the end of the week" must not
   * grow with customers added since. */
  rapport_store_get_today (self, &flagged);
  if (g_date_compare (since, &flagged) > 0)
    flagged = *since;
  return _rapport_store_insert_follow_up (self, customer_rowid, RAPPORT_SITUATION_NEW, &flagged, &due,
                           NULL, 0, error);
}

gboolean
_rapport_store_regular_due (RapportStore  *self,
                            gint64         customer_rowid,
                            const GDate   *not_before,
                            GDate         *out,
                            GError       **error)
{
  static const char sql[] =
    "SELECT max (c.since, coalesce ((SELECT max (day) FROM calls"
    "   WHERE customer_id = c.id AND result = 'reached' AND deleted_at IS NULL), '')),"
    " c.cadence_days"
    " FROM customers c WHERE c.id = ?1";
  RapportDatabase *db = _rapport_store_db (self);
  const RapportRules *rules = _rapport_store_rules (self);
  sqlite3_stmt *stmt = rapport_database_prepare (db, sql, error);
  guint cadence;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_rowid);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      rapport_database_set_error (db, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc, error);
      return FALSE;
    }
  rapport_column_date (stmt, 0, out);
  cadence = (guint) sqlite3_column_int (stmt, 1);
  sqlite3_reset (stmt);
  if (cadence == 0)
    cadence = rules->default_cadence;
  if (!g_date_valid (out))
    *out = *not_before;
  g_date_add_days (out, cadence);
  rapport_date_forward_to_business_day (out, rules->business_days);
  if (g_date_compare (out, not_before) < 0)
    *out = *not_before;
  return TRUE;
}

typedef struct {
  RapportStore *self;
  const char *customer_id;
  RapportSituation situation;
  const char *note;
  GDate date;
  gboolean changed;
} FlagOp;

static gboolean
flag_cb (RapportDatabase *db,
         gpointer         user_data,
         GError         **error)
{
  static const char find_sql[] =
    "SELECT id FROM follow_ups WHERE customer_id = ?1 AND situation = ?2"
    " AND state <> 'closed' AND deleted_at IS NULL";
  static const char note_sql[] =
    "UPDATE follow_ups SET note = ?2, updated_at = ?3 WHERE id = ?1";
  FlagOp *op = user_data;
  RapportStore *self = op->self;
  const RapportRules *rules = _rapport_store_rules (self);
  gint64 customer = _rapport_store_resolve_customer (self, op->customer_id, error);
  sqlite3_stmt *stmt;
  gint64 existing = 0;
  GDate due;
  int rc;

  if (customer == 0)
    return FALSE;

  stmt = rapport_database_prepare (db, find_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer);
  rapport_bind_text (stmt, 2, rapport_situation_to_key (op->situation));
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    existing = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      rapport_database_set_error (db, rc, error);
      return FALSE;
    }

  /* Flagging again updates the note; it never doubles the follow-up. */
  if (existing != 0)
    {
      g_autofree char *now = NULL;
      if (op->note == NULL)
        return TRUE;
      now = rapport_timestamp_now ();
      stmt = rapport_database_prepare (db, note_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, existing);
      rapport_bind_text (stmt, 2, op->note);
      rapport_bind_text (stmt, 3, now);
      op->changed = TRUE;
      return rapport_database_step_done (db, stmt, error);
    }

  op->changed = TRUE;
  switch (op->situation)
    {
    case RAPPORT_SITUATION_NOTHING_WENT_RIGHT:
      return _rapport_store_insert_follow_up (self, customer, op->situation, &op->date, NULL, op->note, 0, error);

    case RAPPORT_SITUATION_IRATE:
      due = op->date;
      rapport_date_add_business_days (&due, rules->irate_days, rules->business_days);
      break;

    case RAPPORT_SITUATION_NEW:
      {
        g_autoptr(RapportCustomer) c = _rapport_store_load_customer (self, customer, error);
        if (c == NULL)
          return FALSE;
        due = *rapport_customer_get_since (c);
        rapport_date_add_business_days (&due, rules->new_days, rules->business_days);
      }
      break;

    case RAPPORT_SITUATION_REGULAR:
      if (!_rapport_store_regular_due (self, customer, &op->date, &due, error))
        return FALSE;
      break;

    case RAPPORT_N_SITUATIONS:
    default:
      g_return_val_if_reached (FALSE);
    }
  return _rapport_store_insert_follow_up (self, customer, op->situation, &op->date, &due, op->note, 0, error);
}

gboolean
rapport_store_flag (RapportStore     *self,
                    const char       *customer_id,
                    RapportSituation  situation,
                    const char       *note,
                    const GDate      *date,
                    GError          **error)
{
  FlagOp op = { self, customer_id, situation, note };

  g_return_val_if_fail (situation < RAPPORT_N_SITUATIONS, FALSE);
  _rapport_store_day (self, date, &op.date);
  if (!rapport_database_transaction (_rapport_store_db (self), flag_cb, &op, error))
    return FALSE;
  if (op.changed)
    _rapport_store_emit_changed (self);
  return TRUE;
}

typedef struct {
  RapportStore *self;
  const char *customer_id;
  RapportSituation situation;
  GDate date;
  const char *note;
} CloseOp;

static gboolean
unflag_cb (RapportDatabase *db,
           gpointer         user_data,
           GError         **error)
{
  static const char sql[] =
    "UPDATE follow_ups SET state = 'closed', due = NULL, close_reason = 'cancelled',"
    " closed_on = ?3, updated_at = ?4"
    " WHERE customer_id = ?1 AND situation = ?2 AND state <> 'closed' AND deleted_at IS NULL";
  CloseOp *op = user_data;
  gint64 customer = _rapport_store_resolve_customer (op->self, op->customer_id, error);
  g_autofree char *now = rapport_timestamp_now ();
  sqlite3_stmt *stmt;

  if (customer == 0)
    return FALSE;
  stmt = rapport_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer);
  rapport_bind_text (stmt, 2, rapport_situation_to_key (op->situation));
  rapport_bind_date (stmt, 3, &op->date);
  rapport_bind_text (stmt, 4, now);
  if (!rapport_database_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (rapport_database_get_handle (db)) == 0)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                   _("The customer has no open “%s” follow-up"),
                   rapport_situation_to_key (op->situation));
      return FALSE;
    }
  return TRUE;
}

/* Closes the open follow-up of that situation as cancelled ("Stop follow-up"). */
gboolean
rapport_store_unflag (RapportStore     *self,
                      const char       *customer_id,
                      RapportSituation  situation,
                      GError          **error)
{
  CloseOp op = { self, customer_id, situation };

  g_return_val_if_fail (situation < RAPPORT_N_SITUATIONS, FALSE);
  rapport_store_get_today (self, &op.date);
  if (!rapport_database_transaction (_rapport_store_db (self), unflag_cb, &op, error))
    return FALSE;
  _rapport_store_emit_changed (self);
  return TRUE;
}

static gboolean
corrected_cb (RapportDatabase *db,
              gpointer         user_data,
              GError         **error)
{
  static const char sql[] =
    "UPDATE follow_ups SET state = 'open', due = ?2, corrected_on = ?3,"
    " note = CASE WHEN ?4 IS NULL THEN note WHEN note = '' THEN ?4 ELSE note || char (10) || ?4 END,"
    " updated_at = ?5"
    " WHERE customer_id = ?1 AND situation = 'nothing-went-right' AND state = 'waiting'"
    " AND deleted_at IS NULL";
  CloseOp *op = user_data;
  const RapportRules *rules = _rapport_store_rules (op->self);
  gint64 customer = _rapport_store_resolve_customer (op->self, op->customer_id, error);
  g_autofree char *now = rapport_timestamp_now ();
  sqlite3_stmt *stmt;
  GDate due = op->date;

  if (customer == 0)
    return FALSE;
  rapport_date_add_business_days (&due, rules->corrected_days, rules->business_days);
  stmt = rapport_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer);
  rapport_bind_date (stmt, 2, &due);
  rapport_bind_date (stmt, 3, &op->date);
  rapport_bind_text (stmt, 4, op->note && *op->note ? op->note : NULL);
  rapport_bind_text (stmt, 5, now);
  if (!rapport_database_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (rapport_database_get_handle (db)) == 0)
    {
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                           _("The customer has no “nothing-went-right” problem waiting to be corrected"));
      return FALSE;
    }
  return TRUE;
}

gboolean
rapport_store_mark_corrected (RapportStore  *self,
                              const char    *customer_id,
                              const GDate   *date,
                              const char    *note,
                              GError       **error)
{
  CloseOp op = { self, customer_id, RAPPORT_SITUATION_NOTHING_WENT_RIGHT };

  _rapport_store_day (self, date, &op.date);
  op.note = note;
  if (!rapport_database_transaction (_rapport_store_db (self), corrected_cb, &op, error))
    return FALSE;
  _rapport_store_emit_changed (self);
  return TRUE;
}

static gboolean
move_cb (RapportDatabase *db,
         gpointer         user_data,
         GError         **error)
{
  /* The customer's next call moves: what is due by today, or when nothing
   * is, the follow-ups of the earliest day still to come (a call seen on a
   * later day's agenda). Follow-ups due after that day keep their dates. */
  static const char sql[] =
    "UPDATE follow_ups SET due = ?2, updated_at = ?4"
    " WHERE customer_id = ?1 AND state = 'open' AND deleted_at IS NULL"
    " AND due <= max (?3, (SELECT min (due) FROM follow_ups WHERE customer_id = ?1"
    "   AND state = 'open' AND deleted_at IS NULL))";
  CloseOp *op = user_data;
  gint64 customer = _rapport_store_resolve_customer (op->self, op->customer_id, error);
  g_autofree char *now = rapport_timestamp_now ();
  sqlite3_stmt *stmt;
  GDate today;

  if (customer == 0)
    return FALSE;
  rapport_store_get_today (op->self, &today);
  stmt = rapport_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer);
  rapport_bind_date (stmt, 2, &op->date);
  rapport_bind_date (stmt, 3, &today);
  rapport_bind_text (stmt, 4, now);
  if (!rapport_database_step_done (db, stmt, error))
    return FALSE;
  if (sqlite3_changes (rapport_database_get_handle (db)) == 0)
    {
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                           _("The customer has no planned call to move"));
      return FALSE;
    }
  return TRUE;
}

gboolean
rapport_store_move (RapportStore  *self,
                    const char    *customer_id,
                    const GDate   *to,
                    GError       **error)
{
  CloseOp op = { self, customer_id, 0 };
  GDate today;

  g_return_val_if_fail (to != NULL && g_date_valid (to), FALSE);
  rapport_store_get_today (self, &today);
  if (g_date_compare (to, &today) < 0)
    {
      g_autofree char *iso = rapport_date_to_iso (to);
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("A call cannot be moved into the past (%s is before today)"), iso);
      return FALSE;
    }
  op.date = *to;
  if (!rapport_database_transaction (_rapport_store_db (self), move_cb, &op, error))
    return FALSE;
  _rapport_store_emit_changed (self);
  return TRUE;
}

GPtrArray *
rapport_store_list_follow_ups (RapportStore  *self,
                               const char    *customer_id,
                               gboolean       include_closed,
                               GError       **error)
{
  static const char sql[] =
    "SELECT " RAPPORT_FOLLOW_UP_COLUMNS
    " FROM follow_ups f JOIN customers c ON c.id = f.customer_id"
    " WHERE f.customer_id = ?1 AND f.deleted_at IS NULL AND (?2 OR f.state <> 'closed')"
    " ORDER BY f.state = 'closed', CASE f.situation WHEN 'irate' THEN 0"
    "   WHEN 'nothing-went-right' THEN 1 WHEN 'new' THEN 2 ELSE 3 END,"
    "   coalesce (f.closed_on, f.due, f.flagged_on) DESC, f.id DESC";
  RapportDatabase *db = _rapport_store_db (self);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 customer = _rapport_store_resolve_customer (self, customer_id, error);
  sqlite3_stmt *stmt;
  int rc;

  if (customer == 0)
    return NULL;
  stmt = rapport_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer);
  sqlite3_bind_int (stmt, 2, include_closed);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, follow_up_from_row (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_database_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
rapport_store_get_agenda (RapportStore  *self,
                          const GDate   *day,
                          GError       **error)
{
  /* One statement for the whole day: customer and follow-up columns side by
   * side, grouped by customer, so the agenda costs one index range scan. */
  static const char sql[] =
    "SELECT c." RAPPORT_CUSTOMER_COLUMNS_C ", " RAPPORT_FOLLOW_UP_COLUMNS
    " FROM follow_ups f JOIN customers c ON c.id = f.customer_id"
    " WHERE f.state = 'open' AND f.due <= ?1 AND f.deleted_at IS NULL AND c.deleted_at IS NULL"
    " ORDER BY c.id";
  RapportDatabase *db = _rapport_store_db (self);
  const RapportRules *rules = _rapport_store_rules (self);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  RapportAgendaEntry *entry = NULL;
  gint64 entry_customer = 0;
  sqlite3_stmt *stmt;
  GDate d;
  int rc;

  _rapport_store_day (self, day, &d);
  stmt = rapport_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  rapport_bind_date (stmt, 1, &d);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(RapportFollowUp) follow_up = NULL;
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      if (entry == NULL || rowid != entry_customer)
        {
          g_autoptr(RapportCustomer) customer = _rapport_customer_from_row (stmt, 0);
          entry = _rapport_agenda_entry_new (customer, &d, rules->business_days);
          entry_customer = rowid;
          g_ptr_array_add (entries, entry);
        }
      follow_up = follow_up_from_row (stmt, RAPPORT_CUSTOMER_N_COLUMNS);
      _rapport_agenda_entry_add (entry, follow_up);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_database_set_error (db, rc, error);
      return NULL;
    }

  g_ptr_array_sort (entries, _rapport_agenda_entry_compare);
  return g_steal_pointer (&entries);
}

gboolean
rapport_store_next_agenda_day (RapportStore  *self,
                               const GDate   *after,
                               GDate         *out,
                               GError       **error)
{
  static const char sql[] =
    "SELECT min (f.due) FROM follow_ups f JOIN customers c ON c.id = f.customer_id"
    " WHERE f.state = 'open' AND f.due > ?1 AND f.deleted_at IS NULL AND c.deleted_at IS NULL";
  RapportDatabase *db = _rapport_store_db (self);
  sqlite3_stmt *stmt = rapport_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rapport_bind_date (stmt, 1, after);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    rapport_column_date (stmt, 0, out);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      rapport_database_set_error (db, rc, error);
      return FALSE;
    }
  return g_date_valid (out);
}

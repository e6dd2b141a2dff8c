/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-store"

/* Exact undo of a move. rapport_store_move() cannot serve as its own undo: it
 * refuses dates before today and only moves what is due today. */

#include "config.h"

#include "rapport-database.h"
#include "rapport-date.h"
#include "rapport-store-private.h"
#include "rapport-store-restore.h"

static gboolean
restore_cb (RapportDatabase *db,
            gpointer         user_data,
            GError         **error)
{
  static const char sql[] =
    "UPDATE follow_ups SET due = ?2, updated_at = ?3"
    " WHERE uuid = ?1 AND state = 'open' AND deleted_at IS NULL";
  GPtrArray *snapshot = user_data;
  g_autofree char *now = rapport_timestamp_now ();

  for (guint i = 0; i < snapshot->len; i++)
    {
      RapportFollowUp *follow_up = g_ptr_array_index (snapshot, i);
      const GDate *due = rapport_follow_up_get_due (follow_up);
      sqlite3_stmt *stmt;
      int rc;

      if (rapport_follow_up_get_state (follow_up) != RAPPORT_FOLLOW_UP_OPEN || !g_date_valid (due))
        continue;
      stmt = rapport_database_prepare (db, sql, error);
      if (stmt == NULL)
        return FALSE;
      rapport_bind_text (stmt, 1, rapport_follow_up_get_id (follow_up));
      rapport_bind_date (stmt, 2, due);
      rapport_bind_text (stmt, 3, now);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          rapport_database_set_error (db, rc, error);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
rapport_store_restore_due_dates (RapportStore *self,
                                 GPtrArray    *snapshot,
                                 GError      **error)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);

  if (!rapport_database_transaction (_rapport_store_db (self), restore_cb, snapshot, error))
    return FALSE;
  _rapport_store_emit_changed (self);
  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-outbox"

#include "config.h"

#include "rapport-date.h"
#include "rapport-outbox.h"

#define BACKOFF_FIRST 30
#define BACKOFF_MAX 3600

struct _RapportOutbox
{
  GObject parent_instance;

  RapportStore *store;
};

G_DEFINE_FINAL_TYPE (RapportOutbox, rapport_outbox, G_TYPE_OBJECT)

void
rapport_outbox_message_free (RapportOutboxMessage *message)
{
  if (message == NULL)
    return;
  g_free (message->uuid);
  g_free (message->kind);
  g_free (message->payload);
  g_free (message->last_error);
  g_free (message);
}

static void
rapport_outbox_dispose (GObject *object)
{
  RapportOutbox *self = (RapportOutbox *) object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_outbox_parent_class)->dispose (object);
}

static void
rapport_outbox_class_init (RapportOutboxClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rapport_outbox_dispose;
}

static void
rapport_outbox_init (RapportOutbox *self)
{
}

RapportOutbox *
rapport_outbox_new (RapportStore *store)
{
  RapportOutbox *self;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  self = g_object_new (RAPPORT_TYPE_OUTBOX, NULL);
  self->store = g_object_ref (store);
  return self;
}

guint
rapport_outbox_backoff_seconds (guint attempts)
{
  guint delay = BACKOFF_FIRST;

  for (guint i = 1; i < attempts && delay < BACKOFF_MAX; i++)
    delay *= 2;
  return MIN (delay, BACKOFF_MAX);
}

/* A UTC timestamp @seconds from now, in the format of rapport_timestamp_now(). */
static char *
timestamp_in (guint seconds)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_seconds (now, seconds);

  return g_date_time_format (then, "%Y-%m-%dT%H:%M:%SZ");
}

static RapportDatabase *
outbox_db (RapportOutbox *self)
{
  return rapport_store_get_database (self->store);
}

typedef struct {
  const char *kind;
  const char *payload;
  char *uuid;
} QueueOp;

static gboolean
queue_cb (RapportDatabase  *db,
          gpointer          user_data,
          GError          **error)
{
  static const char find_sql[] =
    "SELECT uuid FROM outbox WHERE kind = ?1 AND delivered_at IS NULL AND deleted_at IS NULL"
    " ORDER BY id LIMIT 1";
  static const char update_sql[] =
    "UPDATE outbox SET payload = ?2, next_attempt_at = ?3, updated_at = ?3 WHERE uuid = ?1";
  static const char insert_sql[] =
    "INSERT INTO outbox (uuid, kind, payload, next_attempt_at, created_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?4, ?4)";
  QueueOp *op = user_data;
  g_autofree char *now = rapport_timestamp_now ();
  sqlite3_stmt *stmt = rapport_database_prepare (db, find_sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rapport_bind_text (stmt, 1, op->kind);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    op->uuid = g_strdup (rapport_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      rapport_database_set_error (db, rc, error);
      return FALSE;
    }

  if (op->uuid != NULL)
    {
      stmt = rapport_database_prepare (db, update_sql, error);
      if (stmt == NULL)
        return FALSE;
      rapport_bind_text (stmt, 1, op->uuid);
      rapport_bind_text (stmt, 2, op->payload);
      rapport_bind_text (stmt, 3, now);
      return rapport_database_step_done (db, stmt, error);
    }

  op->uuid = rapport_uuid_new ();
  stmt = rapport_database_prepare (db, insert_sql, error);
  if (stmt == NULL)
    return FALSE;
  rapport_bind_text (stmt, 1, op->uuid);
  rapport_bind_text (stmt, 2, op->kind);
  rapport_bind_text (stmt, 3, op->payload);
  rapport_bind_text (stmt, 4, now);
  return rapport_database_step_done (db, stmt, error);
}

char *
rapport_outbox_queue (RapportOutbox  *self,
                      const char     *kind,
                      const char     *payload,
                      GError        **error)
{
  QueueOp op = { kind, payload, NULL };

  g_return_val_if_fail (RAPPORT_IS_OUTBOX (self), NULL);
  g_return_val_if_fail (kind != NULL && payload != NULL, NULL);

  if (!rapport_database_transaction (outbox_db (self), queue_cb, &op, error))
    {
      g_free (op.uuid);
      return NULL;
    }
  return op.uuid;
}

#define MESSAGE_COLUMNS "uuid, kind, payload, attempts, last_error"

static RapportOutboxMessage *
message_from_row (sqlite3_stmt *stmt)
{
  RapportOutboxMessage *m = g_new0 (RapportOutboxMessage, 1);

  m->uuid = g_strdup (rapport_column_text (stmt, 0));
  m->kind = g_strdup (rapport_column_text (stmt, 1));
  m->payload = g_strdup (rapport_column_text (stmt, 2));
  m->attempts = (guint) sqlite3_column_int (stmt, 3);
  m->last_error = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  return m;
}

GPtrArray *
rapport_outbox_list_pending (RapportOutbox  *self,
                             const char     *prefix,
                             gboolean        include_not_due,
                             GError        **error)
{
  static const char sql[] =
    "SELECT " MESSAGE_COLUMNS " FROM outbox"
    " WHERE delivered_at IS NULL AND deleted_at IS NULL AND substr (kind, 1, length (?1)) = ?1"
    " AND (?2 OR next_attempt_at <= ?3) ORDER BY id";
  RapportDatabase *db = outbox_db (self);
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_outbox_message_free);
  g_autofree char *now = rapport_timestamp_now ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_OUTBOX (self), NULL);

  stmt = rapport_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  rapport_bind_text (stmt, 1, prefix ? prefix : "");
  sqlite3_bind_int (stmt, 2, include_not_due);
  rapport_bind_text (stmt, 3, now);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (messages, message_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_database_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&messages);
}

RapportOutboxMessage *
rapport_outbox_get (RapportOutbox  *self,
                    const char     *uuid,
                    GError        **error)
{
  static const char sql[] =
    "SELECT " MESSAGE_COLUMNS " FROM outbox WHERE uuid = ?1 AND deleted_at IS NULL";
  RapportDatabase *db = outbox_db (self);
  RapportOutboxMessage *message = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_OUTBOX (self), NULL);

  stmt = rapport_database_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  rapport_bind_text (stmt, 1, uuid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    message = message_from_row (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    rapport_database_set_error (db, rc, error);
  return message;
}

typedef struct {
  const char *uuid;
  guint lease;
  gboolean force;
  gboolean claimed;
  const char *reason;
} UpdateOp;

static gboolean
claim_cb (RapportDatabase  *db,
          gpointer          user_data,
          GError          **error)
{
  static const char sql[] =
    "UPDATE outbox SET next_attempt_at = ?2, updated_at = ?3"
    " WHERE uuid = ?1 AND delivered_at IS NULL AND deleted_at IS NULL"
    " AND (?4 OR next_attempt_at <= ?3)";
  UpdateOp *op = user_data;
  g_autofree char *now = rapport_timestamp_now ();
  g_autofree char *until = timestamp_in (op->lease);
  sqlite3_stmt *stmt = rapport_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  rapport_bind_text (stmt, 1, op->uuid);
  rapport_bind_text (stmt, 2, until);
  rapport_bind_text (stmt, 3, now);
  sqlite3_bind_int (stmt, 4, op->force);
  if (!rapport_database_step_done (db, stmt, error))
    return FALSE;
  op->claimed = sqlite3_changes (rapport_database_get_handle (db)) == 1;
  return TRUE;
}

gboolean
rapport_outbox_claim (RapportOutbox  *self,
                      const char     *uuid,
                      guint           lease_seconds,
                      gboolean        force,
                      gboolean       *claimed,
                      GError        **error)
{
  UpdateOp op = { uuid, lease_seconds, force, FALSE, NULL };

  g_return_val_if_fail (RAPPORT_IS_OUTBOX (self), FALSE);

  *claimed = FALSE;
  if (!rapport_database_transaction (outbox_db (self), claim_cb, &op, error))
    return FALSE;
  *claimed = op.claimed;
  return TRUE;
}

static gboolean
delivered_cb (RapportDatabase  *db,
              gpointer          user_data,
              GError          **error)
{
  static const char sql[] =
    "UPDATE outbox SET delivered_at = ?2, attempts = attempts + 1, last_error = NULL,"
    " updated_at = ?2 WHERE uuid = ?1 AND delivered_at IS NULL";
  UpdateOp *op = user_data;
  g_autofree char *now = rapport_timestamp_now ();
  sqlite3_stmt *stmt = rapport_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  rapport_bind_text (stmt, 1, op->uuid);
  rapport_bind_text (stmt, 2, now);
  return rapport_database_step_done (db, stmt, error);
}

gboolean
rapport_outbox_mark_delivered (RapportOutbox  *self,
                               const char     *uuid,
                               GError        **error)
{
  UpdateOp op = { uuid };

  g_return_val_if_fail (RAPPORT_IS_OUTBOX (self), FALSE);
  return rapport_database_transaction (outbox_db (self), delivered_cb, &op, error);
}

static gboolean
failed_cb (RapportDatabase  *db,
           gpointer          user_data,
           GError          **error)
{
  static const char attempts_sql[] =
    "SELECT attempts FROM outbox WHERE uuid = ?1 AND delivered_at IS NULL";
  static const char sql[] =
    "UPDATE outbox SET attempts = ?2, next_attempt_at = ?3, last_error = ?4, updated_at = ?5"
    " WHERE uuid = ?1 AND delivered_at IS NULL";
  UpdateOp *op = user_data;
  g_autofree char *now = rapport_timestamp_now ();
  g_autofree char *next = NULL;
  sqlite3_stmt *stmt = rapport_database_prepare (db, attempts_sql, error);
  guint attempts;
  int rc;

  if (stmt == NULL)
    return FALSE;
  rapport_bind_text (stmt, 1, op->uuid);
  rc = sqlite3_step (stmt);
  attempts = rc == SQLITE_ROW ? (guint) sqlite3_column_int (stmt, 0) + 1 : 0;
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE; /* delivered meanwhile (by another process): nothing to count */
  if (rc != SQLITE_ROW)
    {
      rapport_database_set_error (db, rc, error);
      return FALSE;
    }

  next = timestamp_in (rapport_outbox_backoff_seconds (attempts));
  stmt = rapport_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  rapport_bind_text (stmt, 1, op->uuid);
  sqlite3_bind_int (stmt, 2, (int) attempts);
  rapport_bind_text (stmt, 3, next);
  rapport_bind_text (stmt, 4, op->reason);
  rapport_bind_text (stmt, 5, now);
  return rapport_database_step_done (db, stmt, error);
}

gboolean
rapport_outbox_mark_failed (RapportOutbox  *self,
                            const char     *uuid,
                            const char     *reason,
                            GError        **error)
{
  UpdateOp op = { uuid, 0, FALSE, FALSE, reason };

  g_return_val_if_fail (RAPPORT_IS_OUTBOX (self), FALSE);
  return rapport_database_transaction (outbox_db (self), failed_cb, &op, error);
}

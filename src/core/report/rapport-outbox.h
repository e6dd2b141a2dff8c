/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rapport-store.h"

G_BEGIN_DECLS

/**
 * RapportOutboxMessage:
 * @uuid: the message's id, also sent as its Idempotency-Key
 * @kind: "handler/key", e.g. "webhook/2026-W48"
 * @payload: what to send
 * @attempts: delivery attempts made so far
 * @last_error: (nullable): why the last attempt failed
 */
typedef struct {
  char  *uuid;
  char  *kind;
  char  *payload;
  guint  attempts;
  char  *last_error;
} RapportOutboxMessage;

void rapport_outbox_message_free (RapportOutboxMessage *message);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RapportOutboxMessage, rapport_outbox_message_free)

#define RAPPORT_TYPE_OUTBOX (rapport_outbox_get_type ())

G_DECLARE_FINAL_TYPE (RapportOutbox, rapport_outbox, RAPPORT, OUTBOX, GObject)

/*
 * The outbox: messages for the network wait in the database (table outbox)
 * until a server took them, so that nothing is lost offline, across restarts
 * or when the program is killed. A message is written before any attempt;
 * it is marked delivered in its own transaction right after the 2xx, and a
 * delivered message is never sent again.
 */
RapportOutbox        *rapport_outbox_new              (RapportStore  *store);

/* The wait after @attempts failed attempts: 30 s, 1 min, 2 min, … at most 1 h. */
guint                 rapport_outbox_backoff_seconds  (guint          attempts);

/**
 * rapport_outbox_queue:
 * @kind: "handler/key"
 *
 * Queues @payload, due now. An undelivered message of the same @kind gets the
 * new payload instead (and keeps its uuid), so that re-sending a week's
 * summary while the server is down leaves one message, not two.
 *
 * Returns: (transfer full): the message's uuid, or NULL with @error set
 */
char                 *rapport_outbox_queue            (RapportOutbox *self,
                                                       const char    *kind,
                                                       const char    *payload,
                                                       GError       **error);
/* Undelivered messages whose kind starts with @prefix, oldest first; only
 * those due now unless @include_not_due. (element-type RapportOutboxMessage) */
GPtrArray            *rapport_outbox_list_pending     (RapportOutbox *self,
                                                       const char    *prefix,
                                                       gboolean       include_not_due,
                                                       GError       **error);
/* (nullable): NULL when there is no such message (no error). */
RapportOutboxMessage *rapport_outbox_get              (RapportOutbox *self,
                                                       const char    *uuid,
                                                       GError       **error);
/**
 * rapport_outbox_claim:
 * @lease_seconds: how long the attempt may take
 * @force: claim it even if it is not due yet (someone asked to send it now)
 * @claimed: (out): whether this caller may send it now
 *
 * Before an attempt: moves the message's next attempt @lease_seconds ahead,
 * so that another process flushing the outbox meanwhile leaves it alone.
 * A delivered message is never claimed.
 */
gboolean              rapport_outbox_claim            (RapportOutbox *self,
                                                       const char    *uuid,
                                                       guint          lease_seconds,
                                                       gboolean       force,
                                                       gboolean      *claimed,
                                                       GError       **error);
gboolean              rapport_outbox_mark_delivered   (RapportOutbox *self,
                                                       const char    *uuid,
                                                       GError       **error);
/* Counts the attempt, keeps @reason and schedules the next one by backoff. */
gboolean              rapport_outbox_mark_failed      (RapportOutbox *self,
                                                       const char    *uuid,
                                                       const char    *reason,
                                                       GError       **error);

G_END_DECLS

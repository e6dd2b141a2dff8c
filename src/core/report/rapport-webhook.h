/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-store.h"
#include "rapport-summary.h"

G_BEGIN_DECLS

/**
 * RapportDelivery:
 * @RAPPORT_DELIVERY_DELIVERED: the server answered 2xx
 * @RAPPORT_DELIVERY_QUEUED: the message waits in the outbox and will be retried
 */
typedef enum {
  RAPPORT_DELIVERY_DELIVERED,
  RAPPORT_DELIVERY_QUEUED,
} RapportDelivery;

#define RAPPORT_TYPE_WEBHOOK (rapport_webhook_get_type ())

G_DECLARE_FINAL_TYPE (RapportWebhook, rapport_webhook, RAPPORT, WEBHOOK, GObject)

/*
 * Posts the weekly summary to a chat webhook (Slack, Mattermost, Rocket.Chat
 * style: {"text": "Week 48: …", "summary": {…}}) with libsoup, through the
 * outbox, so that a message that could not be delivered waits in the database
 * and is retried with backoff until a server takes it, exactly once.
 *
 * The address is the setting "webhook.url" without any user or password; a
 * password or token is kept in the keyring (libsecret), never in the settings.
 */
RapportWebhook  *rapport_webhook_new                 (RapportStore       *store);

/* Seconds to wait for the server (connecting and answering); 30 by default. */
void             rapport_webhook_set_timeout         (RapportWebhook     *self,
                                                      guint               seconds);
guint            rapport_webhook_get_timeout         (RapportWebhook     *self);

/* The address, without credentials; NULL when none is set. */
char            *rapport_webhook_get_url             (RapportWebhook     *self);
/* Whether a password or token for the address is in the keyring. */
gboolean         rapport_webhook_has_credentials     (RapportWebhook     *self);
/**
 * rapport_webhook_set_url:
 * @url: (nullable): an http(s) address, maybe with "user:password@"; NULL or
 *   "" to stop sending
 * @token: (nullable): a token for the Authorization header ("Bearer" is
 *   added unless it names its scheme), instead of a password in the address
 *
 * Keeps the address without its credentials in the settings and the
 * credentials in the keyring. When the keyring cannot take them, nothing at
 * all is saved and @error says why: a password never goes to plain settings.
 * Without credentials the keyring is not touched (unless to forget old ones).
 */
gboolean         rapport_webhook_set_url             (RapportWebhook     *self,
                                                      const char         *url,
                                                      const char         *token,
                                                      GCancellable       *cancellable,
                                                      GError            **error);

/* {"text": "Week 48: …", "summary": {…}} */
char            *rapport_webhook_summary_payload     (RapportSummary     *summary);

/**
 * rapport_webhook_send_summary_async:
 *
 * Queues the week's summary in the outbox (replacing an undelivered one of
 * the same week) and tries to deliver it now, whatever its backoff.
 * Fails without queueing when no address is set.
 */
void             rapport_webhook_send_summary_async  (RapportWebhook     *self,
                                                      RapportSummary     *summary,
                                                      GCancellable       *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer            user_data);
/* @reason: (out) (optional): why it was only queued, for people */
gboolean         rapport_webhook_send_summary_finish (RapportWebhook     *self,
                                                      GAsyncResult       *result,
                                                      RapportDelivery    *delivery,
                                                      char              **reason,
                                                      GError            **error);

/**
 * rapport_webhook_flush_async:
 * @force: try every undelivered message now, not only those due
 *
 * Retries the outbox's webhook messages, one after the other.
 */
void             rapport_webhook_flush_async         (RapportWebhook     *self,
                                                      gboolean            force,
                                                      GCancellable       *cancellable,
                                                      GAsyncReadyCallback callback,
                                                      gpointer            user_data);
gboolean         rapport_webhook_flush_finish        (RapportWebhook     *self,
                                                      GAsyncResult       *result,
                                                      guint              *n_delivered,
                                                      guint              *n_pending,
                                                      GError            **error);

/* Flushes the due messages now and then every @interval seconds (the app
 * does this from its start); stops when disposed or told so. */
void             rapport_webhook_start_retrying      (RapportWebhook     *self,
                                                      guint               interval);
void             rapport_webhook_stop_retrying       (RapportWebhook     *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-webhook"

/* The webhook's transport module: libsoup for HTTP, libsecret for the
 * keyring. Loaded by rapport-webhook-transport.c on first use. */

#include "config.h"

#include <gmodule.h>
#include <libsecret/secret.h>
#include <libsoup/soup.h>

#include "rapport-webhook-transport.h"

static const SecretSchema *
webhook_schema (void)
{
  static const SecretSchema schema = {
    "io.github.rapportapp.Rapport.Webhook", SECRET_SCHEMA_NONE,
    {
      { "url", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };
  return &schema;
}

static GObject *
session_new (guint       timeout,
             const char *user_agent)
{
  return G_OBJECT (soup_session_new_with_options ("timeout", timeout, "user-agent", user_agent, NULL));
}

static void
session_set_timeout (GObject *session,
                     guint    timeout)
{
  g_object_set (session, "timeout", timeout, NULL);
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) answer = soup_session_send_and_read_finish (SOUP_SESSION (source), result, &error);

  if (answer == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, soup_message_get_status (g_task_get_task_data (task)));
}

static gboolean
post_async (GObject             *session,
            const char          *url,
            GBytes              *body,
            const char          *idempotency_key,
            const char          *authorization,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  SoupMessage *message = soup_message_new ("POST", url);
  SoupMessageHeaders *headers;
  GTask *task;

  if (message == NULL)
    return FALSE;
  /* A redirect could take the password elsewhere. */
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
  soup_message_set_request_body_from_bytes (message, "application/json", body);
  headers = soup_message_get_request_headers (message);
  soup_message_headers_replace (headers, "Idempotency-Key", idempotency_key);
  if (authorization != NULL)
    soup_message_headers_replace (headers, "Authorization", authorization);

  task = g_task_new (session, cancellable, callback, user_data);
  g_task_set_task_data (task, message, g_object_unref);
  soup_session_send_and_read_async (SOUP_SESSION (session), message, G_PRIORITY_DEFAULT,
                                    cancellable, sent_cb, task);
  return TRUE;
}

static guint
post_finish (GObject       *session,
             GAsyncResult  *result,
             char         **reason,
             GError       **error)
{
  gssize status = g_task_propagate_int (G_TASK (result), error);

  if (status < 0)
    return 0;
  if (reason != NULL)
    *reason = g_strdup (soup_message_get_reason_phrase (g_task_get_task_data (G_TASK (result))));
  return (guint) status;
}

static gboolean
password_store_sync (const char    *label,
                     const char    *password,
                     const char    *url,
                     const char    *kind,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return secret_password_store_sync (webhook_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                                     cancellable, error, "url", url, "kind", kind, NULL);
}

static gboolean
password_clear_sync (const char    *url,
                     const char    *kind,
                     GCancellable  *cancellable,
                     GError       **error)
{
  return secret_password_clear_sync (webhook_schema (), cancellable, error,
                                     "url", url, "kind", kind, NULL);
}

static void
password_lookup (const char          *url,
                 const char          *kind,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  secret_password_lookup (webhook_schema (), cancellable, callback, user_data,
                          "url", url, "kind", kind, NULL);
}

static char *
password_lookup_finish (GAsyncResult  *result,
                        GError       **error)
{
  return secret_password_lookup_finish (result, error);
}

G_MODULE_EXPORT const RapportWebhookTransport *rapport_webhook_transport_get_module (void);

const RapportWebhookTransport *
rapport_webhook_transport_get_module (void)
{
  static const RapportWebhookTransport transport = {
    session_new,
    session_set_timeout,
    post_async,
    post_finish,
    password_store_sync,
    password_clear_sync,
    password_lookup,
    password_lookup_finish,
  };

  return &transport;
}

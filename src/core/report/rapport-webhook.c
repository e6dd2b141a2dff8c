/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-webhook"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-error.h"
#include "rapport-outbox.h"
#include "rapport-webhook.h"
#include "rapport-webhook-transport.h"

#define KIND_PREFIX "webhook/"
#define URL_KEY "webhook.url"
#define AUTH_KEY "webhook.auth"       /* "basic", "token" or "none": which secret exists */
#define DEFAULT_TIMEOUT 30

struct _RapportWebhook
{
  GObject parent_instance;

  RapportStore *store;
  RapportOutbox *outbox;
  /* Made with the first delivery: loading the transport module waits for it. */
  GObject *session;
  guint timeout;
  GHashTable *in_flight;   /* uuids being sent by this process */
  guint retry_source;
  gboolean flushing;       /* a periodic flush is running */
};

G_DEFINE_FINAL_TYPE (RapportWebhook, rapport_webhook, G_TYPE_OBJECT)

enum {
  DELIVERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
rapport_webhook_dispose (GObject *object)
{
  RapportWebhook *self = (RapportWebhook *) object;

  rapport_webhook_stop_retrying (self);
  g_clear_object (&self->session);
  g_clear_object (&self->outbox);
  g_clear_object (&self->store);
  g_clear_pointer (&self->in_flight, g_hash_table_unref);

  G_OBJECT_CLASS (rapport_webhook_parent_class)->dispose (object);
}

static void
rapport_webhook_class_init (RapportWebhookClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rapport_webhook_dispose;

  /**
   * RapportWebhook::delivered:
   * @uuid: the outbox message's id
   * @kind: its kind, e.g. "webhook/2026-W48"
   *
   * A server answered 2xx to a message (a retry in the background too), and
   * the message is marked delivered.
   */
  signals[DELIVERED] = g_signal_new ("delivered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                     G_TYPE_STRING, G_TYPE_STRING);
}

static void
rapport_webhook_init (RapportWebhook *self)
{
  self->timeout = DEFAULT_TIMEOUT;
  self->in_flight = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

RapportWebhook *
rapport_webhook_new (RapportStore *store)
{
  RapportWebhook *self;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), NULL);

  self = g_object_new (RAPPORT_TYPE_WEBHOOK, NULL);
  self->store = g_object_ref (store);
  self->outbox = rapport_outbox_new (store);
  return self;
}

void
rapport_webhook_set_timeout (RapportWebhook *self,
                             guint           seconds)
{
  g_return_if_fail (RAPPORT_IS_WEBHOOK (self));
  g_return_if_fail (seconds > 0);

  self->timeout = seconds;
  if (self->session != NULL)
    rapport_webhook_transport_get (NULL)->session_set_timeout (self->session, seconds);
}

guint
rapport_webhook_get_timeout (RapportWebhook *self)
{
  g_return_val_if_fail (RAPPORT_IS_WEBHOOK (self), 0);
  return self->timeout;
}

/* Address and credentials */

char *
rapport_webhook_get_url (RapportWebhook *self)
{
  g_autofree char *url = NULL;

  g_return_val_if_fail (RAPPORT_IS_WEBHOOK (self), NULL);

  url = rapport_store_get_setting (self->store, URL_KEY);
  if (url == NULL || *url == '\0')
    return NULL;
  return g_steal_pointer (&url);
}

/* "basic", "token", or NULL when no secret was stored. */
static char *
auth_kind (RapportWebhook *self)
{
  g_autofree char *kind = rapport_store_get_setting (self->store, AUTH_KEY);

  if (kind == NULL || *kind == '\0' || g_str_equal (kind, "none"))
    return NULL;
  return g_steal_pointer (&kind);
}

gboolean
rapport_webhook_has_credentials (RapportWebhook *self)
{
  g_autofree char *kind = NULL;

  g_return_val_if_fail (RAPPORT_IS_WEBHOOK (self), FALSE);
  kind = auth_kind (self);
  return kind != NULL;
}

/* "user:password" as Basic authentication wants it, percent-decoded. */
static char *
userinfo_of (GUri *uri)
{
  g_autofree char *user = g_uri_unescape_string (g_uri_get_user (uri), NULL);
  g_autofree char *password = g_uri_get_password (uri)
                              ? g_uri_unescape_string (g_uri_get_password (uri), NULL)
                              : g_strdup ("");

  return g_strdup_printf ("%s:%s", user ? user : "", password ? password : "");
}

gboolean
rapport_webhook_set_url (RapportWebhook  *self,
                         const char      *url,
                         const char      *token,
                         GCancellable    *cancellable,
                         GError         **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autofree char *stripped = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (url ? url : ""));
  g_autofree char *old_url = NULL;
  g_autofree char *old_kind = NULL;
  const char *kind = NULL;
  const RapportWebhookTransport *transport = NULL;

  g_return_val_if_fail (RAPPORT_IS_WEBHOOK (self), FALSE);

  if (*trimmed != '\0')
    {
      const char *scheme;

      /* Encoded, so that the path is kept byte for byte. */
      uri = g_uri_parse (trimmed, G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED, NULL);
      scheme = uri ? g_uri_get_scheme (uri) : NULL;
      if (uri == NULL || scheme == NULL ||
          (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0) ||
          g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0')
        {
          g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                               _("The webhook address is not a web address: use one that starts with https://"));
          return FALSE;
        }
      stripped = g_uri_to_string_partial (uri, G_URI_HIDE_USERINFO);
      if (g_uri_get_user (uri) != NULL && *g_uri_get_user (uri) != '\0')
        {
          kind = "basic";
          secret = userinfo_of (uri);
        }
      if (token != NULL && *token != '\0')
        {
          if (kind != NULL)
            {
              g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                                   _("Give either a user and password in the webhook address or a token, not both"));
              return FALSE;
            }
          kind = "token";
          secret = g_strdup (token);
        }
    }

  old_url = rapport_webhook_get_url (self);
  old_kind = auth_kind (self);

  if (kind != NULL || old_kind != NULL)
    {
      transport = rapport_webhook_transport_get (error);
      if (transport == NULL)
        return FALSE;
    }
  if (kind != NULL)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *label = g_strdup_printf (_("Rapport webhook %s"), stripped);

      if (!transport->password_store_sync (label, secret, stripped, kind, cancellable, &local_error))
        {
          g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                       _("The webhook’s password could not be kept in the keyring (%s). Nothing was saved: Rapport never keeps it in plain settings."),
                       local_error->message);
          return FALSE;
        }
    }
  if (old_kind != NULL && old_url != NULL &&
      (kind == NULL || g_strcmp0 (old_url, stripped) != 0 || g_strcmp0 (old_kind, kind) != 0))
    {
      g_autoptr(GError) local_error = NULL;

      /* Forget the old credentials; failing leaves them in the keyring only. */
      if (!transport->password_clear_sync (old_url, old_kind, cancellable, &local_error) &&
          local_error != NULL)
        g_warning ("Could not remove the old webhook credentials from the keyring: %s",
                   local_error->message);
    }

  return rapport_store_set_setting (self->store, AUTH_KEY, kind ? kind : "none", error) &&
         rapport_store_set_setting (self->store, URL_KEY, stripped ? stripped : "", error);
}

/* The payload */

char *
rapport_webhook_summary_payload (RapportSummary *summary)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = rapport_summary_to_text (summary);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "text");
  json_builder_add_string_value (b, text);
  json_builder_set_member_name (b, "summary");
  json_builder_add_value (b, rapport_summary_to_json (summary));
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  return rapport_summary_json_to_string (root);
}

/* Delivery */

typedef struct {
  GPtrArray *messages;      /* RapportOutboxMessage */
  guint index;
  gboolean force;
  char *url;
  char *authorization;      /* the header's value, or NULL */
  char *credentials_problem;
  guint delivered;
  guint pending;
  /* The outcome of the first message, for send_summary. */
  gboolean first_delivered;
  char *first_reason;
  char *uuid;               /* of the message on the wire */
} Flush;

static void
flush_free (Flush *f)
{
  g_clear_pointer (&f->messages, g_ptr_array_unref);
  g_free (f->url);
  g_free (f->authorization);
  g_free (f->credentials_problem);
  g_free (f->first_reason);
  g_free (f->uuid);
  g_free (f);
}

static void deliver_next (GTask *task);

static void
record_outcome (GTask      *task,
                gboolean    delivered,
                const char *reason)
{
  Flush *f = g_task_get_task_data (task);

  if (f->index == 0)
    {
      f->first_delivered = delivered;
      f->first_reason = g_strdup (reason);
    }
  if (delivered)
    f->delivered++;
  else
    f->pending++;
  f->index++;
  deliver_next (task);
}

static void
attempt_failed (GTask      *task,
                const char *uuid,
                const char *reason)
{
  RapportWebhook *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (!rapport_outbox_mark_failed (self->outbox, uuid, reason, &error))
    g_warning ("Could not record the failed delivery of %s: %s", uuid, error->message);
  g_debug ("Webhook message %s queued: %s", uuid, reason);
  record_outcome (task, FALSE, reason);
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  RapportWebhook *self = g_task_get_source_object (task);
  Flush *f = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = g_steal_pointer (&f->uuid);
  g_autofree char *phrase = NULL;
  RapportOutboxMessage *m = g_ptr_array_index (f->messages, f->index);
  guint status;

  /* The session exists: the transport was loaded to send. */
  status = rapport_webhook_transport_get (NULL)->post_finish (source, result, &phrase, &error);
  g_hash_table_remove (self->in_flight, uuid);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Not an attempt that failed: the message is due again after its lease. */
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (status == 0)
    {
      g_autofree char *reason = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
        reason = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "the server did not answer within %u second",
                                               "the server did not answer within %u seconds",
                                               self->timeout), self->timeout);
      else
        /* Translators: %s is the network library's explanation */
        reason = g_strdup_printf (_("the server could not be reached: %s"), error->message);
      attempt_failed (task, uuid, reason);
      return;
    }

  if (status >= 200 && status < 300)
    {
      /* Marked in its own transaction at once: a 2xx is never followed by
       * another attempt. */
      if (!rapport_outbox_mark_delivered (self->outbox, uuid, &error))
        g_warning ("The webhook took message %s but it could not be marked delivered: %s",
                   uuid, error->message);
      g_signal_emit (self, signals[DELIVERED], 0, uuid, m->kind);
      record_outcome (task, TRUE, NULL);
      return;
    }

  {
    /* Translators: e.g. "the server answered 500 Internal Server Error" */
    g_autofree char *reason = g_strdup_printf (_("the server answered %u %s"), status,
                                               phrase ? phrase : "");
    g_strchomp (reason);
    attempt_failed (task, uuid, reason);
  }
}

static void
deliver_next (GTask *task)
{
  RapportWebhook *self = g_task_get_source_object (task);
  Flush *f = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  const RapportWebhookTransport *transport;
  RapportOutboxMessage *m;
  gboolean claimed = FALSE;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (f->index >= f->messages->len)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }
  m = g_ptr_array_index (f->messages, f->index);

  /* Being sent already by this process (a second click on Send). */
  if (g_hash_table_contains (self->in_flight, m->uuid))
    {
      record_outcome (task, FALSE, _("it is being sent already"));
      return;
    }
  if (f->credentials_problem != NULL)
    {
      attempt_failed (task, m->uuid, f->credentials_problem);
      return;
    }
  if (!rapport_outbox_claim (self->outbox, m->uuid, self->timeout + 10, f->force, &claimed, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!claimed)
    {
      /* Delivered or taken by another process meanwhile. */
      f->index++;
      deliver_next (task);
      return;
    }

  transport = rapport_webhook_transport_get (&error);
  if (transport == NULL)
    {
      attempt_failed (task, m->uuid, error->message);
      return;
    }
  if (self->session == NULL)
    self->session = transport->session_new (self->timeout, "Rapport/" PACKAGE_VERSION);
  /* A redirect could take the password elsewhere: a 3xx is a failure. */
  body = g_bytes_new (m->payload, strlen (m->payload));
  if (!transport->post_async (self->session, f->url, body, m->uuid, f->authorization,
                              g_task_get_cancellable (task), sent_cb, g_object_ref (task)))
    {
      g_object_unref (task);
      attempt_failed (task, m->uuid, _("the webhook address is not valid"));
      return;
    }
  f->uuid = g_strdup (m->uuid);
  g_hash_table_add (self->in_flight, g_strdup (m->uuid));
}

static void
lookup_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Flush *f = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *secret = rapport_webhook_transport_get (NULL)->password_lookup_finish (result, &error);
  const char *kind = g_object_get_data (G_OBJECT (task), "auth-kind");

  if (secret == NULL)
    f->credentials_problem = error
      ? g_strdup_printf (_("the webhook’s password could not be read from the keyring: %s"), error->message)
      : g_strdup (_("the webhook’s password is no longer in the keyring; set the address again in Preferences"));
  else if (g_str_equal (kind, "basic"))
    {
      g_autofree char *encoded = g_base64_encode ((const guchar *) secret, strlen (secret));
      f->authorization = g_strdup_printf ("Basic %s", encoded);
    }
  else
    f->authorization = strchr (secret, ' ') ? g_strdup (secret) : g_strdup_printf ("Bearer %s", secret);
  deliver_next (task);
}

/* Starts delivering @messages (taken) in a task of @source_tag. */
static void
deliver_async (RapportWebhook      *self,
               GPtrArray           *messages,
               gboolean             force,
               gpointer             source_tag,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *kind = auth_kind (self);
  Flush *f = g_new0 (Flush, 1);

  g_task_set_source_tag (task, source_tag);
  f->messages = messages;
  f->force = force;
  f->url = rapport_webhook_get_url (self);
  g_task_set_task_data (task, f, (GDestroyNotify) flush_free);

  if (f->url == NULL || messages->len == 0)
    {
      /* Nothing to send to: the messages wait, no attempt is counted. */
      f->pending = messages->len;
      g_task_return_boolean (task, TRUE);
      return;
    }
  if (kind == NULL)
    {
      g_autoptr(GUri) uri = g_uri_parse (f->url, G_URI_FLAGS_HAS_PASSWORD | G_URI_FLAGS_ENCODED,
                                         NULL);

      /* An address written to the settings by hand, password and all: it is
       * in plain text already, so use it rather than fail, and say so. */
      if (uri != NULL && g_uri_get_user (uri) != NULL)
        {
          g_autofree char *userinfo = userinfo_of (uri);
          g_autofree char *encoded = g_base64_encode ((const guchar *) userinfo, strlen (userinfo));
          g_warning ("The webhook address in the settings holds a password; set it again in Preferences to move it to the keyring");
          f->authorization = g_strdup_printf ("Basic %s", encoded);
          g_free (f->url);
          f->url = g_uri_to_string_partial (uri, G_URI_HIDE_USERINFO);
        }
    }
  if (kind != NULL)
    {
      g_autoptr(GError) error = NULL;
      const RapportWebhookTransport *transport = rapport_webhook_transport_get (&error);

      if (transport == NULL)
        {
          f->credentials_problem = g_strdup (error->message);
          deliver_next (task);
          return;
        }
      /* Only now, with credentials to read, is the keyring touched. */
      g_object_set_data_full (G_OBJECT (task), "auth-kind", g_strdup (kind), g_free);
      transport->password_lookup (f->url, kind, cancellable, lookup_cb, g_object_ref (task));
      return;
    }
  deliver_next (task);
}

void
rapport_webhook_send_summary_async (RapportWebhook      *self,
                                    RapportSummary      *summary,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func ((GDestroyNotify) rapport_outbox_message_free);
  g_autoptr(RapportOutboxMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *payload = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *uuid = NULL;

  g_return_if_fail (RAPPORT_IS_WEBHOOK (self));
  g_return_if_fail (RAPPORT_IS_SUMMARY (summary));

  url = rapport_webhook_get_url (self);
  if (url == NULL)
    {
      g_task_report_new_error (self, callback, user_data, rapport_webhook_send_summary_async,
                               RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                               _("No webhook address is set: add one in Preferences"));
      return;
    }

  payload = rapport_webhook_summary_payload (summary);
  kind = g_strconcat (KIND_PREFIX, rapport_summary_get_week (summary), NULL);
  uuid = rapport_outbox_queue (self->outbox, kind, payload, &error);
  if (uuid != NULL)
    message = rapport_outbox_get (self->outbox, uuid, &error);
  if (message == NULL)
    {
      if (error == NULL)
        g_set_error_literal (&error, RAPPORT_ERROR, RAPPORT_ERROR_DATABASE,
                             _("The message could not be queued"));
      g_task_report_error (self, callback, user_data, rapport_webhook_send_summary_async,
                           g_steal_pointer (&error));
      return;
    }
  g_ptr_array_add (messages, g_steal_pointer (&message));
  deliver_async (self, g_steal_pointer (&messages), TRUE, rapport_webhook_send_summary_async,
                 cancellable, callback, user_data);
}

gboolean
rapport_webhook_send_summary_finish (RapportWebhook   *self,
                                     GAsyncResult     *result,
                                     RapportDelivery  *delivery,
                                     char            **reason,
                                     GError          **error)
{
  Flush *f;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  f = g_task_get_task_data (G_TASK (result));
  if (delivery)
    *delivery = f->first_delivered ? RAPPORT_DELIVERY_DELIVERED : RAPPORT_DELIVERY_QUEUED;
  if (reason)
    *reason = f->first_delivered ? NULL
              : g_strdup (f->first_reason ? f->first_reason : _("no webhook address is set"));
  return TRUE;
}

void
rapport_webhook_flush_async (RapportWebhook      *self,
                             gboolean             force,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *messages;

  g_return_if_fail (RAPPORT_IS_WEBHOOK (self));

  messages = rapport_outbox_list_pending (self->outbox, KIND_PREFIX, force, &error);
  if (messages == NULL)
    {
      g_task_report_error (self, callback, user_data, rapport_webhook_flush_async,
                           g_steal_pointer (&error));
      return;
    }
  deliver_async (self, messages, force, rapport_webhook_flush_async, cancellable, callback,
                 user_data);
}

gboolean
rapport_webhook_flush_finish (RapportWebhook  *self,
                              GAsyncResult    *result,
                              guint           *n_delivered,
                              guint           *n_pending,
                              GError         **error)
{
  Flush *f;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  f = g_task_get_task_data (G_TASK (result));
  if (n_delivered)
    *n_delivered = f->delivered;
  if (n_pending)
    *n_pending = f->pending;
  return TRUE;
}

static void
periodic_flush_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  RapportWebhook *self = RAPPORT_WEBHOOK (source);
  g_autoptr(GError) error = NULL;

  self->flushing = FALSE;
  if (!rapport_webhook_flush_finish (self, result, NULL, NULL, &error))
    g_debug ("Retrying the webhook outbox failed: %s", error->message);
}

static gboolean
retry_cb (gpointer user_data)
{
  RapportWebhook *self = user_data;

  if (!self->flushing)
    {
      self->flushing = TRUE;
      rapport_webhook_flush_async (self, FALSE, NULL, periodic_flush_cb, NULL);
    }
  return G_SOURCE_CONTINUE;
}

void
rapport_webhook_start_retrying (RapportWebhook *self,
                                guint           interval)
{
  g_return_if_fail (RAPPORT_IS_WEBHOOK (self));
  g_return_if_fail (interval > 0);

  rapport_webhook_stop_retrying (self);
  retry_cb (self);
  self->retry_source = g_timeout_add_seconds (interval, retry_cb, self);
}

void
rapport_webhook_stop_retrying (RapportWebhook *self)
{
  g_return_if_fail (RAPPORT_IS_WEBHOOK (self));
  g_clear_handle_id (&self->retry_source, g_source_remove);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What the webhook needs of libsoup and libsecret. They live in a module of
 * their own (librapport-webhook-transport.so, in RAPPORT_MODULEDIR), loaded
 * the first time a summary is sent or a password kept: linked into the app,
 * they and theirs (Kerberos, libgcrypt, nghttp2…) cost every start. */
typedef struct {
  /* An HTTP session; TLS certificates are checked (libsoup's default, never
   * turned off). (transfer full) */
  GObject  *(*session_new)            (guint                timeout,
                                       const char          *user_agent);
  void      (*session_set_timeout)    (GObject             *session,
                                       guint                timeout);
  /* POSTs @body as application/json; a redirect is not followed (it is a
   * failure). FALSE when @url is not an address, and nothing starts. */
  gboolean  (*post_async)             (GObject             *session,
                                       const char          *url,
                                       GBytes              *body,
                                       const char          *idempotency_key,
                                       const char          *authorization,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
  /* The answer's status and reason phrase; 0 with @error set when there was
   * no answer (G_IO_ERROR_TIMED_OUT, G_IO_ERROR_CANCELLED…). */
  guint     (*post_finish)            (GObject             *session,
                                       GAsyncResult        *result,
                                       char               **reason,
                                       GError             **error);
  /* The keyring, under the schema io.github.rapportapp.Rapport.Webhook with
   * the attributes url and kind. */
  gboolean  (*password_store_sync)    (const char          *label,
                                       const char          *password,
                                       const char          *url,
                                       const char          *kind,
                                       GCancellable        *cancellable,
                                       GError             **error);
  gboolean  (*password_clear_sync)    (const char          *url,
                                       const char          *kind,
                                       GCancellable        *cancellable,
                                       GError             **error);
  void      (*password_lookup)        (const char          *url,
                                       const char          *kind,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
  /* NULL and no error: no such password. */
  char     *(*password_lookup_finish) (GAsyncResult        *result,
                                       GError             **error);
} RapportWebhookTransport;

/* The module's entry point. */
typedef const RapportWebhookTransport *(*RapportWebhookTransportGetFunc) (void);
#define RAPPORT_WEBHOOK_TRANSPORT_SYMBOL "rapport_webhook_transport_get_module"

/* Loads the module once (RAPPORT_MODULEDIR in the environment overrides the
 * installed folder, for uninstalled builds); NULL with RAPPORT_ERROR_NETWORK
 * when it cannot be loaded. */
const RapportWebhookTransport *rapport_webhook_transport_get (GError **error);

G_END_DECLS

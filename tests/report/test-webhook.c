/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libsoup/soup.h>
#include <string.h>
#include <sys/wait.h>

#include "rapport-date.h"
#include "rapport-error.h"
#include "rapport-outbox.h"
#include "rapport-webhook.h"
#include "report-seed.h"

/* A webhook server on the loopback, in the test's main loop. */
typedef struct {
  SoupServer *server;
  guint port;
  guint status;           /* the answer */
  gboolean hang;          /* never answer */
  guint requests;
  guint answered_2xx;
  GPtrArray *bodies;
  GPtrArray *keys;        /* Idempotency-Key of each request */
  GPtrArray *authorizations;
  GPtrArray *paths;
} Server;

typedef struct {
  char *dir;
  RapportStore *store;
  ReportSeed seed;
  RapportWebhook *webhook;
  RapportSummary *summary;
  Server server;
} Fixture;

static void
server_handler (SoupServer        *soup_server,
                SoupServerMessage *msg,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  Server *s = user_data;
  SoupMessageBody *body = soup_server_message_get_request_body (msg);
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (msg);
  const char *auth = soup_message_headers_get_one (headers, "Authorization");

  s->requests++;
  g_ptr_array_add (s->bodies, g_strndup (body->data, body->length));
  g_ptr_array_add (s->keys, g_strdup (soup_message_headers_get_one (headers, "Idempotency-Key")));
  g_ptr_array_add (s->authorizations, g_strdup (auth ? auth : ""));
  g_ptr_array_add (s->paths, g_strdup (path));
  g_assert_cmpstr (soup_server_message_get_method (msg), ==, "POST");
  g_assert_cmpstr (soup_message_headers_get_content_type (headers, NULL), ==, "application/json");

  if (s->hang)
    {
      /* Never answered: the client's timeout (or a kill) ends it. */
      soup_server_message_pause (msg);
      return;
    }
  soup_server_message_set_status (msg, s->status, NULL);
  soup_server_message_set_response (msg, "text/plain", SOUP_MEMORY_STATIC, "ok", 2);
  if (s->status >= 200 && s->status < 300)
    s->answered_2xx++;
}

/* Listens on 127.0.0.1:@port (0: any free port). */
static void
server_start (Server *s,
              guint   port)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new_from_string ("127.0.0.1", port);
  GSList *uris;

  s->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (s->server, NULL, server_handler, s, NULL);
  g_assert_true (soup_server_listen (s->server, address, 0, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (s->server);
  g_assert_nonnull (uris);
  s->port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
}

static void
server_stop (Server *s)
{
  if (s->server == NULL)
    return;
  soup_server_disconnect (s->server);
  g_clear_object (&s->server);
}

/* A port where nothing listens: connections to it are refused. */
static guint
closed_port (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
  g_autoptr(GSocketAddress) bound = NULL;
  guint port;

  g_assert_true (g_socket_listener_add_address (listener, address, G_SOCKET_TYPE_STREAM,
                                                G_SOCKET_PROTOCOL_TCP, NULL, &bound, &error));
  g_assert_no_error (error);
  port = g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
  g_socket_listener_close (listener);
  return port;
}

static char *
url_for (guint port)
{
  return g_strdup_printf ("http://127.0.0.1:%u/hooks/rapport", port);
}

static void
set_url (Fixture *f,
         guint    port)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = url_for (port);

  g_assert_true (rapport_webhook_set_url (f->webhook, url, NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate monday;

  f->store = report_store_new (&f->dir);
  report_seed_week_48 (f->store, &f->seed);
  f->webhook = rapport_webhook_new (f->store);
  rapport_webhook_set_timeout (f->webhook, 1);
  g_assert_true (rapport_iso_week_parse ("2026-W48", &monday, NULL));
  f->summary = rapport_summary_compute (f->store, &monday, &error);
  g_assert_no_error (error);
  f->server.status = 200;
  f->server.bodies = g_ptr_array_new_with_free_func (g_free);
  f->server.keys = g_ptr_array_new_with_free_func (g_free);
  f->server.authorizations = g_ptr_array_new_with_free_func (g_free);
  f->server.paths = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  server_stop (&f->server);
  g_ptr_array_unref (f->server.bodies);
  g_ptr_array_unref (f->server.keys);
  g_ptr_array_unref (f->server.authorizations);
  g_ptr_array_unref (f->server.paths);
  g_clear_object (&f->summary);
  g_clear_object (&f->webhook);
  report_seed_clear (&f->seed);
  report_store_free (f->store, f->dir);
}

typedef struct {
  gboolean done;
  gboolean ok;
  RapportDelivery delivery;
  char *reason;
  guint delivered;
  guint pending;
  GError *error;
} Wait;

static void
wait_until (gboolean *done)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!*done)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  Wait *w = user_data;

  w->ok = rapport_webhook_send_summary_finish (RAPPORT_WEBHOOK (source), result, &w->delivery,
                                               &w->reason, &w->error);
  w->done = TRUE;
}

/* Sends the fixture's summary; returns the reason when it was only queued, "" when delivered. */
static char *
send_summary (Fixture *f)
{
  Wait w = { 0 };

  rapport_webhook_send_summary_async (f->webhook, f->summary, NULL, sent_cb, &w);
  wait_until (&w.done);
  g_assert_no_error (w.error);
  g_assert_true (w.ok);
  if (w.delivery == RAPPORT_DELIVERY_DELIVERED)
    {
      g_assert_null (w.reason);
      return g_strdup ("");
    }
  g_assert_nonnull (w.reason);
  return w.reason;
}

static void
flushed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Wait *w = user_data;

  w->ok = rapport_webhook_flush_finish (RAPPORT_WEBHOOK (source), result, &w->delivered,
                                        &w->pending, &w->error);
  w->done = TRUE;
}

static void
flush (Fixture *f,
       gboolean force,
       guint    expect_delivered,
       guint    expect_pending)
{
  Wait w = { 0 };

  rapport_webhook_flush_async (f->webhook, force, NULL, flushed_cb, &w);
  wait_until (&w.done);
  g_assert_no_error (w.error);
  g_assert_true (w.ok);
  g_assert_cmpuint (w.delivered, ==, expect_delivered);
  g_assert_cmpuint (w.pending, ==, expect_pending);
}

typedef struct {
  guint rows;
  guint delivered;
  guint attempts;
  char *uuid;
  char *last_error;
  gint64 wait;         /* seconds from now to the next attempt */
} OutboxState;

static void
outbox_state (Fixture     *f,
              OutboxState *out)
{
  sqlite3 *db = rapport_database_get_handle (rapport_store_get_database (f->store));
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*), count(delivered_at), max(attempts),"
                                       " max(uuid), max(last_error),"
                                       " CAST(round((julianday(max(next_attempt_at)) - julianday('now')) * 86400) AS INTEGER)"
                                       " FROM outbox", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  out->rows = (guint) sqlite3_column_int (stmt, 0);
  out->delivered = (guint) sqlite3_column_int (stmt, 1);
  out->attempts = (guint) sqlite3_column_int (stmt, 2);
  g_free (out->uuid);
  out->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  g_free (out->last_error);
  out->last_error = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  out->wait = sqlite3_column_int64 (stmt, 5);
  sqlite3_finalize (stmt);
}

static void
outbox_state_clear (OutboxState *s)
{
  g_clear_pointer (&s->uuid, g_free);
  g_clear_pointer (&s->last_error, g_free);
}

static void
test_delivers_once (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *reason = NULL;
  OutboxState state = { 0 };
  JsonObject *root, *summary;

  server_start (&f->server, 0);
  set_url (f, f->server.port);
  reason = send_summary (f);
  g_assert_cmpstr (reason, ==, "");
  g_assert_cmpuint (f->server.requests, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->server.paths, 0), ==, "/hooks/rapport");
  g_assert_cmpstr (g_ptr_array_index (f->server.authorizations, 0), ==, "");

  g_assert_true (json_parser_load_from_data (parser, g_ptr_array_index (f->server.bodies, 0), -1, NULL));
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "text"), ==,
                   "Week 48: 13 calls, 69% reached, CSAT 50%, average 3.38 of 5, 3 need attention");
  summary = json_object_get_object_member (root, "summary");
  g_assert_cmpstr (json_object_get_string_member (summary, "week"), ==, "2026-W48");
  g_assert_cmpint (json_object_get_int_member (summary, "attempts"), ==, 13);

  outbox_state (f, &state);
  g_assert_cmpuint (state.rows, ==, 1);
  g_assert_cmpuint (state.delivered, ==, 1);
  g_assert_cmpuint (state.attempts, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (f->server.keys, 0), ==, state.uuid);

  /* Nothing is ever sent again, not even when told to retry everything. */
  flush (f, TRUE, 0, 0);
  flush (f, FALSE, 0, 0);
  g_assert_cmpuint (f->server.requests, ==, 1);
  outbox_state_clear (&state);
}

static void
test_queues_when_refused (Fixture       *f,
                          gconstpointer  data)
{
  guint port = closed_port ();
  g_autofree char *reason = NULL;
  g_autofree char *again = NULL;
  OutboxState state = { 0 };

  set_url (f, port);
  reason = send_summary (f);
  g_assert_true (g_str_has_prefix (reason, "the server could not be reached: "));
  outbox_state (f, &state);
  g_assert_cmpuint (state.rows, ==, 1);
  g_assert_cmpuint (state.delivered, ==, 0);
  g_assert_cmpuint (state.attempts, ==, 1);
  g_assert_cmpstr (state.last_error, ==, reason);
  g_assert_cmpint (state.wait, >=, 27);
  g_assert_cmpint (state.wait, <=, 31);

  /* Sending the same week again while the server is down keeps one message. */
  again = send_summary (f);
  g_assert_cmpstr (again, ==, reason);
  outbox_state (f, &state);
  g_assert_cmpuint (state.rows, ==, 1);
  g_assert_cmpuint (state.attempts, ==, 2);
  g_assert_cmpint (state.wait, >=, 57);
  g_assert_cmpint (state.wait, <=, 61);

  /* The server comes back. A periodic flush waits for the backoff… */
  server_start (&f->server, port);
  flush (f, FALSE, 0, 0);
  g_assert_cmpuint (f->server.requests, ==, 0);
  /* …and a retry of everything delivers it, once. */
  flush (f, TRUE, 1, 0);
  g_assert_cmpuint (f->server.requests, ==, 1);
  outbox_state (f, &state);
  g_assert_cmpuint (state.delivered, ==, 1);
  g_assert_cmpuint (state.attempts, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (f->server.keys, 0), ==, state.uuid);
  flush (f, TRUE, 0, 0);
  g_assert_cmpuint (f->server.requests, ==, 1);
  outbox_state_clear (&state);
}

/* An HTTPS server whose certificate no authority signed: the webhook must
 * refuse to talk to it (TLS verified), send nothing and keep the message. */
static void
test_refuses_an_unverified_certificate (Fixture       *f,
                                        gconstpointer  data)
{
  g_autofree char *pem = g_test_build_filename (G_TEST_DIST, "report", "data", "self-signed.pem", NULL);
  g_autoptr(GTlsCertificate) certificate = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new_from_string ("127.0.0.1", 0);
  g_autofree char *url = NULL;
  g_autofree char *reason = NULL;
  OutboxState state = { 0 };
  GSList *uris;

  certificate = g_tls_certificate_new_from_file (pem, &error);
  if (certificate == NULL && g_error_matches (error, G_TLS_ERROR, G_TLS_ERROR_UNAVAILABLE))
    {
      g_test_skip ("No TLS backend (glib-networking) is installed");
      return;
    }
  g_assert_no_error (error);

  f->server.server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (f->server.server, NULL, server_handler, &f->server, NULL);
  g_assert_true (soup_server_listen (f->server.server, address, SOUP_SERVER_LISTEN_HTTPS, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (f->server.server);
  f->server.port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  url = g_strdup_printf ("https://127.0.0.1:%u/hooks/rapport", f->server.port);
  g_assert_true (rapport_webhook_set_url (f->webhook, url, NULL, NULL, &error));
  g_assert_no_error (error);

  reason = send_summary (f);
  g_assert_cmpstr (reason, !=, "");
  g_test_message ("refused: %s", reason);
  /* The request never got through the handshake. */
  g_assert_cmpuint (f->server.requests, ==, 0);
  outbox_state (f, &state);
  g_assert_cmpuint (state.rows, ==, 1);
  g_assert_cmpuint (state.delivered, ==, 0);
  outbox_state_clear (&state);
}

static void
test_queues_on_server_error (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *reason = NULL;
  OutboxState state = { 0 };

  f->server.status = 500;
  server_start (&f->server, 0);
  set_url (f, f->server.port);
  reason = send_summary (f);
  g_assert_cmpstr (reason, ==, "the server answered 500 Internal Server Error");
  g_assert_cmpuint (f->server.requests, ==, 1);
  outbox_state (f, &state);
  g_assert_cmpuint (state.delivered, ==, 0);
  g_assert_cmpstr (state.last_error, ==, reason);

  /* A redirect is not followed (it could take credentials elsewhere). */
  f->server.status = 307;
  flush (f, TRUE, 0, 1);
  outbox_state (f, &state);
  g_assert_cmpstr (state.last_error, ==, "the server answered 307 Temporary Redirect");

  f->server.status = 204;
  flush (f, TRUE, 1, 0);
  flush (f, TRUE, 0, 0);
  g_assert_cmpuint (f->server.requests, ==, 3);
  g_assert_cmpuint (f->server.answered_2xx, ==, 1);
  /* Every attempt carried the same Idempotency-Key. */
  g_assert_cmpstr (g_ptr_array_index (f->server.keys, 0), ==, g_ptr_array_index (f->server.keys, 2));
  outbox_state_clear (&state);
}

static void
test_queues_on_timeout (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *reason = NULL;
  OutboxState state = { 0 };
  gint64 start;

  f->server.hang = TRUE;
  server_start (&f->server, 0);
  set_url (f, f->server.port);
  start = g_get_monotonic_time ();
  reason = send_summary (f);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 10 * G_USEC_PER_SEC);
  g_assert_cmpstr (reason, ==, "the server did not answer within 1 second");
  outbox_state (f, &state);
  g_assert_cmpuint (state.delivered, ==, 0);
  g_assert_cmpuint (state.attempts, ==, 1);

  f->server.hang = FALSE;
  flush (f, TRUE, 1, 0);
  g_assert_cmpuint (f->server.requests, ==, 2);
  g_assert_cmpuint (f->server.answered_2xx, ==, 1);
  outbox_state (f, &state);
  g_assert_cmpuint (state.delivered, ==, 1);
  outbox_state_clear (&state);
}

static void
test_backoff (void)
{
  static const guint expected[] = { 30, 30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600 };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpuint (rapport_outbox_backoff_seconds (i), ==, expected[i]);
  g_assert_cmpuint (rapport_outbox_backoff_seconds (1000), ==, 3600);
}

static guint
settings_holding (Fixture    *f,
                  const char *text)
{
  sqlite3 *db = rapport_database_get_handle (rapport_store_get_database (f->store));
  sqlite3_stmt *stmt = NULL;
  guint n;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM settings WHERE instr (value, ?1) > 0",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
test_credentials_never_in_settings (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  /* No keyring here (see main): the password cannot be kept, so nothing is. */
  g_assert_false (rapport_webhook_set_url (f->webhook, "https://bot:s3cret@hooks.example/abc",
                                           NULL, NULL, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "keyring"));
  g_assert_nonnull (strstr (error->message, "Nothing was saved"));
  g_clear_error (&error);
  g_assert_false (rapport_webhook_set_url (f->webhook, "https://hooks.example/abc", "t0ken-value",
                                           NULL, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (rapport_webhook_get_url (f->webhook));
  g_assert_false (rapport_webhook_has_credentials (f->webhook));
  g_assert_cmpuint (settings_holding (f, "s3cret"), ==, 0);
  g_assert_cmpuint (settings_holding (f, "t0ken"), ==, 0);
  g_assert_cmpuint (settings_holding (f, "hooks.example"), ==, 0);

  /* Without credentials the keyring is not needed at all. */
  g_assert_true (rapport_webhook_set_url (f->webhook, "  https://hooks.example/a%2Fb?x=1  ", NULL,
                                          NULL, &error));
  g_assert_no_error (error);
  url = rapport_webhook_get_url (f->webhook);
  g_assert_cmpstr (url, ==, "https://hooks.example/a%2Fb?x=1");

  g_assert_false (rapport_webhook_set_url (f->webhook, "ftp://hooks.example/abc", NULL, NULL, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (rapport_webhook_set_url (f->webhook, "not a url", NULL, NULL, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);

  /* An empty address stops sending, and Send then says so without queueing. */
  g_assert_true (rapport_webhook_set_url (f->webhook, "", NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (rapport_webhook_get_url (f->webhook));
  {
    Wait w = { 0 };
    OutboxState state = { 0 };

    rapport_webhook_send_summary_async (f->webhook, f->summary, NULL, sent_cb, &w);
    wait_until (&w.done);
    g_assert_false (w.ok);
    g_assert_error (w.error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
    g_clear_error (&w.error);
    outbox_state (f, &state);
    g_assert_cmpuint (state.rows, ==, 0);
    outbox_state_clear (&state);
  }
}

/* The core logs structured, which g_test_expect_message() cannot see: the
 * warning we expect is counted here instead of aborting the test. */
static guint expected_warnings;

static GLogWriterOutput
log_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && (level & G_LOG_LEVEL_WARNING) &&
        strstr (fields[i].value, "holds a password") != NULL)
      {
        expected_warnings++;
        return G_LOG_WRITER_HANDLED;
      }
  return g_log_writer_default (level, fields, n_fields, user_data);
}

static void
test_password_left_in_settings (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *reason = NULL;

  /* Someone wrote the address with its password straight into the settings:
   * it is sent as Basic authentication, and never as part of the address. */
  server_start (&f->server, 0);
  url = g_strdup_printf ("http://bot:s3cret@127.0.0.1:%u/hooks/rapport", f->server.port);
  g_assert_true (rapport_store_set_setting (f->store, "webhook.url", url, &error));
  g_assert_no_error (error);
  expected_warnings = 0;
  reason = send_summary (f);
  g_assert_cmpuint (expected_warnings, ==, 1);
  g_assert_cmpstr (reason, ==, "");
  g_assert_cmpstr (g_ptr_array_index (f->server.authorizations, 0), ==, "Basic Ym90OnMzY3JldA==");
  g_assert_cmpstr (g_ptr_array_index (f->server.paths, 0), ==, "/hooks/rapport");
}

/* rapport-cli */

static char *
run_cli_sync (Fixture    *f,
              int        *exit_status)
{
  const char *cli = g_getenv ("RAPPORT_CLI");
  g_autofree char *db = g_build_filename (f->dir, "rapport.db", NULL);
  const char *argv[] = { cli, "--database", db, "--today", "2026-12-01", "summary",
                         "--week", "2026-W48", "--send", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_assert_nonnull (cli);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  *exit_status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
  return out;
}

static GSubprocess *
spawn_cli (Fixture *f)
{
  g_autofree char *db = g_build_filename (f->dir, "rapport.db", NULL);
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error, g_getenv ("RAPPORT_CLI"),
                              "--database", db, "--today", "2026-12-01", "summary",
                              "--week", "2026-W48", "--send", NULL);
  g_assert_no_error (error);
  return process;
}

static void
communicated_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  char **out = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, out, NULL, &error));
  g_assert_no_error (error);
}

static void
waited_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *done = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL);
  *done = TRUE;
}

/* Without its network module (a broken installation), Send says what is
 * missing and the summary waits in the outbox; nothing crashes. */
static void
test_cli_without_the_network_module_queues (Fixture       *f,
                                            gconstpointer  data)
{
  g_autofree char *db = g_build_filename (f->dir, "rapport.db", NULL);
  g_auto(GStrv) env = g_environ_setenv (g_get_environ (), "RAPPORT_MODULEDIR", f->dir, TRUE);
  const char *argv[] = { g_getenv ("RAPPORT_CLI"), "--database", db, "--today", "2026-12-01", "summary",
                         "--week", "2026-W48", "--send", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  OutboxState state = { 0 };
  int status;

  set_url (f, closed_port ());
  g_assert_true (g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_assert_true (g_str_has_prefix (out, "Queued, will retry: Rapport’s network module could not be loaded ("));
  g_assert_nonnull (strstr (out, "librapport-webhook-transport.so"));
  outbox_state (f, &state);
  g_assert_cmpuint (state.rows, ==, 1);
  g_assert_cmpuint (state.delivered, ==, 0);
  g_assert_nonnull (strstr (state.last_error, "network module"));
  outbox_state_clear (&state);
}

static void
test_cli_survives_being_killed (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *out = NULL;
  g_autofree char *delivered_out = NULL;
  g_autoptr(GSubprocess) killed = NULL;
  g_autoptr(GSubprocess) second = NULL;
  OutboxState state = { 0 };
  guint port = closed_port ();
  gboolean done = FALSE;
  int status;

  set_url (f, port);

  /* 1. The server is down: queued, exit status 1. */
  out = run_cli_sync (f, &status);
  g_assert_cmpint (status, ==, 1);
  g_assert_true (g_str_has_prefix (out, "Queued, will retry: the server could not be reached: "));
  outbox_state (f, &state);
  g_assert_cmpuint (state.rows, ==, 1);
  g_assert_cmpuint (state.delivered, ==, 0);

  /* 2. A server that takes the request and hangs; the CLI is killed while it
   *    waits, between queueing and delivery. */
  f->server.hang = TRUE;
  server_start (&f->server, port);
  killed = spawn_cli (f);
  {
    gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
    while (f->server.requests < 1)
      {
        g_assert_cmpint (g_get_monotonic_time (), <, deadline);
        g_main_context_iteration (NULL, TRUE);
      }
  }
  g_subprocess_force_exit (killed);
  g_subprocess_wait_async (killed, NULL, waited_cb, &done);
  wait_until (&done);
  g_assert_false (g_subprocess_get_if_exited (killed));
  outbox_state (f, &state);
  g_assert_cmpuint (state.rows, ==, 1);
  g_assert_cmpuint (state.delivered, ==, 0);

  /* 3. The server is back: the next run delivers it, exactly once. */
  f->server.hang = FALSE;
  second = spawn_cli (f);
  g_subprocess_communicate_utf8_async (second, NULL, NULL, communicated_cb, &delivered_out);
  done = FALSE;
  g_subprocess_wait_async (second, NULL, waited_cb, &done);
  wait_until (&done);
  while (delivered_out == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (delivered_out, ==, "Delivered\n");
  g_assert_cmpint (g_subprocess_get_exit_status (second), ==, 0);
  g_assert_cmpuint (f->server.requests, ==, 2);
  g_assert_cmpuint (f->server.answered_2xx, ==, 1);
  outbox_state (f, &state);
  g_assert_cmpuint (state.rows, ==, 1);
  g_assert_cmpuint (state.delivered, ==, 1);
  /* The same message both times. */
  g_assert_cmpstr (g_ptr_array_index (f->server.keys, 0), ==, state.uuid);
  g_assert_cmpstr (g_ptr_array_index (f->server.keys, 1), ==, state.uuid);

  /* And never again. */
  flush (f, TRUE, 0, 0);
  g_assert_cmpuint (f->server.requests, ==, 2);
  outbox_state_clear (&state);
}

int
main (int    argc,
      char **argv)
{
  g_log_set_writer_func (log_writer, NULL, NULL);
  /* No session bus, so no keyring: libsecret fails at once if touched. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/rapport-test-bus", TRUE);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/report/webhook/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("delivers-once-on-2xx", test_delivers_once);
  ADD ("queues-when-refused-and-delivers-when-the-server-is-back", test_queues_when_refused);
  ADD ("queues-on-a-server-error-or-redirect", test_queues_on_server_error);
  ADD ("queues-on-a-timeout", test_queues_on_timeout);
  ADD ("refuses-a-certificate-no-authority-signed", test_refuses_an_unverified_certificate);
  g_test_add_func ("/report/webhook/backs-off-from-30-seconds-to-an-hour", test_backoff);
  ADD ("keeps-credentials-out-of-the-settings", test_credentials_never_in_settings);
  ADD ("sends-a-password-left-in-the-settings-as-basic-auth", test_password_left_in_settings);
  ADD ("cli-queue-survives-a-kill-and-delivers-once", test_cli_survives_being_killed);
  ADD ("cli-without-the-network-module-queues", test_cli_without_the_network_module_queues);

  return g_test_run ();
}

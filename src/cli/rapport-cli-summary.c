/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-cli"

/* rapport-cli summary: the weekly satisfaction summary as JSON, CSV or PDF,
 * and its delivery to the team's chat webhook. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <unistd.h>

#include "rapport-cli-commands.h"
#include "rapport-date.h"
#include "rapport-error.h"
#include "rapport-webhook.h"

typedef struct {
  GMainLoop *loop;
  gboolean ok;
  RapportDelivery delivery;
  char *reason;
  GError *error;
} SendState;

static void
sent_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  SendState *state = user_data;

  state->ok = rapport_webhook_send_summary_finish (RAPPORT_WEBHOOK (source), result,
                                                   &state->delivery, &state->reason,
                                                   &state->error);
  g_main_loop_quit (state->loop);
}

static void
flushed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  SendState *state = user_data;
  g_autoptr(GError) error = NULL;

  /* Older messages are a bonus: their failure does not change the exit status. */
  if (!rapport_webhook_flush_finish (RAPPORT_WEBHOOK (source), result, NULL, NULL, &error))
    g_debug ("Retrying older webhook messages failed: %s", error->message);
  g_main_loop_quit (state->loop);
}

/* Sends the summary; prints "Delivered" or "Queued, will retry: …". */
static int
send_summary (RapportCliContext *ctx,
              RapportSummary    *summary,
              FILE              *status_out)
{
  g_autoptr(RapportWebhook) webhook = rapport_webhook_new (ctx->store);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  SendState state = { loop };
  int status;

  rapport_webhook_send_summary_async (webhook, summary, NULL, sent_cb, &state);
  g_main_loop_run (loop);
  if (!state.ok)
    {
      status = rapport_cli_fail (ctx, state.error);
      g_clear_error (&state.error);
      return status;
    }
  if (state.delivery == RAPPORT_DELIVERY_DELIVERED)
    {
      fprintf (status_out, "%s\n", _("Delivered"));
      status = 0;
    }
  else
    {
      /* Translators: the summary waits in the outbox; %s says why, e.g.
       * "the server answered 500 Internal Server Error" */
      fprintf (status_out, _("Queued, will retry: %s\n"), state.reason);
      status = RAPPORT_CLI_EXIT_FAILURE;
    }
  g_free (state.reason);

  /* While at it, retry what earlier runs left queued and is due. */
  rapport_webhook_flush_async (webhook, FALSE, NULL, flushed_cb, &state);
  g_main_loop_run (loop);
  return status;
}

int
rapport_cli_summary (RapportCliContext  *ctx,
                     int                 argc,
                     char              **argv)
{
  g_autofree char *week_text = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *output = NULL;
  gboolean send = FALSE;
  GOptionEntry entries[] = {
    { "week", 0, 0, G_OPTION_ARG_STRING, &week_text, N_("The ISO week, e.g. 2026-W48 (default: this week)"), N_("YYYY-Www") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("json (default), csv or pdf"), N_("FORMAT") },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of the standard output"), N_("FILE") },
    { "send", 0, 0, G_OPTION_ARG_NONE, &send, N_("Send the summary to the team’s webhook (exits with 1 when it could only be queued)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  g_autoptr(RapportSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = NULL;
  RapportSummaryFormat format = RAPPORT_SUMMARY_FORMAT_JSON;
  gboolean print_report;
  GDate day;
  int status;

  g_option_context_set_summary (options, _("The weekly satisfaction summary of the calls of an ISO week."));
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!rapport_cli_parse (ctx, options, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return rapport_cli_usage (ctx, _("usage: summary [--week YYYY-Www] [--format json|csv|pdf] [--output FILE] [--send]"));

  if (format_text != NULL && !rapport_summary_format_from_key (format_text, &format))
    return rapport_cli_usage (ctx, _("--format: “%s” is not a format; use json, csv or pdf"), format_text);

  day = ctx->today;
  if (week_text != NULL && !rapport_iso_week_parse (week_text, &day, &error))
    return rapport_cli_usage (ctx, "--week: %s", error->message);

  summary = rapport_summary_compute (ctx->store, &day, &error);
  if (summary == NULL)
    return rapport_cli_fail (ctx, error);

  /* With --send, the report itself is written only when asked for. */
  print_report = !send || format_text != NULL || output != NULL;
  if (print_report)
    {
      if (format == RAPPORT_SUMMARY_FORMAT_PDF && output == NULL && isatty (STDOUT_FILENO))
        return rapport_cli_usage (ctx, _("a PDF does not go to a terminal: add --output FILE"));
      if (output != NULL)
        {
          if (!rapport_summary_write_file (summary, format, output, &error))
            return rapport_cli_fail (ctx, error);
        }
      else
        {
          gsize length;
          const char *bytes;

          data = rapport_summary_export (summary, format, &error);
          if (data == NULL)
            return rapport_cli_fail (ctx, error);
          bytes = g_bytes_get_data (data, &length);
          fwrite (bytes, 1, length, stdout);
          fflush (stdout);
        }
    }

  if (send)
    return send_summary (ctx, summary, print_report && output == NULL ? stderr : stdout);
  return 0;
}

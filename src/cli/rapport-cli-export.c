/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-cli"

/* rapport-cli export customers|calls|follow-ups|agenda */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "rapport-cli-commands.h"
#include "rapport-error.h"
#include "rapport-exporter.h"

/* Standard output as a GOutputStream, so that an export streams there as it
 * would to a file. */
typedef struct {
  GOutputStream parent_instance;
} StdoutStream;

typedef struct {
  GOutputStreamClass parent_class;
} StdoutStreamClass;

G_DEFINE_TYPE (StdoutStream, stdout_stream, G_TYPE_OUTPUT_STREAM)

static gssize
stdout_stream_write (GOutputStream  *stream,
                     const void     *buffer,
                     gsize           count,
                     GCancellable   *cancellable,
                     GError        **error)
{
  if (fwrite (buffer, 1, count, stdout) != count)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("Writing to the standard output failed"));
      return -1;
    }
  return (gssize) count;
}

static gboolean
stdout_stream_flush (GOutputStream  *stream,
                     GCancellable   *cancellable,
                     GError        **error)
{
  if (fflush (stdout) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("Writing to the standard output failed"));
      return FALSE;
    }
  return TRUE;
}

static void
stdout_stream_class_init (StdoutStreamClass *klass)
{
  G_OUTPUT_STREAM_CLASS (klass)->write_fn = stdout_stream_write;
  G_OUTPUT_STREAM_CLASS (klass)->flush = stdout_stream_flush;
}

static void
stdout_stream_init (StdoutStream *self)
{
}

int
rapport_cli_export (RapportCliContext  *ctx,
                    int                 argc,
                    char              **argv)
{
  g_autofree char *format = NULL;
  g_autofree char *output = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("csv for customers, calls and follow-ups; ics for the agenda"), N_("csv|ics") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to this file (readable by you only) instead of the standard output"), N_("FILE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("agenda: the first day (default: today)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text, N_("agenda: the last day (default: six days after the first)"), N_("DATE") },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new (_("customers|calls|follow-ups|agenda"));
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  RapportExportTable table = RAPPORT_EXPORT_CUSTOMERS;
  gboolean agenda;
  GDate from, to;
  gboolean ok;
  int status;

  g_option_context_set_summary (options, _("Exports customers, calls or follow-ups as CSV "
                                           "(UTF-8, for LibreOffice and Excel), or the planned "
                                           "calls as an iCalendar task list."));
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!rapport_cli_parse (ctx, options, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return rapport_cli_usage (ctx, _("usage: export customers|calls|follow-ups [--format csv] "
                                     "[--output FILE] or export agenda [--from DATE] [--to DATE] "
                                     "[--format ics] [--output FILE]"));

  agenda = g_str_equal (argv[1], "agenda");
  if (!agenda && !rapport_export_table_from_key (argv[1], &table))
    return rapport_cli_usage (ctx, _("“%s” cannot be exported; use customers, calls, follow-ups "
                                     "or agenda"), argv[1]);
  if (format != NULL && !g_str_equal (format, agenda ? "ics" : "csv"))
    return rapport_cli_usage (ctx, agenda ? _("--format: the agenda is exported as ics")
                                          : _("--format: %s are exported as csv"), argv[1]);
  if (!agenda && (from_text != NULL || to_text != NULL))
    return rapport_cli_usage (ctx, _("--from and --to are for the agenda"));

  if (agenda)
    {
      if (!rapport_cli_date ("--from", from_text, &from, &error) ||
          !rapport_cli_date ("--to", to_text, &to, &error))
        return rapport_cli_fail (ctx, error);
      if (!g_date_valid (&from))
        from = ctx->today;
      if (!g_date_valid (&to))
        {
          to = from;
          g_date_add_days (&to, 6);
        }
    }

  if (output != NULL)
    {
      file = g_file_new_for_commandline_arg (output);
      stream = rapport_export_create_file (file, NULL, &error);
      if (stream == NULL)
        return rapport_cli_fail (ctx, error);
    }
  else
    {
      stream = g_object_new (stdout_stream_get_type (), NULL);
    }

  if (agenda)
    ok = rapport_export_agenda_ics (ctx->store, &from, &to, stream, NULL, &error);
  else
    ok = rapport_export_csv (ctx->store, table, stream, NULL, &error);

  if (file != NULL)
    {
      /* A failed export leaves no half-written file behind. */
      if (!rapport_export_finish_file (stream, ok, ok ? &error : NULL))
        ok = FALSE;
    }
  else if (ok)
    {
      ok = g_output_stream_close (stream, NULL, &error);
    }
  if (!ok)
    return rapport_cli_fail (ctx, error);
  return 0;
}

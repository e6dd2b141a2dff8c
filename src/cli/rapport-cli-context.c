/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "rapport-cli-context.h"
#include "rapport-date.h"
#include "rapport-error.h"

int
rapport_cli_fail (RapportCliContext *ctx,
                  const GError      *error)
{
  g_printerr ("%s: %s\n", ctx->prog, error->message);
  if (error->domain == RAPPORT_ERROR &&
      (error->code == RAPPORT_ERROR_INVALID || error->code == RAPPORT_ERROR_NOT_FOUND ||
       error->code == RAPPORT_ERROR_PARSE))
    return RAPPORT_CLI_EXIT_INPUT;
  if (error->domain == G_OPTION_ERROR)
    return RAPPORT_CLI_EXIT_INPUT;
  return RAPPORT_CLI_EXIT_FAILURE;
}

int
rapport_cli_usage (RapportCliContext *ctx,
                   const char        *format,
                   ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_printerr ("%s: %s\n", ctx->prog, message);
  return RAPPORT_CLI_EXIT_INPUT;
}

gboolean
rapport_cli_parse (RapportCliContext *ctx,
                   GOptionContext    *options,
                   int               *argc,
                   char            ***argv,
                   int               *status)
{
  g_autoptr(GError) error = NULL;

  g_option_context_set_help_enabled (options, TRUE);
  if (!g_option_context_parse (options, argc, argv, &error))
    {
      *status = rapport_cli_fail (ctx, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
rapport_cli_date (const char  *option,
                  const char  *text,
                  GDate       *out,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  g_date_clear (out, 1);
  if (text == NULL)
    return TRUE;
  if (!rapport_date_parse (text, out, &local_error))
    {
      /* Translators: "--date: “2026-13-01” is not a valid date in the calendar" */
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID, _("%s: %s"),
                   option, local_error->message);
      return FALSE;
    }
  return TRUE;
}

void
rapport_cli_print (const char *text)
{
  fputs (text, stdout);
}

void
rapport_cli_append_cell (GString    *line,
                         const char *text,
                         guint       width)
{
  glong len = g_utf8_strlen (text ? text : "", -1);

  g_string_append (line, text ? text : "");
  for (glong i = len; i < (glong) width; i++)
    g_string_append_c (line, ' ');
  g_string_append (line, "  ");
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-cli"

#include "config.h"

#include <string.h>

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
  /* GOption leaves the "--" that ends the options: "customer add -- -Bea"
   * names a customer "-Bea". */
  for (int i = 1; i < *argc; i++)
    if (g_str_equal ((*argv)[i], "--"))
      {
        memmove (&(*argv)[i], &(*argv)[i + 1], (size_t) (*argc - i) * sizeof (char *));
        (*argc)--;
        break;
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

/* Notes may hold several lines (corrected appends to them); a table row may not. */
static char *
one_line (const char *text)
{
  g_auto(GStrv) parts = g_strsplit_set (text ? text : "", "\r\n", -1);
  GString *s = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strdelimit (g_strstrip (parts[i]), "\t", ' ');
      if (*parts[i] == '\0')
        continue;
      if (s->len > 0)
        g_string_append (s, " / ");
      g_string_append (s, parts[i]);
    }
  return g_string_free (s, FALSE);
}

void
rapport_cli_append_cell (GString    *line,
                         const char *text,
                         guint       width)
{
  g_autofree char *flat = one_line (text);
  glong len = g_utf8_strlen (flat, -1);

  g_string_append (line, flat);
  for (glong i = len; i < (glong) width; i++)
    g_string_append_c (line, ' ');
  g_string_append (line, "  ");
}

void
rapport_cli_append_text (GString    *line,
                         const char *text)
{
  g_autofree char *flat = one_line (text);

  g_string_append (line, flat);
}

static char *
call_result_text (RapportCall *call)
{
  RapportCallResult result = rapport_call_get_result (call);
  const GDate *callback = rapport_call_get_callback (call);
  GString *s = g_string_new (rapport_call_result_to_key (result));

  if (result == RAPPORT_RESULT_CALLBACK && callback != NULL && g_date_valid (callback))
    {
      g_autofree char *day = rapport_date_to_iso (callback);
      g_string_append_printf (s, " %s", day);
    }
  if (rapport_call_get_problem_persists (call))
    g_string_append_printf (s, " %s", _("(problem persists)"));
  return g_string_free (s, FALSE);
}

void
rapport_cli_append_calls (GString   *out,
                          GPtrArray *calls)
{
  enum { DATE, RESULT, RATING, STAFF, N_COLUMNS };
  const char *titles[N_COLUMNS] = { _("DATE"), _("RESULT"), _("RATING"), _("STAFF") };
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  guint widths[N_COLUMNS];

  /* Widths from the longest cell, so that columns align whatever the data. */
  for (guint c = 0; c < N_COLUMNS; c++)
    widths[c] = g_utf8_strlen (titles[c], -1);
  for (guint i = 0; i < calls->len; i++)
    {
      RapportCall *call = g_ptr_array_index (calls, i);
      guint satisfaction = rapport_call_get_satisfaction (call);
      char *row[N_COLUMNS] = {
        rapport_date_to_iso (rapport_call_get_date (call)),
        call_result_text (call),
        satisfaction ? g_strdup_printf ("%u/5", satisfaction) : g_strdup (""),
        g_strdup (rapport_call_get_staff (call)),
      };

      for (guint c = 0; c < N_COLUMNS; c++)
        {
          g_autofree char *flat = one_line (row[c]);
          widths[c] = MAX (widths[c], (guint) g_utf8_strlen (flat, -1));
          g_ptr_array_add (cells, row[c]);
        }
    }

  for (guint i = 0; i <= calls->len; i++)
    {
      RapportCall *call = i ? g_ptr_array_index (calls, i - 1) : NULL;
      g_autoptr(GString) line = g_string_new ("  ");

      for (guint c = 0; c < N_COLUMNS; c++)
        rapport_cli_append_cell (line, call ? g_ptr_array_index (cells, (i - 1) * N_COLUMNS + c) : titles[c],
                                 widths[c]);
      rapport_cli_append_text (line, call ? rapport_call_get_note (call) : _("NOTE"));
      g_strchomp (line->str);
      g_string_append_printf (out, "%s\n", line->str);
    }
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-cli"

/* rapport-cli agenda | log | history */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-cli-commands.h"
#include "rapport-date.h"
#include "rapport-error.h"
#include "rapport-json.h"

static char *
situations_text (RapportAgendaEntry *entry)
{
  const RapportSituation *situations;
  GString *s = g_string_new (NULL);
  guint n;

  situations = rapport_agenda_entry_get_situations (entry, &n);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s%s", i ? "," : "", rapport_situation_to_key (situations[i]));
  return g_string_free (s, FALSE);
}

int
rapport_cli_agenda (RapportCliContext  *ctx,
                    int                 argc,
                    char              **argv)
{
  gboolean json = FALSE;
  g_autofree char *date_text = NULL;
  GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("The day (default: today)"), N_("DATE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GError) error = NULL;
  GDate day;
  int status;

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!rapport_cli_parse (ctx, options, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return rapport_cli_usage (ctx, _("usage: agenda [--date DATE] [--json]"));
  if (!rapport_cli_date ("--date", date_text, &day, &error))
    return rapport_cli_fail (ctx, error);
  if (!g_date_valid (&day))
    day = ctx->today;
  agenda = rapport_store_get_agenda (ctx->store, &day, &error);
  if (agenda == NULL)
    return rapport_cli_fail (ctx, error);

  if (json)
    {
      g_autoptr(JsonNode) node = rapport_json_agenda (&day, agenda);
      g_autofree char *text = rapport_json_to_string (node);
      rapport_cli_print (text);
      return 0;
    }

  {
    g_autoptr(GString) out = g_string_new (NULL);
    g_autofree char *readable = rapport_date_to_readable (&day);
    guint name_w = g_utf8_strlen (_("NAME"), -1), phone_w = g_utf8_strlen (_("PHONE"), -1);
    guint sit_w = g_utf8_strlen (_("SITUATIONS"), -1);

    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s: %u call\n", "%s: %u calls\n",
                                              agenda->len), readable, agenda->len);
    if (agenda->len == 0)
      {
        GDate next;
        if (rapport_store_next_agenda_day (ctx->store, &day, &next, NULL))
          {
            g_autofree char *next_text = rapport_date_to_readable (&next);
            g_string_append_printf (out, _("Nothing due. The next calls are due on %s.\n"), next_text);
          }
        else
          g_string_append (out, _("Nothing due, and no calls are planned.\n"));
        rapport_cli_print (out->str);
        return 0;
      }
    for (guint i = 0; i < agenda->len; i++)
      {
        RapportAgendaEntry *e = g_ptr_array_index (agenda, i);
        g_autofree char *sits = situations_text (e);
        name_w = MAX (name_w, (guint) g_utf8_strlen (rapport_agenda_entry_get_name (e), -1));
        phone_w = MAX (phone_w, (guint) g_utf8_strlen (rapport_agenda_entry_get_phone (e), -1));
        sit_w = MAX (sit_w, (guint) g_utf8_strlen (sits, -1));
      }
    for (guint i = 0; i <= agenda->len; i++)
      {
        RapportAgendaEntry *e = i ? g_ptr_array_index (agenda, i - 1) : NULL;
        g_autoptr(GString) line = g_string_new (NULL);
        g_autofree char *short_id = e ? g_strndup (rapport_agenda_entry_get_customer_id (e), 8) : g_strdup (_("ID"));
        g_autofree char *sits = e ? situations_text (e) : g_strdup (_("SITUATIONS"));
        g_autofree char *due = e ? rapport_date_to_iso (rapport_agenda_entry_get_due (e)) : g_strdup (_("DUE"));
        g_autofree char *late = NULL;
        g_autofree char *tries = NULL;

        if (e)
          {
            guint overdue = rapport_agenda_entry_get_overdue_days (e);
            late = overdue ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day late", "%u days late", overdue), overdue)
                           : g_strdup ("");
            tries = g_strdup_printf ("%u", rapport_agenda_entry_get_attempts (e));
          }
        rapport_cli_append_cell (line, short_id, 8);
        rapport_cli_append_cell (line, e ? rapport_agenda_entry_get_name (e) : _("NAME"), name_w);
        rapport_cli_append_cell (line, e ? rapport_agenda_entry_get_phone (e) : _("PHONE"), phone_w);
        rapport_cli_append_cell (line, sits, sit_w);
        rapport_cli_append_cell (line, due, 10);
        rapport_cli_append_cell (line, e ? late : _("LATE"), 12);
        rapport_cli_append_cell (line, e ? tries : _("TRIES"), 5);
        rapport_cli_append_text (line, e ? rapport_agenda_entry_get_note (e) : _("NOTE"));
        g_strchomp (line->str);
        g_string_append_printf (out, "%s\n", line->str);
      }
    rapport_cli_print (out->str);
  }
  return 0;
}

int
rapport_cli_log (RapportCliContext  *ctx,
                 int                 argc,
                 char              **argv)
{
  g_autofree char *result_text = NULL;
  g_autofree char *satisfaction_text = NULL;
  g_autofree char *callback_text = NULL;
  g_autofree char *note = NULL;
  g_autofree char *date_text = NULL;
  gboolean problem_persists = FALSE;
  GOptionEntry entries[] = {
    { "result", 0, 0, G_OPTION_ARG_STRING, &result_text, N_("reached, callback, no-answer, voicemail or wrong-number"), N_("RESULT") },
    { "satisfaction", 0, 0, G_OPTION_ARG_STRING, &satisfaction_text, N_("The customer’s satisfaction, 1 (very unhappy) to 5 (very happy)"), N_("1-5") },
    { "problem-persists", 0, 0, G_OPTION_ARG_NONE, &problem_persists, N_("The customer still has a problem"), NULL },
    { "callback", 0, 0, G_OPTION_ARG_STRING, &callback_text, N_("The day to call back on"), N_("DATE") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("What the customer said"), N_("TEXT") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("The day of the call (default: today)"), N_("DATE") },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new (_("ID"));
  g_autoptr(GError) error = NULL;
  g_autofree char *call_id = NULL;
  RapportCallInput input = { 0 };
  GDate date, callback;
  int status;

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!rapport_cli_parse (ctx, options, &argc, &argv, &status))
    return status;
  if (argc != 2 || result_text == NULL)
    return rapport_cli_usage (ctx, _("usage: log ID --result RESULT [--satisfaction 1-5] [--problem-persists] [--callback DATE] [--note TEXT] [--date DATE]; RESULT: %s"),
                              rapport_call_result_valid_keys ());
  if (!rapport_call_result_from_key (result_text, &input.result))
    return rapport_cli_usage (ctx, _("“%s” is not a call result; use one of: %s"), result_text,
                              rapport_call_result_valid_keys ());
  /* Name the option the person has to add, which the core cannot know. */
  if (input.result == RAPPORT_RESULT_CALLBACK && callback_text == NULL)
    return rapport_cli_usage (ctx, _("--result callback needs --callback DATE, the day to call back on"));
  if (satisfaction_text != NULL)
    {
      guint64 v;
      if (!g_ascii_string_to_unsigned (satisfaction_text, 10, 1, 5, &v, NULL))
        return rapport_cli_usage (ctx, _("--satisfaction: “%s” is not a rating; use a whole number from 1 to 5"),
                                  satisfaction_text);
      input.satisfaction = (guint) v;
    }
  if (!rapport_cli_date ("--date", date_text, &date, &error) ||
      !rapport_cli_date ("--callback", callback_text, &callback, &error))
    return rapport_cli_fail (ctx, error);
  input.problem_persists = problem_persists;
  input.callback = g_date_valid (&callback) ? &callback : NULL;
  input.note = note;
  input.date = g_date_valid (&date) ? &date : NULL;

  call_id = rapport_store_log_call (ctx->store, argv[1], &input, &error);
  if (call_id == NULL)
    return rapport_cli_fail (ctx, error);
  return 0;
}

int
rapport_cli_history (RapportCliContext  *ctx,
                     int                 argc,
                     char              **argv)
{
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new (_("ID"));
  g_autoptr(RapportCustomer) customer = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!rapport_cli_parse (ctx, options, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return rapport_cli_usage (ctx, _("usage: history ID [--json]"));
  if (!(customer = rapport_store_get_customer (ctx->store, argv[1], &error)) ||
      !(calls = rapport_store_list_calls (ctx->store, argv[1], &error)))
    return rapport_cli_fail (ctx, error);

  if (json)
    {
      g_autoptr(JsonNode) node = rapport_json_calls (calls);
      g_autofree char *text = rapport_json_to_string (node);
      rapport_cli_print (text);
      return 0;
    }
  {
    g_autoptr(GString) out = g_string_new (NULL);
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%s: %u call\n", "%s: %u calls\n", calls->len),
                            rapport_customer_get_name (customer), calls->len);
    if (calls->len > 0)
      rapport_cli_append_calls (out, calls);
    rapport_cli_print (out->str);
  }
  return 0;
}

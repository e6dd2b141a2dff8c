/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-cli"

/* rapport-cli customer add|edit|delete|show|list */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-cli-commands.h"
#include "rapport-date.h"
#include "rapport-error.h"
#include "rapport-json.h"

typedef struct {
  char *company;
  char *phone;
  char *email;
  char *since;
  char *cadence;
  char *note;
  gboolean no_follow_up;
} CustomerOptions;

static void
customer_options_clear (CustomerOptions *o)
{
  g_free (o->company);
  g_free (o->phone);
  g_free (o->email);
  g_free (o->since);
  g_free (o->cadence);
  g_free (o->note);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CustomerOptions, customer_options_clear)

static GOptionContext *
customer_options_context (const char      *parameter,
                          CustomerOptions *o,
                          gboolean         with_name_option,
                          char           **name,
                          gboolean         for_add)
{
  GOptionContext *options = g_option_context_new (parameter);
  GOptionEntry entries[] = {
    { "company", 0, 0, G_OPTION_ARG_STRING, &o->company, N_("Company"), N_("C") },
    { "phone", 0, 0, G_OPTION_ARG_STRING, &o->phone, N_("Phone number"), N_("P") },
    { "email", 0, 0, G_OPTION_ARG_STRING, &o->email, N_("Email address"), N_("E") },
    { "since", 0, 0, G_OPTION_ARG_STRING, &o->since, N_("First service date (default: today)"), N_("DATE") },
    { "cadence", 0, 0, G_OPTION_ARG_STRING, &o->cadence, N_("Days between regular check-ins"), N_("DAYS") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &o->note, N_("Notes about the customer"), N_("TEXT") },
    { NULL }
  };
  GOptionEntry add_entries[] = {
    { "no-follow-up", 0, 0, G_OPTION_ARG_NONE, &o->no_follow_up, N_("Do not open the new-customer follow-up"), NULL },
    { NULL }
  };
  GOptionEntry name_entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, name, N_("Name"), N_("NAME") },
    { NULL }
  };

  g_option_context_set_translation_domain (options, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (for_add)
    g_option_context_add_main_entries (options, add_entries, GETTEXT_PACKAGE);
  if (with_name_option)
    g_option_context_add_main_entries (options, name_entries, GETTEXT_PACKAGE);
  return options;
}

/* Copies the options that were given onto @customer. */
static gboolean
apply_options (CustomerOptions  *o,
               RapportCustomer  *customer,
               GError          **error)
{
  if (o->company)
    rapport_customer_set_company (customer, o->company);
  if (o->phone)
    rapport_customer_set_phone (customer, o->phone);
  if (o->email)
    rapport_customer_set_email (customer, o->email);
  if (o->note)
    rapport_customer_set_notes (customer, o->note);
  if (o->since)
    {
      GDate since;
      if (!rapport_cli_date ("--since", o->since, &since, error))
        return FALSE;
      rapport_customer_set_since (customer, &since);
    }
  if (o->cadence)
    {
      guint64 days;
      if (!g_ascii_string_to_unsigned (o->cadence, 10, 1, 3650, &days, NULL))
        {
          g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                       _("--cadence: “%s” is not a number of days from 1 to 3650"), o->cadence);
          return FALSE;
        }
      rapport_customer_set_cadence_days (customer, (guint) days);
    }
  return TRUE;
}

static int
customer_add (RapportCliContext  *ctx,
              int                 argc,
              char              **argv)
{
  g_auto(CustomerOptions) o = { 0 };
  g_autoptr(GOptionContext) options = customer_options_context (_("NAME"), &o, FALSE, NULL, TRUE);
  g_autoptr(RapportCustomer) customer = rapport_customer_new ();
  g_autoptr(GError) error = NULL;
  int status;

  if (!rapport_cli_parse (ctx, options, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return rapport_cli_usage (ctx, _("usage: customer add NAME [--company C] [--phone P] [--email E] [--since DATE] [--cadence DAYS] [--note TEXT] [--no-follow-up]"));
  rapport_customer_set_name (customer, argv[1]);
  if (!apply_options (&o, customer, &error) ||
      !rapport_store_add_customer (ctx->store, customer, !o.no_follow_up, &error))
    return rapport_cli_fail (ctx, error);
  g_print ("%s\n", rapport_customer_get_id (customer));
  return 0;
}

typedef struct {
  CustomerOptions *options;
  const char      *name;
} CustomerEditArgs;

/* Applied to the customer as stored at the moment of writing. */
static gboolean
edit_cb (RapportCustomer  *customer,
         gpointer          user_data,
         GError          **error)
{
  CustomerEditArgs *edit = user_data;

  if (edit->name != NULL)
    rapport_customer_set_name (customer, edit->name);
  return apply_options (edit->options, customer, error);
}

static int
customer_edit (RapportCliContext  *ctx,
               int                 argc,
               char              **argv)
{
  g_auto(CustomerOptions) o = { 0 };
  g_autofree char *name = NULL;
  g_autoptr(GOptionContext) options = customer_options_context (_("ID"), &o, TRUE, &name, FALSE);
  CustomerEditArgs edit = { 0 };
  g_autoptr(GError) error = NULL;
  int status;

  if (!rapport_cli_parse (ctx, options, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return rapport_cli_usage (ctx, _("usage: customer edit ID [--name NAME] [--company C] [--phone P] [--email E] [--since DATE] [--cadence DAYS] [--note TEXT]"));
  edit.options = &o;
  edit.name = name;
  if (!rapport_store_edit_customer (ctx->store, argv[1], edit_cb, &edit, &error))
    return rapport_cli_fail (ctx, error);
  return 0;
}

static int
customer_delete (RapportCliContext  *ctx,
                 int                 argc,
                 char              **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new (_("ID"));
  g_autoptr(GError) error = NULL;
  int status;

  if (!rapport_cli_parse (ctx, options, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return rapport_cli_usage (ctx, _("usage: customer delete ID"));
  if (!rapport_store_delete_customer (ctx->store, argv[1], &error))
    return rapport_cli_fail (ctx, error);
  return 0;
}

static char *
date_text (const GDate *date)
{
  return date && g_date_valid (date) ? rapport_date_to_iso (date) : g_strdup ("—");
}

static int
customer_show (RapportCliContext  *ctx,
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
  g_autoptr(GPtrArray) follow_ups = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!rapport_cli_parse (ctx, options, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return rapport_cli_usage (ctx, _("usage: customer show ID [--json]"));
  if (!(customer = rapport_store_get_customer (ctx->store, argv[1], &error)) ||
      !(follow_ups = rapport_store_list_follow_ups (ctx->store, argv[1], TRUE, &error)) ||
      !(calls = rapport_store_list_calls (ctx->store, argv[1], &error)))
    return rapport_cli_fail (ctx, error);

  if (json)
    {
      g_autoptr(JsonNode) node = NULL;
      g_autofree char *text = NULL;
      RapportRules rules;

      rapport_store_get_rules (ctx->store, &rules);
      node = rapport_json_customer (customer, rules.default_cadence, follow_ups, calls);
      text = rapport_json_to_string (node);
      rapport_cli_print (text);
    }
  else
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autofree char *since = rapport_date_to_readable (rapport_customer_get_since (customer));
      RapportRules rules;
      guint cadence = rapport_customer_get_cadence_days (customer);

      rapport_store_get_rules (ctx->store, &rules);
      g_string_append_printf (out, "%s\n", rapport_customer_get_name (customer));
      g_string_append_printf (out, "  %-16s %s\n", _("Id:"), rapport_customer_get_id (customer));
      if (*rapport_customer_get_company (customer))
        g_string_append_printf (out, "  %-16s %s\n", _("Company:"), rapport_customer_get_company (customer));
      if (*rapport_customer_get_phone (customer))
        g_string_append_printf (out, "  %-16s %s%s\n", _("Phone:"), rapport_customer_get_phone (customer),
                                rapport_customer_get_phone_needs_check (customer) ? _(" (needs a check: wrong number)") : "");
      if (*rapport_customer_get_email (customer))
        g_string_append_printf (out, "  %-16s %s\n", _("Email:"), rapport_customer_get_email (customer));
      g_string_append_printf (out, "  %-16s %s\n", _("Customer since:"), since);
      g_string_append_printf (out, "  %-16s %u %s\n", _("Check-in every:"), cadence ? cadence : rules.default_cadence,
                              cadence ? _("days") : _("days (default)"));
      if (*rapport_customer_get_notes (customer))
        {
          g_autoptr(GString) notes = g_string_new (NULL);
          rapport_cli_append_text (notes, rapport_customer_get_notes (customer));
          g_string_append_printf (out, "  %-16s %s\n", _("Notes:"), notes->str);
        }

      g_string_append_printf (out, "\n%s\n", _("Follow-ups:"));
      if (follow_ups->len == 0)
        g_string_append_printf (out, "  %s\n", _("none"));
      for (guint i = 0; i < follow_ups->len; i++)
        {
          RapportFollowUp *f = g_ptr_array_index (follow_ups, i);
          g_autofree char *due = date_text (rapport_follow_up_get_due (f));
          g_autoptr(GString) line = g_string_new ("  ");
          RapportFollowUpState state = rapport_follow_up_get_state (f);

          rapport_cli_append_cell (line, rapport_situation_to_key (rapport_follow_up_get_situation (f)), 18);
          rapport_cli_append_cell (line, rapport_follow_up_state_to_key (state), 7);
          if (state == RAPPORT_FOLLOW_UP_CLOSED)
            {
              g_autofree char *closed = date_text (rapport_follow_up_get_closed_on (f));
              g_autofree char *cell = g_strdup_printf ("%s %s", closed,
                                                       rapport_close_reason_to_key (rapport_follow_up_get_close_reason (f)));
              rapport_cli_append_cell (line, cell, 28);
            }
          else
            {
              g_autofree char *cell = state == RAPPORT_FOLLOW_UP_OPEN
                ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "due %s, %u attempt", "due %s, %u attempts",
                                                rapport_follow_up_get_attempts (f)),
                                   due, rapport_follow_up_get_attempts (f))
                : g_strdup (_("waiting for the fix"));
              rapport_cli_append_cell (line, cell, 28);
            }
          rapport_cli_append_text (line, rapport_follow_up_get_note (f));
          g_strchomp (line->str);
          g_string_append_printf (out, "%s\n", line->str);
        }

      g_string_append_printf (out, "\n%s\n", _("Calls:"));
      if (calls->len == 0)
        g_string_append_printf (out, "  %s\n", _("none"));
      else
        rapport_cli_append_calls (out, calls);
      rapport_cli_print (out->str);
    }
  return 0;
}

static int
customer_list (RapportCliContext  *ctx,
               int                 argc,
               char              **argv)
{
  gboolean json = FALSE;
  g_autofree char *search = NULL;
  GOptionEntry entries[] = {
    { "search", 0, 0, G_OPTION_ARG_STRING, &search, N_("Only customers matching TEXT (any part of name, company, phone, email or notes)"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) options = g_option_context_new (NULL);
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) customers = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);
  if (!rapport_cli_parse (ctx, options, &argc, &argv, &status))
    return status;
  if (argc != 1)
    return rapport_cli_usage (ctx, _("usage: customer list [--search TEXT] [--json]"));
  if (!(ids = rapport_store_search_customer_ids (ctx->store, search, &error)) ||
      !(customers = rapport_store_get_customers (ctx->store, (const char * const *) ids->pdata,
                                                 ids->len, &error)))
    return rapport_cli_fail (ctx, error);

  if (json)
    {
      g_autoptr(JsonNode) node = rapport_json_customer_list (customers);
      g_autofree char *text = rapport_json_to_string (node);
      rapport_cli_print (text);
      return 0;
    }

  {
    g_autoptr(GString) out = g_string_new (NULL);
    guint widths[4] = { g_utf8_strlen (_("NAME"), -1), g_utf8_strlen (_("COMPANY"), -1),
                        g_utf8_strlen (_("PHONE"), -1), 0 };

    for (guint i = 0; i < customers->len; i++)
      {
        RapportCustomer *c = g_ptr_array_index (customers, i);
        widths[0] = MAX (widths[0], (guint) g_utf8_strlen (rapport_customer_get_name (c), -1));
        widths[1] = MAX (widths[1], (guint) g_utf8_strlen (rapport_customer_get_company (c), -1));
        widths[2] = MAX (widths[2], (guint) g_utf8_strlen (rapport_customer_get_phone (c), -1));
      }
    for (guint i = 0; i <= customers->len; i++)
      {
        g_autoptr(GString) line = g_string_new (NULL);
        RapportCustomer *c = i ? g_ptr_array_index (customers, i - 1) : NULL;
        g_autofree char *short_id = c ? g_strndup (rapport_customer_get_id (c), 8) : g_strdup (_("ID"));

        rapport_cli_append_cell (line, short_id, 8);
        rapport_cli_append_cell (line, c ? rapport_customer_get_name (c) : _("NAME"), widths[0]);
        rapport_cli_append_cell (line, c ? rapport_customer_get_company (c) : _("COMPANY"), widths[1]);
        rapport_cli_append_cell (line, c ? rapport_customer_get_phone (c) : _("PHONE"), widths[2]);
        g_string_append (line, c ? rapport_customer_get_email (c) : _("EMAIL"));
        g_strchomp (line->str);
        g_string_append_printf (out, "%s\n", line->str);
      }
    g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u customer\n", "%u customers\n",
                                              customers->len), customers->len);
    rapport_cli_print (out->str);
  }
  return 0;
}

int
rapport_cli_customer (RapportCliContext  *ctx,
                      int                 argc,
                      char              **argv)
{
  static const struct {
    const char *name;
    RapportCliCommand run;
  } subcommands[] = {
    { "add", customer_add },
    { "edit", customer_edit },
    { "delete", customer_delete },
    { "show", customer_show },
    { "list", customer_list },
  };

  if (argc < 2)
    return rapport_cli_usage (ctx, _("usage: customer add|edit|delete|show|list …"));
  /* Asked for: the usage on standard output, and success. */
  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      g_print ("%s\n%s\n", _("usage: customer add|edit|delete|show|list …"),
               _("“customer COMMAND --help” tells the options of each."));
      return 0;
    }
  for (guint i = 0; i < G_N_ELEMENTS (subcommands); i++)
    if (g_str_equal (argv[1], subcommands[i].name))
      return subcommands[i].run (ctx, argc - 1, argv + 1);
  return rapport_cli_usage (ctx, _("unknown customer command “%s”; use add, edit, delete, show or list"),
                            argv[1]);
}

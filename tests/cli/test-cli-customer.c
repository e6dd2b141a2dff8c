/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-cli-test"

/* rapport-cli customer add | show | list | edit | delete, as a script sees them. */

#include "config.h"

#include <string.h>

#include "cli-test-util.h"

static void
test_add_prints_the_id_alone (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  g_autofree char *ada = cli_add_customer (t, "Ada Lovelace", "--phone", "+44 20 7946 0000", NULL);
  g_autofree char *grace = cli_add_customer (t, "Grace Hopper", NULL);
  g_autoptr(JsonNode) node = cli_json (t, "customer", "show", ada, "--json", NULL);

  /* Two customers, two different ids, and the id printed is the one stored. */
  g_assert_cmpstr (ada, !=, grace);
  g_assert_cmpstr (json_object_get_string_member (cli_json_object (node), "id"), ==, ada);
}

static void
test_add_with_every_option_is_shown_exactly (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  g_autofree char *id = cli_add_customer (t, "Ada Lovelace",
                                          "--company", "Analytical Engines Ltd",
                                          "--phone", "+44 20 7946 0000",
                                          "--email", "ada@example.org",
                                          "--since", "2026-11-18",
                                          "--cadence", "30",
                                          "--note", "Prefers mornings",
                                          NULL);
  g_autoptr(JsonNode) node = cli_json (t, "customer", "show", id, "--json", NULL);
  JsonObject *c = cli_json_object (node);
  JsonArray *follow_ups;
  JsonObject *f;

  cli_assert_members (c, "id", "name", "company", "phone", "email", "notes", "since",
                      "cadence_days", "phone_needs_check", "follow_ups", "calls", NULL);
  g_assert_cmpstr (json_object_get_string_member (c, "id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (c, "name"), ==, "Ada Lovelace");
  g_assert_cmpstr (json_object_get_string_member (c, "company"), ==, "Analytical Engines Ltd");
  g_assert_cmpstr (json_object_get_string_member (c, "phone"), ==, "+44 20 7946 0000");
  g_assert_cmpstr (json_object_get_string_member (c, "email"), ==, "ada@example.org");
  g_assert_cmpstr (json_object_get_string_member (c, "notes"), ==, "Prefers mornings");
  g_assert_cmpstr (json_object_get_string_member (c, "since"), ==, "2026-11-18");
  g_assert_cmpint (json_object_get_int_member (c, "cadence_days"), ==, 30);
  g_assert_false (json_object_get_boolean_member (c, "phone_needs_check"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (c, "calls")), ==, 0);

  /* The new-customer follow-up: 2nd business day after Wednesday 18 → Friday 20. */
  follow_ups = json_object_get_array_member (c, "follow_ups");
  g_assert_cmpuint (json_array_get_length (follow_ups), ==, 1);
  f = json_array_get_object_element (follow_ups, 0);
  cli_assert_members (f, "situation", "state", "due", "attempts", "close_reason", "note", NULL);
  g_assert_cmpstr (json_object_get_string_member (f, "situation"), ==, "new");
  g_assert_cmpstr (json_object_get_string_member (f, "state"), ==, "open");
  g_assert_cmpstr (json_object_get_string_member (f, "due"), ==, "2026-11-20");
  g_assert_cmpint (json_object_get_int_member (f, "attempts"), ==, 0);
  g_assert_true (cli_json_is_null (f, "close_reason"));
}

static void
test_add_defaults_since_to_today (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  g_autofree char *id = cli_add_customer (t, "Ada Lovelace", NULL);
  g_autoptr(JsonNode) node = cli_json (t, "customer", "show", id, "--json", NULL);
  JsonObject *c = cli_json_object (node);

  g_assert_cmpstr (json_object_get_string_member (c, "since"), ==, "2026-11-20");
  g_assert_cmpstr (json_object_get_string_member (c, "company"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (c, "phone"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (c, "email"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (c, "notes"), ==, "");
  /* No cadence given: the default one, said as a number of days. */
  g_assert_cmpint (json_object_get_int_member (c, "cadence_days"), ==, 90);
  /* Friday 2026-11-20 → Tuesday 2026-11-24. */
  g_assert_cmpstr (json_object_get_string_member (cli_follow_up (c, "new", FALSE), "due"), ==,
                   "2026-11-24");
}

static void
test_add_without_follow_up_opens_none (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  g_autofree char *id = cli_add_customer (t, "Ada Lovelace", "--no-follow-up", NULL);
  g_autoptr(JsonNode) node = cli_json (t, "customer", "show", id, "--json", NULL);
  g_autoptr(JsonNode) agenda = cli_json (t, "agenda", "--date", "2026-12-31", "--json", NULL);

  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (cli_json_object (node), "follow_ups")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (cli_json_object (agenda), "calls")), ==, 0);
}

static void
test_show_json_lists_calls_with_every_field (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-24");
  g_autofree char *id = NULL;
  g_autoptr(JsonNode) node = NULL;
  JsonArray *calls;
  JsonObject *call;

  cli_test_set_today (t, "2026-11-20");
  id = cli_add_customer (t, "Ada Lovelace", NULL);
  cli_test_set_today (t, "2026-11-24");
  cli_do (t, "--staff", "Bob Smith", "log", id, "--result", "no-answer", "--note", "rang 8 times", NULL);
  cli_test_set_today (t, "2026-11-25");
  cli_do (t, "--staff", "Carol", "log", id, "--result", "reached", "--satisfaction", "5",
          "--note", "All good", NULL);

  node = cli_json (t, "customer", "show", id, "--json", NULL);
  calls = json_object_get_array_member (cli_json_object (node), "calls");
  g_assert_cmpuint (json_array_get_length (calls), ==, 2);

  /* Newest first. */
  call = json_array_get_object_element (calls, 0);
  cli_assert_members (call, "date", "result", "satisfaction", "problem_persists", "note", "staff", NULL);
  g_assert_cmpstr (json_object_get_string_member (call, "date"), ==, "2026-11-25");
  g_assert_cmpstr (json_object_get_string_member (call, "result"), ==, "reached");
  g_assert_cmpint (json_object_get_int_member (call, "satisfaction"), ==, 5);
  g_assert_false (json_object_get_boolean_member (call, "problem_persists"));
  g_assert_cmpstr (json_object_get_string_member (call, "note"), ==, "All good");
  g_assert_cmpstr (json_object_get_string_member (call, "staff"), ==, "Carol");

  call = json_array_get_object_element (calls, 1);
  cli_assert_members (call, "date", "result", "satisfaction", "problem_persists", "note", "staff", NULL);
  g_assert_cmpstr (json_object_get_string_member (call, "date"), ==, "2026-11-24");
  g_assert_cmpstr (json_object_get_string_member (call, "result"), ==, "no-answer");
  g_assert_true (cli_json_is_null (call, "satisfaction"));
  g_assert_cmpstr (json_object_get_string_member (call, "note"), ==, "rang 8 times");
  g_assert_cmpstr (json_object_get_string_member (call, "staff"), ==, "Bob Smith");

  /* The reached call closed the new-customer follow-up as satisfied. */
  {
    JsonObject *f = cli_follow_up (cli_json_object (node), "new", TRUE);
    g_assert_cmpstr (json_object_get_string_member (f, "close_reason"), ==, "satisfied");
    g_assert_cmpint (json_object_get_int_member (f, "attempts"), ==, 1);
  }
}

static void
test_history_json_is_the_calls_newest_first (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-25");
  g_autofree char *id = cli_add_customer (t, "Ada Lovelace", NULL);
  g_autoptr(JsonNode) node = NULL;
  JsonArray *calls;

  cli_do (t, "--staff", "Bob", "log", id, "--result", "voicemail", "--date", "2026-11-24", NULL);
  cli_do (t, "--staff", "Bob", "log", id, "--result", "callback", "--callback", "2026-12-01",
          "--date", "2026-11-25", NULL);
  node = cli_json (t, "history", id, "--json", NULL);
  calls = cli_json_array (node);
  g_assert_cmpuint (json_array_get_length (calls), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (calls, 0), "result"), ==, "callback");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (calls, 0), "date"), ==, "2026-11-25");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (calls, 1), "result"), ==, "voicemail");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (calls, 1), "staff"), ==, "Bob");
}

static void
test_list_json_has_the_contract_fields (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  g_autofree char *grace = cli_add_customer (t, "Grace Hopper", "--company", "US Navy",
                                             "--phone", "555-0100", "--email", "grace@navy.example", NULL);
  g_autofree char *ada = cli_add_customer (t, "Ada Lovelace", NULL);
  g_autoptr(JsonNode) node = cli_json (t, "customer", "list", "--json", NULL);
  JsonArray *list = cli_json_array (node);
  JsonObject *c;

  /* In name order. */
  g_assert_cmpuint (json_array_get_length (list), ==, 2);
  c = json_array_get_object_element (list, 0);
  cli_assert_members (c, "id", "name", "company", "phone", "email", NULL);
  g_assert_cmpstr (json_object_get_string_member (c, "id"), ==, ada);
  g_assert_cmpstr (json_object_get_string_member (c, "name"), ==, "Ada Lovelace");
  c = json_array_get_object_element (list, 1);
  cli_assert_members (c, "id", "name", "company", "phone", "email", NULL);
  g_assert_cmpstr (json_object_get_string_member (c, "id"), ==, grace);
  g_assert_cmpstr (json_object_get_string_member (c, "name"), ==, "Grace Hopper");
  g_assert_cmpstr (json_object_get_string_member (c, "company"), ==, "US Navy");
  g_assert_cmpstr (json_object_get_string_member (c, "phone"), ==, "555-0100");
  g_assert_cmpstr (json_object_get_string_member (c, "email"), ==, "grace@navy.example");
}

static void
test_list_of_an_empty_database_is_an_empty_array (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  g_autoptr(JsonNode) node = cli_json (t, "customer", "list", "--json", NULL);

  g_assert_cmpuint (json_array_get_length (cli_json_array (node)), ==, 0);
}

/* The names of the customers `customer list --search TEXT` finds, joined by ",". */
static char *
search (CliTest    *t,
        const char *text)
{
  g_autoptr(JsonNode) node = cli_json (t, "customer", "list", "--search", text, "--json", NULL);
  JsonArray *list = cli_json_array (node);
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (list); i++)
    g_string_append_printf (names, "%s%s", i ? "," : "",
                            json_object_get_string_member (json_array_get_object_element (list, i), "name"));
  return g_string_free (names, FALSE);
}

static void
test_list_search_finds_any_part_of_any_field (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  g_autofree char *ada = cli_add_customer (t, "Ada Lovelace", "--phone", "+44 20 7946 0000", NULL);
  g_autofree char *grace = cli_add_customer (t, "Grace Hopper", "--company", "US Navy",
                                             "--phone", "555-0100", "--email", "grace@navy.example",
                                             "--note", "Likes COBOL", NULL);
  struct { const char *text; const char *names; } cases[] = {
    { "love", "Ada Lovelace" },
    { "LOVE", "Ada Lovelace" },
    { "7946", "Ada Lovelace" },
    { "navy", "Grace Hopper" },
    { "grace@", "Grace Hopper" },
    { "cobol", "Grace Hopper" },
    { "0100", "Grace Hopper" },
    { "zzz", "" },
    { "", "Ada Lovelace,Grace Hopper" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *found = search (t, cases[i].text);
      g_test_message ("--search “%s”", cases[i].text);
      g_assert_cmpstr (found, ==, cases[i].names);
    }
}

static void
test_edit_changes_only_the_given_options (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  g_autofree char *id = cli_add_customer (t, "Ada Lovelace", "--company", "Engines",
                                          "--phone", "+44 20 7946 0000", "--email", "ada@example.org",
                                          "--since", "2026-11-18", "--cadence", "30",
                                          "--note", "Prefers mornings", NULL);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *c;
  g_autoptr(JsonNode) node2 = NULL;

  cli_do (t, "customer", "edit", id, "--phone", "+44 20 7946 0999", NULL);
  node = cli_json (t, "customer", "show", id, "--json", NULL);
  c = cli_json_object (node);
  g_assert_cmpstr (json_object_get_string_member (c, "phone"), ==, "+44 20 7946 0999");
  g_assert_cmpstr (json_object_get_string_member (c, "name"), ==, "Ada Lovelace");
  g_assert_cmpstr (json_object_get_string_member (c, "company"), ==, "Engines");
  g_assert_cmpstr (json_object_get_string_member (c, "email"), ==, "ada@example.org");
  g_assert_cmpstr (json_object_get_string_member (c, "notes"), ==, "Prefers mornings");
  g_assert_cmpstr (json_object_get_string_member (c, "since"), ==, "2026-11-18");
  g_assert_cmpint (json_object_get_int_member (c, "cadence_days"), ==, 30);
  g_assert_cmpstr (json_object_get_string_member (cli_follow_up (c, "new", FALSE), "due"), ==, "2026-11-20");

  /* Every other option, and an empty value clears a field. */
  cli_do (t, "customer", "edit", id, "--name", "Augusta Ada King", "--company", "",
          "--email", "countess@example.org", "--cadence", "60", "--note", "Calls back", NULL);
  node2 = cli_json (t, "customer", "show", id, "--json", NULL);
  c = cli_json_object (node2);
  g_assert_cmpstr (json_object_get_string_member (c, "name"), ==, "Augusta Ada King");
  g_assert_cmpstr (json_object_get_string_member (c, "company"), ==, "");
  g_assert_cmpstr (json_object_get_string_member (c, "phone"), ==, "+44 20 7946 0999");
  g_assert_cmpstr (json_object_get_string_member (c, "email"), ==, "countess@example.org");
  g_assert_cmpstr (json_object_get_string_member (c, "notes"), ==, "Calls back");
  g_assert_cmpint (json_object_get_int_member (c, "cadence_days"), ==, 60);
  g_assert_cmpstr (json_object_get_string_member (c, "since"), ==, "2026-11-18");

  /* The search follows the edit. */
  {
    g_autofree char *found = search (t, "augusta");
    g_autofree char *gone = search (t, "Engines");
    g_assert_cmpstr (found, ==, "Augusta Ada King");
    g_assert_cmpstr (gone, ==, "");
  }
}

static void
test_delete_removes_from_list_and_agenda (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  g_autofree char *ada = cli_add_customer (t, "Ada Lovelace", "--phone", "+44 20 7946 0000", NULL);
  g_autofree char *grace = cli_add_customer (t, "Grace Hopper", NULL);
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) agenda = NULL;
  g_autoptr(CliResult) show = NULL;
  JsonArray *calls;

  cli_do (t, "flag", ada, "irate", "--note", "Billing error", NULL);
  cli_do (t, "customer", "delete", ada, NULL);

  list = cli_json (t, "customer", "list", "--json", NULL);
  g_assert_cmpuint (json_array_get_length (cli_json_array (list)), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (cli_json_array (list), 0), "id"),
                   ==, grace);
  {
    g_autofree char *found = search (t, "love");
    g_assert_cmpstr (found, ==, "");
  }

  agenda = cli_json (t, "agenda", "--date", "2026-12-31", "--json", NULL);
  calls = json_object_get_array_member (cli_json_object (agenda), "calls");
  g_assert_cmpuint (json_array_get_length (calls), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (calls, 0), "customer_id"),
                   ==, grace);

  /* The deleted customer is gone for every command, with the usual error. */
  show = cli_run (t, "customer", "show", ada, NULL);
  g_assert_cmpint (show->status, ==, 2);
  g_assert_cmpstr (show->out, ==, "");
  g_assert_nonnull (strstr (show->err, ada));
}

static void
test_short_id_prefix_finds_the_customer (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-20");
  g_autofree char *id = cli_add_customer (t, "Ada Lovelace", NULL);
  g_autofree char *prefix = g_strndup (id, 8);
  g_autoptr(JsonNode) node = NULL;

  /* The text lists show 8 characters of the id: a person can type those. */
  node = cli_json (t, "customer", "show", prefix, "--json", NULL);
  g_assert_cmpstr (json_object_get_string_member (cli_json_object (node), "id"), ==, id);
}

/* A name that starts like an option comes after "--"; "customer --help"
 * is help, not an unknown command. */
static void
test_odd_names_and_help (void)
{
  g_autoptr(CliTest) t = cli_test_new ("2026-11-23");
  g_autofree char *id = cli_add_customer (t, "--", "-Bea", NULL);
  g_autofree char *out = cli_ok (t, "customer", "show", id, NULL);
  g_autofree char *help = cli_ok (t, "customer", "--help", NULL);

  g_assert_nonnull (strstr (out, "-Bea"));
  g_assert_true (g_str_has_prefix (help, "usage: customer add|edit|delete|show|list"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/customer/odd-names-and-help", test_odd_names_and_help);
  g_test_add_func ("/cli/customer/add-prints-the-id-alone", test_add_prints_the_id_alone);
  g_test_add_func ("/cli/customer/add-with-every-option-is-shown-exactly", test_add_with_every_option_is_shown_exactly);
  g_test_add_func ("/cli/customer/add-defaults-since-to-today", test_add_defaults_since_to_today);
  g_test_add_func ("/cli/customer/add-without-follow-up-opens-none", test_add_without_follow_up_opens_none);
  g_test_add_func ("/cli/customer/show-json-lists-calls-with-every-field", test_show_json_lists_calls_with_every_field);
  g_test_add_func ("/cli/customer/history-json-is-the-calls-newest-first", test_history_json_is_the_calls_newest_first);
  g_test_add_func ("/cli/customer/list-json-has-the-contract-fields", test_list_json_has_the_contract_fields);
  g_test_add_func ("/cli/customer/list-of-an-empty-database-is-an-empty-array", test_list_of_an_empty_database_is_an_empty_array);
  g_test_add_func ("/cli/customer/list-search-finds-any-part-of-any-field", test_list_search_finds_any_part_of_any_field);
  g_test_add_func ("/cli/customer/edit-changes-only-the-given-options", test_edit_changes_only_the_given_options);
  g_test_add_func ("/cli/customer/delete-removes-from-list-and-agenda", test_delete_removes_from_list_and_agenda);
  g_test_add_func ("/cli/customer/short-id-prefix-finds-the-customer", test_short_id_prefix_finds_the_customer);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-test-agenda"

#include "config.h"

#include "test-helpers.h"

static GPtrArray *
agenda (Fixture    *f,
        const char *iso)
{
  g_autoptr(GError) error = NULL;
  GDate d = day (iso);
  GPtrArray *entries = rapport_store_get_agenda (f->store, &d, &error);

  g_assert_no_error (error);
  g_assert_nonnull (entries);
  return entries;
}

static char *
situation_keys (RapportAgendaEntry *entry)
{
  g_autoptr(GString) s = g_string_new (NULL);
  const RapportSituation *situations;
  guint n;

  situations = rapport_agenda_entry_get_situations (entry, &n);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (s, "%s%s", i ? "," : "", rapport_situation_to_key (situations[i]));
  return g_strdup (s->str);
}

/* "Name: situations due" per entry, in agenda order. */
static char *
describe (GPtrArray *entries)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      RapportAgendaEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *keys = situation_keys (e);
      g_autofree char *due = rapport_date_to_iso (rapport_agenda_entry_get_due (e));
      g_string_append_printf (s, "%s%s: %s %s", i ? "; " : "", rapport_agenda_entry_get_name (e),
                              keys, due);
    }
  return g_strdup (s->str);
}

#define assert_agenda(f, iso, expected) \
  G_STMT_START { \
    g_autoptr(GPtrArray) _entries = agenda ((f), (iso)); \
    g_autofree char *_text = describe (_entries); \
    g_assert_cmpstr (_text, ==, (expected)); \
  } G_STMT_END

static void
correct (Fixture    *f,
         const char *id,
         const char *iso)
{
  g_autoptr(GError) error = NULL;
  GDate d = day (iso);

  g_assert_true (rapport_store_mark_corrected (f->store, id, &d, NULL, &error));
  g_assert_no_error (error);
}

static void
test_one_entry_per_customer (Fixture       *f,
                             gconstpointer  data)
{
  /* Since Thursday 2026-08-20: new due Monday 2026-08-24; the regular
   * check-in 2026-08-20 + 90 = Wednesday 2026-11-18. */
  g_autofree char *id = add_customer (f, "Bob Dylan", "555 0101", "2026-08-20", TRUE);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) follow_ups = NULL;
  RapportAgendaEntry *e;

  set_today (f, "2026-11-18");
  flag (f, id, RAPPORT_SITUATION_REGULAR, "2026-11-18", "Quarterly");
  flag (f, id, RAPPORT_SITUATION_IRATE, "2026-11-20", "Billed twice");
  flag (f, id, RAPPORT_SITUATION_NOTHING_WENT_RIGHT, "2026-11-18", "Leak");
  correct (f, id, "2026-11-20");
  set_today (f, "2026-11-23");

  entries = agenda (f, "2026-11-23");
  g_assert_cmpuint (entries->len, ==, 1);
  e = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (rapport_agenda_entry_get_customer_id (e), ==, id);
  g_assert_cmpstr (rapport_agenda_entry_get_name (e), ==, "Bob Dylan");
  g_assert_cmpstr (rapport_agenda_entry_get_phone (e), ==, "555 0101");
  {
    g_autofree char *keys = situation_keys (e);
    g_assert_cmpstr (keys, ==, "irate,nothing-went-right,new,regular");
  }
  /* The earliest due date, and calendar days from it to the agenda's day:
   * 2026-08-24 → 2026-11-23 is 91 days, 65 business days. */
  assert_date (rapport_agenda_entry_get_due (e), "2026-08-24");
  g_assert_cmpuint (rapport_agenda_entry_get_overdue_days (e), ==, 91);
  g_assert_cmpuint (rapport_agenda_entry_get_overdue_business_days (e), ==, 65);
  g_assert_cmpstr (rapport_agenda_entry_get_note (e), ==, "Billed twice");
  follow_ups = g_ptr_array_ref (rapport_agenda_entry_get_follow_ups (e));
  g_assert_cmpuint (follow_ups->len, ==, 4);
  g_assert_cmpint (rapport_follow_up_get_situation (g_ptr_array_index (follow_ups, 0)), ==,
                   RAPPORT_SITUATION_IRATE);
  g_assert_cmpint (rapport_follow_up_get_situation (g_ptr_array_index (follow_ups, 3)), ==,
                   RAPPORT_SITUATION_REGULAR);

  /* On earlier days only what was due by then. */
  assert_agenda (f, "2026-11-20", "Bob Dylan: new,regular 2026-08-24");
  assert_agenda (f, "2026-11-17", "Bob Dylan: new 2026-08-24");
  assert_agenda (f, "2026-08-21", "");
}

static void
test_later_follow_ups_not_listed (Fixture       *f,
                                  gconstpointer  data)
{
  /* New due Tuesday 2026-11-24; irate due Monday 2026-11-23; a waiting problem. */
  g_autofree char *id = add_customer (f, "Ada Lovelace", NULL, "2026-11-20", TRUE);

  flag (f, id, RAPPORT_SITUATION_IRATE, "2026-11-20", NULL);
  flag (f, id, RAPPORT_SITUATION_NOTHING_WENT_RIGHT, "2026-11-20", "Waiting for a part");
  flag (f, id, RAPPORT_SITUATION_REGULAR, "2026-11-23", NULL);
  assert_agenda (f, "2026-11-22", "");
  assert_agenda (f, "2026-11-23", "Ada Lovelace: irate 2026-11-23");
  assert_agenda (f, "2026-11-24", "Ada Lovelace: irate,new 2026-11-23");
  /* 2026-11-20 + 90 = Wednesday 2027-02-18. */
  assert_agenda (f, "2027-02-17", "Ada Lovelace: irate,new 2026-11-23");
  assert_agenda (f, "2027-02-18", "Ada Lovelace: irate,new,regular 2026-11-23");
}

static void
test_order (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *zoe = add_plain_customer (f, "Zoe Irate", "2026-01-05");
  g_autofree char *adam = add_plain_customer (f, "Adam Irate", "2026-01-05");
  g_autofree char *carl = add_plain_customer (f, "Carl Irate", "2026-01-05");
  g_autofree char *beth = add_plain_customer (f, "Beth Problem", "2026-01-05");
  g_autofree char *dora = add_customer (f, "Dora New", NULL, "2026-11-19", TRUE);
  g_autofree char *finn = add_customer (f, "Finn New", NULL, "2026-11-18", TRUE);
  g_autofree char *eve = add_plain_customer (f, "Eve Regular", "2026-08-20");
  g_autofree char *hal = add_customer (f, "Hal Irate", NULL, "2026-11-06", TRUE);

  flag (f, zoe, RAPPORT_SITUATION_IRATE, "2026-11-20", NULL);     /* due 11-23 */
  flag (f, adam, RAPPORT_SITUATION_IRATE, "2026-11-22", NULL);    /* Sunday: due 11-23 */
  flag (f, carl, RAPPORT_SITUATION_IRATE, "2026-11-18", NULL);    /* due 11-19 */
  flag (f, beth, RAPPORT_SITUATION_NOTHING_WENT_RIGHT, "2026-11-18", NULL);
  correct (f, beth, "2026-11-20");                                /* due 11-23 */
  flag (f, eve, RAPPORT_SITUATION_REGULAR, "2026-11-18", NULL);   /* due 11-18 */
  /* Hal: irate due 11-23 and new due Tuesday 2026-11-10: his earliest due
   * date puts him first among the irate customers. */
  flag (f, hal, RAPPORT_SITUATION_IRATE, "2026-11-20", NULL);

  assert_agenda (f, "2026-11-23",
                 "Hal Irate: irate,new 2026-11-10; "
                 "Carl Irate: irate 2026-11-19; "
                 "Adam Irate: irate 2026-11-23; "
                 "Zoe Irate: irate 2026-11-23; "
                 "Beth Problem: nothing-went-right 2026-11-23; "
                 "Finn New: new 2026-11-20; "
                 "Dora New: new 2026-11-23; "
                 "Eve Regular: regular 2026-11-18");
}

static void
test_same_due_ordered_by_name (Fixture       *f,
                               gconstpointer  data)
{
  const char *names[] = { "Maria Tusk", "Bea Lin", "Ana Ruiz", "Maria Toms", "Zed Ox", "Carl Ek" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_free (add_customer (f, names[i], NULL, "2026-11-19", TRUE));
  assert_agenda (f, "2026-11-23",
                 "Ana Ruiz: new 2026-11-23; Bea Lin: new 2026-11-23; Carl Ek: new 2026-11-23; "
                 "Maria Toms: new 2026-11-23; Maria Tusk: new 2026-11-23; Zed Ox: new 2026-11-23");
}

static void
test_overdue_days (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *id = add_plain_customer (f, "Ada Lovelace", "2026-01-05");
  g_autoptr(GPtrArray) today = NULL;
  g_autoptr(GPtrArray) monday = NULL;
  g_autoptr(GPtrArray) later = NULL;
  RapportAgendaEntry *e;

  /* Irate flagged Thursday 2026-11-19: due Friday 2026-11-20. */
  flag (f, id, RAPPORT_SITUATION_IRATE, "2026-11-19", NULL);
  today = agenda (f, "2026-11-20");
  e = g_ptr_array_index (today, 0);
  g_assert_cmpuint (rapport_agenda_entry_get_overdue_days (e), ==, 0);
  g_assert_cmpuint (rapport_agenda_entry_get_overdue_business_days (e), ==, 0);

  /* On Monday: three calendar days, one business day. */
  monday = agenda (f, "2026-11-23");
  e = g_ptr_array_index (monday, 0);
  g_assert_cmpuint (rapport_agenda_entry_get_overdue_days (e), ==, 3);
  g_assert_cmpuint (rapport_agenda_entry_get_overdue_business_days (e), ==, 1);

  later = agenda (f, "2026-12-02");
  e = g_ptr_array_index (later, 0);
  g_assert_cmpuint (rapport_agenda_entry_get_overdue_days (e), ==, 12);
  g_assert_cmpuint (rapport_agenda_entry_get_overdue_business_days (e), ==, 8);
}

static void
test_attempts_and_note (Fixture       *f,
                        gconstpointer  data)
{
  /* Irate due Monday 2026-11-23, new due Tuesday 2026-11-24. */
  g_autofree char *id = add_customer (f, "Ada Lovelace", NULL, "2026-11-20", TRUE);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GPtrArray) tuesday = NULL;
  g_autoptr(GPtrArray) wednesday = NULL;
  RapportAgendaEntry *e;

  flag (f, id, RAPPORT_SITUATION_IRATE, "2026-11-20", "Billed twice");
  flag (f, id, RAPPORT_SITUATION_NEW, NULL, "Welcome call");
  first = log_call (f, id, RAPPORT_RESULT_NO_ANSWER, 0, "2026-11-23");

  /* Tuesday: irate after one attempt, new with none. */
  tuesday = agenda (f, "2026-11-24");
  g_assert_cmpuint (tuesday->len, ==, 1);
  e = g_ptr_array_index (tuesday, 0);
  g_assert_cmpuint (rapport_agenda_entry_get_attempts (e), ==, 1);
  g_assert_cmpstr (rapport_agenda_entry_get_note (e), ==, "Billed twice");

  set_today (f, "2026-11-24");
  second = log_call (f, id, RAPPORT_RESULT_NO_ANSWER, 0, NULL);
  wednesday = agenda (f, "2026-11-25");
  e = g_ptr_array_index (wednesday, 0);
  g_assert_cmpuint (rapport_agenda_entry_get_attempts (e), ==, 2);
  {
    GPtrArray *fus = rapport_agenda_entry_get_follow_ups (e);
    g_assert_cmpuint (rapport_follow_up_get_attempts (g_ptr_array_index (fus, 0)), ==, 2);
    g_assert_cmpuint (rapport_follow_up_get_attempts (g_ptr_array_index (fus, 1)), ==, 1);
  }
}

static void
test_note_of_highest_priority (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *id = add_customer (f, "Ada Lovelace", NULL, "2026-11-19", TRUE);
  g_autoptr(GPtrArray) entries = NULL;

  /* The irate flag has no note: the entry's note is the irate one's, empty. */
  flag (f, id, RAPPORT_SITUATION_NEW, NULL, "Welcome call");
  flag (f, id, RAPPORT_SITUATION_IRATE, "2026-11-20", NULL);
  entries = agenda (f, "2026-11-23");
  g_assert_cmpstr (rapport_agenda_entry_get_note (g_ptr_array_index (entries, 0)), ==, "");
}

static void
test_waiting_and_deleted_not_listed (Fixture       *f,
                                     gconstpointer  data)
{
  g_autofree char *ada = add_plain_customer (f, "Ada Lovelace", "2026-01-05");
  g_autofree char *grace = add_customer (f, "Grace Hopper", NULL, "2026-11-19", TRUE);
  g_autoptr(GError) error = NULL;

  flag (f, ada, RAPPORT_SITUATION_NOTHING_WENT_RIGHT, "2026-11-18", "Waiting for a part");
  assert_agenda (f, "2026-11-23", "Grace Hopper: new 2026-11-23");
  assert_agenda (f, "2030-01-01", "Grace Hopper: new 2026-11-23");
  g_assert_true (rapport_store_delete_customer (f->store, grace, &error));
  g_assert_no_error (error);
  assert_agenda (f, "2026-11-23", "");
  assert_agenda (f, "2030-01-01", "");
}

static void
test_agenda_defaults_to_today (Fixture       *f,
                               gconstpointer  data)
{
  g_autofree char *id = add_customer (f, "Ada Lovelace", NULL, "2026-11-20", TRUE);
  g_autoptr(GPtrArray) monday = NULL;
  g_autoptr(GPtrArray) tuesday = NULL;
  g_autoptr(GError) error = NULL;

  monday = rapport_store_get_agenda (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (monday->len, ==, 0);
  set_today (f, "2026-11-24");
  tuesday = rapport_store_get_agenda (f->store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (tuesday->len, ==, 1);
}

static void
assert_next_day (Fixture    *f,
                 const char *after,
                 const char *expected)
{
  g_autoptr(GError) error = NULL;
  GDate a = day (after), out;
  gboolean found;

  g_date_clear (&out, 1);
  found = rapport_store_next_agenda_day (f->store, &a, &out, &error);
  g_assert_no_error (error);
  g_test_message ("after %s", after);
  if (expected == NULL)
    g_assert_false (found);
  else
    {
      g_assert_true (found);
      assert_date (&out, expected);
    }
}

static void
test_next_agenda_day (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *ada = add_customer (f, "Ada Lovelace", NULL, "2026-11-20", TRUE);   /* 11-24 */
  g_autofree char *bob = add_plain_customer (f, "Bob Dylan", "2026-11-23");
  g_autofree char *carl = add_plain_customer (f, "Carl Sagan", "2026-11-23");
  g_autofree char *dora = add_customer (f, "Dora Maar", NULL, "2026-11-25", TRUE);     /* 11-27 */
  g_autoptr(GError) error = NULL;

  flag (f, bob, RAPPORT_SITUATION_IRATE, "2026-11-20", NULL);                         /* 11-23 */
  flag (f, carl, RAPPORT_SITUATION_REGULAR, "2026-11-23", NULL);                      /* 2027-02-22 */
  flag (f, carl, RAPPORT_SITUATION_NOTHING_WENT_RIGHT, "2026-11-23", NULL);           /* waiting */

  assert_next_day (f, "2026-11-22", "2026-11-23");
  assert_next_day (f, "2026-11-23", "2026-11-24");
  assert_next_day (f, "2026-11-24", "2026-11-27");
  assert_next_day (f, "2026-11-27", "2027-02-22");
  assert_next_day (f, "2027-02-22", NULL);

  /* Deleted customers and closed follow-ups do not count. */
  g_assert_true (rapport_store_delete_customer (f->store, dora, &error));
  g_assert_no_error (error);
  g_assert_true (rapport_store_unflag (f->store, ada, RAPPORT_SITUATION_NEW, &error));
  g_assert_no_error (error);
  assert_next_day (f, "2026-11-23", "2027-02-22");
}

/* The member names of a JSON object, sorted, comma-separated. */
static char *
members (JsonNode *node)
{
  g_autoptr(GList) names = NULL;
  g_autoptr(GString) s = g_string_new (NULL);

  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  names = json_object_get_members (json_node_get_object (node));
  names = g_list_sort (names, (GCompareFunc) g_strcmp0);
  for (GList *l = names; l; l = l->next)
    g_string_append_printf (s, "%s%s", l != names ? "," : "", (char *) l->data);
  return g_strdup (s->str);
}

#define assert_members(node, expected) \
  G_STMT_START { \
    g_autofree char *_m = members (node); \
    g_assert_cmpstr (_m, ==, (expected)); \
  } G_STMT_END

/* Serialises and parses back: what rapport-cli prints must be valid JSON. */
static JsonNode *
round_trip (JsonNode *node)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = rapport_json_to_string (node);

  g_assert_true (g_str_has_suffix (text, "}\n") || g_str_has_suffix (text, "]\n"));
  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_json_agenda (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *id = add_customer (f, "Ada Lovelace", "+44 20 7946 0000", "2026-11-19", TRUE);
  g_autofree char *call_id = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(JsonNode) built = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *obj, *call;
  JsonArray *calls, *situations;
  GDate d = day ("2026-11-25");

  flag (f, id, RAPPORT_SITUATION_IRATE, "2026-11-20", "Billed twice");
  call_id = log_call (f, id, RAPPORT_RESULT_VOICEMAIL, 0, "2026-11-23");
  entries = agenda (f, "2026-11-25");
  built = rapport_json_agenda (&d, entries);
  root = round_trip (built);

  assert_members (root, "calls,date");
  obj = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (obj, "date"), ==, "2026-11-25");
  calls = json_object_get_array_member (obj, "calls");
  g_assert_cmpuint (json_array_get_length (calls), ==, 1);
  assert_members (json_array_get_element (calls, 0),
                  "attempts,customer_id,due,name,note,overdue_days,phone,situations");
  call = json_array_get_object_element (calls, 0);
  g_assert_cmpstr (json_object_get_string_member (call, "customer_id"), ==, id);
  g_assert_cmpstr (json_object_get_string_member (call, "name"), ==, "Ada Lovelace");
  g_assert_cmpstr (json_object_get_string_member (call, "phone"), ==, "+44 20 7946 0000");
  situations = json_object_get_array_member (call, "situations");
  g_assert_cmpuint (json_array_get_length (situations), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (situations, 0), ==, "irate");
  g_assert_cmpstr (json_array_get_string_element (situations, 1), ==, "new");
  /* Both retried for Tuesday 2026-11-24; on Wednesday one day overdue. */
  g_assert_cmpstr (json_object_get_string_member (call, "due"), ==, "2026-11-24");
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (call, "overdue_days")), ==, G_TYPE_INT64);
  g_assert_cmpint (json_object_get_int_member (call, "overdue_days"), ==, 1);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (call, "attempts")), ==, G_TYPE_INT64);
  g_assert_cmpint (json_object_get_int_member (call, "attempts"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (call, "note"), ==, "Billed twice");

  /* An empty day is an empty list, not a missing one. */
  {
    g_autoptr(GPtrArray) none = agenda (f, "2026-11-20");
    GDate d20 = day ("2026-11-20");
    g_autoptr(JsonNode) empty = rapport_json_agenda (&d20, none);
    g_autoptr(JsonNode) parsed = round_trip (empty);
    assert_members (parsed, "calls,date");
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (parsed), "calls")), ==, 0);
  }
}

static void
test_json_customer (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RapportCustomer) c = rapport_customer_new ();
  g_autoptr(RapportCustomer) stored = NULL;
  g_autoptr(GPtrArray) follow_ups = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(JsonNode) built = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *no_answer = NULL;
  g_autofree char *reached = NULL;
  JsonObject *obj;
  JsonArray *fus, *cs;
  GDate since = day ("2026-11-19");
  guint open_index = G_MAXUINT, waiting_index = G_MAXUINT, closed_index = G_MAXUINT;

  rapport_customer_set_name (c, "Ada Lovelace");
  rapport_customer_set_company (c, "Analytical Engines");
  rapport_customer_set_phone (c, "+44 20 7946 0000");
  rapport_customer_set_email (c, "ada@example.org");
  rapport_customer_set_notes (c, "Prefers mornings");
  rapport_customer_set_since (c, &since);
  rapport_customer_set_cadence_days (c, 30);
  g_assert_true (rapport_store_add_customer (f->store, c, TRUE, &error));
  g_assert_no_error (error);
  flag (f, rapport_customer_get_id (c), RAPPORT_SITUATION_IRATE, "2026-11-20", "Billed twice");
  /* Both due Monday 2026-11-23: no answer, then reached on Tuesday. */
  no_answer = log_call (f, rapport_customer_get_id (c), RAPPORT_RESULT_NO_ANSWER, 0, "2026-11-23");
  set_today (f, "2026-11-24");
  {
    RapportCallInput input = { RAPPORT_RESULT_REACHED, 2, TRUE, .note = "Still billed twice" };
    reached = rapport_store_log_call (f->store, rapport_customer_get_id (c), &input, &error);
    g_assert_no_error (error);
  }
  /* The irate flag again: open; the problem: waiting; new and the first irate: closed. */
  flag (f, rapport_customer_get_id (c), RAPPORT_SITUATION_IRATE, "2026-11-24", "Angry again");

  stored = rapport_store_get_customer (f->store, rapport_customer_get_id (c), &error);
  g_assert_no_error (error);
  follow_ups = rapport_store_list_follow_ups (f->store, rapport_customer_get_id (c), TRUE, &error);
  g_assert_no_error (error);
  calls = rapport_store_list_calls (f->store, rapport_customer_get_id (c), &error);
  g_assert_no_error (error);
  built = rapport_json_customer (stored, 90, follow_ups, calls);
  root = round_trip (built);

  assert_members (root, "cadence_days,calls,company,email,follow_ups,id,name,notes,phone,"
                        "phone_needs_check,since");
  obj = json_node_get_object (root);
  g_assert_cmpstr (json_object_get_string_member (obj, "id"), ==, rapport_customer_get_id (c));
  g_assert_cmpstr (json_object_get_string_member (obj, "name"), ==, "Ada Lovelace");
  g_assert_cmpstr (json_object_get_string_member (obj, "company"), ==, "Analytical Engines");
  g_assert_cmpstr (json_object_get_string_member (obj, "phone"), ==, "+44 20 7946 0000");
  g_assert_cmpstr (json_object_get_string_member (obj, "email"), ==, "ada@example.org");
  g_assert_cmpstr (json_object_get_string_member (obj, "notes"), ==, "Prefers mornings");
  g_assert_cmpstr (json_object_get_string_member (obj, "since"), ==, "2026-11-19");
  g_assert_cmpint (json_object_get_int_member (obj, "cadence_days"), ==, 30);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (obj, "phone_needs_check")), ==, G_TYPE_BOOLEAN);
  g_assert_false (json_object_get_boolean_member (obj, "phone_needs_check"));

  fus = json_object_get_array_member (obj, "follow_ups");
  g_assert_cmpuint (json_array_get_length (fus), ==, 4);
  for (guint i = 0; i < json_array_get_length (fus); i++)
    {
      JsonObject *fu = json_array_get_object_element (fus, i);
      const char *state = json_object_get_string_member (fu, "state");

      assert_members (json_array_get_element (fus, i), "attempts,close_reason,due,note,situation,state");
      g_assert_cmpint (json_node_get_value_type (json_object_get_member (fu, "attempts")), ==, G_TYPE_INT64);
      if (g_str_equal (state, "open"))
        open_index = i;
      else if (g_str_equal (state, "waiting"))
        waiting_index = i;
      else if (g_str_equal (state, "closed") && g_str_equal (json_object_get_string_member (fu, "situation"), "irate"))
        closed_index = i;
      else
        g_assert_cmpstr (json_object_get_string_member (fu, "situation"), ==, "new");
    }
  g_assert_cmpuint (open_index, !=, G_MAXUINT);
  g_assert_cmpuint (waiting_index, !=, G_MAXUINT);
  g_assert_cmpuint (closed_index, !=, G_MAXUINT);
  {
    JsonObject *open = json_array_get_object_element (fus, open_index);
    JsonObject *waiting = json_array_get_object_element (fus, waiting_index);
    JsonObject *closed = json_array_get_object_element (fus, closed_index);

    g_assert_cmpstr (json_object_get_string_member (open, "situation"), ==, "irate");
    g_assert_cmpstr (json_object_get_string_member (open, "due"), ==, "2026-11-25");
    g_assert_cmpint (json_object_get_int_member (open, "attempts"), ==, 0);
    g_assert_true (json_object_get_null_member (open, "close_reason"));
    g_assert_cmpstr (json_object_get_string_member (open, "note"), ==, "Angry again");

    g_assert_cmpstr (json_object_get_string_member (waiting, "situation"), ==, "nothing-went-right");
    g_assert_true (json_object_get_null_member (waiting, "due"));
    g_assert_true (json_object_get_null_member (waiting, "close_reason"));
    g_assert_cmpstr (json_object_get_string_member (waiting, "note"), ==, "Still billed twice");

    g_assert_true (json_object_get_null_member (closed, "due"));
    g_assert_cmpstr (json_object_get_string_member (closed, "close_reason"), ==, "problem-persists");
    g_assert_cmpint (json_object_get_int_member (closed, "attempts"), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (closed, "note"), ==, "Billed twice");
  }

  /* Calls newest first; satisfaction null unless reached. */
  cs = json_object_get_array_member (obj, "calls");
  g_assert_cmpuint (json_array_get_length (cs), ==, 2);
  for (guint i = 0; i < 2; i++)
    assert_members (json_array_get_element (cs, i), "date,note,problem_persists,result,satisfaction,staff");
  {
    JsonObject *latest = json_array_get_object_element (cs, 0);
    JsonObject *earliest = json_array_get_object_element (cs, 1);

    g_assert_cmpstr (json_object_get_string_member (latest, "date"), ==, "2026-11-24");
    g_assert_cmpstr (json_object_get_string_member (latest, "result"), ==, "reached");
    g_assert_cmpint (json_object_get_int_member (latest, "satisfaction"), ==, 2);
    g_assert_true (json_object_get_boolean_member (latest, "problem_persists"));
    g_assert_cmpstr (json_object_get_string_member (latest, "note"), ==, "Still billed twice");
    g_assert_cmpstr (json_object_get_string_member (latest, "staff"), ==, "Grace");

    g_assert_cmpstr (json_object_get_string_member (earliest, "date"), ==, "2026-11-23");
    g_assert_cmpstr (json_object_get_string_member (earliest, "result"), ==, "no-answer");
    g_assert_true (json_object_get_null_member (earliest, "satisfaction"));
    g_assert_cmpint (json_node_get_value_type (json_object_get_member (earliest, "problem_persists")), ==, G_TYPE_BOOLEAN);
    g_assert_false (json_object_get_boolean_member (earliest, "problem_persists"));
    g_assert_cmpstr (json_object_get_string_member (earliest, "note"), ==, "");
  }
}

static void
test_json_customer_list (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *ada = add_customer (f, "Ada Lovelace", "555 0100", NULL, FALSE);
  g_autofree char *bob = add_plain_customer (f, "Bob Dylan", NULL);
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) customers = NULL;
  g_autoptr(JsonNode) built = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *list;

  ids = rapport_store_search_customer_ids (f->store, NULL, &error);
  g_assert_no_error (error);
  customers = rapport_store_get_customers (f->store, (const char * const *) ids->pdata, ids->len, &error);
  g_assert_no_error (error);
  built = rapport_json_customer_list (customers);
  root = round_trip (built);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  list = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (list), ==, 2);
  assert_members (json_array_get_element (list, 0), "company,email,id,name,phone");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 0), "id"), ==, ada);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 0), "phone"), ==, "555 0100");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 1), "name"), ==, "Bob Dylan");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 1), "email"), ==, "");
}

#define ADD(path, func) \
  g_test_add ("/core/agenda/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  ADD ("one-entry-per-customer-lists-all-due-situations", test_one_entry_per_customer);
  ADD ("follow-ups-due-later-are-not-listed", test_later_follow_ups_not_listed);
  ADD ("orders-by-priority-then-earliest-due-then-name", test_order);
  ADD ("same-due-is-ordered-by-name", test_same_due_ordered_by_name);
  ADD ("overdue-days-are-calendar-days", test_overdue_days);
  ADD ("attempts-are-the-highest-among-due-follow-ups", test_attempts_and_note);
  ADD ("note-is-the-highest-priority-ones", test_note_of_highest_priority);
  ADD ("waiting-and-deleted-are-never-listed", test_waiting_and_deleted_not_listed);
  ADD ("agenda-day-defaults-to-today", test_agenda_defaults_to_today);
  ADD ("next-agenda-day-is-the-next-due-date", test_next_agenda_day);
  ADD ("json-agenda-has-the-documented-shape", test_json_agenda);
  ADD ("json-customer-has-the-documented-shape", test_json_customer);
  ADD ("json-customer-list-has-the-documented-shape", test_json_customer_list);

  return test_run ();
}

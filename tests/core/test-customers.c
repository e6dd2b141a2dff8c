/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-test-customers"

#include "config.h"

#include "test-helpers.h"

static gboolean
is_timestamp (const char *text)
{
  return text != NULL &&
         g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$",
                               text, 0, 0);
}

static RapportCustomer *
get_customer (Fixture    *f,
              const char *id)
{
  g_autoptr(GError) error = NULL;
  RapportCustomer *c = rapport_store_get_customer (f->store, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (c);
  return c;
}

static GPtrArray *
search (Fixture    *f,
        const char *text)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *ids = rapport_store_search_customer_ids (f->store, text, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ids);
  return ids;
}

/* The names found by @text, comma-separated, in the order given. */
static char *
search_names (Fixture    *f,
              const char *text)
{
  g_autoptr(GPtrArray) ids = search (f, text);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(RapportCustomer) c = get_customer (f, g_ptr_array_index (ids, i));
      g_string_append_printf (names, "%s%s", i ? ", " : "", rapport_customer_get_name (c));
    }
  return g_strdup (names->str);
}

#define assert_search(f, text, expected) \
  G_STMT_START { \
    g_autofree char *_names = search_names ((f), (text)); \
    g_test_message ("search '%s'", (const char *) (text)); \
    g_assert_cmpstr (_names, ==, (expected)); \
  } G_STMT_END

static void
test_add (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(RapportCustomer) c = rapport_customer_new ();
  g_autoptr(RapportCustomer) stored = NULL;
  g_autoptr(RapportFollowUp) fu = NULL;
  g_autoptr(GError) error = NULL;
  GDate since = day ("2026-11-20");

  rapport_customer_set_name (c, "  Ada Lovelace ");
  rapport_customer_set_company (c, "Analytical Engines Ltd");
  rapport_customer_set_phone (c, "+44 20 7946 0000");
  rapport_customer_set_email (c, "ada@example.org");
  rapport_customer_set_notes (c, "Prefers mornings.\nAsk about the engine.");
  rapport_customer_set_since (c, &since);
  rapport_customer_set_cadence_days (c, 30);
  g_assert_true (rapport_store_add_customer (f->store, c, TRUE, &error));
  g_assert_no_error (error);

  g_assert_true (g_uuid_string_is_valid (rapport_customer_get_id (c)));
  g_assert_true (is_timestamp (rapport_customer_get_created_at (c)));
  g_assert_cmpstr (rapport_customer_get_updated_at (c), ==, rapport_customer_get_created_at (c));

  stored = get_customer (f, rapport_customer_get_id (c));
  g_assert_cmpstr (rapport_customer_get_id (stored), ==, rapport_customer_get_id (c));
  g_assert_cmpstr (rapport_customer_get_name (stored), ==, "Ada Lovelace");
  g_assert_cmpstr (rapport_customer_get_company (stored), ==, "Analytical Engines Ltd");
  g_assert_cmpstr (rapport_customer_get_phone (stored), ==, "+44 20 7946 0000");
  g_assert_cmpstr (rapport_customer_get_email (stored), ==, "ada@example.org");
  g_assert_cmpstr (rapport_customer_get_notes (stored), ==, "Prefers mornings.\nAsk about the engine.");
  assert_date (rapport_customer_get_since (stored), "2026-11-20");
  g_assert_cmpuint (rapport_customer_get_cadence_days (stored), ==, 30);
  g_assert_false (rapport_customer_get_phone_needs_check (stored));
  g_assert_cmpstr (rapport_customer_get_created_at (stored), ==, rapport_customer_get_created_at (c));
  g_assert_cmpstr (rapport_customer_get_updated_at (stored), ==, rapport_customer_get_updated_at (c));

  /* Friday 2026-11-20 → the 2nd business day after is Tuesday 2026-11-24. */
  g_assert_cmpuint (count_follow_ups (f, rapport_customer_get_id (c), TRUE), ==, 1);
  fu = open_follow_up (f, rapport_customer_get_id (c), RAPPORT_SITUATION_NEW);
  assert_due (fu, "2026-11-24");
  g_assert_cmpint (rapport_follow_up_get_state (fu), ==, RAPPORT_FOLLOW_UP_OPEN);
  g_assert_cmpuint (rapport_follow_up_get_attempts (fu), ==, 0);
  /* Opened the day the customer was added (today), after the service. */
  assert_date (rapport_follow_up_get_flagged_on (fu), "2026-11-23");

  /* Every row has a UUID and timestamps. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM follow_ups WHERE length (uuid) = 36"
                                 " AND created_at LIKE '____-__-__T__:__:__Z'"
                                 " AND updated_at = created_at", NULL), ==, 1);
}

static void
test_add_since_defaults_to_today (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *id = NULL;
  g_autoptr(RapportCustomer) c = NULL;
  g_autoptr(RapportFollowUp) fu = NULL;

  set_today (f, "2026-11-20");
  id = add_customer (f, "Ada Lovelace", NULL, NULL, TRUE);
  c = get_customer (f, id);
  assert_date (rapport_customer_get_since (c), "2026-11-20");
  fu = open_follow_up (f, id, RAPPORT_SITUATION_NEW);
  assert_due (fu, "2026-11-24");
}

static void
test_add_new_from_weekend_and_midweek (Fixture       *f,
                                       gconstpointer  data)
{
  const struct { const char *since; const char *due; } cases[] = {
    { "2026-11-21", "2026-11-24" },   /* Saturday: Monday, Tuesday */
    { "2026-11-22", "2026-11-24" },   /* Sunday */
    { "2026-11-18", "2026-11-20" },   /* Wednesday: Thursday, Friday */
    { "2026-11-19", "2026-11-23" },   /* Thursday: Friday, Monday */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *id = add_customer (f, "Ada Lovelace", NULL, cases[i].since, TRUE);
      g_autoptr(RapportFollowUp) fu = open_follow_up (f, id, RAPPORT_SITUATION_NEW);

      g_test_message ("since %s", cases[i].since);
      assert_due (fu, cases[i].due);
    }
}

static void
test_add_without_follow_up (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *id = add_customer (f, "Ada Lovelace", NULL, "2026-11-20", FALSE);

  g_assert_cmpuint (count_follow_ups (f, id, TRUE), ==, 0);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM follow_ups", NULL), ==, 0);
}

static void
assert_add_refused (Fixture         *f,
                    RapportCustomer *c,
                    const char      *what)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_tables (f);
  g_autofree char *after = NULL;
  guint changed;
  gulong handler = count_changed (f, &changed);

  g_test_message ("%s", what);
  g_assert_false (rapport_store_add_customer (f->store, c, TRUE, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_assert_null (rapport_customer_get_id (c));
  after = dump_tables (f);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (changed, ==, 0);
  g_signal_handler_disconnect (f->store, handler);
}

static void
test_add_validation (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *existing = add_customer (f, "Grace Hopper", "555 0100", "2026-11-20", TRUE);
  const char *bad_emails[] = { "ada", "ada@", "@example.org", "ada@example", "ada lovelace@example.org",
                               "ada@@example.org", "ada@example." };
  const char *bad_phones[] = { "call me", "12", "+44 (0) 20 7946 0000 ext", "44+20", "123456789012345678901" };

  {
    g_autoptr(RapportCustomer) c = rapport_customer_new ();
    assert_add_refused (f, c, "no name");
    rapport_customer_set_name (c, "   ");
    assert_add_refused (f, c, "a blank name");
  }
  {
    g_autoptr(RapportCustomer) c = rapport_customer_new ();
    g_autoptr(GString) name = g_string_new (NULL);
    for (guint i = 0; i < 201; i++)
      g_string_append (name, "é");
    rapport_customer_set_name (c, name->str);
    assert_add_refused (f, c, "a 201-character name");
  }
  for (guint i = 0; i < G_N_ELEMENTS (bad_emails); i++)
    {
      g_autoptr(RapportCustomer) c = rapport_customer_new ();
      rapport_customer_set_name (c, "Ada Lovelace");
      rapport_customer_set_email (c, bad_emails[i]);
      assert_add_refused (f, c, bad_emails[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad_phones); i++)
    {
      g_autoptr(RapportCustomer) c = rapport_customer_new ();
      rapport_customer_set_name (c, "Ada Lovelace");
      rapport_customer_set_phone (c, bad_phones[i]);
      assert_add_refused (f, c, bad_phones[i]);
    }
  {
    g_autoptr(RapportCustomer) c = rapport_customer_new ();
    rapport_customer_set_name (c, "Ada Lovelace");
    rapport_customer_set_cadence_days (c, 3651);
    assert_add_refused (f, c, "cadence 3651");
  }
  /* Bytes that are not UTF-8 text (a Latin-1 command line), in any field. */
  {
    g_autoptr(RapportCustomer) c = rapport_customer_new ();
    rapport_customer_set_name (c, "Bad\xff" "Name");
    assert_add_refused (f, c, "a name that is not UTF-8");
  }
  {
    g_autoptr(RapportCustomer) c = rapport_customer_new ();
    rapport_customer_set_name (c, "Ada Lovelace");
    rapport_customer_set_notes (c, "caf\xe9");
    assert_add_refused (f, c, "notes that are not UTF-8");
  }

  /* The limits themselves are fine. */
  {
    g_autoptr(RapportCustomer) c = rapport_customer_new ();
    g_autoptr(GError) error = NULL;
    rapport_customer_set_name (c, "Ada Lovelace");
    rapport_customer_set_email (c, "ada.lovelace+crm@mail.example.org");
    rapport_customer_set_phone (c, "+44 (20) 7946-0000");
    rapport_customer_set_cadence_days (c, 3650);
    g_assert_true (rapport_store_add_customer (f->store, c, TRUE, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (rapport_store_count_customers (f->store), ==, 2);
}

static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *id = add_customer (f, "Ada Lovelace", "555 0100", "2026-11-20", TRUE);
  g_autoptr(RapportCustomer) c = NULL;
  g_autoptr(RapportCustomer) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autofree char *created_at = NULL;
  guint changed;
  gulong handler;

  /* Old timestamps, so that the edit's new updated_at shows even within a second. */
  age_timestamps (f);
  c = get_customer (f, id);
  created_at = g_strdup (rapport_customer_get_created_at (c));
  rapport_customer_set_name (c, "Augusta Ada King");
  rapport_customer_set_phone (c, "+44 20 7946 0000");
  rapport_customer_set_email (c, "ada@example.org");
  rapport_customer_set_cadence_days (c, 60);
  handler = count_changed (f, &changed);
  g_assert_true (rapport_store_update_customer (f->store, c, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_signal_handler_disconnect (f->store, handler);

  stored = get_customer (f, id);
  g_assert_cmpstr (rapport_customer_get_name (stored), ==, "Augusta Ada King");
  g_assert_cmpstr (rapport_customer_get_phone (stored), ==, "+44 20 7946 0000");
  g_assert_cmpstr (rapport_customer_get_email (stored), ==, "ada@example.org");
  g_assert_cmpuint (rapport_customer_get_cadence_days (stored), ==, 60);
  assert_date (rapport_customer_get_since (stored), "2026-11-20");
  g_assert_cmpstr (rapport_customer_get_created_at (stored), ==, created_at);
  g_assert_cmpstr (rapport_customer_get_updated_at (stored), !=, "2000-01-01T00:00:00Z");
  g_assert_true (is_timestamp (rapport_customer_get_updated_at (stored)));

  /* Search follows the edit: the new name and phone, not the old ones. */
  assert_search (f, "augusta", "Augusta Ada King");
  assert_search (f, "7946", "Augusta Ada King");
  assert_search (f, "Lovelace", "");
  found = search (f, "0100");
  g_assert_cmpuint (found->len, ==, 0);
}

static void
test_edit_validation (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *id = add_customer (f, "Ada Lovelace", "555 0100", "2026-11-20", TRUE);
  g_autoptr(RapportCustomer) c = get_customer (f, id);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_tables (f);
  g_autofree char *after = NULL;

  rapport_customer_set_email (c, "not an email");
  g_assert_false (rapport_store_update_customer (f->store, c, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);
  rapport_customer_set_email (c, "");
  rapport_customer_set_name (c, "");
  g_assert_false (rapport_store_update_customer (f->store, c, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_clear_error (&error);
  rapport_customer_set_name (c, "Ada Lovelace");
  rapport_customer_set_company (c, "M\xfcller GmbH");
  g_assert_false (rapport_store_update_customer (f->store, c, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "not valid UTF-8"));
  after = dump_tables (f);
  g_assert_cmpstr (after, ==, before);
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *id = add_customer (f, "Ada Lovelace", "+44 20 7946 0000", "2026-11-20", TRUE);
  g_autofree char *other = add_customer (f, "Grace Hopper", NULL, "2026-11-20", TRUE);
  g_autofree char *call = NULL;
  g_autoptr(RapportCustomer) c = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(RapportCustomerList) list = NULL;
  GDate d = day ("2026-11-24");

  flag (f, id, RAPPORT_SITUATION_IRATE, "2026-11-20", "Broken boiler");
  call = log_call (f, id, RAPPORT_RESULT_NO_ANSWER, 0, "2026-11-23");
  list = rapport_customer_list_new (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);

  g_assert_true (rapport_store_delete_customer (f->store, id, &error));
  g_assert_no_error (error);

  /* Gone from lookups, search, lists, counts and the agenda. */
  c = rapport_store_get_customer (f->store, id, &error);
  g_assert_null (c);
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  assert_search (f, "love", "");
  assert_search (f, "7946", "");
  assert_search (f, "", "Grace Hopper");
  g_assert_cmpuint (rapport_store_count_customers (f->store), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  agenda = rapport_store_get_agenda (f->store, &d, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (agenda->len, ==, 1);
  g_assert_cmpstr (rapport_agenda_entry_get_customer_id (g_ptr_array_index (agenda, 0)), ==, other);

  /* Nothing more can be done to it. */
  g_assert_false (rapport_store_delete_customer (f->store, id, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (rapport_store_flag (f->store, id, RAPPORT_SITUATION_IRATE, NULL, NULL, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  {
    RapportCallInput input = { .result = RAPPORT_RESULT_NO_ANSWER };
    g_assert_null (rapport_store_log_call (f->store, id, &input, &error));
    g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* Its history stays in the database: a soft delete. */
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM customers WHERE uuid = ?1"
                                 " AND deleted_at IS NOT NULL", id), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM calls k JOIN customers c"
                                 " ON c.id = k.customer_id WHERE c.uuid = ?1", id), ==, 1);
  g_assert_cmpint (query_int (f, "SELECT count(*) FROM follow_ups f JOIN customers c"
                                 " ON c.id = f.customer_id WHERE c.uuid = ?1", id), ==, 2);
}

static void
test_edit_deleted (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *id = add_customer (f, "Ada Lovelace", NULL, "2026-11-20", TRUE);
  g_autoptr(RapportCustomer) c = get_customer (f, id);
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_store_delete_customer (f->store, id, &error));
  g_assert_no_error (error);
  rapport_customer_set_name (c, "Ada King");
  g_assert_false (rapport_store_update_customer (f->store, c, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND);
}

static void
set_uuid (Fixture    *f,
          const char *id,
          const char *uuid)
{
  static const char sql[] = "UPDATE customers SET uuid = ?2 WHERE uuid = ?1";
  sqlite3 *db = rapport_database_get_handle (rapport_store_get_database (f->store));
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, uuid, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  g_assert_cmpint (sqlite3_changes (db), ==, 1);
  sqlite3_finalize (stmt);
}

static void
assert_lookup (Fixture    *f,
               const char *prefix,
               const char *expected_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportCustomer) c = rapport_store_get_customer (f->store, prefix, &error);

  g_test_message ("lookup '%s'", prefix);
  if (expected_name == NULL)
    {
      g_assert_null (c);
      g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND);
    }
  else
    {
      g_assert_no_error (error);
      g_assert_nonnull (c);
      g_assert_cmpstr (rapport_customer_get_name (c), ==, expected_name);
    }
}

static void
test_id_prefix (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *ada = add_plain_customer (f, "Ada Lovelace", NULL);
  g_autofree char *grace = add_plain_customer (f, "Grace Hopper", NULL);
  g_autofree char *alan = add_plain_customer (f, "Alan Turing", NULL);
  g_autoptr(GError) error = NULL;

  /* Fixed ids so that prefixes are shared on purpose. */
  set_uuid (f, ada, "abcd1234-0000-4000-8000-000000000001");
  set_uuid (f, grace, "abcd1234-0000-4000-8000-000000000002");
  set_uuid (f, alan, "beef5678-0000-4000-8000-000000000003");

  assert_lookup (f, "abcd1234-0000-4000-8000-000000000001", "Ada Lovelace");
  assert_lookup (f, "abcd1234-0000-4000-8000-000000000002", "Grace Hopper");
  assert_lookup (f, "ABCD1234-0000-4000-8000-000000000002", "Grace Hopper");
  assert_lookup (f, "beef", "Alan Turing");
  assert_lookup (f, "beef5678-0000", "Alan Turing");
  /* Ambiguous, unknown, too short, not an id at all. */
  assert_lookup (f, "abcd", NULL);
  assert_lookup (f, "abcd1234-0000-4000-8000-00000000000", NULL);
  assert_lookup (f, "ffff", NULL);
  assert_lookup (f, "bee", NULL);
  assert_lookup (f, "", NULL);
  assert_lookup (f, "Ada Lovelace", NULL);
  assert_lookup (f, "beef%", NULL);
  assert_lookup (f, "b?ef", NULL);
  assert_lookup (f, "abcd1234-0000-4000-8000-000000000001-0", NULL);

  /* A deleted customer no longer makes a prefix ambiguous, and is not found. */
  g_assert_true (rapport_store_delete_customer (f->store, "abcd1234-0000-4000-8000-000000000002", &error));
  g_assert_no_error (error);
  assert_lookup (f, "abcd", "Ada Lovelace");
  assert_lookup (f, "abcd1234-0000-4000-8000-000000000002", NULL);
}

static void
add_search_people (Fixture *f)
{
  const struct { const char *name, *company, *phone, *email, *notes; } people[] = {
    { "Ada Lovelace", "Analytical Engines", "+44 20 7946 0000", "ada@example.org", "Prefers mornings" },
    { "Grace Hopper", "Navy", "555-0100", "grace@example.com", "Found a moth in the relay" },
    { "Alan Turing", "Bletchley Park", "+44 1908 640404", "alan@example.org", "" },
    { "Eloïse Dubois", "Boulangerie Ève", "01 23 45 67 89", "", "Four à pain \"Rapide\"*" },
    { "Lovelace Plumbing", "", "", "", "A company AND a name" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(RapportCustomer) c = rapport_customer_new ();
      g_autoptr(GError) error = NULL;

      rapport_customer_set_name (c, people[i].name);
      rapport_customer_set_company (c, people[i].company);
      rapport_customer_set_phone (c, people[i].phone);
      rapport_customer_set_email (c, people[i].email);
      rapport_customer_set_notes (c, people[i].notes);
      g_assert_true (rapport_store_add_customer (f->store, c, FALSE, &error));
      g_assert_no_error (error);
    }
}

static void
test_search (Fixture       *f,
             gconstpointer  data)
{
  add_search_people (f);

  /* Everyone, in name order. */
  assert_search (f, NULL, "Ada Lovelace, Alan Turing, Eloïse Dubois, Grace Hopper, Lovelace Plumbing");
  assert_search (f, "", "Ada Lovelace, Alan Turing, Eloïse Dubois, Grace Hopper, Lovelace Plumbing");
  assert_search (f, "   ", "Ada Lovelace, Alan Turing, Eloïse Dubois, Grace Hopper, Lovelace Plumbing");

  /* Substring and case-insensitive, over every searched field. */
  assert_search (f, "love", "Ada Lovelace, Lovelace Plumbing");
  assert_search (f, "LOVE", "Ada Lovelace, Lovelace Plumbing");
  assert_search (f, "oveLAC", "Ada Lovelace, Lovelace Plumbing");
  assert_search (f, "7946", "Ada Lovelace");
  assert_search (f, "2079460000", "Ada Lovelace");       /* the digits alone */
  assert_search (f, "20 7946", "Ada Lovelace");
  assert_search (f, "bletchley", "Alan Turing");         /* company */
  assert_search (f, "example.com", "Grace Hopper");      /* email */
  assert_search (f, "moth", "Grace Hopper");             /* notes */
  assert_search (f, "boulangerie", "Eloïse Dubois");
  assert_search (f, "ELOÏSE", "Eloïse Dubois");
  assert_search (f, "ÈVE", "Eloïse Dubois");
  assert_search (f, "èv", "Eloïse Dubois");

  /* Shorter than three characters still works as a substring. */
  assert_search (f, "Ad", "Ada Lovelace");
  assert_search (f, "gr", "Grace Hopper");
  assert_search (f, "44", "Ada Lovelace, Alan Turing");
  assert_search (f, "z", "");

  /* Several words: every word must match, in any field and any order. */
  assert_search (f, "ada love", "Ada Lovelace");
  assert_search (f, "lovelace plumbing", "Lovelace Plumbing");
  assert_search (f, "engines ada", "Ada Lovelace");
  assert_search (f, "love navy", "");
  assert_search (f, "  ada   lovelace  ", "Ada Lovelace");

  /* What is FTS syntax elsewhere is plain text here. */
  assert_search (f, "\"", "Eloïse Dubois");
  assert_search (f, "\"Rapide\"", "Eloïse Dubois");
  assert_search (f, "*", "Eloïse Dubois");
  assert_search (f, "love*", "");
  assert_search (f, "AND", "Lovelace Plumbing");
  assert_search (f, "OR", "Ada Lovelace, Alan Turing");   /* .org, mornings */
  assert_search (f, "NOT love", "");
  assert_search (f, "(ada", "");
  assert_search (f, "ada:", "");
  assert_search (f, "name:ada", "");
  assert_search (f, "-", "Grace Hopper");
  assert_search (f, "%", "");
  assert_search (f, "_", "");
  assert_search (f, "NEAR(ada love)", "");
  assert_search (f, "^ada", "");
}

static void
test_search_skips_deleted (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = NULL;

  add_search_people (f);
  ids = search (f, "Lovelace Plumbing");
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_true (rapport_store_delete_customer (f->store, g_ptr_array_index (ids, 0), &error));
  g_assert_no_error (error);
  assert_search (f, "love", "Ada Lovelace");
  assert_search (f, "plumbing", "");
  assert_search (f, "AND", "");
  assert_search (f, "Lo", "Ada Lovelace, Eloïse Dubois");
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *count)
{
  (*count)++;
}

static char *
list_names (GListModel *model)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(RapportCustomer) c = g_list_model_get_item (model, i);
      g_assert_nonnull (c);
      g_string_append_printf (names, "%s%s", i ? ", " : "", rapport_customer_get_name (c));
    }
  g_assert_null (g_list_model_get_item (model, g_list_model_get_n_items (model)));
  return g_strdup (names->str);
}

#define assert_list(model, expected) \
  G_STMT_START { \
    g_autofree char *_names = list_names (G_LIST_MODEL (model)); \
    g_assert_cmpstr (_names, ==, (expected)); \
  } G_STMT_END

static void
test_customer_list (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(RapportCustomerList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *carl = NULL;
  g_autofree char *ada = NULL;
  guint changes = 0;

  carl = add_plain_customer (f, "carl Sagan", NULL);
  ada = add_plain_customer (f, "Ada Lovelace", NULL);
  g_free (add_plain_customer (f, "Bob Dylan", NULL));

  list = rapport_customer_list_new (f->store);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == RAPPORT_TYPE_CUSTOMER);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
  /* Name order, whatever the case of the first letter. */
  assert_list (list, "Ada Lovelace, Bob Dylan, carl Sagan");
  g_assert_cmpuint (rapport_customer_list_find (list, ada), ==, 0);
  g_assert_cmpuint (rapport_customer_list_find (list, carl), ==, 2);
  g_assert_cmpuint (rapport_customer_list_find (list, "nobody"), ==, G_MAXUINT);

  g_signal_connect (list, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  rapport_customer_list_set_search (list, "LOVE");
  g_assert_cmpstr (rapport_customer_list_get_search (list), ==, "LOVE");
  g_assert_cmpuint (changes, ==, 1);
  assert_list (list, "Ada Lovelace");
  rapport_customer_list_set_search (list, "LOVE");
  g_assert_cmpuint (changes, ==, 1);

  /* The store's changed signal reloads the list, search included. */
  g_free (add_plain_customer (f, "Lovelace Plumbing", NULL));
  g_assert_cmpuint (changes, ==, 2);
  assert_list (list, "Ada Lovelace, Lovelace Plumbing");

  rapport_customer_list_set_search (list, NULL);
  assert_list (list, "Ada Lovelace, Bob Dylan, carl Sagan, Lovelace Plumbing");

  g_assert_true (rapport_store_delete_customer (f->store, carl, &error));
  g_assert_no_error (error);
  assert_list (list, "Ada Lovelace, Bob Dylan, Lovelace Plumbing");

  {
    g_autoptr(RapportCustomer) c = get_customer (f, ada);
    rapport_customer_set_name (c, "Zelda Lovelace");
    g_assert_true (rapport_store_update_customer (f->store, c, &error));
    g_assert_no_error (error);
  }
  assert_list (list, "Bob Dylan, Lovelace Plumbing, Zelda Lovelace");
}

static void
test_customer_list_pages (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(RapportCustomerList) list = NULL;
  g_autoptr(RapportCustomer) last = NULL;
  g_autoptr(RapportCustomer) middle = NULL;

  /* More than one page of rows: every position still gives its customer. */
  for (guint i = 0; i < 250; i++)
    {
      g_autofree char *name = g_strdup_printf ("Customer %03u", i);
      g_free (add_plain_customer (f, name, NULL));
    }
  list = rapport_customer_list_new (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 250);
  last = g_list_model_get_item (G_LIST_MODEL (list), 249);
  g_assert_cmpstr (rapport_customer_get_name (last), ==, "Customer 249");
  middle = g_list_model_get_item (G_LIST_MODEL (list), 123);
  g_assert_cmpstr (rapport_customer_get_name (middle), ==, "Customer 123");
}

static void
test_list_order_ignores_case_and_accents (Fixture       *f,
                                          gconstpointer  data)
{
  const char *names[] = { "Zoe Zimmer", "Émile Zola", "anna Adler", "Bob Berg", "Ölaf Olsen" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_free (add_customer (f, names[i], NULL, "2026-11-20", FALSE));
  assert_search (f, "", "anna Adler, Bob Berg, Émile Zola, Ölaf Olsen, Zoe Zimmer");

  /* A rename sorts anew. */
  {
    g_autoptr(GPtrArray) ids = search (f, "Zimmer");
    g_autoptr(RapportCustomer) c = get_customer (f, g_ptr_array_index (ids, 0));
    g_autoptr(GError) error = NULL;

    rapport_customer_set_name (c, "Ada Zimmer");
    g_assert_true (rapport_store_update_customer (f->store, c, &error));
    g_assert_no_error (error);
  }
  assert_search (f, "", "Ada Zimmer, anna Adler, Bob Berg, Émile Zola, Ölaf Olsen");
}

#define ADD(path, func) \
  g_test_add ("/core/customers/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);

  ADD ("add-gives-a-uuid-timestamps-and-a-new-follow-up", test_add);
  ADD ("add-since-defaults-to-today", test_add_since_defaults_to_today);
  ADD ("new-follow-up-is-due-two-business-days-after-since", test_add_new_from_weekend_and_midweek);
  ADD ("add-can-opt-out-of-the-new-follow-up", test_add_without_follow_up);
  ADD ("add-refuses-invalid-fields-and-changes-nothing", test_add_validation);
  ADD ("edit-changes-fields-and-updated-at", test_edit);
  ADD ("edit-refuses-invalid-fields-and-changes-nothing", test_edit_validation);
  ADD ("delete-leaves-lists-and-agenda-but-keeps-history", test_delete);
  ADD ("a-deleted-customer-cannot-be-edited", test_edit_deleted);
  ADD ("lookup-accepts-a-unique-id-prefix", test_id_prefix);
  ADD ("search-is-substring-and-case-insensitive", test_search);
  ADD ("search-skips-deleted-customers", test_search_skips_deleted);
  ADD ("list-model-follows-search-and-store-changes", test_customer_list);
  ADD ("lists-sort-without-case-and-accents", test_list_order_ignores_case_and_accents);
  ADD ("list-model-reads-rows-in-pages", test_customer_list_pages);

  return test_run ();
}

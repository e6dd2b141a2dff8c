/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rapport-date.h"
#include "rapport-demo.h"
#include "rapport-error.h"
#include "rapport-store.h"

/* The built-in demo's promises (issue 3): about 40 customers in every state,
 * and a real day's work on today's agenda whatever weekday today is. */

typedef struct {
  char *dir;
  RapportStore *store;
} Fixture;

static void
set_today (RapportStore *store,
           const char   *iso)
{
  GDate d;

  g_assert_true (rapport_date_parse (iso, &d, NULL));
  rapport_store_set_today (store, &d);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  f->dir = g_dir_make_tmp ("rapport-demo-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "test.db", NULL);
  f->store = rapport_store_open (path, &error);
  g_assert_no_error (error);
  /* A Wednesday. */
  set_today (f->store, "2026-11-25");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  g_assert_finalize_object (f->store);
  while (dir && (name = g_dir_read_name (dir)))
    {
      g_autofree char *path = g_build_filename (f->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static guint
count_json_customers (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RAPPORT_DEMO_RESOURCE_PATH, 0, NULL);
  const char *text;
  guint n = 0;

  /* Counted independently of the loader: each customer has exactly one "name". */
  g_assert_nonnull (bytes);
  text = g_bytes_get_data (bytes, NULL);
  for (const char *p = text; (p = strstr (p, "\"name\":")) != NULL; p++)
    n++;
  return n;
}

static void
load (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_demo_load (f->store, &error));
  g_assert_no_error (error);
}

static GPtrArray *
all_ids (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *ids = rapport_store_search_customer_ids (f->store, NULL, &error);

  g_assert_no_error (error);
  return ids;
}

static void
test_loads_about_forty_customers (Fixture       *f,
                                  gconstpointer  data)
{
  load (f);
  g_assert_cmpuint (rapport_store_count_customers (f->store), ==, count_json_customers ());
  g_assert_cmpuint (rapport_store_count_customers (f->store), >=, 35);
  g_assert_cmpuint (rapport_store_count_customers (f->store), <=, 45);
}

static void
test_covers_every_situation_state_and_result (Fixture       *f,
                                              gconstpointer  data)
{
  g_autoptr(GPtrArray) ids = NULL;
  guint open_situations[RAPPORT_N_SITUATIONS] = { 0 };
  guint closed_situations[RAPPORT_N_SITUATIONS] = { 0 };
  guint states[3] = { 0 };
  guint reasons[RAPPORT_CLOSE_CANCELLED + 1] = { 0 };
  guint results[RAPPORT_N_RESULTS] = { 0 };
  guint ratings[6] = { 0 };
  guint needs_check = 0, persists = 0;

  load (f);
  ids = all_ids (f);
  for (guint i = 0; i < ids->len; i++)
    {
      const char *id = g_ptr_array_index (ids, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(RapportCustomer) customer = rapport_store_get_customer (f->store, id, &error);
      g_autoptr(GPtrArray) follow_ups = rapport_store_list_follow_ups (f->store, id, TRUE, &error);
      g_autoptr(GPtrArray) calls = rapport_store_list_calls (f->store, id, &error);

      g_assert_no_error (error);
      needs_check += rapport_customer_get_phone_needs_check (customer);
      for (guint j = 0; j < follow_ups->len; j++)
        {
          RapportFollowUp *fu = g_ptr_array_index (follow_ups, j);
          RapportFollowUpState state = rapport_follow_up_get_state (fu);

          states[state]++;
          if (state == RAPPORT_FOLLOW_UP_CLOSED)
            {
              closed_situations[rapport_follow_up_get_situation (fu)]++;
              reasons[rapport_follow_up_get_close_reason (fu)]++;
            }
          else
            open_situations[rapport_follow_up_get_situation (fu)]++;
        }
      for (guint j = 0; j < calls->len; j++)
        {
          RapportCall *call = g_ptr_array_index (calls, j);
          results[rapport_call_get_result (call)]++;
          ratings[rapport_call_get_satisfaction (call)]++;
          persists += rapport_call_get_problem_persists (call);
        }
    }

  for (guint s = 0; s < RAPPORT_N_SITUATIONS; s++)
    {
      g_test_message ("situation %s: %u open, %u closed", rapport_situation_to_key (s),
                      open_situations[s], closed_situations[s]);
      g_assert_cmpuint (open_situations[s], >, 0);
      g_assert_cmpuint (closed_situations[s], >, 0);
    }
  g_assert_cmpuint (states[RAPPORT_FOLLOW_UP_WAITING], >=, 3);
  g_assert_cmpuint (states[RAPPORT_FOLLOW_UP_OPEN], >, 0);
  g_assert_cmpuint (states[RAPPORT_FOLLOW_UP_CLOSED], >, 0);
  for (guint r = RAPPORT_CLOSE_SATISFIED; r <= RAPPORT_CLOSE_CANCELLED; r++)
    {
      g_test_message ("closed %s: %u", rapport_close_reason_to_key (r), reasons[r]);
      g_assert_cmpuint (reasons[r], >, 0);
    }
  for (guint r = 0; r < RAPPORT_N_RESULTS; r++)
    {
      g_test_message ("calls %s: %u", rapport_call_result_to_key (r), results[r]);
      g_assert_cmpuint (results[r], >, 0);
    }
  for (guint r = 1; r <= 5; r++)
    g_assert_cmpuint (ratings[r], >, 0);
  g_assert_cmpuint (persists, >, 0);
  g_assert_cmpuint (needs_check, >=, 2);
}

static void
test_today_has_a_days_work_with_overdue_calls (Fixture       *f,
                                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) agenda = NULL;
  g_autoptr(GPtrArray) calls_today = NULL;
  guint due_today = 0, warning = 0, error_style = 0, several = 0, attempted = 0, check = 0;
  GDate today;

  load (f);
  rapport_store_get_today (f->store, &today);
  agenda = rapport_store_get_agenda (f->store, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (agenda->len, >=, 8);
  g_assert_cmpuint (agenda->len, <=, 12);
  for (guint i = 0; i < agenda->len; i++)
    {
      RapportAgendaEntry *entry = g_ptr_array_index (agenda, i);
      guint late = rapport_agenda_entry_get_overdue_business_days (entry);
      guint n;

      rapport_agenda_entry_get_situations (entry, &n);
      due_today += late == 0;
      warning += late >= 1 && late <= 2;
      error_style += late > 2;
      several += n > 1;
      attempted += rapport_agenda_entry_get_attempts (entry) > 0;
      check += rapport_agenda_entry_get_phone_needs_check (entry);
    }
  g_test_message ("%u due today, %u 1–2 days late, %u later", due_today, warning, error_style);
  g_assert_cmpuint (due_today, >=, 3);
  g_assert_cmpuint (warning, >=, 2);
  g_assert_cmpuint (error_style, >=, 2);
  g_assert_cmpuint (several, >=, 1);
  g_assert_cmpuint (attempted, >=, 1);
  g_assert_cmpuint (check, >=, 1);

  /* Some of today's calls are already made. */
  calls_today = rapport_store_list_calls_on (f->store, &today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calls_today->len, >=, 2);
}

static void
test_agenda_is_never_empty_whatever_the_weekday (void)
{
  /* 2026-11-23 is a Monday; the whole week, weekend included. */
  for (guint d = 23; d <= 29; d++)
    {
      Fixture f;
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) agenda = NULL;
      g_autofree char *iso = g_strdup_printf ("2026-11-%02u", d);
      GDate today;

      fixture_setup (&f, NULL);
      set_today (f.store, iso);
      load (&f);
      rapport_store_get_today (f.store, &today);
      agenda = rapport_store_get_agenda (f.store, &today, &error);
      g_assert_no_error (error);
      g_test_message ("%s: %u calls", iso, agenda->len);
      g_assert_cmpuint (agenda->len, >=, 5);
      g_assert_cmpuint (agenda->len, <=, 14);
      g_clear_pointer (&agenda, g_ptr_array_unref);
      fixture_teardown (&f, NULL);
    }
}

static void
test_keeps_the_customers_already_there (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(RapportCustomer) mine = rapport_customer_new ();
  g_autoptr(GError) error = NULL;

  rapport_customer_set_name (mine, "Grace Hopper");
  g_assert_true (rapport_store_add_customer (f->store, mine, FALSE, &error));
  g_assert_no_error (error);
  load (f);
  g_assert_cmpuint (rapport_store_count_customers (f->store), ==, count_json_customers () + 1);
  g_assert_nonnull (rapport_store_get_customer (f->store, rapport_customer_get_id (mine), NULL));
}

static void
count_changed_cb (RapportStore *store,
                  guint        *n)
{
  (*n)++;
}

static void
test_a_broken_file_adds_nothing (Fixture       *f,
                                 gconstpointer  data)
{
  static const char broken[] =
    "{\"format\": \"rapport-demo\", \"version\": 1, \"customers\": ["
    " {\"name\": \"Ada\", \"actions\": [{\"flag\": \"irate\", \"business_days_ago\": 1}]},"
    " {\"name\": \"Bob\", \"actions\": [{\"flag\": \"furious\"}]}]}";
  g_autoptr(GError) error = NULL;
  guint changed = 0;

  g_signal_connect (f->store, "changed", G_CALLBACK (count_changed_cb), &changed);
  g_assert_false (rapport_demo_load_data (f->store, broken, -1, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_PARSE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Bob"));
  g_assert_nonnull (strstr (error->message, "furious"));
  g_assert_cmpuint (rapport_store_count_customers (f->store), ==, 0);
  /* The views that saw the rolled-back steps are told to refresh. */
  g_assert_cmpuint (changed, >, 0);
}

static void
test_refuses_a_file_that_is_not_a_demo (Fixture       *f,
                                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (rapport_demo_load_data (f->store, "{\"customers\": []}", -1, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_PARSE);
  g_clear_error (&error);
  g_assert_false (rapport_demo_load_data (f->store, "[1, 2", -1, &error));
  g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_PARSE);
  g_assert_cmpuint (rapport_store_count_customers (f->store), ==, 0);
}

static void
test_the_source_file_matches_the_built_in_one (Fixture       *f,
                                               gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "demo",
                                                 "customers.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (rapport_demo_load_file (f->store, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rapport_store_count_customers (f->store), ==, count_json_customers ());
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/core/demo/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("loads-about-forty-customers", test_loads_about_forty_customers);
  ADD ("covers-every-situation-state-and-result", test_covers_every_situation_state_and_result);
  ADD ("gives-today-a-days-work-with-overdue-calls", test_today_has_a_days_work_with_overdue_calls);
  ADD ("keeps-the-customers-already-there", test_keeps_the_customers_already_there);
  ADD ("adds-nothing-from-a-broken-file", test_a_broken_file_adds_nothing);
  ADD ("refuses-a-file-that-is-not-a-demo", test_refuses_a_file_that_is_not_a_demo);
  ADD ("reads-the-same-customers-from-the-source-file", test_the_source_file_matches_the_built_in_one);
#undef ADD
  g_test_add_func ("/core/demo/fills-the-agenda-whatever-the-weekday",
                   test_agenda_is_never_empty_whatever_the_weekday);

  return g_test_run ();
}

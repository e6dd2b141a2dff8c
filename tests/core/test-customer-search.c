/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-customer-search"

/* The customer list's search as you type: first matches at once, the others
 * appended from idle callbacks, always the same customers in the same order
 * as the store's own search, and never stale after a change. */

#include "config.h"

#include "rapport-search-index.h"
#include "rapport-store-private.h"
#include "test-helpers.h"

/* More matches than the list gives at once (32). */
#define N_MANY 130

static void
add_many (Fixture *f)
{
  for (guint i = 0; i < N_MANY; i++)
    {
      g_autofree char *name = g_strdup_printf ("Zoë Müller %03u", i);
      g_autofree char *id = add_plain_customer (f, name, "2026-01-05");
    }
  g_free (add_plain_customer (f, "Ada Lovelace", "2026-01-05"));
}

static void
iterate_until_complete (RapportCustomerList *list)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!rapport_customer_list_is_complete (list) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (rapport_customer_list_is_complete (list));
}

static char *
ids_of_list (GListModel *list)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RapportCustomer) c = g_list_model_get_item (list, i);
      g_string_append_printf (s, "%s%s", i ? "," : "", rapport_customer_get_id (c));
    }
  return g_string_free (s, FALSE);
}

static char *
ids_of_store (Fixture    *f,
              const char *search)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = rapport_store_search_customer_ids (f->store, search, &error);

  g_assert_no_error (error);
  g_ptr_array_add (ids, NULL);
  return g_strjoinv (",", (char **) ids->pdata);
}

static void
test_search_grows_to_every_match_in_the_store_order (Fixture       *f,
                                                     gconstpointer  data)
{
  g_autoptr(RapportCustomerList) list = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *found = NULL;
  guint first;

  add_many (f);
  list = rapport_customer_list_new (f->store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_MANY + 1);

  rapport_customer_list_set_search (list, "MÜLLER");
  first = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (first, >, 0);
  g_assert_cmpuint (first, <, N_MANY);
  g_assert_false (rapport_customer_list_is_complete (list));

  iterate_until_complete (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, N_MANY);
  expected = ids_of_store (f, "MÜLLER");
  found = ids_of_list (G_LIST_MODEL (list));
  g_assert_cmpstr (found, ==, expected);
}

static void
test_find_completes_a_running_search (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(RapportCustomerList) list = NULL;
  g_autofree char *last = NULL;
  g_autoptr(GPtrArray) ids = NULL;

  add_many (f);
  ids = rapport_store_search_customer_ids (f->store, "zoë", NULL);
  last = g_strdup (g_ptr_array_index (ids, ids->len - 1));
  list = rapport_customer_list_new (f->store);
  rapport_customer_list_set_search (list, "zoë");
  g_assert_false (rapport_customer_list_is_complete (list));

  g_assert_cmpuint (rapport_customer_list_find (list, last), ==, N_MANY - 1);
  g_assert_true (rapport_customer_list_is_complete (list));
  g_assert_cmpuint (rapport_customer_list_find (list, "nobody"), ==, G_MAXUINT);
}

static void
test_search_sees_a_renamed_customer (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(RapportCustomerList) list = NULL;
  g_autoptr(RapportCustomer) ada = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  add_many (f);
  list = rapport_customer_list_new (f->store);
  rapport_customer_list_set_search (list, "lovelace");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  /* The store's change reloads the list, and the rows are read again. */
  ada = g_list_model_get_item (G_LIST_MODEL (list), 0);
  id = g_strdup (rapport_customer_get_id (ada));
  rapport_customer_set_name (ada, "Ada Byron");
  g_assert_true (rapport_store_update_customer (f->store, ada, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  rapport_customer_list_set_search (list, "BYRON");
  g_assert_cmpuint (rapport_customer_list_find (list, id), ==, 0);
}

static void
test_search_sees_changes_of_another_connection (Fixture       *f,
                                                gconstpointer  data)
{
  g_autoptr(RapportCustomerList) list = NULL;
  g_autoptr(RapportStore) other = NULL;
  g_autoptr(RapportCustomer) grace = rapport_customer_new ();
  g_autoptr(GError) error = NULL;

  add_many (f);
  list = rapport_customer_list_new (f->store);
  rapport_customer_list_set_search (list, "hopper");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  /* Another process (the CLI) adds a customer: no signal reaches this store. */
  other = rapport_store_open (f->path, &error);
  g_assert_no_error (error);
  rapport_customer_set_name (grace, "Grace Hopper");
  g_assert_true (rapport_store_add_customer (other, grace, FALSE, &error));
  g_assert_no_error (error);

  rapport_customer_list_reload (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
}

static void
add_full (Fixture    *f,
          const char *name,
          const char *company,
          const char *notes)
{
  g_autoptr(RapportCustomer) c = rapport_customer_new ();
  g_autoptr(GError) error = NULL;

  rapport_customer_set_name (c, name);
  rapport_customer_set_company (c, company);
  rapport_customer_set_notes (c, notes);
  g_assert_true (rapport_store_add_customer (f->store, c, FALSE, &error));
  g_assert_no_error (error);
}

static guint
n_found (Fixture    *f,
         const char *search)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = rapport_store_search_customer_ids (f->store, search, &error);

  g_assert_no_error (error);
  return ids->len;
}

/* The index has every trigram of a word somewhere in a row; the store keeps
 * only the rows that have the word itself, case-folded as GLib folds. */
static void
test_store_finds_words_not_scattered_trigrams (Fixture       *f,
                                               gconstpointer  data)
{
  add_full (f, "Hans Anser", "", "");
  add_full (f, "Jörg Öztürk", "Bar \"Zum Löwen\"", "Rabatt 50% bis_Mai");
  add_full (f, "Lena Fünf", "", "Rabatt 500 bis Mai");

  /* "hanser": han, ans, nse, ser are all in "Hans Anser", the word is not. */
  g_assert_cmpuint (n_found (f, "hanser"), ==, 0);
  g_assert_cmpuint (n_found (f, "hans anser"), ==, 1);
  g_assert_cmpuint (n_found (f, "s an"), ==, 1);
  /* Quotes, LIKE's and FTS5's own characters are only text. */
  g_assert_cmpuint (n_found (f, "\"zum"), ==, 1);
  g_assert_cmpuint (n_found (f, "50%"), ==, 1);
  g_assert_cmpuint (n_found (f, "bis_mai"), ==, 1);
  g_assert_cmpuint (n_found (f, "rabatt"), ==, 2);
  g_assert_cmpuint (n_found (f, "AND"), ==, 0);
  g_assert_cmpuint (n_found (f, "*"), ==, 0);
  /* Case beyond ASCII, in the word and in the row. */
  g_assert_cmpuint (n_found (f, "ÖZTÜRK"), ==, 1);
  g_assert_cmpuint (n_found (f, "löwen"), ==, 1);
  g_assert_cmpuint (n_found (f, "FÜNF"), ==, 1);
  g_assert_cmpuint (n_found (f, "fünf öz"), ==, 0);
}

static void
refreshed_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  GError **error = user_data;

  if (!_rapport_search_index_refresh_finish (result, error) && *error == NULL)
    g_assert_not_reached ();
  /* Marks the callback as run when the reading succeeded. */
  if (*error == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "done");
}

static void
refresh_and_wait (RapportSearchIndex *index,
                  void              (*while_reading) (Fixture *f),
                  Fixture            *f)
{
  g_autoptr(GError) outcome = NULL;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  _rapport_search_index_refresh_async (index, NULL, refreshed_cb, &outcome);
  if (while_reading != NULL)
    while_reading (f);
  while (outcome == NULL && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (outcome, G_IO_ERROR, G_IO_ERROR_EXISTS);
}

static void
rename_ada (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = rapport_store_search_customer_ids (f->store, "lovelace", &error);
  g_autoptr(RapportCustomer) ada = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  ada = rapport_store_get_customer (f->store, g_ptr_array_index (ids, 0), &error);
  g_assert_no_error (error);
  rapport_customer_set_name (ada, "Ada Byron");
  g_assert_true (rapport_store_update_customer (f->store, ada, &error));
  g_assert_no_error (error);
}

/* The index is read ahead on a connection of its own in a thread; what it
 * read is kept only if no customer changed meanwhile. */
static void
test_index_reads_ahead_in_a_thread (Fixture       *f,
                                    gconstpointer  data)
{
  RapportSearchIndex *index = _rapport_store_get_search_index (f->store);
  guint generation;

  add_many (f);
  g_assert_false (_rapport_search_index_is_fresh (index));
  generation = _rapport_search_index_get_generation (index);
  refresh_and_wait (index, NULL, f);
  g_assert_true (_rapport_search_index_is_fresh (index));
  g_assert_cmpuint (_rapport_search_index_get_generation (index), ==, generation + 1);
  g_assert_cmpuint (_rapport_search_index_get_n_rows (index), ==, N_MANY + 1);

  /* A change while the thread reads: its rows are dropped, the index stays
   * stale, and the next reading has the change. */
  g_free (add_plain_customer (f, "Grace Hopper", "2026-01-05"));
  g_assert_false (_rapport_search_index_is_fresh (index));
  generation = _rapport_search_index_get_generation (index);
  refresh_and_wait (index, rename_ada, f);
  g_assert_false (_rapport_search_index_is_fresh (index));
  g_assert_cmpuint (_rapport_search_index_get_generation (index), ==, generation);
  refresh_and_wait (index, NULL, f);
  g_assert_true (_rapport_search_index_is_fresh (index));
  g_assert_cmpuint (_rapport_search_index_get_n_rows (index), ==, N_MANY + 2);
  {
    g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_auto(GStrv) words = _rapport_search_index_fold_words ("byron");
    guint position = 0;

    _rapport_search_index_scan (index, (const char * const *) words, &position, 0, 0, found);
    g_assert_cmpuint (found->len, ==, 1);
  }
}

int
main (int   argc,
      char *argv[])
{
  test_init (&argc, &argv);
  g_test_add ("/core/customer-search/index-reads-ahead-in-a-thread", Fixture, NULL,
              fixture_setup, test_index_reads_ahead_in_a_thread, fixture_teardown);
  g_test_add ("/core/customer-search/grows-to-every-match-in-the-store-order", Fixture, NULL,
              fixture_setup, test_search_grows_to_every_match_in_the_store_order, fixture_teardown);
  g_test_add ("/core/customer-search/find-completes-a-running-search", Fixture, NULL,
              fixture_setup, test_find_completes_a_running_search, fixture_teardown);
  g_test_add ("/core/customer-search/sees-a-renamed-customer", Fixture, NULL,
              fixture_setup, test_search_sees_a_renamed_customer, fixture_teardown);
  g_test_add ("/core/customer-search/sees-changes-of-another-connection", Fixture, NULL,
              fixture_setup, test_search_sees_changes_of_another_connection, fixture_teardown);
  g_test_add ("/core/customer-search/store-finds-words-not-scattered-trigrams", Fixture, NULL,
              fixture_setup, test_store_finds_words_not_scattered_trigrams, fixture_teardown);
  return test_run ();
}

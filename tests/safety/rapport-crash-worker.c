/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-crash-worker"

/* Writes to a database in a loop, for the crash and concurrency tests:
 *
 *   rapport-crash-worker pairs DB PROGRESS   add a customer (with its `new`
 *                                            follow-up), then log a reached
 *                                            call that closes it; forever
 *   rapport-crash-worker batch DB PROGRESS   add 50 customers in one
 *                                            transaction, like an import; forever
 *   rapport-crash-worker calls DB N          add one customer, then log N calls
 *
 * Before each transaction it appends an upper-case letter to PROGRESS (C:
 * customer, L: logged call, B: batch) and after its commit the lower-case one,
 * with write(2), so that a test that kills it knows which operations were
 * confirmed and whether one was under way. */

#include "config.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "rapport-error.h"
#include "rapport-store.h"

#define BATCH_SIZE 50

typedef struct {
  RapportStore *store;
  const GDate *since;
  guint batch;
} BatchOp;

static int progress_fd = -1;

static void
note_progress (char letter)
{
  char line[2] = { letter, '\n' };

  if (progress_fd >= 0 && write (progress_fd, line, 2) != 2)
    g_error ("cannot write the progress file");
}

static char *
add_customer (RapportStore  *store,
              const char    *name,
              const GDate   *since,
              GError       **error)
{
  g_autoptr(RapportCustomer) customer = rapport_customer_new ();

  rapport_customer_set_name (customer, name);
  rapport_customer_set_phone (customer, "+1 555 0100");
  rapport_customer_set_since (customer, since);
  if (!rapport_store_add_customer (store, customer, TRUE, error))
    return NULL;
  return g_strdup (rapport_customer_get_id (customer));
}

static gboolean
add_batch_cb (RapportDatabase  *db,
              gpointer          user_data,
              GError          **error)
{
  BatchOp *op = user_data;

  /* Nested store calls run inside this one transaction: all 50 or none. */
  for (guint i = 0; i < BATCH_SIZE; i++)
    {
      g_autofree char *name = g_strdup_printf ("Batch %d-%u-%u", (int) getpid (), op->batch, i);
      g_autofree char *id = add_customer (op->store, name, op->since, error);
      if (id == NULL)
        return FALSE;
    }
  return TRUE;
}

static char *
log_reached (RapportStore  *store,
             const char    *customer,
             guint          satisfaction,
             GError       **error)
{
  RapportCallInput input = { 0 };

  input.result = RAPPORT_RESULT_REACHED;
  input.satisfaction = satisfaction;
  input.note = "Happy with the service";
  return rapport_store_log_call (store, customer, &input, error);
}

static int
fail (const GError *error)
{
  g_printerr ("rapport-crash-worker: %s\n", error->message);
  return 1;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(RapportStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *mode;
  GDate today, since;

  if (argc != 4)
    {
      g_printerr ("usage: rapport-crash-worker pairs|batch DB PROGRESS | calls DB N\n");
      return 2;
    }
  mode = argv[1];

  store = rapport_store_open (argv[2], &error);
  if (store == NULL)
    return fail (error);
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 2, G_DATE_MARCH, 2026);
  rapport_store_set_today (store, &today);
  rapport_store_set_staff (store, "Worker");
  /* The `new` follow-up of a customer since then is due today. */
  g_date_clear (&since, 1);
  g_date_set_dmy (&since, 20, G_DATE_FEBRUARY, 2026);

  if (g_str_equal (mode, "calls"))
    {
      guint64 n;
      g_autofree char *name = g_strdup_printf ("Caller %d", (int) getpid ());
      g_autofree char *customer = NULL;

      if (!g_ascii_string_to_unsigned (argv[3], 10, 1, 1000000, &n, &error))
        return fail (error);
      customer = add_customer (store, name, &since, &error);
      if (customer == NULL)
        return fail (error);
      for (guint64 i = 0; i < n; i++)
        {
          g_autofree char *call = log_reached (store, customer, 5, &error);
          if (call == NULL)
            return fail (error);
        }
      g_print ("logged %" G_GUINT64_FORMAT " calls\n", n);
      return 0;
    }

  progress_fd = g_open (argv[3], O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (progress_fd < 0)
    g_error ("cannot open %s", argv[3]);

  if (g_str_equal (mode, "pairs"))
    {
      for (guint i = 0;; i++)
        {
          g_autofree char *name = g_strdup_printf ("Pair %d-%u", (int) getpid (), i);
          g_autofree char *customer = NULL;
          g_autofree char *call = NULL;

          note_progress ('C');
          customer = add_customer (store, name, &since, &error);
          if (customer == NULL)
            return fail (error);
          note_progress ('c');
          note_progress ('L');
          call = log_reached (store, customer, 1 + i % 5, &error);
          if (call == NULL)
            return fail (error);
          note_progress ('l');
        }
    }
  if (g_str_equal (mode, "batch"))
    {
      for (guint i = 0;; i++)
        {
          BatchOp op = { store, &since, i };

          note_progress ('B');
          if (!rapport_database_transaction (rapport_store_get_database (store), add_batch_cb,
                                             &op, &error))
            return fail (error);
          note_progress ('b');
        }
    }
  g_printerr ("rapport-crash-worker: unknown mode “%s”\n", mode);
  return 2;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-summary DATABASE [WEEK…]: times the weekly summary on a big database
 * (make one with bench/rapport-bench-data --calls 1000000). Not a test: timings
 * depend on the machine. */
#include "config.h"

#include <stdio.h>
#include <sys/resource.h>

#include "rapport-date.h"
#include "rapport-summary.h"

/* CPU time in µs: steadier than the wall clock on a busy machine. */
static gint64
cpu_time (void)
{
  struct rusage u;

  getrusage (RUSAGE_SELF, &u);
  return (gint64) (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * G_USEC_PER_SEC +
         u.ru_utime.tv_usec + u.ru_stime.tv_usec;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportStore) store = NULL;
  GDate today;

  if (argc < 2)
    {
      g_printerr ("usage: bench-summary DATABASE [WEEK…]\n");
      return 2;
    }
  store = rapport_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  rapport_date_set_today (&today);
  for (int i = 1; i < MAX (argc, 3); i++)
    {
      g_autoptr(RapportSummary) summary = NULL;
      g_autofree char *week = NULL;
      GDate day = today;
      gint64 start, cpu_start, best = G_MAXINT64, best_cpu = G_MAXINT64;

      if (i == 1 && argc > 2)
        continue;
      if (argc > 2 && !rapport_iso_week_parse (argv[i], &day, &error))
        {
          g_printerr ("%s\n", error->message);
          return 2;
        }
      /* The first run warms the page cache; the best of five is the figure. */
      for (guint run = 0; run < 6; run++)
        {
          g_clear_object (&summary);
          start = g_get_monotonic_time ();
          cpu_start = cpu_time ();
          summary = rapport_summary_compute (store, &day, &error);
          if (summary == NULL)
            {
              g_printerr ("%s\n", error->message);
              return 1;
            }
          if (run > 0)
            {
              best = MIN (best, g_get_monotonic_time () - start);
              best_cpu = MIN (best_cpu, cpu_time () - cpu_start);
            }
        }
      week = g_strdup (rapport_summary_get_week (summary));
      printf ("%s: %u calls in the week, %.1f ms (CPU %.1f ms)\n", week,
              rapport_summary_get_counts (summary)->attempts, best / 1000.0, best_cpu / 1000.0);
    }
  return 0;
}

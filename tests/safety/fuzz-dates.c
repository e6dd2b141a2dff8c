/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-fuzz-dates"

/* Fuzz target for the parsers of dates (YYYY-MM-DD), ISO week names
 * (YYYY-Www) and business-day lists (mon,tue,…), which read text from people,
 * files and the command line. Beyond not crashing, whatever parses must print
 * back to the same text and parse again to the same value.
 *
 * Built with clang as a libFuzzer target (tests/safety/meson.build):
 *   build-fuzz/tests/safety/fuzz-dates -max_total_time=60 CORPUS tests/safety/fuzz-dates
 * Built with -DRAPPORT_FUZZ_REPLAY it is an ordinary program for the test
 * suite: it runs every seed, then a fixed number of seeded random mutations:
 *   fuzz-dates-replay SEED_FOLDER [N_MUTATIONS] */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "rapport-date.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_date (const char *text)
{
  GDate date, monday, again, later;
  g_autofree char *iso = NULL;
  g_autofree char *week = NULL;
  g_autofree char *readable = NULL;
  g_autoptr(GError) error = NULL;

  if (!rapport_date_parse (text, &date, &error))
    {
      g_assert_nonnull (error);
      return;
    }
  g_assert_no_error (error);
  g_assert_true (g_date_valid (&date));

  /* Only the canonical form parses, so it prints back exactly. */
  iso = rapport_date_to_iso (&date);
  g_assert_cmpstr (iso, ==, text);
  readable = rapport_date_to_readable (&date);
  g_assert_nonnull (readable);

  /* Its week names a Monday that contains it. */
  week = rapport_iso_week_name (&date);
  rapport_iso_week_monday (&date, &monday);
  g_assert_cmpint (g_date_get_weekday (&monday), ==, G_DATE_MONDAY);
  g_assert_cmpint (g_date_days_between (&monday, &date), >=, 0);
  g_assert_cmpint (g_date_days_between (&monday, &date), <, 7);
  g_assert_true (rapport_iso_week_parse (week, &again, NULL));
  g_assert_cmpint (g_date_compare (&again, &monday), ==, 0);

  /* Business-day arithmetic agrees with itself. */
  later = date;
  rapport_date_add_business_days (&later, 12, RAPPORT_WEEKDAYS_MON_FRI);
  g_assert_cmpuint (rapport_date_business_days_between (&date, &later, RAPPORT_WEEKDAYS_MON_FRI), ==, 12);
  g_assert_true (rapport_date_is_business_day (&later, RAPPORT_WEEKDAYS_MON_FRI));
}

static void
check_week (const char *text)
{
  GDate monday, again;
  g_autofree char *name = NULL;

  if (!rapport_iso_week_parse (text, &monday, NULL))
    return;
  g_assert_true (g_date_valid (&monday));
  g_assert_cmpint (g_date_get_weekday (&monday), ==, G_DATE_MONDAY);
  name = rapport_iso_week_name (&monday);
  g_assert_cmpstr (name, ==, text);
  g_assert_true (rapport_iso_week_parse (name, &again, NULL));
  g_assert_cmpint (g_date_compare (&again, &monday), ==, 0);
}

static void
check_business_days (const char *text)
{
  guint mask = 0, again = 0;
  g_autofree char *canonical = NULL;

  if (!rapport_business_days_parse (text, &mask, NULL))
    return;
  g_assert_cmpuint (mask, !=, 0);
  g_assert_cmpuint (mask & ~0xfeu, ==, 0);
  canonical = rapport_business_days_to_string (mask);
  g_assert_true (rapport_business_days_parse (canonical, &again, NULL));
  g_assert_cmpuint (again, ==, mask);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  /* The parsers take C strings: what comes after a NUL is never seen. */
  g_autofree char *text = g_strndup ((const char *) data, size);

  check_date (text);
  check_week (text);
  check_business_days (text);
  return 0;
}

#ifdef RAPPORT_FUZZ_REPLAY
static void
run (GBytes *input)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (input, &size);

  LLVMFuzzerTestOneInput (data, size);
}

/* One random edit of @seed: flip, insert, delete or swap in a likely byte. */
static GBytes *
mutate (GRand  *rand,
        GBytes *seed)
{
  static const char likely[] = "0123456789-W,monteuwdhfrisa \t";
  gsize size;
  const guint8 *bytes = g_bytes_get_data (seed, &size);
  GByteArray *out = g_byte_array_new ();
  guint edits = (guint) g_rand_int_range (rand, 1, 4);

  g_byte_array_append (out, bytes, (guint) size);
  for (guint e = 0; e < edits; e++)
    {
      guint pos = out->len ? (guint) g_rand_int_range (rand, 0, (gint32) out->len) : 0;
      guint8 c = g_rand_boolean (rand) ? (guint8) likely[g_rand_int_range (rand, 0, sizeof likely - 1)]
                                       : (guint8) g_rand_int_range (rand, 0, 256);
      switch (g_rand_int_range (rand, 0, 4))
        {
        case 0:
          if (out->len)
            out->data[pos] = c;
          break;
        case 1:
          g_byte_array_set_size (out, out->len + 1);
          memmove (out->data + pos + 1, out->data + pos, out->len - 1 - pos);
          out->data[pos] = c;
          break;
        case 2:
          if (out->len)
            g_byte_array_remove_index (out, pos);
          break;
        default:
          if (out->len)
            out->data[pos] ^= (guint8) (1u << g_rand_int_range (rand, 0, 8));
        }
    }
  return g_byte_array_free_to_bytes (out);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) seeds = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260302);
  guint64 n_mutations = 200000;
  const char *name;

  if (argc < 2)
    {
      g_printerr ("usage: fuzz-dates-replay SEED_FOLDER [N_MUTATIONS]\n");
      return 2;
    }
  if (argc > 2)
    n_mutations = g_ascii_strtoull (argv[2], NULL, 10);
  dir = g_dir_open (argv[1], 0, &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (argv[1], name, NULL);
      char *contents;
      gsize len;
      if (!g_file_get_contents (path, &contents, &len, &error))
        g_error ("%s", error->message);
      g_ptr_array_add (seeds, g_bytes_new_take (contents, len));
    }
  if (seeds->len == 0)
    g_error ("no seeds in %s", argv[1]);

  for (guint i = 0; i < seeds->len; i++)
    run (g_ptr_array_index (seeds, i));
  for (guint64 i = 0; i < n_mutations; i++)
    {
      GBytes *seed = g_ptr_array_index (seeds, g_rand_int_range (rand, 0, (gint32) seeds->len));
      g_autoptr(GBytes) input = mutate (rand, seed);
      run (input);
    }
  g_print ("fuzz-dates: %u seeds and %" G_GUINT64_FORMAT " mutations, no failure\n", seeds->len,
           n_mutations);
  return 0;
}
#endif

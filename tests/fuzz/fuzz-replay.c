/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The libFuzzer targets as ordinary programs, for the test suite with any
 * compiler: every seed, then seeded random edits of them.
 *   fuzz-TARGET-replay N_MUTATIONS SEED_FOLDER…
 * A crash, an abort() of the target or a GLib critical fails the test. */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include <glib.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
run (GBytes *input)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (input, &size);

  LLVMFuzzerTestOneInput (data, size);
}

/* One to three random edits, with bytes that matter to CSV and vCard, and to
 * dates, weeks and weekday lists. */
static GBytes *
mutate (GRand  *rand,
        GBytes *seed)
{
  static const char likely[] = ",;\t\"\r\n=:\\ .BEGIN:VCARDEND\xC3\xA4\xFF\xEF\xBB\xBF"
                               "0123456789-Wmonteuwdhfrisa";
  gsize size;
  const guint8 *bytes = g_bytes_get_data (seed, &size);
  GByteArray *out = g_byte_array_new ();
  guint edits = (guint) g_rand_int_range (rand, 1, 4);

  g_byte_array_append (out, bytes, (guint) size);
  for (guint e = 0; e < edits; e++)
    {
      guint pos = out->len ? (guint) g_rand_int_range (rand, 0, (gint32) out->len) : 0;
      guint8 c = g_rand_boolean (rand)
                 ? (guint8) likely[g_rand_int_range (rand, 0, sizeof likely - 1)]
                 : (guint8) g_rand_int_range (rand, 0, 256);

      switch (g_rand_int_range (rand, 0, 5))
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
        case 3:
          /* Cut the file short: an unterminated quote or card. */
          g_byte_array_set_size (out, pos);
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
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  guint64 n_mutations;

  if (argc < 3)
    {
      g_printerr ("usage: %s N_MUTATIONS SEED_FOLDER…\n", argv[0]);
      return 2;
    }
  LLVMFuzzerInitialize (&argc, &argv);
  n_mutations = g_ascii_strtoull (argv[1], NULL, 10);

  for (int i = 2; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDir) dir = g_dir_open (argv[i], 0, &error);
      const char *name;

      if (dir == NULL)
        g_error ("%s", error->message);
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (argv[i], name, NULL);
          char *contents;
          gsize len;

          if (!g_file_get_contents (path, &contents, &len, &error))
            g_error ("%s", error->message);
          g_ptr_array_add (seeds, g_bytes_new_take (contents, len));
        }
    }
  if (seeds->len == 0)
    g_error ("no seeds");

  for (guint i = 0; i < seeds->len; i++)
    run (g_ptr_array_index (seeds, i));
  for (guint64 i = 0; i < n_mutations; i++)
    {
      GBytes *seed = g_ptr_array_index (seeds, g_rand_int_range (rand, 0, (gint32) seeds->len));
      g_autoptr(GBytes) input = mutate (rand, seed);

      run (input);
    }
  g_print ("%s: %u seeds and %" G_GUINT64_FORMAT " mutations, no failure\n", argv[0],
           seeds->len, n_mutations);
  return 0;
}

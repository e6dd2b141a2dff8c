/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for RapportCsvReader and RapportCsvMapping: any bytes must
 * give records or a clean error, never a crash, a sanitizer report or text
 * that is not UTF-8. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "rapport-csv-mapping.h"
#include "rapport-csv-reader.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  /* A g_return_if_fail() hit is a bug too. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, (gssize) size, NULL);
  g_autoptr(RapportCsvReader) reader = rapport_csv_reader_new (stream);
  g_autoptr(RapportCsvMapping) mapping = NULL;
  g_autoptr(GError) error = NULL;
  guint last_line = 0;

  /* Small enough that the fuzzer reaches the limit. */
  rapport_csv_reader_set_max_field_size (reader, 4096);

  while (rapport_csv_reader_next (reader, NULL, &error))
    {
      guint n = rapport_csv_reader_get_n_fields (reader);
      const char * const *fields = rapport_csv_reader_get_fields (reader);
      guint line = rapport_csv_reader_get_line (reader);

      if (line <= last_line || n == 0 || fields[n] != NULL)
        abort ();
      last_line = line;
      for (guint i = 0; i < n; i++)
        if (!g_utf8_validate (fields[i], -1, NULL))
          abort ();

      if (mapping == NULL)
        {
          mapping = rapport_csv_mapping_new (fields, n);
          continue;
        }
      for (guint f = RAPPORT_IMPORT_FIELD_NAME; f < RAPPORT_N_IMPORT_FIELDS; f++)
        {
          g_autofree char *value = rapport_csv_mapping_get_value (mapping, fields, n, f);

          if (value != NULL && (value[0] == '\0' || !g_utf8_validate (value, -1, NULL)))
            abort ();
        }
    }
  if (error != NULL && (error->message == NULL || !g_utf8_validate (error->message, -1, NULL)))
    abort ();
  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target for RapportVcardReader: any bytes must give cards or a
 * clean error, never a crash, a sanitizer report or text that is not UTF-8. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>

#include "rapport-vcard-reader.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (data, (gssize) size, NULL);
  g_autoptr(RapportVcardReader) reader = rapport_vcard_reader_new (stream);
  g_autoptr(GError) error = NULL;
  guint last_line = 0;

  (void) rapport_vcard_sniff ((const char *) data, size);

  while (rapport_vcard_reader_next (reader, NULL, &error))
    {
      guint line = rapport_vcard_reader_get_line (reader);

      if (line <= last_line)
        abort ();
      last_line = line;
      for (guint f = RAPPORT_IMPORT_FIELD_NONE; f < RAPPORT_N_IMPORT_FIELDS; f++)
        {
          const char *value = rapport_vcard_reader_get_value (reader, f);

          if (value != NULL && !g_utf8_validate (value, -1, NULL))
            abort ();
        }
    }
  if (error != NULL && (error->message == NULL || !g_utf8_validate (error->message, -1, NULL)))
    abort ();
  return 0;
}

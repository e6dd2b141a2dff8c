/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * RapportImportField:
 * @RAPPORT_IMPORT_FIELD_NONE: the column is skipped
 * @RAPPORT_IMPORT_FIELD_NAME: the full name
 * @RAPPORT_IMPORT_FIELD_FIRST_NAME: the given name (used when there is no full name)
 * @RAPPORT_IMPORT_FIELD_MIDDLE_NAME: a middle name (ditto)
 * @RAPPORT_IMPORT_FIELD_LAST_NAME: the family name (ditto)
 * @RAPPORT_IMPORT_FIELD_COMPANY: the company
 * @RAPPORT_IMPORT_FIELD_PHONE: a phone number
 * @RAPPORT_IMPORT_FIELD_EMAIL: an email address
 * @RAPPORT_IMPORT_FIELD_NOTES: notes
 * @RAPPORT_IMPORT_FIELD_SINCE: the first service date
 * @RAPPORT_IMPORT_FIELD_CADENCE: days between regular calls
 *
 * Several columns may map to one field: the first non-empty one counts.
 */
typedef enum {
  RAPPORT_IMPORT_FIELD_NONE,
  RAPPORT_IMPORT_FIELD_NAME,
  RAPPORT_IMPORT_FIELD_FIRST_NAME,
  RAPPORT_IMPORT_FIELD_MIDDLE_NAME,
  RAPPORT_IMPORT_FIELD_LAST_NAME,
  RAPPORT_IMPORT_FIELD_COMPANY,
  RAPPORT_IMPORT_FIELD_PHONE,
  RAPPORT_IMPORT_FIELD_EMAIL,
  RAPPORT_IMPORT_FIELD_NOTES,
  RAPPORT_IMPORT_FIELD_SINCE,
  RAPPORT_IMPORT_FIELD_CADENCE,
  RAPPORT_N_IMPORT_FIELDS
} RapportImportField;

/* Machine keys ("name", "first-name", …, "none"), for the CLI and settings. */
const char         *rapport_import_field_to_key     (RapportImportField  field);
gboolean            rapport_import_field_from_key   (const char         *key,
                                                     RapportImportField *field);
/* Translated, for people; also the column headings of an export. */
const char         *rapport_import_field_to_label   (RapportImportField  field);
/* The field a column heading names, in English, German or the UI's language
 * (case, spaces and punctuation do not matter); NONE when unknown. */
RapportImportField  rapport_import_field_guess      (const char         *heading);

#define RAPPORT_TYPE_CSV_MAPPING (rapport_csv_mapping_get_type ())

G_DECLARE_FINAL_TYPE (RapportCsvMapping, rapport_csv_mapping, RAPPORT, CSV_MAPPING, GObject)

/* A mapping guessed from the header row; editable column by column. */
RapportCsvMapping  *rapport_csv_mapping_new         (const char * const *headings,
                                                     guint               n_headings);
/* An independent copy (for another thread). */
RapportCsvMapping  *rapport_csv_mapping_copy        (RapportCsvMapping  *self);
/* Whether the mapping was made for these headings. */
gboolean            rapport_csv_mapping_matches     (RapportCsvMapping  *self,
                                                     const char * const *headings,
                                                     guint               n_headings);
guint               rapport_csv_mapping_get_n_columns (RapportCsvMapping *self);
const char         *rapport_csv_mapping_get_heading (RapportCsvMapping  *self,
                                                     guint               column);
RapportImportField  rapport_csv_mapping_get_field   (RapportCsvMapping  *self,
                                                     guint               column);
void                rapport_csv_mapping_set_field   (RapportCsvMapping  *self,
                                                     guint               column,
                                                     RapportImportField  field);
/* Whether some column gives a name (a full name, or a first or last name). */
gboolean            rapport_csv_mapping_has_name    (RapportCsvMapping  *self);
/* The value of @field in a record: the first non-empty mapped column,
 * stripped of surrounding white space (transfer full), or NULL. For NAME,
 * falls back to first, middle and last name joined. The quote an export puts
 * before a formula-like cell is taken off; of a Google Contacts cell with
 * several phones or emails ("a ::: b") the first is kept. */
char               *rapport_csv_mapping_get_value   (RapportCsvMapping  *self,
                                                     const char * const *record,
                                                     guint               n_fields,
                                                     RapportImportField  field);

G_END_DECLS

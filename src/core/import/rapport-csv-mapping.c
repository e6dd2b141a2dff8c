/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-csv-mapping.h"

struct _RapportCsvMapping
{
  GObject             parent_instance;

  GPtrArray          *headings;
  RapportImportField *fields;
};

G_DEFINE_FINAL_TYPE (RapportCsvMapping, rapport_csv_mapping, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const field_keys[RAPPORT_N_IMPORT_FIELDS] = {
  "none", "name", "first-name", "middle-name", "last-name", "company",
  "phone", "email", "notes", "since", "cadence",
};

/* Headings as spreadsheets, Google Contacts, Outlook, Apple and other CRMs
 * write them, in English and German. Compared after normalize(). */
static const struct {
  RapportImportField field;
  const char *heading;
} aliases[] = {
  { RAPPORT_IMPORT_FIELD_NAME, "Name" },
  { RAPPORT_IMPORT_FIELD_NAME, "Full name" },
  { RAPPORT_IMPORT_FIELD_NAME, "Display name" },
  { RAPPORT_IMPORT_FIELD_NAME, "Contact" },
  { RAPPORT_IMPORT_FIELD_NAME, "Contact name" },
  { RAPPORT_IMPORT_FIELD_NAME, "Customer" },
  { RAPPORT_IMPORT_FIELD_NAME, "Customer name" },
  { RAPPORT_IMPORT_FIELD_NAME, "Client" },
  { RAPPORT_IMPORT_FIELD_NAME, "Kunde" },
  { RAPPORT_IMPORT_FIELD_NAME, "Kundenname" },
  { RAPPORT_IMPORT_FIELD_NAME, "Vollständiger Name" },
  { RAPPORT_IMPORT_FIELD_NAME, "Anzeigename" },
  { RAPPORT_IMPORT_FIELD_NAME, "Kontakt" },
  { RAPPORT_IMPORT_FIELD_FIRST_NAME, "First name" },
  { RAPPORT_IMPORT_FIELD_FIRST_NAME, "Given name" },
  { RAPPORT_IMPORT_FIELD_FIRST_NAME, "Forename" },
  { RAPPORT_IMPORT_FIELD_FIRST_NAME, "Vorname" },
  { RAPPORT_IMPORT_FIELD_MIDDLE_NAME, "Middle name" },
  { RAPPORT_IMPORT_FIELD_MIDDLE_NAME, "Additional name" },
  { RAPPORT_IMPORT_FIELD_MIDDLE_NAME, "Zweiter Vorname" },
  { RAPPORT_IMPORT_FIELD_LAST_NAME, "Last name" },
  { RAPPORT_IMPORT_FIELD_LAST_NAME, "Family name" },
  { RAPPORT_IMPORT_FIELD_LAST_NAME, "Surname" },
  { RAPPORT_IMPORT_FIELD_LAST_NAME, "Nachname" },
  { RAPPORT_IMPORT_FIELD_LAST_NAME, "Familienname" },
  { RAPPORT_IMPORT_FIELD_COMPANY, "Company" },
  { RAPPORT_IMPORT_FIELD_COMPANY, "Company name" },
  { RAPPORT_IMPORT_FIELD_COMPANY, "Organisation" },
  { RAPPORT_IMPORT_FIELD_COMPANY, "Organization" },
  { RAPPORT_IMPORT_FIELD_COMPANY, "Organization name" },
  { RAPPORT_IMPORT_FIELD_COMPANY, "Organisation name" },
  { RAPPORT_IMPORT_FIELD_COMPANY, "Organization 1 - Name" },
  { RAPPORT_IMPORT_FIELD_COMPANY, "Business" },
  { RAPPORT_IMPORT_FIELD_COMPANY, "Firma" },
  { RAPPORT_IMPORT_FIELD_COMPANY, "Firmenname" },
  { RAPPORT_IMPORT_FIELD_COMPANY, "Unternehmen" },
  { RAPPORT_IMPORT_FIELD_COMPANY, "Organisation 1 - Name" },
  { RAPPORT_IMPORT_FIELD_PHONE, "Phone" },
  { RAPPORT_IMPORT_FIELD_PHONE, "Phone number" },
  { RAPPORT_IMPORT_FIELD_PHONE, "Telephone" },
  { RAPPORT_IMPORT_FIELD_PHONE, "Telephone number" },
  { RAPPORT_IMPORT_FIELD_PHONE, "Tel" },
  { RAPPORT_IMPORT_FIELD_PHONE, "Tel." },
  { RAPPORT_IMPORT_FIELD_PHONE, "Mobile" },
  { RAPPORT_IMPORT_FIELD_PHONE, "Mobile phone" },
  { RAPPORT_IMPORT_FIELD_PHONE, "Mobile number" },
  { RAPPORT_IMPORT_FIELD_PHONE, "Cell" },
  { RAPPORT_IMPORT_FIELD_PHONE, "Cell phone" },
  { RAPPORT_IMPORT_FIELD_PHONE, "Primary phone" },
  { RAPPORT_IMPORT_FIELD_PHONE, "Business phone" },
  { RAPPORT_IMPORT_FIELD_PHONE, "Home phone" },
  { RAPPORT_IMPORT_FIELD_PHONE, "Phone 1 - Value" },
  { RAPPORT_IMPORT_FIELD_PHONE, "Phone 2 - Value" },
  { RAPPORT_IMPORT_FIELD_PHONE, "Phone 3 - Value" },
  { RAPPORT_IMPORT_FIELD_PHONE, "Telefon" },
  { RAPPORT_IMPORT_FIELD_PHONE, "Telefonnummer" },
  { RAPPORT_IMPORT_FIELD_PHONE, "Handy" },
  { RAPPORT_IMPORT_FIELD_PHONE, "Mobil" },
  { RAPPORT_IMPORT_FIELD_PHONE, "Mobiltelefon" },
  { RAPPORT_IMPORT_FIELD_PHONE, "Mobilnummer" },
  { RAPPORT_IMPORT_FIELD_PHONE, "Telefon geschäftlich" },
  { RAPPORT_IMPORT_FIELD_PHONE, "Telefon privat" },
  { RAPPORT_IMPORT_FIELD_EMAIL, "Email" },
  { RAPPORT_IMPORT_FIELD_EMAIL, "E-mail" },
  { RAPPORT_IMPORT_FIELD_EMAIL, "Email address" },
  { RAPPORT_IMPORT_FIELD_EMAIL, "Mail" },
  { RAPPORT_IMPORT_FIELD_EMAIL, "E-mail 1 - Value" },
  { RAPPORT_IMPORT_FIELD_EMAIL, "E-mail 2 - Value" },
  { RAPPORT_IMPORT_FIELD_EMAIL, "E-mail 2 Address" },
  { RAPPORT_IMPORT_FIELD_EMAIL, "E-Mail-Adresse" },
  { RAPPORT_IMPORT_FIELD_NOTES, "Notes" },
  { RAPPORT_IMPORT_FIELD_NOTES, "Note" },
  { RAPPORT_IMPORT_FIELD_NOTES, "Comments" },
  { RAPPORT_IMPORT_FIELD_NOTES, "Comment" },
  { RAPPORT_IMPORT_FIELD_NOTES, "Remarks" },
  { RAPPORT_IMPORT_FIELD_NOTES, "Notizen" },
  { RAPPORT_IMPORT_FIELD_NOTES, "Notiz" },
  { RAPPORT_IMPORT_FIELD_NOTES, "Bemerkungen" },
  { RAPPORT_IMPORT_FIELD_NOTES, "Bemerkung" },
  { RAPPORT_IMPORT_FIELD_NOTES, "Anmerkungen" },
  { RAPPORT_IMPORT_FIELD_NOTES, "Kommentar" },
  { RAPPORT_IMPORT_FIELD_SINCE, "First service" },
  { RAPPORT_IMPORT_FIELD_SINCE, "First service date" },
  { RAPPORT_IMPORT_FIELD_SINCE, "Customer since" },
  { RAPPORT_IMPORT_FIELD_SINCE, "Client since" },
  { RAPPORT_IMPORT_FIELD_SINCE, "Since" },
  { RAPPORT_IMPORT_FIELD_SINCE, "Kunde seit" },
  { RAPPORT_IMPORT_FIELD_SINCE, "Erster Service" },
  { RAPPORT_IMPORT_FIELD_SINCE, "Erster Auftrag" },
  { RAPPORT_IMPORT_FIELD_CADENCE, "Cadence" },
  { RAPPORT_IMPORT_FIELD_CADENCE, "Cadence (days)" },
  { RAPPORT_IMPORT_FIELD_CADENCE, "Call every (days)" },
  { RAPPORT_IMPORT_FIELD_CADENCE, "Rhythmus" },
  { RAPPORT_IMPORT_FIELD_CADENCE, "Rhythmus (Tage)" },
  { RAPPORT_IMPORT_FIELD_CADENCE, "Intervall (Tage)" },
};

/* Case-folded letters and digits only: "E-Mail-Adresse" → "emailadresse". */
static char *
normalize (const char *heading)
{
  g_autofree char *folded = NULL;
  GString *out;

  if (heading == NULL || !g_utf8_validate (heading, -1, NULL))
    return g_strdup ("");

  folded = g_utf8_casefold (heading, -1);
  out = g_string_sized_new (strlen (folded));
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static GHashTable *
alias_table (void)
{
  static GHashTable *table;

  if (g_once_init_enter (&table))
    {
      GHashTable *t = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
        g_hash_table_insert (t, normalize (aliases[i].heading),
                             GUINT_TO_POINTER (aliases[i].field));
      g_once_init_leave (&table, t);
    }
  return table;
}

const char *
rapport_import_field_to_key (RapportImportField field)
{
  g_return_val_if_fail (field < RAPPORT_N_IMPORT_FIELDS, "none");
  return field_keys[field];
}

gboolean
rapport_import_field_from_key (const char         *key,
                               RapportImportField *field)
{
  g_return_val_if_fail (field != NULL, FALSE);

  for (guint i = 0; key != NULL && i < RAPPORT_N_IMPORT_FIELDS; i++)
    {
      if (g_strcmp0 (key, field_keys[i]) == 0)
        {
          *field = (RapportImportField) i;
          return TRUE;
        }
    }
  return FALSE;
}

const char *
rapport_import_field_to_label (RapportImportField field)
{
  switch (field)
    {
    case RAPPORT_IMPORT_FIELD_NONE:
      /* Translators: an import column that is not imported */
      return _("Skip");
    case RAPPORT_IMPORT_FIELD_NAME:
      return _("Name");
    case RAPPORT_IMPORT_FIELD_FIRST_NAME:
      return _("First name");
    case RAPPORT_IMPORT_FIELD_MIDDLE_NAME:
      return _("Middle name");
    case RAPPORT_IMPORT_FIELD_LAST_NAME:
      return _("Last name");
    case RAPPORT_IMPORT_FIELD_COMPANY:
      return _("Company");
    case RAPPORT_IMPORT_FIELD_PHONE:
      return _("Phone");
    case RAPPORT_IMPORT_FIELD_EMAIL:
      return _("Email");
    case RAPPORT_IMPORT_FIELD_NOTES:
      return _("Notes");
    case RAPPORT_IMPORT_FIELD_SINCE:
      return _("Customer since");
    case RAPPORT_IMPORT_FIELD_CADENCE:
      /* Translators: a column heading; the number of days between regular calls */
      return _("Cadence (days)");
    case RAPPORT_N_IMPORT_FIELDS:
    default:
      g_return_val_if_reached ("");
    }
}

RapportImportField
rapport_import_field_guess (const char *heading)
{
  g_autofree char *key = normalize (heading);
  gpointer value;

  if (key[0] == '\0')
    return RAPPORT_IMPORT_FIELD_NONE;

  /* The UI's language first: what an export in this language wrote. */
  for (guint i = 1; i < RAPPORT_N_IMPORT_FIELDS; i++)
    {
      g_autofree char *label = normalize (rapport_import_field_to_label ((RapportImportField) i));

      if (strcmp (key, label) == 0)
        return (RapportImportField) i;
    }

  if (g_hash_table_lookup_extended (alias_table (), key, NULL, &value))
    return (RapportImportField) GPOINTER_TO_UINT (value);
  return RAPPORT_IMPORT_FIELD_NONE;
}

static void
rapport_csv_mapping_finalize (GObject *object)
{
  RapportCsvMapping *self = RAPPORT_CSV_MAPPING (object);

  g_clear_pointer (&self->headings, g_ptr_array_unref);
  g_clear_pointer (&self->fields, g_free);

  G_OBJECT_CLASS (rapport_csv_mapping_parent_class)->finalize (object);
}

static void
rapport_csv_mapping_class_init (RapportCsvMappingClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rapport_csv_mapping_finalize;

  /**
   * RapportCsvMapping::changed:
   * @column: the column whose field was set
   *
   * Emitted when a column is mapped to another field.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
rapport_csv_mapping_init (RapportCsvMapping *self)
{
  self->headings = g_ptr_array_new_with_free_func (g_free);
}

RapportCsvMapping *
rapport_csv_mapping_new (const char * const *headings,
                         guint               n_headings)
{
  RapportCsvMapping *self = g_object_new (RAPPORT_TYPE_CSV_MAPPING, NULL);

  self->fields = g_new0 (RapportImportField, MAX (n_headings, 1));
  for (guint i = 0; i < n_headings; i++)
    {
      const char *heading = headings[i] != NULL ? headings[i] : "";

      g_ptr_array_add (self->headings, g_strstrip (g_strdup (heading)));
      self->fields[i] = rapport_import_field_guess (heading);
    }
  return self;
}

RapportCsvMapping *
rapport_csv_mapping_copy (RapportCsvMapping *self)
{
  RapportCsvMapping *copy;

  g_return_val_if_fail (RAPPORT_IS_CSV_MAPPING (self), NULL);

  copy = g_object_new (RAPPORT_TYPE_CSV_MAPPING, NULL);
  copy->fields = g_new0 (RapportImportField, MAX (self->headings->len, 1));
  for (guint i = 0; i < self->headings->len; i++)
    {
      g_ptr_array_add (copy->headings, g_strdup (g_ptr_array_index (self->headings, i)));
      copy->fields[i] = self->fields[i];
    }
  return copy;
}

gboolean
rapport_csv_mapping_matches (RapportCsvMapping  *self,
                             const char * const *headings,
                             guint               n_headings)
{
  g_return_val_if_fail (RAPPORT_IS_CSV_MAPPING (self), FALSE);

  if (n_headings != self->headings->len)
    return FALSE;
  for (guint i = 0; i < n_headings; i++)
    {
      g_autofree char *heading = g_strstrip (g_strdup (headings[i] ? headings[i] : ""));

      if (g_strcmp0 (heading, g_ptr_array_index (self->headings, i)) != 0)
        return FALSE;
    }
  return TRUE;
}

guint
rapport_csv_mapping_get_n_columns (RapportCsvMapping *self)
{
  g_return_val_if_fail (RAPPORT_IS_CSV_MAPPING (self), 0);
  return self->headings->len;
}

const char *
rapport_csv_mapping_get_heading (RapportCsvMapping *self,
                                 guint              column)
{
  g_return_val_if_fail (RAPPORT_IS_CSV_MAPPING (self), NULL);
  g_return_val_if_fail (column < self->headings->len, NULL);
  return g_ptr_array_index (self->headings, column);
}

RapportImportField
rapport_csv_mapping_get_field (RapportCsvMapping *self,
                               guint              column)
{
  g_return_val_if_fail (RAPPORT_IS_CSV_MAPPING (self), RAPPORT_IMPORT_FIELD_NONE);
  g_return_val_if_fail (column < self->headings->len, RAPPORT_IMPORT_FIELD_NONE);
  return self->fields[column];
}

void
rapport_csv_mapping_set_field (RapportCsvMapping  *self,
                               guint               column,
                               RapportImportField  field)
{
  g_return_if_fail (RAPPORT_IS_CSV_MAPPING (self));
  g_return_if_fail (column < self->headings->len);
  g_return_if_fail (field < RAPPORT_N_IMPORT_FIELDS);

  if (self->fields[column] == field)
    return;
  self->fields[column] = field;
  g_signal_emit (self, signals[CHANGED], 0, column);
}

gboolean
rapport_csv_mapping_has_name (RapportCsvMapping *self)
{
  g_return_val_if_fail (RAPPORT_IS_CSV_MAPPING (self), FALSE);

  for (guint i = 0; i < self->headings->len; i++)
    {
      if (self->fields[i] == RAPPORT_IMPORT_FIELD_NAME ||
          self->fields[i] == RAPPORT_IMPORT_FIELD_FIRST_NAME ||
          self->fields[i] == RAPPORT_IMPORT_FIELD_LAST_NAME)
        return TRUE;
    }
  return FALSE;
}

/* An export prefixes a quote to cells a spreadsheet would run as a formula;
 * reading our own export back must give the original text. */
static const char *
skip_formula_guard (const char *value)
{
  if (value[0] == '\'' && value[1] != '\0' && strchr ("=+-@\t\r", value[1]) != NULL)
    return value + 1;
  return value;
}

static char *
first_value (RapportCsvMapping  *self,
             const char * const *record,
             guint               n_fields,
             RapportImportField  field)
{
  guint n = MIN (n_fields, self->headings->len);

  for (guint i = 0; i < n; i++)
    {
      char *value;

      if (self->fields[i] != field || record[i] == NULL)
        continue;
      value = g_strdup (skip_formula_guard (record[i]));
      /* Google Contacts puts several numbers or addresses in one cell. */
      if (field == RAPPORT_IMPORT_FIELD_PHONE || field == RAPPORT_IMPORT_FIELD_EMAIL)
        {
          char *more = strstr (value, " ::: ");
          if (more != NULL)
            *more = '\0';
        }
      g_strstrip (value);
      if (value[0] != '\0')
        return value;
      g_free (value);
    }
  return NULL;
}

char *
rapport_csv_mapping_get_value (RapportCsvMapping  *self,
                               const char * const *record,
                               guint               n_fields,
                               RapportImportField  field)
{
  char *value;
  GString *joined;
  static const RapportImportField parts[] = {
    RAPPORT_IMPORT_FIELD_FIRST_NAME,
    RAPPORT_IMPORT_FIELD_MIDDLE_NAME,
    RAPPORT_IMPORT_FIELD_LAST_NAME,
  };

  g_return_val_if_fail (RAPPORT_IS_CSV_MAPPING (self), NULL);
  g_return_val_if_fail (record != NULL || n_fields == 0, NULL);
  g_return_val_if_fail (field != RAPPORT_IMPORT_FIELD_NONE && field < RAPPORT_N_IMPORT_FIELDS,
                        NULL);

  value = first_value (self, record, n_fields, field);
  if (value != NULL || field != RAPPORT_IMPORT_FIELD_NAME)
    return value;

  joined = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      g_autofree char *part = first_value (self, record, n_fields, parts[i]);

      if (part == NULL)
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, part);
    }
  if (joined->len == 0)
    {
      g_string_free (joined, TRUE);
      return NULL;
    }
  return g_string_free (joined, FALSE);
}

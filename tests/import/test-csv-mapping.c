/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "rapport-csv-mapping.h"

static void
assert_guess (const char         *heading,
              RapportImportField  expected)
{
  RapportImportField field = rapport_import_field_guess (heading);

  if (field != expected)
    g_error ("“%s” gives %s, expected %s", heading, rapport_import_field_to_key (field),
             rapport_import_field_to_key (expected));
}

static void
test_matches_english_headings (void)
{
  assert_guess ("Name", RAPPORT_IMPORT_FIELD_NAME);
  assert_guess ("  FULL NAME ", RAPPORT_IMPORT_FIELD_NAME);
  assert_guess ("Display_Name", RAPPORT_IMPORT_FIELD_NAME);
  assert_guess ("First name", RAPPORT_IMPORT_FIELD_FIRST_NAME);
  assert_guess ("Given Name", RAPPORT_IMPORT_FIELD_FIRST_NAME);
  assert_guess ("Additional Name", RAPPORT_IMPORT_FIELD_MIDDLE_NAME);
  assert_guess ("Family Name", RAPPORT_IMPORT_FIELD_LAST_NAME);
  assert_guess ("last-name", RAPPORT_IMPORT_FIELD_LAST_NAME);
  assert_guess ("Company", RAPPORT_IMPORT_FIELD_COMPANY);
  assert_guess ("Organisation", RAPPORT_IMPORT_FIELD_COMPANY);
  assert_guess ("Organization", RAPPORT_IMPORT_FIELD_COMPANY);
  assert_guess ("Organization 1 - Name", RAPPORT_IMPORT_FIELD_COMPANY);
  assert_guess ("Phone", RAPPORT_IMPORT_FIELD_PHONE);
  assert_guess ("Mobile", RAPPORT_IMPORT_FIELD_PHONE);
  assert_guess ("Tel.", RAPPORT_IMPORT_FIELD_PHONE);
  assert_guess ("Telephone", RAPPORT_IMPORT_FIELD_PHONE);
  assert_guess ("Phone 1 - Value", RAPPORT_IMPORT_FIELD_PHONE);
  assert_guess ("Email", RAPPORT_IMPORT_FIELD_EMAIL);
  assert_guess ("E-mail", RAPPORT_IMPORT_FIELD_EMAIL);
  assert_guess ("E-mail 1 - Value", RAPPORT_IMPORT_FIELD_EMAIL);
  assert_guess ("E-mail Address", RAPPORT_IMPORT_FIELD_EMAIL);
  assert_guess ("Notes", RAPPORT_IMPORT_FIELD_NOTES);
  assert_guess ("note", RAPPORT_IMPORT_FIELD_NOTES);
  assert_guess ("First service", RAPPORT_IMPORT_FIELD_SINCE);
  assert_guess ("Customer since", RAPPORT_IMPORT_FIELD_SINCE);
  assert_guess ("Cadence", RAPPORT_IMPORT_FIELD_CADENCE);
  assert_guess ("Cadence (days)", RAPPORT_IMPORT_FIELD_CADENCE);
}

static void
test_matches_german_headings (void)
{
  assert_guess ("Vorname", RAPPORT_IMPORT_FIELD_FIRST_NAME);
  assert_guess ("Nachname", RAPPORT_IMPORT_FIELD_LAST_NAME);
  assert_guess ("Firma", RAPPORT_IMPORT_FIELD_COMPANY);
  assert_guess ("Telefon", RAPPORT_IMPORT_FIELD_PHONE);
  assert_guess ("Handy", RAPPORT_IMPORT_FIELD_PHONE);
  assert_guess ("E-Mail-Adresse", RAPPORT_IMPORT_FIELD_EMAIL);
  assert_guess ("E-MAIL", RAPPORT_IMPORT_FIELD_EMAIL);
  assert_guess ("Notizen", RAPPORT_IMPORT_FIELD_NOTES);
  assert_guess ("Kunde seit", RAPPORT_IMPORT_FIELD_SINCE);
  assert_guess ("Vollständiger Name", RAPPORT_IMPORT_FIELD_NAME);
  assert_guess ("VOLLSTÄNDIGER NAME", RAPPORT_IMPORT_FIELD_NAME);
}

static void
test_skips_unknown_headings (void)
{
  assert_guess ("Birthday", RAPPORT_IMPORT_FIELD_NONE);
  assert_guess ("E-mail 1 - Label", RAPPORT_IMPORT_FIELD_NONE);
  assert_guess ("Phone 1 - Type", RAPPORT_IMPORT_FIELD_NONE);
  assert_guess ("", RAPPORT_IMPORT_FIELD_NONE);
  assert_guess ("---", RAPPORT_IMPORT_FIELD_NONE);
  assert_guess ("ID", RAPPORT_IMPORT_FIELD_NONE);
}

static void
test_maps_a_google_contacts_header (void)
{
  const char * const headings[] = {
    "Name", "Given Name", "Additional Name", "Family Name", "Birthday", "Notes",
    "E-mail 1 - Type", "E-mail 1 - Value", "Phone 1 - Type", "Phone 1 - Value",
    "Phone 2 - Type", "Phone 2 - Value", "Organization 1 - Name",
  };
  const char * const row[] = {
    "", "Anna", "", "Weber", "", "  VIP  ", "* Home", "", "Mobile", "", "Work", "+49 30 1",
    "Weber GmbH",
  };
  g_autoptr(RapportCsvMapping) mapping = rapport_csv_mapping_new (headings,
                                                                   G_N_ELEMENTS (headings));
  g_autofree char *name = NULL, *phone = NULL, *email = NULL, *notes = NULL, *company = NULL;

  g_assert_cmpuint (rapport_csv_mapping_get_n_columns (mapping), ==, 13);
  g_assert_cmpstr (rapport_csv_mapping_get_heading (mapping, 7), ==, "E-mail 1 - Value");
  g_assert_cmpint (rapport_csv_mapping_get_field (mapping, 4), ==, RAPPORT_IMPORT_FIELD_NONE);
  g_assert_true (rapport_csv_mapping_has_name (mapping));

  name = rapport_csv_mapping_get_value (mapping, row, G_N_ELEMENTS (row), RAPPORT_IMPORT_FIELD_NAME);
  phone = rapport_csv_mapping_get_value (mapping, row, G_N_ELEMENTS (row), RAPPORT_IMPORT_FIELD_PHONE);
  email = rapport_csv_mapping_get_value (mapping, row, G_N_ELEMENTS (row), RAPPORT_IMPORT_FIELD_EMAIL);
  notes = rapport_csv_mapping_get_value (mapping, row, G_N_ELEMENTS (row), RAPPORT_IMPORT_FIELD_NOTES);
  company = rapport_csv_mapping_get_value (mapping, row, G_N_ELEMENTS (row),
                                           RAPPORT_IMPORT_FIELD_COMPANY);
  /* No full name: first and last name joined; the first non-empty phone. */
  g_assert_cmpstr (name, ==, "Anna Weber");
  g_assert_cmpstr (phone, ==, "+49 30 1");
  g_assert_null (email);
  g_assert_cmpstr (notes, ==, "VIP");
  g_assert_cmpstr (company, ==, "Weber GmbH");
}

static void
count_changes_cb (RapportCsvMapping *mapping,
                  guint              column,
                  guint             *changed)
{
  (*changed)++;
}

static void
test_can_be_edited (void)
{
  const char * const headings[] = { "Kundennr", "Bezeichnung", "Ruf" };
  const char * const row[] = { "17", "Anna", "'+49 30 1" };
  g_autoptr(RapportCsvMapping) mapping = rapport_csv_mapping_new (headings, 3);
  g_autofree char *name = NULL, *phone = NULL;
  guint changed = 0;

  g_assert_false (rapport_csv_mapping_has_name (mapping));
  g_assert_null (rapport_csv_mapping_get_value (mapping, row, 3, RAPPORT_IMPORT_FIELD_NAME));

  g_signal_connect (mapping, "changed", G_CALLBACK (count_changes_cb), &changed);
  rapport_csv_mapping_set_field (mapping, 1, RAPPORT_IMPORT_FIELD_NAME);
  rapport_csv_mapping_set_field (mapping, 2, RAPPORT_IMPORT_FIELD_PHONE);
  rapport_csv_mapping_set_field (mapping, 2, RAPPORT_IMPORT_FIELD_PHONE);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_true (rapport_csv_mapping_has_name (mapping));

  name = rapport_csv_mapping_get_value (mapping, row, 3, RAPPORT_IMPORT_FIELD_NAME);
  phone = rapport_csv_mapping_get_value (mapping, row, 3, RAPPORT_IMPORT_FIELD_PHONE);
  g_assert_cmpstr (name, ==, "Anna");
  /* The quote an export puts before a leading + is not part of the number. */
  g_assert_cmpstr (phone, ==, "+49 30 1");
}

static void
test_keys_round_trip (void)
{
  for (guint i = 0; i < RAPPORT_N_IMPORT_FIELDS; i++)
    {
      RapportImportField field = RAPPORT_N_IMPORT_FIELDS;

      g_assert_true (rapport_import_field_from_key (rapport_import_field_to_key (i), &field));
      g_assert_cmpint (field, ==, i);
      /* An export's headings read back as the same field. */
      if (i != RAPPORT_IMPORT_FIELD_NONE)
        g_assert_cmpint (rapport_import_field_guess (rapport_import_field_to_label (i)), ==, i);
    }
  g_assert_false (rapport_import_field_from_key ("nickname", &(RapportImportField) { 0 }));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/csv-mapping/matches-english-headings", test_matches_english_headings);
  g_test_add_func ("/import/csv-mapping/matches-german-headings", test_matches_german_headings);
  g_test_add_func ("/import/csv-mapping/skips-unknown-headings", test_skips_unknown_headings);
  g_test_add_func ("/import/csv-mapping/maps-a-google-contacts-header",
                   test_maps_a_google_contacts_header);
  g_test_add_func ("/import/csv-mapping/can-be-edited", test_can_be_edited);
  g_test_add_func ("/import/csv-mapping/keys-round-trip", test_keys_round_trip);

  return g_test_run ();
}

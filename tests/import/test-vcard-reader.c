/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "rapport-error.h"
#include "rapport-vcard-reader.h"

/* Every card as "LINE:name|company|phone|email|notes"; or "error: message". */
static char *
dump (const char *data,
      gssize      len)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(RapportVcardReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  static const RapportImportField fields[] = {
    RAPPORT_IMPORT_FIELD_NAME, RAPPORT_IMPORT_FIELD_COMPANY, RAPPORT_IMPORT_FIELD_PHONE,
    RAPPORT_IMPORT_FIELD_EMAIL, RAPPORT_IMPORT_FIELD_NOTES,
  };
  GString *out = g_string_new (NULL);

  if (len < 0)
    len = (gssize) strlen (data);
  stream = g_memory_input_stream_new_from_data (g_memdup2 (data, (gsize) len), len, g_free);
  reader = rapport_vcard_reader_new (stream);

  while (rapport_vcard_reader_next (reader, NULL, &error))
    {
      g_string_append_printf (out, "%u:", rapport_vcard_reader_get_line (reader));
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        {
          const char *value = rapport_vcard_reader_get_value (reader, fields[i]);
          g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", value ? value : "-");
        }
      g_string_append_c (out, '\n');
    }
  if (error != NULL)
    {
      g_assert_error (error, RAPPORT_ERROR, RAPPORT_ERROR_PARSE);
      g_string_append_printf (out, "error: %s\n", error->message);
    }
  return g_string_free (out, FALSE);
}

static void
test_reads_a_3_0_card (void)
{
  g_autofree char *out = dump (
    "BEGIN:VCARD\r\n"
    "VERSION:3.0\r\n"
    "N:Weber;Anna;;;\r\n"
    "FN:Anna Weber\r\n"
    "ORG:Weber & Söhne GmbH;Sales\r\n"
    "TEL;TYPE=WORK,VOICE:+49 30 111\r\n"
    "TEL;TYPE=CELL,pref:+49 170 222\r\n"
    "EMAIL;TYPE=INTERNET:anna@example.com\r\n"
    "NOTE:Likes the early slot\\, mornings.\\nSecond line\\; with \\\\ backslash\r\n"
    "END:VCARD\r\n", -1);

  g_assert_cmpstr (out, ==, "1:Anna Weber|Weber & Söhne GmbH|+49 170 222|anna@example.com|"
                            "Likes the early slot, mornings.\nSecond line; with \\ backslash\n");
}

static void
test_unfolds_lines (void)
{
  g_autofree char *out = dump (
    "BEGIN:VCARD\n"
    "VERSION:3.0\n"
    "FN:Maximilian Alexander von\n"
    "  Hohenberg\n"
    "NOTE:This is a long not\n"
    "\te, folded twice\n"
    " .\n"
    "END:VCARD\n", -1);

  g_assert_cmpstr (out, ==, "1:Maximilian Alexander von Hohenberg|-|-|-|"
                            "This is a long note, folded twice.\n");
}

static void
test_reads_quoted_printable_with_charsets (void)
{
  g_autofree char *out = dump (
    "BEGIN:VCARD\r\n"
    "VERSION:2.1\r\n"
    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=B6rg;;;\r\n"
    "ORG;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:B=E4ckerei Sch=F6n\r\n"
    "TEL;CELL:0170 333\r\n"
    "TEL;HOME;PREF:030 444\r\n"
    "EMAIL;INTERNET:joerg@example.de\r\n"
    "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=windows-1252:Erste Zeile=0D=0AZweite =\r\n"
    "Zeile =80 und =\r\n"
    "=84Anf=FChrung=93\r\n"
    "END:VCARD\r\n", -1);

  g_assert_cmpstr (out, ==, "1:Jörg Müller|Bäckerei Schön|030 444|joerg@example.de|"
                            "Erste Zeile\nZweite Zeile € und „Anführung“\n");
}

static void
test_reads_4_0_preferences_and_uris (void)
{
  g_autofree char *out = dump (
    "BEGIN:VCARD\r\n"
    "VERSION:4.0\r\n"
    "FN:Chris Example\r\n"
    "TEL;VALUE=uri;TYPE=\"voice,home\":tel:+1-555-0100\r\n"
    "TEL;VALUE=uri;PREF=2;TYPE=work:tel:+1-555-0102\r\n"
    "TEL;VALUE=uri;PREF=1;TYPE=cell:tel:+1-555-0101\r\n"
    "EMAIL;TYPE=home:home@example.com\r\n"
    "EMAIL;PREF=1:work@example.com\r\n"
    "END:VCARD\r\n", -1);

  g_assert_cmpstr (out, ==, "1:Chris Example|-|+1-555-0101|work@example.com|-\n");
}

static void
test_prefers_a_phone_over_a_fax (void)
{
  g_autofree char *out = dump (
    "BEGIN:VCARD\nVERSION:3.0\nFN:Fax First\n"
    "TEL;TYPE=WORK,FAX:111\nTEL;TYPE=WORK:222\nEND:VCARD\n", -1);

  g_assert_cmpstr (out, ==, "1:Fax First|-|222|-|-\n");
}

static void
test_builds_the_name_from_n_or_org (void)
{
  g_autofree char *out = dump (
    "BEGIN:VCARD\nVERSION:3.0\nN:Doe;John;Paul;Dr.;\nFN:\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:3.0\nORG:Acme Ltd\nEND:VCARD\n"
    "BEGIN:VCARD\nVERSION:3.0\nEMAIL:nobody@example.com\nEND:VCARD\n", -1);

  g_assert_cmpstr (out, ==,
                   "1:John Paul Doe|-|-|-|-\n"
                   "6:Acme Ltd|Acme Ltd|-|-|-\n"
                   "10:-|-|-|nobody@example.com|-\n");
}

static void
test_skips_an_embedded_photo (void)
{
  GString *vcf = g_string_new ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Photo Person\r\n"
                               "PHOTO;ENCODING=b;TYPE=JPEG:");
  g_autofree char *out = NULL;
  g_autofree char *expected = NULL;
  guint n = 3 * 1024 * 1024 / 74;

  /* 3 MB of base64, folded at 75 columns: more than any value we keep. */
  for (guint i = 0; i < n; i++)
    g_string_append (vcf, "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGBwkIBwcH\r\n ");
  g_string_append (vcf, "AAAA\r\nTEL:123\r\nEND:VCARD\r\n"
                        "BEGIN:VCARD\r\nVERSION:2.1\r\nN:Two;Card\r\n"
                        "PHOTO;ENCODING=BASE64;TYPE=JPEG:\r\n"
                        "  /9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgG\r\n"
                        "  BgUGBwkIBwcHBwgJCgkKCAkKCAcHCQ==\r\n"
                        "\r\n"
                        "TEL;VOICE:456\r\n"
                        "END:VCARD\r\n");
  out = dump (vcf->str, (gssize) vcf->len);

  /* BEGIN, VERSION, FN, PHOTO and its n folded lines, TEL, END. */
  expected = g_strdup_printf ("1:Photo Person|-|123|-|-\n%u:Card Two|-|456|-|-\n", 4 + n + 3);
  g_assert_cmpstr (out, ==, expected);
  g_string_free (vcf, TRUE);
}

static void
test_reads_many_cards_with_groups_and_mixed_case (void)
{
  g_autofree char *out = dump (
    "\xEF\xBB\xBF" "begin:vcard\nversion:3.0\nfn:Lower Case\nitem1.TEL:1\n"
    "item1.X-ABLabel:_$!<Mobile>!$_\nend:vcard\n"
    "\n"
    "BEGIN:VCARD\nVERSION:3.0\nFN:Second\nitem2.EMAIL;type=INTERNET;type=pref:s@example.com\n"
    "END:VCARD\n", -1);

  g_assert_cmpstr (out, ==, "1:Lower Case|-|1|-|-\n8:Second|-|-|s@example.com|-\n");
}

static void
test_reads_latin1_without_charset (void)
{
  g_autofree char *out = dump ("BEGIN:VCARD\r\nVERSION:2.1\r\nN:M\xFCller;Hans\r\n"
                               "ORG:Caf\xE9 Zentral\r\nEND:VCARD\r\n", -1);

  g_assert_cmpstr (out, ==, "1:Hans Müller|Café Zentral|-|-|-\n");
}

static void
test_names_the_card_without_end (void)
{
  g_autofree char *at_eof = dump ("BEGIN:VCARD\nVERSION:3.0\nFN:A\nEND:VCARD\n"
                                  "BEGIN:VCARD\nVERSION:3.0\nFN:B\n", -1);
  g_autofree char *inside = dump ("BEGIN:VCARD\nVERSION:3.0\nFN:A\n"
                                  "BEGIN:VCARD\nVERSION:3.0\nFN:B\nEND:VCARD\n", -1);

  g_assert_cmpstr (at_eof, ==, "1:A|-|-|-|-\n"
                               "error: line 5: the card that starts here has no END:VCARD\n");
  g_assert_cmpstr (inside, ==, "error: line 1: the card that starts here has no END:VCARD\n");
}

static void
test_fails_on_what_is_not_a_vcard (void)
{
  g_autofree char *csv = dump ("Name,Phone\nAnna,1\n", -1);
  g_autofree char *empty = dump ("", 0);
  g_autofree char *blank = dump ("\r\n  \r\n", -1);
  g_autofree char *binary = dump ("BEGIN:VCARD\nFN:\0\0\0\n", 17);

  g_assert_cmpstr (csv, ==, "error: This is not a vCard file: it does not start with "
                            "BEGIN:VCARD.\n");
  g_assert_cmpstr (empty, ==, "error: The file is empty.\n");
  g_assert_cmpstr (blank, ==, "error: The file is empty.\n");
  g_assert_cmpstr (binary, ==, "error: line 2: the file holds binary data, it is not a text "
                               "file\n");
}

static void
test_fails_on_a_huge_note (void)
{
  GString *vcf = g_string_new ("BEGIN:VCARD\nVERSION:3.0\nFN:A\nNOTE:");
  g_autofree char *out = NULL;

  for (guint i = 0; i < 2 * 1024 * 1024 / 64; i++)
    g_string_append (vcf, "0123456789012345678901234567890123456789012345678901234567890123");
  g_string_append (vcf, "\nEND:VCARD\n");
  out = dump (vcf->str, (gssize) vcf->len);

  g_assert_cmpstr (out, ==, "error: line 4: a line is longer than 1 MB\n");
  g_string_free (vcf, TRUE);
}

static void
test_sniffs_vcards (void)
{
  g_assert_true (rapport_vcard_sniff ("\xEF\xBB\xBF\r\nbegin:VCARD\r\n", 19));
  g_assert_true (rapport_vcard_sniff ("BEGIN:VCARD", 11));
  g_assert_false (rapport_vcard_sniff ("BEGIN:VCAR", 10));
  g_assert_false (rapport_vcard_sniff ("Name,BEGIN:VCARD", 16));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/import/vcard-reader/reads-a-3-0-card", test_reads_a_3_0_card);
  g_test_add_func ("/import/vcard-reader/unfolds-lines", test_unfolds_lines);
  g_test_add_func ("/import/vcard-reader/reads-quoted-printable-with-charsets",
                   test_reads_quoted_printable_with_charsets);
  g_test_add_func ("/import/vcard-reader/reads-4-0-preferences-and-uris",
                   test_reads_4_0_preferences_and_uris);
  g_test_add_func ("/import/vcard-reader/prefers-a-phone-over-a-fax",
                   test_prefers_a_phone_over_a_fax);
  g_test_add_func ("/import/vcard-reader/builds-the-name-from-n-or-org",
                   test_builds_the_name_from_n_or_org);
  g_test_add_func ("/import/vcard-reader/skips-an-embedded-photo", test_skips_an_embedded_photo);
  g_test_add_func ("/import/vcard-reader/reads-many-cards-with-groups-and-mixed-case",
                   test_reads_many_cards_with_groups_and_mixed_case);
  g_test_add_func ("/import/vcard-reader/reads-latin1-without-charset",
                   test_reads_latin1_without_charset);
  g_test_add_func ("/import/vcard-reader/names-the-card-without-end",
                   test_names_the_card_without_end);
  g_test_add_func ("/import/vcard-reader/fails-on-what-is-not-a-vcard",
                   test_fails_on_what_is_not_a_vcard);
  g_test_add_func ("/import/vcard-reader/fails-on-a-huge-note", test_fails_on_a_huge_note);
  g_test_add_func ("/import/vcard-reader/sniffs-vcards", test_sniffs_vcards);

  return g_test_run ();
}

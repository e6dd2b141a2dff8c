/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "rapport-csv-mapping.h"
#include "rapport-text-source.h"

G_BEGIN_DECLS

/* Longest value kept (a NOTE); longer lines are skipped when their property
 * is not one we import (a PHOTO), else they are an error. */
#define RAPPORT_VCARD_MAX_VALUE_SIZE (1024 * 1024)

#define RAPPORT_TYPE_VCARD_READER (rapport_vcard_reader_get_type ())

G_DECLARE_FINAL_TYPE (RapportVcardReader, rapport_vcard_reader, RAPPORT, VCARD_READER, GObject)

/* A streaming reader of .vcf files with one or many cards, vCard 2.1, 3.0 and
 * 4.0: folded lines, escapes, quoted-printable and CHARSET= (2.1), preferred
 * TEL and EMAIL first; PHOTO and other binary properties are skipped. */
RapportVcardReader *rapport_vcard_reader_new            (GInputStream       *stream);

/* Reads the next card. FALSE at the end (with @error unset) or when the file
 * cannot be read on: empty, not a vCard, binary data, a card without
 * END:VCARD (RAPPORT_ERROR_PARSE, naming the line). */
gboolean            rapport_vcard_reader_next           (RapportVcardReader *self,
                                                         GCancellable       *cancellable,
                                                         GError            **error);
/* The current card's value for @field (NAME, COMPANY, PHONE, EMAIL or NOTES),
 * or NULL. NAME is FN, else N as "Given Middle Family", else ORG. */
const char         *rapport_vcard_reader_get_value      (RapportVcardReader *self,
                                                         RapportImportField  field);
/* "2.1", "3.0", "4.0" (NULL if the card has no VERSION). */
const char         *rapport_vcard_reader_get_version    (RapportVcardReader *self);
/* The line of the current card's BEGIN:VCARD. */
guint               rapport_vcard_reader_get_line       (RapportVcardReader *self);
guint64             rapport_vcard_reader_get_bytes_read (RapportVcardReader *self);

/* Whether @data (the start of a file) looks like a vCard. */
gboolean            rapport_vcard_sniff                 (const char         *data,
                                                         gsize               len);

G_END_DECLS

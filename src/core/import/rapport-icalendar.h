/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* iCalendar (RFC 5545) content lines, written without a calendar library:
 * CRLF line ends, lines folded at 75 octets without splitting a character.
 * The exporter needs only to write a few properties; a library (and the ICU
 * it loads) would cost every start of the app and the CLI. */

/* NAME:VALUE with VALUE escaped as TEXT (backslash, semicolon, comma and
 * line breaks; other control characters dropped). */
void rapport_icalendar_add_text  (GString     *out,
                                  const char  *name,
                                  const char  *value);
/* NAME:VALUE as it is, for values that are not TEXT (dates, URIs, "2.0");
 * NAME may carry parameters ("DUE;VALUE=DATE"). */
void rapport_icalendar_add_value (GString     *out,
                                  const char  *name,
                                  const char  *value);
/* A DATE value: "20261123". */
char *rapport_icalendar_format_date (const GDate *date);
/* A UTC DATE-TIME value: "20261123T101500Z". */
char *rapport_icalendar_format_utc  (GDateTime   *time);

G_END_DECLS

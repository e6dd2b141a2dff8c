/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RAPPORT_ERROR (rapport_error_quark ())

/**
 * RapportError:
 * @RAPPORT_ERROR_INVALID: the input (from a person, a file or the network) is not valid
 * @RAPPORT_ERROR_NOT_FOUND: no such customer, follow-up or call
 * @RAPPORT_ERROR_DATABASE: SQLite failed for a reason not covered below
 * @RAPPORT_ERROR_NEWER_SCHEMA: the database was written by a newer Rapport
 * @RAPPORT_ERROR_CORRUPT: the file is not a Rapport database or is damaged
 * @RAPPORT_ERROR_READ_ONLY: the database or its folder cannot be written
 * @RAPPORT_ERROR_DISK_FULL: the disk (or the file size limit) is full
 * @RAPPORT_ERROR_BUSY: another program kept the database locked for too long
 * @RAPPORT_ERROR_PARSE: a file could not be read at all
 * @RAPPORT_ERROR_NETWORK: a network request failed
 * @RAPPORT_ERROR_CANCELLED: the user cancelled
 */
typedef enum {
  RAPPORT_ERROR_INVALID,
  RAPPORT_ERROR_NOT_FOUND,
  RAPPORT_ERROR_DATABASE,
  RAPPORT_ERROR_NEWER_SCHEMA,
  RAPPORT_ERROR_CORRUPT,
  RAPPORT_ERROR_READ_ONLY,
  RAPPORT_ERROR_DISK_FULL,
  RAPPORT_ERROR_BUSY,
  RAPPORT_ERROR_PARSE,
  RAPPORT_ERROR_NETWORK,
  RAPPORT_ERROR_CANCELLED,
} RapportError;

GQuark rapport_error_quark (void);

G_END_DECLS

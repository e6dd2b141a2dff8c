/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rapport-store.h"

G_BEGIN_DECLS

/* What every command gets: the opened store and the global options. */
typedef struct {
  RapportStore *store;
  const char   *database;   /* --database, or NULL for the default */
  GDate         today;      /* --today or the system date */
  const char   *prog;       /* "rapport-cli" */
} RapportCliContext;

typedef int (*RapportCliCommand) (RapportCliContext *ctx,
                                  int                argc,
                                  char             **argv);

/* Exit statuses: 2 for bad input (usage, unknown id, invalid value), 1 when
 * the environment fails (database cannot be opened or written). */
#define RAPPORT_CLI_EXIT_INPUT 2
#define RAPPORT_CLI_EXIT_FAILURE 1

/* Prints "rapport-cli: <message>" on stderr and returns the exit status that fits the error. */
int       rapport_cli_fail          (RapportCliContext *ctx,
                                     const GError      *error);
/* Prints a usage error and returns 2. */
int       rapport_cli_usage         (RapportCliContext *ctx,
                                     const char        *format,
                                     ...) G_GNUC_PRINTF (2, 3);
/* Parses a command's options; on failure prints the error and returns FALSE. */
gboolean  rapport_cli_parse         (RapportCliContext *ctx,
                                     GOptionContext    *options,
                                     int               *argc,
                                     char            ***argv,
                                     int               *status);
/* Parses an optional date option; NULL text leaves @out invalid. */
gboolean  rapport_cli_date          (const char        *option,
                                     const char        *text,
                                     GDate             *out,
                                     GError           **error);
/* Writes text to stdout, exactly. */
void      rapport_cli_print         (const char        *text);
/* Pads @text with spaces to @width characters (not bytes), for aligned columns;
 * line breaks in @text become " / " so that a row stays one line. */
void      rapport_cli_append_cell   (GString           *line,
                                     const char        *text,
                                     guint              width);
/* Appends @text (the last column) on one line, as rapport_cli_append_cell does. */
void      rapport_cli_append_text   (GString           *line,
                                     const char        *text);
/* The calls table (date, result, rating, staff, note) with a header line, every
 * line indented by two spaces; @calls (element-type RapportCall). */
void      rapport_cli_append_calls  (GString           *out,
                                     GPtrArray         *calls);

G_END_DECLS

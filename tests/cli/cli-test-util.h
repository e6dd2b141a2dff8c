/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Black-box helpers: run the real rapport-cli ($RAPPORT_CLI) against a fresh
 * temporary database, and look inside that database with SQLite itself. */

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct {
  char *dir;        /* a fresh temporary folder, removed at the end */
  char *db;         /* dir/rapport.db, passed as --database */
  char *today;      /* passed as --today */
} CliTest;

typedef struct {
  int   status;     /* the exit status (the run asserts the program exited, not crashed) */
  char *out;
  char *err;
} CliResult;

CliTest   *cli_test_new          (const char *today);
void       cli_test_free         (CliTest    *t);
/* Changes the --today of the following runs. */
void       cli_test_set_today    (CliTest    *t,
                                  const char *today);

void       cli_result_free       (CliResult  *r);

/* Runs rapport-cli with exactly these arguments (no --database, no --today);
 * with @t, its folder is also HOME and XDG_DATA_HOME of the run. */
CliResult *cli_run_argv          (CliTest            *t,
                                  const char * const *args);
/* Runs rapport-cli --database DB --today TODAY ARGS…; NULL-terminated. */
CliResult *cli_run               (CliTest    *t,
                                  ...) G_GNUC_NULL_TERMINATED;
CliResult *cli_run_va            (CliTest    *t,
                                  va_list     args);
/* Like cli_run, and asserts exit status 0 and nothing on stderr; returns stdout. */
char      *cli_ok                (CliTest    *t,
                                  ...) G_GNUC_NULL_TERMINATED;
/* Like cli_ok, for commands that print nothing when they succeed. */
void       cli_do                (CliTest    *t,
                                  ...) G_GNUC_NULL_TERMINATED;
/* Like cli_ok, and parses stdout as JSON. */
JsonNode  *cli_json              (CliTest    *t,
                                  ...) G_GNUC_NULL_TERMINATED;
/* customer add NAME OPTIONS…: asserts one line holding a UUID; returns the id. */
char      *cli_add_customer      (CliTest    *t,
                                  const char *name,
                                  ...) G_GNUC_NULL_TERMINATED;
/* Asserts the run fails with status 2, nothing on stdout, exactly one line on
 * stderr that contains every string of @expected (NULL-terminated), and the
 * database left exactly as it was (rows and file bytes). Returns stderr. */
char      *cli_fails             (CliTest            *t,
                                  const char * const *expected,
                                  ...) G_GNUC_NULL_TERMINATED;

/* Every row of every Rapport table, as text, read with the SQLite C API. */
char      *cli_db_dump           (const char *path);
/* The file's bytes, or NULL when it does not exist. */
GBytes    *cli_file_bytes        (const char *path);
gboolean   cli_file_exists       (const char *path);

/* The unique agenda / customer show / list objects. */
JsonObject *cli_json_object      (JsonNode   *node);
JsonArray  *cli_json_array       (JsonNode   *node);
/* The follow-up of @situation in a customer show object, preferring a
 * non-closed one; fails the test when there is none. */
JsonObject *cli_follow_up        (JsonObject *customer,
                                  const char *situation,
                                  gboolean    closed);
/* Asserts the object has exactly these member names, in any order (NULL-terminated). */
void        cli_assert_members   (JsonObject *object,
                                  ...) G_GNUC_NULL_TERMINATED;
/* Whether the member is JSON null. */
gboolean    cli_json_is_null     (JsonObject *object,
                                  const char *member);
/* The elements of a string array joined with ",". */
char       *cli_json_strings     (JsonArray  *array);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliTest, cli_test_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliResult, cli_result_free)

G_END_DECLS

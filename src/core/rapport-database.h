/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define RAPPORT_SCHEMA_VERSION 3
#define RAPPORT_APPLICATION_ID 0x52505054 /* "RPPT" */

#define RAPPORT_TYPE_DATABASE (rapport_database_get_type ())

G_DECLARE_FINAL_TYPE (RapportDatabase, rapport_database, RAPPORT, DATABASE, GObject)

typedef gboolean (*RapportTransactionFunc) (RapportDatabase *db,
                                            gpointer         user_data,
                                            GError         **error);

/* Opens or creates the file (0600, folder 0700), refuses a newer schema without
 * touching it, and migrates an older one, each step in one transaction. */
RapportDatabase *rapport_database_open            (const char       *path,
                                                   GError          **error);
const char      *rapport_database_get_path        (RapportDatabase  *self);
/* FALSE, with @error naming the file, when writing an export to @path would
 * replace a database (any SQLite file, Rapport's open one included) or one of
 * its -wal, -shm or -journal files. */
gboolean         rapport_database_check_not_database (const char    *path,
                                                      GError       **error);
sqlite3         *rapport_database_get_handle      (RapportDatabase  *self);
gboolean         rapport_database_is_read_only    (RapportDatabase  *self);
int              rapport_database_get_schema_version (RapportDatabase *self);

/* A prepared statement cached by the address of @sql (a static string), reset
 * and with its bindings cleared; NULL with @error set on failure. */
sqlite3_stmt    *rapport_database_prepare         (RapportDatabase  *self,
                                                   const char       *sql,
                                                   GError          **error);
/* Steps @stmt (bound, returning no row) once and resets it; FALSE with
 * @error set unless it is done. */
gboolean         rapport_database_step_done       (RapportDatabase  *self,
                                                   sqlite3_stmt     *stmt,
                                                   GError          **error);
/* The first column of the first row of @sql (no parameters), e.g. a count. */
gboolean         rapport_database_query_int64     (RapportDatabase  *self,
                                                   const char       *sql,
                                                   gint64           *out,
                                                   GError          **error);
gboolean         rapport_database_exec            (RapportDatabase  *self,
                                                   const char       *sql,
                                                   GError          **error);
/* Runs @func inside BEGIN IMMEDIATE … COMMIT, rolling back when it fails and
 * retrying the whole transaction while another process holds the lock. */
gboolean         rapport_database_transaction     (RapportDatabase  *self,
                                                   RapportTransactionFunc func,
                                                   gpointer          user_data,
                                                   GError          **error);
/* A number that changes whenever the customers table may have changed, through
 * this connection (any statement, trigger or import) or another one (the CLI,
 * a restore), so that what is derived from it can be kept until then. */
guint64          rapport_database_get_customers_serial (RapportDatabase *self);
/* SQLite's data_version: the same until another connection commits; -1 when
 * it cannot be read. */
gint64           rapport_database_get_data_version (RapportDatabase *self);
/* Sets @error from the connection's last error, as a sentence for a person. */
void             rapport_database_set_error       (RapportDatabase  *self,
                                                   int               rc,
                                                   GError          **error);

/* Binding helpers; NULL binds NULL. */
void             rapport_bind_text                (sqlite3_stmt     *stmt,
                                                   int               index,
                                                   const char       *text);
void             rapport_bind_date                (sqlite3_stmt     *stmt,
                                                   int               index,
                                                   const GDate      *date);
/* Reads an ISO date column into @out (invalid when NULL). */
void             rapport_column_date              (sqlite3_stmt     *stmt,
                                                   int               column,
                                                   GDate            *out);
const char      *rapport_column_text              (sqlite3_stmt     *stmt,
                                                   int               column);

char            *rapport_uuid_new                 (void);
/* How names sort: without case and accents, "Émile" as "emile". Also the SQL
 * function rapport_sort_key() on every connection the database opens. */
char            *rapport_sort_key                 (const char       *text);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "rapport-store.h"

G_BEGIN_DECLS

/* A private temporary folder, and its removal with everything inside. */
char         *safety_make_tmpdir         (void);
void          safety_remove_tree         (const char  *path);

/* One number or text from @sql, run on a plain SQLite connection to @db_path
 * (not through Rapport), so that checks see exactly what is on disk. */
gint64        safety_query_int           (const char  *db_path,
                                          const char  *sql);
char         *safety_query_text          (const char  *db_path,
                                          const char  *sql);

/* The same on an open connection, for many checks in a row. */
gint64        safety_db_int              (sqlite3     *db,
                                          const char  *sql);
char         *safety_db_text             (sqlite3     *db,
                                          const char  *sql);

/* The 2026-03-02 (a Monday) that every safety test calls today. */
void          safety_today               (GDate       *out);
/* Opens (creating) a store at @path with today set and @n customers added. */
RapportStore *safety_store_with_customers (const char *path,
                                          guint        n);

/* The whole content of @path, or NULL if it cannot be read. */
GBytes       *safety_read_bytes          (const char  *path);

char         *safety_worker_path         (void);

G_END_DECLS

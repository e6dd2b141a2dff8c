/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rapport-database.h"
#include "rapport-error.h"

struct _RapportDatabase
{
  GObject parent_instance;

  char *path;
  sqlite3 *db;
  GHashTable *statements; /* static SQL text → sqlite3_stmt */
  gboolean read_only;
  int schema_version;
  guint in_transaction;
  guint64 customers_serial;
  gint64 data_version;    /* as last read, to see other connections' commits */
};

G_DEFINE_FINAL_TYPE (RapportDatabase, rapport_database, G_TYPE_OBJECT)

/* Each entry takes the schema from the version before it to its own index + 1.
 * Released versions are never edited: a change is a new entry. */
static const char *migrations[] = {
  /* 1: the first schema. */
  "CREATE TABLE settings ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE TABLE customers ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  company TEXT NOT NULL DEFAULT '',"
  "  phone TEXT NOT NULL DEFAULT '',"
  "  phone_digits TEXT NOT NULL DEFAULT '',"
  "  email TEXT NOT NULL DEFAULT '',"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  since TEXT NOT NULL,"
  "  cadence_days INTEGER NOT NULL DEFAULT 0 CHECK (cadence_days BETWEEN 0 AND 3650),"
  "  phone_needs_check INTEGER NOT NULL DEFAULT 0,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  deleted_at TEXT"
  ");"
  "CREATE INDEX customers_name ON customers (name COLLATE NOCASE) WHERE deleted_at IS NULL;"
  "CREATE INDEX customers_email ON customers (email COLLATE NOCASE) WHERE deleted_at IS NULL AND email <> '';"
  "CREATE INDEX customers_phone_digits ON customers (phone_digits) WHERE deleted_at IS NULL AND phone_digits <> '';"
  "CREATE TABLE calls ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id),"
  "  day TEXT NOT NULL,"
  "  logged_at TEXT NOT NULL,"
  "  staff TEXT NOT NULL DEFAULT '',"
  "  result TEXT NOT NULL CHECK (result IN ('reached', 'callback', 'no-answer', 'voicemail', 'wrong-number')),"
  "  satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5),"
  "  problem_persists INTEGER NOT NULL DEFAULT 0,"
  "  callback_on TEXT,"
  "  note TEXT NOT NULL DEFAULT '',"
  "  situations TEXT NOT NULL DEFAULT '',"
  "  prev_phone_needs_check INTEGER NOT NULL DEFAULT 0,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  deleted_at TEXT"
  ");"
  "CREATE INDEX calls_customer ON calls (customer_id, day);"
  "CREATE INDEX calls_day ON calls (day);"
  "CREATE TABLE follow_ups ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id),"
  "  situation TEXT NOT NULL CHECK (situation IN ('irate', 'nothing-went-right', 'new', 'regular')),"
  "  state TEXT NOT NULL CHECK (state IN ('waiting', 'open', 'closed')),"
  "  flagged_on TEXT NOT NULL,"
  "  due TEXT,"
  "  attempts INTEGER NOT NULL DEFAULT 0,"
  "  note TEXT NOT NULL DEFAULT '',"
  "  corrected_on TEXT,"
  "  close_reason TEXT CHECK (close_reason IN ('satisfied', 'problem-persists', 'unreachable', 'cancelled')),"
  "  closed_on TEXT,"
  "  closed_by_call INTEGER REFERENCES calls (id),"
  "  opened_by_call INTEGER REFERENCES calls (id),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  deleted_at TEXT,"
  "  CHECK ((state = 'open') = (due IS NOT NULL)),"
  "  CHECK ((state = 'closed') = (close_reason IS NOT NULL))"
  ");"
  /* At most one open (or waiting) follow-up per customer and situation. */
  "CREATE UNIQUE INDEX follow_ups_one_open ON follow_ups (customer_id, situation)"
  "  WHERE state <> 'closed' AND deleted_at IS NULL;"
  "CREATE INDEX follow_ups_due ON follow_ups (due, customer_id) WHERE state = 'open' AND deleted_at IS NULL;"
  "CREATE INDEX follow_ups_customer ON follow_ups (customer_id);"
  "CREATE INDEX follow_ups_closed ON follow_ups (closed_on) WHERE state = 'closed';"
  /* What a call changed, so that Undo can put it back exactly. */
  "CREATE TABLE call_effects ("
  "  call_id INTEGER NOT NULL REFERENCES calls (id),"
  "  follow_up_id INTEGER NOT NULL REFERENCES follow_ups (id),"
  "  prev_state TEXT NOT NULL,"
  "  prev_due TEXT,"
  "  prev_attempts INTEGER NOT NULL,"
  "  prev_note TEXT NOT NULL,"
  "  prev_close_reason TEXT,"
  "  prev_closed_on TEXT,"
  "  prev_closed_by_call INTEGER,"
  "  prev_updated_at TEXT NOT NULL,"
  "  PRIMARY KEY (call_id, follow_up_id)"
  ");"
  "CREATE VIRTUAL TABLE customers_fts USING fts5 ("
  "  name, company, phone, phone_digits, email, notes,"
  "  tokenize = 'trigram'"
  ");"
  "CREATE TRIGGER customers_fts_insert AFTER INSERT ON customers WHEN new.deleted_at IS NULL BEGIN"
  "  INSERT INTO customers_fts (rowid, name, company, phone, phone_digits, email, notes)"
  "  VALUES (new.id, new.name, new.company, new.phone, new.phone_digits, new.email, new.notes);"
  "END;"
  "CREATE TRIGGER customers_fts_update AFTER UPDATE OF name, company, phone, phone_digits, email, notes, deleted_at ON customers BEGIN"
  "  DELETE FROM customers_fts WHERE rowid = old.id;"
  "  INSERT INTO customers_fts (rowid, name, company, phone, phone_digits, email, notes)"
  "  SELECT new.id, new.name, new.company, new.phone, new.phone_digits, new.email, new.notes"
  "  WHERE new.deleted_at IS NULL;"
  "END;"
  "CREATE TRIGGER customers_fts_delete AFTER DELETE ON customers BEGIN"
  "  DELETE FROM customers_fts WHERE rowid = old.id;"
  "END;"
  "CREATE TABLE outbox ("
  "  id INTEGER PRIMARY KEY,"
  "  uuid TEXT NOT NULL UNIQUE,"
  "  kind TEXT NOT NULL,"
  "  payload TEXT NOT NULL,"
  "  attempts INTEGER NOT NULL DEFAULT 0,"
  "  next_attempt_at TEXT NOT NULL,"
  "  last_error TEXT,"
  "  delivered_at TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  deleted_at TEXT"
  ");",

  /* 2: customers sorted by a key that ignores case and accents ("Émile"
   * among the E's), kept by triggers so every writer gets it right. */
  "ALTER TABLE customers ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';"
  "UPDATE customers SET sort_key = rapport_sort_key (name);"
  "CREATE INDEX customers_sort_key ON customers (sort_key, id) WHERE deleted_at IS NULL;"
  /* Lists no longer sort by name; its index would only slow every insert. */
  "DROP INDEX customers_name;"
  /* Writers that give the key (the store does) spare the extra update. */
  "CREATE TRIGGER customers_sort_key_insert AFTER INSERT ON customers WHEN new.sort_key = '' BEGIN"
  "  UPDATE customers SET sort_key = rapport_sort_key (new.name) WHERE id = new.id;"
  "END;"
  "CREATE TRIGGER customers_sort_key_update AFTER UPDATE OF name ON customers BEGIN"
  "  UPDATE customers SET sort_key = rapport_sort_key (new.name) WHERE id = new.id;"
  "END;",

  /* 3: a search index a third the size and three times quicker to fill. It
   * keeps no copy of the texts (content=''; a search reads them from
   * customers and checks every word there), no positions (detail=none: a
   * word is looked up as all its trigrams) and no column sizes. Being
   * contentless, a row leaves it by a 'delete' with the values it went in
   * with, which the triggers have as old.*. */
  "DROP TRIGGER customers_fts_insert;"
  "DROP TRIGGER customers_fts_update;"
  "DROP TRIGGER customers_fts_delete;"
  "DROP TABLE customers_fts;"
  "CREATE VIRTUAL TABLE customers_fts USING fts5 ("
  "  name, company, phone, phone_digits, email, notes,"
  "  tokenize = 'trigram', detail = none, columnsize = 0, content = ''"
  ");"
  /* A bulk fill (this one, an import's) writes its trigrams out in one
   * piece instead of one piece per MiB, each merged with the others: a
   * fifth quicker. Single writes never hold that much. */
  "INSERT INTO customers_fts (customers_fts, rank) VALUES ('hashsize', 8388608);"
  /* In rowid order: FTS5 writes its pending rows out whenever a rowid is
   * lower than the last (the sort-key index's order made this 6 times
   * slower). */
  "INSERT INTO customers_fts (rowid, name, company, phone, phone_digits, email, notes)"
  "  SELECT id, name, company, phone, phone_digits, email, notes FROM customers"
  "  WHERE deleted_at IS NULL ORDER BY id;"
  "CREATE TRIGGER customers_fts_insert AFTER INSERT ON customers WHEN new.deleted_at IS NULL BEGIN"
  "  INSERT INTO customers_fts (rowid, name, company, phone, phone_digits, email, notes)"
  "  VALUES (new.id, new.name, new.company, new.phone, new.phone_digits, new.email, new.notes);"
  "END;"
  "CREATE TRIGGER customers_fts_update AFTER UPDATE OF name, company, phone, phone_digits, email, notes, deleted_at ON customers BEGIN"
  "  INSERT INTO customers_fts (customers_fts, rowid, name, company, phone, phone_digits, email, notes)"
  "  SELECT 'delete', old.id, old.name, old.company, old.phone, old.phone_digits, old.email, old.notes"
  "  WHERE old.deleted_at IS NULL;"
  "  INSERT INTO customers_fts (rowid, name, company, phone, phone_digits, email, notes)"
  "  SELECT new.id, new.name, new.company, new.phone, new.phone_digits, new.email, new.notes"
  "  WHERE new.deleted_at IS NULL;"
  "END;"
  "CREATE TRIGGER customers_fts_delete AFTER DELETE ON customers WHEN old.deleted_at IS NULL BEGIN"
  "  INSERT INTO customers_fts (customers_fts, rowid, name, company, phone, phone_digits, email, notes)"
  "  VALUES ('delete', old.id, old.name, old.company, old.phone, old.phone_digits, old.email, old.notes);"
  "END;",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == RAPPORT_SCHEMA_VERSION);

static void
rapport_database_finalize (GObject *object)
{
  RapportDatabase *self = (RapportDatabase *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close_v2 (self->db);
  g_free (self->path);

  G_OBJECT_CLASS (rapport_database_parent_class)->finalize (object);
}

static void
rapport_database_class_init (RapportDatabaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rapport_database_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
update_hook_cb (void          *user_data,
                int            op,
                const char    *database,
                const char    *table,
                sqlite3_int64  rowid)
{
  RapportDatabase *self = user_data;

  if (strcmp (table, "customers") == 0)
    self->customers_serial++;
}

gint64
rapport_database_get_data_version (RapportDatabase *self)
{
  static const char sql[] = "PRAGMA data_version";
  sqlite3_stmt *stmt = rapport_database_prepare (self, sql, NULL);
  gint64 version = -1;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return version;
}

guint64
rapport_database_get_customers_serial (RapportDatabase *self)
{
  gint64 version = rapport_database_get_data_version (self);

  /* data_version moves when another connection commits; it cannot say which
   * table, so any outside commit counts as a change of the customers. */
  if (version < 0 || version != self->data_version)
    {
      self->data_version = version;
      self->customers_serial++;
    }
  return self->customers_serial;
}

static void
rapport_database_init (RapportDatabase *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
}

void
rapport_database_set_error (RapportDatabase  *self,
                            int               rc,
                            GError          **error)
{
  const char *detail = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_FULL:
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_DISK_FULL,
                           _("Rapport could not save: the disk is full"));
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_READ_ONLY,
                   _("Rapport could not save: “%s” cannot be written"), self->path);
      break;
    case SQLITE_IOERR:
      /* A file size limit shows up as a write error, not as SQLITE_FULL. */
      if (rc == SQLITE_IOERR_WRITE || rc == SQLITE_IOERR_FSYNC || rc == SQLITE_IOERR_TRUNCATE)
        g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_DISK_FULL,
                             _("Rapport could not save: the disk is full"));
      else
        g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_DATABASE,
                     _("Rapport could not read or write “%s”: %s"), self->path, detail);
      break;
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_CORRUPT,
                   _("“%s” is not a Rapport database or it is damaged"), self->path);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_BUSY,
                           _("Another program kept the database busy for too long; please try again"));
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("The change breaks a rule of the database: %s"), detail);
      break;
    default:
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_DATABASE,
                   _("Database error in “%s”: %s"), self->path, detail);
    }
}

sqlite3_stmt *
rapport_database_prepare (RapportDatabase  *self,
                          const char       *sql,
                          GError          **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }
  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      rapport_database_set_error (self, rc, error);
      return NULL;
    }
  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
rapport_database_exec (RapportDatabase  *self,
                       const char       *sql,
                       GError          **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      rapport_database_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static void
reset_statements (RapportDatabase *self)
{
  GHashTableIter iter;
  gpointer stmt;

  /* A statement left mid-step would keep a read transaction open. */
  g_hash_table_iter_init (&iter, self->statements);
  while (g_hash_table_iter_next (&iter, NULL, &stmt))
    sqlite3_reset (stmt);
}

gboolean
rapport_database_transaction (RapportDatabase        *self,
                              RapportTransactionFunc  func,
                              gpointer                user_data,
                              GError                **error)
{
  /* Nested use (a component calling another inside our transaction) runs inline. */
  if (self->in_transaction > 0)
    return func (self, user_data, error);

  if (self->read_only)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_READ_ONLY,
                   _("Rapport could not save: “%s” cannot be written"), self->path);
      return FALSE;
    }

  for (guint attempt = 0;; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      gboolean ok;
      int rc;

      reset_statements (self);
      rc = sqlite3_exec (self->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        {
          self->in_transaction++;
          ok = func (self, user_data, &local_error);
          self->in_transaction--;
          reset_statements (self);
          if (ok)
            {
              rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
              if (rc == SQLITE_OK)
                return TRUE;
            }
          else
            rc = local_error && g_error_matches (local_error, RAPPORT_ERROR, RAPPORT_ERROR_BUSY)
                 ? SQLITE_BUSY : SQLITE_ERROR;
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          if (!ok && rc != SQLITE_BUSY)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }
        }
      /* Busy despite the timeout: another writer holds the lock for long; the
       * whole transaction runs again, from a fresh view of the data. */
      if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
        {
          if (attempt < 20)
            {
              g_usleep (G_USEC_PER_SEC / 20 * (attempt + 1));
              continue;
            }
        }
      rapport_database_set_error (self, rc, error);
      return FALSE;
    }
}

char *
rapport_sort_key (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text ? text : "", "C");
  return g_ascii_strdown (ascii, -1);
}

static void
sort_key_func (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  g_autofree char *key = rapport_sort_key ((const char *) sqlite3_value_text (argv[0]));
  sqlite3_result_text (context, key, -1, SQLITE_TRANSIENT);
}

gboolean
rapport_database_query_int64 (RapportDatabase  *self,
                              const char       *sql,
                              gint64           *out,
                              GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (RAPPORT_IS_DATABASE (self), FALSE);

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          *out = sqlite3_column_int64 (stmt, 0);
          rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_OK)
    {
      rapport_database_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
query_int (RapportDatabase  *self,
           const char       *sql,
           int              *out,
           GError          **error)
{
  gint64 value = 0;

  if (!rapport_database_query_int64 (self, sql, &value, error))
    return FALSE;
  *out = (int) value;
  return TRUE;
}

static gboolean
migrate (RapportDatabase  *self,
         int               from,
         GError          **error)
{
  for (int v = from; v < RAPPORT_SCHEMA_VERSION; v++)
    {
      g_autofree char *bump = NULL;
      int rc;

      int now;

      if (!rapport_database_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;
      /* Another program (a second rapport-cli, the app) may have migrated
       * the file since we looked: look again, under the write lock. */
      if (!query_int (self, "PRAGMA user_version", &now, error))
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      if (now > v)
        {
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          v = now - 1;
          continue;
        }
      bump = g_strdup_printf ("PRAGMA user_version = %d; PRAGMA application_id = %d;",
                              v + 1, RAPPORT_APPLICATION_ID);
      rc = sqlite3_exec (self->db, migrations[v], NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (self->db, bump, NULL, NULL, NULL);
      if (rc == SQLITE_OK)
        rc = sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
      if (rc != SQLITE_OK)
        {
          rapport_database_set_error (self, rc, error);
          sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
          return FALSE;
        }
      g_debug ("Migrated %s to schema %d", self->path, v + 1);
    }
  self->schema_version = RAPPORT_SCHEMA_VERSION;
  return TRUE;
}

/* Creates the file for its owner only before SQLite opens it; SQLite gives
 * the -wal and -shm files the same permissions. */
static gboolean
ensure_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_READ_ONLY,
                   _("Rapport could not create the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      if (saved == EEXIST)
        return TRUE;
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_READ_ONLY,
                   _("Rapport could not create “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static gboolean
folder_writable (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  return access (dir, W_OK | X_OK) == 0;
}

/* A WAL database opened read-only needs a -shm file beside it; when the folder
 * cannot take one, SQLite can still read the file as it is on disk. */
static int
open_read_only (RapportDatabase *self,
                const char      *path)
{
  g_autofree char *uri = NULL;
  g_autofree char *immutable = NULL;
  int rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_exec (self->db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
  /* Not a database at all: the caller's checks say so in their own words. */
  if (rc == SQLITE_OK || (rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
    return SQLITE_OK;
  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri == NULL)
    return rc;
  sqlite3_close_v2 (self->db);
  self->db = NULL;
  immutable = g_strconcat (uri, "?immutable=1", NULL);
  return sqlite3_open_v2 (immutable, &self->db,
                          SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_URI, NULL);
}

static gboolean
read_header (RapportDatabase  *self,
             int              *version,
             int              *app_id,
             int              *n_tables,
             GError          **error)
{
  static const char sql[] =
    "SELECT (SELECT user_version FROM pragma_user_version),"
    " (SELECT application_id FROM pragma_application_id),"
    " (SELECT count(*) FROM sqlite_schema)";
  sqlite3_stmt *stmt = rapport_database_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *version = sqlite3_column_int (stmt, 0);
      *app_id = sqlite3_column_int (stmt, 1);
      *n_tables = sqlite3_column_int (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      rapport_database_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Switches to write-ahead logging unless another program did already. The
 * switch wants the file to itself: while others open it at the same moment
 * (several rapport-cli on a new file) it is tried again for a few seconds. */
static gboolean
use_wal (RapportDatabase  *self,
         GError          **error)
{
  for (guint attempt = 0;; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      sqlite3_stmt *stmt = rapport_database_prepare (self, "PRAGMA journal_mode", error);
      gboolean wal = FALSE;

      if (stmt == NULL)
        return FALSE;
      if (sqlite3_step (stmt) == SQLITE_ROW)
        wal = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "wal") == 0;
      sqlite3_reset (stmt);
      if (wal || rapport_database_exec (self, "PRAGMA journal_mode = WAL", &local_error))
        return TRUE;
      if (!g_error_matches (local_error, RAPPORT_ERROR, RAPPORT_ERROR_BUSY) || attempt >= 50)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_usleep (100 * 1000);
    }
}

RapportDatabase *
rapport_database_open (const char  *path,
                       GError     **error)
{
  g_autoptr(RapportDatabase) self = NULL;
  int version = 0, app_id = 0, n_tables = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (RAPPORT_TYPE_DATABASE, NULL);
  self->path = g_strdup (path);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_CORRUPT,
                   _("“%s” is a folder, not a Rapport database"), path);
      return NULL;
    }
  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !ensure_private_file (path, error))
    return NULL;

  /* RAPPORT_FORCE_READ_ONLY=1 lets tests take the read-only path even as root,
   * who can write any file. */
  if (g_strcmp0 (g_getenv ("RAPPORT_FORCE_READ_ONLY"), "1") == 0)
    rc = SQLITE_READONLY;
  else
    rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  /* SQLite quietly opens a write-protected file read-only; and a folder that
   * cannot take the -wal and -shm files makes the database read-only too. */
  if (rc == SQLITE_OK && (access (path, W_OK) != 0 || !folder_writable (path)))
    rc = SQLITE_READONLY;
  if (rc != SQLITE_OK)
    {
      /* An unwritable file or folder: go on read-only so people can still look. */
      sqlite3_close_v2 (self->db);
      self->db = NULL;
      rc = open_read_only (self, path);
      if (rc != SQLITE_OK)
        {
          g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_READ_ONLY,
                       _("Rapport could not open “%s”: %s"), path,
                       self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc));
          return NULL;
        }
      self->read_only = TRUE;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_update_hook (self->db, update_hook_cb, self);
  sqlite3_create_function (self->db, "rapport_sort_key", 1,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, sort_key_func, NULL, NULL);

  /* Look before touching anything: the header tells the schema and the owner.
   * One statement, one snapshot: read one by one, the values could straddle
   * another program's first migration (tables without the owner's id yet). */
  if (!read_header (self, &version, &app_id, &n_tables, error))
    return NULL;

  if (version > RAPPORT_SCHEMA_VERSION)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NEWER_SCHEMA,
                   _("“%s” was written by a newer version of Rapport (schema %d; this version knows up to %d). Update Rapport to open it."),
                   path, version, RAPPORT_SCHEMA_VERSION);
      return NULL;
    }
  if ((app_id != 0 && app_id != RAPPORT_APPLICATION_ID) ||
      (app_id == 0 && n_tables > 0))
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_CORRUPT,
                   _("“%s” is a database of another program, not of Rapport"), path);
      return NULL;
    }

  if (!self->read_only && !use_wal (self, error))
    return NULL;
  if (!rapport_database_exec (self, "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;", error))
    return NULL;
  /* Statement journals (every statement whose triggers write: the FTS and
   * sort-key triggers) and sorts stay in memory instead of temporary files:
   * writing customers gets about twice as fast. (A page cache larger than
   * SQLite's 2 MB bought little once this was done, and showed in the app's
   * memory.) */
  if (!rapport_database_exec (self, "PRAGMA temp_store = MEMORY;", error))
    return NULL;

  self->schema_version = version;
  if (version < RAPPORT_SCHEMA_VERSION)
    {
      if (self->read_only)
        {
          g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_READ_ONLY,
                       _("“%s” needs an upgrade but cannot be written"), path);
          return NULL;
        }
      if (!migrate (self, version, error))
        return NULL;
    }

  return g_steal_pointer (&self);
}

const char *rapport_database_get_path (RapportDatabase *self) { return self->path; }

gboolean
rapport_database_step_done (RapportDatabase  *self,
                            sqlite3_stmt     *stmt,
                            GError          **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_database_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Whether @path starts like an SQLite database. */
static gboolean
looks_like_database (const char *path)
{
  static const char header[16] = "SQLite format 3";   /* with its NUL */
  char start[16];
  gboolean same = FALSE;
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);

  if (fd < 0)
    return FALSE;
  if (read (fd, start, sizeof start) == (ssize_t) sizeof start)
    same = memcmp (start, header, sizeof header) == 0;
  close (fd);
  return same;
}

gboolean
rapport_database_check_not_database (const char  *path,
                                     GError     **error)
{
  static const char * const companions[] = { "-wal", "-shm", "-journal" };
  g_autofree char *name = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  if (looks_like_database (path))
    goto refuse;
  for (guint i = 0; i < G_N_ELEMENTS (companions); i++)
    if (g_str_has_suffix (path, companions[i]))
      {
        g_autofree char *main_file = g_strndup (path, strlen (path) - strlen (companions[i]));

        if (looks_like_database (main_file))
          goto refuse;
      }
  return TRUE;

refuse:
  name = g_filename_display_name (path);
  g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
               _("“%s” is a database: an export never replaces one. Choose another file name."), name);
  return FALSE;
}
sqlite3 *rapport_database_get_handle (RapportDatabase *self) { return self->db; }
gboolean rapport_database_is_read_only (RapportDatabase *self) { return self->read_only; }
int rapport_database_get_schema_version (RapportDatabase *self) { return self->schema_version; }

void
rapport_bind_text (sqlite3_stmt *stmt,
                   int           index,
                   const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

void
rapport_bind_date (sqlite3_stmt *stmt,
                   int           index,
                   const GDate  *date)
{
  if (date == NULL || !g_date_valid (date))
    sqlite3_bind_null (stmt, index);
  else
    {
      char buf[16];
      g_snprintf (buf, sizeof buf, "%04u-%02u-%02u", g_date_get_year (date),
                  g_date_get_month (date), g_date_get_day (date));
      sqlite3_bind_text (stmt, index, buf, -1, SQLITE_TRANSIENT);
    }
}

void
rapport_column_date (sqlite3_stmt *stmt,
                     int           column,
                     GDate        *out)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  g_date_clear (out, 1);
  /* By hand: sscanf cost more than the rest of reading an agenda row. */
  if (text != NULL && sqlite3_column_bytes (stmt, column) >= 10 && text[4] == '-' && text[7] == '-')
    {
      guint y = 0, m = 0, d = 0;
      gboolean digits = TRUE;

      for (int i = 0; i < 10; i++)
        if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
          digits = FALSE;
      if (digits)
        {
          y = (text[0] - '0') * 1000u + (text[1] - '0') * 100u + (text[2] - '0') * 10u + (text[3] - '0');
          m = (text[5] - '0') * 10u + (text[6] - '0');
          d = (text[8] - '0') * 10u + (text[9] - '0');
        }
      if (digits && g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
        g_date_set_dmy (out, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
    }
}

const char *
rapport_column_text (sqlite3_stmt *stmt,
                     int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);
  return text ? text : "";
}

char *
rapport_uuid_new (void)
{
  return g_uuid_string_random ();
}

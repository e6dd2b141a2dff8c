/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-date.h"
#include "rapport-error.h"
#include "rapport-model-private.h"
#include "rapport-search-index.h"
#include "rapport-store-private.h"

struct _RapportStore
{
  GObject parent_instance;

  RapportDatabase *db;
  RapportRules rules;
  GDate today;          /* invalid: the system date */
  char *staff;
  RapportSearchIndex *search_index;  /* made on the first search of a list */
};

G_DEFINE_FINAL_TYPE (RapportStore, rapport_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const struct {
  const char *key;
  gsize offset;
} rule_keys[] = {
  { "rules.new-days", G_STRUCT_OFFSET (RapportRules, new_days) },
  { "rules.irate-days", G_STRUCT_OFFSET (RapportRules, irate_days) },
  { "rules.corrected-days", G_STRUCT_OFFSET (RapportRules, corrected_days) },
  { "rules.retry-days", G_STRUCT_OFFSET (RapportRules, retry_days) },
  { "rules.max-attempts", G_STRUCT_OFFSET (RapportRules, max_attempts) },
  { "rules.default-cadence", G_STRUCT_OFFSET (RapportRules, default_cadence) },
};

static void
rapport_store_finalize (GObject *object)
{
  RapportStore *self = (RapportStore *) object;

  g_clear_object (&self->search_index);
  g_clear_object (&self->db);
  g_free (self->staff);

  G_OBJECT_CLASS (rapport_store_parent_class)->finalize (object);
}

static void
rapport_store_class_init (RapportStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rapport_store_finalize;

  /**
   * RapportStore::changed:
   * Emitted after every committed change to customers, follow-ups, calls or
   * settings, so that views can refresh.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);
}

static void
rapport_store_init (RapportStore *self)
{
  rapport_rules_init_defaults (&self->rules);
  g_date_clear (&self->today, 1);
}

char *
rapport_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "rapport", "rapport.db", NULL);
}

static void
load_rules (RapportStore *self)
{
  RapportRules rules;

  rapport_rules_init_defaults (&rules);
  for (guint i = 0; i < G_N_ELEMENTS (rule_keys); i++)
    {
      g_autofree char *value = rapport_store_get_setting (self, rule_keys[i].key);
      guint64 v;
      if (value && g_ascii_string_to_unsigned (value, 10, 0, 3650, &v, NULL))
        G_STRUCT_MEMBER (guint, &rules, rule_keys[i].offset) = (guint) v;
    }
  {
    g_autofree char *days = rapport_store_get_setting (self, "rules.business-days");
    guint mask;
    if (days && rapport_business_days_parse (days, &mask, NULL))
      rules.business_days = mask;
  }
  if (rapport_rules_validate (&rules, NULL))
    self->rules = rules;
}

RapportStore *
rapport_store_open (const char  *path,
                    GError     **error)
{
  g_autoptr(RapportStore) self = NULL;
  g_autofree char *default_path = NULL;
  const char *real_name;

  if (path == NULL)
    path = default_path = rapport_store_default_path ();

  self = g_object_new (RAPPORT_TYPE_STORE, NULL);
  self->db = rapport_database_open (path, error);
  if (self->db == NULL)
    return NULL;

  real_name = g_get_real_name ();
  self->staff = g_strdup (real_name && *real_name && g_strcmp0 (real_name, "Unknown") != 0
                          ? real_name : g_get_user_name ());
  load_rules (self);
  return g_steal_pointer (&self);
}

const char *rapport_store_get_path (RapportStore *self) { return rapport_database_get_path (self->db); }
RapportDatabase *rapport_store_get_database (RapportStore *self) { return self->db; }
gboolean rapport_store_is_read_only (RapportStore *self) { return rapport_database_is_read_only (self->db); }
RapportDatabase *_rapport_store_db (RapportStore *self) { return self->db; }
const RapportRules *_rapport_store_rules (RapportStore *self) { return &self->rules; }

void
_rapport_store_emit_changed (RapportStore *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

gint64
rapport_store_get_outside_version (RapportStore *self)
{
  g_return_val_if_fail (RAPPORT_IS_STORE (self), 0);
  return rapport_database_get_data_version (self->db);
}

void
rapport_store_get_today (RapportStore *self,
                         GDate        *out)
{
  if (g_date_valid (&self->today))
    *out = self->today;
  else
    rapport_date_set_today (out);
}

void
rapport_store_set_today (RapportStore *self,
                         const GDate  *today)
{
  if (today == NULL || !g_date_valid (today))
    g_date_clear (&self->today, 1);
  else
    self->today = *today;
}

void
_rapport_store_day (RapportStore *self,
                    const GDate  *date,
                    GDate        *out)
{
  if (date != NULL && g_date_valid (date))
    *out = *date;
  else
    rapport_store_get_today (self, out);
}

const char *
rapport_store_get_staff (RapportStore *self)
{
  return self->staff;
}

void
rapport_store_set_staff (RapportStore *self,
                         const char   *staff)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (staff ? staff : ""));

  if (*trimmed == '\0')
    return;
  g_free (self->staff);
  self->staff = g_steal_pointer (&trimmed);
}

/* Settings */

char *
rapport_store_get_setting (RapportStore *self,
                           const char   *key)
{
  static const char sql[] = "SELECT value FROM settings WHERE key = ?1";
  sqlite3_stmt *stmt = rapport_database_prepare (self->db, sql, NULL);
  char *value = NULL;

  if (stmt == NULL)
    return NULL;
  rapport_bind_text (stmt, 1, key);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup (rapport_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return value;
}

typedef struct {
  const char *key;
  const char *value;
} SettingWrite;

static gboolean
write_setting (RapportDatabase *db,
               const char      *key,
               const char      *value,
               GError         **error)
{
  static const char sql[] =
    "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)"
    " ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at";
  sqlite3_stmt *stmt = rapport_database_prepare (db, sql, error);
  g_autofree char *now = rapport_timestamp_now ();

  if (stmt == NULL)
    return FALSE;
  rapport_bind_text (stmt, 1, key);
  rapport_bind_text (stmt, 2, value);
  rapport_bind_text (stmt, 3, now);
  return rapport_database_step_done (db, stmt, error);
}

static gboolean
set_setting_cb (RapportDatabase *db,
                gpointer         user_data,
                GError         **error)
{
  SettingWrite *w = user_data;
  return write_setting (db, w->key, w->value, error);
}

gboolean
rapport_store_set_setting (RapportStore  *self,
                           const char    *key,
                           const char    *value,
                           GError       **error)
{
  SettingWrite w = { key, value ? value : "" };

  if (!rapport_database_transaction (self->db, set_setting_cb, &w, error))
    return FALSE;
  _rapport_store_emit_changed (self);
  return TRUE;
}

void
rapport_store_get_rules (RapportStore *self,
                         RapportRules *out)
{
  *out = self->rules;
}

static gboolean
set_rules_cb (RapportDatabase *db,
              gpointer         user_data,
              GError         **error)
{
  const RapportRules *rules = user_data;
  g_autofree char *days = rapport_business_days_to_string (rules->business_days);

  if (!write_setting (db, "rules.business-days", days, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (rule_keys); i++)
    {
      char buf[16];
      g_snprintf (buf, sizeof buf, "%u", G_STRUCT_MEMBER (guint, rules, rule_keys[i].offset));
      if (!write_setting (db, rule_keys[i].key, buf, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
rapport_store_set_rules (RapportStore       *self,
                         const RapportRules *rules,
                         GError            **error)
{
  if (!rapport_rules_validate (rules, error))
    return FALSE;
  if (!rapport_database_transaction (self->db, set_rules_cb, (gpointer) rules, error))
    return FALSE;
  self->rules = *rules;
  _rapport_store_emit_changed (self);
  return TRUE;
}

/* Customers */

#define CUSTOMER_COLUMNS RAPPORT_CUSTOMER_COLUMNS

RapportCustomer *
_rapport_customer_from_row (sqlite3_stmt *stmt,
                            int           c)
{
  GDate since;

  rapport_column_date (stmt, c + 7, &since);
  return _rapport_customer_new_stored (sqlite3_column_int64 (stmt, c),
                                       rapport_column_text (stmt, c + 1),
                                       rapport_column_text (stmt, c + 2),
                                       rapport_column_text (stmt, c + 3),
                                       rapport_column_text (stmt, c + 4),
                                       rapport_column_text (stmt, c + 5),
                                       rapport_column_text (stmt, c + 6),
                                       &since,
                                       (guint) sqlite3_column_int (stmt, c + 8),
                                       sqlite3_column_int (stmt, c + 9) != 0,
                                       rapport_column_text (stmt, c + 10),
                                       rapport_column_text (stmt, c + 11));
}

RapportCustomer *
_rapport_store_load_customer (RapportStore  *self,
                              gint64         rowid,
                              GError       **error)
{
  static const char sql[] =
    "SELECT " CUSTOMER_COLUMNS " FROM customers WHERE id = ?1 AND deleted_at IS NULL";
  sqlite3_stmt *stmt = rapport_database_prepare (self->db, sql, error);
  RapportCustomer *customer = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, rowid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    customer = _rapport_customer_from_row (stmt, 0);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                         _("The customer no longer exists"));
  else
    rapport_database_set_error (self->db, rc, error);
  sqlite3_reset (stmt);
  return customer;
}

static gboolean
looks_like_id (const char *id)
{
  if (id == NULL || strlen (id) < 4 || strlen (id) > 36)
    return FALSE;
  for (const char *p = id; *p; p++)
    if (!g_ascii_isxdigit (*p) && *p != '-')
      return FALSE;
  return TRUE;
}

/* The internal rowid of a live customer given its id or a unique prefix of it. */
gint64
_rapport_store_resolve_customer (RapportStore  *self,
                                 const char    *id,
                                 GError       **error)
{
  /* The pattern is bound whole ("abcd*"), not built in SQL, so that SQLite
   * can turn the GLOB into a range of the uuid index instead of a scan. */
  static const char sql[] =
    "SELECT id FROM customers WHERE uuid GLOB ?1 AND deleted_at IS NULL LIMIT 2";
  g_autofree char *lower = NULL;
  g_autofree char *pattern = NULL;
  sqlite3_stmt *stmt;
  gint64 rowid = 0;
  guint n = 0;
  int rc;

  if (!looks_like_id (id))
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                   _("There is no customer with the id “%s”"), id ? id : "");
      return 0;
    }
  /* Only hex digits and dashes (looks_like_id): nothing in it is a wildcard. */
  lower = g_ascii_strdown (id, -1);
  pattern = g_strconcat (lower, "*", NULL);
  stmt = rapport_database_prepare (self->db, sql, error);
  if (stmt == NULL)
    return 0;
  rapport_bind_text (stmt, 1, pattern);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      rowid = sqlite3_column_int64 (stmt, 0);
      n++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_database_set_error (self->db, rc, error);
      return 0;
    }
  if (n == 0)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                   _("There is no customer with the id “%s”"), id);
      return 0;
    }
  if (n > 1)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                   _("The id “%s” matches more than one customer: give more of it"), id);
      return 0;
    }
  return rowid;
}

RapportCustomer *
rapport_store_get_customer (RapportStore  *self,
                            const char    *id,
                            GError       **error)
{
  gint64 rowid = _rapport_store_resolve_customer (self, id, error);

  if (rowid == 0)
    return NULL;
  return _rapport_store_load_customer (self, rowid, error);
}

gboolean
_rapport_store_insert_customer (RapportStore     *self,
                                RapportCustomer  *customer,
                                gboolean          open_new_follow_up,
                                GError          **error)
{
  static const char sql[] =
    "INSERT INTO customers (uuid, name, company, phone, phone_digits, email, notes, since,"
    " cadence_days, phone_needs_check, created_at, updated_at, sort_key)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?12)";
  g_autofree char *uuid = rapport_uuid_new ();
  g_autofree char *sort_key = NULL;
  g_autofree char *now = rapport_timestamp_now ();
  g_autofree char *digits = NULL;
  sqlite3_stmt *stmt;
  GDate since;
  gint64 rowid;

  if (!rapport_customer_validate (customer, error))
    return FALSE;
  stmt = rapport_database_prepare (self->db, sql, error);
  if (stmt == NULL)
    return FALSE;

  _rapport_store_day (self, rapport_customer_get_since (customer), &since);
  rapport_customer_set_since (customer, &since);
  digits = rapport_phone_digits (rapport_customer_get_phone (customer));

  rapport_bind_text (stmt, 1, uuid);
  rapport_bind_text (stmt, 2, rapport_customer_get_name (customer));
  rapport_bind_text (stmt, 3, rapport_customer_get_company (customer));
  rapport_bind_text (stmt, 4, rapport_customer_get_phone (customer));
  rapport_bind_text (stmt, 5, digits);
  rapport_bind_text (stmt, 6, rapport_customer_get_email (customer));
  rapport_bind_text (stmt, 7, rapport_customer_get_notes (customer));
  rapport_bind_date (stmt, 8, &since);
  sqlite3_bind_int (stmt, 9, (int) rapport_customer_get_cadence_days (customer));
  sqlite3_bind_int (stmt, 10, rapport_customer_get_phone_needs_check (customer));
  rapport_bind_text (stmt, 11, now);
  sort_key = rapport_sort_key (rapport_customer_get_name (customer));
  rapport_bind_text (stmt, 12, sort_key);
  if (!rapport_database_step_done (self->db, stmt, error))
    return FALSE;
  rowid = sqlite3_last_insert_rowid (rapport_database_get_handle (self->db));
  _rapport_customer_set_stored (customer, rowid, uuid, now, now);

  if (open_new_follow_up && !_rapport_store_open_new_follow_up (self, rowid, &since, error))
    return FALSE;
  return TRUE;
}

typedef struct {
  RapportStore *self;
  RapportCustomer *customer;
  gboolean open_new;
} CustomerWrite;

static gboolean
add_customer_cb (RapportDatabase *db,
                 gpointer         user_data,
                 GError         **error)
{
  CustomerWrite *w = user_data;
  return _rapport_store_insert_customer (w->self, w->customer, w->open_new, error);
}

gboolean
rapport_store_add_customer (RapportStore     *self,
                            RapportCustomer  *customer,
                            gboolean          open_new_follow_up,
                            GError          **error)
{
  CustomerWrite w = { self, customer, open_new_follow_up };

  g_return_val_if_fail (rapport_customer_get_id (customer) == NULL, FALSE);
  if (!rapport_database_transaction (self->db, add_customer_cb, &w, error))
    {
      _rapport_customer_set_stored (customer, 0, NULL, NULL, NULL);
      return FALSE;
    }
  _rapport_store_emit_changed (self);
  return TRUE;
}

gboolean
_rapport_store_write_customer (RapportStore     *self,
                               RapportCustomer  *customer,
                               GError          **error)
{
  static const char sql[] =
    "UPDATE customers SET name = ?2, company = ?3, phone = ?4, phone_digits = ?5, email = ?6,"
    " notes = ?7, since = coalesce (?8, since), cadence_days = ?9, phone_needs_check = ?10,"
    " updated_at = ?11"
    " WHERE id = ?1 AND deleted_at IS NULL";
  g_autofree char *now = rapport_timestamp_now ();
  g_autofree char *digits = NULL;
  gint64 rowid = _rapport_customer_get_rowid (customer);
  sqlite3_stmt *stmt;

  if (!rapport_customer_validate (customer, error))
    return FALSE;
  if (rowid == 0 && rapport_customer_get_id (customer) != NULL)
    rowid = _rapport_store_resolve_customer (self, rapport_customer_get_id (customer), error);
  if (rowid == 0)
    {
      if (error && *error == NULL)
        g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                             _("The customer no longer exists"));
      return FALSE;
    }
  stmt = rapport_database_prepare (self->db, sql, error);
  if (stmt == NULL)
    return FALSE;
  digits = rapport_phone_digits (rapport_customer_get_phone (customer));
  sqlite3_bind_int64 (stmt, 1, rowid);
  rapport_bind_text (stmt, 2, rapport_customer_get_name (customer));
  rapport_bind_text (stmt, 3, rapport_customer_get_company (customer));
  rapport_bind_text (stmt, 4, rapport_customer_get_phone (customer));
  rapport_bind_text (stmt, 5, digits);
  rapport_bind_text (stmt, 6, rapport_customer_get_email (customer));
  rapport_bind_text (stmt, 7, rapport_customer_get_notes (customer));
  rapport_bind_date (stmt, 8, rapport_customer_get_since (customer));
  sqlite3_bind_int (stmt, 9, (int) rapport_customer_get_cadence_days (customer));
  sqlite3_bind_int (stmt, 10, rapport_customer_get_phone_needs_check (customer));
  rapport_bind_text (stmt, 11, now);
  if (!rapport_database_step_done (self->db, stmt, error))
    return FALSE;
  if (sqlite3_changes (rapport_database_get_handle (self->db)) == 0)
    {
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                           _("The customer no longer exists"));
      return FALSE;
    }
  _rapport_customer_set_stored (customer, rowid, rapport_customer_get_id (customer),
                                rapport_customer_get_created_at (customer), now);
  return TRUE;
}

static gboolean
update_customer_cb (RapportDatabase *db,
                    gpointer         user_data,
                    GError         **error)
{
  CustomerWrite *w = user_data;
  return _rapport_store_write_customer (w->self, w->customer, error);
}

gboolean
rapport_store_update_customer (RapportStore     *self,
                               RapportCustomer  *customer,
                               GError          **error)
{
  CustomerWrite w = { self, customer, FALSE };

  if (!rapport_database_transaction (self->db, update_customer_cb, &w, error))
    return FALSE;
  _rapport_store_emit_changed (self);
  return TRUE;
}

typedef struct {
  RapportStore            *self;
  const char              *id;
  RapportCustomerEditFunc  edit;
  gpointer                 user_data;
} CustomerEdit;

static gboolean
edit_customer_cb (RapportDatabase *db,
                  gpointer         user_data,
                  GError         **error)
{
  CustomerEdit *e = user_data;
  g_autoptr(RapportCustomer) customer = rapport_store_get_customer (e->self, e->id, error);

  return customer != NULL && e->edit (customer, e->user_data, error) &&
         _rapport_store_write_customer (e->self, customer, error);
}

gboolean
rapport_store_edit_customer (RapportStore            *self,
                             const char              *id,
                             RapportCustomerEditFunc  edit,
                             gpointer                 user_data,
                             GError                 **error)
{
  CustomerEdit e = { self, id, edit, user_data };

  g_return_val_if_fail (RAPPORT_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL && edit != NULL, FALSE);

  if (!rapport_database_transaction (self->db, edit_customer_cb, &e, error))
    return FALSE;
  _rapport_store_emit_changed (self);
  return TRUE;
}

typedef struct {
  RapportStore *self;
  const char *id;
} CustomerDelete;

static gboolean
delete_customer_cb (RapportDatabase *db,
                    gpointer         user_data,
                    GError         **error)
{
  static const char sql[] =
    "UPDATE customers SET deleted_at = ?2, updated_at = ?2 WHERE id = ?1";
  CustomerDelete *d = user_data;
  g_autofree char *now = rapport_timestamp_now ();
  gint64 rowid = _rapport_store_resolve_customer (d->self, d->id, error);
  sqlite3_stmt *stmt;

  if (rowid == 0)
    return FALSE;
  stmt = rapport_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, rowid);
  rapport_bind_text (stmt, 2, now);
  return rapport_database_step_done (db, stmt, error);
}

/* A soft delete: the customer leaves every list and agenda, its history stays. */
gboolean
rapport_store_delete_customer (RapportStore  *self,
                               const char    *id,
                               GError       **error)
{
  CustomerDelete d = { self, id };

  if (!rapport_database_transaction (self->db, delete_customer_cb, &d, error))
    return FALSE;
  _rapport_store_emit_changed (self);
  return TRUE;
}

char *
_rapport_store_find_duplicate (RapportStore  *self,
                               const char    *email,
                               const char    *phone,
                               GError       **error)
{
  static const char by_email[] =
    "SELECT uuid FROM customers WHERE email = ?1 COLLATE NOCASE AND email <> ''"
    " AND deleted_at IS NULL LIMIT 1";
  static const char by_phone[] =
    "SELECT uuid FROM customers WHERE phone_digits = ?1 AND phone_digits <> ''"
    " AND deleted_at IS NULL LIMIT 1";
  g_autofree char *digits = rapport_phone_digits (phone);
  const char *sql[2] = { by_email, by_phone };
  const char *value[2] = { email, digits };

  for (guint i = 0; i < 2; i++)
    {
      sqlite3_stmt *stmt;
      int rc;

      if (value[i] == NULL || *value[i] == '\0')
        continue;
      stmt = rapport_database_prepare (self->db, sql[i], error);
      if (stmt == NULL)
        return NULL;
      rapport_bind_text (stmt, 1, value[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          char *id = g_strdup (rapport_column_text (stmt, 0));
          sqlite3_reset (stmt);
          return id;
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          rapport_database_set_error (self->db, rc, error);
          return NULL;
        }
    }
  return NULL;
}

guint
rapport_store_count_customers (RapportStore *self)
{
  static const char sql[] = "SELECT count(*) FROM customers WHERE deleted_at IS NULL";
  sqlite3_stmt *stmt = rapport_database_prepare (self->db, sql, NULL);
  guint n = 0;

  if (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int (stmt, 0);
  if (stmt)
    sqlite3_reset (stmt);
  return n;
}

/* Appends one FTS5 string per trigram of @word ("lovelace": "lov" AND "ove"
 * AND … "ace"), each quoted so that no character is syntax. The index keeps
 * no positions (detail=none), so this finds the rows that have every trigram
 * somewhere: the caller checks the word itself in the row's text. */
static void
append_fts_trigrams (GString    *query,
                     const char *word)
{
  for (const char *p = word; *p; p = g_utf8_next_char (p))
    {
      const char *end = p;

      for (guint i = 0; i < 3 && *end; i++)
        end = g_utf8_next_char (end);
      if (g_utf8_strlen (p, end - p) < 3)
        break;
      if (query->len)
        g_string_append (query, " AND ");
      g_string_append_c (query, '"');
      for (const char *c = p; c < end; c++)
        {
          if (*c == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *c);
        }
      g_string_append_c (query, '"');
    }
}

/* "%word%" with LIKE's own wildcards escaped, so "50%" means 50%. */
static char *
like_pattern (const char *word)
{
  GString *s = g_string_new ("%");
  for (const char *p = word; *p; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (s, '\\');
      g_string_append_c (s, *p);
    }
  g_string_append_c (s, '%');
  return g_string_free (s, FALSE);
}

/* Every word, case-folded, is a substring of the row's case-folded text. */
static gboolean
haystack_contains_all (const char  *haystack,
                       GPtrArray   *folded_words)
{
  g_autofree char *folded = g_utf8_casefold (haystack, -1);

  for (guint i = 0; i < folded_words->len; i++)
    if (strstr (folded, g_ptr_array_index (folded_words, i)) == NULL)
      return FALSE;
  return TRUE;
}

GPtrArray *
rapport_store_search_customer_ids (RapportStore  *self,
                                   const char    *search,
                                   GError       **error)
{
  static const char all_sql[] =
    "SELECT uuid, '' FROM customers WHERE deleted_at IS NULL ORDER BY sort_key, id";
  /* The trigram index narrows the rows down to those with every trigram of
   * every word of three or more characters; the check below does the rest. */
  static const char fts_sql[] =
    "SELECT c.uuid, c.name || ' ' || c.company || ' ' || c.phone || ' ' || c.phone_digits"
    "   || ' ' || c.email || ' ' || c.notes"
    " FROM customers_fts f JOIN customers c ON c.id = f.rowid"
    " WHERE customers_fts MATCH ?1 AND c.deleted_at IS NULL"
    " ORDER BY c.sort_key, c.id";
  /* Words shorter than a trigram: a scan, still substring and case-insensitive. */
  static const char like_sql[] =
    "SELECT uuid, name || ' ' || company || ' ' || phone || ' ' || phone_digits"
    "   || ' ' || email || ' ' || notes"
    " FROM customers WHERE deleted_at IS NULL"
    " AND (name LIKE ?1 ESCAPE '\\' OR company LIKE ?1 ESCAPE '\\' OR phone LIKE ?1 ESCAPE '\\'"
    "   OR email LIKE ?1 ESCAPE '\\' OR notes LIKE ?1 ESCAPE '\\')"
    " ORDER BY sort_key, id";
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) fts = g_string_new (NULL);
  g_autoptr(GPtrArray) short_words = g_ptr_array_new ();
  g_autoptr(GPtrArray) folded_words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *valid = g_utf8_make_valid (search ? search : "", -1);
  g_auto(GStrv) words = NULL;
  g_autofree char *like = NULL;
  sqlite3_stmt *stmt;
  int rc;

  words = g_strsplit_set (valid, " \t\n", -1);
  for (guint i = 0; words[i]; i++)
    {
      if (*words[i] == '\0')
        continue;
      if (g_utf8_strlen (words[i], -1) >= 3)
        append_fts_trigrams (fts, words[i]);
      else
        g_ptr_array_add (short_words, words[i]);
      g_ptr_array_add (folded_words, g_utf8_casefold (words[i], -1));
    }

  if (fts->len > 0)
    {
      stmt = rapport_database_prepare (self->db, fts_sql, error);
      if (stmt)
        rapport_bind_text (stmt, 1, fts->str);
    }
  else if (short_words->len > 0)
    {
      stmt = rapport_database_prepare (self->db, like_sql, error);
      /* LIKE folds ASCII case only: "é" must still find "Émile", so other
       * words are left to the casefold check below. */
      like = g_str_is_ascii (g_ptr_array_index (short_words, 0))
             ? like_pattern (g_ptr_array_index (short_words, 0)) : g_strdup ("%");
      if (stmt)
        rapport_bind_text (stmt, 1, like);
    }
  else
    stmt = rapport_database_prepare (self->db, all_sql, error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (folded_words->len > 0 &&
          !haystack_contains_all (rapport_column_text (stmt, 1), folded_words))
        continue;
      g_ptr_array_add (ids, g_strdup (rapport_column_text (stmt, 0)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_database_set_error (self->db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&ids);
}

RapportSearchIndex *
_rapport_store_get_search_index (RapportStore *self)
{
  if (self->search_index == NULL)
    self->search_index = _rapport_search_index_new (self->db);
  return self->search_index;
}

gboolean
_rapport_store_list_customer_rowids (RapportStore  *self,
                                     GArray        *out,
                                     GError       **error)
{
  /* The sort-key index holds the rowid: no row is read. */
  static const char sql[] =
    "SELECT id FROM customers WHERE deleted_at IS NULL ORDER BY sort_key, id";
  sqlite3_stmt *stmt = rapport_database_prepare (self->db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 rowid = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (out, rowid);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_database_set_error (self->db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Reads the customers whose key (@rowids, or else @ids) is given, in that
 * order; missing or deleted ones are skipped. */
static GPtrArray *
read_customers (RapportStore        *self,
                const gint64        *rowids,
                const char * const  *ids,
                guint                n,
                GError             **error)
{
  static const char by_rowid[] =
    "SELECT " CUSTOMER_COLUMNS " FROM customers WHERE id = ?1 AND deleted_at IS NULL";
  static const char by_id[] =
    "SELECT " CUSTOMER_COLUMNS " FROM customers WHERE uuid = ?1 AND deleted_at IS NULL";
  g_autoptr(GPtrArray) customers = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      sqlite3_stmt *stmt = rapport_database_prepare (self->db, rowids ? by_rowid : by_id, error);
      int rc;

      if (stmt == NULL)
        return NULL;
      if (rowids)
        sqlite3_bind_int64 (stmt, 1, rowids[i]);
      else
        rapport_bind_text (stmt, 1, ids[i]);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        g_ptr_array_add (customers, _rapport_customer_from_row (stmt, 0));
      sqlite3_reset (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          rapport_database_set_error (self->db, rc, error);
          return NULL;
        }
    }
  return g_steal_pointer (&customers);
}

GPtrArray *
_rapport_store_get_customers_by_rowid (RapportStore   *self,
                                       const gint64   *rowids,
                                       guint           n_rowids,
                                       GError        **error)
{
  return read_customers (self, rowids, NULL, n_rowids, error);
}

GPtrArray *
rapport_store_get_customers (RapportStore        *self,
                             const char * const  *ids,
                             guint                n_ids,
                             GError             **error)
{
  return read_customers (self, NULL, ids, n_ids, error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-import"

/* One import (or preview) from start to end: reading the file, turning rows
 * into customers and writing them, all inside one transaction. */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "rapport-csv-reader.h"
#include "rapport-date.h"
#include "rapport-error.h"
#include "rapport-import-job.h"
#include "rapport-import-private.h"
#include "rapport-model-private.h"
#include "rapport-store-private.h"
#include "rapport-vcard-reader.h"

/* How much of the file start decides between vCard and CSV. */
#define SNIFF_SIZE 4096
/* Rows between two progress reports and cancellation checks. */
#define PROGRESS_EVERY 256

/* Where progress goes: shared by the job and the reports in flight, so that
 * the caller's data is freed once, on the caller's thread, after the last. */
struct _RapportImportProgress
{
  GMainContext              *context;
  RapportImportProgressFunc  func;
  gpointer                   data;
  GDestroyNotify             destroy;
};

typedef struct {
  RapportImportProgress *progress;
  double                 fraction;
} ProgressReport;

G_DEFINE_QUARK (rapport-import-dry-run, dry_run)

static void
progress_clear (gpointer data)
{
  RapportImportProgress *progress = data;

  if (progress->destroy != NULL)
    progress->destroy (progress->data);
  g_main_context_unref (progress->context);
}

static void
progress_unref (RapportImportProgress *progress)
{
  g_atomic_rc_box_release_full (progress, progress_clear);
}

void
_rapport_import_job_free (gpointer data)
{
  RapportImportJob *job = data;

  g_clear_object (&job->store);
  g_clear_pointer (&job->private_path, g_free);
  g_clear_object (&job->file);
  g_clear_object (&job->mapping);
  g_clear_object (&job->cancellable);
  g_clear_pointer (&job->progress, progress_unref);
  g_clear_object (&job->new_mapping);
  g_clear_object (&job->result);
  g_clear_pointer (&job->duplicates, _rapport_duplicate_index_free);
  g_clear_pointer (&job->suspended_sql, g_ptr_array_unref);
  g_free (job);
}

static gboolean
report_progress_cb (gpointer data)
{
  ProgressReport *report = data;

  report->progress->func (report->fraction, report->progress->data);
  return G_SOURCE_REMOVE;
}

static void
progress_report_free (gpointer data)
{
  ProgressReport *report = data;

  progress_unref (report->progress);
  g_free (report);
}

static void
report_progress (RapportImportJob *job,
                 double            fraction)
{
  ProgressReport *report;

  if (job->progress == NULL)
    return;
  if (!job->in_thread)
    {
      job->progress->func (fraction, job->progress->data);
      return;
    }
  report = g_new0 (ProgressReport, 1);
  report->progress = g_atomic_rc_box_acquire (job->progress);
  report->fraction = fraction;
  g_main_context_invoke_full (job->progress->context, G_PRIORITY_DEFAULT, report_progress_cb,
                              report, progress_report_free);
}

/* Called every PROGRESS_EVERY rows: reports progress, stops when cancelled. */
static gboolean
check_in (RapportImportJob  *job,
          guint64            bytes_read,
          GError           **error)
{
  if (++job->rows % PROGRESS_EVERY != 0)
    return TRUE;
  if (g_cancellable_set_error_if_cancelled (job->cancellable, error))
    return FALSE;
  if (job->file_size > 0)
    report_progress (job, MIN (1.0, (double) bytes_read / (double) job->file_size));
  return TRUE;
}

/* ISO 8601 (a time after it is ignored, as spreadsheets add one), German
 * D.M.YYYY, and slashed dates: D/M/YYYY when the day gives it away, else the
 * American M/D/YYYY. Two-digit years are 19xx from 70 on, else 20xx. */
static gboolean
parse_since (const char  *text,
             GDate       *out,
             GError     **error)
{
  guint a = 0, b = 0, c = 0, day, month, year;
  char sep1 = 0, sep2 = 0;
  int consumed = 0;

  /* YYYY-MM-DD by hand first: sscanf was a tenth of reading a row. */
  if (g_ascii_isdigit (text[0]) && g_ascii_isdigit (text[1]) && g_ascii_isdigit (text[2]) &&
      g_ascii_isdigit (text[3]) && text[4] == '-' && g_ascii_isdigit (text[5]) &&
      g_ascii_isdigit (text[6]) && text[7] == '-' && g_ascii_isdigit (text[8]) &&
      g_ascii_isdigit (text[9]) && (text[10] == '\0' || text[10] == ' ' || text[10] == 'T'))
    {
      year = (text[0] - '0') * 1000u + (text[1] - '0') * 100u + (text[2] - '0') * 10u +
             (text[3] - '0');
      month = (text[5] - '0') * 10u + (text[6] - '0');
      day = (text[8] - '0') * 10u + (text[9] - '0');
    }
  else if (sscanf (text, "%4u-%2u-%2u%n", &a, &b, &c, &consumed) == 3 && consumed == 10 &&
           (text[10] == '\0' || text[10] == ' ' || text[10] == 'T'))
    {
      year = a;
      month = b;
      day = c;
    }
  else if (sscanf (text, "%u%c%u%c%u%n", &a, &sep1, &b, &sep2, &c, &consumed) == 5 &&
           sep1 == sep2 && (sep1 == '.' || sep1 == '/') &&
           (text[consumed] == '\0' || text[consumed] == ' '))
    {
      /* YYYY/MM/DD, D.M.Y, D/M/Y when D > 12, else M/D/Y. */
      gboolean year_first = sep1 == '/' && a > 31;
      gboolean day_first = !year_first && (sep1 == '.' || a > 12);

      year = year_first ? a : c;
      month = year_first || day_first ? b : a;
      day = year_first ? c : day_first ? a : b;
      if (year < 100)
        year += year >= 70 ? 1900 : 2000;
    }
  else
    {
      year = month = day = 0;
    }

  if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 ||
      !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not a date: use YYYY-MM-DD, for example 2026-11-23"), text);
      return FALSE;
    }
  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/* "90", "90 days", "90 Tage". */
static gboolean
parse_cadence (const char  *text,
               guint       *out,
               GError     **error)
{
  char *end = NULL;
  guint64 days = g_ascii_strtoull (text, &end, 10);

  if (end == text || !g_ascii_isdigit (text[0]) || days > 100000 ||
      (*end != '\0' && !g_ascii_isspace (*end)))
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not a number of days"), text);
      return FALSE;
    }
  *out = (guint) days;
  return TRUE;
}

static gboolean
same_text (const char *a,
           const char *b)
{
  return g_strcmp0 (a ? a : "", b ? b : "") == 0;
}

static gboolean
same_customer (RapportCustomer *a,
               RapportCustomer *b)
{
  const GDate *sa = rapport_customer_get_since (a);
  const GDate *sb = rapport_customer_get_since (b);

  return same_text (rapport_customer_get_name (a), rapport_customer_get_name (b)) &&
         same_text (rapport_customer_get_company (a), rapport_customer_get_company (b)) &&
         same_text (rapport_customer_get_phone (a), rapport_customer_get_phone (b)) &&
         same_text (rapport_customer_get_email (a), rapport_customer_get_email (b)) &&
         same_text (rapport_customer_get_notes (a), rapport_customer_get_notes (b)) &&
         rapport_customer_get_cadence_days (a) == rapport_customer_get_cadence_days (b) &&
         g_date_valid (sa) == g_date_valid (sb) &&
         (!g_date_valid (sa) || g_date_compare (sa, sb) == 0);
}

/* The existing customer with what the row has (empty cells change nothing). */
static RapportCustomer *
merge (RapportCustomer *existing,
       RapportCustomer *row,
       gboolean         has_cadence)
{
  RapportCustomer *merged = rapport_customer_copy (existing);
  const char *text;

#define TAKE(field) \
  if ((text = rapport_customer_get_##field (row)) != NULL && text[0] != '\0') \
    rapport_customer_set_##field (merged, text)
  TAKE (name);
  TAKE (company);
  TAKE (phone);
  TAKE (email);
  TAKE (notes);
#undef TAKE
  if (g_date_valid (rapport_customer_get_since (row)))
    rapport_customer_set_since (merged, rapport_customer_get_since (row));
  if (has_cadence)
    rapport_customer_set_cadence_days (merged, rapport_customer_get_cadence_days (row));
  return merged;
}

/* By exact id (rapport_store_get_customer() also takes id prefixes, which
 * costs a scan per row) or, when @id is NULL, by @rowid. */
static RapportCustomer *
load_customer (RapportImportJob  *job,
               const char        *id,
               gint64             rowid,
               GError           **error)
{
  static const char by_uuid[] =
    "SELECT " RAPPORT_CUSTOMER_COLUMNS " FROM customers WHERE uuid = ?1 AND deleted_at IS NULL";
  static const char by_rowid[] =
    "SELECT " RAPPORT_CUSTOMER_COLUMNS " FROM customers WHERE id = ?1 AND deleted_at IS NULL";
  RapportDatabase *db = rapport_store_get_database (job->store);
  sqlite3_stmt *stmt = rapport_database_prepare (db, id ? by_uuid : by_rowid, error);
  RapportCustomer *customer = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (id != NULL)
    rapport_bind_text (stmt, 1, id);
  else
    sqlite3_bind_int64 (stmt, 1, rowid);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    customer = _rapport_customer_from_row (stmt, 0);
  else if (rc == SQLITE_DONE)
    g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_NOT_FOUND,
                         _("The customer no longer exists"));
  else
    rapport_database_set_error (db, rc, error);
  sqlite3_reset (stmt);
  return customer;
}

/* Runs @sql, which takes a rowid as ?1 and returns no row. */
static gboolean
run_with_id (RapportDatabase  *db,
             const char       *sql,
             gint64            id,
             GError          **error)
{
  sqlite3_stmt *stmt = rapport_database_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  return rapport_database_step_done (db, stmt, error);
}

/* What an import takes away from the customers table while it writes, and
 * makes again from its own text after the rows; all inside the import's
 * transaction, so that a rollback (cancel, failure, dry run) brings each
 * back as it was.
 * - The search index's insert and update triggers: row by row its trigram
 *   index costs most of an import (SQLite 3.40's FTS5 writes its pending
 *   rows out at every statement that has a trigger); filled in one
 *   statement after the rows it costs far less.
 * - The sort key's insert trigger: the store gives every new row its key,
 *   so it never fires, but its mere presence makes SQLite keep a statement
 *   journal of every insert (a copy of each page it touches).
 * - In a large import (see is_bulk), the indexes of email, phone digits and
 *   sort key: sorted once at the end they cost half of what they cost kept
 *   up row by row. Duplicates are then looked up in job->duplicates. */
typedef struct {
  const char *name;
  const char *drop;
  gboolean    bulk_only;
} Suspended;

static const Suspended suspended[] = {
  { "customers_fts_insert", "DROP TRIGGER customers_fts_insert", FALSE },
  { "customers_fts_update", "DROP TRIGGER customers_fts_update", FALSE },
  { "customers_sort_key_insert", "DROP TRIGGER customers_sort_key_insert", FALSE },
  { "customers_email", "DROP INDEX customers_email", TRUE },
  { "customers_phone_digits", "DROP INDEX customers_phone_digits", TRUE },
  { "customers_sort_key", "DROP INDEX customers_sort_key", TRUE },
};
/* The first two go together: one without the other would index rows twice
 * or not at all. */
#define N_FTS_TRIGGERS 2

/* The text of a schema object, or NULL when there is none. */
static gboolean
schema_sql (RapportDatabase  *db,
            const char       *name,
            char            **out,
            GError          **error)
{
  static const char sql[] =
    "SELECT sql FROM sqlite_schema WHERE tbl_name = 'customers' AND name = ?1";
  sqlite3_stmt *stmt = rapport_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rapport_bind_text (stmt, 1, name);
  rc = sqlite3_step (stmt);
  *out = rc == SQLITE_ROW ? g_strdup ((const char *) sqlite3_column_text (stmt, 0)) : NULL;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      rapport_database_set_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* An import of many rows for the customers there are: dropping and making
 * again the indexes (a sort of every row, old and new) and reading the
 * existing customers into memory then costs less than keeping the indexes
 * up. The rows are guessed from the file's size, on the low side (CSV rows
 * of customers are rarely longer than 128 bytes). RAPPORT_IMPORT_BULK=0 or 1
 * decides instead, for the tests of both ways. */
static gboolean
is_bulk (RapportImportJob  *job,
         gboolean          *out,
         GError           **error)
{
  static const char count[] = "SELECT count(*) FROM customers WHERE deleted_at IS NULL";
  const char *forced = g_getenv ("RAPPORT_IMPORT_BULK");
  gint64 existing;

  if (forced != NULL && (g_str_equal (forced, "0") || g_str_equal (forced, "1")))
    {
      *out = g_str_equal (forced, "1");
      return TRUE;
    }
  if (!rapport_database_query_int64 (rapport_store_get_database (job->store), count, &existing, error))
    return FALSE;
  *out = job->file_size / 128 > (guint64) existing;
  return TRUE;
}

static gboolean
suspend_schema (RapportImportJob  *job,
                GError           **error)
{
  static const char last_query[] = "SELECT coalesce (max (id), 0) FROM customers";
  RapportDatabase *db = rapport_store_get_database (job->store);
  char *sql[G_N_ELEMENTS (suspended)] = { NULL };
  gboolean bulk = FALSE, ok = TRUE;

  if (!is_bulk (job, &bulk, error))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (suspended) && ok; i++)
    if (bulk || !suspended[i].bulk_only)
      ok = schema_sql (db, suspended[i].name, &sql[i], error);
  if (ok && (sql[0] == NULL) != (sql[1] == NULL))
    g_clear_pointer (sql[0] ? &sql[0] : &sql[1], g_free);
  if (ok && sql[0] != NULL)
    {
      ok = rapport_database_query_int64 (db, last_query, &job->fts_last_id, error);
      job->fts_suspended = ok;
    }
  if (ok && bulk)
    {
      job->duplicates = _rapport_duplicate_index_new ();
      ok = _rapport_duplicate_index_load (job->duplicates, db, error);
    }
  /* Dropped in this order, made again in this order. */
  for (guint i = 0; i < G_N_ELEMENTS (suspended); i++)
    {
      if (ok && sql[i] != NULL)
        {
          ok = rapport_database_exec (db, suspended[i].drop, error);
          g_ptr_array_add (job->suspended_sql, g_steal_pointer (&sql[i]));
        }
      g_free (sql[i]);
    }
  return ok;
}

static gboolean
resume_schema (RapportImportJob  *job,
               GError           **error)
{
  /* In rowid order, or FTS5 writes its pending rows out at every step back. */
  static const char fill[] =
    "INSERT INTO customers_fts (rowid, name, company, phone, phone_digits, email, notes)"
    " SELECT id, name, company, phone, phone_digits, email, notes FROM customers"
    " WHERE id > ?1 AND deleted_at IS NULL ORDER BY id";
  RapportDatabase *db = rapport_store_get_database (job->store);

  if (job->fts_suspended && !run_with_id (db, fill, job->fts_last_id, error))
    return FALSE;
  job->fts_suspended = FALSE;
  for (guint i = 0; i < job->suspended_sql->len; i++)
    if (!rapport_database_exec (db, g_ptr_array_index (job->suspended_sql, i), error))
      return FALSE;
  g_ptr_array_set_size (job->suspended_sql, 0);
  return TRUE;
}

/* Keeps job->duplicates (when the import has one) up with a row written. */
static void
note_keys (RapportImportJob *job,
           RapportCustomer  *customer)
{
  g_autofree char *digits = NULL;

  if (job->duplicates == NULL)
    return;
  digits = rapport_phone_digits (rapport_customer_get_phone (customer));
  _rapport_duplicate_index_set (job->duplicates, _rapport_customer_get_rowid (customer),
                                rapport_customer_get_email (customer), digits);
}

/* The saved customer this row repeats (same email, else same phone), or
 * NULL when none; FALSE when the database failed. */
static gboolean
find_duplicate (RapportImportJob  *job,
                const char        *email,
                const char        *phone,
                RapportCustomer  **out,
                GError           **error)
{
  g_autofree char *id = NULL;
  g_autofree char *digits = NULL;
  GError *local_error = NULL;
  gint64 rowid = 0;

  *out = NULL;
  if (job->duplicates != NULL)
    {
      digits = rapport_phone_digits (phone);
      rowid = _rapport_duplicate_index_find (job->duplicates, email, digits);
      if (rowid == 0)
        return TRUE;
    }
  else
    {
      id = _rapport_store_find_duplicate (job->store, email, phone, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (id == NULL)
        return TRUE;
    }
  *out = load_customer (job, id, rowid, error);
  return *out != NULL;
}

/* Writes @customer, a row already saved (before the import or by it). While
 * the search index's triggers are away, a row that was there before comes
 * out of the index with the values it went in with (the index keeps no copy
 * of them) and goes back in with the new; rows the import added go in at
 * the end. */
static gboolean
write_update (RapportImportJob  *job,
              RapportCustomer   *customer,
              GError           **error)
{
  static const char forget[] =
    "INSERT INTO customers_fts (customers_fts, rowid, name, company, phone, phone_digits,"
    " email, notes)"
    " SELECT 'delete', id, name, company, phone, phone_digits, email, notes FROM customers"
    " WHERE id = ?1 AND deleted_at IS NULL";
  static const char remember[] =
    "INSERT INTO customers_fts (rowid, name, company, phone, phone_digits, email, notes)"
    " SELECT id, name, company, phone, phone_digits, email, notes FROM customers"
    " WHERE id = ?1 AND deleted_at IS NULL";
  RapportDatabase *db = rapport_store_get_database (job->store);
  gint64 rowid = _rapport_customer_get_rowid (customer);
  gboolean by_hand = job->fts_suspended && rowid <= job->fts_last_id;

  if (by_hand && !run_with_id (db, forget, rowid, error))
    return FALSE;
  if (!_rapport_store_write_customer (job->store, customer, error))
    return FALSE;
  if (by_hand && !run_with_id (db, remember, rowid, error))
    return FALSE;
  note_keys (job, customer);
  return TRUE;
}

/* One row or card: @values are indexed by RapportImportField. FALSE only when
 * the import must stop (the database failed). */
static gboolean
import_record (RapportImportJob  *job,
               guint              line,
               char             **values,
               const char        *problem,
               GError           **error)
{
  g_autoptr(RapportCustomer) customer = NULL;
  g_autoptr(RapportCustomer) existing = NULL;
  g_autoptr(RapportCustomer) merged = NULL;
  g_autoptr(GError) invalid = NULL;
  g_autofree char *reason = NULL;
  const char *email, *phone;
  guint cadence = 0;
  GDate since;

  customer = rapport_customer_new ();
  rapport_customer_set_name (customer, values[RAPPORT_IMPORT_FIELD_NAME]);
  rapport_customer_set_company (customer, values[RAPPORT_IMPORT_FIELD_COMPANY]);
  rapport_customer_set_phone (customer, values[RAPPORT_IMPORT_FIELD_PHONE]);
  rapport_customer_set_email (customer, values[RAPPORT_IMPORT_FIELD_EMAIL]);
  rapport_customer_set_notes (customer, values[RAPPORT_IMPORT_FIELD_NOTES]);

  if (problem != NULL)
    {
      _rapport_import_result_add (job->result, line, RAPPORT_IMPORT_ACTION_INVALID, customer,
                                  problem);
      return TRUE;
    }
  if (values[RAPPORT_IMPORT_FIELD_SINCE] != NULL)
    {
      if (!parse_since (values[RAPPORT_IMPORT_FIELD_SINCE], &since, &invalid))
        goto invalid;
      rapport_customer_set_since (customer, &since);
    }
  if (values[RAPPORT_IMPORT_FIELD_CADENCE] != NULL)
    {
      if (!parse_cadence (values[RAPPORT_IMPORT_FIELD_CADENCE], &cadence, &invalid))
        goto invalid;
      rapport_customer_set_cadence_days (customer, cadence);
    }
  if (!rapport_customer_validate (customer, &invalid))
    goto invalid;

  email = rapport_customer_get_email (customer);
  phone = rapport_customer_get_phone (customer);
  if (!find_duplicate (job, email, phone, &existing, error))
    return FALSE;

  if (existing == NULL)
    {
      /* A preview shows the customer as read, not the one it rolls back. */
      g_autoptr(RapportCustomer) shown = job->dry_run &&
                                         _rapport_import_result_wants_preview (job->result)
                                         ? rapport_customer_copy (customer)
                                         : g_object_ref (customer);

      if (!_rapport_store_insert_customer (job->store, customer, job->open_new, error))
        return FALSE;
      note_keys (job, customer);
      _rapport_import_result_add (job->result, line, RAPPORT_IMPORT_ACTION_NEW, shown, NULL);
      return TRUE;
    }

  if (job->on_duplicate == RAPPORT_ON_DUPLICATE_SKIP)
    {
      /* The store compares emails as SQLite's NOCASE does: ASCII only. */
      if (email != NULL && email[0] != '\0' &&
          g_ascii_strcasecmp (rapport_customer_get_email (existing), email) == 0)
        reason = g_strdup_printf (_("%s already has this email address"),
                                  rapport_customer_get_name (existing));
      else
        reason = g_strdup_printf (_("%s already has this phone number"),
                                  rapport_customer_get_name (existing));
      _rapport_import_result_add (job->result, line, RAPPORT_IMPORT_ACTION_SKIP, customer, reason);
      return TRUE;
    }

  merged = merge (existing, customer, values[RAPPORT_IMPORT_FIELD_CADENCE] != NULL);
  if (same_customer (merged, existing))
    {
      reason = g_strdup_printf (_("%s is already saved with these details"),
                                rapport_customer_get_name (existing));
      _rapport_import_result_add (job->result, line, RAPPORT_IMPORT_ACTION_SKIP, existing, reason);
      return TRUE;
    }
  if (!write_update (job, merged, error))
    return FALSE;
  _rapport_import_result_add (job->result, line, RAPPORT_IMPORT_ACTION_UPDATE, merged, NULL);
  return TRUE;

invalid:
  _rapport_import_result_add (job->result, line, RAPPORT_IMPORT_ACTION_INVALID, customer,
                              invalid->message);
  return TRUE;
}

static void
clear_values (char **values)
{
  for (guint i = 0; i < RAPPORT_N_IMPORT_FIELDS; i++)
    g_clear_pointer (&values[i], g_free);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* Errors of reading (not of the content) name the file. */
static void
set_read_error (RapportImportJob  *job,
                GError            *cause,
                GError           **error)
{
  g_autofree char *name = g_file_get_parse_name (job->file);

  if (cause->domain == RAPPORT_ERROR ||
      g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, cause);
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_PARSE, _("“%s” does not exist"), name);
      g_error_free (cause);
    }
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_PARSE, _("“%s” is a folder, not a file"),
                   name);
      g_error_free (cause);
    }
  else
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_PARSE, _("“%s” cannot be read: %s"),
                   name, cause->message);
      g_error_free (cause);
    }
}

static gboolean
import_csv (RapportImportJob  *job,
            GInputStream      *stream,
            GError           **error)
{
  g_autoptr(RapportCsvReader) reader = rapport_csv_reader_new (stream);
  g_autoptr(RapportCsvMapping) mapping = NULL;
  const char * const *headings;
  GError *local_error = NULL;
  char *values[RAPPORT_N_IMPORT_FIELDS] = { NULL };
  guint n_columns;
  guint n_rows = 0;

  if (!rapport_csv_reader_next (reader, job->cancellable, &local_error))
    {
      set_read_error (job, local_error, error);
      return FALSE;
    }
  headings = rapport_csv_reader_get_fields (reader);
  n_columns = rapport_csv_reader_get_n_fields (reader);

  if (job->mapping != NULL && rapport_csv_mapping_matches (job->mapping, headings, n_columns))
    {
      mapping = g_object_ref (job->mapping);
    }
  else
    {
      mapping = rapport_csv_mapping_new (headings, n_columns);
      g_set_object (&job->new_mapping, mapping);
    }

  if (!rapport_csv_mapping_has_name (mapping))
    {
      g_autofree char *list = g_strjoinv (", ", (char **) headings);

      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_PARSE,
                   _("No column holds the customers’ names. The first row must name the "
                     "columns (Name, Company, Phone, Email, Notes…); this file’s first row is: "
                     "%s"), list);
      return FALSE;
    }

  while (rapport_csv_reader_next (reader, job->cancellable, &local_error))
    {
      guint n = rapport_csv_reader_get_n_fields (reader);
      const char * const *fields = rapport_csv_reader_get_fields (reader);
      const char *problem = rapport_csv_reader_get_problem (reader);
      g_autofree char *columns = NULL;
      gboolean empty = TRUE;

      for (guint i = 0; i < n && empty; i++)
        empty = is_blank (fields[i]);
      /* Spreadsheets save rows of empty cells: not customers, not errors. */
      if (empty)
        continue;
      n_rows++;

      if (n != n_columns)
        {
          /* Empty cells past the headings, or no cells under headings that
           * are empty themselves, are only spreadsheet formatting. */
          gboolean extra_blank = TRUE;

          for (guint i = n_columns; i < n && extra_blank; i++)
            extra_blank = is_blank (fields[i]);
          for (guint i = n; i < n_columns && extra_blank; i++)
            extra_blank = is_blank (rapport_csv_mapping_get_heading (mapping, i));
          if (!extra_blank)
            {
              columns = g_strdup_printf (g_dngettext (NULL,
                                                      "the row has %u column, the heading row has %u",
                                                      "the row has %u columns, the heading row has %u",
                                                      n),
                                         n, n_columns);
              problem = problem ? problem : columns;
            }
        }

      for (guint f = RAPPORT_IMPORT_FIELD_NAME; f < RAPPORT_N_IMPORT_FIELDS; f++)
        if (f != RAPPORT_IMPORT_FIELD_FIRST_NAME && f != RAPPORT_IMPORT_FIELD_MIDDLE_NAME &&
            f != RAPPORT_IMPORT_FIELD_LAST_NAME)
          values[f] = rapport_csv_mapping_get_value (mapping, fields, MIN (n, n_columns), f);

      if (!import_record (job, rapport_csv_reader_get_line (reader), values, problem, error))
        {
          clear_values (values);
          return FALSE;
        }
      clear_values (values);
      if (!check_in (job, rapport_csv_reader_get_bytes_read (reader), error))
        return FALSE;
    }
  if (local_error != NULL)
    {
      set_read_error (job, local_error, error);
      return FALSE;
    }
  if (n_rows == 0)
    {
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_PARSE,
                           _("The file has a heading row but no customers."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
import_vcard (RapportImportJob  *job,
              GInputStream      *stream,
              GError           **error)
{
  g_autoptr(RapportVcardReader) reader = rapport_vcard_reader_new (stream);
  GError *local_error = NULL;
  static const RapportImportField fields[] = {
    RAPPORT_IMPORT_FIELD_NAME, RAPPORT_IMPORT_FIELD_COMPANY, RAPPORT_IMPORT_FIELD_PHONE,
    RAPPORT_IMPORT_FIELD_EMAIL, RAPPORT_IMPORT_FIELD_NOTES,
  };

  while (rapport_vcard_reader_next (reader, job->cancellable, &local_error))
    {
      char *values[RAPPORT_N_IMPORT_FIELDS] = { NULL };
      gboolean ok;

      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        values[fields[i]] = g_strdup (rapport_vcard_reader_get_value (reader, fields[i]));
      ok = import_record (job, rapport_vcard_reader_get_line (reader), values, NULL, error);
      clear_values (values);
      if (!ok || !check_in (job, rapport_vcard_reader_get_bytes_read (reader), error))
        return FALSE;
    }
  if (local_error != NULL)
    {
      set_read_error (job, local_error, error);
      return FALSE;
    }
  return TRUE;
}

/* Opens the file and tells vCard from CSV: by content, then by extension. */
static GInputStream *
open_file (RapportImportJob  *job,
           GError           **error)
{
  g_autoptr(GFileInputStream) file_stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GInputStream) buffered = NULL;
  g_autofree char *basename = NULL;
  GError *local_error = NULL;
  const char *data;
  gsize len = 0;

  file_stream = g_file_read (job->file, job->cancellable, &local_error);
  if (file_stream == NULL)
    {
      set_read_error (job, local_error, error);
      return NULL;
    }
  info = g_file_input_stream_query_info (file_stream, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                         job->cancellable, NULL);
  job->file_size = info != NULL ? (guint64) g_file_info_get_size (info) : 0;

  buffered = g_buffered_input_stream_new_sized (G_INPUT_STREAM (file_stream), 64 * 1024);
  for (;;)
    {
      gssize n = g_buffered_input_stream_fill (G_BUFFERED_INPUT_STREAM (buffered),
                                               SNIFF_SIZE, job->cancellable, &local_error);

      if (n < 0)
        {
          set_read_error (job, local_error, error);
          return NULL;
        }
      len = g_buffered_input_stream_get_available (G_BUFFERED_INPUT_STREAM (buffered));
      if (n == 0 || len >= SNIFF_SIZE)
        break;
    }
  data = g_buffered_input_stream_peek_buffer (G_BUFFERED_INPUT_STREAM (buffered), &len);

  /* A NUL byte is no text (UTF-16 has them, but starts with its mark). */
  if (memchr (data, '\0', len) != NULL &&
      !(len >= 2 && ((guchar) data[0] == 0xFF || (guchar) data[0] == 0xFE)))
    {
      g_autofree char *name = g_file_get_parse_name (job->file);

      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_PARSE,
                   _("“%s” is not a text file: it holds binary data"), name);
      return NULL;
    }

  basename = g_file_get_basename (job->file);
  if (rapport_vcard_sniff (data, len))
    job->format = RAPPORT_IMPORT_FORMAT_VCARD;
  else if (basename != NULL && (g_str_has_suffix (basename, ".vcf") ||
                                g_str_has_suffix (basename, ".VCF") ||
                                g_str_has_suffix (basename, ".vcard")))
    job->format = RAPPORT_IMPORT_FORMAT_VCARD;
  else
    job->format = RAPPORT_IMPORT_FORMAT_CSV;

  return g_steal_pointer (&buffered);
}

/* The whole import, inside the transaction; it may run again when another
 * program held the database, so it starts from scratch. */
static gboolean
import_cb (RapportDatabase  *db,
           gpointer          user_data,
           GError          **error)
{
  RapportImportJob *job = user_data;
  g_autoptr(GInputStream) stream = NULL;
  gboolean ok;

  g_clear_object (&job->result);
  g_clear_object (&job->new_mapping);
  job->result = _rapport_import_result_new (job->dry_run, job->preview_rows);
  job->rows = 0;
  job->fts_suspended = FALSE;
  g_clear_pointer (&job->duplicates, _rapport_duplicate_index_free);
  g_ptr_array_set_size (job->suspended_sql, 0);

  stream = open_file (job, error);
  if (stream == NULL)
    return FALSE;
  if (!suspend_schema (job, error))
    return FALSE;
  if (job->format == RAPPORT_IMPORT_FORMAT_VCARD)
    ok = import_vcard (job, stream, error);
  else
    ok = import_csv (job, stream, error);
  /* A dry run is rolled back, trigger and all: no index to fill for it. */
  if (!ok || (!job->dry_run && !resume_schema (job, error)))
    return FALSE;

  report_progress (job, 1.0);
  if (job->dry_run)
    {
      /* Everything was done to count it exactly; now undo it. */
      job->rolled_back = TRUE;
      g_set_error_literal (error, dry_run_quark (), 0, "dry run");
      return FALSE;
    }
  return TRUE;
}

/* SQLite's default page cache: 2000 KiB. */
#define DEFAULT_CACHE_SIZE (-2000)

static gint64
cache_size (RapportDatabase *db)
{
  static const char sql[] = "PRAGMA cache_size";
  sqlite3_stmt *stmt = rapport_database_prepare (db, sql, NULL);
  gint64 size = 0;

  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    size = sqlite3_column_int64 (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return size;
}

gboolean
_rapport_import_job_run (RapportImportJob  *job,
                         GError           **error)
{
  RapportDatabase *db = rapport_store_get_database (job->store);
  g_autoptr(GError) local_error = NULL;
  /* One transaction of many rows: with SQLite's small default page cache it
   * would write its pages out and read them back again and again. A fixed
   * 64 MiB keeps memory bounded whatever the file's size. (A cache someone
   * configured is left alone; a PRAGMA takes no bound parameters.) */
  gboolean bigger_cache = cache_size (db) == DEFAULT_CACHE_SIZE;
  gboolean ok;

  if (bigger_cache)
    rapport_database_exec (db, "PRAGMA cache_size = -65536", NULL);
  ok = rapport_database_transaction (db, import_cb, job, &local_error);
  if (bigger_cache)
    rapport_database_exec (db, "PRAGMA cache_size = -2000", NULL);

  if (ok)
    {
      job->committed = TRUE;
      return TRUE;
    }
  if (job->rolled_back && g_error_matches (local_error, dry_run_quark (), 0))
    return TRUE;
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

RapportImportJob *
_rapport_import_job_new (RapportStore *store,
                         GFile        *file,
                         gboolean      dry_run)
{
  RapportImportJob *job = g_new0 (RapportImportJob, 1);

  job->store = g_object_ref (store);
  job->file = g_object_ref (file);
  job->dry_run = dry_run;
  job->preview_rows = RAPPORT_IMPORT_DEFAULT_PREVIEW_ROWS;
  job->suspended_sql = g_ptr_array_new_with_free_func (g_free);
  return job;
}

void
_rapport_import_job_set_progress (RapportImportJob          *job,
                                  RapportImportProgressFunc  func,
                                  gpointer                   data,
                                  GDestroyNotify             destroy)
{
  g_return_if_fail (job->progress == NULL);

  job->progress = g_atomic_rc_box_new0 (RapportImportProgress);
  job->progress->context = g_main_context_ref_thread_default ();
  job->progress->func = func;
  job->progress->data = data;
  job->progress->destroy = destroy;
}

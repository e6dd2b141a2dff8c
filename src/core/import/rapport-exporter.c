/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-csv-mapping.h"
#include "rapport-csv-writer.h"
#include "rapport-database.h"
#include "rapport-date.h"
#include "rapport-error.h"
#include "rapport-exporter.h"
#include "rapport-icalendar.h"
#include "rapport-store-private.h"

#define PRODID "-//Rapport//Rapport 0.1//EN"

static const char * const table_keys[] = { "customers", "calls", "follow-ups" };

const char *
rapport_export_table_to_key (RapportExportTable table)
{
  g_return_val_if_fail (table <= RAPPORT_EXPORT_FOLLOW_UPS, "customers");
  return table_keys[table];
}

gboolean
rapport_export_table_from_key (const char         *key,
                               RapportExportTable *table)
{
  for (guint i = 0; key != NULL && i < G_N_ELEMENTS (table_keys); i++)
    {
      if (strcmp (key, table_keys[i]) == 0)
        {
          *table = (RapportExportTable) i;
          return TRUE;
        }
    }
  return FALSE;
}

GOutputStream *
rapport_export_create_file (GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  GFileOutputStream *stream;
  gboolean existed;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* A path that is a database (the open one, a backup) is refused before
   * anything is written: exporting onto it would destroy it. */
  if (g_file_peek_path (file) != NULL && !rapport_database_check_not_database (g_file_peek_path (file), error))
    return NULL;
  existed = g_file_query_exists (file, cancellable);

  /* REPLACE_DESTINATION: a new file, so PRIVATE applies even when one existed. */
  stream = g_file_replace (file, NULL, FALSE,
                           G_FILE_CREATE_PRIVATE | G_FILE_CREATE_REPLACE_DESTINATION,
                           cancellable, &local_error);
  if (stream == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_READ_ONLY,
                     _("“%s” cannot be written: %s"), name, local_error->message);
      return NULL;
    }
  /* GIO writes a new file in place but replaces an old one only on close. */
  if (!existed)
    g_object_set_data_full (G_OBJECT (stream), "rapport-export-file", g_object_ref (file),
                            g_object_unref);
  return G_OUTPUT_STREAM (stream);
}

gboolean
rapport_export_finish_file (GOutputStream  *stream,
                            gboolean        success,
                            GError        **error)
{
  g_autoptr(GCancellable) cancelled = NULL;
  GFile *created;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  if (success)
    return g_output_stream_close (stream, NULL, error);

  /* A cancelled close drops the new content and keeps the old file. */
  cancelled = g_cancellable_new ();
  g_cancellable_cancel (cancelled);
  g_output_stream_close (stream, cancelled, NULL);
  created = g_object_get_data (G_OBJECT (stream), "rapport-export-file");
  if (created != NULL)
    g_file_delete (created, NULL, NULL);
  return TRUE;
}

static char *
date_text (const GDate *date)
{
  return date != NULL && g_date_valid (date) ? rapport_date_to_iso (date) : NULL;
}

static const char *
yes_no (gboolean value)
{
  /* Translators: a yes/no cell of an exported spreadsheet */
  return value ? _("yes") : _("no");
}

/* Steps @stmt and hands each row to @write_row; resets it whatever happens. */
typedef gboolean (*RowWriter) (RapportCsvWriter  *writer,
                               sqlite3_stmt      *stmt,
                               GCancellable      *cancellable,
                               GError           **error);

static gboolean
write_rows (RapportDatabase   *db,
            RapportCsvWriter  *writer,
            sqlite3_stmt      *stmt,
            RowWriter          write_row,
            GCancellable      *cancellable,
            GError           **error)
{
  guint n = 0;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (++n % 1024 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      if (!write_row (writer, stmt, cancellable, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      rapport_database_set_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_customer_row (RapportCsvWriter  *writer,
                    sqlite3_stmt      *stmt,
                    GCancellable      *cancellable,
                    GError           **error)
{
  g_autoptr(RapportCustomer) customer = _rapport_customer_from_row (stmt, 0);
  g_autofree char *since = date_text (rapport_customer_get_since (customer));
  g_autofree char *cadence = NULL;
  guint days = rapport_customer_get_cadence_days (customer);
  const char *cells[11];

  if (days > 0)
    cadence = g_strdup_printf ("%u", days);
  cells[0] = rapport_customer_get_name (customer);
  cells[1] = rapport_customer_get_company (customer);
  cells[2] = rapport_customer_get_phone (customer);
  cells[3] = rapport_customer_get_email (customer);
  cells[4] = rapport_customer_get_notes (customer);
  cells[5] = since;
  cells[6] = cadence;
  cells[7] = yes_no (rapport_customer_get_phone_needs_check (customer));
  cells[8] = rapport_customer_get_id (customer);
  cells[9] = rapport_customer_get_created_at (customer);
  cells[10] = rapport_customer_get_updated_at (customer);
  return rapport_csv_writer_write_row (writer, cells, G_N_ELEMENTS (cells), cancellable, error);
}

static gboolean
export_customers (RapportDatabase   *db,
                  RapportCsvWriter  *writer,
                  GCancellable      *cancellable,
                  GError           **error)
{
  static const char sql[] =
    "SELECT " RAPPORT_CUSTOMER_COLUMNS " FROM customers WHERE deleted_at IS NULL"
    " ORDER BY sort_key, id";
  /* The first seven are the importer's own field names: a round trip maps
   * every column back by itself. */
  const char *headings[] = {
    rapport_import_field_to_label (RAPPORT_IMPORT_FIELD_NAME),
    rapport_import_field_to_label (RAPPORT_IMPORT_FIELD_COMPANY),
    rapport_import_field_to_label (RAPPORT_IMPORT_FIELD_PHONE),
    rapport_import_field_to_label (RAPPORT_IMPORT_FIELD_EMAIL),
    rapport_import_field_to_label (RAPPORT_IMPORT_FIELD_NOTES),
    rapport_import_field_to_label (RAPPORT_IMPORT_FIELD_SINCE),
    rapport_import_field_to_label (RAPPORT_IMPORT_FIELD_CADENCE),
    /* Translators: a column heading of the customer export */
    _("Phone needs checking"),
    /* Translators: a column heading of an export: the unique id of the row */
    _("ID"),
    /* Translators: a column heading of an export (a timestamp) */
    _("Created"),
    /* Translators: a column heading of an export (a timestamp) */
    _("Updated"),
  };
  sqlite3_stmt *stmt;

  if (!rapport_csv_writer_write_row (writer, headings, G_N_ELEMENTS (headings), cancellable,
                                     error))
    return FALSE;
  stmt = rapport_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  return write_rows (db, writer, stmt, write_customer_row, cancellable, error);
}

static gboolean
write_call_row (RapportCsvWriter  *writer,
                sqlite3_stmt      *stmt,
                GCancellable      *cancellable,
                GError           **error)
{
  const char *cells[12];
  g_autofree char *satisfaction = NULL;

  if (sqlite3_column_type (stmt, 7) != SQLITE_NULL)
    satisfaction = g_strdup_printf ("%d", sqlite3_column_int (stmt, 7));
  for (int i = 0; i < 7; i++)
    cells[i] = rapport_column_text (stmt, i);
  cells[7] = satisfaction;
  cells[8] = yes_no (sqlite3_column_int (stmt, 8));
  cells[9] = rapport_column_text (stmt, 9);
  cells[10] = rapport_column_text (stmt, 10);
  cells[11] = rapport_column_text (stmt, 11);
  return rapport_csv_writer_write_row (writer, cells, G_N_ELEMENTS (cells), cancellable, error);
}

static gboolean
export_calls (RapportDatabase   *db,
              RapportCsvWriter  *writer,
              GCancellable      *cancellable,
              GError           **error)
{
  static const char sql[] =
    "SELECT k.uuid, c.uuid, c.name, k.day, k.logged_at, k.staff, k.result, k.satisfaction,"
    " k.problem_persists, k.callback_on, k.situations, k.note"
    " FROM calls k JOIN customers c ON c.id = k.customer_id"
    " WHERE k.deleted_at IS NULL AND c.deleted_at IS NULL ORDER BY k.day, k.id";
  /* Translators: column headings of the call export */
  const char *headings[] = {
    _("ID"), _("Customer ID"), _("Customer"), _("Date"), _("Logged at"), _("Staff"),
    _("Result"), _("Satisfaction"), _("Problem persists"), _("Call back on"),
    _("Situations"), _("Note"),
  };
  sqlite3_stmt *stmt;

  if (!rapport_csv_writer_write_row (writer, headings, G_N_ELEMENTS (headings), cancellable,
                                     error))
    return FALSE;
  stmt = rapport_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  return write_rows (db, writer, stmt, write_call_row, cancellable, error);
}

static gboolean
write_follow_up_row (RapportCsvWriter  *writer,
                     sqlite3_stmt      *stmt,
                     GCancellable      *cancellable,
                     GError           **error)
{
  const char *cells[11];

  for (int i = 0; i < 11; i++)
    cells[i] = rapport_column_text (stmt, i);
  return rapport_csv_writer_write_row (writer, cells, G_N_ELEMENTS (cells), cancellable, error);
}

static gboolean
export_follow_ups (RapportDatabase   *db,
                   RapportCsvWriter  *writer,
                   GCancellable      *cancellable,
                   GError           **error)
{
  static const char sql[] =
    "SELECT f.uuid, c.uuid, c.name, f.situation, f.state, f.flagged_on, f.due,"
    " f.attempts, f.close_reason, f.closed_on, f.note"
    " FROM follow_ups f JOIN customers c ON c.id = f.customer_id"
    " WHERE f.deleted_at IS NULL AND c.deleted_at IS NULL ORDER BY f.flagged_on, f.id";
  /* Translators: column headings of the follow-up export */
  const char *headings[] = {
    _("ID"), _("Customer ID"), _("Customer"), _("Situation"), _("State"), _("Flagged on"),
    _("Due"), _("Attempts"), _("Close reason"), _("Closed on"), _("Note"),
  };
  sqlite3_stmt *stmt;

  if (!rapport_csv_writer_write_row (writer, headings, G_N_ELEMENTS (headings), cancellable,
                                     error))
    return FALSE;
  stmt = rapport_database_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  return write_rows (db, writer, stmt, write_follow_up_row, cancellable, error);
}

gboolean
rapport_export_csv (RapportStore        *store,
                    RapportExportTable   table,
                    GOutputStream       *stream,
                    GCancellable        *cancellable,
                    GError             **error)
{
  RapportDatabase *db;
  g_autoptr(RapportCsvWriter) writer = NULL;
  gboolean ok;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  db = rapport_store_get_database (store);
  writer = rapport_csv_writer_new (stream);
  switch (table)
    {
    case RAPPORT_EXPORT_CUSTOMERS:
      ok = export_customers (db, writer, cancellable, error);
      break;
    case RAPPORT_EXPORT_CALLS:
      ok = export_calls (db, writer, cancellable, error);
      break;
    case RAPPORT_EXPORT_FOLLOW_UPS:
      ok = export_follow_ups (db, writer, cancellable, error);
      break;
    default:
      g_return_val_if_reached (FALSE);
    }
  return ok && rapport_csv_writer_flush (writer, cancellable, error);
}

/* "tel:" and the number's digits, with its leading + (RFC 3966). */
static char *
tel_uri (const char *phone)
{
  g_autofree char *digits = rapport_phone_digits (phone);
  const char *p = phone;

  if (digits[0] == '\0')
    return NULL;
  while (*p == ' ')
    p++;
  return g_strconcat ("tel:", *p == '+' ? "+" : "", digits, NULL);
}

/* One VTODO in @out; FALSE (and nothing written) when no follow-up of the
 * entry is due by @listed_on. */
static gboolean
append_todo (GString            *out,
             RapportAgendaEntry *entry,
             RapportCustomer    *customer,
             const GDate        *listed_on,
             const char         *stamp)
{
  GPtrArray *follow_ups = rapport_agenda_entry_get_follow_ups (entry);
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(GString) situations = g_string_new (NULL);
  g_autofree char *summary = NULL;
  g_autofree char *uid = NULL;
  g_autofree char *url = NULL;
  RapportFollowUp *first = NULL;
  const char *company = rapport_agenda_entry_get_company (entry);
  const char *notes = customer ? rapport_customer_get_notes (customer) : NULL;
  g_autofree char *due = NULL;

  /* The call of that day is about the follow-ups due by then (in priority
   * order); later ones will have calls of their own. */
  for (guint i = 0; i < follow_ups->len; i++)
    {
      RapportFollowUp *f = g_ptr_array_index (follow_ups, i);
      const char *note = rapport_follow_up_get_note (f);

      if (g_date_compare (rapport_follow_up_get_due (f), listed_on) > 0)
        continue;
      if (first == NULL)
        first = f;
      if (situations->len > 0)
        g_string_append (situations, ", ");
      g_string_append (situations, rapport_situation_to_label (rapport_follow_up_get_situation (f)));
      if (note != NULL && note[0] != '\0')
        {
          /* Translators: a line of a calendar task's description: situation: note */
          g_string_append_printf (description, _("%s: %s"),
                                  rapport_situation_to_label (rapport_follow_up_get_situation (f)),
                                  note);
          g_string_append_c (description, '\n');
        }
    }
  g_return_val_if_fail (first != NULL, FALSE);

  g_string_prepend_c (description, '\n');
  g_string_prepend (description, situations->str);
  if (company != NULL && company[0] != '\0')
    {
      /* Translators: a line of a calendar task's description */
      g_string_append_printf (description, _("Company: %s"), company);
      g_string_append_c (description, '\n');
    }
  if (notes != NULL && notes[0] != '\0')
    {
      /* Translators: a line of a calendar task's description */
      g_string_append_printf (description, _("Notes: %s"), notes);
      g_string_append_c (description, '\n');
    }
  g_strchomp (description->str);
  g_string_set_size (description, strlen (description->str));

  /* Translators: the title of a calendar task; %s is the customer's name */
  summary = g_strdup_printf (_("Call %s"), rapport_agenda_entry_get_name (entry));
  uid = g_strdup_printf ("%s@rapport", rapport_follow_up_get_id (first));
  url = tel_uri (rapport_agenda_entry_get_phone (entry));

  due = rapport_icalendar_format_date (rapport_agenda_entry_get_due (entry));

  rapport_icalendar_add_value (out, "BEGIN", "VTODO");
  rapport_icalendar_add_text (out, "UID", uid);
  rapport_icalendar_add_value (out, "DTSTAMP", stamp);
  rapport_icalendar_add_text (out, "SUMMARY", summary);
  rapport_icalendar_add_text (out, "DESCRIPTION", description->str);
  rapport_icalendar_add_value (out, "DUE;VALUE=DATE", due);
  rapport_icalendar_add_value (out, "STATUS", "NEEDS-ACTION");
  if (url != NULL)
    rapport_icalendar_add_value (out, "URL", url);
  rapport_icalendar_add_value (out, "END", "VTODO");
  return TRUE;
}

gboolean
rapport_export_agenda_ics (RapportStore   *store,
                           const GDate    *from,
                           const GDate    *to,
                           GOutputStream  *stream,
                           GCancellable   *cancellable,
                           GError        **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GPtrArray) customers = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = rapport_icalendar_format_utc (now);

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (from != NULL && g_date_valid (from), FALSE);
  g_return_val_if_fail (to != NULL && g_date_valid (to), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  if (g_date_compare (from, to) > 0)
    {
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                           _("The first day comes after the last day"));
      return FALSE;
    }

  /* The agenda of the last day holds every call due in the range (and the
   * overdue ones); each is placed on the first day whose agenda lists it. */
  entries = rapport_store_get_agenda (store, to, error);
  if (entries == NULL)
    return FALSE;

  ids = g_ptr_array_new ();
  for (guint i = 0; i < entries->len; i++)
    g_ptr_array_add (ids, (gpointer) rapport_agenda_entry_get_customer_id (g_ptr_array_index (entries, i)));
  customers = rapport_store_get_customers (store, (const char * const *) ids->pdata, ids->len, error);
  if (customers == NULL)
    return FALSE;
  by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < customers->len; i++)
    g_hash_table_insert (by_id, (gpointer) rapport_customer_get_id (g_ptr_array_index (customers, i)),
                         g_ptr_array_index (customers, i));

  rapport_icalendar_add_value (text, "BEGIN", "VCALENDAR");
  rapport_icalendar_add_value (text, "VERSION", "2.0");
  rapport_icalendar_add_text (text, "PRODID", PRODID);
  for (guint i = 0; i < entries->len; i++)
    {
      RapportAgendaEntry *entry = g_ptr_array_index (entries, i);
      const GDate *due = rapport_agenda_entry_get_due (entry);
      const GDate *listed_on = g_date_compare (due, from) < 0 ? from : due;

      append_todo (text, entry, g_hash_table_lookup (by_id, rapport_agenda_entry_get_customer_id (entry)),
                   listed_on, stamp);
    }
  rapport_icalendar_add_value (text, "END", "VCALENDAR");

  return g_output_stream_write_all (stream, text->str, text->len, NULL, cancellable, error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-json"

#include "config.h"

#include "rapport-date.h"
#include "rapport-json.h"

static void
add_date (JsonBuilder *b,
          const char  *name,
          const GDate *date)
{
  json_builder_set_member_name (b, name);
  if (date && g_date_valid (date))
    {
      g_autofree char *iso = rapport_date_to_iso (date);
      json_builder_add_string_value (b, iso);
    }
  else
    json_builder_add_null_value (b);
}

static void
add_string (JsonBuilder *b,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_string_value (b, value ? value : "");
}

static void
add_int (JsonBuilder *b,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (b, name);
  json_builder_add_int_value (b, value);
}

JsonNode *
rapport_json_agenda (const GDate *day,
                     GPtrArray   *entries)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  add_date (b, "date", day);
  json_builder_set_member_name (b, "calls");
  json_builder_begin_array (b);
  for (guint i = 0; i < entries->len; i++)
    {
      RapportAgendaEntry *e = g_ptr_array_index (entries, i);
      const RapportSituation *situations;
      guint n;

      json_builder_begin_object (b);
      add_string (b, "customer_id", rapport_agenda_entry_get_customer_id (e));
      add_string (b, "name", rapport_agenda_entry_get_name (e));
      add_string (b, "phone", rapport_agenda_entry_get_phone (e));
      json_builder_set_member_name (b, "situations");
      json_builder_begin_array (b);
      situations = rapport_agenda_entry_get_situations (e, &n);
      for (guint s = 0; s < n; s++)
        json_builder_add_string_value (b, rapport_situation_to_key (situations[s]));
      json_builder_end_array (b);
      add_date (b, "due", rapport_agenda_entry_get_due (e));
      add_int (b, "overdue_days", rapport_agenda_entry_get_overdue_days (e));
      add_int (b, "attempts", rapport_agenda_entry_get_attempts (e));
      add_string (b, "note", rapport_agenda_entry_get_note (e));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

static void
add_call (JsonBuilder *b,
          RapportCall *call)
{
  guint satisfaction = rapport_call_get_satisfaction (call);

  json_builder_begin_object (b);
  add_date (b, "date", rapport_call_get_date (call));
  add_string (b, "result", rapport_call_result_to_key (rapport_call_get_result (call)));
  json_builder_set_member_name (b, "satisfaction");
  if (satisfaction > 0)
    json_builder_add_int_value (b, satisfaction);
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "problem_persists");
  json_builder_add_boolean_value (b, rapport_call_get_problem_persists (call));
  add_string (b, "note", rapport_call_get_note (call));
  add_string (b, "staff", rapport_call_get_staff (call));
  json_builder_end_object (b);
}

JsonNode *
rapport_json_calls (GPtrArray *calls)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; i < calls->len; i++)
    add_call (b, g_ptr_array_index (calls, i));
  json_builder_end_array (b);
  return json_builder_get_root (b);
}

JsonNode *
rapport_json_customer (RapportCustomer *customer,
                       guint            default_cadence,
                       GPtrArray       *follow_ups,
                       GPtrArray       *calls)
{
  guint cadence = rapport_customer_get_cadence_days (customer);

  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  add_string (b, "id", rapport_customer_get_id (customer));
  add_string (b, "name", rapport_customer_get_name (customer));
  add_string (b, "company", rapport_customer_get_company (customer));
  add_string (b, "phone", rapport_customer_get_phone (customer));
  add_string (b, "email", rapport_customer_get_email (customer));
  add_string (b, "notes", rapport_customer_get_notes (customer));
  add_date (b, "since", rapport_customer_get_since (customer));
  add_int (b, "cadence_days", cadence ? cadence : default_cadence);
  json_builder_set_member_name (b, "phone_needs_check");
  json_builder_add_boolean_value (b, rapport_customer_get_phone_needs_check (customer));

  json_builder_set_member_name (b, "follow_ups");
  json_builder_begin_array (b);
  for (guint i = 0; i < follow_ups->len; i++)
    {
      RapportFollowUp *f = g_ptr_array_index (follow_ups, i);
      const char *reason = rapport_close_reason_to_key (rapport_follow_up_get_close_reason (f));

      json_builder_begin_object (b);
      add_string (b, "situation", rapport_situation_to_key (rapport_follow_up_get_situation (f)));
      add_string (b, "state", rapport_follow_up_state_to_key (rapport_follow_up_get_state (f)));
      add_date (b, "due", rapport_follow_up_get_due (f));
      add_int (b, "attempts", rapport_follow_up_get_attempts (f));
      json_builder_set_member_name (b, "close_reason");
      if (reason)
        json_builder_add_string_value (b, reason);
      else
        json_builder_add_null_value (b);
      add_string (b, "note", rapport_follow_up_get_note (f));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "calls");
  json_builder_begin_array (b);
  for (guint i = 0; i < calls->len; i++)
    add_call (b, g_ptr_array_index (calls, i));
  json_builder_end_array (b);
  json_builder_end_object (b);
  return json_builder_get_root (b);
}

JsonNode *
rapport_json_customer_list (GPtrArray *customers)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_array (b);
  for (guint i = 0; i < customers->len; i++)
    {
      RapportCustomer *c = g_ptr_array_index (customers, i);
      json_builder_begin_object (b);
      add_string (b, "id", rapport_customer_get_id (c));
      add_string (b, "name", rapport_customer_get_name (c));
      add_string (b, "company", rapport_customer_get_company (c));
      add_string (b, "phone", rapport_customer_get_phone (c));
      add_string (b, "email", rapport_customer_get_email (c));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  return json_builder_get_root (b);
}

char *
rapport_json_to_string (JsonNode *node)
{
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  json_generator_set_root (gen, node);
  text = json_generator_to_data (gen, NULL);
  return g_strconcat (text, "\n", NULL);
}

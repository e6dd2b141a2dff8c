/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "rapport-date.h"
#include "rapport-demo.h"
#include "rapport-demo-resources.h"
#include "rapport-error.h"

/*
 * The demo file (data/demo/customers.json):
 *
 *   { "format": "rapport-demo", "version": 1, "customers": [ CUSTOMER, … ] }
 *
 * CUSTOMER: "name" (required), "company", "phone", "email", "notes",
 * "cadence_days", "new_follow_up" (open the `new` follow-up, default false),
 * the first service date as an offset ("since_days_ago" or
 * "since_business_days_ago"; default today) and "actions", applied in order,
 * each with an offset ("days_ago" or "business_days_ago"; default today;
 * negative is in the future):
 *
 *   {"flag": SITUATION, "note": …}
 *   {"corrected": true, "note": …}
 *   {"stop": SITUATION}                     (always today)
 *   {"call": RESULT, "rating": 1–5, "problem_persists": bool, "note": …,
 *    "staff": …, "callback_days_ago" or "callback_business_days_ago": N}
 *
 * Offsets count back from the store's today, so the demo always looks current;
 * business-day offsets follow the store's business days, so that an irate
 * flag "1 business day ago" is due exactly today.
 */

typedef struct {
  RapportStore *store;
  JsonArray *customers;
  GDate today;
  guint business_days;
  guint n_added;
} LoadOp;

static void
go_back_business_days (GDate *date,
                       gint   n,
                       guint  business_days)
{
  if (n < 0)
    {
      rapport_date_add_business_days (date, (guint) -n, business_days);
      return;
    }
  for (gint i = 0; i < n; i++)
    {
      /* Eight steps find a business day whenever there is one in the week. */
      for (guint step = 0; step < 8; step++)
        {
          g_date_subtract_days (date, 1);
          if (rapport_date_is_business_day (date, business_days))
            break;
        }
    }
}

/* Reads PREFIXdays_ago or PREFIXbusiness_days_ago; today when neither is given. */
static gboolean
read_day (LoadOp      *op,
          JsonObject  *object,
          const char  *prefix,
          GDate       *out,
          gboolean    *found,
          GError     **error)
{
  g_autofree char *days_key = g_strconcat (prefix, "days_ago", NULL);
  g_autofree char *business_key = g_strconcat (prefix, "business_days_ago", NULL);
  const char *key = NULL;
  gint64 n;

  *out = op->today;
  if (json_object_has_member (object, days_key))
    key = days_key;
  else if (json_object_has_member (object, business_key))
    key = business_key;
  if (found != NULL)
    *found = key != NULL;
  if (key == NULL)
    return TRUE;

  n = json_object_get_int_member (object, key);
  if (json_node_get_value_type (json_object_get_member (object, key)) != G_TYPE_INT64 ||
      n < -3650 || n > 36500)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_PARSE,
                   _("“%s” must be a whole number of days"), key);
      return FALSE;
    }
  if (key == days_key)
    {
      if (n >= 0)
        g_date_subtract_days (out, (guint) n);
      else
        g_date_add_days (out, (guint) -n);
    }
  else
    go_back_business_days (out, (gint) n, op->business_days);
  return TRUE;
}

static const char *
get_string (JsonObject *object,
            const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
read_situation (JsonObject        *action,
                const char        *key,
                RapportSituation  *out,
                GError           **error)
{
  const char *value = get_string (action, key);

  if (!rapport_situation_from_key (value, out))
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_PARSE,
                   _("“%s” is not a situation; use one of %s"),
                   value ? value : "", rapport_situation_valid_keys ());
      return FALSE;
    }
  return TRUE;
}

static gboolean
apply_call (LoadOp      *op,
            const char  *id,
            JsonObject  *action,
            const GDate *day,
            GError     **error)
{
  const char *result_key = get_string (action, "call");
  RapportCallInput input = { 0 };
  g_autofree char *call_id = NULL;
  GDate callback;
  gboolean has_callback;

  if (!rapport_call_result_from_key (result_key, &input.result))
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_PARSE,
                   _("“%s” is not a call result; use one of %s"),
                   result_key ? result_key : "", rapport_call_result_valid_keys ());
      return FALSE;
    }
  if (json_object_has_member (action, "rating"))
    input.satisfaction = (guint) CLAMP (json_object_get_int_member (action, "rating"), 0, 5);
  if (json_object_has_member (action, "problem_persists"))
    input.problem_persists = json_object_get_boolean_member (action, "problem_persists");
  if (!read_day (op, action, "callback_", &callback, &has_callback, error))
    return FALSE;
  if (has_callback)
    input.callback = &callback;
  input.note = get_string (action, "note");
  input.staff = get_string (action, "staff");
  input.date = day;

  call_id = rapport_store_log_call (op->store, id, &input, error);
  return call_id != NULL;
}

static gboolean
apply_action (LoadOp      *op,
              const char  *id,
              JsonNode    *node,
              GError     **error)
{
  JsonObject *action;
  RapportSituation situation;
  GDate day;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_PARSE,
                           _("An action must be an object"));
      return FALSE;
    }
  action = json_node_get_object (node);
  if (!read_day (op, action, "", &day, NULL, error))
    return FALSE;

  if (json_object_has_member (action, "flag"))
    return read_situation (action, "flag", &situation, error) &&
           rapport_store_flag (op->store, id, situation, get_string (action, "note"), &day, error);
  if (json_object_has_member (action, "corrected"))
    return rapport_store_mark_corrected (op->store, id, &day, get_string (action, "note"), error);
  if (json_object_has_member (action, "stop"))
    return read_situation (action, "stop", &situation, error) &&
           rapport_store_unflag (op->store, id, situation, error);
  if (json_object_has_member (action, "call"))
    return apply_call (op, id, action, &day, error);

  g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_PARSE,
                       _("An action needs one of “flag”, “corrected”, “stop” or “call”"));
  return FALSE;
}

static gboolean
add_customer (LoadOp      *op,
              JsonObject  *object,
              GError     **error)
{
  g_autoptr(RapportCustomer) customer = rapport_customer_new ();
  JsonArray *actions = NULL;
  gboolean open_new = FALSE;
  const char *name = get_string (object, "name");
  GDate since;

  if (name == NULL || *name == '\0')
    {
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_PARSE,
                           _("A customer needs a name"));
      return FALSE;
    }
  rapport_customer_set_name (customer, name);
  rapport_customer_set_company (customer, get_string (object, "company"));
  rapport_customer_set_phone (customer, get_string (object, "phone"));
  rapport_customer_set_email (customer, get_string (object, "email"));
  rapport_customer_set_notes (customer, get_string (object, "notes"));
  if (json_object_has_member (object, "cadence_days"))
    rapport_customer_set_cadence_days (customer,
                                       (guint) CLAMP (json_object_get_int_member (object, "cadence_days"),
                                                      0, G_MAXUINT32));
  if (!read_day (op, object, "since_", &since, NULL, error))
    return FALSE;
  rapport_customer_set_since (customer, &since);
  if (json_object_has_member (object, "new_follow_up"))
    open_new = json_object_get_boolean_member (object, "new_follow_up");

  if (!rapport_store_add_customer (op->store, customer, open_new, error))
    return FALSE;

  if (json_object_has_member (object, "actions"))
    {
      JsonNode *node = json_object_get_member (object, "actions");
      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_PARSE,
                               _("“actions” must be a list"));
          return FALSE;
        }
      actions = json_node_get_array (node);
    }
  for (guint i = 0; actions != NULL && i < json_array_get_length (actions); i++)
    {
      if (!apply_action (op, rapport_customer_get_id (customer),
                         json_array_get_element (actions, i), error))
        {
          g_prefix_error (error, _("Action %u: "), i + 1);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
load_cb (RapportDatabase *db,
         gpointer         user_data,
         GError         **error)
{
  LoadOp *op = user_data;

  /* The whole function runs again when the transaction is retried. */
  op->n_added = 0;
  for (guint i = 0; i < json_array_get_length (op->customers); i++)
    {
      JsonNode *node = json_array_get_element (op->customers, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (object == NULL || !add_customer (op, object, error))
        {
          const char *name = object ? get_string (object, "name") : NULL;

          if (object == NULL)
            g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_PARSE,
                                 _("A customer must be an object"));
          g_prefix_error (error, _("Sample customer %u (%s): "), i + 1,
                          name ? name : _("no name"));
          return FALSE;
        }
      op->n_added++;
    }
  return TRUE;
}

gboolean
rapport_demo_load_data (RapportStore  *store,
                        const char    *data,
                        gssize         length,
                        GError       **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  RapportRules rules;
  JsonObject *root;
  JsonNode *customers;
  LoadOp op = { store };
  gboolean ok;

  g_return_val_if_fail (RAPPORT_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_PARSE,
                   _("The sample customers could not be read: %s"), local_error->message);
      return FALSE;
    }
  root = JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser))
         ? json_node_get_object (json_parser_get_root (parser)) : NULL;
  if (root == NULL || g_strcmp0 (get_string (root, "format"), "rapport-demo") != 0)
    {
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_PARSE,
                           _("The sample customers could not be read: this is not a Rapport demo file"));
      return FALSE;
    }
  customers = json_object_get_member (root, "customers");
  if (customers == NULL || !JSON_NODE_HOLDS_ARRAY (customers))
    {
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_PARSE,
                           _("The sample customers could not be read: “customers” must be a list"));
      return FALSE;
    }

  op.customers = json_node_get_array (customers);
  rapport_store_get_today (store, &op.today);
  rapport_store_get_rules (store, &rules);
  op.business_days = rules.business_days;

  /* One transaction around every step (the store's own transactions nest), so
   * a failure halfway leaves the database as it was. */
  ok = rapport_database_transaction (rapport_store_get_database (store), load_cb, &op, error);
  if (!ok)
    {
      /* Views refreshed on the steps that were rolled back: tell them again. */
      g_signal_emit_by_name (store, "changed");
      return FALSE;
    }
  g_debug ("Added %u sample customers", op.n_added);
  g_signal_emit_by_name (store, "changed");
  return TRUE;
}

gboolean
rapport_demo_load_file (RapportStore  *store,
                        const char    *path,
                        GError       **error)
{
  g_autofree char *data = NULL;
  gsize length;

  if (!g_file_get_contents (path, &data, &length, error))
    return FALSE;
  return rapport_demo_load_data (store, data, (gssize) length, error);
}

gboolean
rapport_demo_load (RapportStore  *store,
                   GError       **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  bytes = g_resource_lookup_data (rapport_demo_get_resource (), RAPPORT_DEMO_RESOURCE_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  return rapport_demo_load_data (store, data, (gssize) length, error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-customer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rapport-customer.h"
#include "rapport-error.h"
#include "rapport-model-private.h"

struct _RapportCustomer
{
  GObject parent_instance;

  gint64 rowid;
  char *id;
  char *name;
  char *company;
  char *phone;
  char *email;
  char *notes;
  GDate since;
  guint cadence_days;
  gboolean phone_needs_check;
  char *created_at;
  char *updated_at;
};

G_DEFINE_FINAL_TYPE (RapportCustomer, rapport_customer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_COMPANY,
  PROP_PHONE,
  PROP_EMAIL,
  PROP_NOTES,
  PROP_CADENCE_DAYS,
  PROP_PHONE_NEEDS_CHECK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
rapport_customer_finalize (GObject *object)
{
  RapportCustomer *self = (RapportCustomer *) object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->company);
  g_free (self->phone);
  g_free (self->email);
  g_free (self->notes);
  g_free (self->created_at);
  g_free (self->updated_at);

  G_OBJECT_CLASS (rapport_customer_parent_class)->finalize (object);
}

static void
rapport_customer_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  RapportCustomer *self = RAPPORT_CUSTOMER (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_COMPANY: g_value_set_string (value, self->company); break;
    case PROP_PHONE: g_value_set_string (value, self->phone); break;
    case PROP_EMAIL: g_value_set_string (value, self->email); break;
    case PROP_NOTES: g_value_set_string (value, self->notes); break;
    case PROP_CADENCE_DAYS: g_value_set_uint (value, self->cadence_days); break;
    case PROP_PHONE_NEEDS_CHECK: g_value_set_boolean (value, self->phone_needs_check); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_customer_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  RapportCustomer *self = RAPPORT_CUSTOMER (object);

  switch (prop_id)
    {
    case PROP_NAME: rapport_customer_set_name (self, g_value_get_string (value)); break;
    case PROP_COMPANY: rapport_customer_set_company (self, g_value_get_string (value)); break;
    case PROP_PHONE: rapport_customer_set_phone (self, g_value_get_string (value)); break;
    case PROP_EMAIL: rapport_customer_set_email (self, g_value_get_string (value)); break;
    case PROP_NOTES: rapport_customer_set_notes (self, g_value_get_string (value)); break;
    case PROP_CADENCE_DAYS: rapport_customer_set_cadence_days (self, g_value_get_uint (value)); break;
    case PROP_PHONE_NEEDS_CHECK: rapport_customer_set_phone_needs_check (self, g_value_get_boolean (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_customer_class_init (RapportCustomerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = rapport_customer_finalize;
  object_class->get_property = rapport_customer_get_property;
  object_class->set_property = rapport_customer_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", rw);
  properties[PROP_COMPANY] = g_param_spec_string ("company", NULL, NULL, "", rw);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, "", rw);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, "", rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, "", rw);
  properties[PROP_CADENCE_DAYS] = g_param_spec_uint ("cadence-days", NULL, NULL, 0, 3650, 0, rw);
  properties[PROP_PHONE_NEEDS_CHECK] = g_param_spec_boolean ("phone-needs-check", NULL, NULL, FALSE, rw);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
rapport_customer_init (RapportCustomer *self)
{
  self->name = g_strdup ("");
  self->company = g_strdup ("");
  self->phone = g_strdup ("");
  self->email = g_strdup ("");
  self->notes = g_strdup ("");
  g_date_clear (&self->since, 1);
}

RapportCustomer *
rapport_customer_new (void)
{
  return g_object_new (RAPPORT_TYPE_CUSTOMER, NULL);
}

/**
 * rapport_customer_copy:
 * Returns: (transfer full): an independent copy, same id, for editing.
 */
RapportCustomer *
rapport_customer_copy (RapportCustomer *self)
{
  RapportCustomer *copy = rapport_customer_new ();

  copy->rowid = self->rowid;
  copy->id = g_strdup (self->id);
  g_free (copy->name); copy->name = g_strdup (self->name);
  g_free (copy->company); copy->company = g_strdup (self->company);
  g_free (copy->phone); copy->phone = g_strdup (self->phone);
  g_free (copy->email); copy->email = g_strdup (self->email);
  g_free (copy->notes); copy->notes = g_strdup (self->notes);
  copy->since = self->since;
  copy->cadence_days = self->cadence_days;
  copy->phone_needs_check = self->phone_needs_check;
  copy->created_at = g_strdup (self->created_at);
  copy->updated_at = g_strdup (self->updated_at);
  return copy;
}

/* Sets a string field, trimmed, and notifies only on a real change. */
static void
set_text (RapportCustomer *self,
          char           **field,
          const char      *value,
          guint            prop)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (value ? value : ""));

  if (g_strcmp0 (*field, trimmed) == 0)
    return;
  g_free (*field);
  *field = g_steal_pointer (&trimmed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

const char *rapport_customer_get_id (RapportCustomer *self) { return self->id; }
const char *rapport_customer_get_name (RapportCustomer *self) { return self->name; }
const char *rapport_customer_get_company (RapportCustomer *self) { return self->company; }
const char *rapport_customer_get_phone (RapportCustomer *self) { return self->phone; }
const char *rapport_customer_get_email (RapportCustomer *self) { return self->email; }
const char *rapport_customer_get_notes (RapportCustomer *self) { return self->notes; }
const GDate *rapport_customer_get_since (RapportCustomer *self) { return &self->since; }
guint rapport_customer_get_cadence_days (RapportCustomer *self) { return self->cadence_days; }
gboolean rapport_customer_get_phone_needs_check (RapportCustomer *self) { return self->phone_needs_check; }
const char *rapport_customer_get_created_at (RapportCustomer *self) { return self->created_at; }
const char *rapport_customer_get_updated_at (RapportCustomer *self) { return self->updated_at; }

void
rapport_customer_set_name (RapportCustomer *self, const char *name)
{
  set_text (self, &self->name, name, PROP_NAME);
}

void
rapport_customer_set_company (RapportCustomer *self, const char *company)
{
  set_text (self, &self->company, company, PROP_COMPANY);
}

void
rapport_customer_set_phone (RapportCustomer *self, const char *phone)
{
  g_autofree char *before = g_strdup (self->phone);

  set_text (self, &self->phone, phone, PROP_PHONE);
  /* A wrong number flagged by a call is checked by entering the right one:
   * a changed number needs no check any more. */
  if (g_strcmp0 (before, self->phone) != 0)
    rapport_customer_set_phone_needs_check (self, FALSE);
}

void
rapport_customer_set_email (RapportCustomer *self, const char *email)
{
  set_text (self, &self->email, email, PROP_EMAIL);
}

void
rapport_customer_set_notes (RapportCustomer *self, const char *notes)
{
  g_autofree char *copy = g_strdup (notes ? notes : "");
  /* Notes keep their inner line breaks; only the ends are trimmed. */
  set_text (self, &self->notes, copy, PROP_NOTES);
}

void
rapport_customer_set_since (RapportCustomer *self,
                            const GDate     *since)
{
  if (since == NULL || !g_date_valid (since))
    g_date_clear (&self->since, 1);
  else
    self->since = *since;
}

void
rapport_customer_set_cadence_days (RapportCustomer *self,
                                   guint            days)
{
  if (self->cadence_days == days)
    return;
  self->cadence_days = days;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CADENCE_DAYS]);
}

void
rapport_customer_set_phone_needs_check (RapportCustomer *self,
                                        gboolean         needs_check)
{
  needs_check = !!needs_check;
  if (self->phone_needs_check == needs_check)
    return;
  self->phone_needs_check = needs_check;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE_NEEDS_CHECK]);
}

gint64
_rapport_customer_get_rowid (RapportCustomer *self)
{
  return self->rowid;
}

/* A stored row as an object, fields taken as they are (the store wrote them
 * through the setters): no trimming and no notifications, which cost more
 * than the row itself when the agenda or a page of the list is read. */
RapportCustomer *
_rapport_customer_new_stored (gint64       rowid,
                              const char  *id,
                              const char  *name,
                              const char  *company,
                              const char  *phone,
                              const char  *email,
                              const char  *notes,
                              const GDate *since,
                              guint        cadence_days,
                              gboolean     phone_needs_check,
                              const char  *created_at,
                              const char  *updated_at)
{
  RapportCustomer *self = g_object_new (RAPPORT_TYPE_CUSTOMER, NULL);

  self->rowid = rowid;
  self->id = g_strdup (id);
  g_free (self->name);
  self->name = g_strdup (name);
  g_free (self->company);
  self->company = g_strdup (company);
  g_free (self->phone);
  self->phone = g_strdup (phone);
  g_free (self->email);
  self->email = g_strdup (email);
  g_free (self->notes);
  self->notes = g_strdup (notes);
  rapport_customer_set_since (self, since);
  self->cadence_days = cadence_days;
  self->phone_needs_check = phone_needs_check;
  self->created_at = g_strdup (created_at);
  self->updated_at = g_strdup (updated_at);
  return self;
}

void
_rapport_customer_set_stored (RapportCustomer *self,
                              gint64           rowid,
                              const char      *id,
                              const char      *created_at,
                              const char      *updated_at)
{
  self->rowid = rowid;
  if (g_strcmp0 (self->id, id) != 0)
    {
      g_free (self->id);
      self->id = g_strdup (id);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
    }
  /* Callers pass our own created_at back when rewriting a row: copy first. */
  {
    char *created_copy = g_strdup (created_at);
    char *updated_copy = g_strdup (updated_at);

    g_free (self->created_at);
    self->created_at = created_copy;
    g_free (self->updated_at);
    self->updated_at = updated_copy;
  }
}

/* A pragmatic check, not RFC 5322: one @, something before it, a dot in the
 * domain, no spaces. It catches the typos people make. */
gboolean
rapport_email_is_valid (const char *email)
{
  const char *at, *dot;

  if (email == NULL || *email == '\0')
    return FALSE;
  if (strpbrk (email, " \t\r\n,;<>") != NULL)
    return FALSE;
  at = strchr (email, '@');
  if (at == NULL || at == email || strchr (at + 1, '@') != NULL)
    return FALSE;
  dot = strrchr (at + 1, '.');
  return dot != NULL && dot > at + 1 && dot[1] != '\0';
}

/* Digits with the usual separators and an optional leading +; 3 to 20 digits. */
gboolean
rapport_phone_is_valid (const char *phone)
{
  guint digits = 0;

  if (phone == NULL || *phone == '\0')
    return FALSE;
  for (const char *p = phone; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (*p == '+' && p == phone)
        continue;
      else if (strchr (" -./()", *p) == NULL)
        return FALSE;
    }
  return digits >= 3 && digits <= 20;
}

char *
rapport_phone_digits (const char *phone)
{
  GString *s = g_string_new (NULL);

  for (const char *p = phone ? phone : ""; *p; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

gboolean
rapport_customer_validate (RapportCustomer *self,
                           GError         **error)
{
  const char *texts[] = { self->name, self->company, self->phone, self->email, self->notes };

  g_return_val_if_fail (RAPPORT_IS_CUSTOMER (self), FALSE);

  /* Bytes from a command line or a file that are not text would make every
   * export and JSON output of the customer invalid. */
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL && !g_utf8_validate (texts[i], -1, NULL))
      {
        g_autofree char *shown = g_utf8_make_valid (texts[i], -1);

        g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                     _("“%s” is not valid UTF-8 text"), shown);
        return FALSE;
      }
  if (self->name[0] == '\0')
    {
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                           _("A customer needs a name"));
      return FALSE;
    }
  if (g_utf8_strlen (self->name, -1) > 200)
    {
      g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                           _("The name is longer than 200 characters"));
      return FALSE;
    }
  if (self->email[0] != '\0' && !rapport_email_is_valid (self->email))
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not an email address"), self->email);
      return FALSE;
    }
  if (self->phone[0] != '\0' && !rapport_phone_is_valid (self->phone))
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("“%s” is not a phone number: use digits, spaces, dashes and an optional leading +"),
                   self->phone);
      return FALSE;
    }
  if (self->cadence_days > 3650)
    {
      g_set_error (error, RAPPORT_ERROR, RAPPORT_ERROR_INVALID,
                   _("The regular cadence must be between 1 and 3650 days, not %u"),
                   self->cadence_days);
      return FALSE;
    }
  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-agenda-entry"

#include "config.h"

#include <string.h>

#include "rapport-agenda-entry.h"
#include "rapport-date.h"
#include "rapport-model-private.h"

struct _RapportAgendaEntry
{
  GObject parent_instance;

  RapportCustomer *customer;
  GDate day;
  guint business_days;
  GPtrArray *follow_ups;
  RapportSituation situations[RAPPORT_N_SITUATIONS];
  guint n_situations;
  GDate due;
  guint attempts;
  char *collate_key;
};

G_DEFINE_FINAL_TYPE (RapportAgendaEntry, rapport_agenda_entry, G_TYPE_OBJECT)

static void
rapport_agenda_entry_finalize (GObject *object)
{
  RapportAgendaEntry *self = (RapportAgendaEntry *) object;

  g_clear_object (&self->customer);
  g_clear_pointer (&self->follow_ups, g_ptr_array_unref);
  g_free (self->collate_key);

  G_OBJECT_CLASS (rapport_agenda_entry_parent_class)->finalize (object);
}

static void
rapport_agenda_entry_class_init (RapportAgendaEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rapport_agenda_entry_finalize;
}

static void
rapport_agenda_entry_init (RapportAgendaEntry *self)
{
  self->follow_ups = g_ptr_array_new_with_free_func (g_object_unref);
  g_date_clear (&self->due, 1);
}

RapportAgendaEntry *
_rapport_agenda_entry_new (RapportCustomer *customer,
                           const GDate     *day,
                           guint            business_days)
{
  RapportAgendaEntry *self = g_object_new (RAPPORT_TYPE_AGENDA_ENTRY, NULL);

  self->customer = g_object_ref (customer);
  self->day = *day;
  self->business_days = business_days;
  return self;
}

static gint
compare_follow_ups (gconstpointer a,
                    gconstpointer b)
{
  RapportFollowUp *fa = *(RapportFollowUp **) a;
  RapportFollowUp *fb = *(RapportFollowUp **) b;

  return (gint) rapport_follow_up_get_situation (fa) - (gint) rapport_follow_up_get_situation (fb);
}

void
_rapport_agenda_entry_add (RapportAgendaEntry *self,
                           RapportFollowUp    *follow_up)
{
  const GDate *due = rapport_follow_up_get_due (follow_up);

  g_ptr_array_add (self->follow_ups, g_object_ref (follow_up));
  g_ptr_array_sort (self->follow_ups, compare_follow_ups);

  self->n_situations = self->follow_ups->len;
  for (guint i = 0; i < self->follow_ups->len; i++)
    self->situations[i] = rapport_follow_up_get_situation (g_ptr_array_index (self->follow_ups, i));

  if (!g_date_valid (&self->due) || g_date_compare (due, &self->due) < 0)
    self->due = *due;
  self->attempts = MAX (self->attempts, rapport_follow_up_get_attempts (follow_up));
}

gint
_rapport_agenda_entry_compare (gconstpointer a,
                               gconstpointer b)
{
  RapportAgendaEntry *ea = *(RapportAgendaEntry **) a;
  RapportAgendaEntry *eb = *(RapportAgendaEntry **) b;
  gint cmp;

  if (ea->situations[0] != eb->situations[0])
    return (gint) ea->situations[0] - (gint) eb->situations[0];
  if ((cmp = g_date_compare (&ea->due, &eb->due)) != 0)
    return cmp;
  /* Collation keys are dear: made only for entries that tie on the rest. */
  if (ea->collate_key == NULL)
    ea->collate_key = g_utf8_collate_key (rapport_customer_get_name (ea->customer), -1);
  if (eb->collate_key == NULL)
    eb->collate_key = g_utf8_collate_key (rapport_customer_get_name (eb->customer), -1);
  if ((cmp = strcmp (ea->collate_key, eb->collate_key)) != 0)
    return cmp;
  return g_strcmp0 (rapport_customer_get_id (ea->customer), rapport_customer_get_id (eb->customer));
}

guint
_rapport_situations_parse (const char       *text,
                           RapportSituation *out)
{
  g_auto(GStrv) parts = NULL;
  guint n = 0;

  if (text == NULL || *text == '\0')
    return 0;
  parts = g_strsplit (text, ",", RAPPORT_N_SITUATIONS + 1);
  for (guint i = 0; parts[i] && n < RAPPORT_N_SITUATIONS; i++)
    if (rapport_situation_from_key (parts[i], &out[n]))
      n++;
  return n;
}

const char *rapport_agenda_entry_get_customer_id (RapportAgendaEntry *self) { return rapport_customer_get_id (self->customer); }
const char *rapport_agenda_entry_get_name (RapportAgendaEntry *self) { return rapport_customer_get_name (self->customer); }
const char *rapport_agenda_entry_get_company (RapportAgendaEntry *self) { return rapport_customer_get_company (self->customer); }
const char *rapport_agenda_entry_get_phone (RapportAgendaEntry *self) { return rapport_customer_get_phone (self->customer); }
gboolean rapport_agenda_entry_get_phone_needs_check (RapportAgendaEntry *self) { return rapport_customer_get_phone_needs_check (self->customer); }
const GDate *rapport_agenda_entry_get_due (RapportAgendaEntry *self) { return &self->due; }
guint rapport_agenda_entry_get_attempts (RapportAgendaEntry *self) { return self->attempts; }
GPtrArray *rapport_agenda_entry_get_follow_ups (RapportAgendaEntry *self) { return self->follow_ups; }

const RapportSituation *
rapport_agenda_entry_get_situations (RapportAgendaEntry *self,
                                     guint              *n_situations)
{
  *n_situations = self->n_situations;
  return self->situations;
}

guint
rapport_agenda_entry_get_overdue_days (RapportAgendaEntry *self)
{
  gint days = g_date_days_between (&self->due, &self->day);
  return days > 0 ? (guint) days : 0;
}

guint
rapport_agenda_entry_get_overdue_business_days (RapportAgendaEntry *self)
{
  return rapport_date_business_days_between (&self->due, &self->day, self->business_days);
}

const char *
rapport_agenda_entry_get_note (RapportAgendaEntry *self)
{
  if (self->follow_ups->len == 0)
    return "";
  return rapport_follow_up_get_note (g_ptr_array_index (self->follow_ups, 0));
}

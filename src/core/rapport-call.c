/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-call"

#include "config.h"

#include "rapport-call.h"
#include "rapport-model-private.h"

struct _RapportCall
{
  GObject parent_instance;

  char *id;
  char *customer_id;
  char *customer_name;
  GDate date;
  char *logged_at;
  char *staff;
  RapportCallResult result;
  guint satisfaction;
  gboolean problem_persists;
  GDate callback;
  char *note;
  RapportSituation situations[RAPPORT_N_SITUATIONS];
  guint n_situations;
};

G_DEFINE_FINAL_TYPE (RapportCall, rapport_call, G_TYPE_OBJECT)

static void
rapport_call_finalize (GObject *object)
{
  RapportCall *self = (RapportCall *) object;

  g_free (self->id);
  g_free (self->customer_id);
  g_free (self->customer_name);
  g_free (self->logged_at);
  g_free (self->staff);
  g_free (self->note);

  G_OBJECT_CLASS (rapport_call_parent_class)->finalize (object);
}

static void
rapport_call_class_init (RapportCallClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rapport_call_finalize;
}

static void
rapport_call_init (RapportCall *self)
{
  g_date_clear (&self->date, 1);
  g_date_clear (&self->callback, 1);
}

RapportCall *
_rapport_call_new (const char        *id,
                   const char        *customer_id,
                   const char        *customer_name,
                   const GDate       *date,
                   const char        *logged_at,
                   const char        *staff,
                   RapportCallResult  result,
                   guint              satisfaction,
                   gboolean           problem_persists,
                   const GDate       *callback,
                   const char        *note,
                   const char        *situations)
{
  RapportCall *self = g_object_new (RAPPORT_TYPE_CALL, NULL);

  self->id = g_strdup (id);
  self->customer_id = g_strdup (customer_id);
  self->customer_name = g_strdup (customer_name ? customer_name : "");
  if (date && g_date_valid (date))
    self->date = *date;
  self->logged_at = g_strdup (logged_at ? logged_at : "");
  self->staff = g_strdup (staff ? staff : "");
  self->result = result;
  self->satisfaction = satisfaction;
  self->problem_persists = problem_persists;
  if (callback && g_date_valid (callback))
    self->callback = *callback;
  self->note = g_strdup (note ? note : "");
  self->n_situations = _rapport_situations_parse (situations, self->situations);
  return self;
}

const char *rapport_call_get_id (RapportCall *self) { return self->id; }
const char *rapport_call_get_customer_id (RapportCall *self) { return self->customer_id; }
const char *rapport_call_get_customer_name (RapportCall *self) { return self->customer_name; }
const GDate *rapport_call_get_date (RapportCall *self) { return &self->date; }
const char *rapport_call_get_logged_at (RapportCall *self) { return self->logged_at; }
const char *rapport_call_get_staff (RapportCall *self) { return self->staff; }
RapportCallResult rapport_call_get_result (RapportCall *self) { return self->result; }
guint rapport_call_get_satisfaction (RapportCall *self) { return self->satisfaction; }
gboolean rapport_call_get_problem_persists (RapportCall *self) { return self->problem_persists; }
const GDate *rapport_call_get_callback (RapportCall *self) { return &self->callback; }
const char *rapport_call_get_note (RapportCall *self) { return self->note; }

const RapportSituation *
rapport_call_get_situations (RapportCall *self,
                             guint       *n_situations)
{
  *n_situations = self->n_situations;
  return self->situations;
}

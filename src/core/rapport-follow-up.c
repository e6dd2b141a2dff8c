/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-follow-up"

#include "config.h"

#include "rapport-follow-up.h"
#include "rapport-model-private.h"

struct _RapportFollowUp
{
  GObject parent_instance;

  char *id;
  char *customer_id;
  RapportSituation situation;
  RapportFollowUpState state;
  GDate flagged_on;
  GDate due;
  guint attempts;
  RapportCloseReason close_reason;
  GDate closed_on;
  char *note;
};

G_DEFINE_FINAL_TYPE (RapportFollowUp, rapport_follow_up, G_TYPE_OBJECT)

static void
rapport_follow_up_finalize (GObject *object)
{
  RapportFollowUp *self = (RapportFollowUp *) object;

  g_free (self->id);
  g_free (self->customer_id);
  g_free (self->note);

  G_OBJECT_CLASS (rapport_follow_up_parent_class)->finalize (object);
}

static void
rapport_follow_up_class_init (RapportFollowUpClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rapport_follow_up_finalize;
}

static void
rapport_follow_up_init (RapportFollowUp *self)
{
  g_date_clear (&self->flagged_on, 1);
  g_date_clear (&self->due, 1);
  g_date_clear (&self->closed_on, 1);
}

static void
copy_date (GDate       *to,
           const GDate *from)
{
  if (from != NULL && g_date_valid (from))
    *to = *from;
}

RapportFollowUp *
_rapport_follow_up_new (const char          *id,
                        const char          *customer_id,
                        RapportSituation     situation,
                        RapportFollowUpState state,
                        const GDate         *flagged_on,
                        const GDate         *due,
                        guint                attempts,
                        RapportCloseReason   close_reason,
                        const GDate         *closed_on,
                        const char          *note)
{
  RapportFollowUp *self = g_object_new (RAPPORT_TYPE_FOLLOW_UP, NULL);

  self->id = g_strdup (id);
  self->customer_id = g_strdup (customer_id);
  self->situation = situation;
  self->state = state;
  copy_date (&self->flagged_on, flagged_on);
  copy_date (&self->due, due);
  self->attempts = attempts;
  self->close_reason = close_reason;
  copy_date (&self->closed_on, closed_on);
  self->note = g_strdup (note ? note : "");
  return self;
}

const char *rapport_follow_up_get_id (RapportFollowUp *self) { return self->id; }
const char *rapport_follow_up_get_customer_id (RapportFollowUp *self) { return self->customer_id; }
RapportSituation rapport_follow_up_get_situation (RapportFollowUp *self) { return self->situation; }
RapportFollowUpState rapport_follow_up_get_state (RapportFollowUp *self) { return self->state; }
const GDate *rapport_follow_up_get_flagged_on (RapportFollowUp *self) { return &self->flagged_on; }
const GDate *rapport_follow_up_get_due (RapportFollowUp *self) { return &self->due; }
guint rapport_follow_up_get_attempts (RapportFollowUp *self) { return self->attempts; }
RapportCloseReason rapport_follow_up_get_close_reason (RapportFollowUp *self) { return self->close_reason; }
const GDate *rapport_follow_up_get_closed_on (RapportFollowUp *self) { return &self->closed_on; }
const char *rapport_follow_up_get_note (RapportFollowUp *self) { return self->note; }

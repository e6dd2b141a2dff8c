/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "rapport-types.h"

static const char *situation_keys[] = { "irate", "nothing-went-right", "new", "regular" };
static const char *state_keys[] = { "waiting", "open", "closed" };
static const char *close_keys[] = { "", "satisfied", "problem-persists", "unreachable", "cancelled" };
static const char *result_keys[] = { "reached", "callback", "no-answer", "voicemail", "wrong-number" };

static gboolean
lookup (const char  *key,
        const char **keys,
        guint        n_keys,
        guint        first,
        int         *out)
{
  if (key == NULL)
    return FALSE;
  for (guint i = first; i < n_keys; i++)
    if (g_str_equal (key, keys[i]))
      {
        *out = (int) i;
        return TRUE;
      }
  return FALSE;
}

const char *
rapport_situation_to_key (RapportSituation situation)
{
  g_return_val_if_fail (situation < RAPPORT_N_SITUATIONS, NULL);
  return situation_keys[situation];
}

gboolean
rapport_situation_from_key (const char       *key,
                            RapportSituation *situation)
{
  int v;
  if (!lookup (key, situation_keys, G_N_ELEMENTS (situation_keys), 0, &v))
    return FALSE;
  *situation = v;
  return TRUE;
}

const char *
rapport_situation_to_label (RapportSituation situation)
{
  switch (situation)
    {
    case RAPPORT_SITUATION_IRATE: return _("Irate customer");
    case RAPPORT_SITUATION_NOTHING_WENT_RIGHT: return _("Nothing went right");
    case RAPPORT_SITUATION_NEW: return _("New customer");
    case RAPPORT_SITUATION_REGULAR: return _("Regular customer");
    case RAPPORT_N_SITUATIONS:
    default: g_return_val_if_reached (NULL);
    }
}

const char *
rapport_situation_icon_name (RapportSituation situation)
{
  switch (situation)
    {
    case RAPPORT_SITUATION_IRATE: return "dialog-warning-symbolic";
    case RAPPORT_SITUATION_NOTHING_WENT_RIGHT: return "applications-engineering-symbolic";
    case RAPPORT_SITUATION_NEW: return "starred-symbolic";
    case RAPPORT_SITUATION_REGULAR: return "view-refresh-symbolic";
    case RAPPORT_N_SITUATIONS:
    default: g_return_val_if_reached (NULL);
    }
}

const char *
rapport_follow_up_state_to_key (RapportFollowUpState state)
{
  g_return_val_if_fail (state <= RAPPORT_FOLLOW_UP_CLOSED, NULL);
  return state_keys[state];
}

gboolean
rapport_follow_up_state_from_key (const char           *key,
                                  RapportFollowUpState *state)
{
  int v;
  if (!lookup (key, state_keys, G_N_ELEMENTS (state_keys), 0, &v))
    return FALSE;
  *state = v;
  return TRUE;
}

const char *
rapport_follow_up_state_to_label (RapportFollowUpState state)
{
  switch (state)
    {
    case RAPPORT_FOLLOW_UP_WAITING: return _("Waiting for the fix");
    case RAPPORT_FOLLOW_UP_OPEN: return _("Open");
    case RAPPORT_FOLLOW_UP_CLOSED: return _("Closed");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
rapport_close_reason_to_key (RapportCloseReason reason)
{
  g_return_val_if_fail (reason <= RAPPORT_CLOSE_CANCELLED, NULL);
  return reason == RAPPORT_CLOSE_NONE ? NULL : close_keys[reason];
}

gboolean
rapport_close_reason_from_key (const char         *key,
                               RapportCloseReason *reason)
{
  int v;
  if (key == NULL || *key == '\0')
    {
      *reason = RAPPORT_CLOSE_NONE;
      return TRUE;
    }
  if (!lookup (key, close_keys, G_N_ELEMENTS (close_keys), 1, &v))
    return FALSE;
  *reason = v;
  return TRUE;
}

const char *
rapport_close_reason_to_label (RapportCloseReason reason)
{
  switch (reason)
    {
    case RAPPORT_CLOSE_NONE: return "";
    case RAPPORT_CLOSE_SATISFIED: return _("Satisfied");
    case RAPPORT_CLOSE_PROBLEM_PERSISTS: return _("Problem persists");
    case RAPPORT_CLOSE_UNREACHABLE: return _("Unreachable");
    case RAPPORT_CLOSE_CANCELLED: return _("Cancelled");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
rapport_call_result_to_key (RapportCallResult result)
{
  g_return_val_if_fail (result < RAPPORT_N_RESULTS, NULL);
  return result_keys[result];
}

gboolean
rapport_call_result_from_key (const char        *key,
                              RapportCallResult *result)
{
  int v;
  if (!lookup (key, result_keys, G_N_ELEMENTS (result_keys), 0, &v))
    return FALSE;
  *result = v;
  return TRUE;
}

const char *
rapport_call_result_to_label (RapportCallResult result)
{
  switch (result)
    {
    case RAPPORT_RESULT_REACHED: return _("Reached");
    case RAPPORT_RESULT_CALLBACK: return _("Call back");
    case RAPPORT_RESULT_NO_ANSWER: return _("No answer");
    case RAPPORT_RESULT_VOICEMAIL: return _("Voicemail");
    case RAPPORT_RESULT_WRONG_NUMBER: return _("Wrong number");
    case RAPPORT_N_RESULTS:
    default: g_return_val_if_reached (NULL);
    }
}

const char *
rapport_situation_valid_keys (void)
{
  return "nothing-went-right, irate, new, regular";
}

const char *
rapport_call_result_valid_keys (void)
{
  return "reached, callback, no-answer, voicemail, wrong-number";
}

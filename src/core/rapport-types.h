/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The order is the agenda's priority order: irate first. */
typedef enum {
  RAPPORT_SITUATION_IRATE,
  RAPPORT_SITUATION_NOTHING_WENT_RIGHT,
  RAPPORT_SITUATION_NEW,
  RAPPORT_SITUATION_REGULAR,
  RAPPORT_N_SITUATIONS
} RapportSituation;

typedef enum {
  RAPPORT_FOLLOW_UP_WAITING,
  RAPPORT_FOLLOW_UP_OPEN,
  RAPPORT_FOLLOW_UP_CLOSED,
} RapportFollowUpState;

typedef enum {
  RAPPORT_CLOSE_NONE,
  RAPPORT_CLOSE_SATISFIED,
  RAPPORT_CLOSE_PROBLEM_PERSISTS,
  RAPPORT_CLOSE_UNREACHABLE,
  RAPPORT_CLOSE_CANCELLED,
} RapportCloseReason;

typedef enum {
  RAPPORT_RESULT_REACHED,
  RAPPORT_RESULT_CALLBACK,
  RAPPORT_RESULT_NO_ANSWER,
  RAPPORT_RESULT_VOICEMAIL,
  RAPPORT_RESULT_WRONG_NUMBER,
  RAPPORT_N_RESULTS
} RapportCallResult;

/* Machine keys, as stored in the database and used by the CLI and JSON. */
const char *rapport_situation_to_key    (RapportSituation situation);
gboolean    rapport_situation_from_key  (const char       *key,
                                         RapportSituation *situation);
/* Translated, for people ("Irate customer"). */
const char *rapport_situation_to_label  (RapportSituation situation);
/* Symbolic icon name for the situation's badge. */
const char *rapport_situation_icon_name (RapportSituation situation);

const char *rapport_follow_up_state_to_key   (RapportFollowUpState state);
gboolean    rapport_follow_up_state_from_key (const char           *key,
                                              RapportFollowUpState *state);
const char *rapport_follow_up_state_to_label (RapportFollowUpState state);

const char *rapport_close_reason_to_key   (RapportCloseReason reason);
gboolean    rapport_close_reason_from_key (const char         *key,
                                           RapportCloseReason *reason);
const char *rapport_close_reason_to_label (RapportCloseReason reason);

const char *rapport_call_result_to_key    (RapportCallResult result);
gboolean    rapport_call_result_from_key  (const char        *key,
                                           RapportCallResult *result);
const char *rapport_call_result_to_label  (RapportCallResult result);

/* Comma-separated lists of valid keys, for error messages. */
const char *rapport_situation_valid_keys   (void);
const char *rapport_call_result_valid_keys (void);

G_END_DECLS

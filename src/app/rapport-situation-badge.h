/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "rapport-types.h"

G_BEGIN_DECLS

#define RAPPORT_TYPE_SITUATION_BADGE (rapport_situation_badge_get_type ())

G_DECLARE_FINAL_TYPE (RapportSituationBadge, rapport_situation_badge, RAPPORT, SITUATION_BADGE, GtkWidget)

/* A coloured pill with the situation's icon and name: never colour alone. */
GtkWidget        *rapport_situation_badge_new           (RapportSituation       situation);
RapportSituation  rapport_situation_badge_get_situation (RapportSituationBadge *self);
void              rapport_situation_badge_set_situation (RapportSituationBadge *self,
                                                         RapportSituation       situation);

G_END_DECLS

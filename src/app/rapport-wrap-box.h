/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RAPPORT_TYPE_WRAP_BOX (rapport_wrap_box_get_type ())

G_DECLARE_FINAL_TYPE (RapportWrapBox, rapport_wrap_box, RAPPORT, WRAP_BOX, GtkWidget)

/* Lays its children out left to right at their natural width and starts a
 * new line when the next one does not fit: badges and small facts that must
 * stay whole on a 360 px window. (GtkFlowBox spreads them into columns.) */
GtkWidget *rapport_wrap_box_new    (void);
void       rapport_wrap_box_append (RapportWrapBox *self,
                                    GtkWidget      *child);
void       rapport_wrap_box_remove_all (RapportWrapBox *self);

G_END_DECLS

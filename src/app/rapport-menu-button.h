/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Gives @button its menu when it is first opened: a GtkPopoverMenu costs
 * more to build than the button, and most menus stay closed before the
 * window's first frame. */
void rapport_menu_button_set_menu_model_lazily (GtkMenuButton *button,
                                                GMenuModel    *model);

G_END_DECLS

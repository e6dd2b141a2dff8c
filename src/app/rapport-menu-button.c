/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-menu-button"

#include "config.h"

#include "rapport-menu-button.h"

#define LAZY_MODEL_KEY "rapport-lazy-menu-model"

static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  GMenuModel *model = g_object_get_data (G_OBJECT (button), LAZY_MODEL_KEY);

  gtk_menu_button_set_menu_model (button, model);
}

void
rapport_menu_button_set_menu_model_lazily (GtkMenuButton *button,
                                           GMenuModel    *model)
{
  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (G_IS_MENU_MODEL (model));

  g_object_set_data_full (G_OBJECT (button), LAZY_MODEL_KEY, g_object_ref (model), g_object_unref);
  gtk_menu_button_set_create_popup_func (button, create_popup_cb, NULL, NULL);
}

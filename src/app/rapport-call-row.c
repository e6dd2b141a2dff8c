/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-call-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-call-row.h"
#include "rapport-format.h"

struct _RapportCallRow
{
  AdwActionRow parent_instance;

  RapportCall *call;
};

G_DEFINE_FINAL_TYPE (RapportCallRow, rapport_call_row, ADW_TYPE_ACTION_ROW)

static void
rapport_call_row_dispose (GObject *object)
{
  RapportCallRow *self = (RapportCallRow *) object;

  g_clear_object (&self->call);

  G_OBJECT_CLASS (rapport_call_row_parent_class)->dispose (object);
}

static void
rapport_call_row_class_init (RapportCallRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rapport_call_row_dispose;
}

static void
rapport_call_row_init (RapportCallRow *self)
{
  /* Notes are typed by people: never read them as markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self), FALSE);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (self), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
}

GtkWidget *
rapport_call_row_new (RapportCall *call,
                      const GDate *today)
{
  RapportCallRow *self;
  g_autofree char *outcome = NULL;
  g_autofree char *day = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const RapportSituation *situations;
  const char *staff, *note;
  GtkWidget *icon;
  guint n_situations;

  g_return_val_if_fail (RAPPORT_IS_CALL (call), NULL);

  self = g_object_new (RAPPORT_TYPE_CALL_ROW, NULL);
  self->call = g_object_ref (call);

  outcome = rapport_format_call_outcome (call);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), outcome);

  day = rapport_format_day (rapport_call_get_date (call), today);
  g_string_append (subtitle, day);
  staff = rapport_call_get_staff (call);
  if (staff != NULL && *staff)
    /* Translators: "Monday, 3 March · by Marie Dubois" */
    g_string_append_printf (subtitle, _(" · by %s"), staff);

  situations = rapport_call_get_situations (call, &n_situations);
  for (guint i = 0; i < n_situations; i++)
    {
      if (i == 0)
        /* Translators: what a call was about: " · about Irate customer, New customer" */
        g_string_append_printf (subtitle, _(" · about %s"), rapport_situation_to_label (situations[i]));
      else
        g_string_append_printf (subtitle, ", %s", rapport_situation_to_label (situations[i]));
    }

  note = rapport_call_get_note (call);
  if (note != NULL && *note)
    g_string_append_printf (subtitle, "\n%s", note);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle->str);

  icon = gtk_image_new_from_icon_name (rapport_call_icon_name (call));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  rapport_call_result_to_label (rapport_call_get_result (call)), -1);
  if (rapport_call_get_result (call) == RAPPORT_RESULT_WRONG_NUMBER)
    gtk_widget_add_css_class (icon, "warning");
  adw_action_row_add_prefix (ADW_ACTION_ROW (self), icon);

  return GTK_WIDGET (self);
}

RapportCall *
rapport_call_row_get_call (RapportCallRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_CALL_ROW (self), NULL);
  return self->call;
}

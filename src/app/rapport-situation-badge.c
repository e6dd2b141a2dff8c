/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-badge"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-situation-badge.h"

struct _RapportSituationBadge
{
  GtkWidget         parent_instance;

  RapportSituation  situation;
  GtkWidget        *icon;
  GtkWidget        *label;
};

enum {
  PROP_0,
  PROP_SITUATION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (RapportSituationBadge, rapport_situation_badge, GTK_TYPE_WIDGET)

GtkWidget *
rapport_situation_badge_new (RapportSituation situation)
{
  return g_object_new (RAPPORT_TYPE_SITUATION_BADGE, "situation", situation, NULL);
}

RapportSituation
rapport_situation_badge_get_situation (RapportSituationBadge *self)
{
  g_return_val_if_fail (RAPPORT_IS_SITUATION_BADGE (self), RAPPORT_SITUATION_REGULAR);
  return self->situation;
}

void
rapport_situation_badge_set_situation (RapportSituationBadge *self,
                                       RapportSituation       situation)
{
  g_return_if_fail (RAPPORT_IS_SITUATION_BADGE (self));
  g_return_if_fail (situation < RAPPORT_N_SITUATIONS);

  gtk_widget_remove_css_class (GTK_WIDGET (self), rapport_situation_to_key (self->situation));
  self->situation = situation;
  gtk_widget_add_css_class (GTK_WIDGET (self), rapport_situation_to_key (situation));
  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon), rapport_situation_icon_name (situation));
  gtk_label_set_label (GTK_LABEL (self->label), rapport_situation_to_label (situation));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SITUATION]);
}

static void
rapport_situation_badge_dispose (GObject *object)
{
  RapportSituationBadge *self = RAPPORT_SITUATION_BADGE (object);

  g_clear_pointer (&self->icon, gtk_widget_unparent);
  g_clear_pointer (&self->label, gtk_widget_unparent);
  G_OBJECT_CLASS (rapport_situation_badge_parent_class)->dispose (object);
}

static void
rapport_situation_badge_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  RapportSituationBadge *self = RAPPORT_SITUATION_BADGE (object);

  switch (prop_id)
    {
    case PROP_SITUATION:
      g_value_set_int (value, self->situation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_situation_badge_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  RapportSituationBadge *self = RAPPORT_SITUATION_BADGE (object);

  switch (prop_id)
    {
    case PROP_SITUATION:
      rapport_situation_badge_set_situation (self, (RapportSituation) g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_situation_badge_class_init (RapportSituationBadgeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_situation_badge_dispose;
  object_class->get_property = rapport_situation_badge_get_property;
  object_class->set_property = rapport_situation_badge_set_property;

  /* An int rather than an enum type: the core has no GTypes for its enums. */
  properties[PROP_SITUATION] =
    g_param_spec_int ("situation", NULL, NULL,
                      0, RAPPORT_N_SITUATIONS - 1, RAPPORT_SITUATION_REGULAR,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "situation-badge");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
rapport_situation_badge_init (RapportSituationBadge *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 4);
  self->situation = RAPPORT_SITUATION_REGULAR;
  self->icon = gtk_image_new ();
  gtk_widget_set_parent (self->icon, GTK_WIDGET (self));
  self->label = gtk_label_new (NULL);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  rapport_situation_badge_set_situation (self, RAPPORT_SITUATION_REGULAR);
}

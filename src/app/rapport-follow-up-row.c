/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-follow-up-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-date.h"
#include "rapport-follow-up-row.h"
#include "rapport-format.h"
#include "rapport-situation-badge.h"

struct _RapportFollowUpRow
{
  GtkListBoxRow parent_instance;

  RapportFollowUp *follow_up;
  GtkLabel *status_label;
  const char *style_class;
};

G_DEFINE_FINAL_TYPE (RapportFollowUpRow, rapport_follow_up_row, GTK_TYPE_LIST_BOX_ROW)

static void
rapport_follow_up_row_dispose (GObject *object)
{
  RapportFollowUpRow *self = (RapportFollowUpRow *) object;

  g_clear_object (&self->follow_up);

  G_OBJECT_CLASS (rapport_follow_up_row_parent_class)->dispose (object);
}

static void
rapport_follow_up_row_class_init (RapportFollowUpRowClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = rapport_follow_up_row_dispose;
}

static void
rapport_follow_up_row_init (RapportFollowUpRow *self)
{
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (self), FALSE);
}

/* "Due today", "Due tomorrow", "3 days overdue", "Waiting for the problems to be corrected". */
static char *
format_status (RapportFollowUp *follow_up,
               const GDate     *today,
               guint            business_days,
               const char     **style_class)
{
  const GDate *due = rapport_follow_up_get_due (follow_up);
  gint days;

  *style_class = NULL;
  if (rapport_follow_up_get_state (follow_up) == RAPPORT_FOLLOW_UP_WAITING || !g_date_valid (due))
    return g_strdup (_("Waiting for the problems to be corrected"));

  days = g_date_days_between (due, today);
  if (days > 0)
    {
      g_autofree char *late = rapport_format_overdue ((guint) days);
      g_autofree char *day = rapport_format_day (due, today);

      *style_class = rapport_overdue_style_class (rapport_date_business_days_between (due, today,
                                                                                     business_days));
      /* The escalation style needs a late business day; a call due on
       * Friday is still plain on Sunday. The words are always there. */
      /* Translators: "3 days overdue (due Monday, 3 March)" */
      return g_strdup_printf (_("%s (due %s)"), late, day);
    }
  if (days == 0)
    return g_strdup (_("Due today"));
  {
    g_autofree char *day = rapport_format_day (due, today);
    g_autofree char *lower = g_utf8_strdown (day, -1);

    /* "Tomorrow" reads "Due tomorrow"; other days keep their capitals. */
    /* Translators: %s is "tomorrow" or a day such as "Monday, 3 March" */
    return g_strdup_printf (_("Due %s"), days == -1 ? lower : day);
  }
}

static GtkWidget *
dim_label (const char *text,
           gboolean    caption)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "dim-label");
  if (caption)
    gtk_widget_add_css_class (label, "caption");
  return label;
}

GtkWidget *
rapport_follow_up_row_new (RapportFollowUp *follow_up,
                           const GDate     *today,
                           guint            business_days)
{
  RapportFollowUpRow *self;
  RapportSituation situation;
  GtkWidget *box, *top, *badge, *stop, *details;
  g_autofree char *status = NULL;
  g_autofree char *flagged = NULL;
  g_autofree char *attempts = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *stop_label = NULL;
  const char *note;

  g_return_val_if_fail (RAPPORT_IS_FOLLOW_UP (follow_up), NULL);

  self = g_object_new (RAPPORT_TYPE_FOLLOW_UP_ROW, NULL);
  self->follow_up = g_object_ref (follow_up);
  situation = rapport_follow_up_get_situation (follow_up);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (self), box);

  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  gtk_box_append (GTK_BOX (box), top);
  badge = rapport_situation_badge_new (situation);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (top), badge);

  status = format_status (follow_up, today, business_days, &self->style_class);
  self->status_label = GTK_LABEL (gtk_label_new (status));
  gtk_label_set_xalign (self->status_label, 0);
  gtk_label_set_wrap (self->status_label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->status_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "heading");
  if (self->style_class != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), self->style_class);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->status_label));

  stop = gtk_button_new_from_icon_name ("process-stop-symbolic");
  gtk_widget_set_valign (stop, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (stop, "flat");
  /* Translators: %s is a situation, "Irate customer" */
  stop_label = g_strdup_printf (_("Stop the “%s” follow-up"), rapport_situation_to_label (situation));
  gtk_widget_set_tooltip_text (stop, stop_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (stop), GTK_ACCESSIBLE_PROPERTY_LABEL, stop_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (stop), "customer.stop");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (stop), "s", rapport_situation_to_key (situation));
  gtk_box_append (GTK_BOX (top), stop);

  note = rapport_follow_up_get_note (follow_up);
  if (note != NULL && *note)
    gtk_box_append (GTK_BOX (box), dim_label (note, FALSE));

  flagged = g_date_valid (rapport_follow_up_get_flagged_on (follow_up))
            ? rapport_format_day (rapport_follow_up_get_flagged_on (follow_up), today) : NULL;
  attempts = rapport_format_attempts (rapport_follow_up_get_attempts (follow_up));
  if (flagged != NULL && attempts != NULL)
    /* Translators: "Flagged Monday, 3 March · 2 attempts so far" */
    detail = g_strdup_printf (_("Flagged %s · %s"), flagged, attempts);
  else if (flagged != NULL)
    /* Translators: %s is a day: "Flagged yesterday", "Flagged Monday, 3 March" */
    detail = g_strdup_printf (_("Flagged %s"), flagged);
  else
    detail = g_steal_pointer (&attempts);
  if (detail != NULL)
    {
      details = dim_label (detail, TRUE);
      gtk_box_append (GTK_BOX (box), details);
    }

  if (situation == RAPPORT_SITUATION_NOTHING_WENT_RIGHT &&
      rapport_follow_up_get_state (follow_up) == RAPPORT_FOLLOW_UP_WAITING)
    {
      GtkWidget *corrected = gtk_button_new_with_mnemonic (_("Problems _Corrected"));

      gtk_widget_set_halign (corrected, GTK_ALIGN_START);
      gtk_widget_set_margin_top (corrected, 4);
      gtk_widget_set_tooltip_text (corrected, _("The problems are fixed: plan the call to check"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (corrected), "customer.corrected");
      gtk_box_append (GTK_BOX (box), corrected);
    }

  return GTK_WIDGET (self);
}

RapportFollowUp *
rapport_follow_up_row_get_follow_up (RapportFollowUpRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_FOLLOW_UP_ROW (self), NULL);
  return self->follow_up;
}

const char *
rapport_follow_up_row_get_status (RapportFollowUpRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_FOLLOW_UP_ROW (self), NULL);
  return gtk_label_get_text (self->status_label);
}

const char *
rapport_follow_up_row_get_style_class (RapportFollowUpRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_FOLLOW_UP_ROW (self), NULL);
  return self->style_class;
}

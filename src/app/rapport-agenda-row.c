/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-agenda-row"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-agenda-row.h"
#include "rapport-format.h"
#include "rapport-situation-badge.h"
#include "rapport-wrap-box.h"

struct _RapportAgendaRow
{
  GtkListBoxRow       parent_instance;

  RapportAgendaEntry *entry;

  /* Template widgets */
  GtkLabel           *name_label;
  GtkLabel           *company_label;
  RapportWrapBox     *badges_box;
  GtkLabel           *note_label;
  GtkButton          *phone_button;
  GtkLabel           *phone_label;
  GtkLabel           *overdue_label;
  GtkLabel           *attempts_label;
  GtkMenuButton      *menu_button;
  RapportWrapBox     *meta_box;
};

G_DEFINE_FINAL_TYPE (RapportAgendaRow, rapport_agenda_row, GTK_TYPE_LIST_BOX_ROW)

char *
rapport_phone_to_tel_uri (const char *phone)
{
  GString *uri = g_string_new ("tel:");

  /* RFC 3966 allows digits, '+' in front and visual separators; spaces and
   * brackets as people type them are dropped. */
  for (const char *p = phone; p != NULL && *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p) || (*p == '+' && uri->len == 4))
        g_string_append_c (uri, *p);
      else if (*p == '-' || *p == '.')
        g_string_append_c (uri, '-');
    }
  return g_string_free (uri, FALSE);
}

static void
set_label_or_hide (GtkLabel   *label,
                   const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
append_item (GMenu      *menu,
             const char *label,
             const char *action,
             const char *customer_id)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target (item, action, "s", customer_id);
  g_menu_append_item (menu, item);
}

static GMenuModel *
build_menu (RapportAgendaRow *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) moves = g_menu_new ();
  g_autoptr(GMenu) others = g_menu_new ();
  const char *id = rapport_agenda_entry_get_customer_id (self->entry);

  append_item (moves, _("Move to _Tomorrow"), "today.move-tomorrow", id);
  append_item (moves, _("Move to _Next Week"), "today.move-next-week", id);
  append_item (moves, _("_Move to…"), "today.move-to", id);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (moves));
  append_item (others, _("_Log Call…"), "today.open-call", id);
  append_item (others, _("Show _Customer"), "today.show-customer", id);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (others));
  return G_MENU_MODEL (g_steal_pointer (&menu));
}

/* A popover menu costs more to build than the rest of the row: made when the
 * button is first pressed, not for every row of the day before its first
 * frame. */
static void
create_menu_cb (GtkMenuButton *button,
                gpointer       user_data)
{
  RapportAgendaRow *self = user_data;
  g_autoptr(GMenuModel) menu = build_menu (self);

  gtk_menu_button_set_menu_model (button, menu);
}

static void
update (RapportAgendaRow *self)
{
  const RapportSituation *situations;
  g_autofree char *overdue = NULL;
  g_autofree char *attempts = NULL;
  g_autofree char *tooltip = NULL;
  g_autofree char *menu_label = NULL;
  const char *phone, *style;
  guint n = 0;

  gtk_label_set_label (self->name_label, rapport_agenda_entry_get_name (self->entry));
  set_label_or_hide (self->company_label, rapport_agenda_entry_get_company (self->entry));
  set_label_or_hide (self->note_label, rapport_agenda_entry_get_note (self->entry));

  rapport_wrap_box_remove_all (self->badges_box);
  situations = rapport_agenda_entry_get_situations (self->entry, &n);
  for (guint i = 0; i < n; i++)
    rapport_wrap_box_append (self->badges_box, rapport_situation_badge_new (situations[i]));

  phone = rapport_agenda_entry_get_phone (self->entry);
  if (phone != NULL && *phone != '\0')
    {
      gtk_label_set_label (self->phone_label, phone);
      /* The target before the action: an action without its target warns. */
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->phone_button), "s", phone);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->phone_button), "today.dial");
      if (rapport_agenda_entry_get_phone_needs_check (self->entry))
        {
          /* Translators: %s is a phone number */
          tooltip = g_strdup_printf (_("Call %s (this number needs checking)"), phone);
          gtk_widget_add_css_class (GTK_WIDGET (self->phone_button), "needs-check");
        }
      else
        /* Translators: %s is a phone number */
        tooltip = g_strdup_printf (_("Call %s"), phone);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->phone_button), tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->phone_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      gtk_widget_set_visible (GTK_WIDGET (self->phone_button), TRUE);
    }
  else
    gtk_widget_set_visible (GTK_WIDGET (self->phone_button), FALSE);

  overdue = rapport_format_overdue (rapport_agenda_entry_get_overdue_days (self->entry));
  set_label_or_hide (self->overdue_label, overdue);
  gtk_widget_remove_css_class (GTK_WIDGET (self->overdue_label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (self->overdue_label), "error");
  style = rapport_overdue_style_class (rapport_agenda_entry_get_overdue_business_days (self->entry));
  if (style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->overdue_label), style);

  attempts = rapport_format_attempts (rapport_agenda_entry_get_attempts (self->entry));
  set_label_or_hide (self->attempts_label, attempts);

  gtk_menu_button_set_menu_model (self->menu_button, NULL);
  gtk_menu_button_set_create_popup_func (self->menu_button, create_menu_cb, self, NULL);
  /* Translators: %s is a customer's name; read by screen readers */
  menu_label = g_strdup_printf (_("More Actions for %s"), rapport_agenda_entry_get_name (self->entry));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);
}

GtkWidget *
rapport_agenda_row_new (RapportAgendaEntry *entry)
{
  RapportAgendaRow *self;

  g_return_val_if_fail (RAPPORT_IS_AGENDA_ENTRY (entry), NULL);

  self = g_object_new (RAPPORT_TYPE_AGENDA_ROW, NULL);
  self->entry = g_object_ref (entry);
  update (self);
  return GTK_WIDGET (self);
}

RapportAgendaEntry *
rapport_agenda_row_get_entry (RapportAgendaRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_AGENDA_ROW (self), NULL);
  return self->entry;
}

const char *
rapport_agenda_row_get_customer_id (RapportAgendaRow *self)
{
  g_return_val_if_fail (RAPPORT_IS_AGENDA_ROW (self), NULL);
  return rapport_agenda_entry_get_customer_id (self->entry);
}

static void
rapport_agenda_row_dispose (GObject *object)
{
  RapportAgendaRow *self = RAPPORT_AGENDA_ROW (object);

  g_clear_object (&self->entry);
  G_OBJECT_CLASS (rapport_agenda_row_parent_class)->dispose (object);
}

static void
rapport_agenda_row_class_init (RapportAgendaRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_agenda_row_dispose;

  g_type_ensure (RAPPORT_TYPE_WRAP_BOX);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/rapportapp/Rapport/rapport-agenda-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportAgendaRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, RapportAgendaRow, company_label);
  gtk_widget_class_bind_template_child (widget_class, RapportAgendaRow, badges_box);
  gtk_widget_class_bind_template_child (widget_class, RapportAgendaRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, RapportAgendaRow, phone_button);
  gtk_widget_class_bind_template_child (widget_class, RapportAgendaRow, phone_label);
  gtk_widget_class_bind_template_child (widget_class, RapportAgendaRow, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, RapportAgendaRow, attempts_label);
  gtk_widget_class_bind_template_child (widget_class, RapportAgendaRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, RapportAgendaRow, meta_box);
}

static void
rapport_agenda_row_init (RapportAgendaRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "agenda-row");
}

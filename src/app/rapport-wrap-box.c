/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-wrap-box"

#include "config.h"

#include "rapport-wrap-box.h"

#define COLUMN_SPACING 8
#define ROW_SPACING 6

struct _RapportWrapBox
{
  GtkWidget parent_instance;
};

static void rapport_wrap_box_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RapportWrapBox, rapport_wrap_box, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, rapport_wrap_box_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

GtkWidget *
rapport_wrap_box_new (void)
{
  return g_object_new (RAPPORT_TYPE_WRAP_BOX, NULL);
}

void
rapport_wrap_box_append (RapportWrapBox *self,
                         GtkWidget      *child)
{
  g_return_if_fail (RAPPORT_IS_WRAP_BOX (self));
  g_return_if_fail (GTK_IS_WIDGET (child));

  gtk_widget_set_parent (child, GTK_WIDGET (self));
}

void
rapport_wrap_box_remove_all (RapportWrapBox *self)
{
  GtkWidget *child;

  g_return_if_fail (RAPPORT_IS_WRAP_BOX (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
}

/* Places the visible children as they would be laid out in @width, line by
 * line, each child as tall as its line so that its valign applies; allocates
 * them when @allocate. Returns the height. */
static int
layout (RapportWrapBox *self,
        int             width,
        gboolean        allocate)
{
  GtkWidget *line_start = gtk_widget_get_first_child (GTK_WIDGET (self));
  int y = 0, lines = 0;

  while (line_start != NULL)
    {
      GtkWidget *child, *line_end = NULL;
      int x = 0, line_height = 0, n = 0;

      /* Which children fit on this line, and how tall it is. */
      for (child = line_start; child != NULL; child = gtk_widget_get_next_sibling (child))
        {
          int min_w, nat_w, child_w, child_h;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
          child_w = MIN (nat_w, MAX (width, min_w));
          if (n > 0 && x + child_w > width)
            break;
          gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, child_w, NULL, &child_h, NULL, NULL);
          line_height = MAX (line_height, child_h);
          x += child_w + COLUMN_SPACING;
          n++;
        }
      line_end = child;
      if (n == 0)
        break;

      if (allocate)
        {
          x = 0;
          for (child = line_start; child != line_end; child = gtk_widget_get_next_sibling (child))
            {
              int min_w, nat_w, child_w;

              if (!gtk_widget_should_layout (child))
                continue;
              gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &nat_w, NULL, NULL);
              child_w = MIN (nat_w, MAX (width, min_w));
              gtk_widget_size_allocate (child, &(GtkAllocation) { x, y, child_w, line_height }, -1);
              x += child_w + COLUMN_SPACING;
            }
        }
      y += line_height + ROW_SPACING;
      lines++;
      line_start = line_end;
    }
  return lines > 0 ? y - ROW_SPACING : 0;
}

static GtkSizeRequestMode
rapport_wrap_box_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rapport_wrap_box_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  RapportWrapBox *self = RAPPORT_WRAP_BOX (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int min = 0, nat = 0, n = 0;

      /* At least the widest child; at best all on one line. */
      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL; child = gtk_widget_get_next_sibling (child))
        {
          int child_min, child_nat;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
          min = MAX (min, child_min);
          nat += child_nat + (n++ > 0 ? COLUMN_SPACING : 0);
        }
      *minimum = min;
      *natural = nat;
    }
  else
    {
      int height;

      if (for_size < 0)
        {
          int min_w;

          rapport_wrap_box_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_w, &for_size, NULL, NULL);
        }
      height = layout (self, for_size, FALSE);
      *minimum = height;
      *natural = height;
    }
}

static void
rapport_wrap_box_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  layout (RAPPORT_WRAP_BOX (widget), width, TRUE);
}

static void
rapport_wrap_box_buildable_add_child (GtkBuildable *buildable,
                                      GtkBuilder   *builder,
                                      GObject      *child,
                                      const char   *type)
{
  if (GTK_IS_WIDGET (child))
    rapport_wrap_box_append (RAPPORT_WRAP_BOX (buildable), GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
rapport_wrap_box_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = rapport_wrap_box_buildable_add_child;
}

static void
rapport_wrap_box_dispose (GObject *object)
{
  rapport_wrap_box_remove_all (RAPPORT_WRAP_BOX (object));
  G_OBJECT_CLASS (rapport_wrap_box_parent_class)->dispose (object);
}

static void
rapport_wrap_box_class_init (RapportWrapBoxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_wrap_box_dispose;
  widget_class->get_request_mode = rapport_wrap_box_get_request_mode;
  widget_class->measure = rapport_wrap_box_measure;
  widget_class->size_allocate = rapport_wrap_box_size_allocate;
  gtk_widget_class_set_css_name (widget_class, "wrapbox");
}

static void
rapport_wrap_box_init (RapportWrapBox *self)
{
}

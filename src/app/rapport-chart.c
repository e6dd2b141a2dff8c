/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-chart"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-chart.h"
#include "rapport-summary-chart.h"

struct _RapportChart
{
  GtkWidget parent_instance;

  RapportChartKind kind;
  RapportSummary *summary;
};

G_DEFINE_FINAL_TYPE (RapportChart, rapport_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
to_rgba (const GdkRGBA *color,
         double         alpha,
         double         out[4])
{
  out[0] = color->red;
  out[1] = color->green;
  out[2] = color->blue;
  out[3] = color->alpha * alpha;
}

/* The chart's colours from the style: text colour for text and axes, the
 * accent for what counts as satisfied. */
static void
style_from_widget (RapportChart      *self,
                   RapportChartStyle *style)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA fg, accent, card, background;

  gtk_style_context_get_color (context, &fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", &accent))
    accent = fg;
  if (!gtk_style_context_lookup_color (context, "window_bg_color", &background))
    background = (GdkRGBA) { 1, 1, 1, 1 };
  /* The charts sit on cards, translucent over the window: the inside of the
   * open markers is that mix, opaque. */
  if (gtk_style_context_lookup_color (context, "card_bg_color", &card))
    {
      background.red = card.red * card.alpha + background.red * (1 - card.alpha);
      background.green = card.green * card.alpha + background.green * (1 - card.alpha);
      background.blue = card.blue * card.alpha + background.blue * (1 - card.alpha);
    }
  background.alpha = 1;

  to_rgba (&fg, 1, style->foreground);
  to_rgba (&fg, 0.5, style->secondary);
  to_rgba (&accent, 1, style->accent);
  to_rgba (&accent, 1, style->fill_strong);
  to_rgba (&fg, 0.22, style->fill_weak);
  to_rgba (&background, 1, style->background);
  style->font_family = NULL;
  style->font_size = 9;
}

static void
rapport_chart_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  RapportChart *self = RAPPORT_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  RapportChartStyle style;
  cairo_t *cr;

  if (self->summary == NULL || width <= 0 || height <= 0)
    return;
  style_from_widget (self, &style);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (self->kind == RAPPORT_CHART_RATINGS)
    rapport_summary_draw_ratings (self->summary, cr, gtk_widget_get_pango_context (widget),
                                  width, height, &style);
  else
    rapport_summary_draw_trend (self->summary, cr, gtk_widget_get_pango_context (widget),
                                width, height, &style);
  cairo_destroy (cr);
}

static void
rapport_chart_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 260;
      *natural = 320;
    }
  else
    {
      *minimum = 190;
      *natural = 220;
    }
}

/* What the chart shows, in words, for screen readers. */
static void
update_description (RapportChart *self)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->summary == NULL)
    return;
  if (self->kind == RAPPORT_CHART_RATINGS)
    {
      g_string_append (text, _("Ratings this week:"));
      for (guint r = 1; r <= 5; r++)
        /* Translators: one bar of the ratings chart, e.g. " 4: 2 calls," */
        g_string_append_printf (text, _(" %u: %u;"), r, rapport_summary_get_rating_count (self->summary, r));
    }
  else
    {
      const RapportSummaryWeek *trend;
      guint n;

      g_string_append (text, _("CSAT and average rating over 8 weeks:"));
      trend = rapport_summary_get_trend (self->summary, &n);
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *csat = rapport_format_percent (rapport_summary_counts_csat_percent (&trend[i].counts));
          g_autofree char *average = rapport_format_average (rapport_summary_counts_average (&trend[i].counts));
          /* Translators: one week of the trend chart, e.g. " W48: CSAT 86.0%, average 4.21;" */
          g_string_append_printf (text, _(" W%u: CSAT %s, average %s;"),
                                  g_date_get_iso8601_week_of_year (&trend[i].monday), csat, average);
        }
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, text->str, -1);
}

static void
rapport_chart_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (rapport_chart_parent_class)->css_changed (widget, change);
  /* Light and dark: redraw in the new colours. */
  gtk_widget_queue_draw (widget);
}

static void
rapport_chart_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  RapportChart *self = RAPPORT_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_chart_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  RapportChart *self = RAPPORT_CHART (object);

  switch (prop_id)
    {
    case PROP_KIND:
      rapport_chart_set_kind (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_chart_dispose (GObject *object)
{
  RapportChart *self = RAPPORT_CHART (object);

  g_clear_object (&self->summary);
  G_OBJECT_CLASS (rapport_chart_parent_class)->dispose (object);
}

static void
rapport_chart_class_init (RapportChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_chart_dispose;
  object_class->get_property = rapport_chart_get_property;
  object_class->set_property = rapport_chart_set_property;
  widget_class->snapshot = rapport_chart_snapshot;
  widget_class->measure = rapport_chart_measure;
  widget_class->css_changed = rapport_chart_css_changed;

  /**
   * RapportChart:kind:
   * 0 for the ratings of the week, 1 for the 8-week trend.
   */
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, RAPPORT_CHART_RATINGS,
                                            RAPPORT_CHART_TREND, RAPPORT_CHART_RATINGS,
                                            G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                                            G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rapport_chart_init (RapportChart *self)
{
}

GtkWidget *
rapport_chart_new (RapportChartKind kind)
{
  return g_object_new (RAPPORT_TYPE_CHART, "kind", kind, NULL);
}

void
rapport_chart_set_kind (RapportChart     *self,
                        RapportChartKind  kind)
{
  g_return_if_fail (RAPPORT_IS_CHART (self));

  if (self->kind == kind)
    return;
  self->kind = kind;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

RapportChartKind
rapport_chart_get_kind (RapportChart *self)
{
  g_return_val_if_fail (RAPPORT_IS_CHART (self), RAPPORT_CHART_RATINGS);
  return self->kind;
}

void
rapport_chart_set_summary (RapportChart   *self,
                           RapportSummary *summary)
{
  g_return_if_fail (RAPPORT_IS_CHART (self));

  if (!g_set_object (&self->summary, summary))
    return;
  update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

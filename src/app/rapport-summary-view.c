/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-summary-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "rapport-chart.h"
#include "rapport-date.h"
#include "rapport-summary-view-private.h"
#include "rapport-webhook.h"



G_DEFINE_FINAL_TYPE (RapportSummaryView, rapport_summary_view, GTK_TYPE_WIDGET)

enum {
  SHOW_CUSTOMER,
  TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
_rapport_summary_view_toast (RapportSummaryView *self,
                             const char         *message)
{
  g_signal_emit (self, signals[TOAST], 0, message);
}

/* Headline figures ----------------------------------------------------------- */

/* "▲ +4.0 points vs last week" with its colour, or nothing to compare. */
static void
set_change (GtkLabel   *label,
            double      now,
            double      before,
            guint       decimals,
            gboolean    points)
{
  int direction;
  g_autofree char *change = rapport_format_change (now, before, decimals, points, &direction);
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (label), "summary-up");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "summary-down");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "dim-label");
  if (*change == '\0')
    {
      text = g_strdup (isnan (now) ? "" : _("Nothing to compare with last week"));
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
    }
  else if (direction == 0)
    {
      /* Translators: a figure did not change against the previous week */
      text = g_strdup (_("= same as last week"));
      gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
    }
  else
    {
      /* Translators: e.g. "▲ +4.0 points vs last week" */
      text = g_strdup_printf (_("%s %s vs last week"), direction > 0 ? "▲" : "▼", change);
      gtk_widget_add_css_class (GTK_WIDGET (label), direction > 0 ? "summary-up" : "summary-down");
    }
  gtk_label_set_label (label, text);
}

static void
set_calls_change (GtkLabel *label,
                  guint     now,
                  guint     before)
{
  g_autofree char *text = NULL;

  if (now == before)
    text = g_strdup (_("= same as last week"));
  else if (now > before)
    text = g_strdup_printf (ngettext ("▲ %u more than last week", "▲ %u more than last week",
                                      now - before), now - before);
  else
    text = g_strdup_printf (ngettext ("▼ %u fewer than last week", "▼ %u fewer than last week",
                                      before - now), before - now);
  gtk_label_set_label (label, text);
  /* More or fewer calls is neither good nor bad in itself. */
  gtk_widget_add_css_class (GTK_WIDGET (label), "dim-label");
}

static void
show_headline (RapportSummaryView *self)
{
  const RapportSummaryCounts *c = rapport_summary_get_counts (self->summary);
  const RapportSummaryWeek *trend;
  const RapportSummaryCounts *p;
  guint n, customers = rapport_summary_get_customers_called (self->summary);
  g_autofree char *calls = g_strdup_printf ("%u", c->attempts);
  g_autofree char *reach = rapport_format_percent (rapport_summary_counts_reach_percent (c));
  g_autofree char *average = rapport_format_average (rapport_summary_counts_average (c));
  g_autofree char *csat = rapport_format_percent (rapport_summary_counts_csat_percent (c));
  g_autofree char *calls_detail = NULL;
  g_autofree char *reach_detail = NULL;
  g_autofree char *average_detail = NULL;
  g_autofree char *csat_detail = NULL;

  trend = rapport_summary_get_trend (self->summary, &n);
  p = &trend[n - 2].counts;

  calls_detail = g_strdup_printf (ngettext ("%u customer", "%u customers", customers), customers);
  reach_detail = g_strdup_printf (_("%u of %u reached"), c->reached, c->attempts);
  average_detail = c->rated
                   /* Translators: under the average rating, e.g. "of 5, 8 ratings" */
                   ? g_strdup_printf (ngettext ("of 5, %u rating", "of 5, %u ratings", c->rated), c->rated)
                   : g_strdup (_("No ratings"));
  /* Translators: under CSAT, e.g. "4 of 8 rated 4 or 5" */
  csat_detail = g_strdup_printf (_("%u of %u rated 4 or 5"), c->satisfied, c->rated);

  gtk_label_set_label (self->calls_value, calls);
  gtk_label_set_label (self->calls_detail, calls_detail);
  set_calls_change (self->calls_change, c->attempts, p->attempts);
  gtk_label_set_label (self->reach_value, reach);
  gtk_label_set_label (self->reach_detail, reach_detail);
  set_change (self->reach_change, rapport_summary_counts_reach_percent (c),
              rapport_summary_counts_reach_percent (p), 1, TRUE);
  gtk_label_set_label (self->average_value, average);
  gtk_label_set_label (self->average_detail, average_detail);
  set_change (self->average_change, rapport_summary_counts_average (c),
              rapport_summary_counts_average (p), 2, FALSE);
  gtk_label_set_label (self->csat_value, csat);
  gtk_label_set_label (self->csat_detail, csat_detail);
  set_change (self->csat_change, rapport_summary_counts_csat_percent (c),
              rapport_summary_counts_csat_percent (p), 1, TRUE);
}

static void
show_outcomes (RapportSummaryView *self)
{
  guint persisting = rapport_summary_get_problems_persisting (self->summary);
  guint recovered = rapport_summary_get_recovered (self->summary);
  guint unreachable = rapport_summary_get_unreachable (self->summary);
  guint open = rapport_summary_get_open_at_end (self->summary);
  g_autofree char *a = g_strdup_printf (ngettext ("<b>%u</b> problem persists", "<b>%u</b> problems persist",
                                                  persisting), persisting);
  g_autofree char *b = g_strdup_printf (ngettext ("<b>%u</b> recovered (irate or nothing went right, rated 4–5)",
                                                  "<b>%u</b> recovered (irate or nothing went right, rated 4–5)",
                                                  recovered), recovered);
  g_autofree char *c = g_strdup_printf (ngettext ("<b>%u</b> closed unreachable", "<b>%u</b> closed unreachable",
                                                  unreachable), unreachable);
  g_autofree char *d = g_strdup_printf (ngettext ("<b>%u</b> follow-up open at the end of the week",
                                                  "<b>%u</b> follow-ups open at the end of the week",
                                                  open), open);
  g_autofree char *text = g_strjoin ("  ·  ", a, b, c, d, NULL);

  gtk_label_set_markup (self->outcomes_label, text);
}

/* Tables --------------------------------------------------------------------- */

enum {
  CELL_TEXT = 0,
  CELL_NUMBER = 1 << 0,
  CELL_HEADER = 1 << 1,
  CELL_BOLD = 1 << 2,
  CELL_DIM = 1 << 3,
};

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
add_cell (GtkGrid    *grid,
          const char *text,
          int         column,
          int         row,
          int         flags)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), flags & CELL_NUMBER ? 1 : 0);
  if (!(flags & CELL_NUMBER))
    {
      gtk_widget_set_hexpand (label, TRUE);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    }
  else
    gtk_widget_add_css_class (label, "numeric");
  if (flags & CELL_HEADER)
    {
      gtk_widget_add_css_class (label, "caption-heading");
      gtk_widget_add_css_class (label, "dim-label");
    }
  if (flags & CELL_BOLD)
    gtk_widget_add_css_class (label, "heading");
  if (flags & CELL_DIM)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (grid, label, column, row, 1, 1);
}

static void
add_counts_row (GtkGrid                    *grid,
                int                         row,
                const char                 *name,
                const RapportSummaryCounts *c,
                int                         flags)
{
  g_autofree char *attempts = g_strdup_printf ("%u", c->attempts);
  g_autofree char *reached = g_strdup_printf ("%u", c->reached);
  g_autofree char *rated = g_strdup_printf ("%u", c->rated);
  g_autofree char *average = rapport_format_average (rapport_summary_counts_average (c));
  g_autofree char *csat = rapport_format_percent (rapport_summary_counts_csat_percent (c));

  add_cell (grid, name, 0, row, flags);
  add_cell (grid, attempts, 1, row, flags | CELL_NUMBER);
  add_cell (grid, reached, 2, row, flags | CELL_NUMBER);
  add_cell (grid, rated, 3, row, flags | CELL_NUMBER);
  add_cell (grid, average, 4, row, flags | CELL_NUMBER);
  add_cell (grid, csat, 5, row, flags | CELL_NUMBER);
}

static void
show_situations (RapportSummaryView *self)
{
  const RapportSummaryCounts *total = rapport_summary_get_counts (self->summary);
  RapportSummaryCounts rest = *total;
  GtkGrid *grid = self->situation_grid;
  int row = 1;

  clear_grid (grid);
  add_cell (grid, _("Situation"), 0, 0, CELL_HEADER);
  add_cell (grid, _("Calls"), 1, 0, CELL_HEADER | CELL_NUMBER);
  add_cell (grid, _("Reached"), 2, 0, CELL_HEADER | CELL_NUMBER);
  add_cell (grid, _("Rated"), 3, 0, CELL_HEADER | CELL_NUMBER);
  add_cell (grid, _("Average"), 4, 0, CELL_HEADER | CELL_NUMBER);
  add_cell (grid, _("CSAT"), 5, 0, CELL_HEADER | CELL_NUMBER);
  for (RapportSituation s = 0; s < RAPPORT_N_SITUATIONS; s++)
    {
      const RapportSummaryCounts *c = rapport_summary_get_situation_counts (self->summary, s);

      add_counts_row (grid, row++, rapport_situation_to_label (s), c, c->attempts ? 0 : CELL_DIM);
      rest.attempts -= c->attempts;
      rest.reached -= c->reached;
      rest.rated -= c->rated;
      rest.rating_sum -= c->rating_sum;
      rest.satisfied -= c->satisfied;
    }
  /* Calls that addressed no follow-up count in no situation: shown so the
   * columns add up to the week. */
  if (rest.attempts > 0)
    add_counts_row (grid, row++, _("No follow-up due"), &rest, CELL_DIM);
  add_counts_row (grid, row, _("All calls"), total, CELL_BOLD);
}

static void
show_staff (RapportSummaryView *self)
{
  GPtrArray *staff = rapport_summary_get_by_staff (self->summary);
  GtkGrid *grid = self->staff_grid;

  clear_grid (grid);
  if (staff->len == 0)
    {
      add_cell (grid, _("No calls this week"), 0, 0, CELL_DIM);
      return;
    }
  add_cell (grid, _("Staff member"), 0, 0, CELL_HEADER);
  add_cell (grid, _("Calls"), 1, 0, CELL_HEADER | CELL_NUMBER);
  add_cell (grid, _("Reached"), 2, 0, CELL_HEADER | CELL_NUMBER);
  add_cell (grid, _("Reach rate"), 3, 0, CELL_HEADER | CELL_NUMBER);
  add_cell (grid, _("Average"), 4, 0, CELL_HEADER | CELL_NUMBER);
  for (guint i = 0; i < staff->len; i++)
    {
      RapportSummaryStaff *s = g_ptr_array_index (staff, i);
      g_autofree char *attempts = g_strdup_printf ("%u", s->counts.attempts);
      g_autofree char *reached = g_strdup_printf ("%u", s->counts.reached);
      g_autofree char *rate = rapport_format_percent (rapport_summary_counts_reach_percent (&s->counts));
      g_autofree char *average = rapport_format_average (rapport_summary_counts_average (&s->counts));

      add_cell (grid, *s->staff ? s->staff : _("(no name)"), 0, i + 1, 0);
      add_cell (grid, attempts, 1, i + 1, CELL_NUMBER);
      add_cell (grid, reached, 2, i + 1, CELL_NUMBER);
      add_cell (grid, rate, 3, i + 1, CELL_NUMBER);
      add_cell (grid, average, 4, i + 1, CELL_NUMBER);
    }
}

static void
show_attention (RapportSummaryView *self)
{
  GPtrArray *calls = rapport_summary_get_needs_attention (self->summary);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->attention_list))) != NULL)
    gtk_list_box_remove (self->attention_list, child);

  if (calls->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("No call this week was rated 1 or 2 or left a problem unsolved"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->attention_list, row);
      return;
    }

  for (guint i = 0; i < calls->len; i++)
    {
      RapportSummaryCall *c = g_ptr_array_index (calls, i);
      GtkWidget *row = adw_action_row_new ();
      g_autoptr(GString) subtitle = g_string_new (NULL);
      g_autofree char *title = g_markup_escape_text (c->name, -1);
      g_autofree char *escaped = NULL;
      char date[64];

      /* Translators: strftime format of a day in the needs-attention list, e.g. "Tue 24 Nov" */
      if (g_date_strftime (date, sizeof date, _("%a %-d %b"), &c->date) > 0)
        g_string_append (subtitle, date);
      if (c->satisfaction > 0)
        /* Translators: e.g. " · rated 2" */
        g_string_append_printf (subtitle, _(" · rated %u"), c->satisfaction);
      if (c->problem_persists)
        g_string_append (subtitle, _(" · problem persists"));
      if (*c->note)
        g_string_append_printf (subtitle, " — %s", c->note);
      escaped = g_markup_escape_text (subtitle->str, -1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_widget_set_tooltip_text (row, _("Show this customer"));
      g_object_set_data_full (G_OBJECT (row), "customer-id", g_strdup (c->customer_id), g_free);
      gtk_list_box_append (self->attention_list, row);
    }
}

/* Refreshing ----------------------------------------------------------------- */

void
_rapport_summary_view_update_actions (RapportSummaryView *self)
{
  GDate today, this_monday;
  gboolean has = self->summary != NULL;

  g_date_clear (&this_monday, 1);
  if (self->store != NULL)
    {
      rapport_store_get_today (self->store, &today);
      rapport_iso_week_monday (&today, &this_monday);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "summary.previous-week", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "summary.next-week",
                                 self->store != NULL && g_date_compare (&self->monday, &this_monday) < 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "summary.this-week",
                                 self->store != NULL && g_date_compare (&self->monday, &this_monday) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "summary.export", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "summary.print", has);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "summary.send", has && !self->sending);
}

static void
refresh (RapportSummaryView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RapportSummary) summary = NULL;
  g_autofree char *title = NULL;
  g_autofree char *range = NULL;
  g_autofree char *label = NULL;
  GDate sunday;

  self->dirty = FALSE;
  if (self->store != NULL)
    {
      GDate today;

      self->outside_version = rapport_store_get_outside_version (self->store);
      rapport_store_get_today (self->store, &today);
      rapport_iso_week_monday (&today, &self->this_week);
    }
  if (self->store == NULL)
    {
      g_clear_object (&self->summary);
      _rapport_summary_view_update_actions (self);
      return;
    }

  sunday = self->monday;
  g_date_add_days (&sunday, 6);
  title = rapport_format_week_title (&self->monday);
  range = rapport_format_week_range (&self->monday, &sunday, TRUE);
  /* Translators: the week picker, e.g. "Week 48 · 23–29 Nov 2026" */
  label = g_strdup_printf (_("%s · %s"), title, range);
  gtk_label_set_label (self->week_label, label);

  summary = rapport_summary_compute (self->store, &self->monday, &error);
  if (summary == NULL)
    {
      _rapport_summary_view_toast (self, error->message);
      _rapport_summary_view_update_actions (self);
      return;
    }
  g_set_object (&self->summary, summary);

  show_headline (self);
  show_outcomes (self);
  rapport_chart_set_summary (self->ratings_chart, summary);
  rapport_chart_set_summary (self->trend_chart, summary);
  show_situations (self);
  show_staff (self);
  show_attention (self);
  _rapport_summary_view_update_actions (self);
}

/* The store changed (a call logged elsewhere): recompute now if shown, else
 * when shown next. */
static void
store_changed_cb (RapportSummaryView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
  else
    self->dirty = TRUE;
}

void
_rapport_summary_view_refresh_if_stale (RapportSummaryView *self)
{
  /* Left open on this week into the next one: on to the new week, as the
   * Today view moves on to the new day. */
  if (self->store != NULL && g_date_valid (&self->this_week) &&
      g_date_compare (&self->monday, &self->this_week) == 0)
    {
      GDate today, monday;

      rapport_store_get_today (self->store, &today);
      rapport_iso_week_monday (&today, &monday);
      if (g_date_compare (&monday, &self->this_week) != 0)
        {
          self->monday = monday;
          refresh (self);
          return;
        }
    }
  if (self->dirty ||
      (self->store != NULL && rapport_store_get_outside_version (self->store) != self->outside_version))
    refresh (self);
}

static void
rapport_summary_view_map (GtkWidget *widget)
{
  RapportSummaryView *self = RAPPORT_SUMMARY_VIEW (widget);

  GTK_WIDGET_CLASS (rapport_summary_view_parent_class)->map (widget);
  _rapport_summary_view_refresh_if_stale (self);
}

/* Signal handlers ------------------------------------------------------------ */

static void
attention_row_activated_cb (RapportSummaryView *self,
                            GtkListBoxRow      *row)
{
  const char *id = g_object_get_data (G_OBJECT (row), "customer-id");
  g_autoptr(RapportCustomer) customer = NULL;

  if (id == NULL || self->store == NULL)
    return;
  /* The week keeps the calls of a customer deleted since: say so instead
   * of opening an empty page. */
  customer = rapport_store_get_customer (self->store, id, NULL);
  if (customer == NULL)
    {
      _rapport_summary_view_toast (self, _("This customer has been deleted since the call"));
      return;
    }
  g_signal_emit (self, signals[SHOW_CUSTOMER], 0, id);
}

static void
webhook_delivered_cb (RapportSummaryView *self,
                      const char         *uuid,
                      const char         *kind)
{
  g_autofree char *message = NULL;
  const char *week = strchr (kind, '/');

  /* An explicit Send says "Delivered" itself; this is a background retry. */
  if (self->sending)
    return;
  /* Translators: a summary that waited in the outbox reached the chat, e.g. "The summary of 2026-W48 was delivered" */
  message = g_strdup_printf (_("The summary of %s was delivered"), week ? week + 1 : kind);
  _rapport_summary_view_toast (self, message);
}

/* Actions -------------------------------------------------------------------- */

static void
step_week (RapportSummaryView *self,
           int                 weeks)
{
  GDate day = self->monday;

  if (weeks < 0)
    g_date_subtract_days (&day, 7 * (guint) -weeks);
  else
    g_date_add_days (&day, 7 * (guint) weeks);
  rapport_summary_view_set_week (self, &day);
}

static void
week_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportSummaryView *self = RAPPORT_SUMMARY_VIEW (widget);

  if (g_str_equal (action_name, "summary.previous-week"))
    step_week (self, -1);
  else if (g_str_equal (action_name, "summary.next-week"))
    step_week (self, 1);
  else if (self->store != NULL)
    {
      GDate today;
      rapport_store_get_today (self->store, &today);
      rapport_summary_view_set_week (self, &today);
    }
}

/* GObject -------------------------------------------------------------------- */

static void
rapport_summary_view_dispose (GObject *object)
{
  RapportSummaryView *self = RAPPORT_SUMMARY_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  rapport_summary_view_set_store (self, NULL);
  rapport_summary_view_set_webhook (self, NULL);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->main_box, gtk_widget_unparent);

  G_OBJECT_CLASS (rapport_summary_view_parent_class)->dispose (object);
}

static void
rapport_summary_view_class_init (RapportSummaryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rapport_summary_view_dispose;
  widget_class->map = rapport_summary_view_map;

  /**
   * RapportSummaryView::show-customer:
   * @customer_id: the customer's id
   *
   * A customer of the needs-attention list was activated.
   */
  signals[SHOW_CUSTOMER] = g_signal_new ("show-customer", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * RapportSummaryView::toast:
   * @message: a sentence for people
   *
   * Something to tell in the window's toast overlay.
   */
  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (RAPPORT_TYPE_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rapportapp/Rapport/rapport-summary-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportSummaryView, main_box);
  gtk_widget_class_bind_template_child (widget_class, RapportSummaryView, previous_button);
  gtk_widget_class_bind_template_child (widget_class, RapportSummaryView, next_button);
  gtk_widget_class_bind_template_child (widget_class, RapportSummaryView, send_button);
  gtk_widget_class_bind_template_child (widget_class, RapportSummaryView, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, RapportSummaryView, week_label);
  gtk_widget_class_bind_template_child (widget_class, RapportSummaryView, calls_value);
  gtk_widget_class_bind_template_child (widget_class, RapportSummaryView, calls_detail);
  gtk_widget_class_bind_template_child (widget_class, RapportSummaryView, calls_change);
  gtk_widget_class_bind_template_child (widget_class, RapportSummaryView, reach_value);
  gtk_widget_class_bind_template_child (widget_class, RapportSummaryView, reach_detail);
  gtk_widget_class_bind_template_child (widget_class, RapportSummaryView, reach_change);
  gtk_widget_class_bind_template_child (widget_class, RapportSummaryView, average_value);
  gtk_widget_class_bind_template_child (widget_class, RapportSummaryView, average_detail);
  gtk_widget_class_bind_template_child (widget_class, RapportSummaryView, average_change);
  gtk_widget_class_bind_template_child (widget_class, RapportSummaryView, csat_value);
  gtk_widget_class_bind_template_child (widget_class, RapportSummaryView, csat_detail);
  gtk_widget_class_bind_template_child (widget_class, RapportSummaryView, csat_change);
  gtk_widget_class_bind_template_child (widget_class, RapportSummaryView, outcomes_label);
  gtk_widget_class_bind_template_child (widget_class, RapportSummaryView, ratings_chart);
  gtk_widget_class_bind_template_child (widget_class, RapportSummaryView, trend_chart);
  gtk_widget_class_bind_template_child (widget_class, RapportSummaryView, situation_grid);
  gtk_widget_class_bind_template_child (widget_class, RapportSummaryView, staff_grid);
  gtk_widget_class_bind_template_child (widget_class, RapportSummaryView, attention_list);
  gtk_widget_class_bind_template_callback (widget_class, attention_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "summary.previous-week", NULL, week_action);
  gtk_widget_class_install_action (widget_class, "summary.next-week", NULL, week_action);
  gtk_widget_class_install_action (widget_class, "summary.this-week", NULL, week_action);
  _rapport_summary_view_class_actions_init (widget_class);
}

static void
load_css (void)
{
  static gboolean loaded;
  g_autoptr(GtkCssProvider) provider = NULL;
  GdkDisplay *display = gdk_display_get_default ();

  if (loaded || display == NULL)
    return;
  loaded = TRUE;
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (provider, "/io/github/rapportapp/Rapport/rapport-summary-view.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
}

/* A wide table scrolls sideways in a scrolled window of its own, which
 * took the wheel's vertical scrolling too: the page stopped under the
 * pointer. Vertical scrolling over it moves the page. */
static gboolean
table_scroll_cb (GtkEventControllerScroll *controller,
                 double                    dx,
                 double                    dy,
                 RapportSummaryView       *self)
{
  GtkAdjustment *page = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled_window));
  double step = 1;

  if (dy == 0)
    return FALSE;
  /* A wheel click moves as far as GtkScrolledWindow moves it. */
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    step = pow (gtk_adjustment_get_page_size (page), 2.0 / 3.0);
  gtk_adjustment_set_value (page, gtk_adjustment_get_value (page) + dy * step);
  return TRUE;
}

static void
pass_vertical_scroll_on (RapportSummaryView *self,
                         GtkWidget          *table)
{
  GtkWidget *scroller = gtk_widget_get_ancestor (table, GTK_TYPE_SCROLLED_WINDOW);
  GtkEventController *controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);

  gtk_event_controller_set_name (controller, "rapport-page-scroll");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "scroll", G_CALLBACK (table_scroll_cb), self);
  gtk_widget_add_controller (scroller, controller);
}

static void
rapport_summary_view_init (RapportSummaryView *self)
{
  load_css ();
  gtk_widget_init_template (GTK_WIDGET (self));
  pass_vertical_scroll_on (self, GTK_WIDGET (self->situation_grid));
  pass_vertical_scroll_on (self, GTK_WIDGET (self->staff_grid));
  self->cancellable = g_cancellable_new ();
  g_date_clear (&self->monday, 1);
  rapport_date_set_today (&self->monday);
  rapport_iso_week_monday (&self->monday, &self->monday);
  _rapport_summary_view_update_actions (self);
}

GtkWidget *
rapport_summary_view_new (void)
{
  return g_object_new (RAPPORT_TYPE_SUMMARY_VIEW, NULL);
}

void
rapport_summary_view_set_store (RapportSummaryView *self,
                                RapportStore       *store)
{
  g_return_if_fail (RAPPORT_IS_SUMMARY_VIEW (self));
  g_return_if_fail (store == NULL || RAPPORT_IS_STORE (store));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  g_clear_object (&self->summary);

  if (store != NULL)
    {
      GDate today;

      g_signal_connect_swapped (store, "changed", G_CALLBACK (store_changed_cb), self);
      rapport_store_get_today (store, &today);
      rapport_iso_week_monday (&today, &self->monday);
    }
  /* A hidden view computes its week when first shown, not at start-up. */
  store_changed_cb (self);
}

void
rapport_summary_view_set_webhook (RapportSummaryView *self,
                                  RapportWebhook     *webhook)
{
  g_return_if_fail (RAPPORT_IS_SUMMARY_VIEW (self));
  g_return_if_fail (webhook == NULL || RAPPORT_IS_WEBHOOK (webhook));

  if (self->webhook == webhook)
    return;
  if (self->webhook != NULL)
    g_signal_handlers_disconnect_by_data (self->webhook, self);
  g_set_object (&self->webhook, webhook);
  if (webhook != NULL)
    g_signal_connect_swapped (webhook, "delivered", G_CALLBACK (webhook_delivered_cb), self);
}

void
rapport_summary_view_set_week (RapportSummaryView *self,
                               const GDate        *day)
{
  g_return_if_fail (RAPPORT_IS_SUMMARY_VIEW (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  rapport_iso_week_monday (day, &self->monday);
  refresh (self);
}

RapportSummary *
rapport_summary_view_get_summary (RapportSummaryView *self)
{
  g_return_val_if_fail (RAPPORT_IS_SUMMARY_VIEW (self), NULL);
  return self->summary;
}

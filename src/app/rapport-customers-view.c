/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-customers-view"

#include "config.h"

#include <glib/gi18n.h>

#include "rapport-customer-list.h"
#include "rapport-customer-page.h"
#include "rapport-customer-row.h"
#include "rapport-customers-view.h"
#include "rapport-demo.h"
#include "rapport-new-customer-dialog.h"

struct _RapportCustomersView
{
  AdwBin parent_instance;

  RapportStore *store;
  gulong store_changed_id;
  RapportCustomerList *list;
  GtkSingleSelection *selection;
  RapportCustomerPage *page;
  /* Set while the view itself moves the selection, so that it does not
   * reload the page it is already showing. */
  gboolean selecting;
  /* Between detach_list () and the list's next items-changed. */
  gboolean detached;
  gboolean list_had_focus;
  /* The customer in the list's first row in view when it was let go of,
   * and how many rows were in view, to show the same rows after a re-read;
   * NULL after a new search. */
  char *first_in_view;
  guint n_in_view;
  /* Waits for the list's search to finish, to select the shown customer. */
  guint complete_source;

  GtkStack *stack;
  AdwLeaflet *leaflet;
  GtkSearchEntry *search_entry;
  GtkStack *list_stack;
  GtkListView *list_view;
  GtkLabel *count_label;
  GtkStack *page_stack;
};

G_DEFINE_FINAL_TYPE (RapportCustomersView, rapport_customers_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
toast (RapportCustomersView *self,
       const char           *message)
{
  g_signal_emit (self, signals[TOAST], 0, message);
}

/* The first-run page when there are no customers at all; "No results" when
 * only the search finds none. */
static void
update_state (RapportCustomersView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *count = NULL;

  gboolean complete = rapport_customer_list_is_complete (self->list);

  if (n == 0 && *search == '\0')
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "customers");
  /* "No results" only once the search has looked at every customer. */
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 || !complete ? "list" : "no-results");
  if (!complete)
    count = g_strdup (_("Searching…"));
  else if (*search != '\0')
    count = g_strdup_printf (g_dngettext (NULL, "%u customer found", "%u customers found", n), n);
  else
    count = g_strdup_printf (g_dngettext (NULL, "%u customer", "%u customers", n), n);
  gtk_label_set_text (self->count_label, count);
}

static void
scroll_to (RapportCustomersView *self,
           guint                 position)
{
  /* GtkListView's scroll-to function is GTK 4.12; the list's own action is 4.0. */
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
}

/* Where the shown customer is in the list, or G_MAXUINT. Not while a search
 * is still appending matches: finding it would finish the search at once. */
static guint
shown_position (RapportCustomersView *self)
{
  const char *id = rapport_customer_page_get_customer_id (self->page);

  if (id == NULL || !rapport_customer_list_is_complete (self->list))
    return G_MAXUINT;
  return rapport_customer_list_find (self->list, id);
}

static void restore_selection (RapportCustomersView *self);

static gboolean
list_complete_cb (gpointer user_data)
{
  RapportCustomersView *self = user_data;

  /* Below the list's own idle search: this runs once that is done. */
  if (!rapport_customer_list_is_complete (self->list))
    return G_SOURCE_CONTINUE;
  self->complete_source = 0;
  restore_selection (self);
  update_state (self);
  return G_SOURCE_REMOVE;
}

/* Selects the page's customer in the list again after the list was re-read. */
static void
restore_selection (RapportCustomersView *self)
{
  guint position;

  if (!rapport_customer_list_is_complete (self->list))
    {
      if (self->complete_source == 0)
        self->complete_source = g_idle_add_full (G_PRIORITY_LOW, list_complete_cb, self, NULL);
      return;
    }
  position = shown_position (self);
  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection,
                                     position == G_MAXUINT ? GTK_INVALID_LIST_POSITION : position);
  self->selecting = FALSE;
}

/* The customer whose row is the first one in view, or NULL; @n_in_view
 * tells how many rows are in view, even in part. */
static char *
first_id_in_view (RapportCustomersView *self,
                  guint                *n_in_view)
{
  GtkWidget *list = GTK_WIDGET (self->list_view);
  int height = gtk_widget_get_height (list);
  RapportCustomer *first = NULL;
  float first_y = G_MAXFLOAT;

  *n_in_view = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      RapportCustomer *customer;
      graphene_rect_t bounds;

      /* Mapped or not: the Customers view may be hidden behind another. */
      if (!RAPPORT_IS_CUSTOMER_ROW (row) || !gtk_widget_compute_bounds (child, list, &bounds))
        continue;
      customer = rapport_customer_row_get_customer (RAPPORT_CUSTOMER_ROW (row));
      /* In view: it starts above the bottom edge and ends below the top. */
      if (customer == NULL || bounds.origin.y >= height || bounds.origin.y + bounds.size.height <= 0)
        continue;
      (*n_in_view)++;
      if (bounds.origin.y < first_y)
        {
          first = customer;
          first_y = bounds.origin.y;
        }
    }
  return first != NULL ? g_strdup (rapport_customer_get_id (first)) : NULL;
}

/* The customer list announces a re-read as "every row replaced". GTK 4.8
 * then reads every row again: GtkSingleSelection to find its selected item,
 * the list view to reuse its row widgets; with 100 000 customers that is a
 * second or more. So the list view lets go of the model, and the selection
 * of its item, before each re-read, and both come back after it. */
static void
detach_list (RapportCustomersView *self,
             gboolean              keep_place)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  if (self->detached)
    return;
  self->detached = TRUE;
  g_free (self->first_in_view);
  self->first_in_view = keep_place ? first_id_in_view (self, &self->n_in_view) : NULL;
  self->list_had_focus = focus != NULL &&
                         (focus == GTK_WIDGET (self->list_view) ||
                          gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list_view)));
  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  self->selecting = FALSE;
  gtk_list_view_set_model (self->list_view, NULL);
}

static void
attach_list (RapportCustomersView *self)
{
  guint position = shown_position (self);
  g_autofree char *first_in_view = g_steal_pointer (&self->first_in_view);
  guint first = G_MAXUINT;

  if (!self->detached)
    return;
  self->detached = FALSE;
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  restore_selection (self);
  /* The list starts again at its top, and scrolling to a row puts it at
   * the top: the rows in view stay in view. */
  if (first_in_view != NULL && rapport_customer_list_is_complete (self->list))
    first = rapport_customer_list_find (self->list, first_in_view);
  if (first != G_MAXUINT)
    scroll_to (self, first);
  /* The shown customer, unless among them (renamed away, say). */
  if (position != G_MAXUINT && (first == G_MAXUINT || position < first || position >= first + self->n_in_view))
    scroll_to (self, position);
  if (self->list_had_focus)
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
list_items_changed_cb (RapportCustomersView *self)
{
  if (self->detached)
    attach_list (self);
  else
    restore_selection (self);
  update_state (self);
}

static void
selected_item_cb (RapportCustomersView *self)
{
  RapportCustomer *customer = gtk_single_selection_get_selected_item (self->selection);

  if (self->selecting || customer == NULL)
    return;
  rapport_customer_page_set_customer_id (self->page, rapport_customer_get_id (customer));
}

static void
page_customer_id_cb (RapportCustomersView *self)
{
  const char *id = rapport_customer_page_get_customer_id (self->page);

  gtk_stack_set_visible_child_name (self->page_stack, id ? "page" : "none");
  if (id == NULL)
    {
      restore_selection (self);
      adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
    }
}

static void
page_toast_cb (RapportCustomersView *self,
               const char           *message)
{
  toast (self, message);
}

static void
show_page (RapportCustomersView *self)
{
  if (rapport_customer_page_get_customer_id (self->page) == NULL)
    return;
  adw_leaflet_set_visible_child_name (self->leaflet, "page");
  if (adw_leaflet_get_folded (self->leaflet))
    rapport_customer_page_focus (self->page);
}

static void
list_activate_cb (RapportCustomersView *self,
                  guint                 position)
{
  g_autoptr(RapportCustomer) customer = g_list_model_get_item (G_LIST_MODEL (self->list), position);

  if (customer == NULL)
    return;
  rapport_customer_page_set_customer_id (self->page, rapport_customer_get_id (customer));
  adw_leaflet_set_visible_child_name (self->leaflet, "page");
  rapport_customer_page_focus (self->page);
}

/* On a narrow window a click opens the page; arrow keys only move. */
static void
list_clicked_cb (GtkGestureClick      *gesture,
                 int                   n_press,
                 double                x,
                 double                y,
                 RapportCustomersView *self)
{
  if (adw_leaflet_get_folded (self->leaflet) &&
      gtk_single_selection_get_selected_item (self->selection) != NULL)
    show_page (self);
}

static void
leaflet_folded_cb (RapportCustomersView *self)
{
  /* Unfolding always shows both sides; folding keeps what was in front. */
  if (adw_leaflet_get_folded (self->leaflet) &&
      rapport_customer_page_get_customer_id (self->page) == NULL)
    adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
search_changed_cb (RapportCustomersView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  const char *current = rapport_customer_list_get_search (self->list);

  if (g_strcmp0 (text, current ? current : "") != 0)
    {
      detach_list (self, FALSE);
      rapport_customer_list_set_search (self->list, text);
      attach_list (self);
    }
  update_state (self);
  if (g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    scroll_to (self, 0);
}

static void
stop_search_cb (RapportCustomersView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Enter in the search opens the first customer found. */
static void
search_activate_cb (RapportCustomersView *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    {
      list_activate_cb (self, 0);
      restore_selection (self);
    }
}

/* Down from the search goes into the list, as in other GNOME lists. */
static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       RapportCustomersView  *self)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) &&
      g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    {
      scroll_to (self, 0);
      return gtk_widget_child_focus (GTK_WIDGET (self->list_view), GTK_DIR_TAB_FORWARD);
    }
  return FALSE;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  gtk_list_item_set_child (item, rapport_customer_row_new ());
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  rapport_customer_row_set_customer (RAPPORT_CUSTOMER_ROW (gtk_list_item_get_child (item)),
                                     gtk_list_item_get_item (item));
}

static void
unbind_row_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  rapport_customer_row_set_customer (RAPPORT_CUSTOMER_ROW (gtk_list_item_get_child (item)), NULL);
}

/* Actions */

static void
customer_added_cb (RapportCustomersView *self,
                   const char           *id)
{
  g_autoptr(RapportCustomer) customer = rapport_store_get_customer (self->store, id, NULL);
  g_autofree char *message = NULL;

  rapport_customers_view_show_customer (self, id);
  if (customer != NULL)
    {
      /* Translators: %s is the customer's name */
      message = g_strdup_printf (_("%s added"), rapport_customer_get_name (customer));
      toast (self, message);
    }
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  rapport_customers_view_new_customer (RAPPORT_CUSTOMERS_VIEW (widget));
}

static void
load_demo (RapportCustomersView *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint before = rapport_store_count_customers (self->store);
  guint added;

  if (!rapport_demo_load (self->store, &error))
    {
      /* Translators: %s says why */
      message = g_strdup_printf (_("The sample customers could not be added: %s"), error->message);
      toast (self, message);
      return;
    }
  added = rapport_store_count_customers (self->store) - before;
  message = g_strdup_printf (g_dngettext (NULL, "%u sample customer added", "%u sample customers added",
                                          added), added);
  toast (self, message);
  update_state (self);
}

static void
demo_response_cb (AdwMessageDialog     *dialog,
                  const char           *response,
                  RapportCustomersView *self)
{
  if (g_strcmp0 (response, "add") == 0)
    load_demo (self);
}

static void
load_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  RapportCustomersView *self = RAPPORT_CUSTOMERS_VIEW (widget);
  guint n = rapport_store_count_customers (self->store);
  GtkRoot *root;
  GtkWidget *dialog;
  g_autofree char *body = NULL;

  if (n == 0)
    {
      load_demo (self);
      return;
    }

  /* Sample customers mixed into real ones are hard to tell apart: ask. */
  root = gtk_widget_get_root (widget);
  body = g_strdup_printf (g_dngettext (NULL,
                                       "This database already has %u customer. The sample customers, "
                                       "with their follow-ups and calls, will be added beside it and "
                                       "show up on the agenda and in the summary.",
                                       "This database already has %u customers. The sample customers, "
                                       "with their follow-ups and calls, will be added beside them and "
                                       "show up on the agenda and in the summary.", n), n);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Add Sample Customers?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add Sample Customers"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (demo_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RapportCustomersView *self = RAPPORT_CUSTOMERS_VIEW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  rapport_customers_view_focus_search (RAPPORT_CUSTOMERS_VIEW (widget));
}

/* GObject */

/* Runs before the customer list re-reads itself: connected first. */
static void
store_changed_cb (RapportStore         *store,
                  RapportCustomersView *self)
{
  detach_list (self, TRUE);
}

/* Runs after it, in case the list had nothing to say. */
static void
store_changed_after_cb (RapportStore         *store,
                        RapportCustomersView *self)
{
  attach_list (self);
  update_state (self);
}

static void
rapport_customers_view_constructed (GObject *object)
{
  RapportCustomersView *self = (RapportCustomersView *) object;
  GtkListItemFactory *factory;
  GtkGesture *click;

  G_OBJECT_CLASS (rapport_customers_view_parent_class)->constructed (object);

  g_return_if_fail (self->store != NULL);

  self->store_changed_id = g_signal_connect (self->store, "changed",
                                             G_CALLBACK (store_changed_cb), self);

  /* The list reads customers in pages as rows are shown, never all of them. */
  self->list = rapport_customer_list_new (self->store);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selected_item_cb), self, G_CONNECT_SWAPPED);
  /* After the selection model has handled the change. */
  g_signal_connect_object (self->list, "items-changed",
                           G_CALLBACK (list_items_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_after_cb), self, 0);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "released", G_CALLBACK (list_clicked_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), GTK_EVENT_CONTROLLER (click));

  self->page = RAPPORT_CUSTOMER_PAGE (rapport_customer_page_new (self->store));
  g_signal_connect_object (self->page, "toast", G_CALLBACK (page_toast_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->page, "notify::customer-id",
                           G_CALLBACK (page_customer_id_cb), self, G_CONNECT_SWAPPED);
  gtk_stack_add_named (self->page_stack, GTK_WIDGET (self->page), "page");

  update_state (self);
}

static void
rapport_customers_view_dispose (GObject *object)
{
  RapportCustomersView *self = (RapportCustomersView *) object;

  if (self->store != NULL)
    g_clear_signal_handler (&self->store_changed_id, self->store);
  g_clear_handle_id (&self->complete_source, g_source_remove);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_pointer (&self->first_in_view, g_free);

  G_OBJECT_CLASS (rapport_customers_view_parent_class)->dispose (object);

  /* The page saves a pending change when it goes, so the store goes last. */
  g_clear_object (&self->store);
}

static void
rapport_customers_view_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  RapportCustomersView *self = RAPPORT_CUSTOMERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_customers_view_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  RapportCustomersView *self = RAPPORT_CUSTOMERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rapport_customers_view_class_init (RapportCustomersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = rapport_customers_view_constructed;
  object_class->dispose = rapport_customers_view_dispose;
  object_class->get_property = rapport_customers_view_get_property;
  object_class->set_property = rapport_customers_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RAPPORT_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RapportCustomersView::toast:
   * @message: the sentence to show
   *
   * Asks the window to show @message as a toast: what was done ("Ada
   * Lovelace added") or why it could not be done (a core error).
   */
  signals[TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (RAPPORT_TYPE_CUSTOMER_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/rapportapp/Rapport/rapport-customers-view.ui");
  gtk_widget_class_bind_template_child (widget_class, RapportCustomersView, stack);
  gtk_widget_class_bind_template_child (widget_class, RapportCustomersView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, RapportCustomersView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RapportCustomersView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, RapportCustomersView, list_view);
  gtk_widget_class_bind_template_child (widget_class, RapportCustomersView, count_label);
  gtk_widget_class_bind_template_child (widget_class, RapportCustomersView, page_stack);
  /* For tests, which press it: reachable by name, not kept in the struct. */
  gtk_widget_class_bind_template_child_full (widget_class, "demo_button", FALSE, 0);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);

  gtk_widget_class_install_action (widget_class, "customers.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "customers.load-demo", NULL, load_demo_action);
  gtk_widget_class_install_action (widget_class, "customers.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "customers.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "customers.back", NULL);
}

static void
rapport_customers_view_init (RapportCustomersView *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Typing anywhere in the view starts a search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  keys = gtk_event_controller_key_new ();
  /* Before the entry's text, which would keep the key. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
}

GtkWidget *
rapport_customers_view_new (RapportStore *store)
{
  return g_object_new (RAPPORT_TYPE_CUSTOMERS_VIEW, "store", store, NULL);
}

RapportStore *
rapport_customers_view_get_store (RapportCustomersView *self)
{
  g_return_val_if_fail (RAPPORT_IS_CUSTOMERS_VIEW (self), NULL);
  return self->store;
}

void
rapport_customers_view_show_customer (RapportCustomersView *self,
                                      const char           *id)
{
  guint position;

  g_return_if_fail (RAPPORT_IS_CUSTOMERS_VIEW (self));
  g_return_if_fail (id != NULL);

  position = rapport_customer_list_find (self->list, id);
  if (position == G_MAXUINT && *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    {
      /* The search hides that customer: show the whole list again. */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      search_changed_cb (self);
      position = rapport_customer_list_find (self->list, id);
    }
  rapport_customer_page_set_customer_id (self->page, id);
  restore_selection (self);
  if (position != G_MAXUINT)
    scroll_to (self, position);
  update_state (self);
  show_page (self);
}

void
rapport_customers_view_focus_search (RapportCustomersView *self)
{
  g_return_if_fail (RAPPORT_IS_CUSTOMERS_VIEW (self));

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "customers") != 0)
    return;
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

void
rapport_customers_view_new_customer (RapportCustomersView *self)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_if_fail (RAPPORT_IS_CUSTOMERS_VIEW (self));

  /* What was typed on the current customer is saved before the dialog opens. */
  rapport_customer_page_save (self->page);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = rapport_new_customer_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                            self->store);
  g_signal_connect_object (dialog, "added", G_CALLBACK (customer_added_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

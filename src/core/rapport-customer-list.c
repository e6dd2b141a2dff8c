/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-customer-list"

#include "config.h"

#include "rapport-customer-list.h"

#define PAGE_SIZE 100
/* Pages kept in memory at most; the oldest is dropped first. */
#define MAX_PAGES 20

struct _RapportCustomerList
{
  GObject parent_instance;

  RapportStore *store;
  char *search;
  GPtrArray *ids;         /* utf8 */
  GHashTable *pages;      /* page number → GPtrArray of RapportCustomer */
  GQueue page_order;
  gulong changed_id;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RapportCustomerList, rapport_customer_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return RAPPORT_TYPE_CUSTOMER;
}

static guint
get_n_items (GListModel *model)
{
  RapportCustomerList *self = RAPPORT_CUSTOMER_LIST (model);
  return self->ids->len;
}

static GPtrArray *
load_page (RapportCustomerList *self,
           guint                page)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *customers;
  guint first = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->ids->len - first);

  customers = rapport_store_get_customers (self->store,
                                           (const char * const *) self->ids->pdata + first,
                                           n, &error);
  if (customers == NULL)
    {
      g_warning ("Could not read customers: %s", error->message);
      customers = g_ptr_array_new_with_free_func (g_object_unref);
    }
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), customers);
  g_queue_push_tail (&self->page_order, GUINT_TO_POINTER (page));
  while (g_queue_get_length (&self->page_order) > MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_head (&self->page_order));
  return customers;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  RapportCustomerList *self = RAPPORT_CUSTOMER_LIST (model);
  const char *id;
  GPtrArray *page;
  guint page_no = position / PAGE_SIZE;

  if (position >= self->ids->len)
    return NULL;
  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page_no));
  if (page == NULL)
    page = load_page (self, page_no);

  /* A customer deleted since the ids were read is missing from its page. */
  id = g_ptr_array_index (self->ids, position);
  for (guint i = 0; i < page->len; i++)
    {
      RapportCustomer *c = g_ptr_array_index (page, i);
      if (g_strcmp0 (rapport_customer_get_id (c), id) == 0)
        return g_object_ref (c);
    }
  return NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
rapport_customer_list_dispose (GObject *object)
{
  RapportCustomerList *self = (RapportCustomerList *) object;

  if (self->store)
    g_clear_signal_handler (&self->changed_id, self->store);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (rapport_customer_list_parent_class)->dispose (object);
}

static void
rapport_customer_list_finalize (GObject *object)
{
  RapportCustomerList *self = (RapportCustomerList *) object;

  g_free (self->search);
  g_ptr_array_unref (self->ids);
  g_hash_table_unref (self->pages);
  g_queue_clear (&self->page_order);

  G_OBJECT_CLASS (rapport_customer_list_parent_class)->finalize (object);
}

static void
rapport_customer_list_class_init (RapportCustomerListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = rapport_customer_list_dispose;
  object_class->finalize = rapport_customer_list_finalize;
}

static void
rapport_customer_list_init (RapportCustomerList *self)
{
  self->ids = g_ptr_array_new_with_free_func (g_free);
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->page_order);
}

static void
store_changed_cb (RapportStore        *store,
                  RapportCustomerList *self)
{
  rapport_customer_list_reload (self);
}

RapportCustomerList *
rapport_customer_list_new (RapportStore *store)
{
  RapportCustomerList *self = g_object_new (RAPPORT_TYPE_CUSTOMER_LIST, NULL);

  self->store = g_object_ref (store);
  self->changed_id = g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), self);
  rapport_customer_list_reload (self);
  return self;
}

void
rapport_customer_list_reload (RapportCustomerList *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  guint removed = self->ids->len;

  ids = rapport_store_search_customer_ids (self->store, self->search, &error);
  if (ids == NULL)
    {
      g_warning ("Could not search customers: %s", error->message);
      ids = g_ptr_array_new_with_free_func (g_free);
    }
  g_ptr_array_unref (self->ids);
  self->ids = g_steal_pointer (&ids);
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->page_order);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->ids->len);
}

void
rapport_customer_list_set_search (RapportCustomerList *self,
                                  const char          *search)
{
  if (g_strcmp0 (self->search, search) == 0)
    return;
  g_free (self->search);
  self->search = g_strdup (search);
  rapport_customer_list_reload (self);
}

const char *
rapport_customer_list_get_search (RapportCustomerList *self)
{
  return self->search;
}

guint
rapport_customer_list_find (RapportCustomerList *self,
                            const char          *id)
{
  for (guint i = 0; i < self->ids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->ids, i), id) == 0)
      return i;
  return G_MAXUINT;
}

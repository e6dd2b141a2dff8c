/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-customer-list"

#include "config.h"

#include "rapport-customer-list.h"
#include "rapport-model-private.h"
#include "rapport-store-private.h"

#define PAGE_SIZE 100
/* Pages kept in memory at most; the oldest is dropped first. */
#define MAX_PAGES 20
/* A search answers at once with its first matches (more than a tall window
 * shows, about 20 rows) and finds the others in idle time, a slice of the
 * customers at a time, so that typing never waits for 100 000 customers to be
 * looked at. */
#define FIRST_MATCHES 32
#define SLICE_ROWS 20000
/* The search index is read ahead this long after the whole list was shown. */
#define WARM_DELAY_MS 1500

struct _RapportCustomerList
{
  GObject parent_instance;

  RapportStore *store;
  char *search;
  GStrv words;            /* the search, folded; NULL when it is empty */
  GArray *rowids;         /* gint64, in name order */
  GHashTable *pages;      /* page number → GPtrArray of RapportCustomer */
  GQueue page_order;
  gulong changed_id;
  guint scan_position;    /* the next row of the search index to look at */
  guint scan_generation;  /* of the search index the positions belong to */
  guint scan_source;      /* idle source finding more matches, or 0 */
  guint warm_source;      /* idle source reading the search index ahead */
  GCancellable *warming;  /* the reading ahead in a thread, or NULL */
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
  return self->rowids->len;
}

static GPtrArray *
load_page (RapportCustomerList *self,
           guint                page)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *customers;
  guint first = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->rowids->len - first);

  customers = _rapport_store_get_customers_by_rowid (self->store,
                                                     &g_array_index (self->rowids, gint64, first),
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

static void
drop_page (RapportCustomerList *self,
           guint                page)
{
  if (g_hash_table_remove (self->pages, GUINT_TO_POINTER (page)))
    g_queue_remove (&self->page_order, GUINT_TO_POINTER (page));
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  RapportCustomerList *self = RAPPORT_CUSTOMER_LIST (model);
  gint64 rowid;
  GPtrArray *page;
  guint page_no = position / PAGE_SIZE;

  if (position >= self->rowids->len)
    return NULL;
  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page_no));
  if (page == NULL)
    page = load_page (self, page_no);

  /* A customer deleted since the list was read is missing from its page. */
  rowid = g_array_index (self->rowids, gint64, position);
  for (guint i = 0; i < page->len; i++)
    {
      RapportCustomer *c = g_ptr_array_index (page, i);
      if (_rapport_customer_get_rowid (c) == rowid)
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

  g_clear_handle_id (&self->scan_source, g_source_remove);
  g_clear_handle_id (&self->warm_source, g_source_remove);
  if (self->warming != NULL)
    g_cancellable_cancel (self->warming);
  g_clear_object (&self->warming);
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
  g_strfreev (self->words);
  g_array_unref (self->rowids);
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
  self->rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
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

static void
warmed_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  RapportCustomerList *self;

  if (!_rapport_search_index_refresh_finish (result, &error))
    {
      /* Cancelled: the list is gone. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("Could not read the search index ahead: %s", error->message);
      return;
    }
  self = user_data;
  g_clear_object (&self->warming);
}

/* 100 000 customers take a quarter of a second to read: in a thread, so that
 * neither the first frame nor the next edit waits for it. */
static gboolean
warm_index_cb (gpointer user_data)
{
  RapportCustomerList *self = user_data;

  self->warm_source = 0;
  if (self->warming != NULL)
    return G_SOURCE_REMOVE;
  self->warming = g_cancellable_new ();
  _rapport_search_index_refresh_async (_rapport_store_get_search_index (self->store), self->warming,
                                       warmed_cb, self);
  return G_SOURCE_REMOVE;
}

/* Looks further for matches of the search, appending them; FALSE when the
 * search index has nothing more to look at. */
static gboolean
scan_more (RapportCustomerList *self,
           guint                max_rows)
{
  RapportSearchIndex *index = _rapport_store_get_search_index (self->store);
  guint before = self->rowids->len;
  gboolean done;

  done = _rapport_search_index_scan (index, (const char * const *) self->words,
                                     &self->scan_position, 0, max_rows, self->rowids);
  if (self->rowids->len > before)
    {
      /* The last page may have been read when it was shorter. */
      if (before % PAGE_SIZE != 0)
        drop_page (self, before / PAGE_SIZE);
      g_list_model_items_changed (G_LIST_MODEL (self), before, 0, self->rowids->len - before);
    }
  return !done;
}

static gboolean
scan_more_cb (gpointer user_data)
{
  RapportCustomerList *self = user_data;
  RapportSearchIndex *index = _rapport_store_get_search_index (self->store);

  /* The index was read again (the customers changed): start over. */
  if (_rapport_search_index_get_generation (index) != self->scan_generation)
    {
      self->scan_source = 0;
      rapport_customer_list_reload (self);
      return G_SOURCE_REMOVE;
    }
  if (scan_more (self, SLICE_ROWS))
    return G_SOURCE_CONTINUE;
  self->scan_source = 0;
  return G_SOURCE_REMOVE;
}

void
rapport_customer_list_reload (RapportCustomerList *self)
{
  g_autoptr(GError) error = NULL;
  GArray *rowids = self->rowids;
  guint removed = self->rowids->len;
  gboolean more = FALSE;

  g_clear_handle_id (&self->scan_source, g_source_remove);
  g_clear_pointer (&self->words, g_strfreev);
  self->words = _rapport_search_index_fold_words (self->search);
  /* The array keeps its memory: 100 000 ids are not given back and taken
   * again at every letter typed. */
  g_array_set_size (rowids, 0);

  if (self->words[0] == NULL)
    {
      RapportSearchIndex *index = _rapport_store_get_search_index (self->store);

      /* Everyone: the search index has them in order when it is up to date
       * (clearing a search), else the sort-key index does. The search index
       * is then read ahead in a thread, a while after the list was shown,
       * so that the first letter typed does not wait for it. */
      g_clear_pointer (&self->words, g_strfreev);
      if (_rapport_search_index_is_fresh (index))
        {
          GArray *all = _rapport_search_index_get_rowids (index);
          g_array_append_vals (rowids, all->data, all->len);
        }
      else
        {
          if (!_rapport_store_list_customer_rowids (self->store, rowids, &error))
            g_warning ("Could not list customers: %s", error->message);
          if (self->warm_source == 0)
            self->warm_source = g_timeout_add_full (G_PRIORITY_LOW, WARM_DELAY_MS,
                                                    warm_index_cb, self, NULL);
        }
    }
  else
    {
      RapportSearchIndex *index = _rapport_store_get_search_index (self->store);

      self->scan_position = 0;
      if (!_rapport_search_index_update (index, &error))
        g_warning ("Could not search customers: %s", error->message);
      else
        {
          self->scan_generation = _rapport_search_index_get_generation (index);
          more = !_rapport_search_index_scan (index, (const char * const *) self->words,
                                              &self->scan_position, FIRST_MATCHES,
                                              SLICE_ROWS, rowids);
        }
    }

  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->page_order);
  if (more)
    self->scan_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, scan_more_cb, self, NULL);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, self->rowids->len);
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

gboolean
rapport_customer_list_is_complete (RapportCustomerList *self)
{
  return self->scan_source == 0;
}

void
rapport_customer_list_complete (RapportCustomerList *self)
{
  RapportSearchIndex *index;

  if (self->scan_source == 0)
    return;
  index = _rapport_store_get_search_index (self->store);
  g_clear_handle_id (&self->scan_source, g_source_remove);
  if (_rapport_search_index_get_generation (index) != self->scan_generation)
    {
      rapport_customer_list_reload (self);
      if (self->scan_source == 0)
        return;
      g_clear_handle_id (&self->scan_source, g_source_remove);
    }
  scan_more (self, 0);
}

guint
rapport_customer_list_find (RapportCustomerList *self,
                            const char          *id)
{
  gint64 rowid;

  rowid = _rapport_store_resolve_customer (self->store, id, NULL);
  if (rowid == 0)
    return G_MAXUINT;
  /* A customer found later by a search still running is found now. */
  rapport_customer_list_complete (self);
  for (guint i = 0; i < self->rowids->len; i++)
    if (g_array_index (self->rowids, gint64, i) == rowid)
      return i;
  return G_MAXUINT;
}

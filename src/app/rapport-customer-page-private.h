/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by rapport-customer-page.c (fields, saving, loading) and
 * rapport-customer-page-actions.c (flag, corrected, stop, delete, call). */

#include "rapport-customer-page.h"

G_BEGIN_DECLS

typedef enum {
  FIELD_NAME,
  FIELD_COMPANY,
  FIELD_PHONE,
  FIELD_EMAIL,
  FIELD_SINCE,
  FIELD_CADENCE,
  FIELD_NOTES,
  N_FIELDS
} Field;

struct _RapportCustomerPage
{
  AdwBin parent_instance;

  RapportStore *store;
  gulong store_changed_id;
  RapportCustomer *customer;
  char *customer_id;

  /* A field the person changed and that is not saved yet (or cannot be). */
  gboolean dirty[N_FIELDS];
  char *problem[N_FIELDS];
  guint save_id;
  gboolean loading;
  RapportSituation flag_situation;

  GtkScrolledWindow *scroller;
  GtkLabel *title_label;
  GtkLabel *subtitle_label;
  GtkWidget *phone_check_box;
  AdwEntryRow *name_row;
  AdwEntryRow *company_row;
  AdwEntryRow *phone_row;
  AdwEntryRow *email_row;
  AdwEntryRow *since_row;
  GtkPopover *since_popover;
  GtkCalendar *since_calendar;
  AdwActionRow *cadence_row;
  GtkSpinButton *cadence_spin;
  GtkLabel *field_error_label;
  GtkTextView *notes_view;
  GtkMenuButton *flag_button;
  GtkPopover *flag_popover;
  GtkStack *flag_stack;
  GtkLabel *flag_title_label;
  GtkLabel *flag_hint_label;
  GtkEntry *flag_note_entry;
  GtkListBox *follow_ups_list;
  AdwPreferencesGroup *calls_group;
  GtkListBox *calls_list;
};


/* Emits "toast". */
void     _rapport_customer_page_toast              (RapportCustomerPage *self,
                                                    const char          *message);
/* Saves the valid changed fields now; FALSE when a field cannot be saved. */
gboolean _rapport_customer_page_save_now           (RapportCustomerPage *self);
/* Installs the customer.* actions and the popovers' template callbacks. */
void     _rapport_customer_page_class_actions_init (GtkWidgetClass      *widget_class);

G_END_DECLS

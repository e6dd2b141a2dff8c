/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the UI suites: the real application and window over a fresh
 * temporary database, seeded through the core API, and a way to wait for the
 * UI without sleeping a fixed time. */

#include <adwaita.h>

#include "rapport-application.h"
#include "rapport-date.h"
#include "rapport-store.h"
#include "rapport-window.h"

G_BEGIN_DECLS

typedef struct {
  char               *dir;
  char               *path;
  RapportApplication *app;
  RapportWindow      *window;
  RapportStore       *store;
} UiFixture;

/* Private XDG folders, gtk_test_init, adw_init. */
void         ui_test_init          (int          *argc,
                                    char       ***argv);
int          ui_test_run           (void);

/* A store at a temporary path with today fixed at @today ("2025-03-03" when
 * NULL), seeded by @seed, then the application and its window on it. */
typedef void (*UiSeedFunc) (RapportStore *store);
void         ui_fixture_open       (UiFixture    *f,
                                    const char   *today,
                                    UiSeedFunc    seed);
void         ui_fixture_close      (UiFixture    *f);

/* Iterates the main context until @condition holds; fails the test after
 * @timeout_ms. */
typedef gboolean (*UiCondition) (gpointer user_data);
void         ui_wait_until         (UiCondition   condition,
                                    gpointer      user_data,
                                    guint         timeout_ms,
                                    const char   *what);
/* Lets pending idle work, layout and painting happen. */
void         ui_flush              (void);

/* The first widget under @root (itself included, depth first) that @match
 * accepts, or NULL. */
typedef gboolean (*UiWidgetMatch) (GtkWidget *widget, gconstpointer data);
GtkWidget   *ui_find_widget        (GtkWidget     *root,
                                    UiWidgetMatch  match,
                                    gconstpointer  data);

GDate        ui_day                (const char   *iso);
char        *ui_add_customer       (RapportStore *store,
                                    const char   *name,
                                    const char   *company,
                                    const char   *phone,
                                    const char   *since,
                                    gboolean      open_new);
void         ui_flag               (RapportStore *store,
                                    const char   *customer_id,
                                    RapportSituation situation,
                                    const char   *note,
                                    const char   *date);
/* The rows of a table as text, one line per row, for before/after checks. */
char        *ui_dump_table         (RapportStore *store,
                                    const char   *sql);
/* The follow_ups and calls tables, every column. */
char        *ui_dump_follow_ups_and_calls (RapportStore *store);

/* The n-th agenda row of the Today view, or NULL. */
GtkListBoxRow *ui_agenda_row       (UiFixture    *f,
                                    int           index);
guint        ui_list_box_count     (GtkListBox   *list);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Shared by the core suites: a fresh store in a temporary folder per test,
 * dates from ISO text, and dumps of the tables to prove "nothing changed". */

#include <glib.h>
#include <sqlite3.h>

#include "rapport-customer-list.h"
#include "rapport-date.h"
#include "rapport-error.h"
#include "rapport-json.h"
#include "rapport-store.h"

G_BEGIN_DECLS

typedef struct {
  char *dir;
  char *path;
  RapportStore *store;
} Fixture;

/* Sets XDG_DATA_HOME to a private temporary folder before anything reads it,
 * so that no test can touch the developer's own database. */
void             test_init             (int          *argc,
                                        char       ***argv);
/* Runs the tests and removes the private folder. */
int              test_run              (void);
const char      *test_xdg_data_home    (void);

/* A new store at a temporary path, its today fixed at Monday 2026-11-23. */
void             fixture_setup         (Fixture       *f,
                                        gconstpointer  data);
void             fixture_teardown      (Fixture       *f,
                                        gconstpointer  data);
/* Closes and reopens the store at the same path (today is set again). */
void             fixture_reopen        (Fixture       *f,
                                        const char    *today);
void             remove_tree           (const char    *path);

/* Parses YYYY-MM-DD, aborting the test on a bad literal. */
GDate            day                   (const char    *iso);
void             set_today             (Fixture       *f,
                                        const char    *iso);

/* Adds a customer; @since may be NULL (today). Returns the new id. */
char            *add_customer          (Fixture       *f,
                                        const char    *name,
                                        const char    *phone,
                                        const char    *since,
                                        gboolean       open_new);
/* Adds a customer without the automatic `new` follow-up. */
char            *add_plain_customer    (Fixture       *f,
                                        const char    *name,
                                        const char    *since);
void             flag                  (Fixture          *f,
                                        const char       *id,
                                        RapportSituation  situation,
                                        const char       *date,
                                        const char       *note);

/* The open or waiting follow-up of that situation, or NULL. (transfer full) */
RapportFollowUp *open_follow_up        (Fixture          *f,
                                        const char       *id,
                                        RapportSituation  situation);
/* The most recently closed follow-up of that situation, or NULL. (transfer full) */
RapportFollowUp *closed_follow_up      (Fixture          *f,
                                        const char       *id,
                                        RapportSituation  situation);
guint            count_follow_ups      (Fixture       *f,
                                        const char    *id,
                                        gboolean       include_closed);

/* Logs a call with the store's today as its date unless @date is given. */
char            *log_call              (Fixture            *f,
                                        const char         *id,
                                        RapportCallResult   result,
                                        guint               satisfaction,
                                        const char         *date);

/* Counts RapportStore::changed emissions into @counter until disconnected. */
gulong           count_changed         (Fixture       *f,
                                        guint         *counter);

/* Every row of the core tables as text, for before/after comparisons. */
char            *dump_tables           (Fixture       *f);
/* Sets every created_at/updated_at to 2000-01-01, so that any later change
 * to a timestamp shows in a dump even within the same second. */
void             age_timestamps        (Fixture       *f);
/* The single integer a static query returns (bound to @text when not NULL). */
gint64           query_int             (Fixture       *f,
                                        const char    *sql,
                                        const char    *text);
char            *query_text            (Fixture       *f,
                                        const char    *sql,
                                        const char    *text);

#define assert_date(date, iso) \
  G_STMT_START { \
    const GDate *_d = (date); \
    g_autofree char *_s = (_d != NULL && g_date_valid (_d)) ? rapport_date_to_iso (_d) \
                                                            : g_strdup ("(none)"); \
    g_assert_cmpstr (_s, ==, (iso)); \
  } G_STMT_END

#define assert_due(follow_up, iso) \
  G_STMT_START { \
    RapportFollowUp *_f = (follow_up); \
    g_assert_nonnull (_f); \
    assert_date (rapport_follow_up_get_due (_f), (iso)); \
  } G_STMT_END

G_END_DECLS

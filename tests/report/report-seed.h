/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rapport-store.h"
#include "rapport-summary.h"

G_BEGIN_DECLS

/* The customers of the seeded week 2026-W48, by first name. */
typedef struct {
  char *alice, *bob, *cora, *dan, *eve, *finn, *gus, *hana, *ivy, *jo;
} ReportSeed;

/* A fresh store in a new temporary folder; free with report_store_free(). */
RapportStore *report_store_new         (char       **dir_out);
void          report_store_free        (RapportStore *store,
                                        char         *dir);

char         *report_seed_customer     (RapportStore *store,
                                        const char   *name,
                                        const char   *since,
                                        gboolean      new_follow_up);
void          report_seed_flag         (RapportStore *store,
                                        const char   *day,
                                        const char   *customer,
                                        RapportSituation situation);
/* Logs a call on @day, with the store's today set to @day. */
char         *report_seed_call         (RapportStore *store,
                                        const char   *day,
                                        const char   *customer,
                                        const char   *staff,
                                        RapportCallResult result,
                                        guint         satisfaction,
                                        gboolean      problem_persists,
                                        const char   *callback,
                                        const char   *note);

/* The week 2026-W48 (23–29 Nov 2026) and a few calls around it, as described
 * in report-seed.c with the figures expected from them. */
void          report_seed_week_48      (RapportStore *store,
                                        ReportSeed   *seed);
void          report_seed_clear        (ReportSeed   *seed);

void          report_date              (const char   *iso,
                                        GDate        *out);
/* The summary of the ISO week @week ("2026-W48"); fails the test on error. */
RapportSummary *report_summary_of      (RapportStore *store,
                                        const char   *week);

G_END_DECLS

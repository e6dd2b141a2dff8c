/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rapport-store.h"

G_BEGIN_DECLS

/* Undo of rapport_store_move(): puts back the due date of every follow-up in
 * @snapshot (element-type RapportFollowUp, as listed before the move) that is
 * still open, in one transaction. Follow-ups closed since then are left alone. */
gboolean rapport_store_restore_due_dates (RapportStore *self,
                                          GPtrArray    *snapshot,
                                          GError      **error);

G_END_DECLS

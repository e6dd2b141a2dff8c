/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "rapport-cli-context.h"

G_BEGIN_DECLS

/* One function per top-level command; argv[0] is the command's name. */
int rapport_cli_customer  (RapportCliContext *ctx, int argc, char **argv);
int rapport_cli_flag      (RapportCliContext *ctx, int argc, char **argv);
int rapport_cli_unflag    (RapportCliContext *ctx, int argc, char **argv);
int rapport_cli_corrected (RapportCliContext *ctx, int argc, char **argv);
int rapport_cli_move      (RapportCliContext *ctx, int argc, char **argv);
int rapport_cli_agenda    (RapportCliContext *ctx, int argc, char **argv);
int rapport_cli_log       (RapportCliContext *ctx, int argc, char **argv);
int rapport_cli_history   (RapportCliContext *ctx, int argc, char **argv);
int rapport_cli_import    (RapportCliContext *ctx, int argc, char **argv);
int rapport_cli_export    (RapportCliContext *ctx, int argc, char **argv);
int rapport_cli_backup    (RapportCliContext *ctx, int argc, char **argv);
int rapport_cli_restore   (RapportCliContext *ctx, int argc, char **argv);
int rapport_cli_summary   (RapportCliContext *ctx, int argc, char **argv);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-ui-test"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "ui-test-util.h"

/* The real `rapport` binary, started the way the start benchmark starts it:
 * it must paint its Today view, quit by itself and say nothing on the way. */

/* Today is Monday 2025-03-03: two customers due (flagged the Monday before),
 * one without a phone. */
static void
seed_start_day (RapportStore *store)
{
  g_autofree char *grace = ui_add_customer (store, "Grace Hopper", "Navy", "+1 555 0100",
                                            "2025-02-03", FALSE);
  g_autofree char *ada = ui_add_customer (store, "Ada Lovelace", NULL, NULL,
                                          "2025-02-03", FALSE);

  ui_flag (store, grace, RAPPORT_SITUATION_IRATE, "Invoice twice", "2025-02-24");
  ui_flag (store, ada, RAPPORT_SITUATION_IRATE, "Late delivery", "2025-02-24");
}

static char *
make_database (void)
{
  g_autoptr(GError) error = NULL;
  /* In the test's private data folder, which goes with its backups. */
  g_autofree char *dir = g_build_filename (g_getenv ("XDG_DATA_HOME"), "start", NULL);
  char *path;
  g_autoptr(RapportStore) store = NULL;
  GDate today = ui_day ("2025-03-03");

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  path = g_build_filename (dir, "rapport.db", NULL);
  store = rapport_store_open (path, &error);
  g_assert_no_error (error);
  rapport_store_set_today (store, &today);
  seed_start_day (store);
  /* The window has rows to show. */
  {
    g_autoptr(GPtrArray) agenda = rapport_store_get_agenda (store, &today, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (agenda->len, ==, 2);
  }
  return path;
}

static void
run_app (const char  *path,
         char       **out,
         char       **err,
         int         *status)
{
  const char *app = g_getenv ("RAPPORT_APP");
  g_autoptr(GError) error = NULL;
  /* A session bus of its own, as on a desktop where Rapport is not running
   * yet: on a shared one a Rapport already there (another run of this test,
   * say) would get the command line instead. */
  g_autofree char *session = g_find_program_in_path ("dbus-run-session");
  const char *argv[] = { session, "--", app, "--database", path, "--today", "2025-03-03",
                         "--quit-after-first-frame", NULL };

  g_assert_nonnull (app);
  g_assert_nonnull (session);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err, status, &error);
  g_assert_no_error (error);
}

/* @err without the lines of the session's own dbus-daemon (it says when it
 * cannot raise its file limit, or starts the accessibility bus). */
static char *
without_bus_daemon_lines (const char *err)
{
  g_auto(GStrv) lines = g_strsplit (err, "\n", -1);
  GString *kept = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0' && !g_str_has_prefix (lines[i], "dbus-daemon["))
      g_string_append_printf (kept, "%s\n", lines[i]);
  return g_string_free (kept, FALSE);
}

static void
test_quits_after_its_first_frame_without_a_warning (void)
{
  g_autofree char *path = make_database ();
  g_autofree char *out = NULL, *all_err = NULL, *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = -1;

  run_app (path, &out, &all_err, &status);
  err = without_bus_daemon_lines (all_err);
  /* What it said, to tell why when it fails. */
  if (err[0] != '\0')
    g_test_message ("rapport said on stderr:\n%s", err);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  /* A row whose phone button warned about its action target, for one, would
   * show here: every GTK and GLib warning names its level. */
  g_assert_null (strstr (err, "WARNING"));
  g_assert_null (strstr (err, "CRITICAL"));
  g_assert_cmpstr (err, ==, "");

  /* The run left the database as it found it, the daily backup aside. */
  {
    g_autoptr(RapportStore) store = rapport_store_open (path, &error);
    g_autoptr(GPtrArray) ids = NULL;

    g_assert_no_error (error);
    ids = rapport_store_search_customer_ids (store, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 2);
  }
}

int
main (int   argc,
      char *argv[])
{
  ui_test_init (&argc, &argv);
  g_test_add_func ("/ui/start/quits-after-its-first-frame-without-a-warning",
                   test_quits_after_its_first_frame_without_a_warning);
  return ui_test_run ();
}

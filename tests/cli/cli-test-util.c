/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-cli-test"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/wait.h>

#include "cli-test-util.h"

CliTest *
cli_test_new (const char *today)
{
  CliTest *t = g_new0 (CliTest, 1);
  g_autoptr(GError) error = NULL;

  t->dir = g_dir_make_tmp ("rapport-cli-test-XXXXXX", &error);
  g_assert_no_error (error);
  t->db = g_build_filename (t->dir, "rapport.db", NULL);
  t->today = g_strdup (today);
  return t;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

void
cli_test_free (CliTest *t)
{
  if (t == NULL)
    return;
  remove_tree (t->dir);
  g_free (t->dir);
  g_free (t->db);
  g_free (t->today);
  g_free (t);
}

void
cli_test_set_today (CliTest    *t,
                    const char *today)
{
  g_free (t->today);
  t->today = g_strdup (today);
}

void
cli_result_free (CliResult *r)
{
  if (r == NULL)
    return;
  g_free (r->out);
  g_free (r->err);
  g_free (r);
}

static const char *
cli_path (void)
{
  const char *path = g_getenv ("RAPPORT_CLI");

  if (path == NULL || *path == '\0')
    g_error ("RAPPORT_CLI is not set: run these tests with meson test");
  return path;
}

CliResult *
cli_run_argv (CliTest            *t,
              const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  CliResult *r = g_new0 (CliResult, 1);
  int wait_status = 0;

  g_ptr_array_add (argv, (char *) cli_path ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  /* Nothing a test runs may ever reach the developer's own database. */
  if (t != NULL)
    {
      envp = g_environ_setenv (envp, "HOME", t->dir, TRUE);
      envp = g_environ_setenv (envp, "XDG_DATA_HOME", t->dir, TRUE);
    }

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &r->out, &r->err, &wait_status, &error);
  g_assert_no_error (error);
  if (!WIFEXITED (wait_status))
    g_error ("rapport-cli did not exit normally (wait status %d); stderr: %s", wait_status, r->err);
  r->status = WEXITSTATUS (wait_status);
  return r;
}

CliResult *
cli_run_va (CliTest *t,
            va_list  args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;

  g_ptr_array_add (argv, (char *) "--database");
  g_ptr_array_add (argv, t->db);
  g_ptr_array_add (argv, (char *) "--today");
  g_ptr_array_add (argv, t->today);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  g_ptr_array_add (argv, NULL);
  return cli_run_argv (t, (const char * const *) argv->pdata);
}

CliResult *
cli_run (CliTest *t,
         ...)
{
  CliResult *r;
  va_list args;

  va_start (args, t);
  r = cli_run_va (t, args);
  va_end (args);
  return r;
}

static char *
cli_ok_va (CliTest *t,
           va_list  args)
{
  g_autoptr(CliResult) r = cli_run_va (t, args);

  if (r->status != 0)
    g_printerr ("unexpected failure, stderr: %s\n", r->err);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpstr (r->err, ==, "");
  return g_steal_pointer (&r->out);
}

char *
cli_ok (CliTest *t,
        ...)
{
  char *out;
  va_list args;

  va_start (args, t);
  out = cli_ok_va (t, args);
  va_end (args);
  return out;
}

void
cli_do (CliTest *t,
        ...)
{
  g_autofree char *out = NULL;
  va_list args;

  va_start (args, t);
  out = cli_ok_va (t, args);
  va_end (args);
  g_assert_cmpstr (out, ==, "");
}

JsonNode *
cli_json (CliTest *t,
          ...)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  JsonNode *node;
  va_list args;

  va_start (args, t);
  out = cli_ok_va (t, args);
  va_end (args);
  node = json_from_string (out, &error);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  return node;
}

char *
cli_add_customer (CliTest    *t,
                  const char *name,
                  ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(CliResult) r = NULL;
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (char *) "--database");
  g_ptr_array_add (argv, t->db);
  g_ptr_array_add (argv, (char *) "--today");
  g_ptr_array_add (argv, t->today);
  g_ptr_array_add (argv, (char *) "customer");
  g_ptr_array_add (argv, (char *) "add");
  g_ptr_array_add (argv, (char *) name);
  va_start (args, name);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  r = cli_run_argv (t, (const char * const *) argv->pdata);
  if (r->status != 0)
    g_printerr ("customer add failed: %s\n", r->err);
  g_assert_cmpint (r->status, ==, 0);
  g_assert_cmpstr (r->err, ==, "");
  /* The id alone, on one line: a UUID and a newline. */
  g_assert_cmpuint (strlen (r->out), ==, 37);
  g_assert_cmpint (r->out[36], ==, '\n');
  r->out[36] = '\0';
  g_assert_true (g_uuid_string_is_valid (r->out));
  return g_steal_pointer (&r->out);
}

gboolean
cli_file_exists (const char *path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

GBytes *
cli_file_bytes (const char *path)
{
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return NULL;
  return g_bytes_new_take (contents, length);
}

/* Fixed statements (no SQL built from names); ORDER BY makes the dump stable. */
static const char *dump_statements[] = {
  "PRAGMA user_version",
  "PRAGMA application_id",
  "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name",
  "SELECT * FROM settings ORDER BY key",
  "SELECT * FROM customers ORDER BY id",
  "SELECT * FROM follow_ups ORDER BY id",
  "SELECT * FROM calls ORDER BY id",
  "SELECT * FROM call_effects ORDER BY call_id, follow_up_id",
  "SELECT * FROM outbox ORDER BY id",
};

char *
cli_db_dump (const char *path)
{
  GString *dump = g_string_new (NULL);
  sqlite3 *db = NULL;
  int rc;

  /* Opened read-write on purpose: a read-only WAL connection may leave -wal and
   * -shm files behind, and a plain connection writes nothing when it only reads. */
  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    g_error ("cannot open %s: %s", path, db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));

  for (guint i = 0; i < G_N_ELEMENTS (dump_statements); i++)
    {
      sqlite3_stmt *stmt = NULL;

      g_string_append_printf (dump, "== %s\n", dump_statements[i]);
      if (sqlite3_prepare_v2 (db, dump_statements[i], -1, &stmt, NULL) != SQLITE_OK)
        {
          g_string_append_printf (dump, "(%s)\n", sqlite3_errmsg (db));
          continue;
        }
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          for (int c = 0; c < sqlite3_column_count (stmt); c++)
            {
              if (c)
                g_string_append (dump, " | ");
              if (sqlite3_column_type (stmt, c) == SQLITE_NULL)
                g_string_append (dump, "NULL");
              else
                g_string_append (dump, (const char *) sqlite3_column_text (stmt, c));
            }
          g_string_append_c (dump, '\n');
        }
      g_assert_cmpint (rc, ==, SQLITE_DONE);
      sqlite3_finalize (stmt);
    }
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  return g_string_free (dump, FALSE);
}

static void
assert_same_bytes (GBytes     *before,
                   GBytes     *after,
                   const char *what)
{
  if (before == NULL || after == NULL)
    {
      if (before != after)
        g_error ("%s: %s", what, before ? "it disappeared" : "it was created");
      return;
    }
  if (!g_bytes_equal (before, after))
    g_error ("%s: the bytes changed (%zu → %zu bytes)", what,
             g_bytes_get_size (before), g_bytes_get_size (after));
}

char *
cli_fails (CliTest            *t,
           const char * const *expected,
           ...)
{
  g_autofree char *wal_path = g_strconcat (t->db, "-wal", NULL);
  g_autofree char *dump_before = NULL;
  g_autofree char *dump_after = NULL;
  g_autoptr(GBytes) bytes_before = NULL;
  g_autoptr(GBytes) bytes_after = NULL;
  g_autoptr(GBytes) wal_before = NULL;
  g_autoptr(GBytes) wal_after = NULL;
  g_autoptr(CliResult) r = NULL;
  const char *newline;
  gboolean existed = cli_file_exists (t->db);
  va_list args;

  if (existed)
    dump_before = cli_db_dump (t->db);
  bytes_before = cli_file_bytes (t->db);
  wal_before = cli_file_bytes (wal_path);

  va_start (args, expected);
  r = cli_run_va (t, args);
  va_end (args);

  g_assert_cmpint (r->status, ==, 2);
  g_assert_cmpstr (r->out, ==, "");
  /* One line, "rapport-cli: …", naming the problem. */
  g_assert_true (g_str_has_prefix (r->err, "rapport-cli: "));
  newline = strchr (r->err, '\n');
  g_assert_nonnull (newline);
  if (newline[1] != '\0')
    g_error ("more than one line on stderr: %s", r->err);
  for (guint i = 0; expected[i] != NULL; i++)
    if (strstr (r->err, expected[i]) == NULL)
      g_error ("stderr does not name “%s”: %s", expected[i], r->err);

  bytes_after = cli_file_bytes (t->db);
  wal_after = cli_file_bytes (wal_path);
  assert_same_bytes (bytes_before, bytes_after, "the database file");
  assert_same_bytes (wal_before, wal_after, "the -wal file");
  if (existed)
    {
      dump_after = cli_db_dump (t->db);
      g_assert_cmpstr (dump_after, ==, dump_before);
    }
  return g_steal_pointer (&r->err);
}

JsonObject *
cli_json_object (JsonNode *node)
{
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

JsonArray *
cli_json_array (JsonNode *node)
{
  g_assert_true (JSON_NODE_HOLDS_ARRAY (node));
  return json_node_get_array (node);
}

JsonObject *
cli_follow_up (JsonObject *customer,
               const char *situation,
               gboolean    closed)
{
  JsonArray *follow_ups = json_object_get_array_member (customer, "follow_ups");

  for (guint i = 0; i < json_array_get_length (follow_ups); i++)
    {
      JsonObject *f = json_array_get_object_element (follow_ups, i);
      gboolean is_closed = g_str_equal (json_object_get_string_member (f, "state"), "closed");

      if (g_str_equal (json_object_get_string_member (f, "situation"), situation) &&
          is_closed == closed)
        return f;
    }
  g_error ("no %s %s follow-up", closed ? "closed" : "open or waiting", situation);
  return NULL;
}

void
cli_assert_members (JsonObject *object,
                    ...)
{
  g_autoptr(GList) members = json_object_get_members (object);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(GString) actual = g_string_new (NULL);
  g_autoptr(GList) names = NULL;
  const char *name;
  va_list args;

  va_start (args, object);
  while ((name = va_arg (args, const char *)) != NULL)
    names = g_list_prepend (names, (char *) name);
  va_end (args);
  names = g_list_sort (names, (GCompareFunc) g_strcmp0);
  for (GList *l = names; l != NULL; l = l->next)
    g_string_append_printf (expected, "%s ", (const char *) l->data);

  members = g_list_sort (members, (GCompareFunc) g_strcmp0);
  for (GList *l = members; l != NULL; l = l->next)
    g_string_append_printf (actual, "%s ", (const char *) l->data);
  g_assert_cmpstr (actual->str, ==, expected->str);
}

gboolean
cli_json_is_null (JsonObject *object,
                  const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  g_assert_nonnull (node);
  return JSON_NODE_HOLDS_NULL (node);
}

char *
cli_json_strings (JsonArray *array)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (array); i++)
    g_string_append_printf (s, "%s%s", i ? "," : "", json_array_get_string_element (array, i));
  return g_string_free (s, FALSE);
}

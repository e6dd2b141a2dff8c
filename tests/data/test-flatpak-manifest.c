/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The Flatpak manifest cannot be built here (no GNOME runtime), so check what
 * Flathub reviewers check: it parses, uses the GNOME runtime, names the app,
 * asks only for the sandbox holes the app needs and pins every download.
 * Usage: test-flatpak-manifest MANIFEST */

#define G_LOG_DOMAIN "rapport-test-flatpak"

#include "config.h"

#include <string.h>

#include <glib.h>
#include <json-glib/json-glib.h>

static const char *manifest_path;

static JsonObject *
load_manifest (JsonParser **parser_out)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  json_parser_load_from_file (parser, manifest_path, &error);
  g_assert_no_error (error);

  root = json_parser_get_root (parser);
  g_assert_nonnull (root);
  g_assert_cmpstr (json_node_type_name (root), ==, "JsonObject");

  *parser_out = g_steal_pointer (&parser);
  return json_node_get_object (root);
}

static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return NULL;
  return json_node_get_array (node);
}

static gboolean
array_has_string (JsonArray  *array,
                  const char *wanted)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (g_strcmp0 (json_array_get_string_element (array, i), wanted) == 0)
      return TRUE;
  return FALSE;
}

static void
test_manifest_names_the_app (void)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *manifest = load_manifest (&parser);
  const char *id = member_string (manifest, "app-id");

  /* flatpak-builder takes either spelling. */
  if (id == NULL)
    id = member_string (manifest, "id");
  g_assert_cmpstr (id, ==, APP_ID);
  g_assert_cmpstr (member_string (manifest, "command"), ==, "rapport");
}

static void
test_manifest_uses_a_current_gnome_runtime (void)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *manifest = load_manifest (&parser);
  const char *version;
  guint64 major = 0;

  g_assert_cmpstr (member_string (manifest, "runtime"), ==, "org.gnome.Platform");
  g_assert_cmpstr (member_string (manifest, "sdk"), ==, "org.gnome.Sdk");

  /* A numbered stable runtime, not "master"; GNOME 47 is the oldest still
   * supported when 0.1.0 ships. */
  version = member_string (manifest, "runtime-version");
  g_assert_nonnull (version);
  g_assert_true (g_ascii_string_to_unsigned (version, 10, 0, G_MAXUINT, &major, NULL));
  g_assert_cmpuint (major, >=, 47);
}

static void
test_manifest_grants_only_what_the_app_needs (void)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *manifest = load_manifest (&parser);
  JsonArray *args = member_array (manifest, "finish-args");
  static const char * const required[] = {
    "--share=network",       /* webhook and sync */
    "--share=ipc",           /* X11 shared memory */
    "--socket=wayland",
    "--socket=fallback-x11",
    "--device=dri",
  };
  /* Files come through the file chooser portal; anything broader is a hole. */
  static const char * const forbidden_prefixes[] = {
    "--filesystem",
    "--socket=x11",
    "--socket=session-bus",
    "--socket=system-bus",
    "--device=all",
    "--talk-name=org.freedesktop.Flatpak",
  };

  g_assert_nonnull (args);

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      if (!array_has_string (args, required[i]))
        g_error ("finish-args lacks %s", required[i]);
    }

  for (guint i = 0; i < json_array_get_length (args); i++)
    {
      const char *arg = json_array_get_string_element (args, i);

      g_assert_nonnull (arg);
      for (guint j = 0; j < G_N_ELEMENTS (forbidden_prefixes); j++)
        {
          if (g_str_has_prefix (arg, forbidden_prefixes[j]))
            g_error ("finish-args asks for %s, more than the app needs", arg);
        }
    }
}

static void
test_manifest_builds_rapport_from_this_tree_last (void)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *manifest = load_manifest (&parser);
  JsonArray *modules = member_array (manifest, "modules");
  JsonObject *rapport;
  JsonArray *sources;
  JsonObject *source;
  guint n;

  g_assert_nonnull (modules);
  n = json_array_get_length (modules);
  g_assert_cmpuint (n, >, 0);

  rapport = json_array_get_object_element (modules, n - 1);
  g_assert_nonnull (rapport);
  g_assert_cmpstr (member_string (rapport, "name"), ==, "rapport");
  g_assert_cmpstr (member_string (rapport, "buildsystem"), ==, "meson");

  sources = member_array (rapport, "sources");
  g_assert_nonnull (sources);
  g_assert_cmpuint (json_array_get_length (sources), ==, 1);
  source = json_array_get_object_element (sources, 0);
  g_assert_nonnull (source);
  g_assert_cmpstr (member_string (source, "type"), ==, "dir");
  g_assert_cmpstr (member_string (source, "path"), ==, "..");
}

static gboolean
is_sha256 (const char *text)
{
  if (text == NULL || strlen (text) != 64)
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isxdigit (*p) || g_ascii_isupper (*p))
      return FALSE;
  return TRUE;
}

static void
test_manifest_pins_every_download (void)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *manifest = load_manifest (&parser);
  JsonArray *modules = member_array (manifest, "modules");

  g_assert_nonnull (modules);

  for (guint i = 0; i < json_array_get_length (modules); i++)
    {
      JsonObject *module = json_array_get_object_element (modules, i);
      const char *name;
      JsonArray *sources;

      /* A bare string would name a module file we do not ship. */
      g_assert_nonnull (module);
      name = member_string (module, "name");
      g_assert_nonnull (name);
      g_assert_nonnull (member_string (module, "buildsystem"));

      sources = member_array (module, "sources");
      g_assert_nonnull (sources);

      for (guint j = 0; j < json_array_get_length (sources); j++)
        {
          JsonObject *source = json_array_get_object_element (sources, j);
          const char *type = member_string (source, "type");

          g_assert_nonnull (type);
          if (g_str_equal (type, "archive") || g_str_equal (type, "file"))
            {
              const char *url = member_string (source, "url");

              g_assert_nonnull (url);
              g_assert_true (g_str_has_prefix (url, "https://"));
              if (!is_sha256 (member_string (source, "sha256")))
                g_error ("module %s: %s has no sha256 checksum", name, url);
            }
          else if (g_str_equal (type, "git"))
            {
              /* A branch moves; a build must be reproducible. */
              if (member_string (source, "commit") == NULL &&
                  member_string (source, "tag") == NULL)
                g_error ("module %s: git source without a commit or tag", name);
            }
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc != 2)
    {
      g_printerr ("usage: %s MANIFEST\n", argv[0]);
      return 2;
    }
  manifest_path = argv[1];

  g_test_add_func ("/data/flatpak/manifest/names-the-app", test_manifest_names_the_app);
  g_test_add_func ("/data/flatpak/manifest/uses-a-current-gnome-runtime",
                   test_manifest_uses_a_current_gnome_runtime);
  g_test_add_func ("/data/flatpak/manifest/grants-only-what-the-app-needs",
                   test_manifest_grants_only_what_the_app_needs);
  g_test_add_func ("/data/flatpak/manifest/builds-rapport-from-this-tree-last",
                   test_manifest_builds_rapport_from_this_tree_last);
  g_test_add_func ("/data/flatpak/manifest/pins-every-download",
                   test_manifest_pins_every_download);

  return g_test_run ();
}

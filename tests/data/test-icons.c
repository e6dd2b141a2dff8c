/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The icons are hand-written SVG: check that they parse, have the canvas the
 * GNOME icon guidelines ask for, draw no text (fonts differ between systems)
 * and that the symbolic icon uses one colour only, which GTK recolours.
 * Usage: test-icons APP_ICON SYMBOLIC_ICON */

#define G_LOG_DOMAIN "rapport-test-icons"

#include "config.h"

#include <string.h>

#include <glib.h>

typedef struct
{
  char      *view_box;
  guint      n_elements;
  GPtrArray *colours;     /* every fill, stroke and stop colour used */
  GPtrArray *problems;
} IconScan;

static void
icon_scan_clear (IconScan *scan)
{
  g_clear_pointer (&scan->view_box, g_free);
  g_clear_pointer (&scan->colours, g_ptr_array_unref);
  g_clear_pointer (&scan->problems, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IconScan, icon_scan_clear)

static void
add_colour (IconScan   *scan,
            const char *value)
{
  g_autofree char *colour = g_ascii_strdown (g_strstrip (g_strdup (value)), -1);

  scan->colours = scan->colours ? scan->colours : g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (scan->colours, g_steal_pointer (&colour));
}

/* style="fill:#2e3436;stroke:none" carries colours too. */
static void
scan_style (IconScan   *scan,
            const char *style)
{
  g_auto(GStrv) declarations = g_strsplit (style, ";", -1);

  for (guint i = 0; declarations[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (declarations[i], ":", 2);
      g_autofree char *property = NULL;

      if (pair[0] == NULL || pair[1] == NULL)
        continue;
      property = g_strstrip (g_strdup (pair[0]));
      if (g_str_equal (property, "fill") || g_str_equal (property, "stroke") ||
          g_str_equal (property, "stop-color"))
        add_colour (scan, pair[1]);
    }
}

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element_name,
                  const char          **attribute_names,
                  const char          **attribute_values,
                  gpointer              user_data,
                  GError              **error)
{
  IconScan *scan = user_data;

  scan->n_elements++;

  if (scan->n_elements == 1)
    {
      if (!g_str_equal (element_name, "svg"))
        g_ptr_array_add (scan->problems, g_strdup_printf ("the root is <%s>, not <svg>", element_name));
    }

  if (g_str_equal (element_name, "text") || g_str_equal (element_name, "image"))
    g_ptr_array_add (scan->problems, g_strdup_printf ("draws a <%s>", element_name));

  for (guint i = 0; attribute_names[i] != NULL; i++)
    {
      const char *name = attribute_names[i];
      const char *value = attribute_values[i];

      if (scan->n_elements == 1 && g_str_equal (name, "viewBox"))
        scan->view_box = g_strdup (value);
      else if (g_str_equal (name, "fill") || g_str_equal (name, "stroke") ||
               g_str_equal (name, "stop-color"))
        add_colour (scan, value);
      else if (g_str_equal (name, "style"))
        scan_style (scan, value);
      else if ((g_str_equal (name, "href") || g_str_equal (name, "xlink:href")) &&
               value[0] != '#')
        g_ptr_array_add (scan->problems, g_strdup_printf ("links to %s", value));
    }
}

static void
scan_icon (const char *path,
           IconScan   *scan)
{
  static const GMarkupParser parser = { start_element_cb, NULL, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  scan->problems = g_ptr_array_new_with_free_func (g_free);
  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, scan, NULL);
  g_markup_parse_context_parse (context, contents, length, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < scan->problems->len; i++)
    g_printerr ("%s: %s\n", path, (const char *) g_ptr_array_index (scan->problems, i));
  g_assert_cmpuint (scan->problems->len, ==, 0);
}

static void
test_app_icon_is_a_128_canvas (gconstpointer data)
{
  g_auto(IconScan) scan = { 0 };

  scan_icon (data, &scan);
  g_assert_cmpstr (scan.view_box, ==, "0 0 128 128");
  /* Drawn, not an empty canvas. */
  g_assert_nonnull (scan.colours);
  g_assert_cmpuint (scan.colours->len, >=, 2);
}

static void
test_symbolic_icon_is_one_colour_on_16 (gconstpointer data)
{
  g_auto(IconScan) scan = { 0 };

  scan_icon (data, &scan);
  g_assert_cmpstr (scan.view_box, ==, "0 0 16 16");
  g_assert_nonnull (scan.colours);

  for (guint i = 0; i < scan.colours->len; i++)
    {
      const char *colour = g_ptr_array_index (scan.colours, i);

      if (!g_str_equal (colour, "#2e3436") && !g_str_equal (colour, "none"))
        g_error ("%s: colour %s: symbolic icons use #2e3436 only", (const char *) data, colour);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (argc != 3)
    {
      g_printerr ("usage: %s APP_ICON SYMBOLIC_ICON\n", argv[0]);
      return 2;
    }

  g_test_add_data_func ("/data/icons/app-icon-is-a-128-canvas", argv[1],
                        test_app_icon_is_a_128_canvas);
  g_test_add_data_func ("/data/icons/symbolic-icon-is-one-colour-on-16", argv[2],
                        test_symbolic_icon_is_one_colour_on_16);

  return g_test_run ();
}

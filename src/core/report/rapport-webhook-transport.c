/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-webhook"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <gmodule.h>

#include "rapport-error.h"
#include "rapport-webhook-transport.h"

/* The installed module, or for a program run from its build folder
 * (build/src/app, build/src/cli) the one built next to it. */
static GModule *
open_module (char **tried)
{
  const char *dir = g_getenv ("RAPPORT_MODULEDIR");
  g_autofree char *path = NULL;
  g_autofree char *exe = NULL;
  GModule *module;

  path = g_module_build_path (dir != NULL && *dir != '\0' ? dir : RAPPORT_MODULEDIR,
                              "rapport-webhook-transport");
  module = g_module_open (path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (module != NULL || (dir != NULL && *dir != '\0'))
    {
      *tried = g_steal_pointer (&path);
      return module;
    }
  exe = g_file_read_link ("/proc/self/exe", NULL);
  if (exe != NULL)
    {
      g_autofree char *exe_dir = g_path_get_dirname (exe);
      g_autofree char *built = g_build_filename (exe_dir, "..", "core", "report", NULL);
      g_autofree char *built_path = g_module_build_path (built, "rapport-webhook-transport");

      if (g_file_test (built_path, G_FILE_TEST_EXISTS))
        {
          *tried = g_steal_pointer (&built_path);
          return g_module_open (*tried, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
        }
    }
  *tried = g_steal_pointer (&path);
  return g_module_open (*tried, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
}

const RapportWebhookTransport *
rapport_webhook_transport_get (GError **error)
{
  static GMutex lock;
  static const RapportWebhookTransport *transport;
  static char *problem;
  const RapportWebhookTransport *result;

  g_mutex_lock (&lock);
  if (transport == NULL && problem == NULL)
    {
      g_autofree char *path = NULL;
      GModule *module = open_module (&path);
      RapportWebhookTransportGetFunc get = NULL;

      if (module == NULL)
        /* Translators: %s is the loader's explanation */
        problem = g_strdup_printf (_("Rapport’s network module could not be loaded (%s); install Rapport again"),
                                   g_module_error ());
      else if (!g_module_symbol (module, RAPPORT_WEBHOOK_TRANSPORT_SYMBOL, (gpointer *) &get) ||
               get == NULL || (transport = get ()) == NULL)
        {
          problem = g_strdup_printf (_("Rapport’s network module could not be loaded (%s); install Rapport again"),
                                     path);
          g_module_close (module);
        }
      else
        /* libsoup and libsecret keep threads and types: never unloaded. */
        g_module_make_resident (module);
    }
  result = transport;
  if (result == NULL)
    g_set_error_literal (error, RAPPORT_ERROR, RAPPORT_ERROR_NETWORK, problem);
  g_mutex_unlock (&lock);
  return result;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "rapport-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RapportApplication) app = NULL;
  const char *localedir;

  setlocale (LC_ALL, "");
  /* RAPPORT_LOCALEDIR lets tests and screenshots use the build's translations. */
  localedir = g_getenv ("RAPPORT_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir && *localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = rapport_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}

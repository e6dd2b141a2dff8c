/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-bench-bare-window"

/* The floor of the start benchmark: the smallest libadwaita app that shows a
 * window (a header bar and a label) and quits after its first painted frame,
 * the way `rapport --quit-after-first-frame` does: an application with the
 * same flags, the window's frame clock "after-paint" signal. */

#include "config.h"

#include <adwaita.h>

static void
first_frame_painted_cb (GdkFrameClock *clock,
                        GApplication  *app)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted_cb, app);
  g_application_quit (app);
}

static void
window_realized_cb (GtkWidget    *window,
                    GApplication *app)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (first_frame_painted_cb), app, 0);
}

static int
command_line_cb (GApplication            *app,
                 GApplicationCommandLine *command_line)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *label = gtk_label_new ("Rapport");

  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), label);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 720);
  g_signal_connect_object (window, "realize", G_CALLBACK (window_realized_cb), app, 0);
  gtk_window_present (GTK_WINDOW (window));
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.rapportapp.RapportBenchBare",
                                                       G_APPLICATION_HANDLES_COMMAND_LINE);

  g_signal_connect (app, "command-line", G_CALLBACK (command_line_cb), NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}

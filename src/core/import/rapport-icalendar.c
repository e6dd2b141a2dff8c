/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-icalendar"

#include "config.h"

#include "rapport-icalendar.h"

/* RFC 5545 3.1: "Lines of text SHOULD NOT be longer than 75 octets, excluding
 * the line break"; a continuation line starts with one space. */
#define MAX_LINE_OCTETS 75

static void
append_folded (GString    *out,
               const char *line)
{
  gsize octets = 0;

  for (const char *p = line; *p != '\0';)
    {
      const char *next = g_utf8_next_char (p);
      gsize len = (gsize) (next - p);

      if (octets + len > MAX_LINE_OCTETS)
        {
          g_string_append (out, "\r\n ");
          octets = 1;
        }
      g_string_append_len (out, p, (gssize) len);
      octets += len;
      p = next;
    }
  g_string_append (out, "\r\n");
}

void
rapport_icalendar_add_value (GString    *out,
                             const char *name,
                             const char *value)
{
  g_autofree char *line = NULL;

  g_return_if_fail (out != NULL && name != NULL && value != NULL);

  line = g_strconcat (name, ":", value, NULL);
  append_folded (out, line);
}

void
rapport_icalendar_add_text (GString    *out,
                            const char *name,
                            const char *value)
{
  g_autoptr(GString) escaped = g_string_new (NULL);

  g_return_if_fail (out != NULL && name != NULL && value != NULL);
  g_return_if_fail (g_utf8_validate (value, -1, NULL));

  for (const char *p = value; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
        case ';':
        case ',':
          g_string_append_c (escaped, '\\');
          g_string_append_c (escaped, *p);
          break;
        case '\r':
          /* CRLF and a lone CR are one line break, like LF. */
          if (p[1] != '\n')
            g_string_append (escaped, "\\n");
          break;
        case '\n':
          g_string_append (escaped, "\\n");
          break;
        case '\t':
          g_string_append_c (escaped, '\t');
          break;
        default:
          /* TEXT allows no other control character. */
          if ((guchar) *p >= 0x20 && *p != 0x7F)
            g_string_append_c (escaped, *p);
          break;
        }
    }
  rapport_icalendar_add_value (out, name, escaped->str);
}

char *
rapport_icalendar_format_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u%02u%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

char *
rapport_icalendar_format_utc (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (time != NULL, NULL);

  utc = g_date_time_to_utc (time);
  return g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
}

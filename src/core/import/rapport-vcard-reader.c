/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "rapport-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "rapport-error.h"
#include "rapport-vcard-reader.h"

/* No preference: any preferred value (PREF=1…100, TYPE=pref) comes first. */
#define RANK_PLAIN 101
/* A fax or pager number is a phone only when there is nothing else. */
#define RANK_UNLIKELY 300

struct _RapportVcardReader
{
  GObject            parent_instance;

  RapportTextSource *source;
  const char        *chunk;
  gsize              chunk_len;
  gsize              chunk_pos;
  gboolean           at_end;
  gboolean           after_cr;
  guint              line;
  GError            *failure;

  GString           *text;       /* the logical line being read */
  gboolean           truncated;  /* it grew past RAPPORT_VCARD_MAX_VALUE_SIZE */
  guint              n_cards;
  gboolean           seen_text;

  /* The current card. */
  guint              card_line;
  gboolean           v21;
  char              *version;
  char              *fn;
  char              *n;
  char              *org;
  char              *tel;
  guint              tel_rank;
  char              *email;
  guint              email_rank;
  GString           *note;
  char              *name;
};

G_DEFINE_FINAL_TYPE (RapportVcardReader, rapport_vcard_reader, G_TYPE_OBJECT)

static void
clear_card (RapportVcardReader *self)
{
  self->v21 = FALSE;
  g_clear_pointer (&self->version, g_free);
  g_clear_pointer (&self->fn, g_free);
  g_clear_pointer (&self->n, g_free);
  g_clear_pointer (&self->org, g_free);
  g_clear_pointer (&self->tel, g_free);
  g_clear_pointer (&self->email, g_free);
  g_clear_pointer (&self->name, g_free);
  g_string_truncate (self->note, 0);
  self->tel_rank = G_MAXUINT;
  self->email_rank = G_MAXUINT;
}

static void
rapport_vcard_reader_finalize (GObject *object)
{
  RapportVcardReader *self = RAPPORT_VCARD_READER (object);

  clear_card (self);
  g_clear_object (&self->source);
  g_clear_error (&self->failure);
  g_string_free (self->text, TRUE);
  g_string_free (self->note, TRUE);

  G_OBJECT_CLASS (rapport_vcard_reader_parent_class)->finalize (object);
}

static void
rapport_vcard_reader_class_init (RapportVcardReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rapport_vcard_reader_finalize;
}

static void
rapport_vcard_reader_init (RapportVcardReader *self)
{
  self->line = 1;
  self->text = g_string_sized_new (256);
  self->note = g_string_new (NULL);
  clear_card (self);
}

RapportVcardReader *
rapport_vcard_reader_new (GInputStream *stream)
{
  RapportVcardReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_object_new (RAPPORT_TYPE_VCARD_READER, NULL);
  self->source = rapport_text_source_new (stream);
  return self;
}

gboolean
rapport_vcard_sniff (const char *data,
                     gsize       len)
{
  gsize i = 0;

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < len && g_ascii_isspace (data[i]))
    i++;
  return len - i >= 11 && g_ascii_strncasecmp (data + i, "BEGIN:VCARD", 11) == 0;
}

const char *
rapport_vcard_reader_get_value (RapportVcardReader *self,
                                RapportImportField  field)
{
  g_return_val_if_fail (RAPPORT_IS_VCARD_READER (self), NULL);

  switch (field)
    {
    case RAPPORT_IMPORT_FIELD_NAME:
      return self->name;
    case RAPPORT_IMPORT_FIELD_COMPANY:
      return self->org;
    case RAPPORT_IMPORT_FIELD_PHONE:
      return self->tel;
    case RAPPORT_IMPORT_FIELD_EMAIL:
      return self->email;
    case RAPPORT_IMPORT_FIELD_NOTES:
      return self->note->len > 0 ? self->note->str : NULL;
    case RAPPORT_IMPORT_FIELD_NONE:
    case RAPPORT_IMPORT_FIELD_FIRST_NAME:
    case RAPPORT_IMPORT_FIELD_MIDDLE_NAME:
    case RAPPORT_IMPORT_FIELD_LAST_NAME:
    case RAPPORT_IMPORT_FIELD_SINCE:
    case RAPPORT_IMPORT_FIELD_CADENCE:
    case RAPPORT_N_IMPORT_FIELDS:
    default:
      return NULL;
    }
}

const char *
rapport_vcard_reader_get_version (RapportVcardReader *self)
{
  g_return_val_if_fail (RAPPORT_IS_VCARD_READER (self), NULL);
  return self->version;
}

guint
rapport_vcard_reader_get_line (RapportVcardReader *self)
{
  g_return_val_if_fail (RAPPORT_IS_VCARD_READER (self), 0);
  return self->card_line;
}

guint64
rapport_vcard_reader_get_bytes_read (RapportVcardReader *self)
{
  g_return_val_if_fail (RAPPORT_IS_VCARD_READER (self), 0);
  return rapport_text_source_get_bytes_read (self->source);
}

static gboolean
fail (RapportVcardReader  *self,
      GError             **error,
      const char          *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (RapportVcardReader  *self,
      GError             **error,
      const char          *format,
      ...)
{
  va_list args;

  va_start (args, format);
  self->failure = g_error_new_valist (RAPPORT_ERROR, RAPPORT_ERROR_PARSE, format, args);
  va_end (args);
  if (error != NULL)
    *error = g_error_copy (self->failure);
  return FALSE;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

/* The next byte without consuming it: -1 at the end, -2 on error. An LF right
 * after a CR belongs to that line end and is skipped here. */
static int
peek (RapportVcardReader  *self,
      GCancellable        *cancellable,
      GError             **error)
{
  for (;;)
    {
      if (self->chunk_pos < self->chunk_len)
        {
          if (self->after_cr)
            {
              self->after_cr = FALSE;
              if (self->chunk[self->chunk_pos] == '\n')
                {
                  self->chunk_pos++;
                  continue;
                }
            }
          return (guchar) self->chunk[self->chunk_pos];
        }
      if (self->at_end)
        return -1;
      if (!rapport_text_source_read (self->source, &self->chunk, &self->chunk_len,
                                     cancellable, error))
        return -2;
      self->chunk_pos = 0;
      if (self->chunk_len == 0)
        self->at_end = TRUE;
    }
}

/* Appends one physical line to self->text, without its line end. Past the
 * size limit the rest is consumed but not kept (self->truncated). */
static gboolean
read_physical_line (RapportVcardReader  *self,
                    GCancellable        *cancellable,
                    GError             **error)
{
  for (;;)
    {
      const char *p, *start, *end;
      int c = peek (self, cancellable, error);

      if (c == -2)
        return FALSE;
      if (c == -1)
        {
          self->seen_text = self->seen_text || !is_blank (self->text->str);
          return TRUE;
        }

      start = p = self->chunk + self->chunk_pos;
      end = self->chunk + self->chunk_len;
      while (p < end && *p != '\r' && *p != '\n' && *p != '\0')
        p++;

      if (self->text->len + (gsize) (p - start) <= RAPPORT_VCARD_MAX_VALUE_SIZE)
        g_string_append_len (self->text, start, p - start);
      else
        self->truncated = TRUE;
      self->chunk_pos = (gsize) (p - self->chunk);

      if (p == end)
        continue;
      if (*p == '\0')
        return fail (self, error, _("line %u: the file holds binary data, it is not a text file"),
                     self->line);

      self->after_cr = *p == '\r';
      self->chunk_pos++;
      self->line++;
      self->seen_text = self->seen_text || !is_blank (self->text->str);
      return TRUE;
    }
}

/* The position of the ':' that ends the name and parameters; quoted
 * parameter values may hold one. */
static const char *
find_colon (const char *line)
{
  gboolean quoted = FALSE;

  for (const char *p = line; *p; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      else if (*p == ':' && !quoted)
        return p;
    }
  return NULL;
}

typedef struct {
  char     *name;      /* upper case, without a group */
  char    **params;    /* "KEY=value" or bare "value" (2.1) */
  gboolean  qp;
  gboolean  base64;
  char     *charset;
} Property;

static void
property_clear (Property *prop)
{
  g_clear_pointer (&prop->name, g_free);
  g_clear_pointer (&prop->params, g_strfreev);
  g_clear_pointer (&prop->charset, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Property, property_clear)

/* Parses "group.NAME;PARAM=x;PARAM" (the text before the colon). */
static void
parse_property (const char *head,
                gsize       len,
                Property   *prop)
{
  g_autofree char *copy = g_strndup (head, len);
  GPtrArray *params = g_ptr_array_new ();
  char *p = copy, *start = copy;
  gboolean quoted = FALSE;
  char *dot;

  for (;; p++)
    {
      if (*p == '"')
        quoted = !quoted;
      if (*p == '\0' || (*p == ';' && !quoted))
        {
          gboolean last = *p == '\0';

          *p = '\0';
          g_ptr_array_add (params, g_strdup (g_strstrip (start)));
          if (last)
            break;
          start = p + 1;
        }
    }
  g_ptr_array_add (params, NULL);

  prop->params = (char **) g_ptr_array_free (params, FALSE);
  /* The first "parameter" is the name. */
  dot = strrchr (prop->params[0], '.');
  prop->name = g_ascii_strup (dot != NULL ? dot + 1 : prop->params[0], -1);

  for (guint i = 1; prop->params[i] != NULL; i++)
    {
      const char *param = prop->params[i];
      const char *eq = strchr (param, '=');
      const char *value = eq != NULL ? eq + 1 : param;

      if (eq != NULL && g_ascii_strncasecmp (param, "CHARSET", (gsize) (eq - param)) == 0 &&
          eq - param == 7)
        {
          g_free (prop->charset);
          prop->charset = g_strdup (value);
        }
      else if (eq == NULL || (eq - param == 8 &&
                              g_ascii_strncasecmp (param, "ENCODING", 8) == 0))
        {
          if (g_ascii_strcasecmp (value, "QUOTED-PRINTABLE") == 0)
            prop->qp = TRUE;
          else if (g_ascii_strcasecmp (value, "BASE64") == 0 ||
                   g_ascii_strcasecmp (value, "B") == 0)
            prop->base64 = TRUE;
        }
    }
}

static gboolean
property_is_kept (const char *name)
{
  static const char * const kept[] = {
    "BEGIN", "END", "VERSION", "FN", "N", "ORG", "TEL", "EMAIL", "NOTE",
  };

  for (guint i = 0; i < G_N_ELEMENTS (kept); i++)
    if (strcmp (name, kept[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Reads one logical line (a property with its folded continuation lines, and
 * quoted-printable soft line breaks) into self->text. FALSE on error;
 * *@eof when the file ended before any text. */
static gboolean
read_logical_line (RapportVcardReader  *self,
                   Property            *prop,
                   const char         **value,
                   gboolean            *eof,
                   GCancellable        *cancellable,
                   GError             **error)
{
  guint first_line = self->line;
  const char *colon;
  gboolean kept;
  int c;

  *eof = FALSE;
  g_string_truncate (self->text, 0);
  self->truncated = FALSE;

  c = peek (self, cancellable, error);
  if (c == -2)
    return FALSE;
  if (c == -1)
    {
      *eof = TRUE;
      return TRUE;
    }
  if (!read_physical_line (self, cancellable, error))
    return FALSE;

  /* Name and parameters come first, so a PHOTO's megabytes need not be kept. */
  colon = find_colon (self->text->str);
  if (colon != NULL)
    parse_property (self->text->str, (gsize) (colon - self->text->str), prop);
  kept = colon == NULL || (prop->name != NULL && property_is_kept (prop->name));

  for (;;)
    {
      gboolean soft_break = prop->qp && self->text->len > 0 &&
                            self->text->str[self->text->len - 1] == '=';

      c = peek (self, cancellable, error);
      if (c == -2)
        return FALSE;
      if (c == -1)
        break;
      if (soft_break)
        {
          g_string_truncate (self->text, self->text->len - 1);
        }
      else if (c == ' ' || c == '\t')
        {
          /* 2.1 folds keep the white space; 3.0 and 4.0 remove one. */
          if (!self->v21)
            self->chunk_pos++;
        }
      else
        {
          break;
        }
      if (!kept)
        g_string_truncate (self->text, 0);
      if (!read_physical_line (self, cancellable, error))
        return FALSE;
    }

  if (self->truncated && kept)
    return fail (self, error, _("line %u: a line is longer than 1 MB"), first_line);
  if (!kept)
    {
      g_string_truncate (self->text, 0);
      *value = NULL;
      return TRUE;
    }

  /* Find the colon again: the text may have moved. */
  colon = find_colon (self->text->str);
  *value = colon != NULL ? colon + 1 : NULL;
  return TRUE;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  return -1;
}

static GString *
decode_quoted_printable (const char *value)
{
  GString *out = g_string_sized_new (strlen (value));

  for (const char *p = value; *p; p++)
    {
      int hi, lo;

      if (*p == '=' && (hi = hex_value (p[1])) >= 0 && (lo = hex_value (p[2])) >= 0)
        {
          g_string_append_c (out, (char) (hi << 4 | lo));
          p += 2;
        }
      else
        {
          g_string_append_c (out, *p);
        }
    }
  return out;
}

/* Decodes the transfer encoding and charset of a value into valid UTF-8 text
 * with "\n" line ends; escapes are left for unescape(). */
static char *
decode_value (const Property *prop,
              const char     *value)
{
  g_autofree char *text = NULL;
  GString *out;

  if (prop->qp || prop->base64)
    {
      g_autoptr(GString) bytes = NULL;

      if (prop->qp)
        {
          bytes = decode_quoted_printable (value);
        }
      else
        {
          gsize len = 0;
          guchar *raw = g_base64_decode (value, &len);

          bytes = g_string_new_len ((const char *) raw, (gssize) len);
          g_free (raw);
        }

      if (prop->charset != NULL && g_ascii_strcasecmp (prop->charset, "UTF-8") != 0 &&
          memchr (bytes->str, '\0', bytes->len) == NULL)
        text = g_convert (bytes->str, (gssize) bytes->len, "UTF-8", prop->charset,
                          NULL, NULL, NULL);
      if (text == NULL)
        text = rapport_text_to_utf8 (bytes->str, (gssize) bytes->len);
    }
  else
    {
      text = rapport_text_to_utf8 (value, -1);
    }

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p; p++)
    {
      if (*p == '\r')
        {
          g_string_append_c (out, '\n');
          if (p[1] == '\n')
            p++;
        }
      else
        {
          g_string_append_c (out, *p);
        }
    }
  return g_string_free (out, FALSE);
}

/* Splits at unescaped @sep (';' for N and ORG) and undoes \n \, \; \\. */
static char **
split_unescape (const char *value,
                char        sep)
{
  GPtrArray *parts = g_ptr_array_new ();
  GString *part = g_string_new (NULL);

  for (const char *p = value;; p++)
    {
      if (*p == '\0' || (sep != 0 && *p == sep))
        {
          g_ptr_array_add (parts, g_strstrip (g_string_free (part, FALSE)));
          if (*p == '\0')
            break;
          part = g_string_new (NULL);
        }
      else if (*p == '\\' && p[1] != '\0')
        {
          p++;
          g_string_append_c (part, *p == 'n' || *p == 'N' ? '\n' : *p);
        }
      else
        {
          g_string_append_c (part, *p);
        }
    }
  g_ptr_array_add (parts, NULL);
  return (char **) g_ptr_array_free (parts, FALSE);
}

static char *
unescape (const char *value)
{
  g_auto(GStrv) parts = split_unescape (value, 0);
  return g_strdup (parts[0]);
}

/* Lower is better: PREF=1 first; TYPE=pref and a bare 2.1 PREF rank as 1. */
static guint
preference_rank (const Property *prop)
{
  guint rank = RANK_PLAIN;
  gboolean unlikely = FALSE;

  for (guint i = 1; prop->params[i] != NULL; i++)
    {
      const char *param = prop->params[i];
      const char *eq = strchr (param, '=');
      g_auto(GStrv) values = NULL;

      if (eq != NULL && eq - param == 4 && g_ascii_strncasecmp (param, "PREF", 4) == 0)
        {
          guint64 n = g_ascii_strtoull (eq + 1, NULL, 10);

          if (n >= 1 && n <= 100)
            rank = MIN (rank, (guint) n);
          continue;
        }
      if (eq != NULL && !(eq - param == 4 && g_ascii_strncasecmp (param, "TYPE", 4) == 0))
        continue;

      values = g_strsplit (eq != NULL ? eq + 1 : param, ",", -1);
      for (guint j = 0; values[j] != NULL; j++)
        {
          const char *v = values[j];

          if (v[0] == '"')
            v++;
          if (g_ascii_strncasecmp (v, "pref", 4) == 0)
            rank = MIN (rank, 1);
          else if (g_ascii_strncasecmp (v, "fax", 3) == 0 ||
                   g_ascii_strncasecmp (v, "pager", 5) == 0)
            unlikely = TRUE;
        }
    }
  return unlikely ? rank + RANK_UNLIKELY : rank;
}

static void
take_ranked (char          **slot,
             guint          *slot_rank,
             const Property *prop,
             char           *value,
             const char     *uri_scheme)
{
  guint rank = preference_rank (prop);
  gsize scheme_len = strlen (uri_scheme);
  char *text = value;

  if (g_ascii_strncasecmp (text, uri_scheme, scheme_len) == 0)
    text += scheme_len;
  if (*text == '\0' || rank >= *slot_rank)
    {
      g_free (value);
      return;
    }
  g_free (*slot);
  *slot = g_strdup (text);
  *slot_rank = rank;
  g_free (value);
}

static void
handle_property (RapportVcardReader *self,
                 const Property     *prop,
                 const char         *raw)
{
  g_autofree char *value = decode_value (prop, raw);
  const char *name = prop->name;

  if (strcmp (name, "VERSION") == 0)
    {
      g_free (self->version);
      self->version = g_strstrip (g_strdup (value));
      self->v21 = strcmp (self->version, "2.1") == 0;
    }
  else if (strcmp (name, "FN") == 0 && self->fn == NULL)
    {
      char *fn = unescape (value);

      if (fn[0] != '\0')
        self->fn = fn;
      else
        g_free (fn);
    }
  else if (strcmp (name, "N") == 0 && self->n == NULL)
    {
      /* Family;Given;Additional;Prefix;Suffix */
      g_auto(GStrv) parts = split_unescape (value, ';');
      GString *n = g_string_new (NULL);
      static const guint order[] = { 1, 2, 0 };

      for (guint i = 0; i < G_N_ELEMENTS (order); i++)
        {
          const char *part;

          if (order[i] >= g_strv_length (parts))
            continue;
          part = parts[order[i]];
          if (part[0] == '\0')
            continue;
          if (n->len > 0)
            g_string_append_c (n, ' ');
          /* Several additional names are a comma list. */
          for (const char *p = part; *p; p++)
            g_string_append_c (n, *p == ',' ? ' ' : *p);
        }
      self->n = g_string_free (n, n->len == 0);
    }
  else if (strcmp (name, "ORG") == 0 && self->org == NULL)
    {
      g_auto(GStrv) parts = split_unescape (value, ';');

      if (parts[0][0] != '\0')
        self->org = g_strdup (parts[0]);
    }
  else if (strcmp (name, "TEL") == 0)
    {
      take_ranked (&self->tel, &self->tel_rank, prop, unescape (value), "tel:");
    }
  else if (strcmp (name, "EMAIL") == 0)
    {
      take_ranked (&self->email, &self->email_rank, prop, unescape (value), "mailto:");
    }
  else if (strcmp (name, "NOTE") == 0)
    {
      g_autofree char *note = unescape (value);

      if (note[0] != '\0')
        {
          if (self->note->len > 0)
            g_string_append_c (self->note, '\n');
          g_string_append (self->note, note);
        }
    }
}

gboolean
rapport_vcard_reader_next (RapportVcardReader  *self,
                           GCancellable        *cancellable,
                           GError             **error)
{
  gboolean in_card = FALSE;

  g_return_val_if_fail (RAPPORT_IS_VCARD_READER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->failure != NULL)
    {
      g_propagate_error (error, g_error_copy (self->failure));
      return FALSE;
    }

  clear_card (self);

  for (;;)
    {
      g_auto(Property) prop = { 0 };
      const char *value = NULL;
      guint line = self->line;
      gboolean eof;

      if (!read_logical_line (self, &prop, &value, &eof, cancellable, error))
        return FALSE;

      if (eof)
        {
          if (in_card)
            return fail (self, error,
                         _("line %u: the card that starts here has no END:VCARD"),
                         self->card_line);
          if (self->n_cards == 0 && !self->seen_text)
            return fail (self, error, _("The file is empty."));
          return FALSE;
        }
      if (prop.name == NULL)
        {
          /* Blank lines are harmless; other text outside a card is not a vCard. */
          if (is_blank (self->text->str) || self->n_cards > 0 || in_card)
            continue;
          return fail (self, error,
                       _("This is not a vCard file: it does not start with BEGIN:VCARD."));
        }

      if (strcmp (prop.name, "BEGIN") == 0 && value != NULL &&
          g_ascii_strcasecmp (g_strstrip ((char *) value), "VCARD") == 0)
        {
          if (in_card)
            return fail (self, error,
                         _("line %u: the card that starts here has no END:VCARD"),
                         self->card_line);
          in_card = TRUE;
          self->card_line = line;
          continue;
        }

      if (!in_card)
        {
          if (self->n_cards == 0)
            return fail (self, error,
                         _("This is not a vCard file: it does not start with BEGIN:VCARD."));
          continue;
        }

      if (strcmp (prop.name, "END") == 0 && value != NULL &&
          g_ascii_strcasecmp (g_strstrip ((char *) value), "VCARD") == 0)
        {
          self->n_cards++;
          if (self->fn != NULL)
            self->name = g_strdup (self->fn);
          else if (self->n != NULL)
            self->name = g_strdup (self->n);
          else if (self->org != NULL)
            self->name = g_strdup (self->org);
          return TRUE;
        }

      if (value != NULL)
        handle_property (self, &prop, value);
    }
}

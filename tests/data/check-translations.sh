#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Translation checks against the strings the sources hold right now:
#   check-translations.sh SOURCE_ROOT pot-current
#       po/rapport.pot has exactly the messages of the sources
#       (refresh it with `ninja -C BUILD rapport-pot`).
#   check-translations.sh SOURCE_ROOT complete LANG
#       po/LANG.po compiles, its plurals and format strings are right, and it
#       translates every message, none fuzzy
#       (merge new strings with `ninja -C BUILD rapport-update-po`).
set -eu

root=${1:?usage: check-translations.sh SOURCE_ROOT pot-current|complete LANG}
mode=${2:?usage: check-translations.sh SOURCE_ROOT pot-current|complete LANG}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The same extraction as po/meson.build (meson's glib preset and our args), so
# that new strings count even before anyone refreshes rapport.pot.
xgettext --package-name=rapport --from-code=UTF-8 --add-comments=Translators \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
  --flag=g_print:1:c-format --flag=g_printerr:1:c-format \
  --flag=g_printf:1:c-format --flag=g_fprintf:2:c-format \
  --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
  --directory="$root" --files-from="$root/po/POTFILES.in" \
  --output="$tmp/fresh.pot" --force-po

case "$mode" in
  pot-current)
    pot="$root/po/rapport.pot"
    [ -f "$pot" ] || { echo "po/rapport.pot is missing: run ninja -C BUILD rapport-pot" >&2; exit 1; }
    status=0
    if ! msgcmp --no-fuzzy-matching --use-untranslated "$pot" "$tmp/fresh.pot"; then
      echo "po/rapport.pot lacks messages the sources have" >&2
      status=1
    fi
    if ! msgcmp --no-fuzzy-matching --use-untranslated "$tmp/fresh.pot" "$pot"; then
      echo "po/rapport.pot has messages the sources no longer have" >&2
      status=1
    fi
    if [ "$status" -ne 0 ]; then
      echo "refresh it: ninja -C BUILD rapport-pot" >&2
      exit 1
    fi
    echo "po/rapport.pot is up to date"
    ;;
  complete)
    lang=${3:?usage: check-translations.sh SOURCE_ROOT complete LANG}
    po="$root/po/$lang.po"
    [ -f "$po" ] || { echo "po/$lang.po is missing" >&2; exit 1; }
    # Syntax, the Plural-Forms header, c-format directives and plural counts.
    msgfmt --check --statistics --output-file=/dev/null "$po"
    # Merge with the messages of the sources, then name every message that is
    # untranslated (a missing plural form counts) or fuzzy.
    msgmerge --quiet --no-fuzzy-matching --no-wrap --output-file="$tmp/merged.po" \
      "$po" "$tmp/fresh.pot"
    if ! awk -v po="po/$lang.po" '
      function unquote(s) { return substr(s, 2, length(s) - 2) }
      BEGIN { RS = ""; FS = "\n"; bad = 0 }
      {
        id = ""; in_id = 0; fuzzy = 0; empty = 0; live = 0
        for (i = 1; i <= NF; i++) {
          line = $i
          if (line ~ /^#,.*fuzzy/) fuzzy = 1
          # Keep the text of the msgid, without the quotes of each piece.
          if (line ~ /^msgid /) { in_id = 1; live = 1; id = unquote(substr(line, 7)); continue }
          if (in_id && line ~ /^"/) { id = id unquote(line); continue }
          in_id = 0
          if (line ~ /^msgstr(\[[0-9]+\])? ""$/ && (i == NF || $(i + 1) !~ /^"/)) empty = 1
        }
        if (!live) next                       # obsolete (#~) entries only
        if (id == "") {                       # the header
          if (fuzzy) { print po ": the header is marked fuzzy" > "/dev/stderr"; bad++ }
          next
        }
        if (fuzzy) { print po ": fuzzy: \"" id "\"" > "/dev/stderr"; bad++ }
        else if (empty) { print po ": untranslated: \"" id "\"" > "/dev/stderr"; bad++ }
      }
      END {
        if (bad) print po ": " bad " messages need a translator" > "/dev/stderr"
        exit bad ? 1 : 0
      }' "$tmp/merged.po"; then
      echo "run ninja -C BUILD rapport-update-po, translate every message and clear every fuzzy flag" >&2
      exit 1
    fi
    echo "po/$lang.po translates every message"
    ;;
  *)
    echo "unknown mode $mode" >&2
    exit 2
    ;;
esac

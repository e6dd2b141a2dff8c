#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when po/POTFILES.in misses a source file with translatable strings (its
# strings would silently stay English) or lists a file that no longer exists
# (xgettext would stop). Usage: check-potfiles.sh SOURCE_ROOT
set -eu

root=${1:?usage: check-potfiles.sh SOURCE_ROOT}
potfiles="$root/po/POTFILES.in"
[ -f "$potfiles" ] || { echo "no $potfiles" >&2; exit 1; }

listed=$(mktemp)
trap 'rm -f "$listed"' EXIT
# Comments and blank lines are allowed in POTFILES.in.
sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e 's/^[[:space:]]*//' "$potfiles" | grep -v '^$' | sort -u > "$listed" || true

status=0

while IFS= read -r f; do
  if [ ! -f "$root/$f" ]; then
    echo "po/POTFILES.in lists $f, which does not exist: remove it" >&2
    status=1
  fi
done < "$listed"

# C: _("…"), N_("…"), C_("ctx", …), NC_, Q_ (with or without a space before the
# parenthesis), and the plural functions. GtkBuilder: translatable="yes".
c_marks='(^|[^A-Za-z0-9_])(N|C|NC|Q)?_[[:space:]]*\([[:space:]]*"|ngettext[[:space:]]*\('
ui_marks="translatable=[\"'](yes|true|1)[\"']"

candidates() {
  for dir in src ui; do
    [ -d "$root/$dir" ] || continue
    (cd "$root" && grep -rlE --include='*.c' --include='*.h' "$c_marks" "$dir" || true)
    (cd "$root" && grep -rlE --include='*.ui' "$ui_marks" "$dir" || true)
  done
  # Desktop entry, metainfo and schema carry translatable text by their format.
  if [ -d "$root/data" ]; then
    (cd "$root" && find data -maxdepth 1 -type f \( -name '*.desktop.in' \
        -o -name '*.metainfo.xml.in' -o -name '*.gschema.xml' \) -print)
  fi
}

for f in $(candidates | sort -u); do
  if ! grep -qxF "$f" "$listed"; then
    echo "$f has translatable strings but is not in po/POTFILES.in: add it" >&2
    status=1
  fi
done

[ "$status" -eq 0 ] && echo "po/POTFILES.in lists every file with translatable strings"
exit "$status"

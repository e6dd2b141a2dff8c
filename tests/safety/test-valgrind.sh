#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs typical rapport-cli scenarios under valgrind memcheck and fails on any
# definite leak or invalid read or write. Skips (exit 77) without valgrind, or
# when rapport-cli is built with AddressSanitizer (they do not mix).
# Usage: RAPPORT_CLI=build/src/cli/rapport-cli test-valgrind.sh
set -eu

cli=${RAPPORT_CLI:?RAPPORT_CLI must name the rapport-cli binary}

if ! command -v valgrind >/dev/null 2>&1; then
  echo "test-valgrind.sh: valgrind is not installed; skipped"
  exit 77
fi
if ldd "$cli" 2>/dev/null | grep -q 'libasan'; then
  echo "test-valgrind.sh: $cli is built with AddressSanitizer; skipped"
  exit 77
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/rapport.db"
log="$work/valgrind.log"

suppressions=
for f in /usr/share/glib-2.0/valgrind/glib.supp /usr/lib/valgrind/debian.supp; do
  [ -f "$f" ] && suppressions="$suppressions --suppressions=$f"
done

# GLib hands memory back to malloc at once, so valgrind sees every block.
export G_SLICE=always-malloc
export G_DEBUG=gc-friendly
unset MALLOC_CHECK_ MALLOC_PERTURB_ 2>/dev/null || true

n=0
status=0

# vg EXPECTED_EXIT ARGS…: rapport-cli under memcheck; its stdout is kept in $work/out.
vg() {
  expected=$1
  shift
  n=$((n + 1))
  rc=0
  # shellcheck disable=SC2086
  valgrind --quiet --tool=memcheck --leak-check=full --errors-for-leak-kinds=definite \
    --show-leak-kinds=definite --error-exitcode=99 --log-file="$log" $suppressions \
    "$cli" --database "$db" --today 2026-03-02 --staff "Valgrind" "$@" >"$work/out" 2>"$work/err" || rc=$?
  if [ "$rc" -eq 99 ] || grep -q -E 'Invalid (read|write)|definitely lost: [1-9]' "$log"; then
    echo "FAIL: rapport-cli $*: memcheck errors:" >&2
    cat "$log" >&2
    status=1
  elif [ "$rc" -ne "$expected" ]; then
    echo "FAIL: rapport-cli $*: exit status $rc, expected $expected" >&2
    cat "$work/err" >&2
    status=1
  else
    echo "ok $n - rapport-cli $*"
  fi
}

vg 0 customer add "Ada Lovelace" --company "Analytical Engines" --phone "+44 20 7946 0001" --since 2026-02-20
ada=$(cat "$work/out")
vg 0 customer add "Émile Zola" --email emile@example.org --since 2026-02-25 --cadence 30
vg 0 customer list
vg 0 customer show "$ada"
vg 0 flag "$ada" irate --note "Billed twice" --date 2026-02-27
vg 0 agenda
vg 0 agenda --json
vg 0 log "$ada" --result reached --satisfaction 4 --note "Sorted out"
vg 0 history "$ada" --json
vg 0 backup "$work/copy.db"
vg 0 restore "$work/copy.db"
vg 2 log "$ada" --result reached --satisfaction 9
vg 2 restore "$work/not-there.db"

exit $status

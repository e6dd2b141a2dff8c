#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Makes the migration fixture of one released schema version: a small database
# with customers, follow-ups in every state (waiting, open, closed for each
# reason) and calls of every result, written by rapport-cli with fixed dates.
#
# Run it ONCE per schema version, with the rapport-cli of the release that
# wrote that schema (a build of that git tag), and commit the result; later
# versions must open it unchanged (tests/safety/test-migrations.c):
#
#   tests/safety/make-fixtures.sh build/src/cli/rapport-cli tests/safety/fixtures/schema-1.db
set -eu

cli=${1:?usage: make-fixtures.sh RAPPORT_CLI OUTPUT.db}
out=${2:?usage: make-fixtures.sh RAPPORT_CLI OUTPUT.db}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
db="$work/rapport.db"

# r DAY COMMAND…: rapport-cli on the fixture database, with DAY as today.
r() {
  day=$1
  shift
  "$cli" --database "$db" --today "$day" --staff "Fixture Staff" "$@"
}

# Monday 2026-01-05: every customer arrives; a `new` follow-up is due on the 7th.
ada=$(r 2026-01-05 customer add "Ada Lovelace" --company "Analytical Engines" \
        --phone "+44 20 7946 0001" --email ada@example.org --since 2026-01-05 \
        --note "Prefers calls in the morning")
brunel=$(r 2026-01-05 customer add "Isambard Brunel" --company "Great Western" \
           --phone "0117 496 0002" --since 2026-01-05)
curie=$(r 2026-01-05 customer add "Marie Curie" --phone "+33 1 99 00 00 03" \
          --since 2026-01-05 --no-follow-up)
darwin=$(r 2026-01-05 customer add "Charles Darwin" --company "Darwin & Sons" \
           --since 2026-01-05 --no-follow-up)
euler=$(r 2026-01-05 customer add "Leonhard Euler" --phone "555 0005" --since 2026-01-05)
faraday=$(r 2026-01-05 customer add "Michael Faraday" --since 2026-01-05)
gauss=$(r 2026-01-05 customer add "Carl Gauss" --email carl@example.org --since 2026-01-05)
emile=$(r 2026-01-05 customer add "Émile Zola" --company "Éditions Charpentier" \
          --since 2026-01-05 --cadence 30)
hopper=$(r 2026-01-05 customer add "Grace Hopper" --since 2026-01-05 --cadence 45)
kepler=$(r 2026-01-05 customer add "Johannes Kepler" --since 2026-01-05)
gone=$(r 2026-01-05 customer add "Temporary Customer" --since 2026-01-05)

r 2026-01-06 unflag "$faraday" new >/dev/null
r 2026-01-06 customer delete "$gone" >/dev/null

# Wednesday the 7th: the calls of the `new` follow-ups.
r 2026-01-07 log "$ada" --result reached --satisfaction 5 --note "Very happy with the install" >/dev/null
r 2026-01-07 log "$euler" --result wrong-number >/dev/null
r 2026-01-07 log "$gauss" --result reached --satisfaction 2 --problem-persists \
  --note "The heating still knocks" >/dev/null
r 2026-01-07 log "$emile" --result callback --callback 2026-01-09 --note "Rappeler vendredi" >/dev/null
r 2026-01-07 log "$hopper" --result reached --satisfaction 4 >/dev/null
r 2026-01-07 log "$kepler" --result voicemail >/dev/null

r 2026-01-08 flag "$darwin" nothing-went-right --date 2026-01-08 --note "Leaking valve" >/dev/null
r 2026-01-12 flag "$brunel" irate --date 2026-01-12 --note "Billed twice" >/dev/null
r 2026-01-13 log "$brunel" --result no-answer >/dev/null
r 2026-01-14 corrected "$darwin" --date 2026-01-14 --note "Valve replaced" >/dev/null
r 2026-01-15 move "$darwin" --to 2026-01-19 >/dev/null
r 2026-01-20 flag "$curie" nothing-went-right --date 2026-01-20 --note "Noisy pump" >/dev/null

# rapport-cli closes the database cleanly: the WAL is folded into the file.
for f in "$db-wal" "$db-shm"; do
  if [ -e "$f" ]; then
    echo "make-fixtures.sh: $f was left behind" >&2
    exit 1
  fi
done
cp "$db" "$out"
chmod 0644 "$out"
echo "wrote $out (customers ada=$ada brunel=$brunel curie=$curie darwin=$darwin)"

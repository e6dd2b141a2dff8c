#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every screenshot the metainfo shows is in data/screenshots/ and is a PNG at
# least 360 pixels wide (a store shows what the link points at).
# Usage: check-screenshots.sh SOURCE_ROOT
set -eu
root=$1
metainfo="$root/data/io.github.rapportapp.Rapport.metainfo.xml.in"
status=0
count=0
for name in $(sed -n 's|.*<image>.*/data/screenshots/\([^<]*\)</image>.*|\1|p' "$metainfo"); do
  count=$((count + 1))
  file="$root/data/screenshots/$name"
  if [ ! -f "$file" ]; then
    echo "missing: data/screenshots/$name (named in the metainfo)"; status=1; continue
  fi
  if [ "$(head -c 8 "$file" | od -An -tx1 | tr -d ' \n')" != "89504e470d0a1a0a" ]; then
    echo "not a PNG: data/screenshots/$name"; status=1; continue
  fi
  # The width is the big-endian number at bytes 16–19 of the IHDR chunk.
  width=$(od -An -tu1 -j16 -N4 "$file" | awk '{print $1*16777216 + $2*65536 + $3*256 + $4}')
  if [ "$width" -lt 360 ]; then
    echo "too narrow: data/screenshots/$name is $width pixels wide"; status=1
  fi
done
if [ "$count" -lt 4 ]; then
  echo "the metainfo names $count screenshots; at least four are wanted"; status=1
fi
exit $status

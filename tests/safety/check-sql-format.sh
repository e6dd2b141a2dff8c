#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Fails when C sources build SQL with printf-style formatting or string
# concatenation (g_strdup_printf, sqlite3_mprintf, g_string_append_printf,
# snprintf, g_strconcat, …) instead of binding parameters: a value pasted into
# SQL text is an injection waiting to happen. Calls are followed over several
# lines; a call is flagged when its string literals look like SQL.
#
#   check-sql-format.sh DIR                          check every .c/.h under DIR
#   check-sql-format.sh --expect-findings N DIR      pass only if exactly N are found
#                                                    (the test of this check itself)
#
# Allowed: the schema migration's PRAGMA user_version/application_id, which
# format integer constants only (PRAGMA takes no bound parameters).
set -eu

expect=
if [ "${1:-}" = "--expect-findings" ]; then
  expect=${2:?usage: check-sql-format.sh [--expect-findings N] DIR}
  shift 2
fi
dir=${1:?usage: check-sql-format.sh [--expect-findings N] DIR}
[ -d "$dir" ] || { echo "check-sql-format.sh: no folder $dir" >&2; exit 1; }

found=$(find "$dir" -type f \( -name '*.c' -o -name '*.h' \) -print | LC_ALL=C sort | perl -e '
  use strict;
  use warnings;

  # file name (relative to DIR) => format strings allowed there
  my %allowed = (
    "core/rapport-database.c" => [ "PRAGMA user_version = %d; PRAGMA application_id = %d;" ],
  );
  my $dir = shift @ARGV;
  my $builders = qr/\b(g_strdup_printf|g_strdup_vprintf|g_string_printf|g_string_append_printf|g_string_append_vprintf|g_string_prepend_printf|sqlite3_mprintf|sqlite3_vmprintf|sqlite3_snprintf|sqlite3_vsnprintf|sqlite3_str_appendf|g_snprintf|g_vsnprintf|snprintf|vsnprintf|sprintf|vsprintf|asprintf|vasprintf|g_strconcat|g_strjoin)\s*\(/;
  # SQL in this code base is written in capitals; lower-case SQL is caught
  # by its unmistakable word pairs.
  my $sql_caps = qr/\b(SELECT|INSERT|UPDATE|DELETE|WHERE|PRAGMA|CREATE|DROP|ALTER|VALUES|FROM|JOIN|ORDER BY|GROUP BY|HAVING|UNION|LIMIT|MATCH|LIKE|GLOB|AND|SET|ATTACH)\b/s;
  my $sql_any = qr/\b(insert\s+into|delete\s+from|replace\s+into|create\s+(table|index|trigger|view)|drop\s+(table|index)|alter\s+table|attach\s+database)\b|\bpragma\s+\w+\s*[=(]|\bselect\b.*\bfrom\b.*\bwhere\b/is;
  my $n = 0;

  while (my $file = <STDIN>) {
    chomp $file;
    open my $fh, "<", $file or die "$file: $!";
    local $/;
    my $text = <$fh>;
    close $fh;
    (my $rel = $file) =~ s{^\Q$dir\E/?}{};

    # Blank out comments, keeping line breaks so that line numbers stay right.
    $text =~ s{(/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\])*"|\x27(?:\\.|[^\x27\\])*\x27)}{
      my $m = $1;
      ($m =~ m{^/[*/]}) ? ($m =~ tr/\n//cdr) : $m
    }gse;

    # Strings are matched first so that a function name inside one is skipped.
    while ($text =~ /("(?:\\.|[^"\\])*")|(\x27(?:\\.|[^\x27\\])*\x27)|$builders/g) {
      next if defined $1 || defined $2;
      my $func = $3;
      my $start = $-[0];
      my $pos = pos ($text);
      # The call: up to the parenthesis that closes it, skipping strings.
      my $depth = 1;
      my $call = "";
      while ($depth > 0 && $pos < length $text) {
        my $rest = substr ($text, $pos);
        if ($rest =~ /^("(?:\\.|[^"\\])*")/s || $rest =~ /^(\x27(?:\\.|[^\x27\\])*\x27)/s) {
          $call .= $1;
          $pos += length $1;
          next;
        }
        my $c = substr ($text, $pos, 1);
        $depth++ if $c eq "(";
        $depth-- if $c eq ")";
        $call .= $c;
        $pos++;
      }
      my $literals = join "", map { my $s = $_; $s =~ s/^"|"$//g; $s } ($call =~ /("(?:\\.|[^"\\])*")/g);
      next unless $literals =~ $sql_caps || $literals =~ $sql_any;
      next if grep { $_ eq $literals } @{ $allowed{$rel} // [] };
      my $line = 1 + (substr ($text, 0, $start) =~ tr/\n//);
      print "$rel:$line: SQL built with $func: \"$literals\"\n";
      $n++;
    }
  }
' "$dir")

count=0
if [ -n "$found" ]; then
  count=$(printf '%s\n' "$found" | wc -l)
fi

if [ -n "$expect" ]; then
  printf '%s\n' "$found"
  if [ "$count" -ne "$expect" ]; then
    echo "check-sql-format.sh: expected $expect findings in $dir, found $count" >&2
    exit 1
  fi
  exit 0
fi

if [ "$count" -ne 0 ]; then
  printf '%s\n' "$found" >&2
  echo "check-sql-format.sh: $count place(s) build SQL from text; bind the values with sqlite3_bind_* instead" >&2
  exit 1
fi
echo "check-sql-format.sh: no SQL built with printf-style formatting in $dir"

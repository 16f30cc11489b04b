#!/bin/sh
# Usage: rapper_same_triples.sh RAPPER OUT_DIR
#
# Parses OUT_DIR/graph.ttl as Turtle and OUT_DIR/graph.nt as N-Triples with
# rapper (raptor2), writes both back as N-Triples, and fails unless the two
# sorted outputs are identical. rapper writes every term in one canonical
# form, so the comparison does not depend on how kgbuild escaped them.
set -eu
rapper=$1
out=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$rapper" -q -i turtle -o ntriples "$out/graph.ttl" | LC_ALL=C sort >"$work/ttl.nt"
"$rapper" -q -i ntriples -o ntriples "$out/graph.nt" | LC_ALL=C sort >"$work/nt.nt"
if ! cmp -s "$work/ttl.nt" "$work/nt.nt"; then
  echo "rapper_same_triples: graph.ttl and graph.nt differ (< graph.ttl, > graph.nt):" >&2
  diff "$work/ttl.nt" "$work/nt.nt" | head -40 >&2
  exit 1
fi
echo "rapper: graph.ttl and graph.nt hold the same $(wc -l <"$work/nt.nt") triples"

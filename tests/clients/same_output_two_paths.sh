#!/bin/sh
# Usage: same_output_two_paths.sh KGBUILD SQLITE3 POSTS_DIR WORK_DIR
#
# Copies POSTS_DIR to two folders under WORK_DIR whose absolute paths differ
# in depth and names, runs KGBUILD on each, and fails unless:
#   - graph.nt sorted with LC_ALL=C is identical between the runs;
#   - graph.nt, graph.ttl, graph.nq, graph.jsonld, graph.graphml,
#     graph.comention.graphml and graph.gexf are byte-identical between them,
#     so every IRI in them is identical too;
#   - kg.sqlite lists the same IRIs of papers, entities and results.
# kg.sqlite is compared by its IRIs only, because the store may record when
# and from where it was built.
set -eu
kgbuild=$1
sqlite3=$2
posts=$3
work=$4

rm -rf "$work"
first="$work/first/posts"
second="$work/second/a folder/with spaces/posts"
mkdir -p "$first" "$second"
cp -R "$posts/." "$first/"
cp -R "$posts/." "$second/"

"$kgbuild" "$first" -o "$work/first/kg" --quiet
"$kgbuild" "$second" -o "$work/second/kg" --quiet

status=0
for run in first second; do
  LC_ALL=C sort "$work/$run/kg/graph.nt" >"$work/$run/sorted.nt"
done
if ! cmp -s "$work/first/sorted.nt" "$work/second/sorted.nt"; then
  echo "same_output_two_paths: sorted graph.nt differs between the two input folders" >&2
  status=1
fi

for file in graph.nt graph.ttl graph.nq graph.jsonld graph.graphml graph.comention.graphml graph.gexf; do
  if ! cmp -s "$work/first/kg/$file" "$work/second/kg/$file"; then
    echo "same_output_two_paths: $file differs between the two input folders:" >&2
    diff "$work/first/kg/$file" "$work/second/kg/$file" | head -20 >&2
    status=1
  fi
done

iris() {
  "$sqlite3" "$1" "SELECT iri FROM papers UNION ALL SELECT iri FROM entities UNION ALL SELECT iri FROM results ORDER BY 1"
}
iris "$work/first/kg/kg.sqlite" >"$work/first/iris.txt"
iris "$work/second/kg/kg.sqlite" >"$work/second/iris.txt"
if ! cmp -s "$work/first/iris.txt" "$work/second/iris.txt"; then
  echo "same_output_two_paths: kg.sqlite IRIs differ between the two input folders:" >&2
  diff "$work/first/iris.txt" "$work/second/iris.txt" | head -20 >&2
  status=1
fi

if [ "$status" -eq 0 ]; then
  echo "same output: 7 files byte-identical, $(wc -l <"$work/first/iris.txt") kg.sqlite IRIs identical"
fi
exit "$status"

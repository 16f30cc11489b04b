#!/usr/bin/env python3
"""Check that NetworkX reads the stress names back from both GraphML views.

Usage: python3 names_roundtrip.py OUT_DIR NAMES.json

For each entity of NAMES.json, graph.graphml and graph.comention.graphml
must have a node whose id is the IRI minted from the entity's type and
name (every byte outside A-Z a-z 0-9 - . _ ~ percent-encoded) and whose
label is the name, with U+FFFD in place of each control character that
XML 1.0 cannot carry. Prints "names: N names found in 2 GraphML files" and
exits 0, or prints each mismatch and exits 1.
"""

import json
import re
import sys
import urllib.parse
from pathlib import Path

import networkx as nx

XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def main(argv):
    if len(argv) != 3:
        print("usage: python3 names_roundtrip.py OUT_DIR NAMES.json", file=sys.stderr)
        return 2
    out = Path(argv[1])
    names = json.loads(Path(argv[2]).read_text(encoding="utf-8"))

    mismatches = []
    for file in ("graph.graphml", "graph.comention.graphml"):
        graph = nx.read_graphml(out / file)
        for entity in names["entities"]:
            iri = f"{names['base']}id/{entity['type']}/{urllib.parse.quote(entity['name'], safe='-._~')}"
            expected = XML_FORBIDDEN.sub("\ufffd", entity["name"])
            if iri not in graph:
                mismatches.append(f"{file}: no node {iri}")
            elif graph.nodes[iri].get("label") != expected:
                mismatches.append(f"{file}: node {iri} has label {graph.nodes[iri].get('label')!r}, expected {expected!r}")

    for mismatch in mismatches:
        print(f"names_roundtrip: {mismatch}", file=sys.stderr)
    if mismatches:
        return 1
    print(f"names: {len(names['entities'])} names found in 2 GraphML files")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

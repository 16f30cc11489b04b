#!/usr/bin/env python3
"""Check a kgbuild GraphML export with NetworkX's GraphML reader.

Usage: python3 graphml_check.py GRAPH.graphml

Every node needs a non-empty string attribute ``label`` and a non-empty
string attribute ``type``. Every edge needs a non-empty string attribute
``kind`` and an attribute ``weight`` that NetworkX reads as a finite number,
so the key must be declared with a numeric ``attr.type`` (int, long, float or
double). Prints ``graphml: N nodes, M edges`` and exits 0 when all hold.
Otherwise prints up to 20 violations and exits 1.
"""

import math
import sys
import xml.etree.ElementTree as ElementTree

import networkx as nx

MAX_LISTED = 20


def check_string_attribute(data, name, where, violations):
    value = data.get(name)
    if value is None:
        violations.append(f"{where}: missing attribute '{name}'")
    elif not isinstance(value, str):
        violations.append(f"{where}: attribute '{name}' is {type(value).__name__} {value!r}, expected a string")
    elif value.strip() == "":
        violations.append(f"{where}: attribute '{name}' is empty")


def check_weight(data, where, violations):
    weight = data.get("weight")
    if weight is None:
        violations.append(f"{where}: missing attribute 'weight'")
    # bool is a subclass of int, but a weight declared as boolean is not numeric.
    elif isinstance(weight, bool) or not isinstance(weight, (int, float)):
        violations.append(
            f"{where}: attribute 'weight' is {type(weight).__name__} {weight!r}, "
            "expected a number (declare the key with attr.type=\"double\")"
        )
    elif not math.isfinite(weight):
        violations.append(f"{where}: attribute 'weight' is {weight!r}, expected a finite number")


def collect_violations(graph):
    violations = []
    for node, data in graph.nodes(data=True):
        where = f"node {node!r}"
        check_string_attribute(data, "label", where, violations)
        check_string_attribute(data, "type", where, violations)

    if graph.is_multigraph():
        edges = ((source, target, key, data) for source, target, key, data in graph.edges(keys=True, data=True))
    else:
        edges = ((source, target, None, data) for source, target, data in graph.edges(data=True))
    for source, target, key, data in edges:
        where = f"edge {source!r} -> {target!r}" + (f" (key {key!r})" if key is not None else "")
        check_string_attribute(data, "kind", where, violations)
        check_weight(data, where, violations)
    return violations


def main(argv):
    if len(argv) != 2:
        print("usage: python3 graphml_check.py GRAPH.graphml", file=sys.stderr)
        return 2
    path = argv[1]

    try:
        graph = nx.read_graphml(path)
    except OSError as error:
        print(f"graphml_check: cannot read {path}: {error}", file=sys.stderr)
        return 1
    except ElementTree.ParseError as error:
        print(f"graphml_check: {path} is not well-formed XML: {error}", file=sys.stderr)
        return 1
    except (nx.NetworkXError, ValueError, KeyError) as error:
        # NetworkX raises NetworkXError for a <data> element whose key is not
        # declared, and ValueError when a value does not match its attr.type.
        print(f"graphml_check: NetworkX rejected {path}: {type(error).__name__}: {error}", file=sys.stderr)
        return 1

    violations = collect_violations(graph)
    if violations:
        for violation in violations[:MAX_LISTED]:
            print(f"graphml_check: {path}: {violation}", file=sys.stderr)
        if len(violations) > MAX_LISTED:
            print(f"graphml_check: ... {len(violations) - MAX_LISTED} more violations", file=sys.stderr)
        return 1

    print(f"graphml: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} edges")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

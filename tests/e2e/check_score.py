#!/usr/bin/env python3
"""Fail when kgbuild's N-Triples score below the given figures.

Runs the evaluation's score script on an export and checks the papers found
and the entity F1 figures it reports. Prints the full score either way, so a
CI log shows where a change moved the numbers.
"""
import argparse
import json
import subprocess
import sys


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--score", required=True, help="path of the score script")
    parser.add_argument("--nt", required=True, help="graph.nt written by kgbuild")
    parser.add_argument("--papers", type=int, help="number of gold papers that must be found")
    parser.add_argument("--all-papers", action="store_true", help="every gold paper must be found")
    parser.add_argument("--min-entity-f1", type=float, default=0.0)
    parser.add_argument("--min-typed-f1", type=float, default=0.0)
    parser.add_argument("--min-proposed-f1", type=float, default=0.0)
    parser.add_argument("--min-results-f1", type=float, default=0.0)
    parser.add_argument("gold", nargs="+")
    args = parser.parse_args()

    text = subprocess.run([sys.executable, args.score, "--nt", args.nt, *args.gold],
                          check=True, capture_output=True, text=True).stdout
    print(text)
    figures = json.loads(subprocess.run([sys.executable, args.score, "--nt", args.nt, "--json", *args.gold],
                                        check=True, capture_output=True, text=True).stdout)

    failures = []
    found, gold = figures["papers"]["found"], figures["papers"]["gold"]
    if args.papers is not None and (found != args.papers or gold != args.papers):
        failures.append(f"papers found {found}/{gold}, expected {args.papers}/{args.papers}")
    if args.all_papers and found != gold:
        failures.append(f"papers found {found}/{gold}, expected all")
    for key, minimum in (("entities", args.min_entity_f1), ("typed_entities", args.min_typed_f1),
                         ("proposed", args.min_proposed_f1), ("results", args.min_results_f1)):
        if figures[key]["f1"] < minimum:
            failures.append(f"{key} F1 {figures[key]['f1']:.3f} is below {minimum:.2f}")
    for failure in failures:
        print(f"FAIL: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Check that shards merged give exactly the outputs of one run.

For the samples and a generated corpus: runs kgbuild once over all posts,
then three times with --shard K/3, merges the three stores with
`kgbuild merge`, and compares every export byte for byte and the query
tables of kg.sqlite row for row.
"""
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

from kgtest import EXPORTS, differing_files, parse_arguments, run_kgbuild

TABLES = ("posts", "papers", "post_papers", "entities", "aliases", "mentions", "results")


def rows(database, table):
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        return sorted(connection.execute(f"SELECT * FROM {table}").fetchall(), key=repr)


def check(kgbuild, posts, work, failures):
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    single = work / "single"
    run_kgbuild(kgbuild, posts, single, "-q", "-j", "1", check=True)
    shards = []
    for k in (1, 2, 3):
        shard = work / f"shard{k}"
        run_kgbuild(kgbuild, posts, shard, "-q", "--shard", f"{k}/3", check=True)
        shards.append(str(shard))
    merged = work / "merged"
    subprocess.run([kgbuild, "merge", "-o", str(merged), "-q", *shards], check=True)

    for name in differing_files(single, merged, EXPORTS):
        failures.append(f"{posts}: {name} differs between one run and merged shards")
    for table in TABLES:
        if rows(single / "kg.sqlite", table) != rows(merged / "kg.sqlite", table):
            failures.append(f"{posts}: table {table} differs between one run and merged shards")
    counts = [len((Path(shard) / "graph.nt").read_text().splitlines()) for shard in shards]
    if min(counts) == 0:
        failures.append(f"{posts}: a shard is empty: {counts}")
    print(f"{posts}: shards of {counts} triples merged")


def main():
    args = parse_arguments(__doc__, "--kgbuild", "--generator", "--samples", "--work")

    work = Path(args.work)
    failures = []
    check(args.kgbuild, Path(args.samples) / "good", work / "samples", failures)
    generated = work / "generated-posts"
    shutil.rmtree(generated, ignore_errors=True)
    subprocess.run([sys.executable, args.generator, "--posts", "300", "--out", str(generated), "--seed", "11"],
                   check=True, capture_output=True)
    check(args.kgbuild, generated, work / "generated", failures)

    for failure in failures:
        print(f"FAIL: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

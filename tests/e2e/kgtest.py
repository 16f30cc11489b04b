"""Helpers shared by the end-to-end checks in this folder.

They parse the common options, run kgbuild, record failed checks and compare
output folders byte for byte. A check imports this module from its own
folder, which Python puts first on sys.path.
"""
import argparse
import os
import shutil
import subprocess
from pathlib import Path

# The exports that -j and --shard must leave byte-identical. kg.sqlite is
# left out, and check_shards.py compares its tables row by row instead.
EXPORTS = ("graph.nt", "graph.jsonld", "graph.ttl", "graph.nq", "graph.graphml",
           "graph.comention.graphml", "graph.gexf", "candidates.tsv")

# Messages of the failed checks, in order. check() appends, finish() prints.
failures = []


def parse_arguments(doc, *options):
    """Parse the command line, where each of options (such as "--kgbuild") is a required value."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    for option in options:
        parser.add_argument(option, required=True)
    return parser.parse_args()


def private_work_folder(work):
    """Create and return the folder WORK-PID.

    One folder per process, so two ctest runs in one build folder do not
    share files. finish() removes it when the checks pass.
    """
    folder = Path(f"{work}-{os.getpid()}")
    folder.mkdir(parents=True)
    return folder


def run_kgbuild(kgbuild, posts, out, *options, **run_args):
    """Run `kgbuild POSTS -o OUT OPTIONS...` through subprocess.run with run_args."""
    return subprocess.run([kgbuild, str(posts), "-o", str(out), *options], **run_args)


def check(condition, message):
    """Record message as a failure unless condition holds, and return condition."""
    if not condition:
        failures.append(message)
    return condition


def differing_files(left, right, names):
    """Return those of names whose bytes differ between the folders left and right."""
    return [name for name in names if (left / name).read_bytes() != (right / name).read_bytes()]


def finish(work, success):
    """Print each failure, or print success and remove work when none failed. Return the exit status."""
    for failure in failures:
        print(f"FAIL: {failure}")
    if not failures:
        print(success)
        shutil.rmtree(work)
    return 1 if failures else 0

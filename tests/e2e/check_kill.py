#!/usr/bin/env python3
"""Kill kgbuild with SIGKILL at named steps of a run and check what is left.

The run is stopped through the test hook KGBUILD_TEST_PAUSE_AT, which makes
kgbuild print "kgbuild: paused at STEP" and wait to be killed: after-ingest
(every post read, nothing written), mid-export (the exports written into
the staging folder, the store not yet) and mid-publish (the first file
moved into place). After each kill: every output is whole, byte-equal to
the previous run's (or, once publishing has begun, to the new run's), the
outputs parse and kg.sqlite passes PRAGMA integrity_check. While a run is
paused a second run on the same folder stops with a clear message. Finally
a normal run completes and writes what a clean --full run writes.
"""
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from kgtest import check, differing_files, finish, parse_arguments, private_work_folder, run_kgbuild

OUTPUTS = ("graph.nt", "graph.jsonld", "graph.graphml", "kg.sqlite", "candidates.tsv")


def snapshot(out):
    return {name: (out / name).read_bytes() for name in OUTPUTS}


def check_parse(out, what):
    json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))
    ElementTree.parse(out / "graph.graphml")
    for line in (out / "graph.nt").read_text(encoding="utf-8").splitlines():
        check(line.endswith(" ."), f"{what}: graph.nt has an incomplete line {line[:80]!r}")
    with sqlite3.connect(f"file:{out / 'kg.sqlite'}?mode=ro", uri=True) as db:
        check(db.execute("PRAGMA integrity_check").fetchone()[0] == "ok", f"{what}: integrity_check failed")
        stored = db.execute("SELECT COUNT(*) FROM store_posts").fetchone()[0]
        check(stored > 0, f"{what}: kg.sqlite holds no stored posts")


def run_until_paused(kgbuild, posts, out, step):
    environment = dict(os.environ, KGBUILD_TEST_PAUSE_AT=step)
    process = subprocess.Popen([kgbuild, str(posts), "-o", str(out), "--quiet"], env=environment,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    lines = []
    for line in process.stderr:
        lines.append(line)
        if line == f"kgbuild: paused at {step}\n":
            return process
    process.wait()
    check(False, f"{step}: kgbuild exited {process.returncode} without pausing: {''.join(lines)[-1000:]}")
    return None


def main():
    args = parse_arguments(__doc__, "--kgbuild", "--samples", "--work")

    work = private_work_folder(args.work)
    posts = work / "posts"
    shutil.copytree(Path(args.samples) / "good", posts, ignore=shutil.ignore_patterns("*.gold.json"))
    out = work / "out"
    run_kgbuild(args.kgbuild, posts, out, "--quiet", check=True)
    previous = snapshot(out)

    # Change the input, so the killed runs would write something new.
    for post in sorted((Path(args.samples) / "lax").glob("*.md")):
        shutil.copy(post, posts / post.name)
    (posts / "2026-01-16-lab-notes.md").unlink()
    clean = work / "clean"
    run_kgbuild(args.kgbuild, posts, clean, "--quiet", "--full", check=True)
    new = snapshot(clean)
    check(new != previous, "the changed input writes the same outputs; the test would prove nothing")

    for step in ("after-ingest", "mid-export", "mid-publish"):
        process = run_until_paused(args.kgbuild, posts, out, step)
        if process is None:
            continue
        if step == "after-ingest":
            second = run_kgbuild(args.kgbuild, posts, out, capture_output=True, text=True)
            expected = (f"error: {out}: another kgbuild run is writing this output folder (it holds "
                        f"{out}/.kgbuild.lock); wait for it to end or choose another folder with -o\n")
            check(second.returncode == 2, f"second run: exit {second.returncode}, expected 2")
            check(second.stderr == expected, f"second run: got {second.stderr!r}, expected {expected!r}")
        process.send_signal(signal.SIGKILL)
        process.wait()
        process.stderr.close()

        left = snapshot(out)
        for name in OUTPUTS:
            if step == "mid-publish":
                check(left[name] in (previous[name], new[name]),
                      f"{step}: {name} is neither the previous nor the new version")
            else:
                check(left[name] == previous[name], f"{step}: {name} is not the previous version")
        check_parse(out, step)
        print(f"killed at {step}: outputs whole, integrity_check ok")

    finished = run_kgbuild(args.kgbuild, posts, out, "--quiet", capture_output=True, text=True)
    check(finished.returncode == 0, f"run after the kills: exit {finished.returncode}: {finished.stderr[-1000:]}")
    check_parse(out, "after the kills")
    for name in differing_files(out, clean, OUTPUTS):
        check(False, f"after the kills: {name} differs from a clean run")
    leftovers = sorted(path.name for path in out.iterdir() if path.name.startswith(".kgbuild-staging"))
    check(leftovers == [], f"staging folders left behind: {leftovers}")

    return finish(work, "every kill left whole outputs; the next run equals a clean run")


if __name__ == "__main__":
    sys.exit(main())

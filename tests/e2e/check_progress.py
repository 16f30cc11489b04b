#!/usr/bin/env python3
"""Check kgbuild's progress line, its -j output, and its JSON log.

Generates a corpus, then:
  - under a pseudo-terminal (`script`), stderr shows the updating progress
    line `kgbuild: N/M posts, X MB/s, S s left`;
  - with stderr sent to a file, no progress line appears;
  - `-j 1` and `-j 2` write byte-identical exports;
  - `--log-format json` prints one JSON object per line, the last a summary.
"""
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from kgtest import EXPORTS, differing_files, parse_arguments, run_kgbuild

PROGRESS = re.compile(r"kgbuild: \d+/\d+ posts, [0-9.]+ MB/s, \d+ s left")


def main():
    args = parse_arguments(__doc__, "--kgbuild", "--generator", "--work")

    work = Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    posts = work / "posts"
    subprocess.run([sys.executable, args.generator, "--posts", "600", "--out", str(posts), "--seed", "7"],
                   check=True, capture_output=True)
    failures = []

    typescript = work / "typescript"
    command = f"{args.kgbuild} {posts} -o {work / 'tty'} -j 1"
    subprocess.run(["script", "-q", "-e", "-c", command, str(typescript)], check=True,
                   stdin=subprocess.DEVNULL, capture_output=True)
    if not PROGRESS.search(typescript.read_text(errors="replace")):
        failures.append("no progress line on a terminal")

    with open(work / "stderr.txt", "w") as stderr:
        run_kgbuild(args.kgbuild, posts, work / "j1", "-j", "1", check=True, stderr=stderr)
    if PROGRESS.search((work / "stderr.txt").read_text()):
        failures.append("a progress line was written to a file")

    run_kgbuild(args.kgbuild, posts, work / "j2", "-j", "2", "-q", check=True)
    for name in differing_files(work / "j1", work / "j2", EXPORTS):
        failures.append(f"{name} differs between -j 1 and -j 2")

    run = run_kgbuild(args.kgbuild, posts, work / "json", "--log-format", "json",
                      check=True, capture_output=True, text=True)
    events = [json.loads(line) for line in run.stderr.splitlines()]
    if not events or events[-1].get("event") != "summary" or events[-1].get("posts_found") != 600:
        failures.append(f"expected a closing summary event for 600 posts, got {events[-1:]!r}")

    for failure in failures:
        print(f"FAIL: {failure}")
    print(f"progress: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

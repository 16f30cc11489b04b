#!/usr/bin/env python3
"""Check kgbuild's progress line, its -j output, and its JSON log.

Generates a corpus, then:
  - under a pseudo-terminal (`script`), stderr shows the updating progress
    line `kgbuild: N/M posts, X MB/s, S s left`;
  - with stderr sent to a file, no progress line appears;
  - `-j 1` and `-j 2` write byte-identical exports and print the warnings
    of a few broken posts among them in the same order, as does a second
    run that reuses the store;
  - `--log-format json` prints one JSON object per line, the last a summary;
  - `--timings` prints one line per stage and export step, in a fixed
    order, as text or as JSON events, and nothing of it without the option.
"""
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from kgtest import EXPORTS, differing_files, parse_arguments, run_kgbuild

PROGRESS = re.compile(r"kgbuild: \d+/\d+ posts, [0-9.]+ MB/s, \d+ s left")
TIMING = re.compile(r"^timing: (.+?) +[0-9]+\.[0-9]{3} s wall +[0-9]+\.[0-9]{3} s CPU$")
STAGES = ["start-up: vocabulary, store", "read, extract, add to graph", "graph finish", "exports",
          "export rdf triples", "export graph.nt", "export graph.jsonld", "export graph.ttl",
          "export kg.sqlite", "export kg.sqlite store tables", "export graph.nq",
          "export graph.graphml", "export co-mention network", "export graph.comention.graphml",
          "export graph.gexf", "candidates.tsv, report.txt", "publish"]


def warning_lines(stderr):
    return [line for line in stderr.splitlines() if line.startswith(("warning:", "error:"))]


def main():
    args = parse_arguments(__doc__, "--kgbuild", "--generator", "--work")

    work = Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    posts = work / "posts"
    subprocess.run([sys.executable, args.generator, "--posts", "600", "--out", str(posts), "--seed", "7"],
                   check=True, capture_output=True)
    # Posts that read with a warning, each sorted right after a generated
    # post, spread over the batches of either -j.
    generated = sorted((posts / "posts").rglob("*.md"))
    for index in range(0, len(generated), 150):
        stem = generated[index].with_suffix("")
        Path(f"{stem}-invalid-utf8.md").write_bytes(b"---\ntitle: bad \xff byte\n---\n# A paper\n")
        Path(f"{stem}-unclosed.md").write_bytes(b"---\ntitle: never closed\n# A paper\n")
    post_count = len(list((posts / "posts").rglob("*.md")))
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
    if "timing:" in (work / "stderr.txt").read_text():
        failures.append("timing lines were written without --timings")

    run_j2 = run_kgbuild(args.kgbuild, posts, work / "j2", "-j", "2", "-q", check=True,
                         capture_output=True, text=True)
    for name in differing_files(work / "j1", work / "j2", EXPORTS):
        failures.append(f"{name} differs between -j 1 and -j 2")
    warnings_j1 = warning_lines((work / "stderr.txt").read_text())
    if len(warnings_j1) != 8 or warnings_j1 != warning_lines(run_j2.stderr):
        failures.append(f"warnings differ between -j 1 and -j 2:\n{warnings_j1}\n{run_j2.stderr}")
    # Changed posts are extracted and unchanged ones reused from the store;
    # a changed post's warning must still come before a later unchanged one's.
    for changed in (posts / "posts").rglob("*-invalid-utf8.md"):
        changed.write_bytes(changed.read_bytes().replace(b"# A paper", b"# Another paper"))
    rerun = run_kgbuild(args.kgbuild, posts, work / "j2", "-j", "2", "-q", check=True,
                        capture_output=True, text=True)
    if warning_lines(rerun.stderr) != warnings_j1:
        failures.append(f"a run that reuses the store prints other warnings:\n{rerun.stderr}")

    run = run_kgbuild(args.kgbuild, posts, work / "json", "--log-format", "json",
                      check=True, capture_output=True, text=True)
    events = [json.loads(line) for line in run.stderr.splitlines()]
    if not events or events[-1].get("event") != "summary" or events[-1].get("posts_found") != post_count:
        failures.append(f"expected a closing summary event for {post_count} posts, got {events[-1:]!r}")

    run = run_kgbuild(args.kgbuild, posts, work / "timings", "-q", "--timings",
                      check=True, capture_output=True, text=True)
    lines = [line for line in run.stderr.splitlines() if line.startswith("timing:")]
    stages = [match.group(1) for match in map(TIMING.match, lines) if match]
    if stages != STAGES or len(lines) != len(STAGES):
        failures.append(f"expected one --timings line per stage, got:\n{run.stderr}")
    run = run_kgbuild(args.kgbuild, posts, work / "timings-json", "-q", "--timings", "--log-format", "json",
                      check=True, capture_output=True, text=True)
    timings = [event for event in map(json.loads, run.stderr.splitlines()) if event.get("event") == "timing"]
    if [event.get("stage") for event in timings] != STAGES or any(
            event.get("wall_ms", -1) < 0 or event.get("cpu_ms", -1) < 0 for event in timings):
        failures.append(f"expected one JSON timing event per stage, got {timings!r}")

    for failure in failures:
        print(f"FAIL: {failure}")
    print(f"progress: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Run kgbuild on each sample post alone and check what it must yield.

For every post in samples/good and samples/lax with a gold file beside it:
kgbuild exits 0, finds every gold paper (by arXiv IRI, or by title when the
gold has no arXiv id), and reaches the per-post entity F1 given below. Posts
in samples/lax must also produce at least one warning naming the post.
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path

MIN_POST_ENTITY_F1 = 0.60


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kgbuild", required=True)
    parser.add_argument("--samples", required=True)
    parser.add_argument("--work", required=True, help="folder for the per-post outputs")
    parser.add_argument("--score", default=str(Path(__file__).resolve().parents[3] / "shared/eval/score"))
    args = parser.parse_args()

    failures = []
    checked = 0
    for folder in ("good", "lax"):
        for post in sorted((Path(args.samples) / folder).glob("*.md")):
            gold_path = post.with_name(post.name + ".gold.json")
            if not gold_path.exists():
                continue
            checked += 1
            out = Path(args.work) / folder / post.stem
            run = subprocess.run([args.kgbuild, str(post), "-o", str(out), "--quiet"],
                                 capture_output=True, text=True)
            where = f"{folder}/{post.name}"
            if run.returncode != 0:
                failures.append(f"{where}: kgbuild exited {run.returncode}: {run.stderr.strip()}")
                continue
            if folder == "lax" and f"warning: {post}" not in run.stderr:
                failures.append(f"{where}: expected a warning naming the post, got {run.stderr.strip()!r}")

            score = subprocess.run([sys.executable, args.score, "--nt", str(out / "graph.nt"), "--json",
                                    str(gold_path)], capture_output=True, text=True, check=True)
            figures = json.loads(score.stdout)
            found, total = figures["papers"]["found"], figures["papers"]["gold"]
            f1 = figures["entities"]["f1"]
            print(f"{where}: papers {found}/{total}, entity F1 {f1:.3f}, "
                  f"typed F1 {figures['typed_entities']['f1']:.3f}, results F1 {figures['results']['f1']:.3f}")
            if found != total:
                failures.append(f"{where}: found {found} of {total} papers")
            if f1 < MIN_POST_ENTITY_F1:
                failures.append(f"{where}: entity F1 {f1:.3f} is below {MIN_POST_ENTITY_F1}")

    if checked == 0:
        failures.append("no sample post with a gold file was found")
    for failure in failures:
        print(f"FAIL: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

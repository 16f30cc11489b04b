#!/usr/bin/env python3
"""Generate a small synthetic corpus, run kgbuild on it, and check every paper is found.

kgbuild must exit 0, and graph.nt must contain one `schema:ScholarlyArticle`
line per distinct arXiv id in the generator's papers.tsv, for exactly those ids.
"""
import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

ARTICLE = re.compile(r"^<https://arxiv\.org/abs/([^>]+)> <http://www\.w3\.org/1999/02/22-rdf-syntax-ns#type> "
                     r"<http://schema\.org/ScholarlyArticle> \.$")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kgbuild", required=True, help="kgbuild binary")
    parser.add_argument("--work", required=True, help="scratch folder, emptied first")
    parser.add_argument("--posts", type=int, default=50, help="posts to generate (default: 50)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default: 1)")
    args = parser.parse_args()

    work = Path(args.work)
    if work.exists():
        shutil.rmtree(work)
    corpus = work / "corpus"
    generator = Path(__file__).resolve().parent / "gen_corpus.py"
    subprocess.run([sys.executable, str(generator), "--posts", str(args.posts), "--out", str(corpus),
                    "--seed", str(args.seed)], check=True)

    output = work / "out"
    run = subprocess.run([args.kgbuild, str(corpus / "posts"), "-o", str(output), "--quiet"],
                         capture_output=True, text=True)
    failures = []
    if run.returncode != 0:
        failures.append(f"kgbuild exited {run.returncode}, expected 0; stderr:\n{run.stderr}")

    expected = {line.split("\t", 1)[0] for line in (corpus / "papers.tsv").read_text(encoding="utf-8").splitlines()
                if line}
    found = []
    nt = output / "graph.nt"
    if nt.exists():
        for line in nt.read_text(encoding="utf-8").splitlines():
            match = ARTICLE.match(line)
            if match:
                found.append(match.group(1))
    else:
        failures.append(f"{nt} not written")

    if len(found) != len(expected):
        failures.append(f"graph.nt has {len(found)} ScholarlyArticle lines, expected {len(expected)}")
    missing = sorted(expected - set(found))
    if missing:
        failures.append(f"{len(missing)} generated papers missing from graph.nt, first: {', '.join(missing[:10])}")
    extra = sorted(set(found) - expected)
    if extra:
        failures.append(f"{len(extra)} papers in graph.nt that were not generated, first: {', '.join(extra[:10])}")

    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    if failures:
        return 1
    print(f"ok: kgbuild found all {len(expected)} papers of {args.posts} generated posts")
    return 0


if __name__ == "__main__":
    sys.exit(main())

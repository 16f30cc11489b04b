#!/usr/bin/env python3
"""Run kgbuild on the real-post corpus and check that no arXiv paper is lost.

Every arXiv identifier that a post links to in a heading, a list item or an
`arXiv:` line (or its front matter) must come out as a paper node
https://arxiv.org/abs/ID in graph.nt. kgbuild must exit 0, or 1 with every
skipped post reported on stderr.
"""
import re
import sys
from pathlib import Path

from kgtest import parse_arguments, run_kgbuild

ARXIV = re.compile(r"(?i)(?<![\w.])(?:https?://)?(?:www\.|export\.)?arxiv\.org/(?:abs|pdf|html)/(\d{4}\.\d{4,5})")
LABEL = re.compile(r"(?i)^\s*\**\s*arxiv\s*\**\s*[:：]\s*(?:https?://\S*?/)?(\d{4}\.\d{4,5})")
PAPER_LINE = re.compile(r"^\s*(?:#{1,6}\s|[-*+]\s|\d+\.\s|<h[1-6]|arxiv\s*:)", re.IGNORECASE)


def linked_ids(path):
    """arXiv ids linked from lines that introduce papers: headings, list items, labels."""
    ids = set()
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if PAPER_LINE.match(line) or LABEL.match(line):
            ids.update(ARXIV.findall(line))
            label = LABEL.match(line)
            if label:
                ids.add(label.group(1))
    return ids


def main():
    args = parse_arguments(__doc__, "--kgbuild", "--corpus", "--out")

    run = run_kgbuild(args.kgbuild, args.corpus, args.out, capture_output=True, text=True)
    sys.stderr.write(run.stderr)
    if run.returncode not in (0, 1):
        print(f"FAIL: kgbuild exited {run.returncode}")
        return 1
    if run.returncode == 1 and "error: " not in run.stderr:
        print("FAIL: kgbuild exited 1 without naming what it skipped")
        return 1

    papers = set(re.findall(r"^<https://arxiv\.org/abs/([^>]+)> <http://www\.w3\.org/1999/02/22-rdf-syntax-ns#type> "
                            r"<http://schema\.org/ScholarlyArticle> \.$",
                            (Path(args.out) / "graph.nt").read_text(encoding="utf-8"), re.MULTILINE))
    wanted = 0
    missing = []
    for post in sorted(Path(args.corpus).rglob("*")):
        if post.suffix not in (".md", ".markdown"):
            continue
        ids = linked_ids(post)
        wanted += len(ids)
        missing.extend(f"{post.name}: {arxiv_id}" for arxiv_id in sorted(ids - papers))
    print(f"corpus: {wanted - len(missing)} of {wanted} arXiv-linked papers found; "
          f"{len(papers)} arXiv papers in the graph")
    for line in missing:
        print(f"FAIL: missing {line}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Run kgbuild on samples/bad plus the hostile cases too large or too odd
for git, and check each message exactly, the exit status, and that every
readable post is in the graph.

Generated here: a 100 MB post, a post with 10,000 papers, a post with one
10 MB line, a symlink loop, an unreadable file, an unreadable folder, and
posts whose file names break careless formats. When run as root, kgbuild
runs as the user nobody (through setpriv), because root reads files
whatever their mode.
"""
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from kgtest import check, finish, parse_arguments, private_work_folder

CRAFTED_NAMES = ['"><', "]]>", "\\", '"@', "_:b0"]  # '<http://x>' cannot be a file name


def neighbour(number, arxiv):
    return (f"---\ntitle: \"Generated neighbour {number}\"\ndate: 2026-03-10\n---\n\n"
            f"# 1. [Quill{number}: sparse attention](https://arxiv.org/abs/{arxiv})\n\n"
            f"- Goal: Quill{number} 모델은 LongBench 벤치마크에서 Llama-3-8B 대비 더 빠르다.\n")


def generate(posts):
    """Adds the generated cases; returns the arXiv ids that must be in the graph."""
    ids = []
    (posts / "huge.md").write_bytes(b"")
    with open(posts / "huge.md", "r+b") as huge:
        huge.truncate(100 * 1024 * 1024)  # sparse: the size check comes before any read

    papers = "".join(f"## {n}. [Paper {n}](https://arxiv.org/abs/2604.{n:05d})\n\n- Goal: 방법 {n}.\n\n"
                     for n in range(1, 10001))
    (posts / "ten-thousand-papers.md").write_text("---\ntitle: many\n---\n\n" + papers, encoding="utf-8")
    ids += ["2604.00001", "2604.10000"]

    long_line = "word " * (2 * 1024 * 1024)
    (posts / "long-line.md").write_text(neighbour(20, "2603.00020") + "\n" + long_line + "\n", encoding="utf-8")
    ids.append("2603.00020")

    (posts / "loop").mkdir()
    (posts / "loop/back").symlink_to("..")

    unreadable = posts / "unreadable.md"
    unreadable.write_text(neighbour(21, "2603.00021"), encoding="utf-8")
    unreadable.chmod(0)
    folder = posts / "closed"
    folder.mkdir()
    (folder / "inside.md").write_text(neighbour(22, "2603.00022"), encoding="utf-8")
    folder.chmod(0)

    for number, name in enumerate(CRAFTED_NAMES, start=30):
        arxiv = f"2603.000{number}"
        (posts / f"{name}.md").write_text(neighbour(number, arxiv), encoding="utf-8")
        ids.append(arxiv)
    return ids


def expected_messages(posts):
    p = str(posts)
    return sorted([
        f"error: {p}/binary.md:3: NUL byte: not a text file; skipped",
        f"warning: {p}/bom.md:1:1: UTF-8 byte order mark at the start; ignored",
        f"error: {p}/closed: cannot read folder: Permission denied",
        f"warning: {p}/crlf.md:1: CRLF line ends; read as LF",
        f"error: {p}/empty.md: empty file; skipped",
        f"error: {p}/huge.md: file is 104857600 bytes, over the limit of 67108864; skipped (see --max-file-bytes)",
        f"warning: {p}/invalid-utf8.md:6:41: invalid UTF-8; each invalid byte is read as '?'",
        f"warning: {p}/long-line.md:10:1048577: line longer than 1048576 bytes; the rest of it is ignored (see --max-line-bytes)",
        f"error: {p}/loop/back: symlink loop: this folder is already being read as {posts.resolve()}",
        f"warning: {p}/malformed-yaml.md:2:1: invalid YAML in front matter (a quoted value is not closed); reading it line by line",
        f"error: {p}/nul-bytes.md:9: NUL byte: not a text file; skipped",
        f"warning: {p}/unclosed-front-matter.md:1:1: front matter is not closed by a '---' line; reading the whole file as Markdown",
        f"error: {p}/unreadable.md: cannot read file: Permission denied",
    ])


def check_outputs_parse(out):
    json.loads((out / "graph.jsonld").read_text(encoding="utf-8"))
    ElementTree.parse(out / "graph.graphml")
    with sqlite3.connect(out / "kg.sqlite") as db:
        check(db.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "kg.sqlite fails integrity_check")
    if shutil.which("rapper"):
        rapper = subprocess.run(["rapper", "-q", "-i", "ntriples", "-c", str(out / "graph.nt")],
                                capture_output=True, text=True)
        check(rapper.returncode == 0, f"rapper rejects graph.nt: {rapper.stderr[-1000:]}")


def main():
    args = parse_arguments(__doc__, "--kgbuild", "--samples", "--work")

    work = private_work_folder(args.work).resolve()
    posts = work / "posts"
    shutil.copytree(Path(args.samples) / "bad", posts)
    ids = generate(posts)
    ids += [f"2603.0000{n}" for n in (1, 2, 3, 4, 5, 7, 8, 9)] + [f"2603.100{n:02d}" for n in range(6)]
    out = work / "out"
    out.mkdir()

    command = [args.kgbuild, str(posts), "-o", str(out)]
    if os.geteuid() == 0:
        os.chmod(work, 0o755)
        os.chmod(out, 0o777)
        command = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *command]
    result = subprocess.run(command, capture_output=True, text=True)

    lines = result.stderr.splitlines()
    summary = [line for line in lines if line.startswith("kgbuild: ")]
    messages = sorted(line for line in lines if not line.startswith("kgbuild: "))
    expected = expected_messages(posts)
    for line in sorted(set(expected) - set(messages)):
        check(False, f"missing message: {line}")
    for line in sorted(set(messages) - set(expected)):
        check(False, f"unexpected message: {line}")
    check(result.returncode == 1, f"exit status {result.returncode}, expected 1 (something was skipped)")
    check(len(summary) == 1 and "7 errors" in summary[0], f"summary: {summary}")
    print(summary[0] if summary else "no summary line")

    nt = (out / "graph.nt").read_text(encoding="utf-8")
    for arxiv in ids:
        check(f"<https://arxiv.org/abs/{arxiv}>" in nt, f"paper {arxiv} is missing from graph.nt")
    with sqlite3.connect(out / "kg.sqlite") as db:
        paths = {path for (path,) in db.execute("SELECT path FROM posts")}
        papers = db.execute("SELECT COUNT(*) FROM post_papers p JOIN posts s ON s.id = p.post_id "
                            "WHERE s.path = 'ten-thousand-papers.md'").fetchone()[0]
    check(papers == 10000, f"ten-thousand-papers.md has {papers} papers in kg.sqlite, expected 10000")
    for name in CRAFTED_NAMES:
        check(f"{name}.md" in paths, f"post {name}.md is missing from kg.sqlite")
    check_outputs_parse(out)

    for folder in posts.rglob("*"):
        if folder.is_dir() and not folder.is_symlink():
            folder.chmod(0o755)
    return finish(work, f"{len(expected)} messages as expected; {len(ids)} papers of readable posts in the graph")


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Check incremental builds against full ones on 1,000 generated posts.

Adding one post re-reads exactly that post; an incremental run and a --full
run into a fresh folder write byte-identical exports; deleting a post
removes exactly what it contributed (its own proposed model disappears, a
dataset other posts mention stays); a store of another version and a
locked output folder stop the run with exact messages.
"""
import fcntl
import re
import shutil
import sqlite3
import sys

from kgtest import check, differing_files, finish, parse_arguments, private_work_folder, run_kgbuild

EXPORTS = ("graph.nt", "graph.jsonld", "graph.graphml", "kg.sqlite", "candidates.tsv")
SUMMARY = re.compile(r"kgbuild: (\d+) posts in the graph \((\d+) read, (\d+) unchanged, "
                     r"(\d+) kept from the store, (\d+) removed\) of (\d+) found")


def write_post(folder, number):
    # Each post proposes its own model (Gen<N>Net) and mentions datasets and
    # a baseline that many posts share.
    datasets = ("MNIST", "CIFAR-10", "ImageNet")[number % 3]
    text = (f"---\ntitle: \"Daily papers {number}\"\ndate: 2026-02-{1 + number % 28:02d}\n---\n\n"
            f"# 1. [Gen{number}Net: a small model for image classification]"
            f"(https://arxiv.org/abs/2602.{number:05d})\n\n"
            f"- Goal: Gen{number}Net 모델은 {datasets} 데이터셋에서 GPT-2 대비 더 적은 연산으로 분류한다.\n"
            f"- Results: {datasets}({90 + number % 10}.5% vs 88.1%)\n")
    path = folder / f"posts/{number // 100:02d}/post-{number:04d}.md"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def run(kgbuild, posts, out, *extra, expect=0):
    result = run_kgbuild(kgbuild, posts, out, *extra, capture_output=True, text=True)
    check(result.returncode == expect,
          f"kgbuild {' '.join(extra)} -o {out}: exit {result.returncode}, expected {expect}: {result.stderr[-2000:]}")
    return result


def counts(result):
    match = SUMMARY.search(result.stderr)
    if not check(match is not None, f"no summary line in {result.stderr[-500:]!r}"):
        return {}
    names = ("graph", "read", "unchanged", "kept", "removed", "found")
    return dict(zip(names, map(int, match.groups())))


def export_names(out):
    # Every file kgbuild writes except the run report, whose counts differ.
    return sorted(path.name for path in out.iterdir()
                  if path.is_file() and path.name not in ("report.txt", ".kgbuild.lock"))


def compare_exports(left, right, what):
    names = export_names(right)
    check(export_names(left) == names, f"{what}: {left} holds {export_names(left)}, {right} holds {names}")
    check(set(EXPORTS) <= set(names), f"{what}: {right} lacks some of {EXPORTS}")
    for name in differing_files(left, right, names):
        check(False, f"{what}: {name} differs between {left} and {right}")


def entity_names(out):
    with sqlite3.connect(out / "kg.sqlite") as db:
        return {name for (name,) in db.execute("SELECT name FROM entities")}


def main():
    args = parse_arguments(__doc__, "--kgbuild", "--work")

    work = private_work_folder(args.work)
    # Run a private copy: a store is tied to the binary that wrote it, and a
    # rebuild of the shared build folder during the test would make it stale.
    kgbuild = str(work / "kgbuild")
    shutil.copy2(args.kgbuild, kgbuild)
    posts = work / "posts"
    for number in range(1000):
        write_post(work, number)
    out = work / "out"

    first = counts(run(kgbuild, posts, out))
    check(first.get("read") == 1000, f"first run read {first.get('read')} posts, expected 1000")

    # Add one post: exactly it is read.
    write_post(work, 1000)
    added = counts(run(kgbuild, posts, out))
    print(f"after adding one post: {added}")
    check(added.get("read") == 1, f"after adding one post, {added.get('read')} posts were read, expected 1")
    check(added.get("unchanged") == 1000, f"after adding one post, {added.get('unchanged')} unchanged, expected 1000")
    full = work / "full"
    run(kgbuild, posts, full, "--full")
    compare_exports(out, full, "after adding one post")

    # A run with nothing changed reads nothing and writes the same bytes.
    again = counts(run(kgbuild, posts, out))
    check(again.get("read") == 0, f"a run without changes read {again.get('read')} posts, expected 0")
    compare_exports(out, full, "after a run without changes")

    # Change one post: it alone is read again.
    changed = posts / "05/post-0500.md"
    changed.write_text(changed.read_text(encoding="utf-8").replace("88.1%", "87.9%"), encoding="utf-8")
    edited = counts(run(kgbuild, posts, out))
    check(edited.get("read") == 1, f"after changing one post, {edited.get('read')} posts were read, expected 1")

    # Delete a post: its own model goes, shared names stay.
    before = entity_names(out)
    check("Gen777Net" in before, "Gen777Net is missing before its post is deleted")
    (posts / "07/post-0777.md").unlink()
    deleted = counts(run(kgbuild, posts, out))
    check(deleted.get("removed") == 1, f"after deleting one post, {deleted.get('removed')} removed, expected 1")
    check(deleted.get("read") == 0, f"after deleting one post, {deleted.get('read')} posts were read, expected 0")
    after = entity_names(out)
    check(before - after == {"Gen777Net"}, f"deleting post-0777 removed {sorted(before - after)}, expected only Gen777Net")
    check(after - before == set(), f"deleting post-0777 added {sorted(after - before)}")
    check("MNIST" in after, "MNIST, mentioned by other posts too, disappeared")
    nt = (out / "graph.nt").read_text(encoding="utf-8")
    check("2602.00777" not in nt, "graph.nt still holds the deleted post's paper")
    check("post-0777.md" not in nt, "graph.nt still holds the deleted post")
    with sqlite3.connect(out / "kg.sqlite") as db:
        rows = db.execute("SELECT COUNT(*) FROM mentions WHERE file = '07/post-0777.md'").fetchone()[0]
        check(rows == 0, f"{rows} mention rows of the deleted post remain")
    full_after_delete = work / "full-after-delete"
    run(kgbuild, posts, full_after_delete, "--full")
    compare_exports(out, full_after_delete, "after deleting one post")

    # A store written by another version is rejected and left as it was.
    newer = work / "newer"
    shutil.copytree(out, newer)
    with sqlite3.connect(newer / "kg.sqlite") as db:
        db.execute("UPDATE store_meta SET value = '2' WHERE key = 'store_version'")
    store_bytes = (newer / "kg.sqlite").read_bytes()
    rejected = run(kgbuild, posts, newer, expect=2)
    expected = (f"error: {newer}/kg.sqlite: store version '2' is not 1, the one this kgbuild writes; "
                f"it was written by another version of kgbuild; nothing was written. "
                f"Remove the file, or choose another folder with -o\n")
    check(rejected.stderr == expected, f"newer store: got {rejected.stderr!r}, expected {expected!r}")
    check((newer / "kg.sqlite").read_bytes() == store_bytes, "a rejected store was modified")

    # A second run on a locked output folder stops at once.
    with open(out / ".kgbuild.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        locked = run(kgbuild, posts, out, expect=2)
    expected = (f"error: {out}: another kgbuild run is writing this output folder (it holds "
                f"{out}/.kgbuild.lock); wait for it to end or choose another folder with -o\n")
    check(locked.stderr == expected, f"locked folder: got {locked.stderr!r}, expected {expected!r}")
    compare_exports(out, full_after_delete, "after a run stopped by the lock")

    return finish(work, "incremental and full builds agree")


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Benchmark kgbuild on synthetic corpora and append the figures to bench/RESULTS.md.

For each corpus size (default 10,000 and 100,000 posts) the script
generates a corpus with gen_corpus.py into a scratch folder and measures,
with kgbuild pinned to one CPU:

- the full build (`kgbuild POSTS -o OUT`): wall time, MB/s, posts/s, peak RSS;
- startup alone (a run on an empty folder, which is mostly loading the vocabulary);
- `kgbuild candidates POSTS`, which reads, extracts and builds the graph but
  writes no file, so the build minus this run is the export time;
- each export, from the modification times of the output files, which
  kgbuild writes one after another (see export/exporter.cc);
- for the incremental size, a second build into the same output folder with
  one post added;
- `grep -F -o -f ALIASES` over the same posts, where ALIASES contains every name
  and alias of the built-in vocabulary, and the ratio kgbuild / grep.

Peak RSS is ru_maxrss from wait4(), the figure `/usr/bin/time -v` prints.
A run whose RSS passes --memory-cap-gb is killed and reported as such, so a
corpus that needs more memory than the machine has cannot take the machine
down with it. Scratch corpora are deleted at the end unless --keep.

Usage: bench/run.py [--sizes 10000,100000] [--scratch DIR] [--kgbuild PATH]
"""

import argparse
import datetime
import os
import platform
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXPORT_FILES = ("graph.nt", "graph.jsonld", "graph.graphml", "kg.sqlite", "candidates.tsv", "report.txt")


class Run:
    """Outcome of one measured process."""

    def __init__(self, wall, user, system, max_rss_kb, status, killed, start):
        self.wall = wall
        self.user = user
        self.system = system
        self.max_rss_kb = max_rss_kb
        self.status = status
        self.killed = killed
        self.start = start


def run_measured(command, cpu, memory_cap_kb, shell=False):
    """Run a command pinned to one CPU, poll its RSS, and return a Run.

    Standard output is discarded and standard error goes to the terminal.
    """
    if shell:
        popen_args = ["taskset", "-c", str(cpu), "bash", "-c", command]
    else:
        popen_args = ["taskset", "-c", str(cpu)] + command
    start = time.time()
    began = time.monotonic()
    process = subprocess.Popen(popen_args, stdout=subprocess.DEVNULL)
    killed = False
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if memory_cap_kb and current_rss_kb(process.pid) > memory_cap_kb:
            os.kill(process.pid, signal.SIGKILL)
            killed = True
        time.sleep(0.05)
    wall = time.monotonic() - began
    process.returncode = os.waitstatus_to_exitcode(status)
    return Run(wall, usage.ru_utime, usage.ru_stime, usage.ru_maxrss, process.returncode, killed, start)


def current_rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


def machine_description():
    model = "unknown"
    with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    memory_kb = 0
    with open("/proc/meminfo", encoding="ascii") as meminfo:
        for line in meminfo:
            if line.startswith("MemTotal:"):
                memory_kb = int(line.split()[1])
    return f"{os.cpu_count()} CPUs ({model}), {memory_kb / 1024 / 1024:.1f} GiB RAM, {platform.system()} {platform.release()}"


def git_commit():
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.rstrip()
    return commit + (" (with uncommitted changes in " + ", ".join(
        line[3:] for line in dirty.splitlines()) + ")" if dirty else "")


def build_type(kgbuild):
    cache = Path(kgbuild).resolve().parent / "CMakeCache.txt"
    if not cache.exists():
        return "unknown build type"
    fields = {}
    for line in cache.read_text(encoding="utf-8", errors="replace").splitlines():
        for key in ("CMAKE_BUILD_TYPE:", "CMAKE_CXX_FLAGS:"):
            if line.startswith(key):
                fields[key.rstrip(":")] = line.split("=", 1)[1]
    return f"CMAKE_BUILD_TYPE={fields.get('CMAKE_BUILD_TYPE', '?')}, CMAKE_CXX_FLAGS='{fields.get('CMAKE_CXX_FLAGS', '')}'"


def write_aliases(path):
    """Write every name and alias of the built-in vocabulary, one per line."""
    names = set()
    for tsv in sorted((REPO / "vocab" / "entities").glob("*.tsv")):
        for line in tsv.read_text(encoding="utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            columns = line.split("\t")
            if len(columns) > 1 and columns[1]:
                names.add(columns[1])
            if len(columns) > 2:
                names.update(alias for alias in columns[2].split("|") if alias)
    path.write_text("\n".join(sorted(names)) + "\n", encoding="utf-8")
    return len(names)


def corpus_bytes(posts):
    return sum(path.stat().st_size for path in posts.rglob("*.md"))


def format_rss(run):
    return f"{run.max_rss_kb / 1024:.0f} MiB" + (" (killed at the cap)" if run.killed else "")


def status_note(run):
    if run.killed:
        return "killed: RSS passed the cap"
    return f"exit {run.status}"


def benchmark_size(size, args, scratch, aliases, incremental):
    """Measure one corpus size and return a list of (figure, value) rows."""
    cap_kb = int(args.memory_cap_gb * 1024 * 1024)
    folder = scratch / f"corpus-{size}"
    if folder.exists():
        shutil.rmtree(folder)
    # One post more than the size: the last one is held back and added later
    # for the incremental measurement. The generator is sequential, so the
    # first `size` posts are the same as those of a `size`-post corpus.
    generated = size + 1 if incremental else size
    subprocess.run([sys.executable, str(REPO / "bench" / "gen_corpus.py"), "--posts", str(generated),
                    "--out", str(folder), "--seed", str(args.seed)], check=True)
    posts = folder / "posts"
    extra = None
    if incremental:
        extra = sorted(posts.rglob(f"*-{size:06d}.md"))[0]
        extra.rename(folder / extra.name)

    megabytes = corpus_bytes(posts) / 1e6
    rows = [("posts", f"{size:,}"), ("corpus size", f"{megabytes:.1f} MB")]
    output = folder / "out"

    empty = scratch / "empty-posts"
    empty.mkdir(exist_ok=True)
    startup = run_measured([args.kgbuild, str(empty), "-o", str(scratch / "empty-out"), "-q"], args.cpu, cap_kb)

    print(f"run.py: {size} posts: full build", flush=True)
    full = run_measured([args.kgbuild, str(posts), "-o", str(output), "-q"], args.cpu, cap_kb)
    mtimes = {name: (output / name).stat().st_mtime for name in EXPORT_FILES if (output / name).exists()}
    papers_found = 0
    if (output / "graph.nt").exists() and not full.killed:
        with open(output / "graph.nt", encoding="utf-8") as triples:
            papers_found = sum(1 for line in triples if "<http://schema.org/ScholarlyArticle>" in line)

    print(f"run.py: {size} posts: candidates (no export)", flush=True)
    candidates = run_measured([args.kgbuild, "candidates", str(posts), "--top", "1"], args.cpu, cap_kb)

    print(f"run.py: {size} posts: grep reference", flush=True)
    grep_out = folder / "grep-count.txt"
    grep = run_measured(f"LC_ALL=C grep -r -F -o -f {aliases} {posts} | wc -l > {grep_out}",
                        args.cpu, 0, shell=True)
    grep_matches = grep_out.read_text().strip()

    rows += [
        ("full build: wall time", f"{full.wall:.2f} s ({status_note(full)}; user {full.user:.2f} s, sys {full.system:.2f} s)"),
        ("full build: throughput", f"{megabytes / full.wall:.2f} MB/s, {size / full.wall:.0f} posts/s"),
        ("full build: peak RSS", format_rss(full)),
        ("papers found (ScholarlyArticle lines in graph.nt)", f"{papers_found:,}"),
        ("grep -F -o -f ALIASES: wall time", f"{grep.wall:.2f} s (user {grep.user:.2f} s, sys {grep.system:.2f} s; {megabytes / grep.wall:.1f} MB/s, {grep_matches} matches, peak RSS {grep.max_rss_kb / 1024:.0f} MiB)"),
        ("ratio kgbuild time / grep time", f"{full.wall / grep.wall:.1f} wall, "
         f"{(full.user + full.system) / (grep.user + grep.system):.1f} CPU (target: at most 2.0)"),
        ("startup (run on an empty folder)", f"{startup.wall:.2f} s"),
        ("read + extract + graph (candidates run minus startup)",
         f"{candidates.wall - startup.wall:.2f} s (candidates run {candidates.wall:.2f} s, {status_note(candidates)}, peak RSS {format_rss(candidates)})"),
    ]
    if not full.killed and "graph.nt" in mtimes:
        # kgbuild starts exporting about when a candidates run would have ended.
        previous = full.start + candidates.wall
        labels = {"graph.nt": "export: triples + graph.nt", "graph.jsonld": "export: graph.jsonld",
                  "graph.graphml": "export: graph.graphml", "kg.sqlite": "export: kg.sqlite",
                  "candidates.tsv": "export: candidates.tsv", "report.txt": "export: report.txt"}
        for name in EXPORT_FILES:
            if name in mtimes:
                rows.append((labels[name], f"{mtimes[name] - previous:.2f} s"))
                previous = mtimes[name]
        rows.append(("after the last file until exit (freeing memory)", f"{full.start + full.wall - previous:.2f} s"))

    if incremental and not full.killed:
        print(f"run.py: {size} posts: one post added", flush=True)
        shutil.move(str(folder / extra.name), str(extra))
        again = run_measured([args.kgbuild, str(posts), "-o", str(output), "-q"], args.cpu, cap_kb)
        rows.append(("one post added, same output folder: wall time",
                     f"{again.wall:.2f} s = {100 * again.wall / full.wall:.0f}% of the full build "
                     f"(target: at most 5%; {status_note(again)})"))

    if not args.keep:
        shutil.rmtree(folder)
    return rows


def main():
    parser = argparse.ArgumentParser(description="Benchmark kgbuild on synthetic corpora.")
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated corpus sizes in posts")
    parser.add_argument("--incremental-size", type=int, default=10000,
                        help="size at which to measure adding one post (default: 10000)")
    parser.add_argument("--scratch", default="/tmp/kgbuild-bench", help="folder for corpora and outputs")
    parser.add_argument("--kgbuild", default=str(REPO / "build-bench" / "kgbuild"),
                        help="kgbuild binary (default: build-bench/kgbuild, a Release build)")
    parser.add_argument("--results", default=str(REPO / "bench" / "RESULTS.md"), help="file the figures are appended to")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default: 1)")
    parser.add_argument("--cpu", type=int, default=0, help="CPU every measured process is pinned to (default: 0)")
    parser.add_argument("--memory-cap-gb", type=float, default=8.0,
                        help="kill a kgbuild run whose RSS passes this many GiB (default: 8)")
    parser.add_argument("--keep", action="store_true", help="keep the scratch corpora")
    args = parser.parse_args()

    if not Path(args.kgbuild).is_file():
        sys.exit(f"run.py: kgbuild binary {args.kgbuild} not found; build it with\n"
                 "  cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF && "
                 "cmake --build build-bench")
    if shutil.which("taskset") is None:
        sys.exit("run.py: taskset not found; install util-linux")
    sizes = [int(size) for size in args.sizes.split(",")]
    scratch = Path(args.scratch)
    scratch.mkdir(parents=True, exist_ok=True)
    aliases = scratch / "aliases.txt"
    alias_count = write_aliases(aliases)

    started = datetime.datetime.now(datetime.timezone.utc)
    header = [
        f"## Run of {started:%Y-%m-%d %H:%M} UTC",
        "",
        f"- machine: {machine_description()}",
        f"- commit: {git_commit()}",
        f"- kgbuild: {args.kgbuild} ({build_type(args.kgbuild)})",
        f"- every measured process pinned to CPU {args.cpu} with taskset; generator seed {args.seed}",
        f"- grep: {subprocess.run(['grep', '--version'], capture_output=True, text=True).stdout.splitlines()[0]}, "
        f"LC_ALL=C, {alias_count} names and aliases",
        "",
    ]
    sections = []
    for size in sizes:
        rows = benchmark_size(size, args, scratch, aliases, incremental=size == args.incremental_size)
        table = [f"### {size:,} posts", "", "| figure | value |", "|---|---|"]
        table += [f"| {name} | {value} |" for name, value in rows]
        sections.append("\n".join(table) + "\n")
        print("\n".join(table), flush=True)
    if not args.keep:
        aliases.unlink()
        shutil.rmtree(scratch / "empty-posts", ignore_errors=True)
        shutil.rmtree(scratch / "empty-out", ignore_errors=True)

    results = Path(args.results)
    if not results.exists():
        results.write_text("# Benchmark results\n\nFigures written by `bench/run.py`; "
                           "see the Benchmark section of README.md. Newest run last.\n\n", encoding="utf-8")
    with open(results, "a", encoding="utf-8") as out:
        out.write("\n".join(header) + "\n" + "\n".join(sections) + "\n")
    print(f"run.py: appended the figures to {results}")


if __name__ == "__main__":
    main()

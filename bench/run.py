#!/usr/bin/env python3
"""Benchmark kgbuild on synthetic corpora and append the figures to bench/RESULTS.md.

For each corpus size (default 10,000 and 100,000 posts) the script
generates a corpus with gen_corpus.py into a scratch folder and measures,
with kgbuild pinned to one CPU:

- the full build (`kgbuild POSTS -o OUT`): wall time, MB/s, posts/s, peak RSS;
- startup alone (a run on an empty folder, which is mostly loading the vocabulary);
- `kgbuild candidates POSTS`, which reads, extracts and builds the graph but
  writes no file, so the build minus this run is the export time;
- each export, from the CPU time kgbuild has used when each output file
  appears (kgbuild writes them one after another, see export/exporter.cc);
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
    """Outcome of one measured process. Times are in seconds."""

    def __init__(self, wall, user, system, max_rss_kb, status, killed, start, cpu_at_file):
        self.wall = wall
        self.user = user
        self.system = system
        self.max_rss_kb = max_rss_kb
        self.status = status
        self.killed = killed
        self.start = start
        self.cpu_at_file = cpu_at_file

    @property
    def cpu(self):
        return self.user + self.system


def run_measured(command, cpu, memory_cap_kb, shell=False, output=None):
    """Run a command pinned to one CPU, poll its RSS, and return a Run.

    With `output`, the Run records the process's CPU time when each of
    EXPORT_FILES first appears there or in kgbuild's staging folder
    `.kgbuild-staging-PID` inside it, with a modification time after the
    start. That splits one run into stages even when other processes share
    the machine. Standard output is discarded and standard error goes to the
    terminal.
    """
    if shell:
        popen_args = ["taskset", "-c", str(cpu), "bash", "-c", command]
    else:
        popen_args = ["taskset", "-c", str(cpu)] + command
    start = time.time()
    began = time.monotonic()
    process = subprocess.Popen(popen_args, stdout=subprocess.DEVNULL)
    killed = False
    cpu_at_file = {}
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if memory_cap_kb and current_rss_kb(process.pid) > memory_cap_kb:
            os.kill(process.pid, signal.SIGKILL)
            killed = True
        if output is not None:
            staging = output / f".kgbuild-staging-{process.pid}"
            for name in EXPORT_FILES:
                if name in cpu_at_file:
                    continue
                for path in (staging / name, output / name):
                    if path.exists() and path.stat().st_mtime >= start:
                        cpu_at_file[name] = current_cpu_seconds(process.pid)
                        break
        time.sleep(0.02)
    wall = time.monotonic() - began
    process.returncode = os.waitstatus_to_exitcode(status)
    return Run(wall, usage.ru_utime, usage.ru_stime, usage.ru_maxrss, process.returncode, killed, start,
               cpu_at_file)


def current_rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


def current_cpu_seconds(pid):
    """Return the user + system CPU time a running process has used so far."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            # Fields after the command name, which is in parentheses: state is
            # the first, utime the 12th and stime the 13th (proc(5)).
            fields = stat.read().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load_average():
    with open("/proc/loadavg", encoding="ascii") as loadavg:
        return " ".join(loadavg.read().split()[:3])


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


def git_commit(source):
    """Describe the commit of a source folder, listing uncommitted changes to tracked files."""
    if not (Path(source) / ".git").exists():
        return f"unknown: {source} is not a git checkout; pass --commit"
    commit = subprocess.run(["git", "-C", str(source), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(source), "status", "--porcelain", "--untracked-files=no"],
                           capture_output=True, text=True).stdout.rstrip()
    return commit + (" (with uncommitted changes in " + ", ".join(
        line[3:] for line in dirty.splitlines()) + ")" if dirty else "")


def cmake_cache(kgbuild):
    """Return the entries of the CMakeCache.txt beside the kgbuild binary, or {}."""
    cache = Path(kgbuild).resolve().parent / "CMakeCache.txt"
    fields = {}
    if cache.exists():
        for line in cache.read_text(encoding="utf-8", errors="replace").splitlines():
            if "=" in line and ":" in line.split("=", 1)[0]:
                key, value = line.split("=", 1)
                fields[key.split(":", 1)[0]] = value
    return fields


def build_type(kgbuild):
    fields = cmake_cache(kgbuild)
    if not fields:
        return "unknown build type"
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


def killed_note(run):
    return (f"not measured: killed at the memory cap after {run.cpu:.2f} s CPU "
            f"({run.wall:.2f} s wall)")


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
    full = run_measured([args.kgbuild, str(posts), "-o", str(output), "-q"], args.cpu, cap_kb,
                        output=output)
    papers_found = 0
    if (output / "graph.nt").exists() and not full.killed:
        with open(output / "graph.nt", encoding="utf-8") as triples:
            papers_found = sum(1 for line in triples if "<http://schema.org/ScholarlyArticle>" in line)

    print(f"run.py: {size} posts: grep reference", flush=True)
    grep_out = folder / "grep-count.txt"
    grep = run_measured(f"LC_ALL=C grep -r -F -o -f {aliases} {posts} | wc -l > {grep_out}",
                        args.cpu, 0, shell=True)
    grep_matches = grep_out.read_text().strip()

    rows += [
        ("full build: time", f"{full.wall:.2f} s wall, {full.cpu:.2f} s CPU (user {full.user:.2f} s, "
         f"sys {full.system:.2f} s); {status_note(full)}"),
        ("full build: throughput", killed_note(full) if full.killed else
         f"{megabytes / full.wall:.2f} MB/s and {size / full.wall:.0f} posts/s wall, "
         f"{megabytes / full.cpu:.2f} MB/s and {size / full.cpu:.0f} posts/s CPU"),
        ("full build: peak RSS", format_rss(full) + " (target: at most 1 GiB at 100,000 posts)"),
        ("papers found (ScholarlyArticle lines in graph.nt)", f"{papers_found:,}"),
        ("grep -F -o -f ALIASES: time", f"{grep.wall:.2f} s wall, {grep.cpu:.2f} s CPU; "
         f"{megabytes / grep.wall:.1f} MB/s wall, {megabytes / grep.cpu:.1f} MB/s CPU; "
         f"{grep_matches} matches; peak RSS {grep.max_rss_kb / 1024:.0f} MiB"),
        ("ratio kgbuild time / grep time", killed_note(full) if full.killed else
         f"{full.wall / grep.wall:.1f} wall, {full.cpu / grep.cpu:.1f} CPU (target: at most 2.0)"),
        ("startup (run on an empty folder)", f"{startup.cpu:.2f} s CPU ({startup.wall:.2f} s wall)"),
    ]

    if full.killed:
        # A candidates run builds the same graph, so it would pass the cap too.
        rows.append(("read + extract + graph, exports", "not measured: the full build passed the memory cap"))
    else:
        print(f"run.py: {size} posts: candidates (no export)", flush=True)
        candidates = run_measured([args.kgbuild, "candidates", str(posts), "--top", "1"], args.cpu, cap_kb)
        rows.append(("read + extract + graph (candidates run minus startup)",
                     f"{candidates.cpu - startup.cpu:.2f} s CPU (candidates run {candidates.cpu:.2f} s CPU, "
                     f"{candidates.wall:.2f} s wall, {status_note(candidates)}, peak RSS {format_rss(candidates)})"))
        # kgbuild starts exporting when it has used about as much CPU as a
        # whole candidates run, and writes the files in EXPORT_FILES order.
        previous = candidates.cpu
        for name in EXPORT_FILES:
            if name in full.cpu_at_file:
                label = "export: triples + graph.nt" if name == "graph.nt" else f"export: {name}"
                rows.append((label, f"{full.cpu_at_file[name] - previous:.2f} s CPU"))
                previous = full.cpu_at_file[name]
        rows.append(("after the last file until exit (freeing memory)", f"{full.cpu - previous:.2f} s CPU"))

    if incremental and not full.killed:
        print(f"run.py: {size} posts: one post added", flush=True)
        shutil.move(str(folder / extra.name), str(extra))
        again = run_measured([args.kgbuild, str(posts), "-o", str(output), "-q"], args.cpu, cap_kb)
        rows.append(("one post added, same output folder: time",
                     f"{again.cpu:.2f} s CPU = {100 * again.cpu / full.cpu:.0f}% of the full build "
                     f"({again.wall:.2f} s wall = {100 * again.wall / full.wall:.0f}%; target: at most 5%; "
                     f"{status_note(again)})"))

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
    parser.add_argument("--commit", help="commit the kgbuild binary was built from (default: HEAD of the "
                        "source folder in its CMakeCache.txt, with uncommitted changes listed)")
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
    load_at_start = load_average()
    header = [
        f"## Run of {started:%Y-%m-%d %H:%M} UTC",
        "",
        f"- machine: {machine_description()}",
        f"- commit: {args.commit or git_commit(cmake_cache(args.kgbuild).get('CMAKE_HOME_DIRECTORY', REPO))}",
        f"- kgbuild: {args.kgbuild} ({build_type(args.kgbuild)})",
        f"- every measured process pinned to CPU {args.cpu} with taskset; generator seed {args.seed}",
        f"- grep: {subprocess.run(['grep', '--version'], capture_output=True, text=True).stdout.splitlines()[0]}, "
        f"LC_ALL=C, {alias_count} names and aliases",
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
    header += [f"- load average (1, 5, 15 min) at the start: {load_at_start}; at the end: {load_average()}. "
               "CPU times are the process's own user + system time, so they change less than wall "
               "times when other processes share the machine.", ""]
    with open(results, "a", encoding="utf-8") as out:
        out.write("\n".join(header) + "\n" + "\n".join(sections) + "\n")
    print(f"run.py: appended the figures to {results}")


if __name__ == "__main__":
    main()

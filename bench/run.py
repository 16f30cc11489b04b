#!/usr/bin/env python3
"""Benchmark kgbuild on synthetic corpora and append the figures to bench/RESULTS.md.

For each corpus size (default 10,000 and 100,000 posts) the script
generates a corpus with gen_corpus.py into a scratch folder and measures,
with kgbuild pinned to one CPU and run with -j 1:

- the full build (`kgbuild POSTS -o OUT --timings`): wall time, MB/s,
  posts/s, peak RSS, and the wall and CPU time of each stage and export
  step as kgbuild's --timings reports them;
- the size of the outputs, and the time `cat` takes to copy them: no writer
  of these files can take less;
- for the incremental size, a second build into the same output folder with
  one post added;
- `grep -F -o -f ALIASES` over the same posts, where ALIASES contains every name
  and alias of the built-in vocabulary, and the ratio kgbuild / grep;
- once, on a smaller corpus (--jobs-size), -j 1 against -j 2 on two CPUs.

Each measured run starts after `sync`, so it does not pay for writing back
the files of the run before it.

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
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


class Run:
    """Outcome of one measured process. Times are in seconds."""

    def __init__(self, wall, user, system, max_rss_kb, status, killed):
        self.wall = wall
        self.user = user
        self.system = system
        self.max_rss_kb = max_rss_kb
        self.status = status
        self.killed = killed

    @property
    def cpu(self):
        return self.user + self.system


def run_measured(command, cpu, memory_cap_kb, shell=False, stderr_path=None):
    """Run a command pinned to `cpu` (a taskset CPU list such as "0" or "0,1"),
    poll its RSS, and return a Run.

    Runs `sync` first. Standard output is discarded; standard error goes to
    `stderr_path` when given, else to the terminal.
    """
    subprocess.run(["sync"], check=False)
    if shell:
        popen_args = ["taskset", "-c", str(cpu), "bash", "-c", command]
    else:
        popen_args = ["taskset", "-c", str(cpu)] + command
    began = time.monotonic()
    stderr = open(stderr_path, "w", encoding="utf-8") if stderr_path else None
    try:
        process = subprocess.Popen(popen_args, stdout=subprocess.DEVNULL, stderr=stderr)
        killed = False
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if memory_cap_kb and current_rss_kb(process.pid) > memory_cap_kb:
                os.kill(process.pid, signal.SIGKILL)
                killed = True
            time.sleep(0.02)
    finally:
        if stderr:
            stderr.close()
    wall = time.monotonic() - began
    process.returncode = os.waitstatus_to_exitcode(status)
    return Run(wall, usage.ru_utime, usage.ru_stime, usage.ru_maxrss, process.returncode, killed)


def read_timings(stderr_path):
    """Return the (stage, wall, cpu) rows of kgbuild's --timings lines."""
    rows = []
    if not Path(stderr_path).exists():
        return rows
    pattern = re.compile(r"^timing: (.+?)\s+([0-9.]+) s wall\s+([0-9.]+) s CPU$")
    for line in Path(stderr_path).read_text(encoding="utf-8", errors="replace").splitlines():
        match = pattern.match(line)
        if match:
            rows.append((match.group(1), float(match.group(2)), float(match.group(3))))
    return rows


def current_rss_kb(pid):
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return 0


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

    # The outputs are about 85 times the corpus (4.7 GB for the 56.8 MB of
    # 10,000 posts). When they cannot fit in the scratch folder, only the
    # graph is built: `candidates` reads, extracts and builds the graph and
    # writes nothing, so its peak RSS is a lower bound for a full build's.
    # 5 GB stay free for the rest of the machine.
    needed = int(corpus_bytes(posts) * args.output_ratio)
    free = shutil.disk_usage(scratch).free
    if needed + 5e9 > free:
        print(f"run.py: {size} posts: graph only (outputs need ~{needed / 1e9:.0f} GB)", flush=True)
        graph_only = run_measured([args.kgbuild, "candidates", str(posts), "--top", "1", "-j", "1"], args.cpu, cap_kb)
        rows += [
            ("full build", f"not run: its outputs need an estimated {needed / 1e9:.0f} GB and the scratch "
             f"folder has {free / 1e9:.0f} GB free"),
            ("read + extract + graph (`kgbuild candidates`, no output): time",
             f"{graph_only.wall:.2f} s wall, {graph_only.cpu:.2f} s CPU; {status_note(graph_only)}"),
            ("read + extract + graph: peak RSS, a lower bound for the full build",
             format_rss(graph_only) + " (target for the full build: at most 1 GiB at 100,000 posts)"),
        ]
        if not args.keep:
            shutil.rmtree(folder)
        return rows

    print(f"run.py: {size} posts: full build", flush=True)
    timings_path = folder / "timings.txt"
    full = run_measured([args.kgbuild, str(posts), "-o", str(output), "-q", "-j", "1", "--timings"], args.cpu, cap_kb,
                        stderr_path=timings_path)
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

    if not full.killed and output.exists():
        # Any writer of these outputs must at least hand their bytes to the
        # kernel; copying them with cat measures that floor.
        outputs = sorted(path for path in output.iterdir() if path.is_file() and path.name != ".kgbuild.lock")
        output_bytes = sum(path.stat().st_size for path in outputs)
        copy = scratch / "copy-of-outputs"
        floor = run_measured(["bash", "-c", 'cat "$@" > ' + str(copy), "cat"] + [str(path) for path in outputs],
                             args.cpu, 0)
        copy.unlink(missing_ok=True)
        rows.append(("outputs: size, and the time to copy them with cat",
                     f"{output_bytes / 1e6:,.0f} MB = {output_bytes / 1e6 / megabytes:.0f}x the corpus; "
                     f"cat {floor.cpu:.2f} s CPU = {floor.cpu / grep.cpu:.1f}x the grep reference"))

    if full.killed:
        rows.append(("stages", "not measured: the full build passed the memory cap"))
    else:
        for stage, wall, cpu in read_timings(timings_path):
            label = f"stage: {stage}" if not stage.startswith("export ") else f"  step: {stage[7:]}"
            rows.append((label, f"{wall:.2f} s wall, {cpu:.2f} s CPU"))

    if incremental and not full.killed:
        print(f"run.py: {size} posts: one post added", flush=True)
        shutil.move(str(folder / extra.name), str(extra))
        again = run_measured([args.kgbuild, str(posts), "-o", str(output), "-q", "-j", "1", "--timings"], args.cpu, cap_kb,
                             stderr_path=folder / "timings-again.txt")
        rows.append(("one post added, same output folder: time",
                     f"{again.cpu:.2f} s CPU = {100 * again.cpu / full.cpu:.0f}% of the full build "
                     f"({again.wall:.2f} s wall = {100 * again.wall / full.wall:.0f}%; target: at most 5%; "
                     f"{status_note(again)})"))
        for stage, wall, cpu in read_timings(folder / "timings-again.txt"):
            if not stage.startswith("export "):
                rows.append((f"one post added: {stage}", f"{wall:.2f} s wall, {cpu:.2f} s CPU"))

    if not args.keep:
        shutil.rmtree(folder)
    return rows


def benchmark_jobs(size, args, scratch):
    """Time -j 1 and -j 2 on two CPUs over one corpus; return (figure, value) rows.

    The pair runs three times, alternating, and the median ratio is the
    figure: on a two-CPU machine the kernel's writeback of the outputs
    competes with -j 2 for the same CPUs, so single pairs vary.
    """
    folder = scratch / f"jobs-{size}"
    if folder.exists():
        shutil.rmtree(folder)
    subprocess.run([sys.executable, str(REPO / "bench" / "gen_corpus.py"), "--posts", str(size),
                    "--out", str(folder), "--seed", str(args.seed)], check=True)
    cpus = f"{args.cpu},{args.second_cpu}"
    rows = [("posts", f"{size:,}")]
    ratios = []
    same = True
    for attempt in range(1, 4):
        runs = {}
        for jobs in (1, 2):
            print(f"run.py: {size} posts: -j {jobs} on CPUs {cpus}, pair {attempt}", flush=True)
            out = folder / f"out-j{jobs}"
            shutil.rmtree(out, ignore_errors=True)
            runs[jobs] = run_measured([args.kgbuild, str(folder / "posts"), "-o", str(out), "-q", "-j", str(jobs)],
                                      cpus, 0)
        same = same and all(
            (folder / "out-j1" / name).read_bytes() == (folder / "out-j2" / name).read_bytes()
            for name in ("graph.nt", "graph.nq", "graph.jsonld", "graph.ttl", "graph.graphml",
                         "graph.comention.graphml", "graph.gexf", "candidates.tsv"))
        ratios.append(runs[1].wall / runs[2].wall)
        rows.append((f"pair {attempt}: -j 1, -j 2 on CPUs {cpus}",
                     f"{runs[1].wall:.2f} s and {runs[2].wall:.2f} s wall ({runs[1].cpu:.2f} s and "
                     f"{runs[2].cpu:.2f} s CPU): {ratios[-1]:.2f}x; {status_note(runs[1])}, {status_note(runs[2])}"))
    if not args.keep:
        shutil.rmtree(folder)
    rows.append(("speed-up, median of the pairs",
                 f"{sorted(ratios)[1]:.2f}x wall (target: at least 1.6); exports "
                 + ("byte-identical in every pair" if same else "DIFFERENT")))
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
    parser.add_argument("--second-cpu", type=int, default=1,
                        help="the other CPU of the -j 2 measurement (default: 1)")
    parser.add_argument("--jobs-size", type=int, default=2000,
                        help="corpus size of the -j 1 / -j 2 measurement, 0 to skip (default: 2000)")
    parser.add_argument("--memory-cap-gb", type=float, default=8.0,
                        help="kill a kgbuild run whose RSS passes this many GiB (default: 8)")
    parser.add_argument("--output-ratio", type=float, default=90.0,
                        help="estimated output bytes per corpus byte, to check free space (default: 90)")
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
    sizes = [int(size) for size in args.sizes.split(",") if size]
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
    if args.jobs_size > 0:
        rows = benchmark_jobs(args.jobs_size, args, scratch)
        table = [f"### -j 2 against -j 1, {args.jobs_size:,} posts", "", "| figure | value |", "|---|---|"]
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

#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""bench/population: load time and peak memory of libcasereview's CSV loader
against Python's csv module and pandas.read_csv, on the same file in the same
run.

    /usr/bin/python3 bench/population-bench.py --bench-exe BUILD/bench/population-bench
        [--rows N] [--data-dir DIR] [--tools LIST] [--repeat 3]

Generates DIR/population-N/{agencies,cases}.csv with bench/generate-population.py
unless they are already there, then measures each tool in its own fresh
process, --repeat times: the load time is the best of the runs (timed inside
the process, around the load alone, after imports), the peak RSS is the
process's whole high-water mark (VmHWM, interpreter and imports included;
the worst of the runs) and the baseline is that mark just before the load.

Tools:
  libcasereview  case_review_population_load_csv() (validates every field,
                 parses dates and money exactly, builds the id index), then the
                 fingerprint, timed separately
  csv            csv.reader into a list of lists of str (no validation)
  csv-typed      csv.reader into a dict id -> tuple with parsed dates, amounts
                 in integer fen and split flags, rejecting duplicate ids: about
                 the work the library does
  pandas         pandas.read_csv(path), default type inference
  pandas-str     pandas.read_csv(path, dtype=str, keep_default_na=False)

Benchmarks print figures; no test asserts a time. Results are recorded by
hand in docs/benchmarks.md.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile

from bench_support import find_bench_exe, machine_description

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(HERE)
GENERATOR = os.path.join(HERE, "generate-population.py")
KIB_IN_MB = 1024 / 1e6  # sizes are in MB of 10^6 bytes, file and memory alike

# Every Python tool reports its own peak RSS (VmHWM, see population-bench.c)
# before and after the load.
PYTHON_PRELUDE = """
import json, resource, sys, time
def peak_rss_kib():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
def report(rows, seconds, baseline):
    print(json.dumps({"rows": rows, "load_seconds": seconds, "peak_rss_kib_before_load": baseline,
                      "peak_rss_kib": peak_rss_kib()}))
path = sys.argv[1]
"""

PYTHON_TOOLS = {
    "csv": """
import csv
baseline = peak_rss_kib()
start = time.perf_counter()
with open(path, newline="", encoding="utf-8") as f:
    rows = list(csv.reader(f))
report(len(rows) - 1, time.perf_counter() - start, baseline)
""",
    "csv-typed": """
import csv, datetime
baseline = peak_rss_kib()
start = time.perf_counter()
kinds = {"penalty", "coercion", "inspection", "licensing", "other"}
fromisoformat = datetime.date.fromisoformat
index = {}
with open(path, newline="", encoding="utf-8") as f:
    reader = csv.reader(f)
    next(reader)
    for case_id, agency, kind, closed_on, amount, flags, title in reader:
        if kind not in kinds:
            sys.exit("unknown kind " + kind)
        if amount:
            yuan, _, cents = amount.partition(".")
            fen = int(yuan) * 100 + int(cents.ljust(2, "0"))
        else:
            fen = None
        if case_id in index:
            sys.exit("duplicate " + case_id)
        index[case_id] = (agency, kind, fromisoformat(closed_on), fen,
                          tuple(flags.split(";")) if flags else (), title)
report(len(index), time.perf_counter() - start, baseline)
""",
    "pandas": """
import pandas
baseline = peak_rss_kib()
start = time.perf_counter()
frame = pandas.read_csv(path)
report(len(frame), time.perf_counter() - start, baseline)
""",
    "pandas-str": """
import pandas
baseline = peak_rss_kib()
start = time.perf_counter()
frame = pandas.read_csv(path, dtype=str, keep_default_na=False)
report(len(frame), time.perf_counter() - start, baseline)
""",
}

ALL_TOOLS = ["libcasereview", "csv", "csv-typed", "pandas", "pandas-str"]
DESCRIPTIONS = {
    "libcasereview": "libcasereview load_csv",
    "csv": "Python csv → lists",
    "csv-typed": "Python csv → typed tuples + index",
    "pandas": "pandas.read_csv",
    "pandas-str": "pandas.read_csv dtype=str",
}


def fail(message):
    sys.exit("population-bench: " + message)


def ensure_data(data_dir, rows, seed):
    """DIR/population-ROWS with a complete generation for these arguments."""
    directory = os.path.join(data_dir, f"population-{rows}")
    stamp_path = os.path.join(directory, "generator.json")
    try:
        with open(stamp_path, encoding="utf-8") as f:
            stamp = json.load(f)
    except (OSError, ValueError):
        stamp = None
    wanted = {"rows": rows}
    if seed is not None:
        wanted["seed"] = seed
    if stamp is None or any(stamp.get(key) != value for key, value in wanted.items() if value is not None):
        command = [sys.executable, GENERATOR, "--rows", str(rows), directory]
        if seed is not None:
            command[2:2] = ["--seed", seed]
        subprocess.run(command, check=True)
        with open(stamp_path, encoding="utf-8") as f:
            stamp = json.load(f)
    return os.path.join(directory, "agencies.csv"), os.path.join(directory, "cases.csv")


def run_measured(command):
    """Runs command in a fresh process; returns its JSON report. The process
    reports its own peak RSS; wait4's ru_maxrss is the fallback (on Linux it
    starts from this driver's own size, which it inherits across exec)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        process = subprocess.Popen(command, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    if process.returncode != 0:
        fail(f"{' '.join(command[:2])}… exited with {process.returncode}:\n{stderr}")
    report = json.loads(stdout.strip().splitlines()[-1])
    report["process_peak_rss_kib"] = report.get("peak_rss_kib") or usage.ru_maxrss
    return report


def measure(tool, bench_exe, agencies, cases, repeat):
    if tool == "libcasereview":
        command = [bench_exe, agencies, cases]
    else:
        command = [sys.executable, "-c", PYTHON_PRELUDE + PYTHON_TOOLS[tool], cases]
    runs = []
    for i in range(repeat):
        runs.append(run_measured(command))
        print(f"  {tool} run {i + 1}: {runs[-1]['load_seconds']:.3f} s, "
              f"{runs[-1]['process_peak_rss_kib'] * KIB_IN_MB:.0f} MB peak", file=sys.stderr, flush=True)
    best = min(runs, key=lambda r: r["load_seconds"])
    return {
        "tool": tool,
        "rows": best["rows"],
        "seconds": best["load_seconds"],
        "peak_rss_mb": max(r["process_peak_rss_kib"] for r in runs) * KIB_IN_MB,
        "baseline_mb": min(r["peak_rss_kib_before_load"] for r in runs) * KIB_IN_MB,
        "fingerprint_seconds": min((r["fingerprint_seconds"] for r in runs if "fingerprint_seconds" in r),
                                   default=None),
        "fingerprint": best.get("fingerprint"),
        "peak_rss_after_load_mb": (max(r["peak_rss_kib_after_load"] for r in runs) * KIB_IN_MB
                                   if "peak_rss_kib_after_load" in best else None),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000, help="rows of the generated file (default 1,000,000)")
    parser.add_argument("--data-dir", default=os.path.join(REPO_ROOT, "build", "bench-data"),
                        help="where generated files live (default build/bench-data)")
    parser.add_argument("--seed", default=None, help="generator seed (default: the generator's)")
    parser.add_argument("--bench-exe", default=None, help="the built bench/population-bench program")
    parser.add_argument("--tools", default=",".join(ALL_TOOLS),
                        help="comma-separated subset of " + ", ".join(ALL_TOOLS))
    parser.add_argument("--repeat", type=int, default=3, help="fresh processes per tool; the best time counts")
    args = parser.parse_args()

    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    unknown = [t for t in tools if t not in ALL_TOOLS]
    if unknown or not tools:
        parser.error(f"unknown tools {unknown}; choose among {', '.join(ALL_TOOLS)}")
    bench_exe = args.bench_exe or find_bench_exe("population-bench")
    if "libcasereview" in tools and (bench_exe is None or not os.access(bench_exe, os.X_OK)):
        parser.error("--bench-exe: build bench/population-bench first (scripts/bench does)")
    if args.repeat < 1 or args.rows < 1:
        parser.error("--rows and --repeat must be at least 1")

    agencies, cases = ensure_data(args.data_dir, args.rows, args.seed)
    size_mb = os.path.getsize(cases) / 1e6
    # Read the file once so that every tool starts from the page cache.
    with open(cases, "rb") as f:
        while f.read(1 << 24):
            pass

    print(f"population-bench: {args.rows:,} rows, {cases} {size_mb:.1f} MB; {machine_description()}",
          file=sys.stderr, flush=True)
    results = [measure(tool, bench_exe, agencies, cases, args.repeat) for tool in tools]

    reference = next((r for r in results if r["tool"] == "pandas"), None) or \
        next((r for r in results if r["tool"] == "pandas-str"), None)
    print()
    print(f"{args.rows:,} rows, cases.csv {size_mb:.1f} MB ({size_mb * 1e6 / args.rows:.0f} bytes a row), "
          f"best of {args.repeat} fresh processes; {machine_description()}")
    if reference is not None:
        print(f"ratio: time divided by {DESCRIPTIONS[reference['tool']]}'s (below 1 is faster)")
    print()
    header = ("tool", "load s", "ratio", "peak RSS MB", "baseline MB", "peak / file", "rows")
    lines = []
    for r in results:
        ratio = f"{r['seconds'] / reference['seconds']:.2f}" if reference else "—"
        lines.append((DESCRIPTIONS[r["tool"]], f"{r['seconds']:.3f}", ratio, f"{r['peak_rss_mb']:.0f}",
                      f"{r['baseline_mb']:.0f}", f"{r['peak_rss_mb'] / size_mb:.2f}",
                      f"{r['rows']:,}" + ("" if r["rows"] == args.rows else " MISMATCH")))
    widths = [max(len(row[i]) for row in [header, *lines]) for i in range(len(header))]
    for row in [header, *lines]:
        print("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths))))

    ours = next((r for r in results if r["tool"] == "libcasereview"), None)
    if ours is not None:
        print()
        print(f"libcasereview: fingerprint {ours['fingerprint_seconds']:.3f} s ({ours['fingerprint']}); "
              f"peak RSS after load {ours['peak_rss_after_load_mb']:.0f} MB, after fingerprint "
              f"{ours['peak_rss_mb']:.0f} MB = {ours['peak_rss_mb'] / size_mb:.2f} × file size")
        if reference is not None:
            verdict = "faster" if ours["seconds"] < reference["seconds"] else "SLOWER"
            print(f"target (issue 3): faster than pandas: {verdict} "
                  f"({ours['seconds']:.3f} s vs {reference['seconds']:.3f} s); "
                  f"peak memory ≤ 2 × file size: "
                  f"{'met' if ours['peak_rss_mb'] <= 2 * size_mb else 'NOT MET'}")
    if any(r["rows"] != args.rows for r in results):
        fail("a tool read a different number of rows")


if __name__ == "__main__":
    main()

#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""bench/sampling: a stratified draw from a large frame with libcasereview,
pandas + numpy and R's sampling package, on the same file in the same run.

    /usr/bin/python3 bench/sampling-bench.py --bench-exe BUILD/bench/sampling-bench
        [--rows 10000000] [--data-dir DIR] [--tools LIST] [--repeat 3] [--draw-repeat 5]

The plan is issue 4's: stratified by agency (32 agencies), 350 files split
proportionally with at least 5 per agency (largest remainders, exactly as
docs/sampling-spec.md section 5 says; every tool computes it itself and the
allocations are checked to agree), 2 reserves per agency. Generates
DIR/population-ROWS/{agencies,cases}.csv with bench/generate-population.py
unless they are already there (the same files bench/population-bench.py uses).

1. End to end, each tool in its own fresh process, --repeat times (best
   time, worst peak RSS, VmHWM of the process):
     libcasereview  case_review_population_load_csv (validates every field),
                    case_review_population_dup_fingerprint,
                    case_review_sampling_plan_draw
     numpy          pandas.read_csv, groupby("agency").indices, the
                    allocation, numpy Generator.choice(replace=False) of
                    allocation + reserves per stratum; no validation, no
                    fingerprint, no canonical order
     r-fread        data.table::fread, table(), the allocation,
                    sampling::strata(method = "srswor")
     r-read.csv     the same with utils::read.csv
2. The draw alone on a population already loaded, best of --draw-repeat in
   one process per tool: libcasereview's draw with the population's
   fingerprint cached and computed afresh; numpy with the groupby indices
   precomputed, with the groupby timed, and with the groupby and a sort of
   each stratum by case id (the canonical order that makes the library's
   draw independent of row order); sampling::strata on a loaded data.frame.
3. Hypergeometric sample-size planning for N = 10^7: seconds per call.

Times are wall-clock seconds measured inside each process around the work
(imports and interpreter start excluded; "process s" is the whole process).
CPU seconds are given too: on a busy machine they move less. Benchmarks
print figures; no test asserts a time. Results are recorded by hand in
docs/benchmarks.md.
"""

import argparse
import hashlib
import importlib.util
import os
import subprocess
import sys

from bench_support import find_bench_exe, loadavg, machine_description, run_measured, table

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(HERE)
R_SCRIPT = os.path.join(HERE, "sampling-bench.R")
KIB_IN_MB = 1024 / 1e6  # sizes are in MB of 10^6 bytes, as in bench/population-bench.py


def load_population_bench():
    """bench/population-bench.py, for its data generation and machine line."""
    spec = importlib.util.spec_from_file_location("population_bench", os.path.join(HERE, "population-bench.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


population_bench = load_population_bench()

# The Python side: the allocation of docs/sampling-spec.md section 5, in
# integers, then numpy. Every tool reports its own peak RSS (VmHWM).
PYTHON_PRELUDE = r'''
import json, resource, sys, time
import numpy
import pandas

def peak_rss_kib():
    try:
        with open("/proc/self/status") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

def apportion(sizes, n, minimum):
    """sizes: {key: N} -> {key: n_h}; proportional weights, bounds
    [min(minimum, N), N], largest remainders, ties to the larger stratum then
    the smaller key (keys compared as UTF-8 bytes, which str order is)."""
    keys = sorted(sizes)
    low = {k: min(minimum, sizes[k]) for k in keys}
    high = dict(sizes)
    result, fixed = {}, set()
    while True:
        R = n - sum(result[k] for k in fixed)
        W = sum(sizes[k] for k in keys if k not in fixed)
        free = [k for k in keys if k not in fixed]
        if W == 0:
            for k in free:
                result[k] = low[k]
            return result
        below = [k for k in free if R * sizes[k] < low[k] * W]
        if below:
            for k in below:
                result[k] = low[k]
            fixed.update(below)
            continue
        above = [k for k in free if R * sizes[k] > high[k] * W]
        if above:
            for k in above:
                result[k] = high[k]
            fixed.update(above)
            continue
        remainders = {}
        for k in free:
            result[k], remainders[k] = divmod(R * sizes[k], W)
        missing = R - sum(result[k] for k in free)
        for k in sorted(free, key=lambda k: (-remainders[k], -sizes[k], k.encode()))[:missing]:
            result[k] += 1
        return result

def draw(groups, rng, n, minimum, reserves, ids=None):
    """groups: {key: positions}; allocation + reserves per stratum with
    Generator.choice (the first n_h primary, the rest reserves). With ids,
    each stratum is first put in case id order (the library's canonical
    order, which makes the draw independent of row order)."""
    allocation = apportion({k: len(v) for k, v in groups.items()}, n, minimum)
    picks = {}
    for key in sorted(groups):
        positions = groups[key]
        if ids is not None:
            positions = positions[numpy.argsort(ids[positions], kind="stable")]
        if allocation[key] >= len(positions):
            picks[key] = positions
        else:
            picks[key] = rng.choice(positions, size=min(allocation[key] + reserves, len(positions)),
                                    replace=False)
    return allocation, picks

path, n, minimum, reserves, seed, repeat = (sys.argv[1], int(sys.argv[2]), int(sys.argv[3]),
                                            int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6]))

def counts(allocation, picks):
    drawn = sum(len(p) for p in picks.values())
    return drawn, sum(min(allocation[k], len(picks[k])) for k in picks)
'''

PYTHON_END_TO_END = PYTHON_PRELUDE + r'''
baseline = peak_rss_kib()
cpu0 = time.process_time()
t0 = time.perf_counter()
frame = pandas.read_csv(path)
t1 = time.perf_counter()
groups = frame.groupby("agency", sort=True).indices
t2 = time.perf_counter()
allocation, picks = draw(groups, numpy.random.default_rng(seed), n, minimum, reserves)
t3 = time.perf_counter()
cpu = time.process_time() - cpu0
drawn, primary = counts(allocation, picks)
print(json.dumps({"tool": f"pandas {pandas.__version__} + numpy {numpy.__version__}", "rows": len(frame),
                  "load_seconds": t1 - t0, "group_seconds": t2 - t1, "draw_seconds": t3 - t2,
                  "total_seconds": t3 - t0, "total_cpu_seconds": cpu,
                  "peak_rss_kib_before_load": baseline, "peak_rss_kib": peak_rss_kib(),
                  "n_drawn": drawn, "n_primary": primary, "allocation": allocation}))
'''

PYTHON_DRAW = PYTHON_PRELUDE + r'''
import statistics
t0 = time.perf_counter()
frame = pandas.read_csv(path)
load_seconds = time.perf_counter() - t0
ids = frame["case_id"].to_numpy()
rng = numpy.random.default_rng(seed)
groups = frame.groupby("agency", sort=True).indices

def timed(work):
    walls, cpus = [], []
    for _ in range(repeat):
        c = time.process_time()
        t = time.perf_counter()
        result = work()
        walls.append(time.perf_counter() - t)
        cpus.append(time.process_time() - c)
    return {"best": min(walls), "median": statistics.median(walls), "best_cpu": min(cpus),
            "n_drawn": counts(*result)[0]}, result

precomputed, (allocation, _) = timed(lambda: draw(groups, rng, n, minimum, reserves))
with_groupby, _ = timed(lambda: draw(frame.groupby("agency", sort=True).indices, rng, n, minimum, reserves))
canonical, _ = timed(lambda: draw(frame.groupby("agency", sort=True).indices, rng, n, minimum, reserves, ids))
print(json.dumps({"tool": f"pandas {pandas.__version__} + numpy {numpy.__version__}", "rows": len(frame),
                  "load_seconds": load_seconds, "repeat": repeat, "precomputed": precomputed,
                  "groupby": with_groupby, "groupby_sorted": canonical, "peak_rss_kib": peak_rss_kib(),
                  "allocation": allocation}))
'''

ALL_TOOLS = ["libcasereview", "numpy", "r-fread", "r-read.csv"]
DESCRIPTIONS = {
    "libcasereview": "libcasereview load_csv + fingerprint + draw",
    "numpy": "pandas.read_csv + groupby + numpy choice",
    "r-fread": "R data.table::fread + sampling::strata",
    "r-read.csv": "R read.csv + sampling::strata",
}


def fail(message):
    sys.exit("sampling-bench: " + message)


def numeric_seed(seed):
    """numpy and R take integers: the first 31 bits of SHA-256 (seed)."""
    return int.from_bytes(hashlib.sha256(seed.encode()).digest()[:4], "big") >> 1


def tool_command(tool, mode, args, agencies, cases):
    seed = numeric_seed(args.seed)
    repeat = args.draw_repeat if mode == "draw" else 1
    if tool == "libcasereview":
        return [args.bench_exe, mode, "--seed", args.seed, "--sample-size", str(args.sample_size),
                "--min-per-stratum", str(args.min_per_stratum), "--reserves", str(args.reserves),
                "--repeat", str(repeat), agencies, cases]
    if tool == "numpy":
        script = PYTHON_END_TO_END if mode == "end-to-end" else PYTHON_DRAW
        return [sys.executable, "-c", script, cases, str(args.sample_size), str(args.min_per_stratum),
                str(args.reserves), str(seed), str(repeat)]
    reader = tool.split("-", 1)[1]
    if mode == "draw":
        repeat = args.r_draw_repeat
    return ["Rscript", "--vanilla", R_SCRIPT, mode, reader, cases, str(args.sample_size),
            str(args.min_per_stratum), str(args.reserves), str(seed), str(repeat)]


def end_to_end(tool, args, agencies, cases):
    runs = []
    for i in range(args.repeat):
        runs.append(run_measured(tool_command(tool, "end-to-end", args, agencies, cases), fail))
        r = runs[-1]
        print(f"  end to end, {tool} run {i + 1}: {r['total_seconds']:.2f} s in process, "
              f"{r['process_seconds']:.2f} s process, {r['peak_rss_kib'] * KIB_IN_MB:.0f} MB peak",
              file=sys.stderr, flush=True)
    best = dict(min(runs, key=lambda r: r["total_seconds"]))
    best["peak_rss_kib"] = max(r["peak_rss_kib"] for r in runs)
    best["process_seconds"] = min(r["process_seconds"] for r in runs)
    best["process_cpu_seconds"] = min(r["process_cpu_seconds"] for r in runs)
    best["total_cpu_seconds"] = min(r["total_cpu_seconds"] for r in runs)
    best["key"] = tool
    return best


def draw_alone(tool, args, agencies, cases):
    report = run_measured(tool_command(tool, "draw", args, agencies, cases), fail)
    report["key"] = tool
    print(f"  draw alone, {tool}: done in {report['process_seconds']:.1f} s", file=sys.stderr, flush=True)
    return report


def secs(x):
    """Seconds with three significant digits (small draws stay readable)."""
    return f"{x:.3g}" if x < 100 else f"{x:.0f}"


def check_allocations(reports, what):
    """Every tool's allocation must be the library's."""
    reference = next((r for r in reports if r["key"] == "libcasereview"), None)
    others = [r for r in reports if r is not reference and "allocation" in r]
    if reference is None or not others:
        return
    for r in others:
        if r["allocation"] != reference["allocation"]:
            fail(f"{what}: {r['key']}'s allocation differs from libcasereview's:\n"
                 f"  {r['allocation']}\n  {reference['allocation']}")
    print(f"allocations ({what}): every tool allocates exactly as libcasereview "
          f"({sum(reference['allocation'].values())} over {len(reference['allocation'])} strata)")


def print_end_to_end(results, rows):
    reference = next((r for r in results if r["key"] == "numpy"), None)
    print()
    print(f"1. End to end, {rows:,} rows, best of the fresh processes (peak RSS: the worst); "
          "ratio = total ÷ pandas + numpy's (below 1 is faster)")
    print()
    header = ("tool", "read s", "fingerprint s", "group s", "draw s", "total s", "ratio", "CPU s",
              "process s", "peak RSS MB", "drawn")
    lines = []
    for r in results:
        ratio = f"{r['total_seconds'] / reference['total_seconds']:.2f}" if reference else "—"
        fingerprint = secs(r["fingerprint_seconds"]) if "fingerprint_seconds" in r else "—"
        group = (secs(r["group_seconds"]) if "group_seconds" in r else
                 secs(r["allocate_seconds"]) if "allocate_seconds" in r else "—")
        drawn = r.get("n_drawn", r.get("n_primary", 0) + r.get("n_reserves", 0))
        lines.append((DESCRIPTIONS[r["key"]], secs(r["load_seconds"]), fingerprint, group,
                      secs(r["draw_seconds"]), secs(r["total_seconds"]), ratio,
                      secs(r["total_cpu_seconds"]), secs(r["process_seconds"]),
                      f"{r['peak_rss_kib'] * KIB_IN_MB:.0f}", f"{drawn}"))
    table(header, lines)
    print("(read: libcasereview's load validates every field and builds the id index; group: pandas's "
          "groupby indices, R's table() and allocation; R's draw is sampling::strata)")
    ours = next((r for r in results if r["key"] == "libcasereview"), None)
    if ours is not None and reference is not None:
        verdict = "met" if ours["total_seconds"] < reference["total_seconds"] else "NOT MET"
        print(f"target (issue 4): end to end faster than pandas.read_csv + numpy: {verdict} "
              f"({ours['total_seconds']:.2f} s vs {reference['total_seconds']:.2f} s, "
              f"{reference['total_seconds'] / ours['total_seconds']:.2f}× ; CPU {ours['total_cpu_seconds']:.2f} s "
              f"vs {reference['total_cpu_seconds']:.2f} s)")


def print_draw(results, rows):
    ours = next((r for r in results if r["key"] == "libcasereview"), None)
    numpy_report = next((r for r in results if r["key"] == "numpy"), None)
    print()
    print(f"2. The draw alone on a loaded population, {rows:,} rows: best and median of the repetitions; "
          "ratio = that time ÷ libcasereview's draw with the fingerprint cached (above 1: libcasereview faster)")
    print()
    header = ("what", "reps", "best s", "median s", "best CPU s", "ratio", "drawn")
    reference = ours["draw_cached_fingerprint_best"] if ours else None
    lines = []

    def line(name, reps, best, med, cpu, drawn):
        ratio = f"{best / reference:.3g}" if reference else "—"
        lines.append((name, str(reps), secs(best), secs(med) if med is not None else "—",
                      secs(cpu) if cpu is not None else "—", ratio, str(drawn)))

    if ours:
        drawn = ours["n_primary"] + ours["n_reserves"]
        line("libcasereview draw, fingerprint cached", ours["repeat"], ours["draw_cached_fingerprint_best"],
             ours["draw_cached_fingerprint_median"], ours["draw_cached_fingerprint_best_cpu"], drawn)
        line("libcasereview draw, computing the fingerprint", ours["repeat"], ours["draw_with_fingerprint_best"],
             ours["draw_with_fingerprint_median"], ours["draw_with_fingerprint_best_cpu"], drawn)
        line("libcasereview first draw after the load", 1, ours["first_draw_seconds"], None, None, drawn)
        line("libcasereview fingerprint alone", ours["repeat"], ours["fingerprint_best"], ours["fingerprint_median"],
             None, 0)
    if numpy_report:
        for key, name in (("precomputed", "numpy choice, groupby indices precomputed"),
                          ("groupby", "numpy choice incl. groupby(\"agency\").indices"),
                          ("groupby_sorted", "numpy choice incl. groupby + sort by case id")):
            r = numpy_report[key]
            line(name, numpy_report["repeat"], r["best"], r["median"], r["best_cpu"], r["n_drawn"])
    for r in results:
        if r["key"].startswith("r-"):
            line(f"R sampling::strata on a data.frame ({r['key'][2:]})", r["repeat"], r["draw_best"],
                 r["draw_median"], r["draw_best_cpu"], r["n_drawn"])
    table(header, lines)
    if ours and not ours["consistent"]:
        fail("libcasereview's repeated draws differ")
    if ours and numpy_report:
        for key, name in (("groupby", "numpy incl. groupby"), ("precomputed", "numpy, groups precomputed")):
            speedup = numpy_report[key]["best"] / ours["draw_cached_fingerprint_best"]
            speedup_fp = numpy_report[key]["best"] / ours["draw_with_fingerprint_best"]
            print(f"target (issue 4): draw alone ≥ 5× faster than {name}: "
                  f"{'met' if speedup >= 5 else 'NOT MET'} ({speedup:.3g}× with the fingerprint cached, "
                  f"{speedup_fp:.3g}× computing it)")


def print_plan(report):
    print()
    print(f"3. Hypergeometric planning (confidence 0.95, tolerable 5%, expected 1%, N = "
          f"{report['population_size']:,}): n = {report['sample_size']}, "
          f"{report['allowed_deviations']} deviation(s) allowed; "
          f"{report['seconds_per_call'] * 1e3:.4f} ms per call (best of 5 rounds of ≥ 20 ms), "
          f"first call {report['first_call_seconds'] * 1e3:.4f} ms; target < 10 ms: "
          f"{'met' if report['seconds_per_call'] < 0.010 else 'NOT MET'}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000_000, help="rows of the frame (default 10,000,000)")
    parser.add_argument("--data-dir", default=os.path.join(REPO_ROOT, "build", "bench-data"),
                        help="where generated files live (default build/bench-data)")
    parser.add_argument("--bench-exe", default=None, help="the built bench/sampling-bench program")
    parser.add_argument("--tools", default="libcasereview,numpy,r-fread",
                        help="comma-separated subset of " + ", ".join(ALL_TOOLS) +
                             " (default: all but r-read.csv, which takes minutes on 10^7 rows; r-read.csv "
                             "replaces r-fread when r-cran-data.table is missing)")
    parser.add_argument("--repeat", type=int, default=3, help="fresh end-to-end processes per tool (default 3)")
    parser.add_argument("--draw-repeat", type=int, default=5, help="draws per tool on a loaded population (default 5)")
    parser.add_argument("--r-draw-repeat", type=int, default=3, help="draws with sampling::strata (default 3)")
    parser.add_argument("--seed", default="libcasereview bench/sampling v1", help="seed string of the plan")
    parser.add_argument("--sample-size", type=int, default=350)
    parser.add_argument("--min-per-stratum", type=int, default=5)
    parser.add_argument("--reserves", type=int, default=2)
    parser.add_argument("--skip", default="", help="comma-separated parts to skip: end-to-end, draw, plan")
    args = parser.parse_args()

    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    unknown = [t for t in tools if t not in ALL_TOOLS]
    if unknown or not tools:
        parser.error(f"unknown tools {unknown}; choose among {', '.join(ALL_TOOLS)}")
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    if skip - {"end-to-end", "draw", "plan"}:
        parser.error("--skip: choose among end-to-end, draw, plan")
    args.bench_exe = args.bench_exe or find_bench_exe("sampling-bench")
    if ("libcasereview" in tools or "plan" not in skip) and \
            (args.bench_exe is None or not os.access(args.bench_exe, os.X_OK)):
        parser.error("--bench-exe: build bench/sampling-bench first (scripts/bench does)")
    if min(args.repeat, args.draw_repeat, args.r_draw_repeat, args.rows, args.sample_size) < 1:
        parser.error("--rows, --sample-size and the repeats must be at least 1")
    if any(t.startswith("r-") for t in tools):
        probe = subprocess.run(["Rscript", "--vanilla", "-e",
                                "library(sampling); if (!requireNamespace('data.table', quietly = TRUE)) "
                                "cat('no-data.table')"], capture_output=True, text=True)
        if probe.returncode != 0:
            fail("R with the sampling package is needed for the r- tools (Debian r-base-core, r-cran-sampling)")
        if "no-data.table" in probe.stdout and "r-fread" in tools:
            tools.remove("r-fread")
            if "r-read.csv" not in tools:
                tools.append("r-read.csv")
            print("sampling-bench: r-cran-data.table is not installed: R reads with read.csv instead of fread",
                  file=sys.stderr)

    agencies, cases = population_bench.ensure_data(args.data_dir, args.rows, None)
    size_mb = os.path.getsize(cases) / 1e6
    with open(cases, "rb") as f:   # every tool starts from the page cache
        while f.read(1 << 24):
            pass
    machine = machine_description()
    print(f"sampling-bench: {args.rows:,} rows, {cases} {size_mb:.1f} MB; {machine}; load average {loadavg()}",
          file=sys.stderr, flush=True)

    e2e = [end_to_end(tool, args, agencies, cases) for tool in tools] if "end-to-end" not in skip else []
    draws = [draw_alone(tool, args, agencies, cases) for tool in tools] if "draw" not in skip else []
    plan = run_measured([args.bench_exe, "plan", "--population-size", "10000000"], fail) if "plan" not in skip else None

    print()
    print(f"bench/sampling: {args.rows:,} rows (cases.csv {size_mb:.1f} MB), 32 agencies as strata, "
          f"{args.sample_size} files proportionally with ≥ {args.min_per_stratum} per agency and "
          f"{args.reserves} reserves per agency; seed {args.seed!r}")
    print(f"{machine}; load average at the end {loadavg()}")
    for reports, what in ((e2e, "end to end"), (draws, "draw alone")):
        for r in reports:
            if r["rows"] != args.rows:
                fail(f"{what}: {r['key']} read {r['rows']} rows, not {args.rows}")
        check_allocations(reports, what)
    if e2e:
        print_end_to_end(e2e, args.rows)
    if draws:
        print_draw(draws, args.rows)
    if plan:
        print_plan(plan)
    ours = next((r for r in e2e if r["key"] == "libcasereview"), None)
    if ours:
        print()
        print(f"libcasereview: fingerprint {ours['fingerprint']}, sample digest {ours['sample_digest']}")


if __name__ == "__main__":
    main()

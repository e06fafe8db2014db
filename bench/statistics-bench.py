#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""bench/statistics: planning and bound timings of libcasereview against what
a user would otherwise write with SciPy, in the same run.

    /usr/bin/python3 bench/statistics-bench.py --bench-exe BUILD/bench/statistics-bench

Runs statistics-bench --json and prints its figures. If SciPy is importable
(Debian: python3-scipy), it also times the usual SciPy recipes on the same
inputs and compares the answers:

  planning   the linear scan n = 1, 2, ... with k = ceil(n * expected) in
             doubles and scipy.stats.{hypergeom,binom}.cdf(k, ...) < 0.05
             (the recipe of jfa and most textbooks)
  intervals  scipy.stats.beta.ppf (Clopper-Pearson) and the largest K with
             hypergeom.cdf(k, N, K, n) > alpha/2 by bisection

Benchmarks print figures; no test asserts a time. Results are recorded by
hand in docs/benchmarks.md.
"""

import argparse
import importlib.util
import json
import math
import subprocess
import sys
import time


def best_of(function, rounds=5, minimum=0.02):
    """Seconds per call: best of `rounds` rounds of at least `minimum` s."""
    best = math.inf
    for _ in range(rounds):
        calls = 0
        start = time.perf_counter()
        while True:
            function()
            calls += 1
            elapsed = time.perf_counter() - start
            if elapsed >= minimum:
                break
        best = min(best, elapsed / calls)
    return best


def print_ours(figures):
    print("libcasereview (statistics-bench):")
    for case in figures["hypergeometric_plans"]:
        print("  hypergeometric plan N = %-10d tolerable %-5g expected %-6g -> n = %-5d k = %-3d %9.2f µs"
              % (case["population"], case["tolerable"], case["expected"], case["n"], case["k"],
                 case["seconds"] * 1e6))
    table = figures["aicpa_table"]
    print("  binomial plans, all %d cells of AICPA Table A-1: %.3f ms" % (table["cells"], table["seconds"] * 1e3))
    for case in figures["intervals"]:
        print("  %-14s interval n = %-9d k = %-7d [%.10f, %.10f] %9.2f µs"
              % (case["model"], case["n"], case["k"], case["lower"], case["upper"], case["seconds"] * 1e6))


def compare_with_scipy(figures, table_path):
    from scipy import stats  # noqa: PLC0415 (optional dependency)
    import scipy  # noqa: PLC0415

    print("SciPy %s, same inputs:" % scipy.__version__)

    def scan_plan(cdf, expected):
        n = 1
        while True:
            k = math.ceil(n * expected)  # in doubles, as the recipe does
            if cdf(k, n) < 0.05:
                return n, k
            n += 1

    for case in figures["hypergeometric_plans"]:
        N, t, e = case["population"], case["tolerable"], case["expected"]
        K = math.ceil(N * t)
        answer = scan_plan(lambda k, n: stats.hypergeom.cdf(k, N, K, n), e)
        seconds = best_of(lambda: scan_plan(lambda k, n: stats.hypergeom.cdf(k, N, K, n), e), rounds=3)
        agree = "same" if answer == (case["n"], case["k"]) else "DIFFERENT (n = %d, k = %d)" % answer
        print("  hypergeometric scan N = %-10d tolerable %-5g expected %-6g %12.2f µs  %7.0fx  %s"
              % (N, t, e, seconds * 1e6, seconds / case["seconds"], agree))

    cells = []
    with open(table_path, newline="") as f:
        next(f)
        for line in f:
            fields = line.strip().split(",")
            if len(fields) >= 4:
                cells.append((float(fields[1]), float(fields[2]), int(fields[3])))

    def plan_table():
        return [scan_plan(lambda k, n: stats.binom.cdf(k, n, t), e)[0] for t, e, _ in cells]

    seconds = best_of(plan_table, rounds=1, minimum=0)
    wrong = sum(1 for (_, _, size), n in zip(cells, plan_table()) if n != size)
    table = figures["aicpa_table"]
    print("  binomial scan, all %d cells of AICPA Table A-1: %.1f ms  %.0fx  %d cells differ from the table"
          % (len(cells), seconds * 1e3, seconds / table["seconds"], wrong))

    for case in figures["intervals"]:
        n, k = case["n"], case["k"]
        if case["model"] == "binomial":
            def interval():
                lower = stats.beta.ppf(0.025, k, n - k + 1) if k > 0 else 0.0
                upper = stats.beta.ppf(0.975, k + 1, n - k) if k < n else 1.0
                return lower, upper
        else:
            N = case["population"]

            def interval():
                lo, hi = k, N - n + k
                while lo < hi:
                    mid = (lo + hi + 1) // 2
                    if stats.hypergeom.cdf(k, N, mid, n) > 0.025:
                        lo = mid
                    else:
                        hi = mid - 1
                return math.nan, lo / N
        lower, upper = interval()
        seconds = best_of(interval)
        difference = abs(upper - case["upper"]) / case["upper"]
        if not math.isnan(lower) and case["lower"] > 0:
            difference = max(difference, abs(lower - case["lower"]) / case["lower"])
        print("  %-14s interval n = %-9d k = %-7d %12.2f µs  %7.1fx  relative difference %.1e"
              % (case["model"], n, k, seconds * 1e6, seconds / case["seconds"], difference))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench-exe", required=True)
    parser.add_argument("--table", default="tests/data/aicpa-table-a1-sample-sizes-5pct-risk.csv")
    args = parser.parse_args()

    output = subprocess.run([args.bench_exe, "--json", args.table], check=True, capture_output=True, text=True)
    figures = json.loads(output.stdout)
    print_ours(figures)

    if importlib.util.find_spec("scipy") is None:
        print("SciPy is not installed (Debian: python3-scipy): libcasereview's figures only.")
        return 0
    compare_with_scipy(figures, args.table)
    return 0


if __name__ == "__main__":
    sys.exit(main())

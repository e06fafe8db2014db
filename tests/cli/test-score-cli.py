#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""casereview score from the outside: the demo's sheets ranked, the ranking
rule and the agencies' means recomputed from the results JSON, and exit
statuses. Usage: test-score-cli.py CASEREVIEW DEMO-DIR"""

import json
import os
import subprocess
import sys
import tempfile

tool, demo = sys.argv[1], sys.argv[2]
failures = 0


def check(condition, what):
    global failures
    if not condition:
        failures += 1
        print("FAIL:", what)


def run(*args):
    return subprocess.run([tool, *args], capture_output=True, text=True)


with tempfile.TemporaryDirectory() as tmp:
    manifest = os.path.join(tmp, "sample.json")
    frame = ["--agencies", os.path.join(demo, "agencies.csv"), "--cases", os.path.join(demo, "cases.csv")]
    check(run("sample", "--plan", os.path.join(demo, "plan.json"), *frame, "-o", manifest).returncode == 0, "sample")

    results_path = os.path.join(tmp, "results.json")
    base = ["score", "--default-rubric", "--manifest", manifest, *frame]
    result = run(*base, "--sheets", os.path.join(demo, "score-sheets.csv"), "-o", results_path)
    check(result.returncode == 0, "score: " + result.stderr)
    check("LH" in result.stdout and "名次" in result.stdout, "ranking table printed")

    results = json.load(open(results_path, encoding="utf-8"))
    agencies, cases = results["agencies"], results["cases"]
    check(len(agencies) == 32, "32 agencies")
    check([a["rank"] for a in agencies] == list(range(1, 33)), "ranks 1..32 in order")
    # Ranked by mean, descending (ties broken by total, failures, id).
    check(all(a["mean"] >= b["mean"] for a, b in zip(agencies, agencies[1:])), "means descending")
    # Each agency's mean is the half-up mean of its files' scores in hundredths.
    for agency in agencies:
        scores = [round(c["score"] * 100) for c in cases if c["agency"] == agency["agency"]]
        expected = (2 * sum(scores) + len(scores)) // (2 * len(scores))
        check(round(agency["mean"] * 100) == expected, "mean of %s" % agency["agency"])
        check(agency["fail_count"] == sum(1 for c in cases if c["agency"] == agency["agency"] and c["grade"] == "fail"),
              "failures of %s" % agency["agency"])
    check(all(c["score"] == 0 for c in cases if c["vetoes"]), "vetoed files score 0")

    bad = os.path.join(tmp, "sheets.csv")
    open(bad, "w", encoding="utf-8").write("case_id,reviewer,entry,code\n不存在的案卷,R01,none,\n")
    result = run(*base, "--sheets", bad)
    check(result.returncode == 2 and "sheets.csv:2:1:" in result.stderr, "unknown case: " + result.stderr)
    check(run(*base).returncode == 1, "missing --sheets is a usage error")
    check(run("score", "--manifest", manifest).returncode == 1, "no rubric is a usage error")

print("%d failure(s)" % failures if failures else "test-score-cli: all checks passed")
sys.exit(1 if failures else 0)

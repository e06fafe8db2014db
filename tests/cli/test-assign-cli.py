#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""casereview assign from the outside: recusal checked against the CSV files
with Python's csv module, balance, reproducibility, verification of a
tampered manifest, and exit statuses. Usage: test-assign-cli.py CASEREVIEW DEMO-DIR"""

import csv
import json
import os
import tempfile

from cli_check import CliCheck

cli = CliCheck("test-assign-cli")
tool, demo, check, run = cli.tool, cli.demo, cli.check, cli.run


with tempfile.TemporaryDirectory() as tmp:
    sample = os.path.join(tmp, "sample.json")
    result = run("sample", "--plan", os.path.join(demo, "plan.json"), "--agencies", os.path.join(demo, "agencies.csv"),
                 "--cases", os.path.join(demo, "cases.csv"), "-o", sample)
    check(result.returncode == 0, "sample: " + result.stderr)

    reviewers = {row["id"]: row for row in csv.DictReader(open(os.path.join(demo, "reviewers.csv"), encoding="utf-8"))}
    base = ["assign", "--manifest", sample, "--reviewers", os.path.join(demo, "reviewers.csv")]

    out = os.path.join(tmp, "assignment.json")
    result = run(*base, "--avoid-region", "-o", out, "--json")
    check(result.returncode == 0, "assign: " + result.stderr)
    loads = json.loads(result.stdout)["loads"]
    check(sum(loads.values()) == 700, "700 reviews")
    check(max(loads.values()) - min(loads.values()) <= 1, "balanced loads %s" % loads)

    manifest = json.load(open(out, encoding="utf-8"))
    regions = {}
    for r in reviewers.values():
        if r["agency"] and r["region"]:
            regions.setdefault(r["agency"], r["region"])
    for task in manifest["tasks"]:
        r = reviewers[task["reviewer"]]
        check(r["agency"] != task["agency"], "recusal: %s on %s" % (task["reviewer"], task["agency"]))
        check(task["agency"] not in r["conflicts"].split(";"), "conflict: %s" % task["reviewer"])
        check(regions.get(task["agency"]) != r["region"], "region: %s on %s" % (task["reviewer"], task["agency"]))

    again = os.path.join(tmp, "again.json")
    run(*base, "--avoid-region", "-o", again)
    check(open(again, encoding="utf-8").read() == open(out, encoding="utf-8").read(), "same seed, same manifest")

    result = run(*base, "--verify", out)
    check(result.returncode == 0, "verify: %d %s" % (result.returncode, result.stdout + result.stderr))
    manifest["tasks"][0]["reviewer"] = "R40" if manifest["tasks"][0]["reviewer"] != "R40" else "R39"
    forged = os.path.join(tmp, "forged.json")
    json.dump(manifest, open(forged, "w", encoding="utf-8"), ensure_ascii=False)
    result = run(*base, "--verify", forged)
    check(result.returncode == 3 and manifest["tasks"][0]["case_id"] in result.stdout,
          "forged manifest: %d %s" % (result.returncode, result.stdout))

    tiny = os.path.join(tmp, "tiny.csv")
    open(tiny, "w", encoding="utf-8").write("id,name,agency\nA,甲,LH13\nB,乙,\n")
    result = run("assign", "--manifest", sample, "--reviewers", tiny, "-o", os.path.join(tmp, "x.json"))
    check(result.returncode == 2 and "remain eligible" in result.stderr, "infeasible pool: " + result.stderr)

    bad = os.path.join(tmp, "bad.csv")
    open(bad, "w", encoding="utf-8").write("id,name\nA,甲\nA,乙\n")
    result = run("assign", "--manifest", sample, "--reviewers", bad, "-o", os.path.join(tmp, "x.json"))
    check(result.returncode == 2 and "bad.csv:3:1:" in result.stderr, "duplicate reviewer: " + result.stderr)

    check(run("assign", "--manifest", sample).returncode == 1, "missing --reviewers is a usage error")
    check(run(*base, "-o", out, "--require-qualification").returncode == 1, "qualification without the frame")

cli.finish()

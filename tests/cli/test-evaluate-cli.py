#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""casereview evaluate from the outside: the two Luohu demos ranked and
flagged, the results JSON and CSV checked against an independent
recomputation with Python's integers from the CSV files, and exit statuses
for invalid inputs (2, with located messages) and usage errors (1).
Usage: test-evaluate-cli.py CASEREVIEW DEMO-DIR"""

import csv
import json
import os
import tempfile

from cli_check import CliCheck

cli = CliCheck("test-evaluate-cli")
tool, demo, check, run = cli.tool, cli.demo, cli.check, cli.run


def hundredths(text):
    whole, _, frac = text.partition(".")
    return int(whole) * 100 + int((frac + "00")[:2])


def round_half_up(numerator, denominator):
    return (2 * numerator + denominator) // (2 * denominator)


def recompute(definition, scores_path):
    """The documented arithmetic, written again from docs/composite-evaluations.md."""
    components = definition["components"]
    values = {}
    names = {}
    with open(scores_path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    for subject, name, component, value, _ in rows[1:]:
        names[subject] = name
        values.setdefault(subject, {}).setdefault(component, []).append(value)
    most = {c["id"]: max(int(values[s][c["id"]][0]) for s in values)
            for c in components if c["rule"] == "vote-share"}
    totals = {}
    for subject, by_component in values.items():
        scores = []
        for c in components:
            raw = by_component[c["id"]]
            if c["rule"] == "vote-share":
                scores.append(round_half_up(10000 * int(raw[0]), most[c["id"]]))
                continue
            raw = sorted(hundredths(v) for v in raw)
            if c["rule"] == "trimmed-mean" and len(raw) >= c.get("trim_from", 5):
                raw = raw[1:-1]
            scores.append(round_half_up(sum(raw), len(raw)))
        weights = [hundredths(c["weight"]) * 10000 for c in components]   # millionths (weights here have ≤ 2 decimals)
        totals[subject] = (round_half_up(sum(w * s for w, s in zip(weights, scores)), 1000000), scores[0])
    order = sorted(totals, key=lambda s: (-totals[s][0], -totals[s][1], s.encode()))
    return order, totals


with tempfile.TemporaryDirectory() as tmp:
    for name, n, bottom_n, n_below in (("legal-aid", 70, 10, 2), ("legal-education", 32, 3, 4)):
        definition_path = os.path.join(demo, name + "-definition.json")
        scores_path = os.path.join(demo, name + "-scores.csv")
        out_json = os.path.join(tmp, name + ".json")
        out_csv = os.path.join(tmp, name + ".csv")
        result = run("evaluate", "--definition", definition_path, "--scores", scores_path, "-o", out_json,
                     "--csv", out_csv)
        check(result.returncode == 0, "%s: %d %s" % (name, result.returncode, result.stderr))
        check("%d flagged as bottom %d" % (bottom_n, bottom_n) in result.stdout, name + " summary: " + result.stdout[-200:])
        check(result.stdout.count("末位 bottom") == bottom_n, name + " bottom lines")
        check(result.stdout.count("below floor") == n_below, name + " below-floor lines")

        results = json.load(open(out_json, encoding="utf-8"))
        check(results["format"] == "libcasereview-composite-results", "format")
        check(results["subjects"] == n and len(results["results"]) == n, name + " subjects")
        check(results["flagged"]["bottom"] == bottom_n, name + " flagged %s" % results["flagged"])
        check(results["flagged"]["below_floor"] == n_below, name + " below floor %s" % results["flagged"])

        definition = json.load(open(definition_path, encoding="utf-8"))
        order, totals = recompute(definition, scores_path)
        check([r["subject_id"] for r in results["results"]] == order, name + " order")
        for r in results["results"]:
            check(r["total_hundredths"] == totals[r["subject_id"]][0], "%s %s total" % (name, r["subject_id"]))
            check(r["total"] == "%d.%02d" % divmod(r["total_hundredths"], 100), "total text")
            check(r["bottom"] == (r["rank"] > n - bottom_n), "%s %s bottom" % (name, r["subject_id"]))
            check(r["below_floor"] == (r["total_hundredths"] < hundredths(definition["floor"])), "below floor")

        with open(out_csv, encoding="utf-8-sig", newline="") as f:
            table = list(csv.DictReader(f))
        check(len(table) == n, name + " CSV rows")
        check([row["subject_id"] for row in table] == order, name + " CSV order")
        check(sum(row["bottom"] == "1" for row in table) == bottom_n, name + " CSV bottom")

        again = run("evaluate", "--definition", definition_path, "--scores", scores_path, "--json")
        check(again.returncode == 0 and json.loads(again.stdout) == results, name + " --json is the -o file")

    votes = json.load(open(os.path.join(tmp, "legal-education.json"), encoding="utf-8"))
    check(sum(c["votes"] for r in votes["results"] for c in r["components"] if c["id"] == "public") == 12715,
          "12,715 votes")

    aid = os.path.join(demo, "legal-aid-definition.json")

    def scores_file(content):
        path = os.path.join(tmp, "bad.csv")
        open(path, "w", encoding="utf-8").write(content)
        return path

    header = "对象编号,对象名称,指标,分数,评分人\n"
    result = run("evaluate", "--definition", aid, "--scores", scores_file(header + "LA01,甲,hearing,85,E1\nLA01,甲,heering,85,E2\n"))
    check(result.returncode == 2 and "bad.csv:3:3:" in result.stderr and "heering" in result.stderr,
          "unknown component: %d %s" % (result.returncode, result.stderr))
    result = run("evaluate", "--definition", aid, "--scores", scores_file(header + "LA01,甲,hearing,85.555,E1\n"))
    check(result.returncode == 2 and "bad.csv:2:4:" in result.stderr and "more than two decimals" in result.stderr,
          "decimals: " + result.stderr)
    result = run("evaluate", "--definition", aid, "--scores", scores_file(header + "LA01,甲,hearing,85,E1\n"))
    check(result.returncode == 2 and "subject \"LA01\" (甲) has no values for component \"file\"" in result.stderr,
          "missing component: " + result.stderr)

    bad_definition = os.path.join(tmp, "bad.json")
    definition = json.load(open(aid, encoding="utf-8"))
    definition["components"][1]["weight"] = "0.3"
    json.dump(definition, open(bad_definition, "w", encoding="utf-8"), ensure_ascii=False)
    result = run("evaluate", "--definition", bad_definition, "--scores", os.path.join(demo, "legal-aid-scores.csv"))
    check(result.returncode == 2 and "bad.json: evaluation definition: $.components: the component weights add up to 0.9"
          in result.stderr, "weights: " + result.stderr)

    check(run("evaluate", "--definition", aid).returncode == 1, "missing --scores is a usage error")
    check(run("evaluate", "--scores", scores_file(header)).returncode == 1, "missing --definition is a usage error")
    result = run("evaluate", "--definition", os.path.join(tmp, "nope.json"), "--scores", scores_file(header))
    check(result.returncode == 1, "unreadable definition: %d" % result.returncode)

cli.finish()

#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Generate the demo score sheets of the Luohu 2020 case-file review.

Reads the sample manifest and the assignment manifest that

    casereview sample --plan examples/data/luohu-2020/plan.json \\
        --agencies examples/data/luohu-2020/agencies.csv \\
        --cases examples/data/luohu-2020/cases.csv -o /tmp/m.json
    casereview assign --manifest /tmp/m.json \\
        --reviewers examples/data/luohu-2020/reviewers.csv -o /tmp/a.json

write, the demo cases (for each file's kind) and the default rubric (for the
codes valid per kind), and writes examples/data/luohu-2020/score-sheets.csv
in the "Score-sheet CSV" format of docs/rubric-format.md:

    python3 scripts/generate-demo-sheets.py /tmp/m.json /tmp/a.json

Each assigned reviewer scores each file whose kind has a table in the rubric
(files of kind "other" have none and are left out): most files land between
80 and 95 points, some reviewers disagree, a few files are vetoed, a few
sheets have no findings, some items are not applicable, and a few files get
a re-review (复核) sheet from a 司法局 reviewer.

The output is deterministic: every draw comes from a private
random.Random(20201216), and only randrange(), choice() on lists and
shuffle() are used; the CSV text is written by hand with LF line endings.
"""

import argparse
import csv
import json
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEMO = os.path.join(ROOT, "examples", "data", "luohu-2020")
HEADER = ["案卷编号", "评查人员", "复核", "评查日期", "类型", "代码", "次数", "说明", "证据页码"]
REREVIEWERS = ["R33", "R34", "R35", "R36"]
NOTES = ["", "", "", "见卷内材料", "笔录缺页", "文书格式不规范", "依据引用不全"]


def quote(field):
    if any(c in field for c in ',"\n\r'):
        return '"' + field.replace('"', '""') + '"'
    return field


def draw_findings(rng, table, target_halves, not_applicable=None, may_drop_item=True):
    """Deductions (code -> occurrences) worth about target_halves half points,
    within each item's maximum, plus maybe one not-applicable item."""
    items = table["items"]
    used = {}
    findings = {}
    if may_drop_item and rng.randrange(8) == 0:
        not_applicable = rng.choice([item["code"] for item in items])
    options = []
    for item in items:
        if item["code"] == not_applicable:
            continue
        for deduction in item["deductions"]:
            if deduction["points"] > 0:
                options.append((item, deduction))
    total = 0
    for _ in range(40):
        if total >= target_halves:
            break
        item, deduction = rng.choice(options)
        halves = int(deduction["points"] * 2)
        limit = deduction.get("max_occurrences", 0) or 5
        if findings.get(deduction["code"], 0) >= limit:
            continue
        if used.get(item["code"], 0) + halves > item["max"] * 2:
            continue
        if total + halves > target_halves + 4:
            continue
        findings[deduction["code"]] = findings.get(deduction["code"], 0) + 1
        used[item["code"]] = used.get(item["code"], 0) + halves
        total += halves
    return findings, not_applicable


def vary(rng, table, findings, not_applicable):
    """A second reviewer's findings: mostly the same, some dropped or added."""
    other = dict(findings)
    for code in sorted(other):
        if rng.randrange(4) == 0:
            del other[code]
    extra, _ = draw_findings(rng, table, rng.randrange(0, 8), not_applicable, False)
    limits = {d["code"]: d.get("max_occurrences", 0) or 5
              for item in table["items"] for d in item["deductions"]}
    for code, count in sorted(extra.items()):
        other[code] = min(limits[code], other.get(code, 0) + count)
    return other


def sheet_rows(rng, case_id, reviewer, rereview, date, findings, not_applicable, vetoes):
    rows = []
    flag = "是" if rereview else "否"
    if not_applicable is not None:
        rows.append([case_id, reviewer, flag, date, "不适用", not_applicable, "", "", ""])
    for code in sorted(findings, key=lambda c: [int(p) for p in c.split(".")]):
        note = rng.choice(NOTES)
        page = "第%d页" % (rng.randrange(1, 60)) if rng.randrange(3) else ""
        rows.append([case_id, reviewer, flag, date, "扣分", code, str(findings[code]), note, page])
    for code in vetoes:
        rows.append([case_id, reviewer, flag, date, "否决", code, "", "经合议确认", ""])
    if not rows:
        rows.append([case_id, reviewer, flag, date, "无", "", "", "", ""])
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("manifest", help="sample manifest (casereview sample -o)")
    parser.add_argument("assignment", help="assignment manifest (casereview assign -o)")
    parser.add_argument("--cases", default=os.path.join(DEMO, "cases.csv"))
    parser.add_argument("--rubric", default=os.path.join(ROOT, "data", "rubric", "default-rubric.json"))
    parser.add_argument("-o", "--output", default=os.path.join(DEMO, "score-sheets.csv"))
    args = parser.parse_args()

    with open(args.manifest, encoding="utf-8") as f:
        manifest = json.load(f)
    with open(args.assignment, encoding="utf-8") as f:
        assignment = json.load(f)
    with open(args.rubric, encoding="utf-8") as f:
        rubric = json.load(f)
    with open(args.cases, encoding="utf-8", newline="") as f:
        kinds = {row["case_id"]: row["kind"] for row in csv.DictReader(f)}

    files = [u["case_id"] for u in manifest["units"] if u["role"] in ("primary", "certainty", "substitute")]
    reviewers = {}
    for task in assignment["tasks"]:
        reviewers.setdefault(task["case_id"], []).append((task["slot"], task["reviewer"]))

    rng = random.Random(20201216)
    common_vetoes = [v["code"] for v in rubric["vetoes"]]
    rows = []
    counts = {"files": 0, "sheets": 0, "vetoed": 0, "rereview": 0, "skipped": 0}
    for case_id in files:
        kind = kinds[case_id]
        table = rubric["kinds"].get(kind)
        if table is None:
            counts["skipped"] += 1
            continue
        pair = [r for _, r in sorted(reviewers[case_id])]
        counts["files"] += 1
        day = 4 + rng.randrange(14)
        date = "2021-01-%02d" % day
        veto_codes = common_vetoes + [v["code"] for v in table["vetoes"]]

        roll = rng.randrange(100)
        if roll < 4:
            target = 0                               # a clean file
        elif roll < 10:
            target = 2 * (20 + rng.randrange(16))    # 65–80 points
        else:
            target = 2 * (5 + rng.randrange(16))     # 80–95 points
        first, not_applicable = draw_findings(rng, table, target)
        second = first if target == 0 or rng.randrange(3) == 0 else vary(rng, table, first, not_applicable)
        vetoes = [[], []]
        veto_roll = rng.randrange(100)
        if veto_roll < 2:
            code = rng.choice(veto_codes)
            vetoes = [[code], [code]]
        elif veto_roll < 4:
            vetoes[rng.randrange(2)] = [rng.choice(veto_codes)]
        for slot, reviewer in enumerate(pair):
            findings = first if slot == 0 else second
            rows += sheet_rows(rng, case_id, reviewer, False, date, findings, not_applicable, vetoes[slot])
            counts["sheets"] += 1
        counts["vetoed"] += bool(vetoes[0] or vetoes[1])

        # Disagreement on a veto, or a low score, goes to a re-review most times.
        if (vetoes[0] != vetoes[1] or target >= 60) and rng.randrange(3) > 0:
            candidates = [r for r in REREVIEWERS if r not in pair]
            rereviewer = rng.choice(candidates)
            final = first if rng.randrange(2) == 0 else second
            final_vetoes = vetoes[0] if rng.randrange(2) == 0 else vetoes[1]
            rows += sheet_rows(rng, case_id, rereviewer, True, "2021-01-%02d" % (day + 10), final,
                               not_applicable, final_vetoes)
            counts["sheets"] += 1
            counts["rereview"] += 1

    with open(args.output, "w", encoding="utf-8", newline="") as f:
        f.write(",".join(HEADER) + "\n")
        for row in rows:
            f.write(",".join(quote(field) for field in row) + "\n")
    print("%d rows, %d sheets for %d files (%d vetoed, %d re-reviews); %d files without a rubric table skipped"
          % (len(rows), counts["sheets"], counts["files"], counts["vetoed"], counts["rereview"], counts["skipped"]),
          file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""casereview score from the outside: the demo's sheets ranked, the ranking
rule and the agencies' means recomputed from the results JSON, the Excel
workbook (--xlsx), the same sheets in JSON, and exit statuses.
Usage: test-score-cli.py CASEREVIEW DEMO-DIR"""

import csv
import json
import os
import re
import tempfile
import zipfile

from cli_check import CliCheck

cli = CliCheck("test-score-cli")
tool, demo, check, run = cli.tool, cli.demo, cli.check, cli.run


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

    # --xlsx writes the workbook: its two sheets, the agencies in rank order.
    xlsx = os.path.join(tmp, "results.xlsx")
    result = run(*base, "--sheets", os.path.join(demo, "score-sheets.csv"), "--xlsx", xlsx)
    check(result.returncode == 0, "score --xlsx: " + result.stderr)
    with zipfile.ZipFile(xlsx) as workbook:
        names = re.findall(r'<sheet name="([^"]+)"', workbook.read("xl/workbook.xml").decode("utf-8"))
        strings = workbook.read("xl/sharedStrings.xml").decode("utf-8")
    check(names == ["评查结果汇总表", "案卷评分明细"], "workbook sheets: %s" % names)
    check(all(">%s<" % a["agency"] in strings for a in agencies), "every agency in the workbook")
    result = run(*base, "--sheets", os.path.join(demo, "score-sheets.csv"),
                 "--xlsx", os.path.join(tmp, "no-such-dir", "results.xlsx"))
    check(result.returncode == 1 and "no-such-dir" in result.stderr, "unwritable workbook: " + result.stderr)

    # Sheets in JSON (a --sheets name ending in .json) give the same results.
    sheets = {}
    with open(os.path.join(demo, "score-sheets.csv"), encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            key = (row["案卷编号"], row["评查人员"], row["复核"] == "是")
            sheet = sheets.setdefault(key, {"case_id": key[0], "reviewer_id": key[1], "rereview": key[2],
                                            "deductions": [], "vetoes": [], "not_applicable": []})
            if row["评查日期"]:
                sheet["date"] = row["评查日期"]
            if row["类型"] == "扣分":
                sheet["deductions"].append({"option": row["代码"], "occurrences": int(row["次数"] or 1),
                                            "note": row["说明"] or None, "evidence_page": row["证据页码"] or None})
            elif row["类型"] == "否决":
                sheet["vetoes"].append({"code": row["代码"], "note": row["说明"] or None})
            elif row["类型"] == "不适用":
                sheet["not_applicable"].append(row["代码"])
    sheets_json = os.path.join(tmp, "score-sheets.json")
    document = {"format": "libcasereview-score-sheets", "version": 1, "sheets": list(sheets.values())}
    with open(sheets_json, "w", encoding="utf-8") as f:
        json.dump(document, f, ensure_ascii=False)
    json_results_path = os.path.join(tmp, "results-from-json.json")
    result = run(*base, "--sheets", sheets_json, "-o", json_results_path)
    check(result.returncode == 0, "score --sheets JSON: " + result.stderr)
    json_results = json.load(open(json_results_path, encoding="utf-8"))
    check(json_results["agencies"] == agencies and json_results["cases"] == cases, "JSON sheets, same results")
    document["sheets"][1]["reviewer_id"] = ""
    with open(sheets_json, "w", encoding="utf-8") as f:
        json.dump(document, f, ensure_ascii=False)
    result = run(*base, "--sheets", sheets_json)
    check(result.returncode == 2 and "score-sheets.json: $.sheets[1].reviewer_id: " in result.stderr,
          "bad JSON sheet: " + result.stderr)

    bad = os.path.join(tmp, "sheets.csv")
    open(bad, "w", encoding="utf-8").write("case_id,reviewer,entry,code\n不存在的案卷,R01,none,\n")
    result = run(*base, "--sheets", bad)
    check(result.returncode == 2 and "sheets.csv:2:1:" in result.stderr, "unknown case: " + result.stderr)
    check(run(*base).returncode == 1, "missing --sheets is a usage error")
    check(run("score", "--manifest", manifest).returncode == 1, "no rubric is a usage error")

cli.finish()

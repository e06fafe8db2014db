#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Derives tests/data/notices/results.json from the demo's results.

The demo results come from `casereview score` on examples/data/luohu-2020
(the published sample and the bundled score sheets). The fixture keeps four
agencies (three with a vetoed, 不合格 file and one without), re-ranks them
1-4, and plants hostile text for the rendering tests: an agency name with
`<script>` and `&`, and a note with `|`, `<b>` and `&`.

Usage: make-results.py DEMO-RESULTS.json > results.json"""

import json
import sys

KEEP = ["LH13", "LH10", "LH03", "LH25"]

results = json.load(open(sys.argv[1], encoding="utf-8"))
results["agencies"] = [a for a in results["agencies"] if a["agency"] in KEEP]
for rank, agency in enumerate(results["agencies"], start=1):
    agency["rank"] = rank
    if agency["agency"] == "LH10":
        agency["name"] = "<script>alert(1)</script> & 罗湖区某局"
results["cases"] = [c for c in results["cases"] if c["agency"] in KEEP]
results["files_reviewed"] = len(results["cases"])
first = next(c for c in results["cases"] if c["agency"] == "LH10" and c["problems"])
first["problems"][0]["note"] = "签名栏 | 空白 <b>未签</b> & 未注明日期"
json.dump(results, sys.stdout, ensure_ascii=False, indent=2)
sys.stdout.write("\n")

#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Generate the demo reviewer pool: examples/data/luohu-2020/reviewers.csv.

Forty invented reviewers (评查人员): one legal officer from each of the 32
agencies in agencies.csv, and eight from outside the agencies (the district
justice bureau and lawyers on its roster), with regions, qualifications,
capacities and a few declared conflicts. The output is a pure function of
agencies.csv (no randomness), so it is byte-identical on every run.
"""

import csv
import io
import os

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "examples", "data", "luohu-2020")

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
GIVEN = ["建国", "海燕", "志强", "丽华", "伟", "静", "磊", "敏", "洋", "婷", "军", "霞", "涛", "娟", "勇",
         "玲", "斌", "芳", "杰", "燕", "鹏", "红", "超", "艳", "明", "慧", "辉", "琳", "亮", "倩", "峰", "欣",
         "晨", "蕾", "刚", "雪", "浩", "颖", "凯", "莉"]


def region_of(agency_id, category):
    number = int(agency_id[2:])
    if category == "district_department":
        return "区直机关"
    if category == "municipal_branch":
        return "驻区单位"
    return "东部街道" if number <= 27 else "西部街道"


def main():
    with open(os.path.join(DATA, "agencies.csv"), encoding="utf-8", newline="") as f:
        agencies = list(csv.DictReader(f))

    rows = []
    for i, agency in enumerate(agencies):
        # Street offices and urban management handle penalties, coercion and
        # inspections; their reviewers are not listed for licensing.
        kinds = "" if agency["category"] != "street_office" else "penalty;coercion;inspection;other"
        conflicts = "LH13" if agency["id"] in ("LH23", "LH24") else ""
        rows.append({
            "id": "R%02d" % (i + 1),
            "name": SURNAMES[i] + GIVEN[i],
            "agency": agency["id"],
            "region": region_of(agency["id"], agency["category"]),
            "kinds": kinds,
            "capacity": "",
            "conflicts": conflicts,
        })
    for j in range(8):
        i = len(agencies) + j
        rows.append({
            "id": "R%02d" % (i + 1),
            "name": SURNAMES[i] + GIVEN[i],
            "agency": "",
            "region": "司法局" if j < 4 else "律师",
            "kinds": "licensing" if j == 7 else "",
            "capacity": "30",
            "conflicts": "LH17" if j == 5 else "",
        })

    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=["id", "name", "agency", "region", "kinds", "capacity", "conflicts"],
                            lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    with open(os.path.join(DATA, "reviewers.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(out.getvalue())


if __name__ == "__main__":
    main()

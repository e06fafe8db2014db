#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Generate the demo composite evaluations in examples/data/luohu-2020/.

Two evaluations modelled on Luohu district's 2020 practice, with invented
people and scores:

- legal-aid-definition.json, legal-aid-scores.csv: 70 legal-aid lawyers, one
  live hearing each, scored by 2 to 4 experts (208 expert visits in all), and
  one case-file score each; hearing 0.6, file 0.4; the bottom 10 are flagged,
  and totals below 60. Chinese headers.
- legal-education-definition.json, legal-education-scores.csv: the 32
  agencies of agencies.csv and their legal-education duty (谁执法谁普法):
  five expert scores each (trimmed mean) and 12,715 public votes in all;
  expert 0.7, public 0.3 (public score = 100 × votes ÷ most votes); the
  bottom 3 are flagged, and totals below 63.5. English headers.

Standard-library Python with a fixed seed: the output is byte-identical on
every run. The script recomputes the rankings with exact integer arithmetic
(the rules of docs/composite-evaluations.md) and checks that no tie straddles
a bottom-N cut, so the demos flag exactly 10 and 3 subjects by bottom N.
"""

import csv
import io
import json
import os
import random

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "examples", "data", "luohu-2020")
SEED = 20201231

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史"
GIVEN = ["建华", "志明", "秀英", "文静", "国强", "晓东", "丽娟", "海峰", "雅琴", "振宇", "思远", "嘉欣", "俊杰",
         "宏伟", "美玲", "子轩", "慧敏", "立新", "春燕", "永刚", "佳怡", "家豪", "淑芬", "明辉", "若曦", "卫东",
         "雪梅", "天佑"]

EXPERTS = ["E%02d" % i for i in range(1, 13)]           # legal-aid hearing experts
PANEL = ["P%02d" % i for i in range(1, 6)]              # legal-education expert panel
TOTAL_VISITS = 208
TOTAL_VOTES = 12715


def points(hundredths):
    """Hundredths as the shortest decimal text: 8550 -> "85.5", 8500 -> "85"."""
    whole, frac = divmod(hundredths, 100)
    if frac == 0:
        return str(whole)
    return ("%d.%02d" % (whole, frac)).rstrip("0")


def clamp_score(rng, mean, sd, step):
    """A score in hundredths near mean (points), on a grid of @step hundredths."""
    value = int(round(rng.gauss(mean, sd) * 100 / step)) * step
    return max(0, min(10000, value))


def round_half_up(numerator, denominator):
    return (2 * numerator + denominator) // (2 * denominator)


def combine(values, rule, trim_from=5):
    values = sorted(values)
    if rule == "trimmed-mean" and len(values) >= trim_from:
        values = values[1:-1]
    return round_half_up(sum(values), len(values))


def rank(subjects, weights, bottom_n):
    """Exact totals and ranks; checks no tie straddles the bottom-N cut."""
    rows = []
    for sid, scores in subjects.items():
        total = round_half_up(sum(w * s for w, s in zip(weights, scores)), 1000000)
        rows.append((-total, -scores[0], sid, total))
    rows.sort()
    cut = len(rows) - bottom_n
    assert rows[cut - 1][:2] != rows[cut][:2], "a tie straddles the bottom-%d cut" % bottom_n
    return rows


def write_csv(name, header, rows):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    with open(os.path.join(DATA, name), "w", encoding="utf-8", newline="") as f:
        f.write(out.getvalue())


def write_json(name, value):
    with open(os.path.join(DATA, name), "w", encoding="utf-8", newline="") as f:
        f.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def legal_aid(rng):
    names = []
    for s in SURNAMES:
        for g in GIVEN:
            names.append(s + g)
    rng.shuffle(names)
    lawyers = [("LA%02d" % (i + 1), names[i]) for i in range(70)]

    # 2 to 4 experts per hearing, 208 visits: 12 hearings get 4, 14 get 2.
    order = list(range(70))
    rng.shuffle(order)
    counts = [3] * 70
    for i in order[:12]:
        counts[i] = 4
    for i in order[12:26]:
        counts[i] = 2
    assert sum(counts) == TOTAL_VISITS

    # A few weak lawyers so that the floor matters.
    weak = set(order[26:29])
    rows, subjects = [], {}
    for i, (lid, name) in enumerate(lawyers):
        quality = rng.gauss(58, 3) if i in weak else rng.gauss(83, 5)
        experts = rng.sample(EXPERTS, counts[i])
        hearing = []
        for expert in experts:
            score = clamp_score(rng, quality, 3, 50)        # experts score in half points
            hearing.append(score)
            rows.append([lid, name, "hearing", points(score), expert])
        file_score = clamp_score(rng, quality, 4, 25)       # file reviews in quarter points
        rows.append([lid, name, "file", points(file_score), ""])
        subjects[lid] = (combine(hearing, "trimmed-mean"), file_score)

    write_csv("legal-aid-scores.csv", ["对象编号", "对象名称", "指标", "分数", "评分人"], rows)
    write_json("legal-aid-definition.json", {
        "format": "libcasereview-composite-evaluation",
        "version": 1,
        "id": "luohu-2020-legal-aid",
        "title": "罗湖区2020年法律援助案件质量评估",
        "title_en": "Luohu 2020 legal-aid quality evaluation",
        "components": [
            {"id": "hearing", "label": "庭审旁听", "label_en": "Live hearing", "weight": "0.6",
             "rule": "trimmed-mean", "trim_from": 5},
            {"id": "file", "label": "案卷评查", "label_en": "Case file", "weight": "0.4", "rule": "single"},
        ],
        "bottom_n": 10,
        "floor": "60",
        "missing_scores": "error",
    })
    return rank(subjects, (600000, 400000), 10)


def legal_education(rng):
    with open(os.path.join(DATA, "agencies.csv"), encoding="utf-8", newline="") as f:
        agencies = [(a["id"], a["name"], a["category"]) for a in csv.DictReader(f)]
    assert len(agencies) == 32

    # Votes: street offices draw more residents; 12,715 in all, split by
    # largest remainders.
    appeal = [rng.lognormvariate(0.6 if category == "street_office" else 0.0, 0.6)
              for _, _, category in agencies]
    shares = [TOTAL_VOTES * a / sum(appeal) for a in appeal]
    votes = [int(s) for s in shares]
    by_remainder = sorted(range(32), key=lambda i: (-(shares[i] - votes[i]), i))
    for i in by_remainder[:TOTAL_VOTES - sum(votes)]:
        votes[i] += 1
    assert sum(votes) == TOTAL_VOTES

    rows, subjects, most = [], {}, max(votes)
    for (aid, name, _), count in zip(agencies, votes):
        quality = rng.gauss(84, 5)
        panel = []
        for expert in PANEL:
            score = clamp_score(rng, quality, 4, 10)        # panel scores to a tenth
            panel.append(score)
            rows.append([aid, name, "expert", points(score), expert])
        rows.append([aid, name, "public", str(count), ""])
        subjects[aid] = (combine(panel, "trimmed-mean"), round_half_up(10000 * count, most))

    write_csv("legal-education-scores.csv", ["subject_id", "subject_name", "component", "score", "rater"], rows)
    write_json("legal-education-definition.json", {
        "format": "libcasereview-composite-evaluation",
        "version": 1,
        "id": "luohu-2020-legal-education",
        "title": "罗湖区2020年国家机关“谁执法谁普法”履职评议",
        "title_en": "Luohu 2020 review of the agencies' legal-education duties",
        "components": [
            {"id": "expert", "label": "专家评审", "label_en": "Expert review", "weight": "0.7",
             "rule": "trimmed-mean", "trim_from": 5},
            {"id": "public", "label": "公众投票", "label_en": "Public votes", "weight": "0.3", "rule": "vote-share"},
        ],
        "bottom_n": 3,
        "floor": "63.5",
        "missing_scores": "error",
    })
    return rank(subjects, (700000, 300000), 3)


def main():
    rng = random.Random(SEED)
    aid = legal_aid(rng)
    education = legal_education(rng)
    for title, rows, bottom_n, floor in (("legal aid", aid, 10, 6000), ("legal education", education, 3, 6350)):
        below = [row[2] for row in rows if row[3] < floor]
        print("%s: %d subjects, top %s %s, bottom %d: %s; below %s: %s" % (
            title, len(rows), rows[0][2], points(rows[0][3]), bottom_n,
            " ".join(row[2] for row in rows[-bottom_n:]), points(floor), " ".join(below)))


if __name__ == "__main__":
    main()

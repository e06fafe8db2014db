#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Generate a frame of case files and two reviewers' score sheets for each,
for bench/scoring.

    generate-scoring.py [--files N] [--seed TEXT] [--rubric JSON] [OUTPUT_DIR]

Writes into OUTPUT_DIR (default build/bench-data/scoring-N):

  agencies.csv      the 32 Luohu District agencies of bench/generate-population.py
  cases.csv         N case files (default 500,000) in that generator's format,
                    kinds penalty, coercion, inspection and licensing only: the
                    default rubric has no table for "other" files, which could
                    not be scored
  score-sheets.csv  2 × N sheets in the "Score-sheet CSV" format of
                    docs/rubric-format.md (Chinese headers, one row per
                    deduction, veto or not-applicable item, a 无 row for a
                    sheet without findings), about three deductions a sheet

Every file is reviewed by two reviewers out of a pool of 120. With
--panel-rate P a fraction P of the files is reviewed by five instead (their
result is the trimmed mean); with --rereview-rate R a fraction R also gets
two re-review (复核) sheets by two other reviewers, which decide its result.
Both default to 0, and at 0 the output is what it was before they existed.
A file has a handful of problems (deduction options of the rubric's table for
its kind); each reviewer finds most of them and now and then one more, so the
two sheets mostly agree; occurrences stay within each option's
max_occurrences. About 6% of files have an item that does not apply (item 5
or 6, which most reviewers then mark 不适用); about 1.2% have a legality veto
(一票否决) that most reviewers record, and a few sheets record a veto the
other reviewer did not. Some notes hold a comma, so the file needs RFC 4180
quoting here and there; about one deduction in six leaves the
occurrences empty (meaning 1).

Deterministic: every draw comes from random.Random(SEED) with a string seed,
so the same arguments give byte-identical files. Standard library only.
OUTPUT_DIR/generator.json records the arguments, so that a driver can tell
whether existing files match what it wants.
"""

import argparse
import csv
import importlib.util
import json
import os
import random
import sys
import time

VERSION = 1  # bump when the output for given arguments changes
DEFAULT_SEED = "libcasereview bench/scoring v1"
HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(HERE)
DEFAULT_RUBRIC = os.path.join(REPO_ROOT, "data", "rubric", "default-rubric.json")

HEADER = "案卷编号,评查人员,复核,评查日期,类型,代码,次数,说明,证据页码\n"
REVIEWERS = [f"R{i:03d}" for i in range(1, 121)]
# Problems a file has, 0 to 8 (mean about 3.3); each reviewer finds each with
# probability FIND and adds one of their own with probability EXTRA.
N_PROBLEMS = range(9)
N_PROBLEMS_WEIGHTS = (8, 13, 17, 19, 16, 12, 8, 4, 3)
FIND, EXTRA = 0.85, 0.3
OCCURRENCES_WEIGHTS = (80, 15, 5)  # 1, 2 or 3 times, within the option's limit
NOT_APPLICABLE_ITEMS = ("5", "6")  # 自由裁量, 检查结果处理 / 许可送达与收费
NOTES = ("", "", "", "", "见卷内材料", "笔录缺页", "文书格式不规范", "依据引用不全", "未载明救济途径",
         "送达回证缺签名,日期不全")


def load_generate_population():
    """bench/generate-population.py, whose agencies and case writer are reused."""
    spec = importlib.util.spec_from_file_location("generate_population",
                                                  os.path.join(HERE, "generate-population.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def quote(field):
    if any(c in field for c in ',"\n\r'):
        return '"' + field.replace('"', '""') + '"'
    return field


def write_frame(gp, output_dir, files, seed):
    """agencies.csv and cases.csv by bench/generate-population.py, with the
    weight of kind "other" set to zero in every agency's kind mix (its writer
    draws kinds by cumulative weights, so a zero weight is never drawn)."""
    gp.AGENCIES = [agency[:6] + (agency[6][:4] + (0,),) for agency in gp.AGENCIES]
    gp.write_agencies(os.path.join(output_dir, "agencies.csv"))
    gp.write_cases(os.path.join(output_dir, "cases.csv"), files, seed)


class Table:
    """One kind's table of the rubric, as the generator needs it."""

    def __init__(self, rubric, kind):
        table = rubric["kinds"][kind]
        self.vetoes = [v["code"] for v in rubric["vetoes"]] + [v["code"] for v in table.get("vetoes", [])]
        self.items = [item["code"] for item in table["items"]]
        # (code, item code, max_occurrences or 0)
        self.options = [(d["code"], item["code"], d.get("max_occurrences", 0))
                        for item in table["items"] for d in item["deductions"]]
        self.not_applicable = [code for code in self.items if code in NOT_APPLICABLE_ITEMS]


def draw_occurrences(rng, limit):
    n = rng.choices((1, 2, 3), weights=OCCURRENCES_WEIGHTS)[0]
    return min(n, limit) if limit else n


def sheet_rows(rng, case_id, reviewer, date, findings, not_applicable, vetoes, rereview=False):
    prefix = f"{case_id},{reviewer},{'是' if rereview else '否'},{date},"
    rows = []
    if not_applicable is not None:
        rows.append(f"{prefix}不适用,{not_applicable},,,\n")
    for code, occurrences in findings:
        count = "" if occurrences == 1 and rng.random() < 0.2 else str(occurrences)
        note = quote(rng.choice(NOTES))
        page = f"第{rng.randrange(1, 80)}页" if rng.random() < 0.5 else ""
        rows.append(f"{prefix}扣分,{code},{count},{note},{page}\n")
    for code in vetoes:
        rows.append(f"{prefix}否决,{code},,经合议确认,\n")
    if not rows:
        rows.append(f"{prefix}无,,,,\n")
    return rows


def write_sheets(path, cases_path, rubric, seed, panel_rate=0.0, rereview_rate=0.0):
    """Two sheets per file of cases.csv (five for a panel, two more for a
    re-review), in the file's order."""
    rng = random.Random(seed + " sheets")
    tables = {kind: Table(rubric, kind) for kind in rubric["kinds"]}
    counts = {"sheets": 0, "rows": 0, "deductions": 0, "vetoed_sheets": 0, "not_applicable": 0, "panels": 0,
              "rereviews": 0}
    with open(cases_path, encoding="utf-8", newline="") as cases, \
            open(path, "w", encoding="utf-8", newline="") as out:
        out.write(HEADER)
        reader = csv.reader(cases)
        next(reader)
        lines = []
        for case_id, _agency, kind, *_ in reader:
            table = tables[kind]
            not_applicable = rng.choice(table.not_applicable) if rng.random() < 0.06 else None
            options = [o for o in table.options if o[1] != not_applicable]
            problems = rng.sample(options, rng.choices(N_PROBLEMS, weights=N_PROBLEMS_WEIGHTS)[0])
            problems = [(code, draw_occurrences(rng, limit)) for code, _, limit in problems]
            file_veto = rng.choice(table.vetoes) if rng.random() < 0.012 else None
            date = f"2021-01-{4 + rng.randrange(24):02d}"

            # The extra draws happen only when asked for, so that the default
            # output stays the same.
            n_initial = 5 if panel_rate > 0 and rng.random() < panel_rate else 2
            n_rereview = 2 if rereview_rate > 0 and rng.random() < rereview_rate else 0
            counts["panels"] += n_initial == 5
            counts["rereviews"] += n_rereview > 0
            reviewers = rng.sample(REVIEWERS, n_initial + n_rereview)

            for index, reviewer in enumerate(reviewers):
                findings = [p for p in problems if rng.random() < FIND]
                if rng.random() < EXTRA:
                    code, _, limit = rng.choice(options)
                    if all(code != c for c, _ in findings):
                        findings.append((code, draw_occurrences(rng, limit)))
                vetoes = []
                if file_veto is not None and rng.random() < 0.85:
                    vetoes.append(file_veto)
                elif rng.random() < 0.002:
                    vetoes.append(rng.choice(table.vetoes))
                marked = not_applicable if not_applicable is not None and rng.random() < 0.9 else None
                rows = sheet_rows(rng, case_id, reviewer, date, findings, marked, vetoes, index >= n_initial)
                lines += rows
                counts["sheets"] += 1
                counts["rows"] += len(rows)
                counts["deductions"] += len(findings)
                counts["vetoed_sheets"] += bool(vetoes)
                counts["not_applicable"] += marked is not None
            if len(lines) >= 100_000:
                out.write("".join(lines))
                lines = []
        out.write("".join(lines))
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output_dir", nargs="?", default=None,
                        help="where to write the CSV files (default: build/bench-data/scoring-FILES)")
    parser.add_argument("--files", type=int, default=500_000, help="number of case files (default 500,000)")
    parser.add_argument("--seed", default=DEFAULT_SEED, help="seed string of the generator")
    parser.add_argument("--panel-rate", type=float, default=0.0,
                        help="fraction of files reviewed by five reviewers instead of two (default 0)")
    parser.add_argument("--rereview-rate", type=float, default=0.0,
                        help="fraction of files with two re-review sheets (default 0)")
    parser.add_argument("--rubric", default=DEFAULT_RUBRIC, help="the rubric whose codes the sheets use "
                        "(default: the library's default rubric, data/rubric/default-rubric.json)")
    args = parser.parse_args()
    if args.files < 1:
        parser.error("--files must be at least 1")
    if not (0 <= args.panel_rate <= 1 and 0 <= args.rereview_rate <= 1):
        parser.error("--panel-rate and --rereview-rate are fractions from 0 to 1")
    output_dir = args.output_dir or os.path.join(REPO_ROOT, "build", "bench-data", f"scoring-{args.files}")

    with open(args.rubric, encoding="utf-8") as f:
        rubric = json.load(f)
    gp = load_generate_population()
    if any(kind not in rubric["kinds"] for kind in gp.KINDS[:4]):
        sys.exit(f"generate-scoring: {args.rubric} lacks a table for one of {', '.join(gp.KINDS[:4])}")

    os.makedirs(output_dir, exist_ok=True)
    stamp_path = os.path.join(output_dir, "generator.json")
    if os.path.exists(stamp_path):
        os.remove(stamp_path)  # invalid until the files are complete

    start = time.monotonic()
    write_frame(gp, output_dir, args.files, args.seed)
    sheets_path = os.path.join(output_dir, "score-sheets.csv")
    counts = write_sheets(sheets_path, os.path.join(output_dir, "cases.csv"), rubric, args.seed, args.panel_rate,
                          args.rereview_rate)
    size = os.path.getsize(sheets_path)

    with open(stamp_path, "w", encoding="utf-8") as f:
        json.dump({"version": VERSION, "files": args.files, "seed": args.seed, "panel_rate": args.panel_rate,
                   "rereview_rate": args.rereview_rate, "sheets_bytes": size, **counts}, f)
        f.write("\n")
    print(f"generate-scoring: {args.files:,} files, {counts['sheets']:,} sheets, {counts['rows']:,} rows "
          f"({counts['deductions'] / counts['sheets']:.2f} deductions a sheet, {counts['vetoed_sheets']:,} sheets "
          f"with a veto, {counts['not_applicable']:,} with an item not applicable, {counts['panels']:,} files "
          f"with five reviewers, {counts['rereviews']:,} re-reviewed), {size / 1e6:.1f} MB in "
          f"{sheets_path}, {time.monotonic() - start:.1f} s", file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""bench/scoring: score sheets loaded and aggregated to case and agency
results by libcasereview and by pandas doing the same arithmetic, on the same
files in the same run, with checksums that must agree.

    /usr/bin/python3 bench/scoring-bench.py --bench-exe BUILD/bench/scoring-bench
        [--files 500000] [--data-dir DIR] [--tools libcasereview,pandas]
        [--repeat 1] [--aggregate-repeat 3] [--panel-rate P] [--rereview-rate R]

Generates DIR/scoring-FILES/{agencies,cases,score-sheets}.csv with
bench/generate-scoring.py unless they are already there: FILES case files
(default 500,000 over 32 agencies), two reviewers' sheets each (1,000,000
sheets, about three deductions a sheet, about 3.2 million rows), scored
against the library's default rubric. Every file is reviewed (a census).
--panel-rate and --rereview-rate (default 0, the recorded benchmark) give a
fraction of the files five reviewers or two re-review sheets, and the data
then lives in DIR/scoring-FILES-pP-rR; the test suite runs this script that
way on 3,000 files, so that the comparison covers those paths too.

Each tool runs in its own fresh process, --repeat times (best time, worst
peak RSS); inside it, the aggregation runs --aggregate-repeat times:

  libcasereview  bench/scoring-bench.c: frame (population load_csv), sample
                 (a take-all census and the evaluation), load
                 (evaluation load_sheets_csv: reads, validates, builds every
                 sheet), case results (dup_case_results), agency results
                 (dup_agency_results, which scores every file afresh and
                 ranks: the whole aggregation). Sheets cache their scores,
                 so the library's aggregation figure is its first call
                 (agency_results_cold), made before anything read a score;
                 the warm repeats are printed beside it
  pandas         this file's "pandas" mode: frame (read_csv of case_id,
                 agency, kind), sample (the rubric's tables as arrays), load
                 (read_csv of the sheets, then every row resolved to its
                 sheet, case, kind and rubric option; unknown cases, entry
                 types and codes fail), case results (groupby: item
                 deductions floored at zero, 100-point scores under the
                 rubric's not-applicable policy, vetoes to 0, the mean of the
                 sheets rounded half up to the hundredth, grades, re-review
                 flags), agency results (the case results' time plus a
                 groupby to totals, means, medians, grade counts, per-kind
                 means, veto counts, the five most frequent deductions, the
                 grade and the ranking)

The pandas port does only the arithmetic: it does not check occurrence
limits, dates, duplicate sheets or deductions in items marked not applicable
as the library does. It does implement the rest of the arithmetic:
re-review sheets deciding a file, the trimmed mean of five or more sheets,
and both policies for items that do not apply.

Both tools print the same checksums (described in bench/scoring-bench.c):
a SHA-256 over every file's result sorted by case id, one over every
agency's result in rank order, and plain sums. A disagreement is a failure:
this program says where the results differ and exits with status 1.

Times are wall-clock seconds measured inside each process around the work
(imports and interpreter start excluded); CPU seconds are given too: on a
busy machine they move less. Benchmarks print figures; no test asserts a
time. Results are recorded by hand in docs/benchmarks.md.
"""

import argparse
import hashlib
import json
import os
import resource
import statistics
import subprocess
import sys
import time

from bench_support import find_bench_exe, loadavg, machine_description, run_measured, table

HERE = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(HERE)
GENERATOR = os.path.join(HERE, "generate-scoring.py")
DEFAULT_RUBRIC = os.path.join(REPO_ROOT, "data", "rubric", "default-rubric.json")
KIB_IN_MB = 1024 / 1e6  # sizes are in MB of 10^6 bytes, as in bench/population-bench.py

# The library's enums, in their C order: CaseReviewEnforcementKind and
# CaseReviewGrade (0 优秀, 1 良好, 2 合格, 3 不合格).
KINDS = ("penalty", "coercion", "inspection", "licensing", "other")
EXCELLENT, GOOD, PASS, FAIL = range(4)
# CaseReviewEvaluation's defaults: rereview-threshold, excellent-rate-minimum.
REREVIEW_THRESHOLD = 7000
EXCELLENT_RATE_MINIMUM = 0.0
N_FREQUENT_DEDUCTIONS = 5
ENTRIES = {"deduction": 0, "扣分": 0, "veto": 1, "否决": 1, "not_applicable": 2, "不适用": 2, "none": 3, "无": 3}
DEDUCTION, VETO, NOT_APPLICABLE, NONE = range(4)
INITIAL = {"", "0", "否", "no"}  # the re-review column's values for an initial sheet
REREVIEW = {"1", "是", "yes"}    # and for a re-review (复核) sheet


def fail(message):
    print("scoring-bench: " + message, file=sys.stderr)
    sys.exit(1)


def peak_rss_kib():
    """VmHWM of this process (see bench/population-bench.c), else ru_maxrss."""
    try:
        with open("/proc/self/status", encoding="utf-8") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


class Phase:
    """Wall and CPU seconds of a block and the peak RSS after it, reported
    under the names bench/scoring-bench.c uses."""

    def __init__(self, report, name):
        self.report, self.name = report, name

    def __enter__(self):
        self.cpu, self.wall = time.process_time(), time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.report[f"{self.name}_seconds"] = time.perf_counter() - self.wall
        self.report[f"{self.name}_cpu_seconds"] = time.process_time() - self.cpu
        self.report[f"peak_rss_kib_after_{self.name}"] = peak_rss_kib()


def add_times(report, name, walls, cpus):
    report[f"{name}_best"] = min(walls)
    report[f"{name}_median"] = statistics.median(walls)
    report[f"{name}_best_cpu"] = min(cpus)


# ---------------------------------------------------------------------------
# The pandas port of the library's arithmetic
# (lib/casereview-score-sheet.c, lib/casereview-evaluation.c)

def round_half_up(numerator, denominator):
    """lib/casereview-evaluation.c's round_half_up, on integer arrays."""
    return (2 * numerator + denominator) // (2 * denominator)


class RubricTables:
    """A rubric as numpy lookup tables indexed by [kind, code category]:
    every (kind, item) pair gets a global item number, so that one integer
    says which item of which kind a row hits."""

    def __init__(self, np, rubric, codes):
        policy = rubric.get("not_applicable", "drop")
        if policy != "drop" and policy != "full_marks":
            fail(f"unknown not_applicable policy {policy!r}")
        self.drop = policy == "drop"
        bands = {"excellent": 90, "good": 80, "pass": 60, **rubric.get("bands", {})}
        self.four_band = rubric.get("grade_scheme", "four_band") == "four_band"
        self.excellent, self.good, self.pass_ = (round(bands[b] * 100) for b in ("excellent", "good", "pass"))
        self.covered = np.zeros(len(KINDS), dtype=bool)
        self.kind_max = np.zeros(len(KINDS), dtype=np.int64)      # tenths, 1000 in a valid rubric
        item_max = []
        index = {code: i for i, code in enumerate(codes)}
        shape = (len(KINDS), len(codes))
        self.points = np.full(shape, -1, dtype=np.int64)          # deduction: tenths per occurrence
        self.deduction_item = np.full(shape, -1, dtype=np.int64)  # deduction: global item number
        self.item = np.full(shape, -1, dtype=np.int64)            # item code: global item number
        self.veto = np.zeros(shape, dtype=bool)
        common_vetoes = [v["code"] for v in rubric.get("vetoes", [])]
        for kind, table in rubric["kinds"].items():
            k = KINDS.index(kind)
            self.covered[k] = True
            for code in common_vetoes + [v["code"] for v in table.get("vetoes", [])]:
                if code in index:
                    self.veto[k, index[code]] = True
            for item in table["items"]:
                number = len(item_max)
                item_max.append(round(item["max"] * 10))
                self.kind_max[k] += item_max[-1]
                if item["code"] in index:
                    self.item[k, index[item["code"]]] = number
                for deduction in item["deductions"]:
                    if deduction["code"] in index:
                        c = index[deduction["code"]]
                        self.points[k, c] = round(deduction["points"] * 10)
                        self.deduction_item[k, c] = number
        self.item_max = np.array(item_max, dtype=np.int64)

    def grade(self, np, score, vetoed):
        """case_review_rubric_grade_for_score on arrays."""
        grade = np.where(score >= self.excellent, EXCELLENT,
                         np.where(score >= self.good, GOOD if self.four_band else PASS,
                                  np.where(score >= self.pass_, PASS, FAIL)))
        return np.where(vetoed, FAIL, grade)


def pandas_load(np, pd, sheets_path, cases, rubric_json):
    """read_csv, then every row resolved: its sheet (case, reviewer), the
    case's kind and agency, the rubric option its code names. Returns the
    resolved tables the aggregation works on."""
    frame = pd.read_csv(sheets_path, dtype={"案卷编号": "category", "评查人员": "category", "复核": "category",
                                            "评查日期": "category", "类型": "category", "代码": "category",
                                            "次数": "float64", "说明": str, "证据页码": str})
    rubric = RubricTables(np, rubric_json, list(frame["代码"].cat.categories))
    case_ids = frame["案卷编号"].cat.categories
    case_code = frame["案卷编号"].cat.codes.to_numpy()
    if (case_code < 0).any():
        fail(f"{sheets_path}: a row has no case id")

    # Per distinct case of the file: its kind and agency from the frame.
    per_case = cases.reindex(case_ids)
    if per_case["kind"].isna().any():
        fail(f"{sheets_path}: case {per_case.index[per_case['kind'].isna()][0]} is not in the population")
    case_kind = per_case["kind"].map({k: i for i, k in enumerate(KINDS)}).to_numpy(dtype=np.int64)
    if not rubric.covered[case_kind].all():
        fail(f"{sheets_path}: a case's kind has no table in the rubric")
    case_agency = per_case["agency"].to_numpy()

    # A sheet is (case, reviewer, re-review flag); an empty cell is initial.
    flag_of = []
    for value in frame["复核"].cat.categories:
        text = str(value).strip().lower()
        if text not in INITIAL | REREVIEW:
            fail(f"{sheets_path}: re-review \"{value}\" is not empty, 0/1, 是/否 or yes/no")
        flag_of.append(int(text in REREVIEW))
    row_rereview = np.array(flag_of + [0], dtype=np.int64)[frame["复核"].cat.codes.to_numpy()]
    reviewer_code = frame["评查人员"].cat.codes.to_numpy().astype(np.int64)
    n_reviewers = len(frame["评查人员"].cat.categories)
    sheet, sheet_keys = pd.factorize((case_code.astype(np.int64) * n_reviewers + reviewer_code) * 2 + row_rereview)
    sheet_case = sheet_keys // (2 * n_reviewers)
    sheet_rereview = (sheet_keys % 2).astype(bool)

    entry_of = np.array([ENTRIES.get(str(c).lower(), -1) for c in frame["类型"].cat.categories] + [-1])
    entry = entry_of[frame["类型"].cat.codes.to_numpy()]   # code -1 (empty) picks the last, -1
    if (entry < 0).any():
        fail(f"{sheets_path}: unknown entry type")
    code = frame["代码"].cat.codes.to_numpy().astype(np.int64)
    kind = case_kind[case_code]

    rows = entry == DEDUCTION
    d_kind, d_code = kind[rows], code[rows]
    points = np.where(d_code >= 0, rubric.points[d_kind, d_code], -1)
    if (points < 0).any():
        fail(f"{sheets_path}: a deduction code is not in the rubric's table for its kind")
    occurrences = frame["次数"].to_numpy()[rows]
    occurrences = np.where(np.isnan(occurrences), 1, occurrences).astype(np.int64)
    deductions = pd.DataFrame({"sheet": sheet[rows], "case": case_code[rows], "code": d_code,
                               "item": rubric.deduction_item[d_kind, d_code], "occurrences": occurrences,
                               "tenths": points * occurrences})

    rows = entry == VETO
    if not (code[rows] >= 0).all() or not rubric.veto[kind[rows], code[rows]].all():
        fail(f"{sheets_path}: a veto code does not apply to its file's kind")
    vetoes = pd.DataFrame({"sheet": sheet[rows], "case": case_code[rows], "code": code[rows]})

    rows = entry == NOT_APPLICABLE
    items = np.where(code[rows] >= 0, rubric.item[kind[rows], code[rows]], -1)
    if (items < 0).any():
        fail(f"{sheets_path}: a not-applicable item is not in the rubric's table for its kind")
    not_applicable = pd.DataFrame({"sheet": sheet[rows], "item": items}).drop_duplicates()

    return {"rubric": rubric, "n_sheets": len(sheet_keys), "sheet_case": sheet_case,
            "sheet_rereview": sheet_rereview, "case_ids": case_ids,
            "case_kind": case_kind, "case_agency": case_agency, "codes": frame["代码"].cat.categories,
            "deductions": deductions, "vetoes": vetoes, "not_applicable": not_applicable}


def combine(np, groups):
    """combine_scores on grouped sums: the mean of up to four scores, the
    mean without the single highest and lowest of five or more, rounded half
    up; adds the column "combined"."""
    n, total = groups["n"].to_numpy(), groups["total"].to_numpy()
    trimmed = n >= 5
    total = np.where(trimmed, total - groups["high"].to_numpy() - groups["low"].to_numpy(), total)
    return groups.assign(combined=round_half_up(total, np.where(trimmed, n - 2, n)))


def pandas_case_results(np, pd, data, rubric):
    """Sheet scores, then one result per case, as compute_case_result does."""
    n_sheets = data["n_sheets"]
    deductions = data["deductions"]

    # Each item loses its deductions' points, at most its maximum.
    lost = deductions.groupby(["sheet", "item"], sort=False)["tenths"].sum().reset_index()
    lost["tenths"] = np.minimum(lost["tenths"].to_numpy(), rubric.item_max[lost["item"].to_numpy()])
    lost = lost.groupby("sheet")["tenths"].sum().reindex(range(n_sheets), fill_value=0).to_numpy()

    sheet_kind = data["case_kind"][data["sheet_case"]]
    applicable = rubric.kind_max[sheet_kind]
    earned = applicable - lost
    na = data["not_applicable"]
    if len(na):
        na_max = pd.Series(rubric.item_max[na["item"].to_numpy()]).groupby(na["sheet"].to_numpy()).sum()
        na_max = na_max.reindex(range(n_sheets), fill_value=0).to_numpy()
        if rubric.drop:        # the item leaves both sums
            applicable = applicable - na_max
            earned = earned - na_max
        # under full_marks it keeps its maximum in both: nothing to do
    vetoed = np.zeros(n_sheets, dtype=bool)
    vetoed[data["vetoes"]["sheet"].to_numpy()] = True
    safe = np.maximum(applicable, 1)
    score = np.where(vetoed, 0, np.where(applicable == 0, 10000, (20000 * earned + applicable) // (2 * safe)))
    grade = rubric.grade(np, score, vetoed)

    # A file's re-review sheets, if it has any, decide its result; its
    # initial sheets give the initial score, the count and the re-review
    # triggers (a score below the threshold, grades that differ).
    sheet_case, rereview = data["sheet_case"], data["sheet_rereview"]
    rereviewed_cases = np.unique(sheet_case[rereview])
    deciding = rereview == np.isin(sheet_case, rereviewed_cases)
    data["deciding"] = deciding
    sheets = pd.DataFrame({"case": sheet_case, "score": score, "grade": grade, "vetoed": vetoed,
                           "initial": ~rereview, "deciding": deciding})
    initial = combine(np, sheets[sheets["initial"]].groupby("case", sort=True).agg(
        n=("score", "size"), total=("score", "sum"), high=("score", "max"), low=("score", "min"),
        grade_min=("grade", "min"), grade_max=("grade", "max")))
    final = combine(np, sheets[sheets["deciding"]].groupby("case", sort=True).agg(
        n=("score", "size"), total=("score", "sum"), high=("score", "max"), low=("score", "min"),
        vetoed=("vetoed", "max")))
    case = final.index.to_numpy()
    initial = initial.reindex(case)
    has_initial = initial["n"].notna().to_numpy()
    vetoed = final["vetoed"].to_numpy().astype(bool)
    score = np.where(vetoed, 0, final["combined"].to_numpy())
    rereviewed = np.isin(case, rereviewed_cases)
    low = has_initial & (initial["low"].fillna(0).to_numpy() < REREVIEW_THRESHOLD)
    differ = has_initial & (initial["grade_min"].fillna(0).to_numpy() != initial["grade_max"].fillna(0).to_numpy())
    result = pd.DataFrame({"case": case, "agency": data["case_agency"][case], "kind": data["case_kind"][case],
                           "n_sheets": initial["n"].fillna(0).to_numpy().astype(np.int64),
                           "initial": np.where(has_initial, initial["combined"].fillna(0).to_numpy(),
                                               final["combined"].to_numpy()).astype(np.int64),
                           "score": score, "grade": rubric.grade(np, score, vetoed), "vetoed": vetoed,
                           "needs_rereview": ~rereviewed & (low | differ)})
    # Each file's veto codes from its deciding sheets, once each, sorted.
    veto_rows = data["vetoes"]
    veto_pairs = veto_rows[deciding[veto_rows["sheet"].to_numpy()]][["case", "code"]].drop_duplicates()
    veto_pairs = veto_pairs.assign(code=data["codes"][veto_pairs["code"].to_numpy()])
    return result, veto_pairs


def pandas_agency_results(np, pd, data, rubric, cases, veto_pairs, frame_sizes):
    """compute_agency_data: totals, means, medians, grade counts, per-kind
    means, veto counts, frequent deductions, the grade and the rank."""
    by_agency = cases.groupby("agency", sort=True, observed=True)
    agencies = by_agency.agg(n=("score", "size"), total=("score", "sum"), median=("score", "median"),
                             n_excellent=("grade", lambda g: (g == EXCELLENT).sum()),
                             n_failed=("grade", lambda g: (g == FAIL).sum()))
    agencies["mean"] = round_half_up(agencies["total"].to_numpy(), agencies["n"].to_numpy())
    agencies["median"] = np.floor(agencies["median"].to_numpy() + 0.5).astype(np.int64)  # (a + b) / 2 is exact
    grade = rubric.grade(np, agencies["mean"].to_numpy(), False)
    demoted = (agencies["n_failed"].to_numpy() > 0) | \
              (agencies["n_excellent"].to_numpy() < EXCELLENT_RATE_MINIMUM * agencies["n"].to_numpy())
    agencies["grade"] = np.where((grade == EXCELLENT) & demoted, GOOD if rubric.four_band else PASS, grade)
    agencies["population_size"] = frame_sizes.reindex(agencies.index).to_numpy()

    kinds = cases.groupby(["agency", "kind"], sort=True, observed=True)["score"].agg(["size", "sum"])
    kinds["mean"] = round_half_up(kinds["sum"].to_numpy(), kinds["size"].to_numpy())

    vetoes = veto_pairs.assign(agency=data["case_agency"][veto_pairs["case"].to_numpy()])
    vetoes = vetoes.groupby(["agency", "code"], sort=True).size()

    deductions = data["deductions"]
    deductions = deductions[data["deciding"][deductions["sheet"].to_numpy()]]
    tallies = deductions.groupby([data["case_agency"][deductions["case"].to_numpy()], deductions["code"].to_numpy()],
                                 sort=False)["occurrences"].sum().reset_index()
    tallies.columns = ["agency", "code", "count"]
    tallies["code"] = data["codes"][tallies["code"].to_numpy()]
    tallies = tallies.sort_values(["agency", "count", "code"], ascending=[True, False, True])
    frequent = tallies.groupby("agency", sort=False).head(N_FREQUENT_DEDUCTIONS)

    agencies = agencies.reset_index().sort_values(["mean", "total", "n_failed", "agency"],
                                                  ascending=[False, False, True, True], ignore_index=True)
    agencies["rank"] = np.arange(1, len(agencies) + 1)
    return agencies, kinds, vetoes, frequent


def pandas_checksums(report, data, cases, veto_pairs, agencies, kinds, vetoes, frequent):
    """The checksums of bench/scoring-bench.c, line for line."""
    case_vetoes = veto_pairs.sort_values("code").groupby("case")["code"].agg(",".join).to_dict()
    lines = []
    for row in zip(data["case_ids"][cases["case"].to_numpy()], cases["agency"], cases["kind"], cases["n_sheets"],
                   cases["initial"], cases["score"], cases["grade"], cases["vetoed"], cases["needs_rereview"],
                   cases["case"]):
        lines.append(f"{row[0]}\t{row[1]}\t{KINDS[row[2]]}\t{row[3]}\t{row[4]}\t{row[5]}\t{row[6]}\t"
                     f"{int(row[7])}\t{int(row[8])}\t{case_vetoes.get(row[9], '')}\n")
    lines.sort()   # str order is code point order, the bytes' order in UTF-8
    grades = cases["grade"].value_counts()
    report.update({
        "n_files": len(cases), "case_score_sum": int(cases["score"].sum()), "n_vetoed": int(cases["vetoed"].sum()),
        "n_needs_rereview": int(cases["needs_rereview"].sum()),
        "grades": [int(grades.get(g, 0)) for g in range(4)],
        "case_digest": hashlib.sha256("".join(lines).encode()).hexdigest(),
    })

    kind_text, veto_text, frequent_text = {}, {}, {}
    for (agency, kind), row in kinds.iterrows():
        kind_text.setdefault(agency, []).append(f"{KINDS[kind]}={row['size']}:{row['mean']}")
    for (agency, code), count in vetoes.items():
        veto_text.setdefault(agency, []).append(f"{code}={count}")
    for agency, code in zip(frequent["agency"], frequent["code"]):
        frequent_text.setdefault(agency, []).append(code)
    digest = hashlib.sha256()
    for a in agencies.itertuples():
        digest.update(f"{a.rank}\t{a.agency}\t{a.n}\t{a.population_size}\t{a.total}\t{a.mean}\t{a.median}\t"
                      f"{a.n_excellent}\t{a.n - a.n_failed}\t{a.n_failed}\t{a.grade}\t"
                      f"{','.join(kind_text.get(a.agency, []))}\t{','.join(veto_text.get(a.agency, []))}\t"
                      f"{','.join(frequent_text.get(a.agency, []))}\n".encode())
    report.update({
        "n_agencies": len(agencies), "agency_mean_sum": int(agencies["mean"].sum()),
        "top3": list(agencies["agency"][:3]), "agency_digest": digest.hexdigest(),
    })


def run_pandas(args):
    """The pandas side: one JSON line with bench/scoring-bench.c's keys."""
    import numpy as np
    import pandas as pd

    report = {"tool": f"pandas {pd.__version__} + numpy {np.__version__}", "repeat": args.aggregate_repeat,
              "peak_rss_kib_before": peak_rss_kib()}
    with Phase(report, "frame"):
        cases_frame = pd.read_csv(args.cases, usecols=["case_id", "agency", "kind"], dtype=str)
        frame_sizes = cases_frame.groupby("agency").size()
        cases_frame = cases_frame.set_index("case_id")
    with Phase(report, "sample"):
        # A census needs no draw; the rubric, whose tables are indexed once
        # the sheets' codes are known.
        with open(args.rubric, encoding="utf-8") as f:
            rubric_json = json.load(f)
    with Phase(report, "load"):
        data = pandas_load(np, pd, args.sheets, cases_frame, rubric_json)
    rubric = data["rubric"]
    report["n_cases"] = len(cases_frame)
    report["n_sheets"] = data["n_sheets"]

    case_walls, case_cpus, agency_walls, agency_cpus = [], [], [], []
    for _ in range(args.aggregate_repeat):
        cpu, wall = time.process_time(), time.perf_counter()
        cases, veto_pairs = pandas_case_results(np, pd, data, rubric)
        case_wall, case_cpu = time.perf_counter() - wall, time.process_time() - cpu
        cpu, wall = time.process_time(), time.perf_counter()
        agencies, kinds, vetoes, frequent = pandas_agency_results(np, pd, data, rubric, cases, veto_pairs,
                                                                  frame_sizes)
        case_walls.append(case_wall)
        case_cpus.append(case_cpu)
        agency_walls.append(case_wall + time.perf_counter() - wall)
        agency_cpus.append(case_cpu + time.process_time() - cpu)
    report["peak_rss_kib_after_aggregate"] = peak_rss_kib()
    add_times(report, "case_results", case_walls, case_cpus)
    add_times(report, "agency_results", agency_walls, agency_cpus)
    pandas_checksums(report, data, cases, veto_pairs, agencies, kinds, vetoes, frequent)
    report["peak_rss_kib"] = peak_rss_kib()
    print(json.dumps(report, ensure_ascii=False))


# ---------------------------------------------------------------------------
# The driver

CHECKSUM_KEYS = ("n_files", "case_score_sum", "n_vetoed", "n_needs_rereview", "grades", "case_digest",
                 "n_agencies", "agency_mean_sum", "top3", "agency_digest")
DESCRIPTIONS = {"libcasereview": "libcasereview", "pandas": "pandas groupby"}


def ensure_data(data_dir, files, panel_rate, rereview_rate):
    """DIR/scoring-FILES[-pP-rR] with a complete generation for these
    arguments."""
    directory = os.path.join(data_dir, f"scoring-{files}" +
                             (f"-p{panel_rate:g}-r{rereview_rate:g}" if panel_rate or rereview_rate else ""))
    stamp_path = os.path.join(directory, "generator.json")
    try:
        with open(stamp_path, encoding="utf-8") as f:
            stamp = json.load(f)
    except (OSError, ValueError):
        stamp = None
    wanted = {"files": files, "panel_rate": panel_rate, "rereview_rate": rereview_rate}
    if stamp is None or any(stamp.get(key, 0.0) != value for key, value in wanted.items()):
        subprocess.run([sys.executable, GENERATOR, "--files", str(files), "--panel-rate", str(panel_rate),
                        "--rereview-rate", str(rereview_rate), directory], check=True)
        with open(stamp_path, encoding="utf-8") as f:
            stamp = json.load(f)
    return [os.path.join(directory, name) for name in ("agencies.csv", "cases.csv", "score-sheets.csv")], stamp


def aggregate_seconds(r, cpu=False):
    """The aggregation figure compared: for the library its first (cold)
    call, which scores every sheet; pandas caches nothing, so its best."""
    suffix = "_cpu" if cpu else ""
    return r.get("agency_results_cold" + suffix, r["agency_results_best" + suffix])


def measure(tool, args, paths):
    if tool == "libcasereview":
        command = [args.bench_exe, "--repeat", str(args.aggregate_repeat), *paths]
    else:
        command = [sys.executable, os.path.abspath(__file__), "pandas", "--rubric", args.rubric,
                   "--aggregate-repeat", str(args.aggregate_repeat), *paths]
    runs = []
    for i in range(args.repeat):
        runs.append(run_measured(command, fail))
        r = runs[-1]
        print(f"  {tool} run {i + 1}: load {r['load_seconds']:.2f} s, "
              f"agency results {aggregate_seconds(r):.2f} s, process {r['process_seconds']:.1f} s, "
              f"{r['peak_rss_kib'] * KIB_IN_MB:.0f} MB peak",
              file=sys.stderr, flush=True)
    for r in runs[1:]:
        if any(r[key] != runs[0][key] for key in CHECKSUM_KEYS):
            fail(f"{tool}'s runs computed different results")
    best = dict(runs[0])
    for key in ("frame_seconds", "sample_seconds", "load_seconds", "load_cpu_seconds", "case_results_best",
                "case_results_best_cpu", "agency_results_best", "agency_results_best_cpu", "process_seconds",
                "agency_results_cold", "agency_results_cold_cpu"):
        if key in best:
            best[key] = min(r[key] for r in runs)
    for key in ("peak_rss_kib", "peak_rss_kib_after_load", "peak_rss_kib_after_aggregate"):
        best[key] = max(r[key] for r in runs)
    best["key"] = tool
    return best


def secs(x):
    return f"{x:.3g}" if x < 100 else f"{x:.0f}"


def print_results(results, stamp, size_mb):
    reference = next((r for r in results if r["key"] == "pandas"), None)
    print()
    print("ratio: the library's time ÷ pandas's (below 1 is faster); load + aggregate = load + agency results")
    print()
    header = ("tool", "frame s", "sample s", "load s", "sheets/s", "case results s", "agency results s",
              "warm s",
              "load + aggregate s", "ratio", "its CPU s", "end to end s", "peak RSS MB", "sheets")
    lines = []
    for r in results:
        total = r["load_seconds"] + aggregate_seconds(r)
        ratio = "—"
        if reference:
            ratio = f"{total / (reference['load_seconds'] + aggregate_seconds(reference)):.2f}"
        lines.append((DESCRIPTIONS[r["key"]], secs(r["frame_seconds"]), secs(r["sample_seconds"]),
                      secs(r["load_seconds"]), f"{r['n_sheets'] / r['load_seconds']:,.0f}",
                      secs(r["case_results_best"]), secs(aggregate_seconds(r)),
                      secs(r["agency_results_best"]) if "agency_results_cold" in r else "—", secs(total), ratio,
                      secs(r["load_cpu_seconds"] + aggregate_seconds(r, cpu=True)),
                      secs(r["frame_seconds"] + r["sample_seconds"] + total),
                      f"{r['peak_rss_kib'] * KIB_IN_MB:.0f}", f"{r['n_sheets']:,}"))
    table(header, lines)
    print(f"(frame: the {stamp['files']:,} case files read first; sample: the census and the evaluation (pandas: "
          f"the rubric); agency results: the aggregation from sheets to the ranking (libcasereview: its first "
          f"call, which scores every sheet); warm: libcasereview's best repeat, with the sheets' scores cached; "
          f"sheets/s: sheets loaded per second; its CPU s: the CPU seconds of load + aggregate; "
          f"end to end: frame + sample + load + aggregate; peak RSS: the process's high-water mark, "
          f"{size_mb:.0f} MB of sheets CSV)")

    ours = next((r for r in results if r["key"] == "libcasereview"), None)
    if ours and reference:
        print()
        for phase, figure in (("load", lambda r: r["load_seconds"]), ("aggregation", aggregate_seconds)):
            mine, theirs = figure(ours), figure(reference)
            verdict = "faster" if mine < theirs else "SLOWER"
            print(f"{phase}: libcasereview {secs(mine)} s, pandas {secs(theirs)} s: {verdict} "
                  f"({theirs / mine:.2f}× pandas's speed)")
        total, reference_total = (r["load_seconds"] + aggregate_seconds(r) for r in (ours, reference))
        print(f"target (issue 5): faster than pandas: {'met' if total < reference_total else 'NOT MET'} "
              f"(load + aggregate {secs(total)} s vs {secs(reference_total)} s)")
        if not ours.get("census_bounds_exact", True):
            print("libcasereview: a census's non-compliance bound differs from the count of 不合格 files")


def check_agreement(results):
    """Every tool's checksums must be the library's."""
    reference = next((r for r in results if r["key"] == "libcasereview"), None)
    print()
    if reference is None or len(results) < 2:
        print("checksums: only one tool ran, nothing to compare")
        return True
    agree = True
    for r in results:
        if r is reference:
            continue
        differing = [key for key in CHECKSUM_KEYS if r[key] != reference[key]]
        if differing:
            agree = False
            print(f"checksums: {r['key']} DISAGREES with libcasereview on {', '.join(differing)}:")
            for key in differing:
                print(f"  {key}: libcasereview {reference[key]}, {r['key']} {r[key]}")
        else:
            print(f"checksums: {r['key']} agrees with libcasereview on every file and every agency")
    print(f"  case digest {reference['case_digest']}, agency digest {reference['agency_digest']}")
    print(f"  {reference['n_files']:,} files, score sum {reference['case_score_sum']:,} hundredths, "
          f"{reference['n_vetoed']:,} vetoed, {reference['n_needs_rereview']:,} needing a re-review, grades "
          f"{reference['grades']}; {reference['n_agencies']} agencies, sum of means "
          f"{reference['agency_mean_sum']:,} hundredths, top three {', '.join(reference['top3'])}")
    return agree


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "pandas":
        parser = argparse.ArgumentParser(prog="scoring-bench.py pandas",
                                         description="The pandas side alone: one JSON line")
        parser.add_argument("mode")
        parser.add_argument("agencies")
        parser.add_argument("cases")
        parser.add_argument("sheets")
        parser.add_argument("--rubric", default=DEFAULT_RUBRIC)
        parser.add_argument("--aggregate-repeat", type=int, default=3)
        run_pandas(parser.parse_args())
        return

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=500_000,
                        help="case files of the generated frame, two sheets each (default 500,000)")
    parser.add_argument("--data-dir", default=os.path.join(REPO_ROOT, "build", "bench-data"),
                        help="where generated files live (default build/bench-data)")
    parser.add_argument("--bench-exe", default=None, help="the built bench/scoring-bench program")
    parser.add_argument("--tools", default="libcasereview,pandas", help="comma-separated subset of "
                        "libcasereview, pandas")
    parser.add_argument("--repeat", type=int, default=1, help="fresh processes per tool; the best time counts "
                        "(default 1)")
    parser.add_argument("--aggregate-repeat", type=int, default=3,
                        help="aggregations per process; the best time counts (default 3)")
    parser.add_argument("--panel-rate", type=float, default=0.0,
                        help="fraction of files with five reviewers (default 0)")
    parser.add_argument("--rereview-rate", type=float, default=0.0,
                        help="fraction of files with two re-review sheets (default 0)")
    parser.add_argument("--rubric", default=DEFAULT_RUBRIC,
                        help="the rubric the pandas port reads (default: the library's default rubric; another "
                             "one makes the checksums disagree, which tests the comparison)")
    args = parser.parse_args()

    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    if not tools or any(t not in DESCRIPTIONS for t in tools):
        parser.error("--tools: choose among libcasereview, pandas")
    args.bench_exe = args.bench_exe or find_bench_exe("scoring-bench")
    if "libcasereview" in tools and (args.bench_exe is None or not os.access(args.bench_exe, os.X_OK)):
        parser.error("--bench-exe: build bench/scoring-bench first (scripts/bench does)")
    if min(args.files, args.repeat, args.aggregate_repeat) < 1:
        parser.error("--files and the repeats must be at least 1")

    paths, stamp = ensure_data(args.data_dir, args.files, args.panel_rate, args.rereview_rate)
    size_mb = os.path.getsize(paths[2]) / 1e6
    for path in paths:   # every tool starts from the page cache
        with open(path, "rb") as f:
            while f.read(1 << 24):
                pass
    machine = machine_description()
    print(f"scoring-bench: {args.files:,} files, {stamp['sheets']:,} sheets, {stamp['rows']:,} rows, "
          f"{paths[2]} {size_mb:.1f} MB; {machine}; load average {loadavg()}", file=sys.stderr, flush=True)

    results = [measure(tool, args, paths) for tool in tools]

    print()
    print(f"bench/scoring: {stamp['files']:,} case files, {stamp['sheets']:,} score sheets "
          f"({stamp['deductions'] / stamp['sheets']:.2f} deductions a sheet, {stamp['rows']:,} rows, "
          f"{size_mb:.1f} MB), default rubric; best of {args.repeat} fresh process(es), aggregation best of "
          f"{args.aggregate_repeat}")
    print(f"{machine}; load average at the end {loadavg()}")
    for r in results:
        if r["n_sheets"] != stamp["sheets"]:
            fail(f"{r['key']} read {r['n_sheets']} sheets, not {stamp['sheets']}")
    print_results(results, stamp, size_mb)
    if not check_agreement(results):
        fail("the tools disagree: see above")


if __name__ == "__main__":
    main()

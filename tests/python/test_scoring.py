# SPDX-License-Identifier: LGPL-2.1-or-later
"""Scoring from Python: a score sheet against the default rubric, and an
evaluation of sampled files with agency results and the district estimate."""

import os

import gi
import pytest

gi.require_version("CaseReview", "1.0")
from gi.repository import CaseReview, Gio, GLib  # noqa: E402

DEMO = os.path.join(os.environ["CASE_REVIEW_SOURCE_DIR"], "examples", "data", "luohu-2020")
RUBRIC = CaseReview.Rubric.get_default()


def test_sheet_arithmetic_and_errors():
    sheet = CaseReview.ScoreSheet.new(RUBRIC, "C1", CaseReview.EnforcementKind.PENALTY, "R01")
    sheet.add_deduction("4.2", 1, "未告知陈述申辩权利", "第12页")
    sheet.add_deduction("3.3", 3, None, None)
    assert sheet.get_score_hundredths() == 9350
    assert sheet.get_grade() == CaseReview.Grade.EXCELLENT
    assert CaseReview.Grade.get_label(sheet.get_grade()) == "优秀"
    with pytest.raises(GLib.Error) as info:
        sheet.add_deduction("9.9", 1, None, None)
    assert info.value.matches(CaseReview.error_quark(), CaseReview.Error.NOT_FOUND)
    sheet.add_veto("V05", "定性错误")
    assert sheet.get_score() == 0 and sheet.get_grade() == CaseReview.Grade.FAIL


def test_evaluation_of_the_demo_sample():
    population = CaseReview.Population.new()
    population.load_csv(Gio.File.new_for_path(os.path.join(DEMO, "agencies.csv")),
                        Gio.File.new_for_path(os.path.join(DEMO, "cases.csv")), CaseReview.TextEncoding.AUTO, None)
    sample = CaseReview.SamplingPlan.new_from_file(Gio.File.new_for_path(os.path.join(DEMO, "plan.json")),
                                                   None).draw(population, None)
    evaluation = CaseReview.Evaluation.new(RUBRIC, sample, population)
    scored = 0
    for i in range(sample.get_n_items()):
        unit = sample.get_item(i)
        if unit.get_role() != CaseReview.SampleRole.PRIMARY:
            continue
        kind = population.lookup_case(unit.get_case_id()).get_kind()
        if not RUBRIC.covers_kind(kind):
            continue
        for reviewer, halves in (("R01", scored % 7), ("R02", scored % 5)):
            sheet = CaseReview.ScoreSheet.new(RUBRIC, unit.get_case_id(), kind, reviewer)
            if halves:
                sheet.add_deduction("7.4", halves, None, None)
            evaluation.add_sheet(sheet)
        scored += 1
    results = evaluation.dup_case_results()
    assert results.get_n_items() == scored
    agencies = evaluation.dup_agency_results()
    ranks = [agencies.get_item(i).get_rank() for i in range(agencies.get_n_items())]
    assert ranks == list(range(1, agencies.get_n_items() + 1))
    means = [agencies.get_item(i).get_mean_hundredths() for i in range(agencies.get_n_items())]
    assert means == sorted(means, reverse=True)
    district = evaluation.dup_district_estimate()
    assert district.get_estimated_deviations() == 0


def _demo_evaluation():
    population = CaseReview.Population.new()
    population.load_csv(Gio.File.new_for_path(os.path.join(DEMO, "agencies.csv")),
                        Gio.File.new_for_path(os.path.join(DEMO, "cases.csv")), CaseReview.TextEncoding.AUTO, None)
    sample = CaseReview.SamplingPlan.new_from_file(Gio.File.new_for_path(os.path.join(DEMO, "plan.json")),
                                                   None).draw(population, None)
    return population, CaseReview.Evaluation.new(RUBRIC, sample, population)


def _sheets_csv_to_json(population, csv_path):
    """The score-sheet CSV as the JSON format of docs/formats.md: rows grouped
    by (case, reviewer, re-review), deductions with their rubric item."""
    import csv
    sheets = {}
    with open(csv_path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            key = (row["案卷编号"], row["评查人员"], row["复核"] == "是")
            sheet = sheets.setdefault(key, {"case_id": key[0], "reviewer_id": key[1], "rereview": key[2],
                                            "deductions": [], "vetoes": [], "not_applicable": []})
            if row["评查日期"]:
                sheet["date"] = row["评查日期"]
            entry, code = row["类型"], row["代码"]
            if entry == "扣分":
                kind = population.lookup_case(key[0]).get_kind()
                deduction = {"item": RUBRIC.lookup_deduction(kind, code).get_item_code(), "option": code}
                for member, column in (("occurrences", "次数"), ("note", "说明"), ("evidence_page", "证据页码")):
                    if row[column]:
                        deduction[member] = int(row[column]) if member == "occurrences" else row[column]
                sheet["deductions"].append(deduction)
            elif entry == "否决":
                sheet["vetoes"].append({"code": code, "note": row["说明"] or None})
            elif entry == "不适用":
                sheet["not_applicable"].append(code)
    return {"format": "libcasereview-score-sheets", "version": 1, "sheets": list(sheets.values())}


def test_sheets_from_json_give_the_results_of_the_same_sheets_in_csv(tmp_path):
    import json
    population, from_csv = _demo_evaluation()
    from_csv.load_sheets_csv(Gio.File.new_for_path(os.path.join(DEMO, "score-sheets.csv")),
                             CaseReview.TextEncoding.AUTO, None)
    _, from_json = _demo_evaluation()
    document = _sheets_csv_to_json(population, os.path.join(DEMO, "score-sheets.csv"))
    path = tmp_path / "score-sheets.json"
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    from_json.load_sheets_json(Gio.File.new_for_path(str(path)), None)
    assert from_json.get_n_sheets() == from_csv.get_n_sheets() == 679

    def cases(evaluation):
        results = evaluation.dup_case_results()
        return [(r.get_case_id(), r.get_initial_score_hundredths(), r.get_score_hundredths(), r.get_grade(),
                 list(r.get_veto_codes()), r.needs_rereview(), r.is_rereviewed())
                for r in (results.get_item(i) for i in range(results.get_n_items()))]

    def agencies(evaluation):
        results = evaluation.dup_agency_results()
        return [(r.get_rank(), r.get_agency_id(), r.get_mean_hundredths(), r.get_median_hundredths(),
                 r.get_n_failed(), r.get_grade(), r.get_noncompliance_upper_count())
                for r in (results.get_item(i) for i in range(results.get_n_items()))]

    assert cases(from_json) == cases(from_csv)
    assert agencies(from_json) == agencies(from_csv)

    # A bad occurrence count: located by JSON path, nothing added.
    index = next(i for i, sheet in enumerate(document["sheets"]) if i > 0 and sheet["deductions"])
    document["sheets"][index]["deductions"][0]["occurrences"] = 0
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    _, fresh = _demo_evaluation()
    with pytest.raises(GLib.Error) as info:
        fresh.load_sheets_json(Gio.File.new_for_path(str(path)), None)
    assert info.value.matches(CaseReview.error_quark(), CaseReview.Error.INVALID)
    assert info.value.message.startswith("score-sheets.json: $.sheets[%d].deductions[0].occurrences: " % index)
    assert fresh.get_n_sheets() == 0

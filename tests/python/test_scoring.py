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

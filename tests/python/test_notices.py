# SPDX-License-Identifier: LGPL-2.1-or-later
"""Rectification notices from Python: drafts from the demo evaluation, the
book as a Gio.ListModel, numbering, the lifecycle with property
notifications, English notices, located errors and the book file."""

import json
import os

import gi
import pytest

gi.require_version("CaseReview", "1.0")
from gi.repository import CaseReview, Gio, GLib  # noqa: E402

SOURCE = os.environ["CASE_REVIEW_SOURCE_DIR"]
DEMO = os.path.join(SOURCE, "examples", "data", "luohu-2020")
RESULTS = os.path.join(SOURCE, "tests", "data", "notices", "results.json")
State = CaseReview.NoticeState


def demo_file(name):
    return Gio.File.new_for_path(os.path.join(DEMO, name))


def at(text):
    return GLib.DateTime.new_from_iso8601(text, None)


def iso(date):
    return None if date is None else f"{date.get_year():04d}-{int(date.get_month()):02d}-{date.get_day():02d}"


@pytest.fixture(scope="module")
def evaluation():
    population = CaseReview.Population.new()
    population.load_csv(demo_file("agencies.csv"), demo_file("cases.csv"), CaseReview.TextEncoding.AUTO, None)
    sample = CaseReview.SamplingPlan.new_from_file(demo_file("plan.json"), None).draw(population, None)
    evaluation = CaseReview.Evaluation.new(CaseReview.Rubric.get_default(), sample, population)
    evaluation.load_sheets_csv(demo_file("score-sheets.csv"), CaseReview.TextEncoding.AUTO, None)
    return evaluation


def test_results_json_is_exact_and_complete(evaluation):
    results = json.loads(evaluation.to_json())
    assert results["format"] == "casereview-results" and results["version"] == 1
    assert results["year"] == 2020
    assert (results["review_start"], results["review_end"]) == ("2021-01-04", "2021-01-26")
    agencies = evaluation.dup_agency_results()
    assert len(results["agencies"]) == agencies.get_n_items() == 32
    for entry, result in zip(results["agencies"], agencies):
        assert entry["agency"] == result.get_agency_id()
        assert entry["mean_hundredths"] == result.get_mean_hundredths()
        assert entry["rank"] == result.get_rank()
        assert entry["fail_count"] == result.get_n_failed()
    cases = {c["case_id"]: c for c in results["cases"]}
    assert len(cases) == 332
    vetoed = [c for c in cases.values() if c["vetoes"]]
    assert len(vetoed) == 13
    for case in vetoed:
        assert [p["code"] for p in case["problems"] if p["severity"] == "veto"] == case["vetoes"]
        assert all(p["basis"] for p in case["problems"] if p["severity"] == "veto")
    # A deduction carries the rubric's text and points.
    deduction = next(p for c in cases.values() for p in c["problems"] if p["severity"] == "deduction")
    rubric_deduction = CaseReview.Rubric.get_default().lookup_deduction(CaseReview.EnforcementKind.PENALTY,
                                                                       deduction["code"])
    if rubric_deduction is not None:
        assert deduction["points_tenths"] == rubric_deduction.get_points_tenths()


def test_book_from_the_demo_evaluation(evaluation):
    book = CaseReview.NoticeBook.new("深圳市罗湖区司法局", "罗司", 2020)
    added = []
    book.connect("items-changed", lambda model, position, removed, n: added.append(n))
    drafts = book.generate(evaluation, GLib.Date.new_dmy(1, GLib.DateMonth.FEBRUARY, 2021))
    assert drafts.get_n_items() == book.get_n_items() == 8
    assert added == [8]
    assert all(n.get_state() == State.DRAFT and n.get_number() is None for n in book)
    assert all(iso(n.get_deadline()) == "2021-03-03" for n in book)

    notice = book.get_item(0)
    changes = []
    notice.connect("notify::state", lambda obj, pspec: changes.append(obj.get_state()))
    notice.connect("notify::number", lambda obj, pspec: changes.append(obj.props.number))
    book.transition(notice, State.ISSUED, "法制科", at("2021-01-29T09:00:00+08:00"), None)
    assert notice.props.number == "罗司〔2020〕1号" and notice.get_serial() == 1
    assert changes == ["罗司〔2020〕1号", State.ISSUED]
    book.transition(notice, State.SERVED, "法制科", at("2021-02-02T10:00:00+08:00"), "EMS 1234")
    assert iso(notice.props.deadline) == "2021-03-04"
    assert notice.is_overdue(GLib.Date.new_dmy(5, GLib.DateMonth.MARCH, 2021))

    with pytest.raises(GLib.Error) as info:
        book.transition(notice, State.CLOSED, "法制科", at("2021-02-03T10:00:00+08:00"), None)
    assert info.value.matches(CaseReview.error_quark(), CaseReview.Error.STATE)
    assert "“served”" in info.value.message and "“closed”" in info.value.message
    assert notice.get_state() == State.SERVED

    events = list(notice.get_history())
    assert [CaseReview.NoticeState.get_name(e.get_to_state()) for e in events] == ["issued", "served"]
    assert events[1].get_note() == "EMS 1234" and events[1].get_actor() == "法制科"

    # The book file keeps everything and refuses a hand-made gap.
    text = book.to_json()
    again = CaseReview.NoticeBook.new_from_json(text, "notices.json")
    assert again.to_json() == text
    broken = json.loads(text)
    broken["next_serial"] = 5
    with pytest.raises(GLib.Error) as info:
        CaseReview.NoticeBook.new_from_json(json.dumps(broken, ensure_ascii=False), "notices.json")
    assert info.value.matches(CaseReview.error_quark(), CaseReview.Error.INVALID)
    assert "number 2 is missing" in info.value.message


def test_english_notices_and_rules():
    book = CaseReview.NoticeBook.new("Luohu District Justice Bureau", "罗司", 2020)
    book.props.language = CaseReview.NoticeLanguage.EN
    book.set_rules(CaseReview.NoticeReason.LOW_MEAN, 7000)   # LH03 64.88 only; LH10 has 76.27
    book.set_deadline(10, True)
    with open(RESULTS, encoding="utf-8") as f:
        drafts = book.generate_from_results(f.read(), "results.json", GLib.Date.new_dmy(1, GLib.DateMonth.FEBRUARY, 2021))
    assert [n.get_agency_id() for n in drafts] == ["LH03"]
    notice = drafts.get_item(0)
    assert notice.get_language() == CaseReview.NoticeLanguage.EN
    assert notice.get_title() == "Rectification Notice"
    assert notice.get_reasons() == CaseReview.NoticeReason.LOW_MEAN
    # 10 working days from Monday 1 February 2021: 2-5 (4), Sunday 7 (worked), 8-10 (8), 18, 19 (10).
    assert iso(notice.get_deadline()) == "2021-02-19"


def test_results_of_another_year_add_nothing():
    book = CaseReview.NoticeBook.new("深圳市罗湖区司法局", "罗司", 2021)
    with open(RESULTS, encoding="utf-8") as f:
        text = f.read()
    with pytest.raises(GLib.Error) as info:
        book.generate_from_results(text, "results.json", None)
    assert info.value.matches(CaseReview.error_quark(), CaseReview.Error.INVALID)
    assert info.value.message == "results.json: $.year: the results are for 2020, the notice book is for 2021"
    assert book.get_n_items() == 0

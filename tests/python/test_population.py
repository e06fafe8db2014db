# SPDX-License-Identifier: LGPL-2.1-or-later
"""CaseReview.Population from Python: the demo frame as a list model, lookups,
errors with their code and location, JSON round trip, async loading."""

import csv
import os
import re

import gi
import pytest

gi.require_version("CaseReview", "1.0")
from gi.repository import CaseReview, Gio, GLib  # noqa: E402

SOURCE = os.environ["CASE_REVIEW_SOURCE_DIR"]
DEMO = os.path.join(SOURCE, "examples", "data", "luohu-2020")
BAD = os.path.join(SOURCE, "tests", "data", "bad")
SMALL = os.path.join(SOURCE, "tests", "data", "population")


def load(population, agencies, cases, encoding=CaseReview.TextEncoding.AUTO):
    population.load_csv(Gio.File.new_for_path(agencies), Gio.File.new_for_path(cases), encoding, None)


@pytest.fixture(scope="module")
def demo():
    population = CaseReview.Population.new()
    load(population, os.path.join(DEMO, "agencies.csv"), os.path.join(DEMO, "cases.csv"))
    return population


def test_demo_frame_matches_the_csv_module(demo):
    with open(os.path.join(DEMO, "cases.csv"), encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert demo.get_n_items() == len(rows) == demo.props.n_cases
    # Iterate the GListModel and compare every row with Python's own parse.
    for position, row in enumerate(rows):
        case = demo.get_item(position)
        assert case.props.id == row["case_id"]
        assert case.props.agency_id == row["agency"]
        assert case.get_kind().value_nick == row["kind"]
        assert case.dup_closed_on_string() == row["closed_on"]
        if row["amount"]:
            yuan, fen = row["amount"].split(".")
            assert case.props.amount == int(yuan) * 100 + int(fen)
        else:
            assert not case.has_amount()
        assert list(case.get_flags()) == sorted(set(f for f in row["flags"].split(";") if f))
        assert case.get_title() == (row["title"] or None)


def test_lookup_and_counts(demo):
    case = demo.lookup_case("深罗发改罚〔2020〕1号")
    assert case.props.agency_id == "LH01"
    assert case.props.closed_on.get_day() == 3
    assert demo.lookup_case("no such id") is None
    assert demo.lookup_agency("LH13").props.short_name == "区城管和综合执法局"
    agencies = demo.get_agencies()
    assert agencies.get_n_items() == 32
    assert sum(demo.count_for_agency(agencies.get_item(i).props.id) for i in range(32)) == demo.get_n_items()
    assert demo.dup_stratum_keys(CaseReview.Stratification.AGENCY)[:2] == ["LH01", "LH02"]
    assert re.fullmatch(r"[0-9a-f]{64}", demo.dup_fingerprint())


def test_malformed_file_raises_with_code_and_line(demo):
    population = CaseReview.Population.new()
    load(population, os.path.join(DEMO, "agencies.csv"), os.path.join(DEMO, "cases.csv"))
    before = population.dup_fingerprint()
    with pytest.raises(GLib.Error) as info:
        load(population, os.path.join(SMALL, "agencies.csv"), os.path.join(BAD, "duplicate-id.csv"))
    assert info.value.matches(CaseReview.error_quark(), CaseReview.Error.DUPLICATE)
    assert info.value.message.startswith("duplicate-id.csv:4:1: ")
    assert "first at line 2" in info.value.message
    assert population.dup_fingerprint() == before

    with pytest.raises(GLib.Error) as info:
        load(population, os.path.join(SMALL, "agencies.csv"), os.path.join(BAD, "impossible-date.csv"))
    assert info.value.matches(CaseReview.error_quark(), CaseReview.Error.INVALID)
    assert info.value.message.startswith("impossible-date.csv:2:4: ")


def test_many_problems_are_collected():
    population = CaseReview.Population.new()
    population.props.max_errors = 10
    with pytest.raises(GLib.Error):
        load(population, os.path.join(SMALL, "agencies.csv"), os.path.join(BAD, "duplicate-id.csv"))
    problems = population.get_problems()
    assert len(problems) == 1
    assert problems[0].matches(CaseReview.error_quark(), CaseReview.Error.DUPLICATE)


def test_gb18030_and_json_round_trip(tmp_path):
    utf8 = CaseReview.Population.new()
    load(utf8, os.path.join(SMALL, "agencies.csv"), os.path.join(SMALL, "cases.csv"))
    gb = CaseReview.Population.new()
    load(gb, os.path.join(SMALL, "agencies-gb18030.csv"), os.path.join(SMALL, "cases-gb18030.csv"))
    assert gb.dup_fingerprint() == utf8.dup_fingerprint()

    path = Gio.File.new_for_path(str(tmp_path / "population.json"))
    utf8.save_json(path, None)
    again = CaseReview.Population.new()
    again.load_json(path, None)
    assert again.dup_fingerprint() == utf8.dup_fingerprint()


def test_async_load_reports_progress():
    population = CaseReview.Population.new()
    loop = GLib.MainLoop()
    seen, result = [], {}
    population.connect("notify::progress", lambda p, _: seen.append(p.props.progress))

    def done(source, res):
        result["ok"] = source.load_csv_finish(res)
        loop.quit()

    population.load_csv_async(Gio.File.new_for_path(os.path.join(DEMO, "agencies.csv")),
                              Gio.File.new_for_path(os.path.join(DEMO, "cases.csv")),
                              CaseReview.TextEncoding.AUTO, None, done)
    loop.run()
    assert result["ok"]
    assert population.get_n_items() == 12014
    assert seen and seen[-1] == 1.0


def test_filter():
    population = CaseReview.Population.new()
    load(population, os.path.join(SMALL, "agencies.csv"), os.path.join(SMALL, "cases.csv"))
    frame_filter = CaseReview.FrameFilter.new()
    frame_filter.set_kinds([CaseReview.EnforcementKind.PENALTY])
    frame_filter.set_agencies(["LH13"])
    frame = population.filter(frame_filter)
    assert [frame.get_item(i).props.id for i in range(frame.get_n_items())] == [
        "深罗城罚〔2020〕88号", "深罗城罚〔2020〕89号"]
    frame_filter.set_agencies(["LH99"])
    with pytest.raises(GLib.Error) as info:
        population.filter(frame_filter)
    assert info.value.matches(CaseReview.error_quark(), CaseReview.Error.NOT_FOUND)

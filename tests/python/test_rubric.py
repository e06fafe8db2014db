# SPDX-License-Identifier: LGPL-2.1-or-later
"""The rubric from Python: the bundled default rubric read through
GObject-Introspection, its tables, vetoes and bands, the JSON round trip and
located errors."""

import json
import os

import gi
import pytest

gi.require_version("CaseReview", "1.0")
from gi.repository import CaseReview, Gio, GLib  # noqa: E402

Kind = CaseReview.EnforcementKind
Grade = CaseReview.Grade
DEFAULT_FILE = os.path.join(os.environ["CASE_REVIEW_SOURCE_DIR"], "data", "rubric", "default-rubric.json")

# 处罚 / 强制 / 检查 / 许可, from the design note; None: the kind has no such item.
POINTS = {
    "1": (10, 10, 15, 10),
    "2": (20, 15, 15, 15),
    "3": (15, 15, 10, 10),
    "4": (25, 35, 30, 35),
    "5": (10, 5, None, None),
    "6": (None, None, 10, 10),
    "7": (10, 10, 10, 10),
    "8": (10, 10, 10, 10),
}
MAIN_KINDS = (Kind.PENALTY, Kind.COERCION, Kind.INSPECTION, Kind.LICENSING)


def model_list(model):
    return [model.get_item(i) for i in range(model.get_n_items())]


@pytest.fixture(scope="module")
def rubric():
    return CaseReview.Rubric.get_default()


def test_default_is_shared(rubric):
    assert CaseReview.Rubric.get_default() is rubric
    assert rubric.get_id() == "libcasereview-default"
    assert rubric.get_grade_scheme() == CaseReview.GradeScheme.FOUR_BAND
    assert rubric.get_not_applicable_policy() == CaseReview.NotApplicablePolicy.DROP


def test_tables_match_the_design_note(rubric):
    for column, kind in enumerate(MAIN_KINDS):
        assert rubric.covers_kind(kind)
        items = model_list(rubric.get_items(kind))
        assert sum(item.get_max_tenths() for item in items) == 1000
        expected = [code for code, points in POINTS.items() if points[column] is not None]
        assert [item.get_code() for item in items] == expected
        for item in items:
            assert item.get_max_tenths() == POINTS[item.get_code()][column] * 10
            assert item.get_kind() == kind
            deductions = model_list(item.get_deductions())
            assert 2 <= len(deductions) <= 5
            for deduction in deductions:
                assert deduction.get_item_code() == item.get_code()
                assert deduction.get_points_tenths() in (5, 10, 20, 50, 100)
                assert rubric.lookup_deduction(kind, deduction.get_code()) == deduction
    assert not rubric.covers_kind(Kind.OTHER)
    assert rubric.get_items(Kind.OTHER).get_n_items() == 0
    assert rubric.lookup_item(Kind.INSPECTION, "6").get_title() == "检查结果处理"
    assert rubric.lookup_item(Kind.LICENSING, "6").get_title() == "许可送达与收费"
    assert rubric.lookup_item(Kind.PENALTY, "6") is None


def test_vetoes(rubric):
    common = [f"V{i:02d}" for i in range(1, 11)]
    assert [v.get_code() for v in model_list(rubric.get_vetoes(Kind.PENALTY))] == common
    assert [v.get_code() for v in model_list(rubric.get_vetoes(Kind.COERCION))] == common + ["V11", "V12", "V13", "V14"]
    v12 = rubric.lookup_veto(Kind.COERCION, "V12")
    assert v12.applies_to(Kind.COERCION) and not v12.applies_to(Kind.PENALTY)
    assert not v12.is_common()
    assert rubric.lookup_veto(Kind.PENALTY, "V12") is None
    v01 = rubric.lookup_veto(Kind.LICENSING, "V01")
    assert v01.is_common() and v01.get_text().startswith("执法主体不合法")
    assert "行政处罚法" in v01.get_basis()


@pytest.mark.parametrize("score,vetoed,grade", [
    (9000, False, Grade.EXCELLENT), (8999, False, Grade.GOOD), (8000, False, Grade.GOOD),
    (7999, False, Grade.PASS), (6000, False, Grade.PASS), (5999, False, Grade.FAIL), (10000, True, Grade.FAIL),
])
def test_grades(rubric, score, vetoed, grade):
    assert rubric.grade_for_score(score, vetoed) == grade


def test_grade_labels():
    assert [CaseReview.grade_get_label(g) for g in (Grade.EXCELLENT, Grade.GOOD, Grade.PASS, Grade.FAIL)] == \
        ["优秀", "良好", "合格", "不合格"]
    assert CaseReview.grade_get_name(Grade.FAIL) == "fail"
    assert CaseReview.grade_get_english_label(Grade.GOOD) == "Good"


def test_round_trip_and_three_bands(rubric):
    text = rubric.to_json()
    with open(DEFAULT_FILE, encoding="utf-8") as f:
        assert text == f.read().rstrip("\n")
    data = json.loads(text)
    assert data["format"] == "libcasereview-rubric" and data["version"] == 1
    assert list(data["kinds"]) == ["penalty", "coercion", "inspection", "licensing"]

    data["grade_scheme"] = "three_band"
    three = CaseReview.Rubric.new_from_json(json.dumps(data, ensure_ascii=False))
    assert three.grade_for_score(8999, False) == Grade.PASS
    assert three.grade_for_score(9000, False) == Grade.EXCELLENT
    assert "good" not in json.loads(three.to_json())["bands"]
    assert CaseReview.Rubric.new_from_json(three.to_json()).to_json() == three.to_json()


def test_errors_name_the_json_path(rubric):
    data = json.loads(rubric.to_json())
    data["kinds"]["penalty"]["items"][3]["max"] = 20
    with pytest.raises(GLib.Error) as info:
        CaseReview.Rubric.new_from_json(json.dumps(data))
    assert info.value.matches(CaseReview.error_quark(), CaseReview.Error.INVALID)
    assert info.value.message == "rubric: $.kinds.penalty.items: the items' maxima total 95 points, not 100"

    data = json.loads(rubric.to_json())
    data["kinds"]["coercion"]["vetoes"][0]["code"] = "V03"
    with pytest.raises(GLib.Error) as info:
        CaseReview.Rubric.new_from_json(json.dumps(data))
    assert info.value.matches(CaseReview.error_quark(), CaseReview.Error.DUPLICATE)
    assert info.value.message == 'rubric: $.kinds.coercion.vetoes[0].code: "V03" is already used at $.vetoes[2].code'

    data = json.loads(rubric.to_json())
    data["version"] = 2
    with pytest.raises(GLib.Error) as info:
        CaseReview.Rubric.new_from_json(json.dumps(data))
    assert info.value.matches(CaseReview.error_quark(), CaseReview.Error.UNSUPPORTED)


def test_from_file(tmp_path, rubric):
    loaded = CaseReview.Rubric.new_from_file(Gio.File.new_for_path(DEFAULT_FILE), None)
    assert loaded.to_json() == rubric.to_json()

    data = json.loads(rubric.to_json())
    data["kinds"]["licensing"]["items"][0]["deductions"][1]["points"] = 2.25
    path = tmp_path / "local.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(GLib.Error) as info:
        CaseReview.Rubric.new_from_file(Gio.File.new_for_path(str(path)), None)
    assert info.value.message == ("local.json: $.kinds.licensing.items[0].deductions[1].points: "
                                  "2.25 has more than one decimal (points are kept in tenths)")

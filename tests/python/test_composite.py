# SPDX-License-Identifier: LGPL-2.1-or-later
"""Composite evaluations from Python through GObject-Introspection: the
Luohu legal-aid demo (70 lawyers, 10 flagged), the legal-education votes,
an evaluation built in code, exports and errors."""

import csv
import io
import json
import os

import gi
import pytest

gi.require_version("CaseReview", "1.0")
from gi.repository import CaseReview, Gio, GLib  # noqa: E402

DEMO = os.path.join(os.environ["CASE_REVIEW_SOURCE_DIR"], "examples", "data", "luohu-2020")


def demo(name):
    evaluation = CaseReview.CompositeEvaluation.new_from_file(
        Gio.File.new_for_path(os.path.join(DEMO, name + "-definition.json")), None)
    evaluation.load_scores_csv(Gio.File.new_for_path(os.path.join(DEMO, name + "-scores.csv")),
                               CaseReview.TextEncoding.AUTO, None)
    return evaluation


def items(model):
    return [model.get_item(i) for i in range(model.get_n_items())]


def test_legal_aid_demo_flags_the_bottom_ten():
    evaluation = demo("legal-aid")
    assert evaluation.get_n_subjects() == 70
    assert evaluation.get_n_values("hearing") == 208
    assert evaluation.get_n_values("file") == 70
    assert evaluation.props.bottom_n == 10
    assert evaluation.props.floor_hundredths == 6000
    components = items(evaluation.get_components())
    assert [c.get_id() for c in components] == ["hearing", "file"]
    assert [c.get_weight() for c in components] == ["0.6", "0.4"]
    assert components[0].get_rule() == CaseReview.CompositeRule.TRIMMED_MEAN
    assert components[0].props.label == "庭审旁听"

    results = items(evaluation.compute())
    assert len(results) == 70
    assert [r.get_rank() for r in results] == list(range(1, 71))
    flagged = [r for r in results if r.is_bottom()]
    assert len(flagged) == 10
    assert [r.get_rank() for r in flagged] == list(range(61, 71))
    assert sum(r.is_below_floor() for r in results) == 2
    assert all(r.is_flagged() == (r.is_bottom() or r.is_below_floor()) for r in results)
    assert all(2 <= r.get_component_n_values("hearing") <= 4 for r in results)
    totals = [r.get_total_hundredths() for r in results]
    assert totals == sorted(totals, reverse=True)
    # The total is 0.6 × hearing + 0.4 × file, rounded half up, in integers.
    for r in results:
        exact = 6 * r.get_component_score_hundredths("hearing") + 4 * r.get_component_score_hundredths("file")
        assert r.get_total_hundredths() == (exact + 5) // 10
    assert results[0].get_subject_id() == "LA22"
    assert results[-1].get_missing_components() == []


def test_legal_education_votes_become_a_public_score():
    evaluation = demo("legal-education")
    results = items(evaluation.compute())
    assert len(results) == 32
    votes = [r.get_component_votes("public") for r in results]
    assert sum(votes) == 12715
    most = max(votes)
    for r in results:
        v = r.get_component_votes("public")
        assert r.get_component_score_hundredths("public") == (2 * 10000 * v + most) // (2 * most)
    assert [r.get_subject_id() for r in results if r.is_bottom()] == ["LH15", "LH21", "LH30"]


def test_evaluation_built_in_code_ranks_ties_and_flags():
    evaluation = CaseReview.CompositeEvaluation.new("code")
    for cid, rule, weight in (("hearing", CaseReview.CompositeRule.TRIMMED_MEAN, "0.6"),
                              ("file", CaseReview.CompositeRule.SINGLE, "0.4")):
        evaluation.add_component(CaseReview.CompositeComponent.new(cid, rule, weight))
    evaluation.set_bottom_n(1)
    for sid, hearing, file_score in (("A", ["60", "80", "85", "90", "100"], "85"),
                                     ("B", ["85"], "85"),
                                     ("C", ["90"], "77.5")):
        evaluation.add_subject(sid, "对象" + sid)
        for i, s in enumerate(hearing):
            evaluation.add_score(sid, "hearing", "E%d" % i, s)
        evaluation.add_score(sid, "file", None, file_score)
    results = items(evaluation.compute())
    # All three total 85.00. C (0.6 × 90 + 0.4 × 77.5) has the best hearing
    # score and ranks first; A (trimmed mean 85) and B tie on both keys, so
    # the id orders them and the bottom-1 flag goes to both.
    assert [r.get_subject_id() for r in results] == ["C", "A", "B"]
    assert [r.get_total_hundredths() for r in results] == [8500, 8500, 8500]
    assert [r.is_bottom() for r in results] == [False, True, True]
    evaluation.add_subject("D", "丁")
    with pytest.raises(GLib.Error) as info:
        evaluation.compute()
    assert info.value.matches(CaseReview.error_quark(), CaseReview.Error.INVALID)
    assert 'subject "D" (丁) has no values for component "hearing"' in info.value.message
    evaluation.set_missing_score_policy(CaseReview.MissingScorePolicy.ZERO)
    last = items(evaluation.compute())[-1]
    assert last.get_subject_id() == "D"
    assert last.get_missing_components() == ["hearing", "file"]


def test_exports_and_round_trip(tmp_path):
    evaluation = demo("legal-aid")
    results = json.loads(evaluation.results_to_json())
    assert results["subjects"] == 70
    assert results["flagged"]["bottom"] == 10
    assert results["definition"]["components"][0]["weight"] == "0.6"
    rows = list(csv.DictReader(io.StringIO(evaluation.results_to_csv().lstrip("\ufeff"))))
    assert [row["subject_id"] for row in rows] == [r["subject_id"] for r in results["results"]]

    scores = tmp_path / "scores.csv"
    scores.write_text(evaluation.scores_to_csv(), encoding="utf-8")
    again = CaseReview.CompositeEvaluation.new_from_json(evaluation.to_json())
    again.load_scores_csv(Gio.File.new_for_path(str(scores)), CaseReview.TextEncoding.AUTO, None)
    assert again.results_to_json() == evaluation.results_to_json()


def test_errors_name_what_is_wrong(tmp_path):
    with pytest.raises(GLib.Error) as info:
        CaseReview.CompositeComponent.new("hearing", CaseReview.CompositeRule.MEAN, "0.1234567")
    assert "has more than six decimals" in info.value.message

    with pytest.raises(GLib.Error) as info:
        CaseReview.CompositeEvaluation.new_from_json(
            '{"id": "x", "components": [{"id": "a", "weight": "0.6", "rule": "mean"},'
            ' {"id": "b", "weight": "0.3", "rule": "vote-share"}]}')
    assert info.value.matches(CaseReview.error_quark(), CaseReview.Error.INVALID)
    assert info.value.message.startswith("evaluation definition: $.components: the component weights add up to 0.9")

    evaluation = demo("legal-education")
    before = evaluation.results_to_json()
    bad = tmp_path / "bad.csv"
    bad.write_text("subject_id,subject_name,component,score\nLH99,新单位,public,-3\n", encoding="utf-8")
    with pytest.raises(GLib.Error) as info:
        evaluation.load_scores_csv(Gio.File.new_for_path(str(bad)), CaseReview.TextEncoding.AUTO, None)
    assert info.value.matches(CaseReview.error_quark(), CaseReview.Error.INVALID)
    assert info.value.message == 'bad.csv:2:4: subject "LH99", component "public": vote count "-3" is negative'
    assert evaluation.get_n_subjects() == 32
    assert evaluation.results_to_json() == before

    with pytest.raises(GLib.Error) as info:
        evaluation.add_votes("LH01", "public", 5)
    assert info.value.matches(CaseReview.error_quark(), CaseReview.Error.DUPLICATE)
    with pytest.raises(GLib.Error) as info:
        evaluation.add_subject("LH01", "again")
    assert info.value.matches(CaseReview.error_quark(), CaseReview.Error.DUPLICATE)

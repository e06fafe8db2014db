# SPDX-License-Identifier: LGPL-2.1-or-later
"""Reviewer assignment from Python, with the pool fingerprint recomputed
independently from docs/assignment.md."""

import csv
import hashlib
import json
import os

import gi
import pytest

gi.require_version("CaseReview", "1.0")
from gi.repository import CaseReview, Gio, GLib  # noqa: E402

DEMO = os.path.join(os.environ["CASE_REVIEW_SOURCE_DIR"], "examples", "data", "luohu-2020")
KINDS = ["penalty", "coercion", "inspection", "licensing", "other"]


@pytest.fixture(scope="module")
def setup():
    population = CaseReview.Population.new()
    population.load_csv(Gio.File.new_for_path(os.path.join(DEMO, "agencies.csv")),
                        Gio.File.new_for_path(os.path.join(DEMO, "cases.csv")), CaseReview.TextEncoding.AUTO, None)
    sample = CaseReview.SamplingPlan.new_from_file(Gio.File.new_for_path(os.path.join(DEMO, "plan.json")),
                                                   None).draw(population, None)
    pool = CaseReview.ReviewerPool.new()
    pool.load_csv(Gio.File.new_for_path(os.path.join(DEMO, "reviewers.csv")), CaseReview.TextEncoding.AUTO, None)
    return population, sample, pool


def test_pool_fingerprint_follows_the_spec(setup):
    _, _, pool = setup
    rows = []
    with open(os.path.join(DEMO, "reviewers.csv"), encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            listed = [k for k in r["kinds"].split(";") if k]
            rows.append([r["id"], r["name"], r["agency"] or None, r["region"] or None,
                         [k for k in KINDS if not listed or k in listed], int(r["capacity"] or 0),
                         sorted(set(c for c in r["conflicts"].split(";") if c))])
    rows.sort(key=lambda row: row[0].encode())
    text = "".join(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n" for row in rows)
    assert pool.dup_fingerprint() == hashlib.sha256(text.encode()).hexdigest()


def test_assignment_respects_recusal_and_verifies(setup):
    population, sample, pool = setup
    rules = CaseReview.AssignmentRules.AVOID_REGION | CaseReview.AssignmentRules.REQUIRE_QUALIFICATION
    assignment = CaseReview.Assignment.new_draw(sample, pool, population, 2, rules, None)
    assert assignment.get_n_items() == 700
    for i in range(assignment.get_n_items()):
        task = assignment.get_item(i)
        reviewer = pool.lookup(task.get_reviewer_id())
        assert reviewer.get_agency_id() != task.get_agency_id()
        assert not reviewer.has_conflict(task.get_agency_id())
    back = CaseReview.Assignment.new_from_manifest(assignment.to_manifest())
    assert back.verify(sample, pool, population)
    assert back.get_rules() == rules


def test_infeasible_pool_raises(setup):
    _, sample, _ = setup
    pool = CaseReview.ReviewerPool.new()
    pool.add(CaseReview.Reviewer.new("A", "甲", "LH13"))
    with pytest.raises(GLib.Error) as info:
        CaseReview.Assignment.new_draw(sample, pool, None, 2, CaseReview.AssignmentRules.NONE, None)
    assert info.value.matches(CaseReview.error_quark(), CaseReview.Error.INVALID)
    assert "remain eligible" in info.value.message

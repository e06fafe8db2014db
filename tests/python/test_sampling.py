# SPDX-License-Identifier: LGPL-2.1-or-later
"""Sampling from Python: the demo draw, manifest round trip, verification,
substitution and errors, through GObject-Introspection."""

import json
import os

import gi
import pytest

gi.require_version("CaseReview", "1.0")
from gi.repository import CaseReview, Gio, GLib  # noqa: E402

DEMO = os.path.join(os.environ["CASE_REVIEW_SOURCE_DIR"], "examples", "data", "luohu-2020")


@pytest.fixture(scope="module")
def population():
    population = CaseReview.Population.new()
    population.load_csv(Gio.File.new_for_path(os.path.join(DEMO, "agencies.csv")),
                        Gio.File.new_for_path(os.path.join(DEMO, "cases.csv")),
                        CaseReview.TextEncoding.AUTO, None)
    return population


@pytest.fixture
def plan():
    return CaseReview.SamplingPlan.new_from_file(Gio.File.new_for_path(os.path.join(DEMO, "plan.json")), None)


def test_demo_plan_draws_350_with_two_reserves_per_agency(population, plan):
    sample = plan.draw(population, None)
    assert sample.get_n_selected() == 350
    strata = sample.get_strata()
    assert strata.get_n_items() == 32
    assert sum(strata.get_item(i).get_allocated() for i in range(32)) == 350
    assert all(strata.get_item(i).get_allocated() >= 5 for i in range(32))
    roles = [sample.get_item(i).get_role() for i in range(sample.get_n_items())]
    assert roles.count(CaseReview.SampleRole.RESERVE) == 64
    # Horvitz-Thompson: 1/π over a stratum's selected files estimates its size.
    for i in range(32):
        stratum = strata.get_item(i)
        units = [sample.get_item(j) for j in range(sample.get_n_items())
                 if sample.get_item(j).get_stratum() == stratum.get_key()
                 and sample.get_item(j).get_role() == CaseReview.SampleRole.PRIMARY]
        assert sum(1 / u.get_inclusion_probability() for u in units) == pytest.approx(stratum.get_population_size())


def test_manifest_is_json_and_verifies(population, plan):
    sample = plan.draw(population, None)
    text = sample.to_manifest()
    manifest = json.loads(text)
    assert manifest["format"] == "libcasereview-sample-manifest"
    assert manifest["seed"] == plan.get_seed()
    assert manifest["population"]["fingerprint"] == population.dup_fingerprint()
    assert len(manifest["units"]) == 350 + 64
    again = CaseReview.Sample.new_from_manifest(text)
    assert again.verify(population, None)

    manifest["units"][0]["case_id"], manifest["units"][1]["case_id"] = (
        manifest["units"][1]["case_id"], manifest["units"][0]["case_id"])
    forged = CaseReview.Sample.new_from_manifest(json.dumps(manifest, ensure_ascii=False))
    with pytest.raises(GLib.Error) as info:
        forged.verify(population, None)
    assert info.value.matches(CaseReview.error_quark(), CaseReview.Error.VERIFY)
    assert "2 differences" in info.value.message


def test_same_seed_same_sample_other_seed_other_sample(population, plan):
    first = plan.draw(population, None).to_manifest()
    assert plan.draw(population, None).to_manifest() == first
    plan.props.seed = plan.get_seed() + " "
    assert plan.draw(population, None).to_manifest() != first


def test_substitution(population, plan):
    sample = plan.draw(population, None)
    primary = next(sample.get_item(i) for i in range(sample.get_n_items())
                   if sample.get_item(i).get_role() == CaseReview.SampleRole.PRIMARY)
    substitute = sample.substitute(primary.get_case_id(), "案卷已移送法院")
    assert substitute.get_role() == CaseReview.SampleRole.SUBSTITUTE
    assert substitute.get_stratum() == primary.get_stratum()
    assert primary.get_role() == CaseReview.SampleRole.MISSING
    with pytest.raises(GLib.Error) as info:
        sample.substitute(primary.get_case_id(), "again")
    assert info.value.matches(CaseReview.error_quark(), CaseReview.Error.STATE)
    assert CaseReview.Sample.new_from_manifest(sample.to_manifest()).verify(population, None)


def test_bad_plan_names_the_parameter(population):
    with pytest.raises(GLib.Error) as info:
        CaseReview.SamplingPlan.new_from_json('{"seed": "s", "allocation": "proportional", "sample_size": 99999}').draw(
            population, None)
    assert info.value.matches(CaseReview.error_quark(), CaseReview.Error.INVALID)
    assert info.value.message.startswith("sample_size:")
    with pytest.raises(GLib.Error) as info:
        CaseReview.SamplingPlan.new_from_json('{"seed": ""}')
    assert "seed" in info.value.message

// SPDX-License-Identifier: LGPL-2.1-or-later
// Sampling from GJS: the demo plan draws the same sample as C and Python
// (checked through the manifest), verifies, and reports bad plans.
import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import CaseReview from 'gi://CaseReview?version=1.0';
import {check, finish} from './checks.js';

const demo = `${GLib.getenv('CASE_REVIEW_SOURCE_DIR')}/examples/data/luohu-2020`;
const file = path => Gio.File.new_for_path(path);

const population = CaseReview.Population.new();
population.load_csv(file(`${demo}/agencies.csv`), file(`${demo}/cases.csv`), CaseReview.TextEncoding.AUTO, null);
const plan = CaseReview.SamplingPlan.new_from_file(file(`${demo}/plan.json`), null);
const sample = plan.draw(population, null);

check(sample.get_n_selected() === 350, `selected ${sample.get_n_selected()}`);
check(sample.get_strata().get_n_items() === 32, 'strata');
const manifest = JSON.parse(sample.to_manifest());
check(manifest.units.length === 350 + 64, `units ${manifest.units.length}`);
check(manifest.population.fingerprint === population.dup_fingerprint(), 'fingerprint recorded');

// The same draw from a manifest read back verifies.
const back = CaseReview.Sample.new_from_manifest(sample.to_manifest());
check(back.verify(population, null), 'manifest verifies');

// A different seed is a different sample.
plan.seed = `${plan.seed}!`;
check(plan.draw(population, null).to_manifest() !== sample.to_manifest(), 'other seed, other sample');

try {
    CaseReview.SamplingPlan.new_from_json('{"seed": "s", "per_stratum": 1, "confidence": 2}');
    check(false, 'a bad plan must throw');
} catch (e) {
    check(e.matches(CaseReview.error_quark(), CaseReview.Error.INVALID), `error code ${e.code}`);
    check(e.message.startsWith('$.confidence:'), `message ${e.message}`);
}

finish('test-sampling.js');

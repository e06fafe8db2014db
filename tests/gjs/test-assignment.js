// SPDX-License-Identifier: LGPL-2.1-or-later
// Reviewer assignment from GJS: every sampled file gets two reviewers, none
// from its own agency, reproducibly.
import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import CaseReview from 'gi://CaseReview?version=1.0';
import {check, finish} from './checks.js';

const demo = `${GLib.getenv('CASE_REVIEW_SOURCE_DIR')}/examples/data/luohu-2020`;
const file = path => Gio.File.new_for_path(path);

const population = CaseReview.Population.new();
population.load_csv(file(`${demo}/agencies.csv`), file(`${demo}/cases.csv`), CaseReview.TextEncoding.AUTO, null);
const sample = CaseReview.SamplingPlan.new_from_file(file(`${demo}/plan.json`), null).draw(population, null);
const pool = CaseReview.ReviewerPool.new();
pool.load_csv(file(`${demo}/reviewers.csv`), CaseReview.TextEncoding.AUTO, null);

const assignment = CaseReview.Assignment.new_draw(sample, pool, null, 2, CaseReview.AssignmentRules.NONE, null);
check(assignment.get_n_items() === 700, `tasks ${assignment.get_n_items()}`);
for (let i = 0; i < assignment.get_n_items(); i++) {
    const task = assignment.get_item(i);
    check(pool.lookup(task.get_reviewer_id()).get_agency_id() !== task.get_agency_id(), `recusal on ${task.get_case_id()}`);
}
const again = CaseReview.Assignment.new_draw(sample, pool, null, 2, CaseReview.AssignmentRules.NONE, null);
check(again.to_manifest() === assignment.to_manifest(), 'same seed, same assignment');
check(CaseReview.Assignment.new_from_manifest(assignment.to_manifest()).verify(sample, pool, null), 'verifies');

finish('test-assignment.js');

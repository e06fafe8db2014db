// SPDX-License-Identifier: LGPL-2.1-or-later
// Composite evaluations from GJS: the Luohu legal-aid demo (70 lawyers, the
// bottom 10 flagged), the legal-education votes, and errors.
import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import CaseReview from 'gi://CaseReview?version=1.0';
import {check, finish} from './checks.js';

const demo = `${GLib.getenv('CASE_REVIEW_SOURCE_DIR')}/examples/data/luohu-2020`;
const file = path => Gio.File.new_for_path(path);
function load(name) {
    const evaluation = CaseReview.CompositeEvaluation.new_from_file(file(`${demo}/${name}-definition.json`), null);
    evaluation.load_scores_csv(file(`${demo}/${name}-scores.csv`), CaseReview.TextEncoding.AUTO, null);
    return evaluation;
}
function items(model) {
    const out = [];
    for (let i = 0; i < model.get_n_items(); i++)
        out.push(model.get_item(i));
    return out;
}

const aid = load('legal-aid');
check(aid.get_n_subjects() === 70, `lawyers ${aid.get_n_subjects()}`);
check(aid.get_n_values('hearing') === 208, `expert visits ${aid.get_n_values('hearing')}`);
check(aid.bottom_n === 10, `bottom_n ${aid.bottom_n}`);
const results = items(aid.compute());
check(results.length === 70, `results ${results.length}`);
const bottom = results.filter(r => r.is_bottom());
check(bottom.length === 10, `bottom ${bottom.length}`);
check(bottom.every(r => r.get_rank() > 60), 'bottom are the last ten');
check(results.filter(r => r.is_below_floor()).length === 2, 'two below 60');
check(results.every((r, i) => r.get_rank() === i + 1), 'ranks in order');
for (const r of results) {
    const exact = 6 * r.get_component_score_hundredths('hearing') + 4 * r.get_component_score_hundredths('file');
    check(r.get_total_hundredths() === Math.floor((exact + 5) / 10), `total of ${r.get_subject_id()}`);
}
const json = JSON.parse(aid.results_to_json());
check(json.flagged.bottom === 10 && json.results[0].subject_id === 'LA22', 'results JSON');
check(json.definition.components.map(c => c.weight).join('/') === '0.6/0.4', 'weights in JSON');

const education = load('legal-education');
const ranked = items(education.compute());
check(ranked.reduce((sum, r) => sum + r.get_component_votes('public'), 0) === 12715, '12,715 votes');
check(ranked.filter(r => r.is_bottom()).map(r => r.get_subject_id()).join(' ') === 'LH15 LH21 LH30', 'bottom 3');

try {
    CaseReview.CompositeEvaluation.new_from_json('{"id": "x", "components": [{"id": "a", "weight": "0.6", "rule": "mean"}]}');
    check(false, 'weights that do not add up to 1 must throw');
} catch (e) {
    check(e.matches(CaseReview.error_quark(), CaseReview.Error.INVALID), `error code ${e.code}`);
    check(e.message.startsWith('evaluation definition: $.components: the component weights add up to 0.6'),
        `message ${e.message}`);
}
try {
    aid.add_score('LA01', 'hearing', 'E99', '85.555');
    check(false, 'three decimals must throw');
} catch (e) {
    check(e.message === 'subject "LA01", component "hearing": score "85.555" has more than two decimals',
        `message ${e.message}`);
}
check(aid.get_n_values(null) === 278, 'nothing added by a failed score');

finish('test-composite.js');

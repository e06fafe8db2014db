// SPDX-License-Identifier: LGPL-2.1-or-later
// The rubric from GJS: the bundled default rubric through introspection, its
// tables and vetoes, grade bands, the JSON round trip and a located error.
import CaseReview from 'gi://CaseReview?version=1.0';
import {check, finish, list} from './checks.js';

const Kind = CaseReview.EnforcementKind;
const Grade = CaseReview.Grade;

const rubric = CaseReview.Rubric.get_default();
check(CaseReview.Rubric.get_default() === rubric, 'one shared default rubric');
check(rubric.get_id() === 'libcasereview-default', `id ${rubric.get_id()}`);

// Each main kind totals 100 points; procedure weighs 25/35/30/35.
const procedure = {[Kind.PENALTY]: 250, [Kind.COERCION]: 350, [Kind.INSPECTION]: 300, [Kind.LICENSING]: 350};
for (const kind of [Kind.PENALTY, Kind.COERCION, Kind.INSPECTION, Kind.LICENSING]) {
    const items = list(rubric.get_items(kind));
    const total = items.reduce((sum, item) => sum + item.get_max_tenths(), 0);
    check(total === 1000, `kind ${kind} totals ${total}`);
    check(rubric.lookup_item(kind, '4').get_max_tenths() === procedure[kind], `procedure of kind ${kind}`);
    for (const item of items) {
        const deductions = list(item.get_deductions());
        check(deductions.length >= 2 && deductions.length <= 5, `item ${item.get_code()} options`);
        check(deductions.every(d => d.get_item_code() === item.get_code()), 'deductions name their item');
    }
}
check(!rubric.covers_kind(Kind.OTHER), 'no table for other');
check(rubric.lookup_item(Kind.COERCION, '5').get_max_tenths() === 50, '自由裁量 5 for coercion');
check(rubric.lookup_item(Kind.INSPECTION, '5') === null, 'no 自由裁量 for inspection');
check(rubric.lookup_item(Kind.LICENSING, '6').get_title() === '许可送达与收费', 'licensing item 6');

// Vetoes: common ones first; a coercion veto does not apply to penalties.
const coercionVetoes = list(rubric.get_vetoes(Kind.COERCION)).map(v => v.get_code());
check(coercionVetoes.length === 14 && coercionVetoes[0] === 'V01' && coercionVetoes[13] === 'V14',
    `coercion vetoes ${coercionVetoes}`);
check(rubric.lookup_veto(Kind.PENALTY, 'V11') === null, 'V11 is not a penalty veto');
check(rubric.lookup_veto(Kind.COERCION, 'V11').applies_to(Kind.COERCION), 'V11 applies to coercion');
check(rubric.lookup_veto(Kind.INSPECTION, 'V07').is_common(), 'V07 is common');

// Bands at their edges.
check(rubric.grade_for_score(9000, false) === Grade.EXCELLENT, '90.00 优秀');
check(rubric.grade_for_score(8999, false) === Grade.GOOD, '89.99 良好');
check(rubric.grade_for_score(5999, false) === Grade.FAIL, '59.99 不合格');
check(rubric.grade_for_score(10000, true) === Grade.FAIL, 'veto 不合格');
check(CaseReview.grade_get_label(Grade.PASS) === '合格', 'label 合格');
check(rubric.get_band_minimum(Grade.GOOD) === 8000, 'good from 80');

// Round trip, and a three-band variant.
const text = rubric.to_json();
check(CaseReview.Rubric.new_from_json(text).to_json() === text, 'round trip');
const data = JSON.parse(text);
data.grade_scheme = 'three_band';
const three = CaseReview.Rubric.new_from_json(JSON.stringify(data));
check(three.grade_for_score(8999, false) === Grade.PASS, 'three bands: 89.99 合格');

// A located error.
data.kinds.inspection.items[0].deductions[0].code = '1.2';
try {
    CaseReview.Rubric.new_from_json(JSON.stringify(data));
    check(false, 'a duplicate code must throw');
} catch (e) {
    check(e.matches(CaseReview.error_quark(), CaseReview.Error.DUPLICATE), `error code ${e.code}`);
    check(e.message === 'rubric: $.kinds.inspection.items[0].deductions[1].code: "1.2" is already used at ' +
        '$.kinds.inspection.items[0].deductions[0].code', `message ${e.message}`);
}

finish('test-rubric.js');

// SPDX-License-Identifier: LGPL-2.1-or-later
// CaseReview.Population from GJS: load the demo frame, iterate the list
// model, look up by id, catch a malformed file's error with code and line.
import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import CaseReview from 'gi://CaseReview?version=1.0';
import {check, finish} from './checks.js';

const source = GLib.getenv('CASE_REVIEW_SOURCE_DIR');
const demo = `${source}/examples/data/luohu-2020`;
const file = path => Gio.File.new_for_path(path);

const population = CaseReview.Population.new();
population.load_csv(file(`${demo}/agencies.csv`), file(`${demo}/cases.csv`), CaseReview.TextEncoding.AUTO, null);
check(population.get_n_items() === 12014, `n_items ${population.get_n_items()}`);

let fined = 0, total = 0;
for (let i = 0; i < population.get_n_items(); i++) {
    const item = population.get_item(i);
    if (item.get_kind() === CaseReview.EnforcementKind.PENALTY)
        fined += item.amount;
    total++;
}
check(total === 12014, 'iterated every item');
check(Number.isSafeInteger(fined) && fined > 0, `total fines in fen ${fined}`);

const found = population.lookup_case('深罗发改罚〔2020〕1号');
check(found !== null && found.agency_id === 'LH01' && found.amount === 350000, 'lookup by id');
check(population.lookup_case('missing') === null, 'lookup of a missing id');
check(population.lookup_agency('LH13').short_name === '区城管和综合执法局', 'agency short name');

const before = population.dup_fingerprint();
try {
    population.load_csv(file(`${source}/tests/data/population/agencies.csv`),
        file(`${source}/tests/data/bad/unknown-agency.csv`), CaseReview.TextEncoding.AUTO, null);
    check(false, 'a malformed file must throw');
} catch (e) {
    check(e.matches(CaseReview.error_quark(), CaseReview.Error.NOT_FOUND), `error code ${e.code}`);
    check(e.message.startsWith('unknown-agency.csv:3:2: '), `error location: ${e.message}`);
}
check(population.dup_fingerprint() === before, 'a failed load changes nothing');

finish('test-population.js');

// SPDX-License-Identifier: LGPL-2.1-or-later
// Scoring from GJS: the demo's 679 score sheets loaded into an evaluation of
// the drawn sample, the case and agency results read back, and a bad sheet
// file failing with a located error that adds nothing.
import CaseReview from 'gi://CaseReview?version=1.0';
import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import {check, finish, list} from './checks.js';

const Grade = CaseReview.Grade;
const demo = GLib.build_filenamev([GLib.getenv('CASE_REVIEW_SOURCE_DIR'), 'examples', 'data', 'luohu-2020']);
const demoFile = name => Gio.File.new_for_path(GLib.build_filenamev([demo, name]));

const population = CaseReview.Population.new();
population.load_csv(demoFile('agencies.csv'), demoFile('cases.csv'), CaseReview.TextEncoding.AUTO, null);
const sample = CaseReview.SamplingPlan.new_from_file(demoFile('plan.json'), null).draw(population, null);
const evaluation = CaseReview.Evaluation.new(CaseReview.Rubric.get_default(), sample, population);

evaluation.load_sheets_csv(demoFile('score-sheets.csv'), CaseReview.TextEncoding.AUTO, null);
check(evaluation.get_n_sheets() === 679, `sheets ${evaluation.get_n_sheets()}`);

// 332 files with a rubric table, two initial sheets each; the grade counts
// and re-review figures are the ones the C suite asserts.
const results = list(evaluation.dup_case_results());
check(results.length === 332, `results ${results.length}`);
const grades = {};
for (const result of results) {
    grades[result.get_grade()] = (grades[result.get_grade()] ?? 0) + 1;
    check(result.get_n_sheets() === 2, `${result.get_case_id()} sheets`);
    check(result.get_score_hundredths() <= 10000, `${result.get_case_id()} score`);
}
check(grades[Grade.EXCELLENT] === 94 && grades[Grade.GOOD] === 188 && grades[Grade.PASS] === 37 &&
      grades[Grade.FAIL] === 13, `grades ${JSON.stringify(grades)}`);
check(results.filter(r => r.is_vetoed()).length === 13, 'vetoed files');
check(results.filter(r => r.is_rereviewed()).length === 15, 're-reviewed files');
const first = evaluation.dup_case_result('深罗发改罚〔2020〕2号');
check(first !== null && first.get_score_hundredths() === 8300, 'first file scores 83.00');

// Agencies: 32, ranked 1..32 by mean, pass counts within their files.
const agencies = list(evaluation.dup_agency_results());
check(agencies.length === 32, `agencies ${agencies.length}`);
agencies.forEach((agency, i) => {
    check(agency.get_rank() >= 1 && agency.get_rank() <= i + 1, `${agency.get_agency_id()} rank`);
    check(agency.get_n_passed() <= agency.get_n_files(), `${agency.get_agency_id()} passed`);
    if (i > 0)
        check(agencies[i - 1].get_mean_hundredths() >= agency.get_mean_hundredths(), 'ranked by mean');
});
check(agencies.reduce((sum, a) => sum + a.get_n_files(), 0) === 332, 'agency files sum to 332');

// A bad file: the second row names an item the penalty table lacks. The
// error is located, the first (good) row is not applied either.
const [tmp, stream] = Gio.File.new_tmp('casereview-sheets-XXXXXX.csv');
stream.get_output_stream().write_all(new TextEncoder().encode(
    'case_id,reviewer,rereview,date,entry,code,occurrences,note,evidence_page\n' +
    '深罗发改罚〔2020〕2号,R90,0,2021-01-05,deduction,1.1,1,,\n' +
    '深罗发改罚〔2020〕2号,R91,0,2021-01-05,deduction,9.9,1,,\n'), null);
stream.close(null);
try {
    evaluation.load_sheets_csv(tmp, CaseReview.TextEncoding.AUTO, null);
    check(false, 'bad sheet file accepted');
} catch (e) {
    check(e.matches(CaseReview.error_quark(), CaseReview.Error.NOT_FOUND), `error ${e.message}`);
    check(/\.csv:3:\d+: /.test(e.message), `located at line 3: ${e.message}`);
}
tmp.delete(null);
check(evaluation.get_n_sheets() === 679, 'nothing half-applied');

// The results leave the library as JSON, CSV and an Excel workbook.
const results_json = JSON.parse(evaluation.to_json());
check(results_json.format === 'casereview-results' && results_json.year === 2020, 'results JSON header');
check(results_json.agencies.map(a => a.mean_hundredths).join() === agencies.map(a => a.get_mean_hundredths()).join(),
    'results JSON means are the agency results');
check(results_json.cases.length === 332, `results JSON cases ${results_json.cases.length}`);
const dir = GLib.dir_make_tmp('casereview-export-XXXXXX');
const csv = Gio.File.new_for_path(GLib.build_filenamev([dir, 'agencies.csv']));
const xlsx = Gio.File.new_for_path(GLib.build_filenamev([dir, 'results.xlsx']));
evaluation.write_agency_results_csv(csv, false, null);
evaluation.write_xlsx(xlsx, null);
const [, csvBytes] = csv.load_contents(null);
const csvLines = new TextDecoder().decode(csvBytes).trim().split(/\r?\n/);
check(csvLines.length === 33, `agency CSV rows ${csvLines.length}`);
check(csvLines[1].includes(agencies[0].get_agency_id()), `first CSV row is the first-ranked agency: ${csvLines[1]}`);
const [, xlsxBytes] = xlsx.load_contents(null);
check(xlsxBytes[0] === 0x50 && xlsxBytes[1] === 0x4b, 'the workbook is a zip (PK)');
csv.delete(null);
xlsx.delete(null);
GLib.rmdir(dir);

finish('test-scoring.js');

// SPDX-License-Identifier: LGPL-2.1-or-later
// The statistics module from GJS: the anchors of AICPA Table A-1, the small
// agency, exact rates, bounds, the stratified estimate and errors, with the
// same values as C and Python.
import GLib from 'gi://GLib';
import CaseReview from 'gi://CaseReview?version=1.0';
import {check, finish} from './checks.js';

const Model = CaseReview.StatisticalModel;

function expectError(fn, code, parameter, what) {
    try {
        fn();
        check(false, `${what} must throw`);
    } catch (e) {
        check(e instanceof GLib.Error, `${what} threw ${e}`);
        check(e.matches(CaseReview.error_quark(), code), `${what}: error code ${e.code}`);
        check(e.message.startsWith(`${parameter}:`), `${what}: message "${e.message}"`);
    }
}

// AICPA Table A-1 anchors.
let plan = CaseReview.AttributePlan.new(Model.BINOMIAL, 0.95, 0.05, 0, 0);
check(plan.get_sample_size() === 59 && plan.get_allowed_deviations() === 0, `5%/0%: ${plan.get_sample_size()}`);
plan = CaseReview.AttributePlan.new(Model.BINOMIAL, 0.95, 0.05, 0.01, 0);
check(plan.get_sample_size() === 93 && plan.get_allowed_deviations() === 1, `5%/1%: ${plan.get_sample_size()}`);
check(plan.get_achieved_risk() < 0.05, `achieved risk ${plan.get_achieved_risk()}`);
plan = CaseReview.AttributePlan.new(Model.BINOMIAL, 0.95, 0.2, 0.175, 0);
check(plan.get_sample_size() === 720 && plan.get_allowed_deviations() === 126, `20%/17.5%: ${plan.get_sample_size()}`);

// The small agency: N = 100 needs 45 files, not 59.
plan = CaseReview.AttributePlan.new(Model.HYPERGEOMETRIC, 0.95, 0.05, 0, 100);
check(plan.get_sample_size() === 45 && plan.get_critical_count() === 5, `N = 100: ${plan.get_sample_size()}`);
plan = CaseReview.AttributePlan.new_for_deviations(Model.POISSON, 0.95, 0.05, 0, 0);
check(plan.get_sample_size() === 60 && !plan.has_expected_rate(), `Poisson k = 0: ${plan.get_sample_size()}`);

// Exact rates: "3.5%" is 35/1000 and 400 · 3.5% is 14, not 15. GJS 1.74
// ignores (skip) on the boolean return value and gives [true, rate]; Python
// gives the rate alone.
const parsed = CaseReview.parse_rate('3.5%');
const rate = Array.isArray(parsed) ? parsed[1] : parsed;
check(!Array.isArray(parsed) || parsed[0] === true, `parse_rate returned ${parsed}`);
check(rate === 0.035, `parse_rate("3.5%") = ${rate}`);
check(CaseReview.format_rate(rate) === '0.035', `format_rate = ${CaseReview.format_rate(rate)}`);
check(CaseReview.rate_ceil_count(rate, 400) === 14, `⌈400 · 3.5%⌉ = ${CaseReview.rate_ceil_count(rate, 400)}`);
check(Math.ceil(400 * 0.035) === 15, 'JavaScript doubles do round 400 · 0.035 up to 15');

// Bounds.
let bound = CaseReview.Bound.new_upper(Model.BINOMIAL, 0.95, 59, 0, 0);
check(Math.abs(bound.get_upper() - (1 - 0.05 ** (1 / 59))) < 1e-15, `59/0 upper ${bound.get_upper()}`);
bound = CaseReview.Bound.new_upper(Model.BINOMIAL, 0.95, 100, 1, 0);
check((bound.get_upper() * 100).toFixed(3) === '4.656', `100/1 upper ${bound.get_upper()}`);
bound = CaseReview.Bound.new_interval(Model.HYPERGEOMETRIC, 0.95, 500, 7, 500);
check(bound.get_lower_count() === 7 && bound.get_upper_count() === 7, 'a census knows the count');
check(Math.abs(CaseReview.binomial_cdf(0, 59, 0.05) - 0.95 ** 59) < 1e-15, 'binomial_cdf');

// Stratified estimate.
const estimate = CaseReview.StratifiedEstimate.new();
estimate.add_stratum(1200, 80, 3);
estimate.add_stratum(300, 40, 0);
const result = estimate.compute(0.95);
check(result.get_n_strata() === 2 && result.get_population_size() === 1500, 'strata totals');
check(Math.abs(result.get_estimated_deviations() - 45) < 1e-12, `HT estimate ${result.get_estimated_deviations()}`);
check(result.get_upper_count() === result.get_stratum_upper_count(0) + result.get_stratum_upper_count(1),
    'the upper count is the sum of the strata');

// Errors carry the CaseReview domain, the code and the parameter.
expectError(() => CaseReview.AttributePlan.new(Model.BINOMIAL, 1.5, 0.05, 0, 0),
    CaseReview.Error.INVALID, 'confidence', 'confidence 1.5');
expectError(() => CaseReview.AttributePlan.new(Model.HYPERGEOMETRIC, 0.95, 0.05, 0, 0),
    CaseReview.Error.INVALID, 'population_size', 'hypergeometric without N');
expectError(() => CaseReview.parse_rate('150%'), CaseReview.Error.INVALID, 'text', 'rate 150%');
expectError(() => CaseReview.parse_rate('abc'), CaseReview.Error.PARSE, 'text', 'rate abc');
expectError(() => estimate.add_stratum(10, 11, 0), CaseReview.Error.INVALID, 'sample_size', 'n > N');
check(estimate.get_n_strata() === 2, 'a rejected stratum is not added');

finish('test-statistics.js');

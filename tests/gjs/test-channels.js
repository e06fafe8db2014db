// SPDX-License-Identifier: LGPL-2.1-or-later
// The working-day calendar and complaint-channel checks from GJS: the 2020
// calendar, a reproducible schedule, the demo's 74 checks evaluated, and a
// bad checks file's error with its code and location.
import Gio from 'gi://Gio';
import GLib from 'gi://GLib';
import CaseReview from 'gi://CaseReview?version=1.0';
import {check, finish} from './checks.js';

const source = GLib.getenv('CASE_REVIEW_SOURCE_DIR');
const demo = `${source}/examples/data/luohu-2020`;
const file = path => Gio.File.new_for_path(path);
const date = (y, m, d) => GLib.Date.new_dmy(d, m, y);
const iso = d => `${d.get_year()}-${String(d.get_month()).padStart(2, '0')}-${String(d.get_day()).padStart(2, '0')}`;

// Calendar.
const calendar = CaseReview.Calendar.new_default();
check(calendar.get_years().join() === '2020,2021', `years ${calendar.get_years()}`);
check(calendar.is_working_day(date(2021, 2, 7)), '2021-02-07 (a Sunday) is worked');
check(calendar.is_working_day(date(2020, 1, 19)), '2020-01-19 is worked');
check(!calendar.is_working_day(date(2020, 10, 8)), '2020-10-08 is a holiday');
check(iso(calendar.add_working_days(date(2020, 9, 25), 30)) === '2020-11-12', '30 working days from 2020-09-25');
try {
    calendar.is_working_day(date(2022, 3, 1));
    check(false, '2022 must throw');
} catch (e) {
    check(e.matches(CaseReview.error_quark(), CaseReview.Error.NOT_FOUND), `2022 error code ${e.code}`);
    check(e.message.includes('2022'), `2022 error message: ${e.message}`);
}

// Channels, schedule.
const channels = CaseReview.ChannelDirectory.new();
channels.load_csv(file(`${demo}/channels.csv`), CaseReview.TextEncoding.AUTO, null);
check(channels.get_n_items() === 68, `channels ${channels.get_n_items()}`);

const seed = '罗湖区2020年投诉渠道畅通性检查';
const schedules = [0, 1].map(() => {
    const schedule = CaseReview.ChannelSchedule.new(seed, date(2020, 9, 14), date(2020, 10, 30));
    schedule.compute(channels, null);
    return schedule;
});
check(schedules[0].to_manifest() === schedules[1].to_manifest(), 'same seed, same schedule');
check(schedules[0].get_n_items() === 100, `entries ${schedules[0].get_n_items()}`);
check(schedules[0].verify(channels, null), 'the schedule verifies');
const perChannel = new Map();
for (let i = 0; i < schedules[0].get_n_items(); i++) {
    const entry = schedules[0].get_item(i);
    const when = entry.dup_scheduled_at_string();
    const day = when.slice(0, 10);
    const [hour, minute] = when.slice(11).split(':').map(Number);
    const minutes = hour * 60 + minute;
    check((minutes >= 540 && minutes < 720) || (minutes >= 840 && minutes < 1050), `office hours ${when}`);
    check(calendar.is_working_day(date(...day.split('-').map(Number))), `working day ${day}`);
    const days = perChannel.get(entry.channel_id) ?? new Set();
    check(!days.has(day), `${entry.channel_id} twice on ${day}`);
    days.add(day);
    perChannel.set(entry.channel_id, days);
}

// Evaluation of the 74 demo checks.
const log = CaseReview.ChannelCheckLog.new();
log.load_csv(file(`${demo}/channel-checks.csv`), channels, CaseReview.TextEncoding.AUTO, null);
check(log.get_n_items() === 74, `checks ${log.get_n_items()}`);
const evaluation = CaseReview.ChannelRules.new().evaluate(channels, log, null);
check(evaluation.get_n_passed() === 35 && evaluation.get_n_tested() === 42, 'validity rate 35/42');
check(evaluation.dup_validity_rate_text() === '35/42 = 83.33%', evaluation.dup_validity_rate_text());
check(evaluation.dup_failing_agency_ids().join(' ') === 'LH01 LH03 LH06 LH08 LH14 LH15',
    `failing ${evaluation.dup_failing_agency_ids()}`);
const report = JSON.parse(evaluation.to_json());
check(report.findings.length === 7 && report.validity_rate.fraction === '5/6', 'JSON report');
const finding = evaluation.get_findings().get_item(0);
check(finding.agency_id === 'LH01' && finding.get_evidence().get_n_items() === 2, 'first finding');

// A bad checks file: code and location, the log unchanged.
const [tmp, stream] = Gio.File.new_tmp('casereview-XXXXXX.csv');
stream.get_output_stream().write_all(
    new TextEncoder().encode('channel,attempted_at,outcome\nLH01-M1,2020-09-15 10:00,11\n'), null);
stream.close(null);
try {
    log.load_csv(tmp, channels, CaseReview.TextEncoding.AUTO, null);
    check(false, 'a call outcome on an e-mail channel must throw');
} catch (e) {
    check(e.matches(CaseReview.error_quark(), CaseReview.Error.INVALID), `error code ${e.code}`);
    check(/^casereview-.*\.csv:2:3: /.test(e.message), `error location: ${e.message}`);
}
tmp.delete(null);
check(log.get_n_items() === 74, 'a failed load changes nothing');

finish('test-channels.js');

// SPDX-License-Identifier: LGPL-2.1-or-later
// Rectification notices from GJS: drafts from the results fixture, issuing
// and serving with property notifications, an illegal transition as a
// CaseReview.Error naming both states, and the book file read back.
import CaseReview from 'gi://CaseReview?version=1.0';
import GLib from 'gi://GLib';
import {check, finish, list} from './checks.js';

const State = CaseReview.NoticeState;
const fixture = GLib.build_filenamev([GLib.getenv('CASE_REVIEW_SOURCE_DIR'), 'tests', 'data', 'notices', 'results.json']);
const [, bytes] = GLib.file_get_contents(fixture);
const results = new TextDecoder().decode(bytes);
const at = text => GLib.DateTime.new_from_iso8601(text, null);
const iso = d => `${d.get_year()}-${String(d.get_month()).padStart(2, '0')}-${String(d.get_day()).padStart(2, '0')}`;

const book = CaseReview.NoticeBook.new('深圳市罗湖区司法局', '罗司', 2020);
const drafts = list(book.generate_from_results(results, 'results.json', GLib.Date.new_dmy(1, GLib.DateMonth.FEBRUARY, 2021)));
check(drafts.map(n => n.get_agency_id()).join() === 'LH13,LH10,LH03', `drafts ${drafts.map(n => n.get_agency_id())}`);
check(book.get_n_items() === 3, `book ${book.get_n_items()}`);

const notice = drafts[1];
check(notice.agency_name === '<script>alert(1)</script> & 罗湖区某局', `name ${notice.agency_name}`);
const seen = [];
notice.connect('notify::state', () => seen.push(notice.state));
book.transition(notice, State.ISSUED, '法制科', at('2021-01-29T09:00:00+08:00'), null);
check(notice.number === '罗司〔2020〕1号', `number ${notice.number}`);
book.transition(notice, State.SERVED, '法制科', at('2021-02-02T09:00:00+08:00'), 'EMS');
check(iso(notice.deadline) === '2021-03-04', `deadline ${iso(notice.deadline)}`);
check(seen.join() === `${State.ISSUED},${State.SERVED}`, `notifications ${seen}`);

try {
    book.transition(notice, State.VERIFIED, '法制科', at('2021-02-03T09:00:00+08:00'), null);
    check(false, 'verifying before a response must throw');
} catch (e) {
    check(e.matches(CaseReview.error_quark(), CaseReview.Error.STATE), `error code ${e.code}`);
    check(e.message.includes('“served”') && e.message.includes('“verified”'), `error message ${e.message}`);
}
check(notice.state === State.SERVED, 'state unchanged');
check(!notice.is_overdue(GLib.Date.new_dmy(4, GLib.DateMonth.MARCH, 2021)), 'not overdue on the deadline');
check(notice.is_overdue(GLib.Date.new_dmy(5, GLib.DateMonth.MARCH, 2021)), 'overdue the day after');

const text = notice.render(CaseReview.NoticeFormat.TEXT);
check(text.includes('罗司〔2020〕1号') && text.includes('<script>alert(1)</script> & 罗湖区某局'), 'text rendering');
const html = notice.render(CaseReview.NoticeFormat.HTML);
check(!html.includes('<script>alert(1)') && html.includes('&lt;script&gt;'), 'HTML escapes the agency name');

const json = book.to_json();
const again = CaseReview.NoticeBook.new_from_json(json, 'notices.json');
check(again.to_json() === json, 'the book file round-trips');
check(again.lookup('1').get_state() === State.SERVED, 'served notice read back');
check(JSON.parse(json).notices[1].history.map(e => e.to).join() === 'issued,served', 'history in the file');

finish('test-notices');

# SPDX-License-Identifier: LGPL-2.1-or-later
"""The working-day calendar and the complaint-channel checks from Python:
the 2020 calendar, the schedule against an independent implementation of
docs/channels.md, the demo's 74 checks judged again here with the protocol's
rules in plain Python, bad input with codes and locations, and JSON output."""

import csv
import datetime
import importlib.util
import json
import os

import gi
import pytest

gi.require_version("CaseReview", "1.0")
from gi.repository import CaseReview, Gio, GLib  # noqa: E402

SOURCE = os.environ["CASE_REVIEW_SOURCE_DIR"]
DEMO = os.path.join(SOURCE, "examples", "data", "luohu-2020")
CALENDAR_CSV = os.path.join(SOURCE, "data", "calendar", "china-holidays-2020.csv")
SEED = "罗湖区2020年投诉渠道畅通性检查"


def load_generator():
    """scripts/generate-demo-channels.py: it implements the schedule of
    docs/channels.md in plain Python (PCG32 from SHA-256)."""
    path = os.path.join(SOURCE, "scripts", "generate-demo-channels.py")
    spec = importlib.util.spec_from_file_location("generate_demo_channels", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SPEC = load_generator()


def gdate(day):
    return GLib.Date.new_dmy(day.day, GLib.DateMonth(day.month), day.year)


def pydate(date):
    return datetime.date(date.get_year(), int(date.get_month()), date.get_day())


def file(path):
    return Gio.File.new_for_path(path)


@pytest.fixture(scope="module")
def calendar():
    return CaseReview.Calendar.new_default()


@pytest.fixture(scope="module")
def holidays():
    return SPEC.read_calendar(CALENDAR_CSV)


@pytest.fixture(scope="module")
def channels():
    directory = CaseReview.ChannelDirectory.new()
    directory.load_csv(file(os.path.join(DEMO, "channels.csv")), CaseReview.TextEncoding.AUTO, None)
    return directory


@pytest.fixture(scope="module")
def checks(channels):
    log = CaseReview.ChannelCheckLog.new()
    log.load_csv(file(os.path.join(DEMO, "channel-checks.csv")), channels, CaseReview.TextEncoding.AUTO, None)
    return log


def test_calendar_2020_matches_the_file_day_by_day(calendar, holidays):
    assert list(calendar.get_years()) == [2020, 2021]
    day = datetime.date(2020, 1, 1)
    while day.year == 2020:
        assert calendar.is_working_day(gdate(day)) == SPEC.is_working_day(day, holidays), day
        day += datetime.timedelta(days=1)
    assert calendar.get_day_type(gdate(datetime.date(2020, 1, 19))) == CaseReview.DayType.ADJUSTED_WORKING_DAY
    assert calendar.get_day_name(gdate(datetime.date(2020, 10, 1))) == "国庆节、中秋节"


def test_calendar_periods(calendar, holidays):
    start = datetime.date(2020, 9, 25)
    end = calendar.add_working_days(gdate(start), 30)
    assert pydate(end) == datetime.date(2020, 11, 12) == SPEC.add_working_days(start, 30, holidays)
    assert calendar.count_working_days(gdate(start), end) == 30
    october = SPEC.working_days(datetime.date(2020, 10, 1), datetime.date(2020, 10, 31), holidays)
    assert calendar.count_working_days(gdate(datetime.date(2020, 9, 30)), gdate(datetime.date(2020, 10, 31))) \
        == len(october) == 17
    assert pydate(calendar.add_calendar_days(gdate(datetime.date(2020, 9, 21)), 10)) == datetime.date(2020, 10, 9)


def test_calendar_year_without_data(calendar):
    with pytest.raises(GLib.Error) as info:
        calendar.is_working_day(gdate(datetime.date(2022, 6, 1)))
    assert info.value.matches(CaseReview.error_quark(), CaseReview.Error.NOT_FOUND)
    assert "2022" in info.value.message


def test_calendar_bad_file_is_located(tmp_path):
    path = tmp_path / "2021.csv"
    path.write_text("date,type\n2021-01-01,holiday\n2021-01-01,holiday\n", encoding="utf-8")
    calendar = CaseReview.Calendar.new()
    with pytest.raises(GLib.Error) as info:
        calendar.load_file(file(str(path)), None)
    assert info.value.matches(CaseReview.error_quark(), CaseReview.Error.DUPLICATE)
    assert info.value.message.startswith("2021.csv:3:1: ")
    assert list(calendar.get_years()) == []


def test_schedule_matches_the_spec_implementation(channels, holidays):
    spec_channels = [(c.props.id, CaseReview.ChannelType(c.props.channel_type).value_nick.replace("-", "_"))
                     for c in channels]
    cases = [(SEED, datetime.date(2020, 9, 14), datetime.date(2020, 10, 30), ((540, 720), (840, 1050)), 2, 1),
             ("20201216 双色球 03 09 12 20 27 31 + 05", datetime.date(2020, 6, 1), datetime.date(2020, 6, 30),
              ((510, 720), (870, 1080)), 3, 2),
             ("abc", datetime.date(2020, 1, 1), datetime.date(2020, 12, 31), ((540, 600),), 5, 0)]
    for seed, first, last, hours, calls, inquiries in cases:
        schedule = CaseReview.ChannelSchedule.new(seed, gdate(first), gdate(last))
        schedule.set_calls_per_phone(calls)
        schedule.set_inquiries_per_channel(inquiries)
        schedule.set_office_hours(",".join("%02d:%02d-%02d:%02d" % (s // 60, s % 60, e // 60, e % 60) for s, e in hours))
        schedule.compute(channels, None)
        got = [(e.dup_scheduled_at_string(), e.props.channel_id, e.props.attempt) for e in schedule]
        expected = [(m.strftime("%Y-%m-%d %H:%M"), c, a)
                    for m, c, a in SPEC.schedule(seed, spec_channels, SPEC.working_days(first, last, holidays), hours,
                                                 calls, inquiries)]
        assert got == expected, seed


def test_schedule_manifest_and_verification(channels):
    schedule = CaseReview.ChannelSchedule.new(SEED, gdate(datetime.date(2020, 9, 14)), gdate(datetime.date(2020, 10, 30)))
    schedule.compute(channels, None)
    manifest = json.loads(schedule.to_manifest())
    assert manifest["format"] == "libcasereview-channel-schedule"
    assert manifest["seed"] == SEED
    assert manifest["channels"] == {"count": 68, "fingerprint": channels.dup_fingerprint()}
    assert manifest["period"] == {"from": "2020-09-14", "to": "2020-10-30", "working_days": 31}
    assert len(manifest["entries"]) == schedule.get_n_items() == 100

    manifest["entries"][5]["date"] = "2020-10-01"
    tampered = CaseReview.ChannelSchedule.new_from_manifest(json.dumps(manifest, ensure_ascii=False))
    with pytest.raises(GLib.Error) as info:
        tampered.verify(channels, None)
    assert info.value.matches(CaseReview.error_quark(), CaseReview.Error.VERIFY)
    assert "attempt" in info.value.message.splitlines()[1]


def judge(channels_csv, checks_csv, holidays, deadline=5):
    """The protocol's rules, in plain Python, straight from the CSV files."""
    with open(channels_csv, encoding="utf-8", newline="") as f:
        channel_rows = list(csv.DictReader(f))
    with open(checks_csv, encoding="utf-8", newline="") as f:
        check_rows = list(csv.DictReader(f))
    by_channel = {}
    for row in check_rows:
        by_channel.setdefault(row["渠道编号"], []).append(row)
    status, agencies = {}, {}
    for channel in channel_rows:
        rows = by_channel.get(channel["id"], [])
        if not rows:
            result = None
        elif channel["type"] == "phone":
            result = any(r["结果代码"] == "11" or (r["结果代码"] == "12" and r["正确转接"] == "是") for r in rows)
        else:
            result = False
            for r in rows:
                if r["退信"] == "是" or not r["答复日期"]:
                    continue
                sent = datetime.date.fromisoformat(r["测试时间"][:10])
                replied = datetime.date.fromisoformat(r["答复日期"])
                days = len([d for d in SPEC.working_days(sent + datetime.timedelta(days=1), replied, holidays)])
                if days <= deadline and r["实质答复"] == "是":
                    result = True
        status[channel["id"]] = result
        if result is not None:
            agencies.setdefault(channel["agency"], []).append(result)
    failing = sorted(a for a, results in agencies.items() if not all(results))
    tested = [s for s in status.values() if s is not None]
    return status, failing, sum(tested), len(tested)


def test_demo_evaluation_agrees_with_plain_python(channels, checks, holidays):
    assert checks.get_n_items() == 74
    evaluation = CaseReview.ChannelRules.new().evaluate(channels, checks, None)
    status, failing, passed, tested = judge(os.path.join(DEMO, "channels.csv"), os.path.join(DEMO, "channel-checks.csv"),
                                            holidays)
    assert (evaluation.get_n_passed(), evaluation.get_n_tested()) == (passed, tested) == (35, 42)
    assert list(evaluation.dup_failing_agency_ids()) == failing
    expected_status = {None: CaseReview.ChannelStatus.UNTESTED, True: CaseReview.ChannelStatus.PASSED,
                       False: CaseReview.ChannelStatus.FAILED}
    for channel_id, result in status.items():
        assert evaluation.get_channel_status(channel_id) == expected_status[result], channel_id
    assert evaluation.dup_validity_rate_text() == "35/42 = 83.33%"

    findings = evaluation.get_findings()
    assert findings.get_n_items() == 7
    assert sorted(f.props.agency_id for f in findings) == ["LH01", "LH03", "LH03", "LH06", "LH08", "LH14", "LH15"]
    late = [f for f in findings if f.props.failure == CaseReview.ChannelFailure.LATE_REPLY][0]
    assert late.props.channel_id == "LH06-M1" and "第7个工作日" in late.dup_summary()
    assert late.get_evidence().get_item(0).get_replied_on().get_day() == 6

    report = json.loads(evaluation.to_json())
    assert report["validity_rate"] == {"passed": 35, "tested": 42, "fraction": "5/6", "rate": 35 / 42,
                                       "percent": "83.33%"}
    assert report["failing_agencies"] == failing
    assert len(report["agencies"]) == 32 and len(report["findings"]) == 7


def test_rules_are_configurable(channels, checks):
    rules = CaseReview.ChannelRules.new()
    rules.props.reply_deadline = 7
    rules.props.require_substantive = False
    evaluation = rules.evaluate(channels, checks, None)
    assert "LH06" not in evaluation.dup_failing_agency_ids()     # replied on the 7th working day
    assert "LH08" not in evaluation.dup_failing_agency_ids()     # replied without substance
    assert evaluation.get_rules().props.reply_deadline == 7


def test_bad_checks_are_located_and_change_nothing(tmp_path, channels, checks):
    log = CaseReview.ChannelCheckLog.new()
    log.load_csv(file(os.path.join(DEMO, "channel-checks.csv")), channels, CaseReview.TextEncoding.AUTO, None)
    cases = [
        ("unknown.csv", "channel,attempted_at,outcome\nLH01-T1,2020-09-15 10:00,11\nLH99-T1,2020-09-15 10:00,11\n",
         CaseReview.Error.NOT_FOUND, "unknown.csv:3:1: "),
        ("code.csv", "channel,attempted_at,outcome\nLH01-T1,2020-09-15 10:00,31\n",
         CaseReview.Error.INVALID, "code.csv:2:3: "),
        ("email.csv", "channel,attempted_at,outcome\nLH01-M1,2020-09-15 10:00,11\n",
         CaseReview.Error.INVALID, "email.csv:2:3: "),
        ("reply.csv", "channel,attempted_at,replied_on\nLH01-M1,2020-09-15 10:00,2020-09-01\n",
         CaseReview.Error.INVALID, "reply.csv:2:3: "),
    ]
    for name, content, code, location in cases:
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        with pytest.raises(GLib.Error) as info:
            log.load_csv(file(str(path)), channels, CaseReview.TextEncoding.AUTO, None)
        assert info.value.matches(CaseReview.error_quark(), code), info.value.message
        assert info.value.message.startswith(location), info.value.message
        assert log.get_n_items() == 74


def test_gb18030_checks_with_chinese_headers(tmp_path, channels):
    path = tmp_path / "checks-gbk.csv"
    path.write_bytes("渠道编号,测试时间,结果代码,测试人,备注\r\nLH02-T1,2020年9月15日 10:05,11,陈晓,接通\r\n"
                     .encode("gb18030"))
    log = CaseReview.ChannelCheckLog.new()
    log.load_csv(file(str(path)), channels, CaseReview.TextEncoding.AUTO, None)
    check = log.get_item(0)
    assert check.props.outcome == CaseReview.CallOutcome.CORRECT_LINE
    assert check.props.tester == "陈晓" and check.props.note == "接通"
    assert check.dup_attempted_at_string() == "2020-09-15 10:05"
    assert check.props.attempted_at.get_utc_offset() == 8 * 3600 * 1000000


def test_build_in_code(channels):
    directory = CaseReview.ChannelDirectory.new()
    directory.add(CaseReview.Channel.new("X-T1", "X", "某局", CaseReview.ChannelType.PHONE, "0755-12345678"))
    with pytest.raises(GLib.Error) as info:
        directory.add(CaseReview.Channel.new("X-M1", "X", None, CaseReview.ChannelType.EMAIL, "no-at-sign"))
    assert info.value.matches(CaseReview.error_quark(), CaseReview.Error.INVALID)
    log = CaseReview.ChannelCheckLog.new()
    at = GLib.DateTime.new(GLib.TimeZone.new_offset(8 * 3600), 2020, 9, 15, 10, 0, 0)
    log.add(CaseReview.ChannelCheck.new_call("X-T1", at, CaseReview.CallOutcome.WRONG_LINE, True, None, None), directory)
    evaluation = CaseReview.ChannelRules.new().evaluate(directory, log, None)
    assert evaluation.get_n_passed() == 1
    result = evaluation.lookup_agency_result("X")
    assert result.props.status == CaseReview.ChannelStatus.PASSED and result.props.agency_name == "某局"

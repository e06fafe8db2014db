#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Generate the demo complaint channels and channel checks of Luohu District, 2020.

Reads examples/data/luohu-2020/agencies.csv and data/calendar/china-holidays-2020.csv
and writes, in examples/data/luohu-2020/:

- channels.csv: every agency's published complaint channels (id, agency,
  agency_name, type, address): a telephone line for each of the 32 agencies,
  an e-mail address or a web mailbox for most, a WeChat account for some.
- channel-checks.csv (Chinese headers, as testers fill it in): the 74 checks
  of the 2020 complaint-channel check: two test calls to each of the 32 phone
  lines and one written inquiry to 10 of the written channels.

The checks are made exactly when the published schedule says: the schedule is
computed here from the seed SCHEDULE_SEED, the period and the channels with
the algorithm of docs/channels.md ("The schedule"), implemented below in
plain Python (PCG32 streams from SHA-256, docs/random-spec.md), so that
`casereview channels schedule` with the same arguments gives the same times.
The outcomes (a handful of failures, so that some agencies fail) come from a
separate PCG32 stream of the same kind. Nothing depends on Python's random
module, so the output is byte-identical on every run and Python version:

    python3 scripts/generate-demo-channels.py

A summary goes to stderr.
"""

import csv
import datetime
import hashlib
import os
import sys

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA_DIR = os.path.join(REPO_ROOT, "examples", "data", "luohu-2020")
AGENCIES_CSV = os.path.join(DATA_DIR, "agencies.csv")
CHANNELS_CSV = os.path.join(DATA_DIR, "channels.csv")
CHECKS_CSV = os.path.join(DATA_DIR, "channel-checks.csv")
CALENDAR_CSV = os.path.join(REPO_ROOT, "data", "calendar", "china-holidays-2020.csv")

# The schedule's public parameters (the same as in scripts/demo and the tests).
SCHEDULE_SEED = "罗湖区2020年投诉渠道畅通性检查"
PERIOD = (datetime.date(2020, 9, 14), datetime.date(2020, 10, 30))
OFFICE_HOURS = ((9 * 60, 12 * 60), (14 * 60, 17 * 60 + 30))
CALLS_PER_PHONE = 2
INQUIRIES_PER_CHANNEL = 1

# The generator's own choices (which written channels are tested, outcomes).
DEMO_SEED = "libcasereview demo channel checks 2020"
WRITTEN_TESTED = 10
REPLY_DEADLINE = 5

MASK64 = (1 << 64) - 1
MULTIPLIER = 6364136223846793005


class Pcg32:
    """PCG-XSH-RR 64/32 seeded from a seed string and a stream label
    (docs/random-spec.md)."""

    def __init__(self, seed, stream):
        digest = hashlib.sha256(b"libcasereview/pcg32/v1\0" + seed.encode("utf-8") + b"\0"
                                + stream.encode("utf-8")).digest()
        initstate = int.from_bytes(digest[0:8], "big")
        initseq = int.from_bytes(digest[8:16], "big")
        self.increment = ((initseq << 1) | 1) & MASK64
        self.state = ((initstate + self.increment) * MULTIPLIER + self.increment) & MASK64

    def next_u32(self):
        old = self.state
        self.state = (old * MULTIPLIER + self.increment) & MASK64
        xorshifted = (((old >> 18) ^ old) >> 27) & 0xFFFFFFFF
        rot = old >> 59
        return ((xorshifted >> rot) | (xorshifted << ((-rot) & 31))) & 0xFFFFFFFF

    def bounded(self, bound):
        threshold = (2**32 - bound) % bound
        while True:
            r = self.next_u32()
            if r >= threshold:
                return r % bound


def read_calendar(path):
    """{date: 'holiday' | 'workday'} from a calendar file (docs/formats.md)."""
    with open(path, newline="", encoding="utf-8-sig") as f:
        return {datetime.date.fromisoformat(row["date"]): row["type"] for row in csv.DictReader(f)}


def is_working_day(day, calendar):
    kind = calendar.get(day)
    if kind is not None:
        return kind == "workday"
    return day.weekday() < 5


def working_days(first, last, calendar):
    days, day = [], first
    while day <= last:
        if is_working_day(day, calendar):
            days.append(day)
        day += datetime.timedelta(days=1)
    return days


def add_working_days(day, n, calendar):
    while n > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day, calendar):
            n -= 1
    return day


def schedule(seed, channels, days, office_hours, calls, inquiries):
    """The schedule of docs/channels.md: a list of (datetime, channel id,
    attempt) in time order. @channels are (id, type) pairs; @days the working
    days of the period, ascending; @office_hours (start, end) minute pairs."""
    spans = sorted(office_hours)
    total = sum(end - start for start, end in spans)
    entries = []
    for channel_id, channel_type in sorted(channels, key=lambda c: c[0].encode("utf-8")):
        k = calls if channel_type == "phone" else inquiries
        if k == 0:
            continue
        rng = Pcg32(seed, "channels/" + channel_id)
        order = list(range(len(days)))
        for i in range(k):
            j = i + rng.bounded(len(days) - i)
            order[i], order[j] = order[j], order[i]
        chosen = sorted(order[:k])
        offsets = []
        for i in range(k):
            while True:
                t = rng.bounded(total)
                if t not in offsets:
                    break
            offsets.append(t)
        for i in range(k):
            t = offsets[i]
            for start, end in spans:
                if t < end - start:
                    minute = start + t
                    break
                t -= end - start
            day = days[chosen[i]]
            moment = datetime.datetime(day.year, day.month, day.day, minute // 60, minute % 60)
            entries.append((moment, channel_id, i + 1))
    entries.sort(key=lambda e: (e[0], e[1].encode("utf-8"), e[2]))
    return entries


# Short ASCII names for e-mail addresses and web mailboxes, by agency id.
SLUGS = {
    "LH01": "fgj", "LH02": "jyj", "LH03": "kcj", "LH04": "gxj", "LH05": "mzj", "LH06": "czj",
    "LH07": "rlzyj", "LH08": "zjj", "LH09": "swj", "LH10": "wgltj", "LH11": "wjj", "LH12": "yjglj",
    "LH13": "cgj", "LH14": "tyjrj", "LH15": "tjj", "LH16": "ybj", "LH17": "scjg", "LH18": "sthj",
    "LH19": "ghzy", "LH20": "jtys", "LH21": "gafj", "LH22": "xfdd", "LH23": "gyjd", "LH24": "hbjd",
    "LH25": "dmjd", "LH26": "czjd", "LH27": "dxjd", "LH28": "nhjd", "LH29": "sgjd", "LH30": "dhjd",
    "LH31": "ltjd", "LH32": "qshjd",
}
# Agencies that publish a web mailbox instead of an e-mail address, and
# those with a WeChat account as well.
WEB_MAILBOX = {"LH08", "LH13", "LH17", "LH18", "LH19", "LH20", "LH21"}
NO_WRITTEN = {"LH15", "LH22"}
WECHAT = {"LH02", "LH11", "LH13", "LH17", "LH21", "LH25"}


def make_channels(agencies, rng):
    channels = []
    for agency in agencies:
        agency_id, name, short = agency["id"], agency["name"], agency["short_name"]
        slug = SLUGS[agency_id]
        number = "0755-2%07d" % (1000000 + rng.bounded(9000000))
        channels.append((agency_id + "-T1", agency_id, name, "phone", number))
        if agency_id in WEB_MAILBOX:
            channels.append((agency_id + "-W1", agency_id, name, "web_mailbox",
                             "https://www.szlh.gov.cn/hdjl/zxts/index.html?dept=" + slug))
        elif agency_id not in NO_WRITTEN:
            channels.append((agency_id + "-M1", agency_id, name, "email", slug + "@szlh.gov.cn"))
        if agency_id in WECHAT:
            account = "罗湖" + short.replace("罗湖", "").replace("区", "", 1)
            channels.append((agency_id + "-X1", agency_id, name, "wechat", account))
    return channels


TESTERS = ("陈晓", "林静", "黄伟", "周敏")

# (outcomes of the two calls, transferred flags, notes) of failing and
# passing phone lines.
PHONE_FAILURES = (
    ((21, 22), (False, False), ("", "两次拨打均未接通")),
    ((13, 21), (False, False), ("转至其他单位", "无人接听")),
    ((23, 23), (False, False), ("空号", "空号")),
    ((12, 14), (False, False), ("接通后未转接", "被挂断")),
)
PHONE_PASSES = (
    ((11, 11), (False, False), ("", "")),
    ((11, 11), (False, False), ("", "")),
    ((11, 11), (False, False), ("", "")),
    ((21, 11), (False, False), ("无人接听", "")),
    ((11, 22), (False, False), ("", "")),
    ((12, 11), (True, False), ("经转接至受理线路", "")),
    ((22, 12), (False, True), ("", "经转接至受理线路")),
)


def make_checks(channels, calendar, rng):
    days = working_days(PERIOD[0], PERIOD[1], calendar)
    entries = schedule(SCHEDULE_SEED, [(c[0], c[3]) for c in channels], days, OFFICE_HOURS,
                       CALLS_PER_PHONE, INQUIRIES_PER_CHANNEL)
    by_channel = {}
    for moment, channel_id, attempt in entries:
        by_channel.setdefault(channel_id, []).append(moment)

    phones = [c for c in channels if c[3] == "phone"]
    written = [c for c in channels if c[3] != "phone"]

    # Which written channels are tested: a partial shuffle.
    order = list(range(len(written)))
    for i in range(WRITTEN_TESTED):
        j = i + rng.bounded(len(order) - i)
        order[i], order[j] = order[j], order[i]
    tested_written = {written[i][0] for i in order[:WRITTEN_TESTED]}

    # Which phone lines fail: also a partial shuffle.
    order = list(range(len(phones)))
    for i in range(len(PHONE_FAILURES)):
        j = i + rng.bounded(len(order) - i)
        order[i], order[j] = order[j], order[i]
    failing_phones = {phones[order[i]][0]: PHONE_FAILURES[i] for i in range(len(PHONE_FAILURES))}

    # Written failures: the first three tested (in id order) bounce, are
    # answered late, and are answered without substance.
    written_failures = dict(zip(sorted(tested_written), ("bounced", "late", "not_substantive")))

    results = {}
    for channel in phones:
        channel_id = channel[0]
        plan = failing_phones.get(channel_id) or PHONE_PASSES[rng.bounded(len(PHONE_PASSES))]
        outcomes, transfers, notes = plan
        rows = []
        for i, moment in enumerate(by_channel[channel_id]):
            rows.append([channel_id, moment.strftime("%Y-%m-%d %H:%M"), str(outcomes[i]),
                         ("是" if transfers[i] else "否") if outcomes[i] == 12 else "", "", "", "",
                         TESTERS[rng.bounded(len(TESTERS))], notes[i]])
        results[channel_id] = rows
    for channel in written:
        channel_id = channel[0]
        if channel_id not in tested_written:
            continue
        moment = by_channel[channel_id][0]
        failure = written_failures.get(channel_id)
        bounced, replied, substantive, note = "否", "", "是", ""
        if failure == "bounced":
            bounced, substantive, note = "是", "", "邮件被退回：收件地址不存在"
        elif failure == "late":
            replied = add_working_days(moment.date(), REPLY_DEADLINE + 2, calendar).isoformat()
            note = "逾期答复"
        elif failure == "not_substantive":
            replied = add_working_days(moment.date(), 1 + rng.bounded(3), calendar).isoformat()
            substantive, note = "否", "仅回复“已收到”"
        else:
            replied = add_working_days(moment.date(), 1 + rng.bounded(REPLY_DEADLINE), calendar).isoformat()
        results[channel_id] = [[channel_id, moment.strftime("%Y-%m-%d %H:%M"), "", "", bounced, replied,
                                substantive, TESTERS[rng.bounded(len(TESTERS))], note]]

    rows = [row for rows in results.values() for row in rows]
    rows.sort(key=lambda r: (r[1], r[0].encode("utf-8")))
    return rows, failing_phones, written_failures


def write_csv(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def main():
    with open(AGENCIES_CSV, newline="", encoding="utf-8-sig") as f:
        agencies = list(csv.DictReader(f))
    calendar = read_calendar(CALENDAR_CSV)
    rng = Pcg32(DEMO_SEED, "demo/channels")

    channels = make_channels(agencies, rng)
    rows, failing_phones, written_failures = make_checks(channels, calendar, rng)

    write_csv(CHANNELS_CSV, ["id", "agency", "agency_name", "type", "address"], channels)
    write_csv(CHECKS_CSV, ["渠道编号", "测试时间", "结果代码", "正确转接", "退信", "答复日期", "实质答复", "测试人", "备注"],
              rows)

    print("%d channels, %d checks; failing phone lines: %s; failing written channels: %s"
          % (len(channels), len(rows), ", ".join(sorted(failing_phones)),
             ", ".join("%s (%s)" % (k, v) for k, v in sorted(written_failures.items()))), file=sys.stderr)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""From score sheets to rectification notices, in Python.

Loads the bundled Luohu 2020 frame, draws the published sample, combines the
reviewers' score sheets, generates a notice for every agency with a 不合格
file, issues and serves the first one, and writes it as text, HTML and PDF.

Usage: notices_demo.py [DEMO-DATA-DIR] [OUTPUT-DIR]"""

import os
import sys

import gi

gi.require_version("CaseReview", "1.0")
from gi.repository import CaseReview, Gio, GLib  # noqa: E402

here = os.path.dirname(os.path.abspath(__file__))
data = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "data", "luohu-2020")
out = sys.argv[2] if len(sys.argv) > 2 else GLib.get_tmp_dir()


def data_file(name):
    return Gio.File.new_for_path(os.path.join(data, name))


population = CaseReview.Population.new()
population.load_csv(data_file("agencies.csv"), data_file("cases.csv"), CaseReview.TextEncoding.AUTO, None)
sample = CaseReview.SamplingPlan.new_from_file(data_file("plan.json"), None).draw(population, None)
evaluation = CaseReview.Evaluation.new(CaseReview.Rubric.get_default(), sample, population)
evaluation.load_sheets_csv(data_file("score-sheets.csv"), CaseReview.TextEncoding.AUTO, None)

book = CaseReview.NoticeBook.new("深圳市罗湖区司法局", "罗司", 2020)
drafts = book.generate(evaluation, GLib.Date.new_dmy(1, GLib.DateMonth.FEBRUARY, 2021))
print(f"{drafts.get_n_items()} agencies get a notice")

notice = drafts.get_item(0)
notice.connect("notify::state",
               lambda n, _: print("  now", CaseReview.NoticeState.get_name(n.get_state())))
book.transition(notice, CaseReview.NoticeState.ISSUED, "法制科",
                GLib.DateTime.new_from_iso8601("2021-01-29T09:00:00+08:00", None), None)
book.transition(notice, CaseReview.NoticeState.SERVED, "法制科",
                GLib.DateTime.new_from_iso8601("2021-02-01T10:30:00+08:00", None), "直接送达")
deadline = notice.get_deadline()
print(f"{notice.get_number()} to {notice.get_agency_name()}: "
      f"{notice.get_problems().get_n_items()} problems, "
      f"deadline {deadline.get_year()}-{int(deadline.get_month()):02d}-{deadline.get_day():02d}")

try:
    book.transition(notice, CaseReview.NoticeState.CLOSED, "法制科", GLib.DateTime.new_now_local(), None)
except GLib.Error as error:
    print("refused:", error.message)

with open(os.path.join(out, "notice-1.txt"), "w", encoding="utf-8") as f:
    f.write(notice.render(CaseReview.NoticeFormat.TEXT))
with open(os.path.join(out, "notice-1.html"), "w", encoding="utf-8") as f:
    f.write(notice.render(CaseReview.NoticeFormat.HTML))
notice.write_pdf(Gio.File.new_for_path(os.path.join(out, "notice-1.pdf")), None)
book.save_to_file(Gio.File.new_for_path(os.path.join(out, "notices.json")), None)
print("written:", ", ".join(os.path.join(out, name) for name in
                            ("notice-1.txt", "notice-1.html", "notice-1.pdf", "notices.json")))

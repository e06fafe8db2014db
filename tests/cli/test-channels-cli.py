#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Tests `casereview channels` from the outside: schedule, verify-schedule and
evaluate with their exit statuses, JSON on stdout and located problems on
stderr.

    test-channels-cli.py CASEREVIEW DEMO_DATA_DIR

DEMO_DATA_DIR holds channels.csv and channel-checks.csv
(examples/data/luohu-2020). Expected figures are computed here from the CSV
files with Python's csv module. Standard library only (no gi).
"""

import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

TOOL = None
DATA_DIR = None
SEED = "罗湖区2020年投诉渠道畅通性检查"


def run(*args):
    """Runs the tool with a UTF-8 locale and untranslated messages."""
    env = dict(os.environ)
    env["LC_ALL"] = "C.UTF-8"
    env.pop("LANGUAGE", None)
    return subprocess.run([TOOL, *args], capture_output=True, env=env, timeout=300)


class Channels(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.channels = os.path.join(DATA_DIR, "channels.csv")
        cls.checks = os.path.join(DATA_DIR, "channel-checks.csv")
        with open(cls.channels, encoding="utf-8", newline="") as f:
            cls.channel_rows = list(csv.DictReader(f))
        with open(cls.checks, encoding="utf-8", newline="") as f:
            cls.check_rows = list(csv.DictReader(f))
        cls.tmp = tempfile.mkdtemp(prefix="casereview-channels-cli-")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def tmp_path(self, name):
        return os.path.join(self.tmp, name)

    def write(self, name, text, encoding="utf-8"):
        path = self.tmp_path(name)
        with open(path, "w", encoding=encoding, newline="") as f:
            f.write(text)
        return path

    def schedule(self, output, *extra):
        return run("channels", "schedule", "--channels", self.channels, "--from", "2020-09-14", "--to", "2020-10-30",
                   "--seed", SEED, "-o", output, *extra)

    def assert_invalid_at(self, result, location, words):
        stderr = result.stderr.decode("utf-8")
        self.assertEqual(result.returncode, 2, stderr)
        self.assertTrue(any(line.startswith(location) and words in line for line in stderr.splitlines()),
                        f"no “{location} … {words}” in:\n{stderr}")

    # evaluate

    def test_evaluate_table_names_failing_agencies_and_the_rate(self):
        result = run("channels", "evaluate", "--channels", self.channels, "--checks", self.checks)
        text = result.stdout.decode("utf-8")
        self.assertEqual(result.returncode, 0, result.stderr.decode(errors="replace"))
        self.assertIn("35/42 = 83.33%", text)
        failing = text.split("failing agencies (6):")[1].split("findings")[0]
        for agency in ("LH01", "LH03", "LH06", "LH08", "LH14", "LH15"):
            self.assertIn(agency, failing)
        self.assertNotIn("LH02", failing)

    def test_evaluate_json_agrees_with_the_csv(self):
        result = run("channels", "evaluate", "--channels", self.channels, "--checks", self.checks, "--json")
        self.assertEqual(result.returncode, 0, result.stderr.decode(errors="replace"))
        report = json.loads(result.stdout.decode("utf-8"))
        tested = {row["渠道编号"] for row in self.check_rows}
        self.assertEqual(report["channels"]["total"], len(self.channel_rows))
        self.assertEqual(report["channels"]["tested"], len(tested))
        self.assertEqual(report["validity_rate"]["tested"], len(tested))
        self.assertEqual(report["validity_rate"]["passed"] + len(report["findings"]), len(tested))
        self.assertEqual(report["validity_rate"]["percent"], "83.33%")
        self.assertEqual(sorted({f["agency"] for f in report["findings"]}), report["failing_agencies"])
        for finding in report["findings"]:
            self.assertEqual(len(finding["checks"]),
                             sum(1 for row in self.check_rows if row["渠道编号"] == finding["channel"]))

    def test_evaluate_rules_options(self):
        result = run("channels", "evaluate", "--channels", self.channels, "--checks", self.checks, "--json",
                     "--reply-deadline", "7", "--any-reply")
        report = json.loads(result.stdout.decode("utf-8"))
        self.assertEqual(report["rules"], {"reply_deadline": 7, "accept_transfers": True, "require_substantive": False})
        self.assertNotIn("LH06", report["failing_agencies"])
        self.assertNotIn("LH08", report["failing_agencies"])

    def test_evaluate_json_inputs(self):
        # The same checks as JSON (written by the library through the schedule
        # form would need gi; build it here from the CSV).
        checks = []
        for row in self.check_rows:
            item = {"channel": row["渠道编号"], "attempted_at": row["测试时间"]}
            if row["结果代码"]:
                item["outcome"] = int(row["结果代码"])
                item["transferred"] = row["正确转接"] == "是"
            else:
                item["bounced"] = row["退信"] == "是"
                item["replied_on"] = row["答复日期"] or None
                item["substantive"] = row["实质答复"] == "是"
            checks.append(item)
        path = self.write("checks.json", json.dumps({"format": "libcasereview-channel-checks", "version": 1,
                                                     "checks": checks}, ensure_ascii=False))
        result = run("channels", "evaluate", "--channels", self.channels, "--checks", path, "--json")
        self.assertEqual(result.returncode, 0, result.stderr.decode(errors="replace"))
        self.assertEqual(json.loads(result.stdout)["validity_rate"]["fraction"], "5/6")

    def test_evaluate_bad_checks(self):
        cases = [
            ("unknown.csv", "channel,attempted_at,outcome\nLH01-T1,2020-09-15 10:00,11\nLH77-T1,2020-09-15 10:00,11\n",
             "unknown.csv:3:1: ", "unknown channel"),
            ("code.csv", "channel,attempted_at,outcome\nLH01-T1,2020-09-15 10:00,19\n", "code.csv:2:3: ", "outcome code"),
            ("email.csv", "channel,attempted_at,outcome\nLH01-M1,2020-09-15 10:00,21\n", "email.csv:2:3: ", "email"),
            ("reply.csv", "channel,attempted_at,replied_on\nLH01-M1,2020-09-15 10:00,2020-09-10\n", "reply.csv:2:3: ",
             "before"),
            ("time.csv", "channel,attempted_at,outcome\nLH01-T1,2020-09-15 9h,11\n", "time.csv:2:2: ", "time"),
            ("twice.csv", "channel,attempted_at,outcome\nLH01-T1,2020-09-15 10:00,21\nLH01-T1,2020-09-15 10:00,11\n",
             "twice.csv:3:2: ", "already checked"),
        ]
        for name, text, location, words in cases:
            with self.subTest(name=name):
                path = self.write(name, text)
                result = run("channels", "evaluate", "--channels", self.channels, "--checks", path)
                self.assert_invalid_at(result, location, words)
                self.assertEqual(result.stdout, b"")

    def test_bad_channels(self):
        path = self.write("channels.csv", "id,agency,type,address\nA,X,phone,1234\nA,X,email,a@b.cn\n")
        result = run("channels", "evaluate", "--channels", path, "--checks", self.checks)
        self.assert_invalid_at(result, "channels.csv:3:1: ", "duplicate channel id")

    def test_gb18030_files(self):
        with open(self.checks, encoding="utf-8") as f:
            text = f.read()
        path = self.write("checks-gbk.csv", text, encoding="gb18030")
        result = run("channels", "evaluate", "--channels", self.channels, "--checks", path, "--json")
        self.assertEqual(result.returncode, 0, result.stderr.decode(errors="replace"))
        self.assertEqual(json.loads(result.stdout)["validity_rate"]["passed"], 35)

    # schedule and verify-schedule

    def test_schedule_is_reproducible_and_verifies(self):
        first, second = self.tmp_path("s1.json"), self.tmp_path("s2.json")
        form = self.tmp_path("form.csv")
        result = self.schedule(first, "--csv", form)
        self.assertEqual(result.returncode, 0, result.stderr.decode(errors="replace"))
        self.assertIn("LH01-T1", result.stdout.decode("utf-8"))
        self.assertEqual(self.schedule(second).returncode, 0)
        with open(first, encoding="utf-8") as a, open(second, encoding="utf-8") as b:
            manifest = a.read()
            self.assertEqual(manifest, b.read())
        entries = json.loads(manifest)["entries"]
        phones = sum(1 for row in self.channel_rows if row["type"] == "phone")
        self.assertEqual(len(entries), 2 * phones + len(self.channel_rows) - phones)

        # The bundled checks were made at the scheduled times.
        scheduled = {(e["channel"], e["date"] + " " + e["time"]) for e in entries}
        for row in self.check_rows:
            self.assertIn((row["渠道编号"], row["测试时间"]), scheduled)

        result = run("channels", "verify-schedule", first, "--channels", self.channels, "--json")
        self.assertEqual(result.returncode, 0, result.stderr.decode(errors="replace"))
        self.assertIs(json.loads(result.stdout)["valid"], True)

        # The testers' form: UTF-8 with BOM, the checks columns; once filled in
        # it reads as checks.
        with open(form, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
        self.assertEqual(len(rows), len(entries))
        types = {row["id"]: row["type"] for row in self.channel_rows}
        for row in rows:
            if types[row["channel"]] == "phone":
                row["outcome"] = "11"
            else:
                row["replied_on"], row["substantive"] = row["attempted_at"][:10], "yes"
        filled = self.tmp_path("filled.csv")
        with open(filled, "w", encoding="utf-8", newline="") as f:
            writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
            writer.writeheader()
            writer.writerows(rows)
        result = run("channels", "evaluate", "--channels", self.channels, "--checks", filled, "--json")
        self.assertEqual(result.returncode, 0, result.stderr.decode(errors="replace"))
        report = json.loads(result.stdout)
        self.assertEqual(report["validity_rate"]["fraction"], "1/1")
        self.assertEqual(report["channels"]["tested"], len(self.channel_rows))

    def test_verify_schedule_reports_differences(self):
        path = self.tmp_path("tampered.json")
        self.assertEqual(self.schedule(path).returncode, 0)
        with open(path, encoding="utf-8") as f:
            manifest = json.load(f)
        manifest["entries"][0]["time"] = "08:00"
        with open(path, "w", encoding="utf-8") as f:
            json.dump(manifest, f, ensure_ascii=False)
        result = run("channels", "verify-schedule", path, "--channels", self.channels)
        self.assertEqual(result.returncode, 3, result.stderr.decode(errors="replace"))
        self.assertIn("08:00", result.stdout.decode("utf-8"))

        broken = self.write("broken.json", "{\"format\": 1}")
        result = run("channels", "verify-schedule", broken, "--channels", self.channels)
        self.assertEqual(result.returncode, 2, result.stderr.decode(errors="replace"))

    def test_schedule_errors(self):
        # No calendar data for 2022: a rule broken, status 2; with a calendar file, fine.
        result = run("channels", "schedule", "--channels", self.channels, "--from", "2022-03-01", "--to", "2022-03-31",
                     "--seed", "x", "-o", self.tmp_path("2022.json"))
        self.assertEqual(result.returncode, 2, result.stderr.decode(errors="replace"))
        self.assertIn("2022", result.stderr.decode("utf-8"))
        calendar = self.write("2022.csv", "date,type,name\n2022-01-01,holiday,元旦\n")
        result = run("channels", "schedule", "--channels", self.channels, "--from", "2022-03-01", "--to", "2022-03-31",
                     "--seed", "x", "-o", self.tmp_path("2022.json"), "--calendar", calendar, "--calls", "3")
        self.assertEqual(result.returncode, 0, result.stderr.decode(errors="replace"))

        usages = [
            ("channels", "schedule", "--channels", self.channels, "--from", "2020-02-30", "--to", "2020-03-01",
             "--seed", "x", "-o", self.tmp_path("a.json")),
            ("channels", "schedule", "--channels", self.channels, "--from", "2020-02-01", "--to", "2020-03-01",
             "-o", self.tmp_path("a.json")),
            ("channels", "schedule", "--channels", self.channels, "--from", "2020-02-01", "--to", "2020-03-01",
             "--seed", "x"),
            ("channels", "evaluate", "--channels", self.channels),
            ("channels", "evaluate", "--channels", self.tmp_path("missing.csv"), "--checks", self.checks),
            ("channels", "verify-schedule", "--channels", self.channels),
            ("channels", "frobnicate"),
        ]
        for args in usages:
            with self.subTest(args=args):
                result = run(*args)
                self.assertEqual(result.returncode, 1, result)
                self.assertTrue(result.stderr.strip())

    def test_help(self):
        for args, expected in ((("help", "channels"), "verify-schedule"),
                               (("channels", "schedule", "--help"), "--office-hours"),
                               (("channels", "evaluate", "--help"), "--reply-deadline")):
            with self.subTest(args=args):
                result = run(*args)
                self.assertEqual(result.returncode, 0, result)
                self.assertIn(expected, result.stdout.decode("utf-8"))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(f"usage: {sys.argv[0]} CASEREVIEW DEMO_DATA_DIR [unittest arguments]")
    TOOL = os.path.abspath(sys.argv[1])
    DATA_DIR = sys.argv[2]
    unittest.main(argv=[sys.argv[0], *sys.argv[3:]], verbosity=2)

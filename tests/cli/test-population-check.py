#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Tests `casereview population check` from the outside, as a shell user or a
script would run it: exit statuses, JSON on stdout, problems on stderr.

    test-population-check.py CASEREVIEW DEMO_DATA_DIR

CASEREVIEW is the built tool, DEMO_DATA_DIR holds agencies.csv and cases.csv
(examples/data/luohu-2020). Every expected figure is computed here from the
CSV files with Python's csv module, independently of the library. Standard
library only (no gi): the tool is the thing under test.
"""

import collections
import csv
import io
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

TOOL = None
DATA_DIR = None
KINDS = ("penalty", "coercion", "inspection", "licensing", "other")


def run(*args):
    """Runs the tool with a UTF-8 locale and untranslated messages."""
    env = dict(os.environ)
    env["LC_ALL"] = "C.UTF-8"
    env.pop("LANGUAGE", None)
    return subprocess.run([TOOL, *args], capture_output=True, env=env, timeout=300)


def read_rows(path, encoding="utf-8-sig"):
    with open(path, newline="", encoding=encoding) as f:
        rows = list(csv.reader(f))
    return rows[0], [row for row in rows[1:] if row]


def write_rows(path, header, rows, encoding="utf-8"):
    with open(path, "w", newline="", encoding=encoding) as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


class PopulationCheck(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.agencies = os.path.join(DATA_DIR, "agencies.csv")
        cls.cases = os.path.join(DATA_DIR, "cases.csv")
        cls.header, cls.rows = read_rows(cls.cases)
        cls.tmp = tempfile.mkdtemp(prefix="casereview-cli-")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def tmp_path(self, name):
        return os.path.join(self.tmp, name)

    def check(self, *args, agencies=None, cases=None):
        return run("population", "check", "--agencies", agencies or self.agencies,
                   "--cases", cases or self.cases, *args)

    def check_json(self, *args, **files):
        result = self.check("--json", *args, **files)
        self.assertEqual(result.returncode, 0, result.stderr.decode(errors="replace"))
        return json.loads(result.stdout.decode("utf-8"))

    def assert_invalid_at(self, result, line, rule):
        """Exit 2; every stderr line is FILE:LINE:COLUMN: RULE; one of them is
        at LINE, column 1, and names RULE."""
        stderr = result.stderr.decode("utf-8")
        self.assertEqual(result.returncode, 2, stderr)
        lines = stderr.splitlines()
        self.assertTrue(lines, "no problem reported on stderr")
        for text in lines:
            self.assertRegex(text, r"^.+:[0-9]+:[0-9]+: .+")
        self.assertTrue(any(f":{line}:1:" in text and rule in text for text in lines),
                        f"no “:{line}:1: … {rule}” in:\n{stderr}")

    # Valid frames

    def test_demo_counts(self):
        report = self.check_json()
        by_agency = collections.Counter(row[1] for row in self.rows)
        by_stratum = collections.Counter((row[1], row[2]) for row in self.rows)
        by_kind = collections.Counter(row[2] for row in self.rows)
        dates = sorted(row[3] for row in self.rows)
        _, agency_rows = read_rows(self.agencies)

        self.assertIs(report["valid"], True)
        self.assertEqual(report["cases"], len(self.rows))
        self.assertEqual(report["by_kind"], {kind: by_kind[kind] for kind in KINDS})
        self.assertEqual(sum(report["by_kind"].values()), len(self.rows))
        self.assertEqual(report["first_closed_on"], dates[0])
        self.assertEqual(report["last_closed_on"], dates[-1])
        self.assertRegex(report["fingerprint"], r"^[0-9a-f]{64}$")

        self.assertEqual([a["id"] for a in report["agencies"]], [row[0] for row in agency_rows])
        for agency, row in zip(report["agencies"], agency_rows):
            self.assertEqual(agency["short_name"], row[2])
            self.assertEqual(agency["total"], by_agency[row[0]])
            self.assertEqual(agency["by_kind"], {kind: by_stratum[(row[0], kind)] for kind in KINDS})
        self.assertEqual(sum(a["total"] for a in report["agencies"]), len(self.rows))

    def test_demo_table(self):
        fingerprint = self.check_json()["fingerprint"]
        result = self.check()
        text = result.stdout.decode("utf-8")

        self.assertEqual(result.returncode, 0, result.stderr.decode(errors="replace"))
        self.assertIn(fingerprint, text)
        self.assertIn(str(len(self.rows)), text)
        self.assertIn("LH01", text)
        self.assertIn("处罚", text)

    def test_fingerprint_ignores_row_order(self):
        rows = list(self.rows)
        random.Random(20200101).shuffle(rows)
        self.assertNotEqual(rows, self.rows)
        shuffled = self.tmp_path("shuffled.csv")
        write_rows(shuffled, self.header, rows)

        self.assertEqual(self.check_json(cases=shuffled)["fingerprint"], self.check_json()["fingerprint"])

    def test_fingerprint_ignores_encoding(self):
        agencies = self.tmp_path("agencies-gb18030.csv")
        cases = self.tmp_path("cases-gb18030.csv")
        for source, target in ((self.agencies, agencies), (self.cases, cases)):
            with open(source, encoding="utf-8-sig", newline="") as f:
                text = f.read()
            with open(target, "wb") as f:
                f.write(text.encode("gb18030"))
        expected = self.check_json()["fingerprint"]

        self.assertEqual(self.check_json("--encoding", "gb18030", agencies=agencies, cases=cases)["fingerprint"],
                         expected)
        self.assertEqual(self.check_json(agencies=agencies, cases=cases)["fingerprint"], expected)

    def test_fingerprint_sees_a_changed_field(self):
        rows = [list(row) for row in self.rows]
        rows[len(rows) // 2][3] = "2020-07-01" if rows[len(rows) // 2][3] != "2020-07-01" else "2020-07-02"
        changed = self.tmp_path("changed.csv")
        write_rows(changed, self.header, rows)

        self.assertNotEqual(self.check_json(cases=changed)["fingerprint"], self.check_json()["fingerprint"])

    # Invalid frames: exit 2, located problems

    def write_with_duplicates(self, name, n_duplicates):
        """A copy of cases.csv with the first n_duplicates records appended
        again; returns its path and the line of each appended record."""
        with open(self.cases, encoding="utf-8-sig", newline="") as f:
            text = f.read()
        if not text.endswith("\n"):
            text += "\n"
        lines = []
        for row in self.rows[:n_duplicates]:
            lines.append(text.count("\n") + 1)
            buffer = io.StringIO(newline="")
            csv.writer(buffer, lineterminator="\n").writerow(row)
            text += buffer.getvalue()
        path = self.tmp_path(name)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        return path, lines

    def test_duplicate_id(self):
        path, (line,) = self.write_with_duplicates("duplicate.csv", 1)
        self.assert_invalid_at(self.check(cases=path), line, "duplicate")

    def test_duplicate_id_json(self):
        path, (line,) = self.write_with_duplicates("duplicate.csv", 1)
        result = self.check("--json", cases=path)
        self.assert_invalid_at(result, line, "duplicate")
        report = json.loads(result.stdout.decode("utf-8"))

        self.assertIs(report["valid"], False)
        self.assertTrue(report["errors"])
        error = report["errors"][0]
        self.assertEqual(error["code"], "duplicate")
        self.assertIn(f":{line}:1:", error["message"])
        self.assertIn("duplicate", error["message"])
        self.assertEqual((error["line"], error["column"]), (line, 1))

    def test_max_errors_reports_each_problem(self):
        path, lines = self.write_with_duplicates("duplicates.csv", 3)
        result = self.check("--max-errors", "10", "--json", cases=path)
        for line in lines:
            self.assert_invalid_at(result, line, "duplicate")
        report = json.loads(result.stdout.decode("utf-8"))
        self.assertEqual([e["line"] for e in report["errors"]], lines)
        self.assertEqual({e["code"] for e in report["errors"]}, {"duplicate"})

    # Other failures: exit 1

    def test_missing_file(self):
        missing = self.tmp_path("no-such-cases.csv")
        for args in ((), ("--json",)):
            result = self.check(*args, cases=missing)
            self.assertEqual(result.returncode, 1, result.stderr)
            self.assertIn("no-such-cases.csv", result.stderr.decode("utf-8"))
            self.assertEqual(result.stdout, b"")

    def test_bad_usage(self):
        usages = [
            (),
            ("frobnicate",),
            ("--frobnicate",),
            ("population",),
            ("population", "frobnicate"),
            ("population", "check"),
            ("population", "check", "--agencies", self.agencies),
            ("population", "check", "--cases", self.cases),
            ("population", "check", "--agencies", self.agencies, "--cases", self.cases, "--encoding", "latin-1"),
            ("population", "check", "--agencies", self.agencies, "--cases", self.cases, "--max-errors", "0"),
            ("population", "check", "--agencies", self.agencies, "--cases", self.cases, "--max-errors", "x"),
            ("population", "check", "--agencies", self.agencies, "--cases", self.cases, "--frobnicate"),
            ("population", "check", "--agencies", self.agencies, "--cases", self.cases, "extra"),
            ("help", "frobnicate"),
        ]
        for args in usages:
            with self.subTest(args=args):
                result = run(*args)
                self.assertEqual(result.returncode, 1, result)
                self.assertTrue(result.stderr.strip(), "a usage error says what is wrong")

    def test_help_and_version(self):
        for args, expected in ((("--help",), "population"),
                               (("help",), "population"),
                               (("help", "population"), "check"),
                               (("help", "population", "check"), "--agencies"),
                               (("population", "--help"), "check"),
                               (("population", "check", "--help"), "--max-errors"),
                               (("--version",), "casereview ")):
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

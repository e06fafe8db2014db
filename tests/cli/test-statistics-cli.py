#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Tests `casereview plan` and `casereview bound` from the outside: exit
statuses, JSON on stdout, messages on stderr.

    test-statistics-cli.py CASEREVIEW

Expected figures are the worked examples of docs/statistics.md and AICPA
Table A-1; the closed forms (1 − α^(1/n)) are computed here. Standard
library only (no gi).
"""

import json
import math
import os
import subprocess
import sys
import unittest

TOOL = None


def run(*args):
    """Runs the tool with a UTF-8 locale and untranslated messages."""
    env = dict(os.environ)
    env["LC_ALL"] = "C.UTF-8"
    env.pop("LANGUAGE", None)
    return subprocess.run([TOOL, *args], capture_output=True, env=env, timeout=120)


class Cli(unittest.TestCase):
    def assert_exit(self, result, status):
        self.assertEqual(result.returncode, status,
                         f"stdout:\n{result.stdout.decode(errors='replace')}\n"
                         f"stderr:\n{result.stderr.decode(errors='replace')}")

    def json_of(self, *args):
        result = run(*args, "--json")
        self.assert_exit(result, 0)
        return json.loads(result.stdout.decode("utf-8"))

    def assert_rejected(self, result, *words):
        stderr = result.stderr.decode("utf-8")
        self.assert_exit(result, 2)
        for word in words:
            self.assertIn(word, stderr)


class Plan(Cli):
    def test_aicpa_cells(self):
        plan = self.json_of("plan", "--confidence", "0.95", "--tolerable", "5%", "--expected", "1%")
        self.assertEqual(plan["sample_size"], 93)
        self.assertEqual(plan["allowed_deviations"], 1)
        self.assertEqual(plan["model"], "binomial")
        self.assertEqual(plan["confidence"], 0.95)
        self.assertEqual(plan["tolerable_rate"], 0.05)
        self.assertEqual(plan["expected_rate"], 0.01)
        self.assertIsNone(plan["population_size"])
        self.assertLess(plan["achieved_risk"], 0.05)

        plan = self.json_of("plan", "--tolerable", "5%", "--expected", "0")
        self.assertEqual((plan["sample_size"], plan["allowed_deviations"]), (59, 0))
        self.assertEqual(plan["confidence"], 0.95)  # the default

        # Decimal and percent forms are the same rate.
        plan = self.json_of("plan", "--confidence", "95%", "--tolerable", "0.05", "--expected", "0.01")
        self.assertEqual((plan["sample_size"], plan["allowed_deviations"]), (93, 1))

        # Exact rates: 6.5% / 3.5% needs 200 files (219 in double arithmetic).
        plan = self.json_of("plan", "--tolerable", "6.5%", "--expected", "3.5%")
        self.assertEqual((plan["sample_size"], plan["allowed_deviations"]), (200, 7))

    def test_models(self):
        plan = self.json_of("plan", "--tolerable", "5%", "--expected", "0", "--model", "poisson")
        self.assertEqual((plan["model"], plan["sample_size"]), ("poisson", 60))

        # A population size makes the model hypergeometric.
        plan = self.json_of("plan", "--tolerable", "5%", "--population-size", "100")
        self.assertEqual((plan["model"], plan["sample_size"], plan["population_size"]), ("hypergeometric", 45, 100))
        self.assertEqual(plan["critical_count"], 5)

        plan = self.json_of("plan", "--tolerable", "5%", "--population-size", "10000000")
        self.assertEqual(plan["sample_size"], 59)

    def test_deviations(self):
        plan = self.json_of("plan", "--tolerable", "5%", "--deviations", "1")
        self.assertEqual((plan["sample_size"], plan["allowed_deviations"]), (93, 1))
        self.assertIsNone(plan["expected_rate"])

    def test_table(self):
        result = run("plan", "--tolerable", "5%", "--expected", "1%")
        self.assert_exit(result, 0)
        text = result.stdout.decode("utf-8")
        self.assertRegex(text, r"sample size\s+93\b")
        self.assertRegex(text, r"allowed deviations\s+1\b")

    def test_invalid(self):
        self.assert_rejected(run("plan", "--tolerable", "1%", "--expected", "1%"), "tolerable")
        self.assert_rejected(run("plan", "--tolerable", "1%", "--expected", "2%"), "tolerable")
        self.assert_rejected(run("plan", "--tolerable", "0", "--expected", "0"), "tolerable")
        self.assert_rejected(run("plan", "--confidence", "1", "--tolerable", "5%"), "confidence")
        self.assert_rejected(run("plan", "--tolerable", "150%"), "--tolerable")
        self.assert_rejected(run("plan", "--tolerable", "five"), "--tolerable")
        self.assert_rejected(run("plan", "--tolerable", "5%", "--expected", "4%", "--population-size", "10"))

    def test_usage(self):
        self.assert_exit(run("plan"), 1)
        self.assert_exit(run("plan", "--expected", "1%"), 1)
        self.assert_exit(run("plan", "--tolerable", "5%", "--expected", "1%", "--deviations", "1"), 1)
        self.assert_exit(run("plan", "--tolerable", "5%", "--model", "normal"), 1)
        self.assert_exit(run("plan", "--tolerable", "5%", "--population-size", "many"), 1)
        self.assert_exit(run("plan", "--tolerable", "5%", "extra"), 1)
        result = run("plan", "--help")
        self.assert_exit(result, 0)
        self.assertIn("--tolerable", result.stdout.decode("utf-8"))


class Bound(Cli):
    def test_upper(self):
        bound = self.json_of("bound", "--sample-size", "59", "--deviations", "0")
        self.assertAlmostEqual(bound["upper"], 1 - 0.05 ** (1 / 59), delta=1e-9)
        self.assertEqual(bound["model"], "binomial")
        self.assertEqual(bound["confidence"], 0.95)
        self.assertNotIn("lower", bound)
        self.assertNotIn("upper_count", bound)

        bound = self.json_of("bound", "--sample-size", "100", "--deviations", "1")
        self.assertEqual(float(f"{bound['upper']:.4g}"), 0.04656)
        self.assertTrue(math.isclose(bound["upper"], 0.046559811453539, rel_tol=1e-9))

        bound = self.json_of("bound", "--sample-size", "100", "--deviations", "1", "--confidence", "90%")
        self.assertEqual(bound["confidence"], 0.9)
        self.assertLess(bound["upper"], 0.04656)

    def test_two_sided(self):
        bound = self.json_of("bound", "--sample-size", "100", "--deviations", "5", "--two-sided")
        self.assertEqual(round(bound["lower"] * 100, 4), 1.6432)
        self.assertEqual(round(bound["upper"] * 100, 4), 11.2835)

        bound = self.json_of("bound", "--sample-size", "100", "--deviations", "5", "--two-sided", "--model", "poisson")
        self.assertEqual(bound["model"], "poisson")
        self.assertEqual(round(bound["lower"] * 100, 4), 1.6235)
        self.assertEqual(round(bound["upper"] * 100, 4), 11.6683)

    def test_hypergeometric(self):
        bound = self.json_of("bound", "--sample-size", "1", "--deviations", "0", "--population-size", "20")
        self.assertEqual(bound["model"], "hypergeometric")
        self.assertEqual(bound["upper_count"], 18)
        self.assertEqual(bound["upper"], 18 / 20)

        bound = self.json_of("bound", "--sample-size", "45", "--deviations", "0", "--population-size", "45",
                             "--two-sided")
        self.assertEqual((bound["lower_count"], bound["upper_count"]), (0, 0))

    def test_table(self):
        result = run("bound", "--sample-size", "100", "--deviations", "1")
        self.assert_exit(result, 0)
        self.assertIn("0.04655981", result.stdout.decode("utf-8"))

    def test_invalid(self):
        self.assert_rejected(run("bound", "--sample-size", "10", "--deviations", "11"))
        self.assert_rejected(run("bound", "--sample-size", "0", "--deviations", "0"))
        self.assert_rejected(run("bound", "--sample-size", "10", "--deviations", "0", "--confidence", "1"))
        self.assert_rejected(run("bound", "--sample-size", "10", "--deviations", "0", "--model", "hypergeometric"))
        self.assert_rejected(run("bound", "--sample-size", "30", "--deviations", "0", "--population-size", "20"))

    def test_usage(self):
        self.assert_exit(run("bound"), 1)
        self.assert_exit(run("bound", "--sample-size", "100"), 1)
        self.assert_exit(run("bound", "--sample-size", "-1", "--deviations", "0"), 1)
        self.assert_exit(run("bound", "--sample-size", "100", "--deviations", "0", "--model", "beta"), 1)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(f"usage: {sys.argv[0]} CASEREVIEW [unittest arguments]")
    TOOL = os.path.abspath(sys.argv[1])
    unittest.main(argv=[sys.argv[0], *sys.argv[2:]], verbosity=2)

#!/usr/bin/python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Tests `casereview sample` and `casereview verify` from the outside, as a
shell user or a script would run them: exit statuses, manifests, CSV lists,
JSON on stdout, messages on stderr.

    test-sampling-cli.py CASEREVIEW DEMO_DATA_DIR

CASEREVIEW is the built tool, DEMO_DATA_DIR holds agencies.csv and cases.csv
(examples/data/luohu-2020). Expected figures (stratum sizes, the
proportional allocation, certainty units) are computed here from the CSV
files with Python's csv module and the rules of docs/sampling-spec.md,
independently of the library. Standard library only (no gi).
"""

import collections
import csv
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import unittest

TOOL = None
DATA_DIR = None
SEED = "罗湖区2020"
DEMO_OPTIONS = ("--total", "350", "--min-per-stratum", "5", "--reserves", "2", "--seed", SEED)
SELECTED_ROLES = {"primary", "certainty"}


def run(*args):
    """Runs the tool with a UTF-8 locale and untranslated messages."""
    env = dict(os.environ)
    env["LC_ALL"] = "C.UTF-8"
    env.pop("LANGUAGE", None)
    return subprocess.run([TOOL, *args], capture_output=True, env=env, timeout=300)


def read_rows(path):
    with open(path, newline="", encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    return rows[0], [row for row in rows[1:] if row]


def write_rows(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def read_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def write_json(path, value):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, ensure_ascii=False, indent=2)


def apportion(total, sizes, minimum):
    """docs/sampling-spec.md, section 5: proportional allocation of @total
    over @sizes (key → N) with a minimum per stratum, no maximum, in exact
    integers (largest remainders, ties by larger N, then smaller key)."""
    keys = sorted(sizes, key=lambda k: k.encode("utf-8"))
    lower = {k: min(minimum, sizes[k]) for k in keys}
    upper = dict(sizes)
    fixed = {}
    while True:
        free = [k for k in keys if k not in fixed]
        rest = total - sum(fixed.values())
        weight = sum(sizes[k] for k in free)
        if weight == 0:
            fixed.update({k: lower[k] for k in free})
            return fixed
        low = [k for k in free if rest * sizes[k] < lower[k] * weight]
        if low:
            fixed.update({k: lower[k] for k in low})
            continue
        high = [k for k in free if rest * sizes[k] > upper[k] * weight]
        if high:
            fixed.update({k: upper[k] for k in high})
            continue
        shares = {k: rest * sizes[k] // weight for k in free}
        remainders = {k: rest * sizes[k] % weight for k in free}
        missing = rest - sum(shares.values())
        order = sorted(free, key=lambda k: (-remainders[k], -sizes[k], k.encode("utf-8")))
        for k in order[:missing]:
            shares[k] += 1
        fixed.update(shares)
        return fixed


class Sampling(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.agencies = os.path.join(DATA_DIR, "agencies.csv")
        cls.cases = os.path.join(DATA_DIR, "cases.csv")
        cls.header, cls.rows = read_rows(cls.cases)
        cls.column = {name: i for i, name in enumerate(cls.header)}
        _, cls.agency_rows = read_rows(cls.agencies)
        cls.tmp = tempfile.mkdtemp(prefix="casereview-sampling-cli-")
        cls.manifest_path = os.path.join(cls.tmp, "demo.json")
        cls.csv_path = os.path.join(cls.tmp, "demo.csv")
        cls.demo = run("sample", "--agencies", cls.agencies, "--cases", cls.cases, *DEMO_OPTIONS,
                       "-o", cls.manifest_path, "--csv", cls.csv_path)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def tmp_path(self, name):
        return os.path.join(self.tmp, name)

    def sample(self, *args, cases=None, agencies=None):
        return run("sample", "--agencies", agencies or self.agencies, "--cases", cases or self.cases, *args)

    def verify(self, manifest, *args, cases=None, agencies=None):
        return run("verify", manifest, "--agencies", agencies or self.agencies, "--cases", cases or self.cases, *args)

    def assert_exit(self, result, status):
        self.assertEqual(result.returncode, status,
                         f"stdout:\n{result.stdout.decode(errors='replace')}\n"
                         f"stderr:\n{result.stderr.decode(errors='replace')}")

    def assert_verifies(self, manifest, **files):
        result = self.verify(manifest, **files)
        self.assert_exit(result, 0)
        self.assertIn("manifest matches", result.stdout.decode("utf-8"))

    def draw(self, name, *args, **files):
        """Draws into a new manifest and returns (path, manifest)."""
        path = self.tmp_path(name)
        result = self.sample(*args, "-o", path, **files)
        self.assert_exit(result, 0)
        return path, read_json(path)

    def assert_rejected(self, result, *words):
        """Exit 2, with every word in the message on stderr."""
        stderr = result.stderr.decode("utf-8")
        self.assert_exit(result, 2)
        for word in words:
            self.assertIn(word, stderr)

    def case_column(self, row, name):
        return row[self.column[name]]

    # The demo draw

    def test_demo_draw(self):
        self.assert_exit(self.demo, 0)
        manifest = read_json(self.manifest_path)
        units = manifest["units"]
        strata = manifest["strata"]
        by_agency = collections.Counter(self.case_column(row, "agency") for row in self.rows)
        agency_of = {self.case_column(row, "case_id"): self.case_column(row, "agency") for row in self.rows}

        self.assertEqual(manifest["seed"], SEED)
        self.assertEqual(manifest["plan"]["seed"], SEED)
        self.assertEqual(manifest["plan"]["allocation"], "proportional")
        self.assertEqual(manifest["frame_size"], len(self.rows))
        self.assertEqual(manifest["population"]["n_cases"], len(self.rows))

        selected = [u for u in units if u["role"] in SELECTED_ROLES]
        self.assertEqual(len(selected), 350)
        self.assertEqual(sum(s["selected"] for s in strata), 350)
        self.assertEqual({u["role"] for u in units} - SELECTED_ROLES, {"reserve"})
        self.assertEqual(len({u["case_id"] for u in units}), len(units), "a case drawn twice")

        # 32 strata, one per agency, with N counted here.
        self.assertEqual(len(strata), 32)
        self.assertEqual([s["key"] for s in strata], sorted(row[0] for row in self.agency_rows))
        for stratum in strata:
            self.assertEqual(stratum["population_size"], by_agency[stratum["key"]], stratum["key"])

        # The allocation is the spec's largest-remainder apportionment.
        expected = apportion(350, dict(by_agency), 5)
        for stratum in strata:
            key = stratum["key"]
            self.assertEqual(stratum["allocated"], expected[key], key)
            self.assertEqual(stratum["selected"], expected[key], key)

        # Two reserves per stratum where the stratum has them.
        for stratum in strata:
            key = stratum["key"]
            stratum_units = [u for u in units if u["stratum"] == key]
            reserves = [u for u in stratum_units if u["role"] == "reserve"]
            available = stratum["population_size"] - stratum["selected"]
            self.assertEqual(len(reserves), min(2, available), key)
            self.assertEqual(stratum["reserves"], len(reserves), key)
            self.assertEqual([u["draw_index"] for u in stratum_units], list(range(len(stratum_units))), key)
            for unit in stratum_units:
                self.assertEqual(agency_of[unit["case_id"]], key, unit["case_id"])
                self.assertEqual(unit["agency"], key)
                if unit["role"] == "primary" and not stratum["take_all"]:
                    self.assertEqual(unit["inclusion_probability"],
                                     stratum["selected"] / stratum["population_size"], unit["case_id"])

    def test_demo_table(self):
        self.assert_exit(self.demo, 0)
        manifest = read_json(self.manifest_path)
        text = self.demo.stdout.decode("utf-8")
        short_names = {row[0]: row[2] for row in self.agency_rows}

        self.assertIn(SEED, text)
        self.assertIn(manifest["population"]["fingerprint"], text)
        lines = text.splitlines()
        for stratum in manifest["strata"]:
            line = next((l for l in lines if l.startswith(stratum["key"] + " ")), None)
            self.assertIsNotNone(line, stratum["key"])
            fields = line.split()
            self.assertEqual(fields[1], short_names[stratum["key"]])
            self.assertEqual([int(f) for f in fields[2:7]],
                             [stratum["population_size"], stratum["allocated"], stratum["certainty"],
                              stratum["selected"], stratum["reserves"]])
        total = next(l for l in lines if l.startswith("合计"))
        self.assertEqual([int(f) for f in total.split()[2:7]],
                         [len(self.rows), 350, 0, 350, sum(s["reserves"] for s in manifest["strata"])])

    def test_json_summary(self):
        result = self.sample(*DEMO_OPTIONS, "-o", self.tmp_path("json.json"), "--json")
        self.assert_exit(result, 0)
        summary = json.loads(result.stdout.decode("utf-8"))
        manifest = read_json(self.tmp_path("json.json"))

        self.assertEqual(summary["seed"], SEED)
        self.assertEqual(summary["scheme"], "pcg32")
        self.assertEqual(summary["fingerprint"], manifest["population"]["fingerprint"])
        self.assertEqual(summary["frame_size"], len(self.rows))
        self.assertEqual(summary["n_selected"], 350)
        self.assertEqual(len(summary["strata"]), 32)
        for mine, theirs in zip(summary["strata"], manifest["strata"]):
            for key in ("key", "population_size", "allocated", "certainty", "selected", "reserves", "take_all"):
                self.assertEqual(mine[key], theirs[key])
            self.assertTrue(mine["short_name"])

    def test_same_draw_twice(self):
        path = self.tmp_path("again.json")
        result = self.sample(*DEMO_OPTIONS, "-o", path)
        self.assert_exit(result, 0)
        with open(self.manifest_path, "rb") as first, open(path, "rb") as second:
            self.assertEqual(first.read(), second.read())

    def test_shuffled_input(self):
        rows = list(self.rows)
        random.Random(20201216).shuffle(rows)
        shuffled = self.tmp_path("shuffled.csv")
        write_rows(shuffled, self.header, rows)

        path, manifest = self.draw("shuffled.json", *DEMO_OPTIONS, cases=shuffled)
        original = read_json(self.manifest_path)
        self.assertEqual(manifest["units"], original["units"])
        self.assertEqual(manifest["population"], original["population"])
        with open(self.manifest_path, "rb") as first, open(path, "rb") as second:
            self.assertEqual(first.read(), second.read())
        self.assert_verifies(self.manifest_path, cases=shuffled)

    def test_csv_list(self):
        self.assert_exit(self.demo, 0)
        manifest = read_json(self.manifest_path)
        with open(self.csv_path, "rb") as f:
            data = f.read()
        self.assertTrue(data.startswith(b"\xef\xbb\xbf"), "no byte order mark")
        rows = list(csv.reader(data[3:].decode("utf-8").splitlines()))
        header, rows = rows[0], rows[1:]
        short_names = {row[0]: row[2] for row in self.agency_rows}
        n_reserves = sum(s["reserves"] for s in manifest["strata"])

        self.assertEqual(header, ["stratum", "agency", "agency_short_name", "case_id", "role", "draw_index",
                                  "inclusion_probability", "ticket"])
        self.assertEqual(len(rows), 350 + n_reserves)
        self.assertEqual(n_reserves, 64)
        for row, unit in zip(rows, manifest["units"]):
            self.assertEqual(row[0], unit["stratum"])
            self.assertEqual(row[1], unit["agency"])
            self.assertEqual(row[2], short_names[unit["agency"]])
            self.assertEqual(row[3], unit["case_id"])
            self.assertEqual(row[4], unit["role"])
            self.assertEqual(int(row[5]), unit["draw_index"])
            self.assertEqual(float(row[6]), unit["inclusion_probability"])
            self.assertEqual(row[7], "")

    # Verification

    def test_verify_matches(self):
        result = self.verify(self.manifest_path)
        self.assert_exit(result, 0)
        text = result.stdout.decode("utf-8")
        manifest = read_json(self.manifest_path)
        self.assertIn(f"manifest matches: {len(manifest['units'])} units", text)
        self.assertIn(manifest["population"]["fingerprint"], text)

        result = self.verify(self.manifest_path, "--json")
        self.assert_exit(result, 0)
        report = json.loads(result.stdout.decode("utf-8"))
        self.assertIs(report["valid"], True)
        self.assertEqual(report["units"], len(manifest["units"]))

    def test_verify_swapped_case(self):
        manifest = read_json(self.manifest_path)
        drawn = {u["case_id"] for u in manifest["units"]}
        unit = next(u for u in manifest["units"] if u["stratum"] == "LH13" and u["role"] == "primary")
        other = next(self.case_column(row, "case_id") for row in self.rows
                     if self.case_column(row, "agency") == "LH13" and self.case_column(row, "case_id") not in drawn)
        unit["case_id"] = other
        path = self.tmp_path("swapped.json")
        write_json(path, manifest)

        result = self.verify(path)
        self.assert_exit(result, 3)
        text = result.stdout.decode("utf-8")
        self.assertIn(other, text)

        result = self.verify(path, "--json")
        self.assert_exit(result, 3)
        report = json.loads(result.stdout.decode("utf-8"))
        self.assertIs(report["valid"], False)
        self.assertTrue(any(other in line for line in report["differences"]), report)

    def test_verify_altered_seed(self):
        manifest = read_json(self.manifest_path)
        manifest["seed"] = manifest["plan"]["seed"] = SEED + "1"
        path = self.tmp_path("seed.json")
        write_json(path, manifest)

        result = self.verify(path)
        self.assert_exit(result, 3)
        self.assertTrue(result.stdout.decode("utf-8").strip())

        # A plan whose seed disagrees with the manifest's own is malformed.
        manifest["seed"] = SEED
        write_json(path, manifest)
        result = self.verify(path)
        self.assert_rejected(result, "$.seed")

    def test_verify_altered_plan(self):
        manifest = read_json(self.manifest_path)
        manifest["plan"]["reserves"] = 3
        path = self.tmp_path("reserves.json")
        write_json(path, manifest)
        self.assert_exit(self.verify(path), 3)

    def test_verify_changed_population(self):
        rows = [list(row) for row in self.rows]
        amount = self.column["amount"]
        row = next(row for row in rows if row[amount])
        row[amount] = f"{float(row[amount]) + 1:.2f}"
        changed = self.tmp_path("changed.csv")
        write_rows(changed, self.header, rows)

        result = self.verify(self.manifest_path, cases=changed)
        self.assert_exit(result, 3)
        self.assertIn("fingerprint", result.stdout.decode("utf-8"))

        result = self.verify(self.manifest_path, "--json", cases=changed)
        self.assert_exit(result, 3)
        report = json.loads(result.stdout.decode("utf-8"))
        self.assertTrue(any("fingerprint" in line for line in report["differences"]), report)

    def test_verify_malformed_manifest(self):
        with open(self.manifest_path, encoding="utf-8") as f:
            text = f.read()
        truncated = self.tmp_path("truncated.json")
        with open(truncated, "w", encoding="utf-8") as f:
            f.write(text[: len(text) // 2])
        self.assert_exit(self.verify(truncated), 2)

        manifest = read_json(self.manifest_path)
        manifest["units"] = "none"
        path = self.tmp_path("units.json")
        write_json(path, manifest)
        self.assert_rejected(self.verify(path), "units")

        manifest = read_json(self.manifest_path)
        manifest["units"][0]["role"] = "favourite"
        write_json(path, manifest)
        self.assert_rejected(self.verify(path), "role")

    def test_verify_usage(self):
        self.assert_exit(run("verify", "--agencies", self.agencies, "--cases", self.cases), 1)
        self.assert_exit(run("verify", self.manifest_path, "--cases", self.cases), 1)
        self.assert_exit(self.verify(self.tmp_path("no-such-manifest.json")), 1)
        self.assert_exit(self.verify(self.manifest_path, cases=self.tmp_path("no-such-cases.csv")), 1)

    # Methods, schemes, allocations

    def test_methods(self):
        for method, extra in (("simple_random", ()), ("systematic", ()), ("systematic", ("--sort-key", "closed_on")),
                              ("pps_systematic", ()), ("pps_systematic", ("--sort-key", "closed_on")),
                              ("sequential_poisson", ())):
            with self.subTest(method=method, extra=extra):
                # Penalty files all have an amount, which the PPS methods need.
                path, manifest = self.draw(f"{method}-{len(extra)}.json", *DEMO_OPTIONS, "--kinds", "penalty",
                                           "--method", method, *extra)
                self.assertEqual(manifest["plan"]["method"], method)
                self.assertEqual(sum(1 for u in manifest["units"] if u["role"] in SELECTED_ROLES), 350)
                for unit in manifest["units"]:
                    self.assertLessEqual(unit["inclusion_probability"], 1.0)
                    if unit["role"] != "reserve":
                        self.assertGreater(unit["inclusion_probability"], 0.0)
                self.assert_verifies(path)

    def test_ticket_scheme(self):
        path, manifest = self.draw("ticket.json", *DEMO_OPTIONS, "--scheme", "ticket", "--csv",
                                   self.tmp_path("ticket.csv"))
        self.assertEqual(manifest["scheme"], "ticket")
        self.assertEqual(sum(1 for u in manifest["units"] if u["role"] in SELECTED_ROLES), 350)
        for unit in manifest["units"]:
            self.assertRegex(unit["ticket"], r"^0\.[0-9]{64,}$")
        with open(self.tmp_path("ticket.csv"), encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
        self.assertEqual([row["ticket"] for row in rows], [u["ticket"] for u in manifest["units"]])
        self.assert_verifies(path)

        # The ticket scheme draws simple random samples only.
        self.assert_rejected(self.sample(*DEMO_OPTIONS, "--scheme", "ticket", "--method", "systematic",
                                         "-o", self.tmp_path("x.json")), "method")

    def test_allocations_and_strata(self):
        for args in (("--per-agency", "11"),
                     ("--total", "320", "--allocation", "equal"),
                     ("--total", "200", "--allocation", "neyman", "--expected", "2%", "--stratify", "agency_kind"),
                     ("--allocation", "attribute", "--tolerable", "10%", "--closed-from", "2020-07-01"),
                     ("--total", "100", "--stratify", "kind", "--max-per-stratum", "40")):
            with self.subTest(args=args):
                path, manifest = self.draw("allocation.json", "--seed", SEED, "--reserves", "1", *args)
                self.assertEqual(sum(s["selected"] for s in manifest["strata"]),
                                 sum(1 for u in manifest["units"] if u["role"] in SELECTED_ROLES))
                self.assert_verifies(path)

        _, manifest = self.draw("fixed.json", "--seed", SEED, "--per-agency", "11")
        self.assertEqual(manifest["plan"]["allocation"], "fixed")
        for stratum in manifest["strata"]:
            self.assertEqual(stratum["selected"], min(11, stratum["population_size"]), stratum["key"])

        _, manifest = self.draw("kind.json", "--seed", SEED, "--total", "100", "--stratify", "kind")
        kinds = collections.Counter(self.case_column(row, "kind") for row in self.rows)
        self.assertEqual({s["key"]: s["population_size"] for s in manifest["strata"]}, dict(kinds))

    def test_certainty_flags(self):
        path, manifest = self.draw("certainty.json", *DEMO_OPTIONS, "--certainty-flags", "major,litigation")
        flagged = {self.case_column(row, "case_id") for row in self.rows
                   if {"major", "litigation"} & set(self.case_column(row, "flags").split(";"))}
        certainty = {u["case_id"] for u in manifest["units"] if u["role"] == "certainty"}
        self.assertTrue(flagged)
        self.assertEqual(certainty, flagged)
        for unit in manifest["units"]:
            if unit["role"] == "certainty":
                self.assertEqual(unit["inclusion_probability"], 1.0)
        self.assert_verifies(path)

    def test_frame_filter(self):
        _, manifest = self.draw("window.json", *DEMO_OPTIONS, "--closed-from", "2020-04-01",
                                "--closed-to", "2020-06-30", "--kinds", "penalty,coercion")
        expected = [row for row in self.rows
                    if "2020-04-01" <= self.case_column(row, "closed_on") <= "2020-06-30"
                    and self.case_column(row, "kind") in ("penalty", "coercion")]
        self.assertEqual(manifest["frame_size"], len(expected))
        self.assertEqual(manifest["plan"]["frame"]["closed_from"], "2020-04-01")
        self.assertEqual(sorted(manifest["plan"]["frame"]["kinds"]), ["coercion", "penalty"])

    # Plan files

    def test_plan_file(self):
        plan = self.tmp_path("plan.json")
        write_json(plan, {"allocation": "proportional", "sample_size": 350, "min_per_stratum": 5, "reserves": 1})

        # No seed in the plan: --seed gives it; --reserves overrides.
        path, manifest = self.draw("plan-a.json", "--plan", plan, "--seed", SEED, "--reserves", "2")
        with open(self.manifest_path, "rb") as first, open(path, "rb") as second:
            self.assertEqual(first.read(), second.read())

        # A manifest's plan is a plan file.
        demo_plan = self.tmp_path("demo-plan.json")
        write_json(demo_plan, read_json(self.manifest_path)["plan"])
        path, _ = self.draw("plan-b.json", "--plan", demo_plan)
        with open(self.manifest_path, "rb") as first, open(path, "rb") as second:
            self.assertEqual(first.read(), second.read())

        # The command line wins over the file.
        _, manifest = self.draw("plan-c.json", "--plan", demo_plan, "--seed", "another seed", "--total", "200")
        self.assertEqual(manifest["seed"], "another seed")
        self.assertEqual(manifest["plan"]["sample_size"], 200)
        self.assertEqual(sum(s["selected"] for s in manifest["strata"]), 200)
        self.assertEqual(manifest["plan"]["allocation"], "proportional")

        # --per-agency over a plan that splits a total makes it fixed (and
        # the plan's minimum of 5 still applies unless overridden).
        _, manifest = self.draw("plan-d.json", "--plan", demo_plan, "--per-agency", "3")
        self.assertEqual(manifest["plan"]["allocation"], "fixed")
        self.assertEqual(sum(s["selected"] for s in manifest["strata"]), 5 * 32)
        _, manifest = self.draw("plan-d.json", "--plan", demo_plan, "--per-agency", "3", "--min-per-stratum", "0")
        self.assertEqual(manifest["plan"]["allocation"], "fixed")
        self.assertEqual(sum(s["selected"] for s in manifest["strata"]), 3 * 32)

    # Bad plans: exit 2, the parameter named

    def test_total_larger_than_frame(self):
        result = self.sample("--total", str(len(self.rows) + 1), "--seed", SEED, "-o", self.tmp_path("x.json"))
        self.assert_rejected(result, "sample_size")

    def test_empty_seed(self):
        result = self.sample("--total", "350", "--seed", "", "-o", self.tmp_path("x.json"))
        self.assert_rejected(result, "seed")

        plan = self.tmp_path("empty-seed.json")
        write_json(plan, {"seed": "", "allocation": "proportional", "sample_size": 350})
        self.assert_rejected(self.sample("--plan", plan, "-o", self.tmp_path("x.json")), "seed")

    def test_fixed_quota_without_take_all(self):
        plan = self.tmp_path("no-take-all.json")
        write_json(plan, {"seed": SEED, "take_all": False})
        by_agency = collections.Counter(self.case_column(row, "agency") for row in self.rows)
        smallest = min(by_agency, key=lambda k: (by_agency[k], k))
        result = self.sample("--plan", plan, "--per-agency", "20", "-o", self.tmp_path("x.json"))
        self.assert_rejected(result, "take_all")
        self.assertRegex(result.stderr.decode("utf-8"), r"LH[0-9]{2}")
        self.assertLess(by_agency[smallest], 20)

        # With take-all (the default) the same quota takes the small strata whole.
        _, manifest = self.draw("take-all.json", "--seed", SEED, "--per-agency", "20")
        strata = {s["key"]: s for s in manifest["strata"]}
        self.assertTrue(strata[smallest]["take_all"])
        self.assertEqual(strata[smallest]["selected"], by_agency[smallest])

    def test_pps_without_sizes(self):
        result = self.sample(*DEMO_OPTIONS, "--method", "pps_systematic", "--size-measure", "weight",
                             "-o", self.tmp_path("x.json"))
        self.assert_rejected(result, "size_measure", "weight")
        result = self.sample(*DEMO_OPTIONS, "--method", "sequential_poisson", "-o", self.tmp_path("x.json"))
        self.assert_rejected(result, "size_measure", "amount")

    def test_bad_plan_files(self):
        plan = self.tmp_path("bad-plan.json")
        with open(plan, "w", encoding="utf-8") as f:
            f.write('{"seed": "x", "allocation": ')
        self.assert_exit(self.sample("--plan", plan, "-o", self.tmp_path("x.json")), 2)

        write_json(plan, {"seed": "x", "allocation": "proportional", "sampel_size": 350})
        self.assert_rejected(self.sample("--plan", plan, "-o", self.tmp_path("x.json")), "sampel_size")

        write_json(plan, {"seed": "x", "allocation": "proportional", "sample_size": 350, "method": "lottery"})
        self.assert_rejected(self.sample("--plan", plan, "-o", self.tmp_path("x.json")), "method")

        write_json(plan, {"seed": "x", "allocation": "attribute", "tolerable_rate": 0.01, "expected_rate": 0.02})
        self.assert_rejected(self.sample("--plan", plan, "-o", self.tmp_path("x.json")), "tolerable_rate")

        write_json(plan, ["not", "a", "plan"])
        self.assert_exit(self.sample("--plan", plan, "-o", self.tmp_path("x.json")), 2)

    def test_bad_frame(self):
        rows = [list(row) for row in self.rows]
        rows[10][self.column["closed_on"]] = "2020-02-30"
        bad = self.tmp_path("bad-cases.csv")
        write_rows(bad, self.header, rows)
        result = self.sample(*DEMO_OPTIONS, "-o", self.tmp_path("x.json"), cases=bad)
        self.assert_rejected(result, ":12:")
        self.assert_exit(self.verify(self.manifest_path, cases=bad), 2)

    # Usage: exit 1

    def test_usage(self):
        out = ("-o", self.tmp_path("x.json"))
        self.assert_exit(self.sample(*DEMO_OPTIONS), 1)                                  # no -o
        self.assert_exit(self.sample("--total", "350", *out), 1)                        # no seed
        self.assert_exit(self.sample("--seed", SEED, *out), 1)                          # no size
        self.assert_exit(self.sample(*DEMO_OPTIONS, "--per-agency", "5", *out), 1)      # both
        self.assert_exit(self.sample(*DEMO_OPTIONS, "--method", "lottery", *out), 1)
        self.assert_exit(self.sample(*DEMO_OPTIONS, "--kinds", "parking", *out), 1)
        self.assert_exit(self.sample(*DEMO_OPTIONS, "--reserves", "-1", *out), 1)
        self.assert_exit(self.sample(*DEMO_OPTIONS, "--plan", self.tmp_path("no-such-plan.json"), *out), 1)
        self.assert_exit(self.sample(*DEMO_OPTIONS, *out, cases=self.tmp_path("no-such-cases.csv")), 1)
        self.assert_exit(self.sample(*DEMO_OPTIONS, "-o", os.path.join(self.tmp, "no-such-dir", "m.json")), 1)
        result = run("sample", "--help")
        self.assert_exit(result, 0)
        self.assertIn("--per-agency", result.stdout.decode("utf-8"))


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(f"usage: {sys.argv[0]} CASEREVIEW DEMO_DATA_DIR [unittest arguments]")
    TOOL = os.path.abspath(sys.argv[1])
    DATA_DIR = sys.argv[2]
    unittest.main(argv=[sys.argv[0], *sys.argv[3:]], verbosity=2)

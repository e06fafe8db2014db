#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""casereview notices from the outside: notices generated from the demo's
results and channel checks, numbered without gaps, moved along their
lifecycle, rendered to every format; every refusal (illegal transition,
unknown state, results of another year, a deadline beyond the calendar,
generating twice) exits 2 and leaves the book file byte for byte as it was.
Usage: test-notices-cli.py CASEREVIEW DEMO-DIR"""

import hashlib
import json
import os
import shutil
import subprocess
import tempfile

from cli_check import CliCheck

cli = CliCheck("test-notices-cli")
tool, demo, check, run = cli.tool, cli.demo, cli.check, cli.run


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


with tempfile.TemporaryDirectory() as tmp:
    frame = ["--agencies", os.path.join(demo, "agencies.csv"), "--cases", os.path.join(demo, "cases.csv")]
    manifest, results = os.path.join(tmp, "sample.json"), os.path.join(tmp, "results.json")
    check(run("sample", "--plan", os.path.join(demo, "plan.json"), *frame, "-o", manifest).returncode == 0, "sample")
    check(run("score", "--default-rubric", "--manifest", manifest, *frame, "--sheets",
              os.path.join(demo, "score-sheets.csv"), "-o", results).returncode == 0, "score")
    scored = json.load(open(results, encoding="utf-8"))

    book = os.path.join(tmp, "notices.json")
    issuer = ["--issuer", "深圳市罗湖区司法局", "--code", "罗司", "--year", "2020"]
    generate = ["notices", "generate", "--results", results, *issuer, "--served-on", "2021-02-01",
                "--issued-at", "2021-01-29T09:00:00+08:00", "--actor", "法制科"]
    channels = ["--channels", os.path.join(demo, "channels.csv"), "--checks", os.path.join(demo, "channel-checks.csv")]

    # Refusals before any book exists write nothing.
    result = run("notices", "generate", "--results", results, "--issuer", "深圳市罗湖区司法局", "--code", "罗司",
                 "--year", "2019", "-o", book)
    check(result.returncode == 2 and "the results are for 2020, the notice book is for 2019" in result.stderr,
          "results of another year: " + result.stderr)
    result = run(*generate, "--served-on", "2021-12-20", "-o", book)
    check(result.returncode == 2 and "2022" in result.stderr, "deadline beyond the calendar: " + result.stderr)
    result = run("notices", "generate", "--results", results, "--code", "罗司", "--year", "2020", "-o", book)
    check(result.returncode == 1 and "--issuer" in result.stderr, "missing issuer is a usage error: " + result.stderr)
    check(not os.path.exists(book), "no book written by failed runs")

    result = run(*generate, *channels, "-o", book)
    check(result.returncode == 0, "generate: " + result.stderr)
    data = json.load(open(book, encoding="utf-8"))
    notices = data["notices"]
    failing = [a["agency"] for a in scored["agencies"] if a["fail_count"] > 0]
    review = [n for n in notices if "failed_file" in n["reasons"]]
    check([n["agency"] for n in review] == failing, "one review notice per agency with a 不合格 file, in rank order")
    check([n["serial"] for n in notices] == list(range(1, len(notices) + 1)), "serials 1..n without gaps")
    check(data["next_serial"] == len(notices) + 1, "next serial")
    check(all(n["number"] == f"罗司〔2020〕{n['serial']}号" for n in notices), "document numbers")
    check(all(n["state"] == "issued" and n["deadline"] == "2021-03-03" for n in notices), "issued, deadline 3 March")
    channel_problems = [p for n in notices for p in n["problems"] if p["severity"] == "channel"]
    check(len(channel_problems) == 7, f"7 failed channels listed, got {len(channel_problems)}")
    # Every problem of a noticed agency's files is in its notice.
    for notice in review:
        expected = sum(len(c["problems"]) for c in scored["cases"] if c["agency"] == notice["agency"])
        got = sum(1 for p in notice["problems"] if p["severity"] != "channel")
        check(got == expected, f"{notice['agency']}: {got} problems, expected {expected}")
    check("罗司〔2020〕1号" in result.stdout, "the list is printed")

    # Generating again from the same results is refused; the file is untouched.
    before = digest(book)
    result = run(*generate, "-o", book)
    check(result.returncode == 2 and "already has a review notice" in result.stderr, "second generate: " + result.stderr)
    check(digest(book) == before, "book unchanged after a refused generate")

    # The lifecycle.
    def move(number, state, when, *extra):
        return run("notices", "transition", book, "--number", number, "--to", state, "--actor", "法制科", "--at",
                   when, *extra)

    result = move("1", "served", "2021-02-05T15:00:00+08:00", "--note", "EMS")
    check(result.returncode == 0 and "2021-03-08" in result.stdout, "served, deadline moved off Sunday 7 March: "
          + result.stdout + result.stderr)
    before = digest(book)
    for state, when in (("closed", "2021-02-06"), ("reminded", "2021-03-08"), ("flying", "2021-03-09"),
                        ("served", "2021-02-01")):
        result = move("1", state, when)
        check(result.returncode == 2, f"{state} refused: {result.returncode} {result.stderr}")
    check("cannot go from “served” to “closed”" in move("1", "closed", "2021-02-06").stderr, "error names both states")
    check(move("罗司〔2020〕99号", "served", "2021-02-06").returncode == 2, "unknown number")
    check(digest(book) == before, "book unchanged after refused transitions")
    for state, when in (("reminded", "2021-03-09"), ("response-received", "2021-03-15"), ("verified", "2021-03-20"),
                        ("closed", "2021-03-22")):
        result = move("罗司〔2020〕1号", state, when)
        check(result.returncode == 0, f"{state}: {result.stderr}")
    history = json.load(open(book, encoding="utf-8"))["notices"][0]["history"]
    check([e["to"] for e in history] == ["issued", "served", "reminded", "response-received", "verified", "closed"],
          "history " + str([e["to"] for e in history]))
    check(history[1]["note"] == "EMS" and history[1]["actor"] == "法制科", "actor and note recorded")

    check(move("2", "served", "2021-02-01").returncode == 0, "serve 2")
    listing = run("notices", "list", book, "--today", "2021-03-04")
    check(listing.returncode == 0 and "overdue" in listing.stdout, "list marks overdue notices")
    check(json.loads(run("notices", "list", book, "--json").stdout)["next_serial"] == len(notices) + 1, "list --json")

    # Rendering.
    for fmt, marker in (("text", "罗司〔2020〕2号"), ("markdown", "罗司〔2020〕2号"), ("html", "<!DOCTYPE html>"),
                        ("json", "\"serial\" : 2")):
        result = run("notices", "render", book, "--number", "2", "--format", fmt)
        check(result.returncode == 0 and marker in result.stdout, f"render {fmt}: {result.stderr}")
    out = os.path.join(tmp, "all.html")
    check(run("notices", "render", book, "--all", "--format", "html", "-o", out).returncode == 0, "render --all html")
    html = open(out, encoding="utf-8").read()
    check(all(n["number"] in html for n in notices), "every number in the HTML of the book")
    pdf = os.path.join(tmp, "2.pdf")
    result = run("notices", "render", book, "--number", "2", "--format", "pdf", "-o", pdf)
    check(result.returncode == 0 and open(pdf, "rb").read(5) == b"%PDF-", "render pdf: " + result.stderr)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
        check("罗司〔2020〕2号" in text.replace(" ", ""), "pdftotext reads the number back")
    check(run("notices", "render", book, "--number", "2", "--format", "pdf").returncode == 1, "PDF needs -o")
    check(run("notices", "render", book, "--number", "2", "--format", "docx").returncode == 1, "unknown format")

    # A hand-edited book with a gap is refused.
    broken = json.load(open(book, encoding="utf-8"))
    broken["next_serial"] += 1
    bad = os.path.join(tmp, "bad.json")
    json.dump(broken, open(bad, "w", encoding="utf-8"), ensure_ascii=False)
    result = run("notices", "list", bad)
    check(result.returncode == 2 and "is missing" in result.stderr, "gap refused: " + result.stderr)

cli.finish()

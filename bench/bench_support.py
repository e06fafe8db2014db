# SPDX-License-Identifier: LGPL-2.1-or-later
"""What the benchmark drivers in bench/ share: running a measured program in
a fresh process, describing the machine, printing aligned tables.
Standard library only; each driver imports it from its own directory."""

import json
import os
import platform
import subprocess
import tempfile
import time


def run_measured(command, fail):
    """Runs command in a fresh process and returns its JSON report (the last
    line starting with "{") with the process's wall and CPU seconds added;
    calls fail(message) when it exits non-zero or prints no report."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=out, stderr=err)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
        returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    if returncode != 0:
        fail(f"{' '.join(command[:3])}… exited with {returncode}:\n{stderr}")
    lines = [line for line in stdout.strip().splitlines() if line.startswith("{")]
    if not lines:
        fail(f"{' '.join(command[:3])}… printed no report:\n{stdout}\n{stderr}")
    report = json.loads(lines[-1])
    report["process_seconds"] = wall
    report["process_cpu_seconds"] = usage.ru_utime + usage.ru_stime
    # The program's own figure when it reports one: wait4's ru_maxrss starts
    # from this driver's size, which Linux carries over exec.
    report.setdefault("peak_rss_kib", usage.ru_maxrss)
    return report


def machine_description():
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} CPUs, Python {platform.python_version()}"


def loadavg():
    try:
        with open("/proc/loadavg", encoding="utf-8") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "?"


def table(header, lines):
    """Prints rows of strings in columns: the first left-aligned, the others
    right-aligned."""
    widths = [max(len(row[i]) for row in [header, *lines]) for i in range(len(header))]
    for row in [header, *lines]:
        print("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths))))


def find_bench_exe(name):
    """The built bench program @name: in scripts/bench's build tree
    (build/bench), or in a build tree configured as build; None if neither
    has it."""
    repo_root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    for candidate in (os.path.join("build", "bench", "bench", name), os.path.join("build", "bench", name)):
        path = os.path.join(repo_root, candidate)
        if os.access(path, os.X_OK):
            return path
    return None

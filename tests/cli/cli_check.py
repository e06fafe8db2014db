# SPDX-License-Identifier: LGPL-2.1-or-later
"""What the check-style CLI tests share (test-assign-cli.py, test-score-cli.py,
test-evaluate-cli.py, test-notices-cli.py): the tool and the demo directory
from the command line, running the tool, counting failed checks, and the
exit status. Each test imports it from its own directory."""

import subprocess
import sys


class CliCheck:
    def __init__(self, name):
        if len(sys.argv) < 3:
            sys.exit(f"usage: {sys.argv[0]} CASEREVIEW DEMO-DIR")
        self.name = name
        self.tool, self.demo = sys.argv[1], sys.argv[2]
        self.failures = 0

    def check(self, condition, what):
        """Counts a failed check and says what it was; the test goes on."""
        if not condition:
            self.failures += 1
            print("FAIL:", what)

    def run(self, *args):
        return subprocess.run([self.tool, *args], capture_output=True, text=True)

    def finish(self):
        """Exits 1 when any check failed, 0 otherwise."""
        if self.failures:
            print(f"{self.name}: {self.failures} check(s) failed")
            sys.exit(1)
        print(f"{self.name}: all checks passed")
        sys.exit(0)

#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Prints the library version and the first five draws below 100 from the
stream "demo" of the seed "罗湖区2020", like examples/c/random-demo.c."""

import gi

gi.require_version("CaseReview", "1.0")
from gi.repository import CaseReview  # noqa: E402

seed, stream = "罗湖区2020", "demo"
rng = CaseReview.Random.new_from_seed(seed, stream)

print(f"libcasereview {CaseReview.get_version()}")
print(f"seed {seed} stream {stream}:", " ".join(str(rng.bounded(100)) for _ in range(5)))

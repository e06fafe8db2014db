#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# The Python notices example runs end to end on the demo data: it issues and
# serves 罗司〔2020〕1号, is refused an illegal transition, and writes a text,
# an HTML and a PDF notice that carry the number.
# Usage: check-notices-example.sh PYTHON EXAMPLES-DIR
set -eu
python=$1 examples=$2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$python" "$examples/python/notices_demo.py" "$examples/data/luohu-2020" "$out" > "$out/stdout.txt"
cat "$out/stdout.txt"
grep -q '^8 agencies get a notice$' "$out/stdout.txt"
grep -q '^罗司〔2020〕1号 to .*deadline 2021-03-03$' "$out/stdout.txt"
grep -q '^refused: 罗司〔2020〕1号: cannot go from “served” to “closed”' "$out/stdout.txt"
grep -q '罗司〔2020〕1号' "$out/notice-1.txt"
grep -q '罗司〔2020〕1号' "$out/notice-1.html"
head -c 5 "$out/notice-1.pdf" | grep -q '%PDF-'
echo "notices example: ok"

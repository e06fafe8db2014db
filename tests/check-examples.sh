#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# The C, Python and GJS examples must print exactly the same lines.
# Usage: check-examples.sh C-EXAMPLE PYTHON GJS EXAMPLES-DIR
set -eu
c_example=$1 python=$2 gjs=$3 examples=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$c_example" > "$tmp/c.txt"
"$python" "$examples/python/random_demo.py" > "$tmp/python.txt"
"$gjs" -m "$examples/gjs/random-demo.js" > "$tmp/gjs.txt"

cat "$tmp/c.txt"
# Guard against three empty outputs agreeing.
grep -q '^seed 罗湖区2020 stream demo: [0-9]' "$tmp/c.txt"
cmp "$tmp/c.txt" "$tmp/python.txt"
cmp "$tmp/c.txt" "$tmp/gjs.txt"
echo "examples agree"

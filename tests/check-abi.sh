#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# The library exports exactly the symbols in the checked-in list, all of them
# case_review_*. A new public function means updating the list on purpose.
# Usage: check-abi.sh LIBRARY SYMBOLS-FILE
set -eu
library=$1 expected=$2
actual=$(mktemp)
trap 'rm -f "$actual"' EXIT

nm -D --defined-only --format=posix "$library" | awk '{ print $1 }' | LC_ALL=C sort > "$actual"

status=0
if grep -v '^case_review_' "$actual"; then
  echo "error: the symbols above are exported but are not case_review_*" >&2
  status=1
fi
if ! LC_ALL=C sort "$expected" | diff -u - "$actual"; then
  echo "error: exported symbols differ from $expected (- listed, + exported)" >&2
  status=1
fi
[ "$status" -eq 0 ] && echo "$(wc -l < "$actual") symbols, all listed"
exit $status

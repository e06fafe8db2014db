#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# gi-docgen check with warnings fatal: every public symbol is documented and
# every link in the documentation resolves.
# Usage: check-docs.sh GI-DOCGEN GIR CONFIG
set -eu
"$1" check --quiet --fatal-warnings --config "$3" "$2"
echo "gi-docgen check: no warnings"

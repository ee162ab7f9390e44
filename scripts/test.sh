#!/usr/bin/env bash
# `npm test`: everything, from nothing. Typecheck, unit tests, build, the database tests on a
# throwaway PostgreSQL 15, then the built extension in real Chromium and in real Firefox.
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

step "build"
# The shipped extension (closed shadow roots), then the same with open roots, which the end-to-end
# tests look inside (test/e2e/harness.ts); page-hostile.spec.ts loads the shipped one.
npx wxt build
JALUR_OPEN_SHADOW=1 JALUR_OUT_DIR=.output-open npx wxt build >/dev/null
# The sync end-to-end tests load a build that grants the loopback host up front (wxt.config.ts).
JALUR_OPEN_SHADOW=1 JALUR_E2E_BACKEND=1 npx wxt build >/dev/null
# Firefox: the shipped package (linted as AMO would), and the open-roots build its suite loads.
npx wxt build -b firefox --mv3 >/dev/null
npx web-ext lint -s .output/firefox-mv3
JALUR_OPEN_SHADOW=1 JALUR_OUT_DIR=.output-open npx wxt build -b firefox --mv3 >/dev/null
JALUR_OPEN_SHADOW=1 JALUR_E2E_BACKEND=1 npx wxt build -b firefox --mv3 >/dev/null

step "bundle budget, and the open build differs only in its roots"
node scripts/check-bundles.mjs

# One throwaway PostgreSQL for both: the database tests, then the end-to-end tests in Chromium (the
# sync ones run the Supabase stand-in over it).
step "database tests, then end-to-end tests (Chromium, then Firefox)"
bash scripts/test-db.sh -- bash -c 'npx playwright test && npx vitest run --config test/firefox/vitest.config.ts'

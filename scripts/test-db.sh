#!/usr/bin/env bash
# Database tests for supabase/ on a throwaway PostgreSQL 15 (npm run test:db).
#
#   scripts/test-db.sh                 bootstrap, migrate, lint, seed, pgTAP, concurrency, supabase-js, types check
#   scripts/test-db.sh --update-types  same, but rewrite lib/db/database.types.ts instead of checking it
#   scripts/test-db.sh --bench         migrate, then run test/db/bench-sync.ts (not a test), or the command after --
#   scripts/test-db.sh --serve         migrate + seed, print the URL and keep the server until Ctrl-C
#   scripts/test-db.sh -- CMD ...      the tests, then CMD with DATABASE_URL set (e.g. the sync e2e tests)
#
# It starts its own cluster in a temp dir on a free port (never the machine's "15 main"), and the
# EXIT trap stops and deletes it whatever happens, so no server is left behind.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
MODE=test
case "${1:-}" in --update-types|--bench|--serve) MODE="$1"; shift ;; esac
# Anything after `--` runs at the end with DATABASE_URL set (npm test runs the end-to-end tests so).
THEN=()
if [ "${1:-}" = "--" ]; then shift; THEN=("$@"); set --; fi
if [ $# -gt 0 ]; then echo "usage: $0 [--update-types|--bench|--serve] [-- command ...]" >&2; exit 2; fi

PGBIN=/usr/lib/postgresql/15/bin
PACKAGES=(postgresql-15 postgresql-15-pgtap libtap-parser-sourcehandler-pgtap-perl postgresql-15-plpgsql-check)
started=$(date +%s)
log() { printf '\n== %s\n' "$*"; }

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  log "installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then echo "need root to apt-get install ${missing[*]}" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # The Debian postgresql package would create and start a "15 main" cluster we do not want.
  policy=/usr/sbin/policy-rc.d
  had_policy=0; [ -e "$policy" ] && had_policy=1
  [ $had_policy = 1 ] || printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy"
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  [ $had_policy = 1 ] || rm -f "$policy"
fi

TMP="$(mktemp -d /tmp/jalur-db.XXXXXX)"
DATA="$TMP/data"
# initdb refuses to run as root; the cluster belongs to postgres, the client side stays with us.
if [ "$(id -u)" -eq 0 ]; then
  chown postgres:postgres "$TMP"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

cleanup() {
  local rc=$?
  if [ -f "$DATA/postmaster.pid" ]; then
    as_pg "$PGBIN/pg_ctl" -D "$DATA" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$TMP"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
log "throwaway PostgreSQL 15 on 127.0.0.1:$PORT ($DATA)"
as_pg "$PGBIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
# Durability is irrelevant for a database that is deleted in a minute.
as_pg "$PGBIN/pg_ctl" -D "$DATA" -w -l "$TMP/server.log" \
  -o "-p $PORT -k $TMP -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=60" \
  start >/dev/null

export PATH="$PGBIN:$PATH" PGHOST=127.0.0.1 PGPORT="$PORT" PGUSER=postgres PGDATABASE=postgres
# sslmode=disable: the CLI insists on TLS unless told otherwise.
DB_URL="postgresql://postgres:postgres@127.0.0.1:$PORT/postgres?sslmode=disable"
export DATABASE_URL="$DB_URL"
psql_q() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }

log "bootstrap (what the Supabase platform provides)"
psql_q -f test/db/bootstrap.sql

log "supabase migration up"
npx --no-install supabase migration up --db-url "$DB_URL"

log "supabase db lint"
npx --no-install supabase db lint --db-url "$DB_URL" --level warning --fail-on error

if [ "$MODE" = --bench ]; then
  if ((${#THEN[@]})); then
    log "${THEN[*]} (DATABASE_URL set)"
    "${THEN[@]}"
  else
    log "bench (test/db/bench-sync.ts)"
    npx --no-install tsx test/db/bench-sync.ts
  fi
  exit 0
fi

log "seed"
psql_q -f supabase/seed.sql

if [ "$MODE" = --serve ]; then
  log "serving $DB_URL — Ctrl-C stops and deletes it"
  while sleep 3600; do :; done
fi

log "pgTAP (pg_prove supabase/tests/database)"
pg_prove --failures --timer supabase/tests/database/*.test.sql

log "concurrent writers vs. the pull cursor (test/db/cursor-stress.ts)"
npx --no-install tsx test/db/cursor-stress.ts

log "supabase-js against the PostgREST and GoTrue stand-ins (test/sync, test/stand-in/README.md)"
npx --no-install vitest run --config test/sync/vitest.config.ts

if [ "$MODE" = --update-types ]; then
  log "regenerating lib/db/database.types.ts"
  npx --no-install tsx test/db/gen-types.ts --write lib/db/database.types.ts
else
  log "generated types are current"
  npx --no-install tsx test/db/gen-types.ts --check lib/db/database.types.ts
fi

log "database tests passed in $(( $(date +%s) - started ))s"

if ((${#THEN[@]})); then
  log "${THEN[*]} (DATABASE_URL set)"
  "${THEN[@]}"
fi

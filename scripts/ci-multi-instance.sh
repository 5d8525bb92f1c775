#!/usr/bin/env bash
# Proves external-database mode with several app instances: two `outsight serve` processes start at
# the same moment against one fresh database on the PostgreSQL server given as $1 (or DATABASE_URL),
# migrate it once under the advisory lock, and share every piece of state through it: set-up,
# sessions, partners, the audit hash chain (concurrent writes through both instances, then
# `outsight audit verify`), and sign-out. Both must then stop cleanly on SIGTERM.
#
#   scripts/ci-multi-instance.sh postgres://postgres@127.0.0.1:5433/postgres
#
# Needs curl, jq and psql. Everything listens on 127.0.0.1; the database is dropped at the end.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
SERVER_URL=${1:-${DATABASE_URL:-}}
if [[ -z $SERVER_URL ]]; then
  echo "usage: $0 <postgres://user@host:port/db> (or set DATABASE_URL)" >&2
  exit 2
fi
for tool in curl jq psql; do
  command -v "$tool" >/dev/null || { echo "$tool is required" >&2; exit 2; }
done

WORK=$(mktemp -d /tmp/outsight-multi.XXXXXX)
DB="outsight_multi_$(date +%s)_$$"
# The server URL with another database name (keeps credentials, host, port and query).
db_url() { node -e 'const u = new URL(process.argv[1]); u.pathname = "/" + process.argv[2]; console.log(u.toString())' "$SERVER_URL" "$1"; }
ADMIN_URL=$(db_url postgres)
APP_URL=$(db_url "$DB")
free_port() { node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })'; }

PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  psql "$ADMIN_URL" -qX -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  for name in a b; do
    [[ -f $WORK/$name.log ]] && { echo "--- last lines of instance $name:" >&2; tail -n 40 "$WORK/$name.log" >&2; }
  done
  exit 1
}
ok() { echo "  ok: $*"; }

psql "$ADMIN_URL" -qX -v ON_ERROR_STOP=1 -c "CREATE DATABASE $DB" >/dev/null
echo "database $DB created on $(node -e 'const u = new URL(process.argv[1]); console.log(u.host)' "$SERVER_URL")"

# --- two instances, started together so they race for the migration lock --------------------------
declare -A PORT PID
for name in a b; do PORT[$name]=$(free_port); done
for name in a b; do
  mkdir -p "$WORK/data-$name"
  env -u NODE_OPTIONS PORT="${PORT[$name]}" HOST=127.0.0.1 DATABASE_URL="$APP_URL" OUTSIGHT_DATA_DIR="$WORK/data-$name" LOG_LEVEL=warn \
    node --import tsx "$ROOT/server/cli.ts" serve >"$WORK/$name.log" 2>&1 &
  PID[$name]=$!
  PIDS+=("$!")
done
base() { echo "http://127.0.0.1:${PORT[$1]}"; }

for name in a b; do
  ready=""
  for _ in $(seq 1 300); do
    kill -0 "${PID[$name]}" 2>/dev/null || fail "instance $name exited during start-up"
    if [[ $(curl -s -o /dev/null -w '%{http_code}' "$(base "$name")/readyz") == 200 ]]; then ready=1; break; fi
    sleep 0.2
  done
  [[ -n $ready ]] || fail "instance $name not ready within 60 s"
  ok "instance $name ready at $(base "$name") (/readyz 200)"
done

expected=$(jq '.entries | length' "$ROOT/server/migrations/meta/_journal.json")
applied=$(psql "$APP_URL" -qtAX -c "SELECT count(*) || '/' || count(DISTINCT hash) FROM drizzle.__drizzle_migrations")
[[ $applied == "$expected/$expected" ]] || fail "expected $expected migrations applied once each, found (rows/distinct) $applied"
ok "$expected migrations applied exactly once"

# --- HTTP helpers: `call <instance> <jar> <method> <path> [json]` sets $STATUS and $WORK/body; ----
# `body <jq filter>` reads the last response.
STATUS=""
call() {
  local name=$1 jar=$2 method=$3 path=$4 data=${5:-}
  local args=(-s -o "$WORK/body" -w '%{http_code}' -X "$method" -b "$WORK/$jar" -c "$WORK/$jar")
  [[ -n $data ]] && args+=(-H 'content-type: application/json' --data "$data")
  STATUS=$(curl "${args[@]}" "$(base "$name")$path")
}
body() { jq -r "$@" "$WORK/body"; }
expect() { [[ $STATUS == "$1" ]] || fail "$2: expected HTTP $1, got $STATUS: $(head -c 500 "$WORK/body")"; }
touch "$WORK/jar-a" "$WORK/jar-b"

PASSWORD="correct horse battery staple"
call a jar-a POST /api/v1/setup "{\"organizationName\":\"Multi Corp\",\"name\":\"Mia Multi\",\"email\":\"mia@multi.example\",\"password\":\"$PASSWORD\"}"
expect 201 "set-up through instance a"
call b jar-b POST /api/v1/setup "{\"organizationName\":\"Other\",\"name\":\"X\",\"email\":\"x@multi.example\",\"password\":\"$PASSWORD\"}"
expect 409 "second set-up through instance b"
ok "set-up through a; b answers 409 (already set up)"

call a jar-a POST /api/v1/partners '{"name":"Alpha Instance Ltd","country":"DE","category":"logistics"}'
expect 201 "partner created through a"
id_a=$(body .id)
call b jar-a GET "/api/v1/partners?q=alpha%20instance"
expect 200 "partner list on b with a's session"
found=$(body --arg id "$id_a" '[.items[].id] | index($id) != null')
[[ $found == true ]] || fail "partner created through a is not listed by b"
ok "partner created through a is listed by b (a's session cookie accepted by b)"

call b jar-b POST /api/v1/auth/login "{\"email\":\"mia@multi.example\",\"password\":\"$PASSWORD\"}"
expect 200 "sign-in through b"
call b jar-b POST /api/v1/partners '{"name":"Bravo Instance GmbH","country":"PL","category":"cloud_saas"}'
expect 201 "partner created through b"
id_b=$(body .id)
call a jar-b GET "/api/v1/partners?q=bravo%20instance"
expect 200 "partner list on a with b's session"
found=$(body --arg id "$id_b" '[.items[].id] | index($id) != null')
[[ $found == true ]] || fail "partner created through b is not listed by a"
ok "sign-in through b; partner created through b is listed by a"

# --- concurrent writes through both instances keep one intact audit chain -------------------------
N=20
WRITERS=()
for i in $(seq 1 $N); do
  name=$([[ $((i % 2)) == 0 ]] && echo a || echo b)
  curl -s -o /dev/null -w '%{http_code}\n' -X POST -b "$WORK/jar-a" -H 'content-type: application/json' \
    --data "{\"name\":\"Concurrent $i\",\"country\":\"IN\",\"category\":\"other\"}" "$(base "$name")/api/v1/partners" >"$WORK/concurrent-$i" &
  WRITERS+=("$!")
done
for pid in "${WRITERS[@]}"; do wait "$pid" || true; done
created=$(cat "$WORK"/concurrent-* | grep -c '^201$' || true)
[[ $created == "$N" ]] || fail "$N concurrent creates through a and b: only $created answered 201 ($(sort "$WORK"/concurrent-* | uniq -c | tr '\n' ' '))"
for name in a b; do
  call "$name" jar-a GET "/api/v1/partners?limit=200"
  expect 200 "partner list on $name"
  count=$(body '.items | length')
  [[ $count == $((N + 2)) ]] || fail "instance $name lists $count partners, expected $((N + 2))"
done
ok "$N concurrent creates spread over a and b all succeeded; both list $((N + 2)) partners"
if ! env -u NODE_OPTIONS DATABASE_URL="$APP_URL" OUTSIGHT_DATA_DIR="$WORK/data-a" node --import tsx "$ROOT/server/cli.ts" audit verify >"$WORK/verify.log" 2>&1; then
  cat "$WORK/verify.log" >&2
  fail "outsight audit verify found a broken chain after concurrent writes"
fi
ok "audit verify: the hash chain is intact ($(tail -n 1 "$WORK/verify.log"))"

# --- a session ended on one instance is ended on the other -------------------------------------------
# Keep the cookie: sign-out also clears it in the jar, and we want to replay it.
cp "$WORK/jar-a" "$WORK/jar-a-replay"
call b jar-a-replay GET /api/v1/me
expect 200 "a's session asked through b before sign-out"
call a jar-a POST /api/v1/auth/logout
[[ $STATUS == 200 || $STATUS == 204 ]] || fail "sign-out through a: HTTP $STATUS"
cp "$WORK/jar-a-replay" "$WORK/jar-a-replay2"
call b jar-a-replay2 GET /api/v1/me
expect 401 "a's old session cookie replayed through b after sign-out"
ok "signed out through a; b refuses that session (401)"

# --- both stop cleanly ---------------------------------------------------------------------------------
for name in a b; do kill -TERM "${PID[$name]}"; done
for name in a b; do
  code=0
  wait "${PID[$name]}" || code=$?
  [[ $code == 0 ]] || fail "instance $name exited with $code after SIGTERM"
done
PIDS=()
ok "both instances stopped cleanly on SIGTERM"
echo "multi-instance check passed"

#!/usr/bin/env bash
# Load benchmark of POST /webhooks/github: ActionBot `serve` and a minimal Probot app, side by side, on loopback.
#
#   tests/ActionBot.Benchmarks/load/run-load.sh
#
# Builds ActionBot (Release), generates a signed ~25 KB merged pull_request delivery, starts both servers pinned
# to one core (SERVER_CORE) with wrk on the other (LOAD_CORE), and for each server: warm-up, p50/p99 at a steady
# 1,000 deliveries/s, then the maximum rate. Every request carries its own X-GitHub-Delivery id, so ActionBot
# verifies and stores each one. Afterwards it checks that ActionBot stored exactly as many deliveries as it
# answered 202, and that the Probot app handled as many as it answered 200. Prints a summary table, stops the
# servers and removes its work folder. Exits non-zero if a server does not start or a check fails.
#
# Only 127.0.0.1 is ever a target. About 2 minutes with an up-to-date build; everything after the build (servers,
# warm-ups, measurements) is bounded by a watchdog at 150 s.
# Knobs (environment): LOAD_WORK (/tmp/actionbot-load), LOAD_KEEP=1 keeps it, LOAD_WARMUP_S (10),
# LOAD_RATE_S (15), LOAD_MAX_S (20), LOAD_RATE (1000), SERVER_CORE (1), LOAD_CORE (0), LOAD_SKIP_BUILD=1.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
WORK=${LOAD_WORK:-/tmp/actionbot-load}
WARMUP_S=${LOAD_WARMUP_S:-10}
RATE_S=${LOAD_RATE_S:-15}
MAX_S=${LOAD_MAX_S:-20}
RATE=${LOAD_RATE:-1000}
SERVER_CORE=${SERVER_CORE:-1}
LOAD_CORE=${LOAD_CORE:-0}
AB_PORT=5080
PB_PORT=5081
HOST=127.0.0.1
ROUTE=/webhooks/github
TAIL_S=2            # after the active window: wait for the last answers, so nothing is in flight when wrk stops
RATE_CONNECTIONS=64 # for the fixed rate: enough free connections that a stall does not delay the schedule
MAX_CONNECTIONS=32
THREADS=2

AB_PID=""
PB_PID=""
WATCHDOG_PID=""
START=$(date +%s)

say() { printf '[run-load %3ss] %s\n' "$(($(date +%s) - START))" "$*"; }
fail() { say "FAILED: $*" >&2; exit 1; }

cleanup() {
  local code=$?
  [ -n "$WATCHDOG_PID" ] && kill "$WATCHDOG_PID" 2>/dev/null || true
  for pid in $AB_PID $PB_PID; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in $AB_PID $PB_PID; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  if [ "${LOAD_KEEP:-0}" = 1 ]; then
    say "kept $WORK"
  else
    rm -rf "$WORK"
  fi
  exit "$code"
}
trap cleanup EXIT
trap 'fail "interrupted (or the 150 s watchdog)"' INT TERM

# --- prerequisites -------------------------------------------------------------------------------------------
[ "$(nproc)" -ge 2 ] || fail "needs 2 cores (one for the server under test, one for wrk); nproc=$(nproc)"
missing=()
for tool in wrk sqlite3 taskset curl openssl python3; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  pkgs=("${missing[@]/taskset/util-linux}")
  if [ "$(id -u)" = 0 ]; then
    say "installing ${pkgs[*]} (Debian)"
    apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${pkgs[@]}" >/dev/null
  else
    fail "missing ${missing[*]}: sudo apt-get install -y ${pkgs[*]}"
  fi
fi
command -v node >/dev/null && command -v npm >/dev/null || fail "node and npm are needed for the Probot peer"
command -v dotnet >/dev/null || fail "the .NET SDK is needed"

rm -rf "$WORK"
mkdir -p "$WORK"

# --- build, payload, keys -----------------------------------------------------------------------------------
if [ "${LOAD_SKIP_BUILD:-0}" != 1 ]; then
  say "building ActionBot (Release)"
  dotnet build -c Release "$ROOT/src/ActionBot/ActionBot.csproj" -nologo -v q >"$WORK/build.log" 2>&1 \
    || { tail -20 "$WORK/build.log" >&2; fail "dotnet build"; }
fi
AB_DIR="$ROOT/src/ActionBot/bin/Release/net10.0"
[ -f "$AB_DIR/ActionBot.dll" ] || fail "no $AB_DIR/ActionBot.dll"

PEER="$HERE/probot-peer"
if [ ! -f "$PEER/node_modules/probot/package.json" ]; then
  say "npm ci (probot-peer)"
  (cd "$PEER" && npm ci --no-audit --no-fund --loglevel=error >"$WORK/npm.log" 2>&1) || { tail -20 "$WORK/npm.log" >&2; fail "npm ci"; }
fi

SECRET=$(openssl rand -hex 20)
python3 "$HERE/gen-payload.py" --secret "$SECRET" --repo acme/loadtest --bytes 25600 --out "$WORK/payload" | sed 's/^/           /'
# Probot insists on an App id and a private key even though this app never calls GitHub: a throwaway key.
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$WORK/probot-key.pem" 2>/dev/null

# Everything from here on is bounded: servers, warm-ups and measurements.
# (Its output goes nowhere and it takes its sleep down with it, so it never holds a pipe open after the script.)
( exec >/dev/null 2>&1; trap 'kill "$s" 2>/dev/null; exit 0' TERM; sleep 150 & s=$!; wait "$s" && kill -TERM $$ ) &
WATCHDOG_PID=$!

# --- servers --------------------------------------------------------------------------------------------------
# ActionBot: deliveries are for acme/loadtest, which is not a configured repository, so the background worker
# routes each one as Ignored (no GitHub call) instead of competing for the core with GitHub retries.
# ApiBaseUrl points at a closed loopback port: the acknowledgement path makes no GitHub call.
say "starting ActionBot on $HOST:$AB_PORT (core $SERVER_CORE)"
(
  cd "$AB_DIR"
  export ActionBot__GitHub__WebhookSecret="$SECRET" \
    ActionBot__GitHub__Token=dummy \
    ActionBot__GitHub__ApiBaseUrl=http://127.0.0.1:9/ \
    ActionBot__GitHub__Repositories__0__Name=acme/handbook \
    ActionBot__Storage__ConnectionString="Data Source=$WORK/actionbot.db" \
    Logging__LogLevel__Default=Warning
  exec taskset -c "$SERVER_CORE" dotnet ActionBot.dll --urls "http://$HOST:$AB_PORT"
) >"$WORK/actionbot.log" 2>&1 &
AB_PID=$!

say "starting the Probot peer on $HOST:$PB_PORT (core $SERVER_CORE)"
(
  cd "$PEER"
  export APP_ID=1 PRIVATE_KEY_PATH="$WORK/probot-key.pem" WEBHOOK_SECRET="$SECRET" \
    HOST="$HOST" PORT="$PB_PORT" WEBHOOK_PATH="$ROUTE" LOG_LEVEL=warn NODE_ENV=production
  exec taskset -c "$SERVER_CORE" node node_modules/probot/bin/probot.js run ./index.js
) >"$WORK/probot.log" 2>&1 &
PB_PID=$!

wait_up() { # name pid url
  for _ in $(seq 300); do
    kill -0 "$2" 2>/dev/null || { tail -30 "$WORK/$1.log" >&2; fail "$1 exited at start-up"; }
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$3" || true)
    [ "$code" = 200 ] && return 0
    sleep 0.1
  done
  tail -30 "$WORK/$1.log" >&2
  fail "$1 did not answer 200 on $3 within 30 s"
}
wait_up actionbot "$AB_PID" "http://$HOST:$AB_PORT/readyz"
# Probot's own HTTP server answers 200 on /ping.
wait_up probot "$PB_PID" "http://$HOST:$PB_PORT/ping"

# One signed delivery each by curl first: a wrong secret or route must fail here, not as a fast stream of 4xx.
probe() { # url id -> http code
  curl -s -o /dev/null -w '%{http_code}' --max-time 5 -X POST "$1" \
    -H 'Content-Type: application/json' -H 'X-GitHub-Event: pull_request' -H "X-GitHub-Delivery: $2" \
    -H "X-Hub-Signature-256: $(cat "$WORK/payload/signature256")" --data-binary @"$WORK/payload/body.json"
}
[ "$(probe "http://$HOST:$AB_PORT$ROUTE" probe-actionbot)" = 202 ] || fail "ActionBot did not answer 202 to a signed delivery"
[ "$(probe "http://$HOST:$PB_PORT$ROUTE" probe-probot)" = 200 ] || fail "Probot did not answer 200 to a signed delivery"

# --- measurements ---------------------------------------------------------------------------------------------
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }  # user+system, in clock ticks
core_ticks() { awk -v c="cpu$SERVER_CORE" '$1 == c {print $2 + $3 + $4}' /proc/stat; } # user+nice+system
TICK=$(getconf CLK_TCK)

# wrk_run name pid tag connections active_seconds [rate] -> "RESULT ... server_us=.. foreign_pct=.."
wrk_run() {
  local name=$1 pid=$2 tag=$3 conns=$4 active=$5 rate=${6:-}
  local port=$AB_PORT; [ "$name" = probot ] && port=$PB_PORT
  local c0 k0 c1 k1 out
  c0=$(cpu_ticks "$pid"); k0=$(core_ticks)
  out=$(LOAD_DIR="$WORK/payload" LOAD_ACTIVE_SECONDS="$active" taskset -c "$LOAD_CORE" \
    wrk -t"$THREADS" -c"$conns" -d"$((active + TAIL_S))s" --timeout 5s -s "$HERE/delivery.lua" \
    "http://$HOST:$port$ROUTE" -- "$tag" "$THREADS" $rate) || fail "wrk against $name"
  c1=$(cpu_ticks "$pid"); k1=$(core_ticks)
  out=$(grep '^RESULT' <<<"$out") || fail "wrk printed no RESULT line for $name"
  local requests; requests=$(sed -E 's/.*requests=([0-9]+).*/\1/' <<<"$out")
  # The server's own CPU per delivery, and how much of its core other processes took meanwhile (should be ~0).
  local server_us=$(( requests > 0 ? (c1 - c0) * 1000000 / TICK / requests : 0 ))
  local foreign_pct=$(( (k1 - k0) > 0 ? ((k1 - k0) - (c1 - c0)) * 100 / (k1 - k0) : 0 ))
  [ "$foreign_pct" -lt 0 ] && foreign_pct=0 # the two counters are sampled a moment apart
  local core_pct=$(( (c1 - c0) * 100 / TICK / active ))
  echo "$out server_us=$server_us core_pct=$core_pct foreign_pct=$foreign_pct"
}
field() { sed -E "s/.*[ ]$2=(-?[0-9.]+).*/\1/" <<<"$1"; }

declare -A R
measure() { # name pid
  local name=$1 pid=$2
  say "$name: warm-up ${WARMUP_S}s at $RATE/s"
  R[$name.warm]=$(wrk_run "$name" "$pid" 1 "$RATE_CONNECTIONS" "$WARMUP_S" "$RATE")
  say "$name: ${RATE_S}s at a steady $RATE/s"
  R[$name.rate]=$(wrk_run "$name" "$pid" 2 "$RATE_CONNECTIONS" "$RATE_S" "$RATE")
  say "$name: ${MAX_S}s at the maximum rate (-t$THREADS -c$MAX_CONNECTIONS)"
  R[$name.max]=$(wrk_run "$name" "$pid" 3 "$MAX_CONNECTIONS" "$MAX_S")
  for run in warm rate max; do say "  $run: ${R[$name.$run]#RESULT }"; done
}

# Probot first: ActionBot's worker may still be draining its inbox after its maximum-rate run, and that must
# not land on the Probot measurement (they share the server core).
measure probot "$PB_PID"
measure actionbot "$AB_PID"

# --- checks ---------------------------------------------------------------------------------------------------
status=0
sum2xx() { local t=0; for run in warm rate max; do t=$((t + $(field "${R[$1.$run]}" status_2xx))); done; echo $((t + 1)); } # +1: the curl probe
errors() { local t=0; for run in warm rate max; do t=$((t + $(field "${R[$1.$run]}" status_other) + $(field "${R[$1.$run]}" socket_errors))); done; echo $t; }

AB_OK=$(sum2xx actionbot)
AB_STORED=$(sqlite3 "$WORK/actionbot.db" "PRAGMA busy_timeout=5000; SELECT COUNT(*) FROM webhook_deliveries;" | tail -1)
AB_PENDING=$(sqlite3 "$WORK/actionbot.db" "PRAGMA busy_timeout=5000; SELECT COUNT(*) FROM webhook_deliveries WHERE status IN ('pending','processing');" | tail -1)
if [ "$AB_STORED" = "$AB_OK" ]; then
  say "ActionBot: $AB_STORED deliveries stored = $AB_OK answered 202 (of them still pending for the worker: $AB_PENDING)"
else
  say "ActionBot: MISMATCH: $AB_STORED deliveries stored, $AB_OK answered 202" >&2; status=1
fi

PB_OK=$(sum2xx probot)
kill -USR2 "$PB_PID"
for _ in $(seq 20); do grep -q 'merged pull_request deliveries handled' "$WORK/probot.log" && break; sleep 0.1; done
PB_HANDLED=$(sed -nE 's/.*probot-peer: ([0-9]+) merged pull_request deliveries handled.*/\1/p' "$WORK/probot.log" | tail -1)
if [ "${PB_HANDLED:-x}" = "$PB_OK" ]; then
  say "Probot: $PB_HANDLED merged deliveries handled = $PB_OK answered 200"
else
  say "Probot: MISMATCH: ${PB_HANDLED:-?} handled, $PB_OK answered 200" >&2; status=1
fi

AB_ERR=$(errors actionbot); PB_ERR=$(errors probot)
[ "$AB_ERR" = 0 ] && [ "$PB_ERR" = 0 ] || { say "errors: ActionBot $AB_ERR, Probot $PB_ERR (non-2xx or socket)" >&2; status=1; }

# --- summary --------------------------------------------------------------------------------------------------
ms() { awk -v us="$1" 'BEGIN { printf "%.2f", us / 1000 }'; }
row() { printf '| %-44s | %12s | %12s |\n' "$1" "$2" "$3"; }
foreign() { local m=0; for run in rate max; do f=$(field "${R[$1.$run]}" foreign_pct); [ "$f" -gt "$m" ] && m=$f; done; echo "$m %"; }
echo
echo "Webhook load, $(nproc) cores ($(sed -nE 's/^model name\s*:\s*//p' /proc/cpuinfo | head -1)), servers on core $SERVER_CORE, wrk on core $LOAD_CORE"
echo "payload $(stat -c %s "$WORK/payload/body.json") bytes (pull_request closed, merged), every delivery id unique"
echo "$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2) | node $(node -v) | probot $(node -p "require('$PEER/node_modules/probot/package.json').version") | .NET $(dotnet --list-runtimes | sed -nE 's/^Microsoft.AspNetCore.App ([^ ]+).*/\1/p' | tail -1) | sqlite3 CLI $(sqlite3 --version | cut -d' ' -f1)"
echo
row "" ActionBot Probot
row "--------------------------------------------" "------------" "------------"
row "max deliveries/s (-t$THREADS -c$MAX_CONNECTIONS, ${MAX_S}s)" "$(field "${R[actionbot.max]}" rps)" "$(field "${R[probot.max]}" rps)"
row "server CPU per delivery at max (us)" "$(field "${R[actionbot.max]}" server_us)" "$(field "${R[probot.max]}" server_us)"
row "server CPU at $RATE/s (% of its core)" "$(field "${R[actionbot.rate]}" core_pct) %" "$(field "${R[probot.rate]}" core_pct) %"
row "p50 at $RATE/s (ms)" "$(ms "$(field "${R[actionbot.rate]}" p50_us)")" "$(ms "$(field "${R[probot.rate]}" p50_us)")"
row "p99 at $RATE/s (ms)" "$(ms "$(field "${R[actionbot.rate]}" p99_us)")" "$(ms "$(field "${R[probot.rate]}" p99_us)")"
row "max latency at $RATE/s (ms)" "$(ms "$(field "${R[actionbot.rate]}" max_us)")" "$(ms "$(field "${R[probot.rate]}" max_us)")"
row "rate achieved in the $RATE/s run" "$(field "${R[actionbot.rate]}" rps)" "$(field "${R[probot.rate]}" rps)"
row "errors (non-2xx + socket), all runs" "$AB_ERR" "$PB_ERR"
row "answered 2xx, all runs" "$AB_OK" "$PB_OK"
row "stored (ActionBot) / handled (Probot)" "$AB_STORED" "${PB_HANDLED:-?}"
row "server core taken by other processes (worst)" "$(foreign actionbot)" "$(foreign probot)"
echo
ratio=$(awk -v a="$(field "${R[actionbot.max]}" rps)" -v p="$(field "${R[probot.max]}" rps)" 'BEGIN { printf "%.2f", (p > 0 ? a / p : 0) }')
echo "ActionBot / Probot max rate: ${ratio}x (aim: >= 2x); ActionBot p99 at $RATE/s: $(ms "$(field "${R[actionbot.rate]}" p99_us)") ms (aim: < 5 ms)"
say "done in $(($(date +%s) - START)) s"
exit $status

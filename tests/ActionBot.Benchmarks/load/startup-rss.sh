#!/usr/bin/env bash
# Start-up time and idle memory of `serve`, for one or more builds side by side in one run.
#
#   tests/ActionBot.Benchmarks/load/startup-rss.sh NAME=PATH/ActionBot.dll [NAME=PATH/ActionBot.dll ...]
#
# Each round starts every build in turn (interleaved, so machine noise hits them alike) on a fresh data folder with the
# embedded defaults (SQLite, in-memory jobs, no GitHub or Discord), pinned to one core (SERVER_CORE, default 1), and
# records: the milliseconds from exec to the first answer of GET /healthz, to the first 200 of GET /readyz, and the
# resident set (VmRSS) after IDLE_S seconds of idling. Prints the median and range per build. Knobs: ROUNDS (5),
# IDLE_S (10), SERVER_CORE (1), PORT (5181).
set -euo pipefail
[ $# -ge 1 ] || { sed -n 2,9p "$0"; exit 2; }
rounds=${ROUNDS:-5} idle=${IDLE_S:-10} core=${SERVER_CORE:-1} port=${PORT:-5181}
work=$(mktemp -d /tmp/actionbot-startup.XXXXXX)
trap 'rm -rf "$work"' EXIT
declare -A results

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

run_once() { # name dll
  local name=$1 dll=$2 data="$work/$1-$RANDOM"
  mkdir -p "$data"
  local start; start=$(now_ms)
  (cd "$data" && exec taskset -c "$core" dotnet "$dll" serve --urls "http://127.0.0.1:$port" >"$data/log" 2>&1) &
  local pid=$!
  local health="" ready="" deadline=$(( start + 60000 ))
  while [ -z "$ready" ]; do
    [ "$(now_ms)" -lt "$deadline" ] || { echo "$name did not become ready; log:" >&2; tail -20 "$data/log" >&2; kill "$pid"; exit 1; }
    if [ -z "$health" ] && curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null; then health=$(( $(now_ms) - start )); fi
    if [ -n "$health" ] && curl -fsS -o /dev/null "http://127.0.0.1:$port/readyz" 2>/dev/null; then ready=$(( $(now_ms) - start )); fi
    sleep 0.01
  done
  sleep "$idle"
  # The subshell execs taskset, which execs dotnet: the pid is the server's own.
  local rss; rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  results[$name]+="$health $ready $rss;"
}

for ((r = 1; r <= rounds; r++)); do
  for spec in "$@"; do run_once "${spec%%=*}" "${spec#*=}"; done
done

stats() { # values... -> "median (min-max)"
  sort -n | awk '{v[NR]=$1} END {m = NR % 2 ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2; printf "%g (%g-%g)", m, v[1], v[NR]}'
}
printf '| build | first /healthz answer, ms | first /readyz 200, ms | idle RSS after %ss, MiB |\n| --- | ---: | ---: | ---: |\n' "$idle"
for spec in "$@"; do
  name=${spec%%=*}
  rows=$(tr ';' '\n' <<<"${results[$name]}" | sed '/^$/d')
  printf '| %s | %s | %s | %s |\n' "$name" "$(cut -d' ' -f1 <<<"$rows" | stats)" "$(cut -d' ' -f2 <<<"$rows" | stats)" "$(cut -d' ' -f3 <<<"$rows" | stats)"
done
echo "($rounds rounds, interleaved; server pinned to core $core)"

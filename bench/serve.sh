#!/usr/bin/env bash
# Benchmark of `i94lake serve` on the lake of the real April 2016 month (3.1 M arrivals): wrk with 100 connections
# on loopback against dashboard API calls and against lookups of real cicids; prints p50/p95/p99 (ms) and req/s.
#   bench/serve.sh            (DURATION=30s CONNECTIONS=100 THREADS=2 PORT=18080 to change)
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
bench/class-archive.sh
lake="bench/data/april-lake"
out="bench/out"
duration="${DURATION:-30s}"
connections="${CONNECTIONS:-100}"
threads="${THREADS:-2}"
port="${PORT:-18080}"
token="bench-token-$(date +%s)-$$"
mkdir -p "$out"

command -v wrk >/dev/null || { echo "bench/serve.sh: needs wrk (apt-get install wrk)" >&2; exit 1; }
if [ ! -d "$lake/i94/immigration" ]; then
  echo "== building $lake from ../shared/data/raw/sas_data (a few minutes)"
  ./i94lake run --lake "$lake" --i94 ../shared/data/raw/sas_data
fi

echo "== real cicids for the lookups"
./i94lake sql --lake "$lake" --format csv \
  "SELECT cicid FROM immigration WHERE cicid % 97 = 0 LIMIT 20000" | tail -n +2 > "$out/cicids.txt"
wc -l < "$out/cicids.txt"

echo "== starting serve on 127.0.0.1:$port"
# the launcher's heap for serve (1 GiB): the arrivals are in DuckDB's memory, outside the heap
I94LAKE_SERVE_TOKENS="bench=$token" ./i94lake serve --lake "$lake" --port "$port" > "$out/serve.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
started=$(date +%s)
until curl -sf "http://127.0.0.1:$port/health" >/dev/null; do
  kill -0 "$server" 2>/dev/null || { cat "$out/serve.log"; exit 1; }
  sleep 1
done
echo "serve answering after $(( $(date +%s) - started )) s: $(grep 'arrivals (' "$out/serve.log" | sed 's/^i94lake serve: //')"

base="http://127.0.0.1:$port"
# the dashboard's calls: overview, a filtered overview, a state profile, a search
dashboard=("/api/arrivals?top=15" "/api/arrivals?visa_category=Student&travel_mode=Air&top=15"
  "/api/destinations/states/CA" "/api/search?q=boston")
for path in "${dashboard[@]}"; do curl -sf "$base$path" >/dev/null; done

echo "== wrk: $connections connections, $threads threads, $duration each; latencies in ms"
printf '%-62s %s\n' "endpoint" "figures"
# /health is the reference: the same server and HTTP stack doing no work
for path in "${dashboard[@]}" "/health"; do
  line=$(wrk -t"$threads" -c"$connections" -d"$duration" --latency -s bench/serve-report.lua "$base$path" | grep '^RESULT')
  printf '%-62s %s\n' "$path" "${line#RESULT }"
done
line=$(I94LAKE_BENCH_IDS="$out/cicids.txt" I94LAKE_BENCH_TOKEN="$token" \
  wrk -t"$threads" -c"$connections" -d"$duration" --latency -s bench/serve-lookups.lua "$base" | grep '^RESULT')
printf '%-62s %s\n' "/api/regulator/arrivals/{random real cicid}" "${line#RESULT }"
echo "== serve process: $(ps -o rss= -p "$server" | awk '{printf "%.2f GiB RSS", $1 / 1048576}')"

#!/usr/bin/env bash
# The two engines side by side, in one session: `run` on the bundled sample and on the real April 2016 month with
# DuckDB (the default) and with Spark (local[*]), each into a fresh lake, beside DuckDB doing the core work on the
# same April files (bench/DuckDbReference.java); then the readers on the April lake (sql, check, runs, rollback),
# sql and runs beside a plain Java program asking DuckDB the same over the lake's Parquet files (bench/PlainQuery.java).
# Wall time from the shell and peak RSS (GNU time) of each command; the readers' questions and their references are
# asked five times each (the median is shown: one run of a second-long command moves by a few tenths on this machine).
#   bench/engines.sh            (SKIP_SPARK=1 to leave Spark out)
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
april="$home/../shared/data/raw/sas_data"
out="$home/bench/out/engines"
rm -rf "$out" && mkdir -p "$out"
mvn -q -B -Pbench -Dmaven.test.skip=true package >&2
bench/class-archive.sh >&2

measure() { # label, command...: once
  measure_median 1 "$@"
}

measure_median() { # times, label, command...: the median wall time of that many runs, and the largest peak RSS
  local times="$1" label="$2"; shift 2
  local walls=() peak=0 seconds kib
  for _ in $(seq "$times"); do
    /usr/bin/time -f "%e %M" -o "$out/time" "$@" > "$out/last.log" 2>&1 || { echo "$label failed:"; tail -5 "$out/last.log"; exit 1; }
    read -r seconds kib < "$out/time"
    walls+=("$seconds")
    [ "$kib" -gt "$peak" ] && peak=$kib
  done
  seconds=$(printf "%s\n" "${walls[@]}" | sort -n | sed -n "$(( (times + 1) / 2 ))p")
  printf "| %s | %.1f%s | %.2f |\n" "$label" "$seconds" "$([ "$times" -gt 1 ] && echo " (median of $times: ${walls[*]})")" \
    "$(echo "$peak / 1048576" | bc -l)"
}

echo "| command | wall s | peak RSS GiB |"
echo "|---|---:|---:|"
# a run each time into a fresh lake
measure_median 3 "run, sample, duckdb" bash -c 'rm -rf "$0" && exec ./i94lake run --lake "$0"' "$out/sample-duckdb"
[ -n "${SKIP_SPARK:-}" ] || measure "run, sample, spark" ./i94lake run --engine spark --lake "$out/sample-spark"
if [ -d "$april" ]; then
  measure_median 3 "reference: plain DuckDB, April core work" bash -c 'rm -rf "$1" && exec java -cp target/bench-lib/duckdb_jdbc-1.4.4.0.jar bench/DuckDbReference.java "$0" "$1"' "$april" "$out/reference"
  measure_median 3 "run, April, duckdb" bash -c 'rm -rf "$0" && exec ./i94lake run --lake "$0" --i94 "$1"' "$out/april-duckdb" "$april"
  [ -n "${SKIP_SPARK:-}" ] || measure "run, April, spark" ./i94lake run --engine spark --lake "$out/april-spark" --i94 "$april"
  lake="$out/april-duckdb"
  plain=(java -cp target/bench-lib/duckdb_jdbc-1.4.4.0.jar bench/PlainQuery.java "$lake")
  count="SELECT count(*) FROM immigration"
  join="SELECT s.state_name, count(*) AS n FROM immigration i JOIN us_state s ON i.destination_state_code = s.state_code GROUP BY ALL ORDER BY n DESC LIMIT 5"
  group="SELECT arrival_date, travel_mode, count(*) AS n FROM immigration GROUP BY ALL ORDER BY n DESC LIMIT 10"
  recent="SELECT run_id, state, seconds FROM runs ORDER BY started_at DESC LIMIT 20"
  measure_median 5 "sql count, April lake" ./i94lake sql --lake "$lake" "$count"
  measure_median 5 "reference: plain DuckDB program, count" "${plain[@]}" "$count"
  measure_median 5 "sql join with us_state, April lake" ./i94lake sql --lake "$lake" "$join"
  measure_median 5 "reference: plain DuckDB program, join" "${plain[@]}" "$join"
  measure_median 5 "sql group-by over April" ./i94lake sql --lake "$lake" "$group"
  measure_median 5 "reference: plain DuckDB program, group-by" "${plain[@]}" "$group"
  measure_median 5 "runs, April lake" ./i94lake runs --lake "$lake"
  measure_median 5 "reference: plain DuckDB program, last 20 runs" "${plain[@]}" "$recent"
  measure "check, April lake, duckdb" ./i94lake check --lake "$lake"
  [ -n "${SKIP_SPARK:-}" ] || measure "check, April lake, spark" ./i94lake check --engine spark --lake "$lake"
  run_id="$(./i94lake runs --lake "$lake" --format csv | sed -n 2p | cut -d, -f1)"
  measure "rollback to the run published, April lake" ./i94lake rollback --lake "$lake" --to "$run_id"
fi

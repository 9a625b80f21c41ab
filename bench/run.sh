#!/usr/bin/env bash
# The benchmark: i94lake end to end on the real April 2016 month and on synthetic 1, 3 and 12 months, beside DuckDB
# doing the core work on the same files (bench/DuckDbReference.java), in the same run. Prints one markdown table and
# appends it to BENCHMARKS.md with the date, the machine and this command.
#
#   bench/run.sh [--sizes april,1,3,12] [--rows-per-month 3000000] [--note TEXT] [--no-append]
#
# Needs only Java 17 and Maven: DuckDB comes from Maven (profile `bench`, into target/bench-lib, never on the
# runtime class path). Peak RSS is the process's VmHWM, polled from /proc. Synthetic data is generated once into
# bench/data/ (seed 42) and reused; lakes and DuckDB output go to bench/out/ and are replaced on every run.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
command_line="bench/run.sh $*"

sizes="april,1,3,12"
rows_per_month=3000000
note=""
append=1
while [ $# -gt 0 ]; do
  case "$1" in
    --sizes) sizes="$2"; shift 2 ;;
    --rows-per-month) rows_per_month="$2"; shift 2 ;;
    --note) note="$2"; shift 2 ;;
    --no-append) append=0; shift ;;
    -h|--help) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "bench/run.sh: unknown option $1 (see --help)" >&2; exit 1 ;;
  esac
done

april="$home/../shared/data/raw/sas_data"
data="$home/bench/data"
out="$home/bench/out"
cores=$(nproc)
memory_gib=$(awk '/MemTotal/ {printf "%.0f", $2 / 1048576}' /proc/meminfo)
mkdir -p "$data" "$out"

echo "bench: building the jar and the reference's class path (mvn -Pbench package) ..." >&2
mvn -q -B -f "$home/pom.xml" -Pbench -Dmaven.test.skip=true package >&2
bench/class-archive.sh
duckdb_jar=$(ls "$home"/target/bench-lib/duckdb_jdbc-*.jar)
commit=$(git -C "$home" rev-parse --short HEAD 2>/dev/null || echo unknown)
load_before=$(cut -d' ' -f1 /proc/loadavg)

# measure LOG COMMAND...: runs COMMAND, sets $wall (seconds) and $peak_kib (the largest VmHWM seen); fails on failure
measure() {
  local log="$1"; shift
  local start end hwm
  start=$(date +%s.%N)
  "$@" >"$log" 2>&1 &
  local pid=$!
  peak_kib=0
  while kill -0 "$pid" 2>/dev/null; do
    hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    if [ -n "$hwm" ] && [ "$hwm" -gt "$peak_kib" ]; then peak_kib=$hwm; fi
    sleep 0.1
  done
  if ! wait "$pid"; then
    echo "bench: failed: $* (log: $log)" >&2
    tail -20 "$log" >&2
    exit 1
  fi
  end=$(date +%s.%N)
  wall=$(awk -v s="$start" -v e="$end" 'BEGIN {printf "%.1f", e - s}')
}

gib() { awk -v k="$1" 'BEGIN {printf "%.2f GiB", k / 1048576}'; }

# the synthetic raw folder of N months: generated once for the largest size, then hard links per size
synthetic() {
  local months=$1
  local largest full folder
  largest=$(echo "$sizes" | tr ',' '\n' | grep -v april | sort -n | tail -1)
  full="$data/synthetic-${largest}m-${rows_per_month}"
  if [ ! -f "$full/.complete" ]; then
    echo "bench: generating $largest months of $rows_per_month rows into $full ..." >&2
    rm -rf "$full"
    ./i94lake generate --out "$full" --months "2016-01..2016-$(printf %02d "$largest")" --rows-per-month "$rows_per_month" \
      --seed 42 --quiet >"$out/generate.log" 2>&1 || { cat "$out/generate.log" >&2; exit 1; }
    cat "$out/generate.log" >&2
    touch "$full/.complete"
  fi
  folder="$data/synthetic-${months}m-${rows_per_month}"
  if [ "$months" != "$largest" ] && [ ! -d "$folder" ]; then
    mkdir -p "$folder/i94"
    ln "$full"/*.csv "$full"/*.SAS "$folder"/
    for month in $(seq 1 "$months"); do ln "$full"/i94/i94_2016-$(printf %02d "$month")_* "$folder/i94/"; done
  fi
  [ "$months" = "$largest" ] && folder="$full"
  echo "$folder"
}

# the stages of the last run, from the run history: read (span of the source reads), the arrival months (read, decode
# and write: Spark runs them as one job per table), the other tables (span), checks (span: each table's checks start
# once it is written), publish; and the I-94 rows in
stages() {
  ./i94lake sql --lake "$1" --format csv "
    SELECT
      round((max(CASE WHEN task LIKE 'read %' THEN epoch_ms(ended_at) END)
           - min(CASE WHEN task LIKE 'read %' THEN epoch_ms(started_at) END)) / 1000.0, 1) AS read_seconds,
      round(sum(CASE WHEN task LIKE 'arrivals%' THEN seconds END), 1) AS arrival_seconds,
      round((max(CASE WHEN task NOT LIKE 'read %' AND task NOT LIKE 'arrivals%' AND task NOT LIKE 'check%' AND task <> 'publish' THEN epoch_ms(ended_at) END)
           - min(CASE WHEN task NOT LIKE 'read %' AND task NOT LIKE 'arrivals%' AND task NOT LIKE 'check%' AND task <> 'publish' THEN epoch_ms(started_at) END)) / 1000.0, 1) AS table_seconds,
      round((max(CASE WHEN task LIKE 'check%' THEN epoch_ms(ended_at) END)
           - min(CASE WHEN task LIKE 'check%' THEN epoch_ms(started_at) END)) / 1000.0, 1) AS check_seconds,
      round(sum(CASE WHEN task = 'publish' THEN seconds END), 1) AS publish_seconds,
      sum(CASE WHEN task LIKE 'arrivals%' THEN rows_in END) AS i94_rows
    FROM run_tasks WHERE run_id = (SELECT max(run_id) FROM runs)" | tail -1
}

header="| input | I-94 rows | i94lake wall | rows/s | rows/s per core | peak RSS | read | arrival months (read+decode+write) | other tables | checks | publish | DuckDB wall (work) | DuckDB peak RSS | i94lake / DuckDB |"
rule="|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
table="$header"$'\n'"$rule"
declare -A walls
for size in $(echo "$sizes" | tr ',' ' '); do
  if [ "$size" = april ]; then
    if [ ! -d "$april" ]; then echo "bench: skipping april: no $april" >&2; continue; fi
    raw="$home/data/sample"; i94="$april"; label="real April 2016"
  else
    raw=$(synthetic "$size"); i94="$raw/i94"; label="synthetic, $size month$([ "$size" = 1 ] || echo s)"
  fi
  lake="$out/lake-$size"
  rm -rf "$lake"
  echo "bench: $label: i94lake run ..." >&2
  measure "$out/run-$size.log" ./i94lake run --raw "$raw" --i94 "$i94" --lake "$lake"
  run_wall=$wall; run_peak=$peak_kib
  IFS=, read -r read_s arrivals_s tables_s checks_s publish_s rows < <(stages "$lake")
  echo "bench: $label: DuckDB reference ..." >&2
  measure "$out/duckdb-$size.log" java -cp "$duckdb_jar" "$home/bench/DuckDbReference.java" "$i94" "$out/duckdb-$size"
  duck_wall=$wall; duck_peak=$peak_kib
  duck_work=$(sed -n 's/.*seconds=\([0-9.]*\).*/\1/p' "$out/duckdb-$size.log")
  walls[$size]=$run_wall
  table+=$'\n'"$(awk -v label="$label" -v rows="$rows" -v wall="$run_wall" -v cores="$cores" -v peak="$(gib "$run_peak")" \
    -v r="$read_s" -v a="$arrivals_s" -v t="$tables_s" -v c="$checks_s" -v p="$publish_s" \
    -v dwall="$duck_wall" -v dwork="$duck_work" -v dpeak="$(gib "$duck_peak")" '
    function grouped(number,   text) {  # 3096313 -> 3,096,313 (mawk has no %'"'"'d)
      text = sprintf("%.0f", int(number))
      while (text ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]($|,)/, ",&", text)
      return text
    }
    BEGIN {
      printf "| %s | %s | %.1f s | %s | %s | %s | %s s | %s s | %s s | %s s | %s s | %.1f s (%s s) | %s | %.1f× |",
        label, grouped(rows), wall, grouped(rows / wall), grouped(rows / wall / cores), peak, r, a, t, c, p, dwall, dwork, dpeak, wall / dwall }')"
done

scaling=""
if [ -n "${walls[1]:-}" ] && [ -n "${walls[12]:-}" ]; then
  scaling=$(awk -v one="${walls[1]}" -v twelve="${walls[12]}" 'BEGIN {printf "Scaling: 12 months took %.1f× the wall time of 1 month (linear is 12×).", twelve / one}')
fi
load_after=$(cut -d' ' -f1 /proc/loadavg)
if [ -z "$note" ] && awk -v l="$load_before" -v c="$cores" 'BEGIN {exit !(l > c)}'; then
  note="shared machine, indicative: load average $load_before before, $load_after after, on $cores cores"
fi

report="### $(date -u '+%Y-%m-%d %H:%M UTC'), commit $commit, $cores cores, $memory_gib GiB$([ -n "$note" ] && echo " — $note")

\`$command_line\` (rows per synthetic month: $rows_per_month; wall includes JVM and Spark start; stages from the run history \`run_tasks\`; peak RSS is VmHWM)

$table
${scaling:+
$scaling}"
echo "$report"
if [ "$append" = 1 ]; then
  if ! grep -q '^## bench/run.sh' "$home/BENCHMARKS.md"; then
    printf '\n## bench/run.sh: i94lake end to end beside DuckDB doing the core work on the same files\n' >>"$home/BENCHMARKS.md"
  fi
  printf '\n%s\n' "$report" >>"$home/BENCHMARKS.md"
  echo "bench: appended to BENCHMARKS.md" >&2
fi

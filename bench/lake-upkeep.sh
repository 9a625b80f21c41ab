#!/usr/bin/env bash
# What runs and killed runs leave in a lake, and what `maintain` takes away: files and bytes under the lake after
# N published runs of the bundled sample and K runs killed with SIGKILL while writing, then after
# `maintain --keep-runs 3 --orphan-age 0s --resume-window 0s`. Usage: bench/lake-upkeep.sh [RUNS] [KILLS]
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
kills="${2:-3}"
lake="$(mktemp -d)/lake"
files() { find "$lake" -type f ! -name '*.crc' | wc -l; }
bytes() { du -sb "$lake" | cut -f1; }

for _ in $(seq "$runs"); do "$home/i94lake" run --lake "$lake" > /dev/null; done
for _ in $(seq "$kills"); do
  log="$(mktemp)"
  "$home/i94lake" run --lake "$lake" > "$log" 2>&1 &
  until grep -q "wrote immigration " "$log"; do sleep 0.2; done
  pkill -9 -f "io.i94lake.cli.Main run --lake $lake" || true
  wait || true
done
echo "after $runs runs and $kills kills: $(files) files, $(bytes) bytes"
start=$(date +%s.%N)
"$home/i94lake" maintain --lake "$lake" --keep-runs 3 --orphan-age 0s --resume-window 0s
echo "maintain took $(echo "$(date +%s.%N) - $start" | bc) s"
echo "after maintain: $(files) files, $(bytes) bytes"
"$home/i94lake" sql --lake "$lake" --format csv "SELECT count(*) AS arrivals FROM immigration"

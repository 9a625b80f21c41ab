#!/usr/bin/env bash
# The real April 2016 month on a local 2-worker Spark standalone cluster (2 workers x 1 core x 4g, executors of 3g)
# and then in local mode (local[*]), each into a clean lake. Prints each run's wall time and its own figures.
# Usage: bench/cluster-vs-local.sh [I94_FOLDER [RAW_FOLDER]]   (default ../shared/data/raw/sas_data, the bundled sample)
#   CLUSTER_ONLY=1 skips the local run (e.g. for the synthetic year, whose local run bench/run.sh measures):
#   CLUSTER_ONLY=1 bench/cluster-vs-local.sh bench/data/synthetic-12m-3000000/i94 bench/data/synthetic-12m-3000000
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
i94="${1:-../shared/data/raw/sas_data}"
raw="${2:-data/sample}"
out=bench/out/cluster-vs-local; mkdir -p "$out"
rm -rf /tmp/lake-april-cluster /tmp/lake-april-local
bench/class-archive.sh

./i94lake cluster start --dir "$out/cluster" --workers 2 --cores 1 --memory 4g --port 0 --web-ui-port 0 | tee "$out/cluster-start.txt"
master="$(grep -o 'spark://[0-9.:]*' "$out/cluster-start.txt" | head -1)"
trap './i94lake cluster stop --dir "$out/cluster"' EXIT

start=$(date +%s.%N)
I94LAKE_JAVA_OPTS="-Dspark.executor.memory=3g" ./i94lake run --master "$master" --lake /tmp/lake-april-cluster --raw "$raw" --i94 "$i94" \
  > "$out/run-cluster.txt" 2>&1
cluster_wall=$(echo "$(date +%s.%N) - $start" | bc)
./i94lake cluster stop --dir "$out/cluster"; trap - EXIT

printf 'cluster (2 workers x 1 core): wall %.1f s; %s\n' "$cluster_wall" "$(grep -E '^run .* (published|failed)' "$out/run-cluster.txt")"
if [ "${CLUSTER_ONLY:-0}" = 1 ]; then
  grep -E '^(immigration|immigrant|immigration_demographics) ' "$out/run-cluster.txt"
  exit 0
fi

start=$(date +%s.%N)
./i94lake run --lake /tmp/lake-april-local --raw "$raw" --i94 "$i94" > "$out/run-local.txt" 2>&1
local_wall=$(echo "$(date +%s.%N) - $start" | bc)

echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
printf 'local[*] (2 cores):           wall %.1f s; %s\n' "$local_wall" "$(grep -E '^run .* (published|failed)' "$out/run-local.txt")"
for mode in cluster local; do
  echo "-- $mode: tables"; grep -E '^(immigration|immigrant|immigration_demographics) ' "$out/run-$mode.txt"
done

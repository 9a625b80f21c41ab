#!/usr/bin/env bash
# Measures (issue 7): a run into a local lake folder vs into S3 (Adobe S3Mock on 127.0.0.1, a separate JVM),
# then `publish` of the local lake into PostgreSQL (dimensions and analytics; with --with-facts too).
# Usage: bench/s3-and-warehouse.sh [I94_PATH]   (default: the bundled sample; e.g. ../shared/data/raw/sas_data)
# Needs: target/s3mock/s3mock.jar (mvn verify copies it) and PostgreSQL from .ci/start-postgres.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
i94=("$@")
bench/class-archive.sh
work="$(mktemp -d /tmp/i94lake-bench.XXXXXX)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
tls_port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
java -Xmx1g -jar target/s3mock/s3mock.jar --server.address=127.0.0.1 --server.port="$tls_port" \
  --com.adobe.testing.s3mock.httpPort="$port" --com.adobe.testing.s3mock.domain.initial-buckets=bench \
  --com.adobe.testing.s3mock.domain.root="$work/s3" --spring.main.banner-mode=off > "$work/s3mock.log" 2>&1 &
s3mock=$!
trap 'kill "$s3mock" 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$port/" > /dev/null; do sleep 1; done

export I94LAKE_S3_ENDPOINT="http://127.0.0.1:$port" I94LAKE_S3_PATH_STYLE=true AWS_REGION=us-east-1 \
  AWS_ACCESS_KEY_ID=bench AWS_SECRET_ACCESS_KEY=bench I94LAKE_CATALOG_URI="jdbc:sqlite:$work/catalog.sqlite"
i94_args=()
if [ ${#i94[@]} -gt 0 ]; then i94_args=(--i94 "${i94[@]}"); fi

timed() {  # label, command...: prints wall seconds
  local label="$1"; shift
  local started ended
  started=$(date +%s.%N)
  "$@" > "$work/$label.log" 2>&1 || { echo "$label failed, see $work/$label.log" >&2; tail -5 "$work/$label.log" >&2; exit 1; }
  ended=$(date +%s.%N)
  printf '%-32s %8.1f s\n' "$label" "$(echo "$ended - $started" | bc)"
}

url="$(.ci/start-postgres 2>/dev/null)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
timed "run, local folder" ./i94lake run --lake "$work/lake" "${i94_args[@]}"
timed "run, S3 (S3Mock)" ./i94lake run --lake s3://bench/lake "${i94_args[@]}"
timed "sql count, local folder" ./i94lake sql --lake "$work/lake" "SELECT count(*) FROM immigration"
timed "sql count, S3 (S3Mock)" ./i94lake sql --lake s3://bench/lake "SELECT count(*) FROM immigration"
timed "publish dimensions" ./i94lake publish --lake "$work/lake" --jdbc "$url" --user i94lake --password i94lake --schema i94bench
timed "publish with facts" ./i94lake publish --lake "$work/lake" --jdbc "$url" --user i94lake --password i94lake --schema i94bench --with-facts
grep -h "copied\|published" "$work/publish with facts.log"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$work"

#!/usr/bin/env bash
# Every raw source read by its Spark reader and by its DuckDB reader in one JVM, rounds interleaved
# (bench/SourceReaderSpeed.java): the sample's airports and temperatures, a generated I-94 CSV month of 1,000,000
# lines (made once into bench/data/) and the real April 2016 Parquet month when ../shared/data/raw/sas_data is there.
#   bench/source-readers.sh [ROUNDS]   (default 3)
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$home"
mvn -q -B -o compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >&2
SPARK_LOCAL_IP=127.0.0.1 java @config/jvm.args -Xmx6g -Di94lake.home="$home" \
  -cp "target/classes:$(cat target/bench-classpath.txt)" bench/SourceReaderSpeed.java "$@" 2> >(grep -v ' WARN ' >&2)

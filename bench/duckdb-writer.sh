#!/usr/bin/env bash
# A measurement of the DuckDB writer of Iceberg tables: the real April 2016 month written as a year/month-partitioned
# table by DuckDbTableWriter, beside a plain DuckDB COPY … PARTITION_BY (year, month) of the same rows, in one JVM
# (bench/DuckDbWriterBench.java). Output goes to bench/out/duckdb-writer/ and is replaced on every run.
#
#   bench/duckdb-writer.sh [ROUNDS]
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
april="$home/../shared/data/raw/sas_data"
classpath_file="$home/target/bench-writer-classpath.txt"
mvn -q -B -o -f "$home/pom.xml" compile dependency:build-classpath -Dmdep.outputFile="$classpath_file" >&2
java @"$home/config/jvm.args" -cp "$home/target/classes:$(cat "$classpath_file")" \
  "$home/bench/DuckDbWriterBench.java" "$april" "$home/bench/out/duckdb-writer" "${1:-3}"

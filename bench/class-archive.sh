#!/usr/bin/env bash
# Makes sure the launcher's class-data archive (target/i94lake-java*.aot on Java 25, .jsa before) exists before
# anything is measured: the first `run` after a build records it, which adds 25-45 s to that run only. Benchmarks
# measure the runs after it.
set -euo pipefail
home="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
archive="$(find "$home/target" -maxdepth 1 -name 'i94lake-java*' -newer "$home/target/lib" 2>/dev/null | head -1)"
if [ -z "$archive" ] || [ ! -f "$home/target/i94lake.jar" ]; then
  echo "bench: a first run on the bundled sample records the class-data archive (target/i94lake-java*) ..." >&2
  lake="$(mktemp -d /tmp/i94lake-warm-up.XXXXXX)"
  "$home/i94lake" run --lake "$lake/lake" >/dev/null
  rm -rf "$lake"
fi

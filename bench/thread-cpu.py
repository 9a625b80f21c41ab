#!/usr/bin/env python3
"""CPU seconds of an i94lake process by thread kind (JIT compilers, Spark tasks, GC, ...), sampled from /proc.

    python3 bench/thread-cpu.py ./i94lake run --lake /tmp/lake --i94 ../shared/data/raw/sas_data

Runs the command (its output goes to bench/out/thread-cpu.log), whose process becomes the JVM (the launcher execs
java), reads every thread's user + system time twice a second, and prints the last reading summed by thread name,
digits replaced by '#'. Threads that end between two readings lose at most half a second each.
"""
import collections
import os
import re
import subprocess
import sys
import time

os.makedirs("bench/out", exist_ok=True)
command = subprocess.Popen(sys.argv[1:], stdout=open("bench/out/thread-cpu.log", "w"), stderr=subprocess.STDOUT)
ticks = os.sysconf("SC_CLK_TCK")
jvm, seconds_by_thread = command.pid, {}
while command.poll() is None:
    time.sleep(0.5)
    try:
        threads = os.listdir(f"/proc/{jvm}/task")
    except OSError:
        continue
    for thread in threads:
        try:
            stat = open(f"/proc/{jvm}/task/{thread}/stat").read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        seconds_by_thread[thread] = (name, (int(fields[11]) + int(fields[12])) / ticks)

by_kind = collections.Counter()
for name, seconds in seconds_by_thread.values():
    by_kind[re.sub(r"\d+", "#", name)] += seconds
for kind, seconds in by_kind.most_common(12):
    print(f"{seconds:8.1f} s  {kind}")
print(f"{sum(by_kind.values()):8.1f} s  in all (exit code {command.returncode})")

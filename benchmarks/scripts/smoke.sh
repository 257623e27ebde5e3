#!/bin/sh
# A tiny version of the benchmarks (about 30 s) that CI could run: each step exits non-zero when a round
# trip is not UP or a scheduled result is lost. The figures it prints mean nothing (too few runs).
# Usage (repository root, after ./mvnw -B -Pbench -DskipTests package): benchmarks/scripts/smoke.sh
set -eu
cp='benchmarks/target/benchmarks.jar:benchmarks/target/lib/*'
java -cp "$cp" io.mailtrip.bench.PollCostBenchmark 200 2 1 5
java -cp "$cp" io.mailtrip.bench.TimingBenchmark greenmail-relay 2 1
java -cp "$cp" io.mailtrip.bench.ScaleBenchmark 20 6 10 5

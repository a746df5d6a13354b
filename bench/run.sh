#!/usr/bin/env bash
# Builds the benchmarks (unless --no-build) and runs the whole suite: one table of figures
# against the project's targets, also written to bench/target/results.md.
#
#   bench/run.sh [--no-build] [--quick] [--only part,part]
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
args=()
for arg in "$@"; do
  case "$arg" in
    --no-build) build=0 ;;
    *) args+=("$arg") ;;
  esac
done

if [[ $build == 1 ]]; then
  mvn -B -q -pl bench -am package -DskipTests
fi
exec java -cp bench/target/benchmarks.jar dev.backtrack.bench.suite.Suite --repo . \
  "${args[@]+"${args[@]}"}"

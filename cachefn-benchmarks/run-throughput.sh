#!/usr/bin/env bash
# The throughput run behind RESULTS.md's speed targets, sized for a quiet 2-core machine (~15 minutes).
# Builds nothing: it takes an already built benchmarks.jar.
#
#   mvn -B -q package -DskipTests -pl cachefn-benchmarks -am      # once, beforehand
#   cachefn-benchmarks/run-throughput.sh [benchmarks.jar] [output-dir]
#
# Runs, at 1 and then 2 threads, with 1 fork, 3 x 3 s warmup (two reader threads need 3-4 s of JIT warm-up under JDK 17 on 2 vCPUs) and 3 x 2 s measurement per combination:
#   1. ReadWriteBenchmark read / write / mix     CacheFn (LRU and adaptive), Caffeine, CHM, LinkedHashMap (30)
#   2. GetOrFetchBenchmark spread / hotKey       CacheFn, Caffeine, ConcurrentHashMap                 (12)
#   6. StatsBenchmark read, stats off / on       CacheFn, Caffeine                                    (8)
# then writes one JMH JSON file per benchmark and thread count, and ratios.md (RatioReport over all of them).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
jar=${1:-$root/cachefn-benchmarks/target/benchmarks.jar}
out=${2:-$root/cachefn-benchmarks/results/throughput-$(date -u +%Y%m%dT%H%MZ)}
if [[ ! -f $jar ]]; then
  echo "no benchmarks jar at $jar; build it first:" >&2
  echo "  mvn -B -q package -DskipTests -pl cachefn-benchmarks -am" >&2
  exit 2
fi
mkdir -p "$out"

# JMH_SETTINGS overrides the iteration settings, e.g. JMH_SETTINGS="-f 1 -wi 0 -i 1 -r 100ms" to check the script
read -r -a settings <<< "${JMH_SETTINGS:--f 1 -wi 3 -w 3s -i 3 -r 2s}"
run() { # name, threads, regex, params...
  local name=$1 threads=$2 regex=$3
  shift 3
  echo "== $name, $threads thread(s) ($(date -u +%H:%M:%S))"
  java -jar "$jar" "$regex" "$@" -t "$threads" "${settings[@]}" -rf json -rff "$out/$name-t$threads.json" \
    > "$out/$name-t$threads.log" 2>&1 || { tail -30 "$out/$name-t$threads.log" >&2; exit 1; }
  grep -E '^[A-Za-z]+Benchmark\.' "$out/$name-t$threads.log" || true
}

start=$(date +%s)
for threads in 1 2; do
  run rw "$threads" 'ReadWriteBenchmark\.(read|write|mix)$' -p impl=CacheFn,CacheFnAdaptive,Caffeine,ConcurrentHashMap,LinkedHashMap
  run getorfetch "$threads" 'GetOrFetchBenchmark\.(spread|hotKey)$' -p impl=CacheFn,Caffeine,ConcurrentHashMap
  run stats "$threads" 'StatsBenchmark\.read$'
done

java -cp "$jar" dev.cachefn.benchmarks.report.RatioReport \
  "$out"/rw-t1.json "$out"/rw-t2.json "$out"/getorfetch-t1.json "$out"/getorfetch-t2.json \
  "$out"/stats-t1.json "$out"/stats-t2.json > "$out/ratios.md"
echo "== done in $(( $(date +%s) - start )) s: $out/ratios.md"

# Sourced by the bench scripts: builds the service (unless BENCH_SKIP_BUILD=1) and starts it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[ "${BENCH_SKIP_BUILD:-}" = 1 ] || mvn -q -B -DskipTests install
mkdir -p target
JAR=$(ls petition-api/target/petition-api-*.jar | head -1)

# start_service PORT LOG [ARG...]: the service with -Xmx512m in the background (its pid in APP),
# appending to LOG, with ARGs added to its command line; returns once it is healthy.
start_service() {
  local port=$1 log=$2
  shift 2
  java -Xmx512m -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=target/ -Daxoniq.update-checker.disabled=true \
    -jar "$JAR" --server.port="$port" --logging.level.root=WARN "$@" >> "$log" 2>&1 &
  APP=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && return 0; sleep 1; done
  echo "FAIL: the service did not start (see $log)"
  exit 1
}

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
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "FAIL: something already answers on port $port"
    exit 1
  fi
  java -Xmx512m -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=target/ -Daxoniq.update-checker.disabled=true \
    -jar "$JAR" --server.port="$port" --logging.level.root=WARN "$@" >> "$log" 2>&1 &
  APP=$!
  for _ in $(seq 1 120); do
    kill -0 "$APP" 2>/dev/null || { echo "FAIL: the service stopped while starting (see $log)"; exit 1; }
    curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null && return 0
    sleep 1
  done
  echo "FAIL: the service did not start (see $log)"
  exit 1
}

# verify_counts PORT: verifies the counts against a replay of the handlers; prints the verification's
# status (MATCH when they agree).
verify_counts() {
  local url="http://127.0.0.1:$1/api/admin/projections/counts/verification" progress=""
  curl -s -o /dev/null -u inspector:inspector -X POST "$url"
  for _ in $(seq 1 120); do
    progress=$(curl -s -u inspector:inspector "$url")
    echo "$progress" | grep -q '"state":"RUNNING"' || break
    sleep 1
  done
  echo "$progress" | sed 's/.*"status":"\([A-Z]*\)".*/\1/'
}

# verify_chains PORT: the audit chains' verification status (OK when every chain verifies).
verify_chains() {
  curl -s -u inspector:inspector "http://127.0.0.1:$1/api/audit/verification" | sed 's/.*"status":"\([A-Z]*\)".*/\1/'
}

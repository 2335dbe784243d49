#!/usr/bin/env bash
# Runs the benchmarks on the embedded PostgreSQL and writes docs/BENCHMARKS.md.
# Usage: bash bench/run.sh [seconds per load step, default 20] [events to seed up to, default 1000000]
#                          [steps, default write,lag,dashboards,seed,history,replay,pages]
# With steps other than the default the report goes to target/bench-report.md instead.
source "$(dirname "$0")/service.sh"
SECONDS_PER_STEP=${1:-20}
EVENTS=${2:-1000000}
STEPS=${3:-write,lag,dashboards,seed,history,replay,pages}
REPORT=docs/BENCHMARKS.md
[ "$STEPS" = "write,lag,dashboards,seed,history,replay,pages" ] || REPORT=target/bench-report.md
command -v pgbench >/dev/null && command -v wrk >/dev/null \
  || { apt-get update -qq && apt-get install -y -qq postgresql-client wrk >/dev/null; }
# The register's first paint is measured in the browser the page tests use.
if [[ ",$STEPS," == *",pages,"* ]]; then
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] \
    || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; }
  mvn -q -B -pl petition-api dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-selenium.classpath >/dev/null
fi

DATA=$(mktemp -d)/postgres
PG_PORT=54329
APP_PORT=18080
trap 'kill ${APP:-} 2>/dev/null; wait ${APP:-} 2>/dev/null || true' EXIT
: > target/bench-app.log
start_service $APP_PORT target/bench-app.log --petition.db.data-dir="$DATA" --petition.db.embedded-port=$PG_PORT

PGJDBC=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-42*.jar' | sort | tail -1)
{
  echo "# Benchmarks"
  echo
  echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
  echo "$(free -g | awk '/Mem:/{print $2}') GiB, the service with \`-Xmx512m\` on the embedded PostgreSQL 17 (fsync on)."
  echo "Reproduce with \`bash bench/run.sh $SECONDS_PER_STEP $EVENTS\` (about 6 minutes). These machines are noisy"
  echo "(±20% between runs): every figure stands next to its limit, measured in the same run."
  echo
  BENCH_APP_PID=$APP java -cp "$PGJDBC" bench/Bench.java "http://127.0.0.1:$APP_PORT" $PG_PORT "$SECONDS_PER_STEP" \
    "$EVENTS" "$STEPS"
  if [[ ",$STEPS," == *",pages,"* ]]; then
    java -cp "$(cat petition-api/target/bench-selenium.classpath)" bench/FirstPaint.java "http://127.0.0.1:$APP_PORT"
  fi
  # The sections measured by other commands (bench/cluster.sh, the on-demand benchmarks in the tests),
  # each between its <!-- ... begin --> and <!-- ... end --> lines: kept as their last runs wrote them.
  [ -f "$REPORT" ] && sed -n '/^<!-- .* begin -->$/,/^<!-- .* end -->$/p' "$REPORT" \
    | sed 's/^\(<!-- .* end -->\)$/\1\n/' && echo
  echo "## Memory"
  echo
  echo "The service ran every step above with \`-Xmx512m\`; peak resident set: $(ps -o rss= -p $APP | awk '{printf "%.0f MiB", $1/1024}') at the end."
  echo
  cat bench/FINDINGS.md
} > "$REPORT.new"
mv "$REPORT.new" "$REPORT"
echo "Wrote $REPORT"

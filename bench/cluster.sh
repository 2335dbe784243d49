#!/usr/bin/env bash
# Two instances of the service on one PostgreSQL, as behind a load balancer (docs/DEPLOYMENT.md):
# writes go to both in turn, with conflicting steps on the same petitions; the instance holding the
# counts is killed with SIGKILL under load and restarted, then the other. Then it checks that every
# acknowledged receipt is stored once and counted once, the counts equal a verification, every chain
# verifies, nothing is dead-lettered, no request answered 500, and the counts moved to the surviving
# instance (how long it took). Last, both instances are asked to rebuild at once: one runs, the other
# answers 409 with the running one's progress; and the write rate of one instance against two.
# Usage: bash bench/cluster.sh [seconds of load per phase, default 10]   (about 3 minutes)
source "$(dirname "$0")/service.sh"
LOAD=${1:-10}
WORK=$(mktemp -d)
PG_PORT=15433
PORTS=(18101 18102)
DAY=2024-05-09
export PETITION_DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" PETITION_DB_USER=postgres PETITION_DB_PASSWORD=
command -v psql >/dev/null || { apt-get update -qq && apt-get install -y -qq postgresql-client >/dev/null; }
sql() { psql -h 127.0.0.1 -p $PG_PORT -U postgres -d postgres -qtA -c "$1"; }
now_ms() { date +%s%3N; }

# One PostgreSQL: the binaries the service bundles, started by bench/Postgres.java.
JAR_ABS=$(realpath "$JAR")
mkdir -p "$WORK/libs"
(cd "$WORK/libs" && unzip -q -j "$JAR_ABS" 'BOOT-INF/lib/*.jar')
java -cp "$WORK/libs/*" bench/Postgres.java "$WORK/pg" $PG_PORT > target/cluster-pg.log 2>&1 &
PG=$!
declare -A PID
cleanup() {
  touch "$WORK/stop"
  for p in "${PID[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  kill $PG 2>/dev/null; wait $PG 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 60); do sql 'SELECT 1' >/dev/null 2>&1 && break; sleep 1; done

# start N: instance N (0 or 1) on its port; the first to start migrates the schema (Flyway's lock).
start() {
  start_service "${PORTS[$1]}" "target/cluster-app-$1.log" --spring.config.additional-location=bench/cluster-accounts.yml
  PID[$1]=$APP
}
: > target/cluster-app-0.log; : > target/cluster-app-1.log
start 0
start 1
echo "two instances on one PostgreSQL: ${PORTS[0]} (pid ${PID[0]}), ${PORTS[1]} (pid ${PID[1]})"

# The load: receipts sent to each instance in turn; and pairs of acceptances of one petition sent to both
# instances at once, of which exactly one must succeed and the other answer 409.
STATUS="$WORK/status"; : > "$STATUS"
writer() {
  local n=0
  while [ ! -f "$WORK/stop" ]; do
    local port=${PORTS[$((n % 2))]}; n=$((n + 1))
    out=$(curl -s -m 5 -u officer:officer -H 'Content-Type: application/json' -X POST \
      "http://127.0.0.1:$port/api/petitions" -w '\n%{http_code}' \
      -d "{\"receivedOn\":\"$DAY\",\"channel\":\"POST\",\"kind\":\"COMPLAINT\",\"field\":\"Cụm máy chủ\",\"summary\":\"x\",\"petitioners\":[]}" || true)
    code=$(echo "$out" | tail -1)
    echo "$code" >> "$STATUS"
    [ "$code" = 201 ] && echo "$out" | head -1 | sed 's/.*"id":"\([^"]*\)".*/\1/' >> "$WORK/acked.$1"
  done
}
conflicts() {
  while [ ! -f "$WORK/stop" ]; do
    id=$(curl -s -m 5 -u officer:officer -H 'Content-Type: application/json' -X POST \
      "http://127.0.0.1:${PORTS[$(( RANDOM % 2 ))]}/api/petitions" \
      -d "{\"receivedOn\":\"$DAY\",\"channel\":\"POST\",\"kind\":\"COMPLAINT\",\"field\":\"Cụm máy chủ\",\"summary\":\"x\",\"petitioners\":[]}" \
      | sed -n 's/.*"id":"\([^"]*\)".*/\1/p')
    [ -n "$id" ] || continue
    echo "$id" >> "$WORK/acked.conflicts"
    for port in "${PORTS[@]}"; do
      curl -s -o /dev/null -m 5 -w '%{http_code}\n' -u chair:chair -H 'Content-Type: application/json' -X POST \
        "http://127.0.0.1:$port/api/petitions/$id/acceptance" -d "{\"acceptedOn\":\"$DAY\"}" > "$WORK/pair.$id.$port" &
    done
    wait
    echo "$(cat "$WORK"/pair."$id".* | sort | tr '\n' ' ')" >> "$WORK/pairs"
    cat "$WORK"/pair."$id".* >> "$STATUS"
  done
}
LOADERS=()
load() {
  rm -f "$WORK/stop"
  for w in 1 2 3 4; do writer $w & LOADERS+=($!); done
  conflicts & LOADERS+=($!)
}
stop_load() { touch "$WORK/stop"; [ ${#LOADERS[@]} = 0 ] || wait "${LOADERS[@]}" 2>/dev/null || true; LOADERS=(); }

# Which instance holds the counts' claim: Axon's owner is "pid@host".
owner() {
  local o; o=$(sql "SELECT split_part(owner, '@', 1) FROM tokenentry WHERE processor_name = 'counts'")
  for i in 0 1; do [ "$o" = "${PID[$i]}" ] && { echo $i; return; }; done
  echo none
}
# kill_owner: SIGKILL the instance holding the counts, then time until the other holds them and has
# caught up with the store (its position at the head it reads, under load).
FAILOVERS=()
kill_owner() {
  local victim; victim=$(owner)
  for _ in $(seq 1 20); do [ "$victim" != none ] && break; sleep 0.5; victim=$(owner); done
  local survivor=$((1 - victim))
  local t0; t0=$(now_ms)
  kill -9 "${PID[$victim]}"
  local claimed="" caught=""
  for _ in $(seq 1 600); do
    [ -z "$claimed" ] && [ "$(owner)" = "$survivor" ] && claimed=$(( $(now_ms) - t0 ))
    if [ -n "$claimed" ]; then
      latency=$(curl -s -u admin:admin "http://127.0.0.1:${PORTS[$survivor]}/api/admin/projections" | python3 -c '
import json, sys
counts = [p for p in json.load(sys.stdin) if p["name"] == "counts"][0]
print(counts["latencyMillis"] if counts.get("latencyMillis") is not None else "")')
      if [ -n "$latency" ] && awk "BEGIN{exit !($latency < 200)}"; then
        caught=$(( $(now_ms) - t0 )); break
      fi
    fi
    sleep 0.1
  done
  echo "killed instance $victim (pid ${PID[$victim]}) holding the counts: instance $survivor claimed them after ${claimed:-never} ms, lag under 200 ms after ${caught:-never} ms"
  FAILOVERS+=("${caught:-never}")
  KILLED=$victim
}

echo "phase 1: load on both for ${LOAD}s"
load; sleep "$LOAD"
kill_owner
sleep 2
echo "phase 2: restart instance $KILLED under load"
start "$KILLED"
sleep "$LOAD"
kill_owner
sleep 2
stop_load
start "$KILLED"

# Checks, through instance 0 and the database.
P=${PORTS[0]}
cat "$WORK"/acked.* > "$WORK/acked"
ACKED=$(wc -l < "$WORK/acked")
missing=0
while read -r id; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -u inspector:inspector "http://127.0.0.1:$P/api/petitions/$id")
  [ "$code" = 200 ] || { missing=$((missing + 1)); echo "missing: $id"; }
done < "$WORK/acked"
stored=$(sql "SELECT count(*) FROM petition_view WHERE received_on = '$DAY'")
receipts=$(sql "SELECT count(*) FROM domainevententry WHERE payload_type LIKE '%PetitionReceived' AND aggregate_identifier IN (SELECT id FROM petition_view WHERE received_on = '$DAY')")
duplicates=$(sql "SELECT count(*) FROM (SELECT reference FROM petition_view GROUP BY reference HAVING count(*) > 1) d")
for _ in $(seq 1 60); do
  counted=$(curl -s -u inspector:inspector "http://127.0.0.1:$P/api/counts?from=$DAY&to=$DAY" | sed 's/.*"received":\([0-9]*\).*/\1/')
  [ "$counted" = "$stored" ] && break; sleep 1
done
pairs=$(wc -l < "$WORK/pairs")
one_each=$(grep -c '^200 409 $' "$WORK/pairs" || true)
both_down=$(grep -vc '^200 409 $' "$WORK/pairs" || true)
errors=$(grep -c '^5' "$STATUS" || true)
unavailable=$(grep -c '^000$' "$STATUS" || true)
verify=$(verify_counts $P)
chains=$(verify_chains $P)
dead=$(curl -s -u admin:admin "http://127.0.0.1:$P/api/admin/dead-letters")

# Both asked to rebuild the counts at once: one runs, the other says so.
# A rebuild of this small store can end before the other request arrives: then both run, one after
# the other, which is right too. Ask again (up to five times) until the two requests overlap; and
# whatever happened, no two runs of the counts ever overlapped in the database.
rebuild_both() {
  local asked=() i
  for i in 0 1; do
    curl -s -o "$WORK/rebuild.$i" -w '%{http_code}\n' -u admin:admin -X POST \
      "http://127.0.0.1:${PORTS[$i]}/api/admin/projections/counts/rebuild?method=handlers" > "$WORK/rebuild.code.$i" &
    asked+=($!)
  done
  wait "${asked[@]}"
  for _ in $(seq 1 120); do
    curl -s -u admin:admin "http://127.0.0.1:$P/api/admin/projections/counts/rebuild" | grep -q '"state":"RUNNING"' || break
    sleep 1
  done
}
for attempt in 1 2 3 4 5; do
  rebuild_both
  rebuilds=$(cat "$WORK"/rebuild.code.* | sort | tr '\n' ' ')
  [ "$rebuilds" = "202 409 " ] && break
done
seen=$(cat "$WORK"/rebuild.0 "$WORK"/rebuild.1 | grep -o '"running":{[^}]*"state":"[A-Z]*"' \
  | sed 's/.*"state":"\([A-Z]*\)"/\1/' || true)
overlapping=$(sql "SELECT count(*) FROM projection_run a JOIN projection_run b ON a.projection = b.projection
  AND a.id < b.id AND b.started_at < COALESCE(a.finished_at, 'infinity')")

# The write rate: one instance, then both, with wrk and the write path's script (bench/receive.lua),
# 8 connections in all spread over the instances; receipts per second, summed.
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
rate() {
  local asked=() i
  rm -f "$WORK"/wrk.*
  for i in $(seq 0 $(( $1 - 1 ))); do
    wrk -t1 -c$(( 8 / $1 )) -d"${LOAD}s" -s bench/receive.lua "http://127.0.0.1:${PORTS[$i]}" > "$WORK/wrk.$i" 2>&1 &
    asked+=($!)
  done
  wait "${asked[@]}"
  if grep -q 'Non-2xx' "$WORK"/wrk.*; then echo "FAIL: wrk saw answers other than 201" >&2; cat "$WORK"/wrk.* >&2; fi
  awk '/Requests\/sec/{sum += $2} END{printf "%.0f", sum}' "$WORK"/wrk.*
}
one=$(rate 1)
two=$(rate 2)
# The counts' lag under the two-instance load, on the instance that holds them (its own timer).
LAG_OWNER=$(owner)
lag=$(curl -s -u admin:admin "http://127.0.0.1:${PORTS[${LAG_OWNER/none/0}]}/actuator/prometheus" \
  | awk '/^petition_projection_lag_seconds\{.*quantile="0.5"/{p50=$2*1000} /^petition_projection_lag_seconds\{.*quantile="0.99"/{p99=$2*1000} END{printf "%.0f / %.0f", p50, p99}')

echo "acknowledged $ACKED receipts, missing $missing, stored $stored (receipt events $receipts, duplicate references $duplicates), counted $counted"
echo "conflicting acceptances: $pairs pairs, $one_each answered 200 and 409, $both_down with an instance down"
echo "answers 5xx: $errors; refused while an instance was down (no connection): $unavailable"
echo "counts vs verification $verify, audit chains $chains, dead letters $dead"
echo "counts failover (kill to lag under 200 ms): ${FAILOVERS[*]} ms"
echo "rebuild asked of both at once: $rebuilds (attempt $attempt); the 409 shows the run in progress: ${seen:-nothing}; runs that overlapped: $overlapping"
echo "receipts per second with 8 clients: one instance $one, two instances $two; counts lag p50 / p99 $lag ms"
if [ "${CLUSTER_REPORT:-}" = 1 ]; then
  # The section of docs/BENCHMARKS.md this script owns (bench/run.sh keeps it when it rewrites the rest).
  cat > "$WORK/report.md" <<REPORT
<!-- bench/cluster.sh begin -->
## Two instances on one PostgreSQL

Measured $(date -u '+%Y-%m-%d %H:%M UTC') by \`CLUSTER_REPORT=1 bash bench/cluster.sh $LOAD\` on the same $(nproc) cores: one
PostgreSQL (the bundled binaries, fsync on) and two instances of the service (\`-Xmx512m\` each), 8 clients.

| what | measured |
|---|---|
| receipts per second, one instance | $one |
| receipts per second, two instances (4 connections each) | $two |
| counts lag under the two-instance load, p50 / p99 ms (the owner's \`petition.projection.lag\`) | $lag |
| counts failover: SIGKILL of the owner to lag under 200 ms on the survivor, ms (each kill) | ${FAILOVERS[*]} |
| acknowledged receipts / missing / stored / counted | $ACKED / $missing / $stored / $counted |
| conflicting acceptances sent to both at once: pairs; one 200 and one 409; sent while an instance was down | $pairs; $one_each; $both_down |
| answers 5xx | $errors |
| counts against a verification; audit chains; dead letters | $verify; $chains; $dead |
| a rebuild asked of both at once: the answers; the run the 409 shows | $rebuilds; ${seen:-nothing} |

Two instances write no faster than one here, and should not: both share the same 2 cores with their
PostgreSQL, which a single instance already keeps busy (the write path section above), so a second
JVM only adds its own overhead. More instances buy availability on one machine, and throughput only
when each has cores of its own and the database has headroom. The failover is the claim timeout
(\`axon.eventhandling.tokenstore.claim-timeout\`, 5 s) plus up to the claim interval (1 s), then the
catch-up of what was written meanwhile.
<!-- bench/cluster.sh end -->
REPORT
  python3 - "$WORK/report.md" <<'PY'
import re, sys
path = 'docs/BENCHMARKS.md'
text = open(path).read()
block = open(sys.argv[1]).read().rstrip() + '\n'
pattern = re.compile(r'<!-- bench/cluster.sh begin -->.*?<!-- bench/cluster.sh end -->\n', re.S)
text = pattern.sub(lambda m: block, text) if pattern.search(text) else text.replace('## Memory', block + '\n## Memory', 1)
open(path, 'w').write(text)
PY
  echo "Wrote the two-instance section of docs/BENCHMARKS.md"
fi
[ "$missing" = 0 ] && [ "$stored" -ge "$ACKED" ] && [ "$receipts" = "$stored" ] && [ "$duplicates" = 0 ] \
  && [ "$counted" = "$stored" ] && [ "$errors" = 0 ] && [ "$verify" = MATCH ] && [ "$chains" = OK ] \
  && [ "$dead" = "[]" ] && [ "$one_each" -gt 0 ] && [ "$rebuilds" = "202 409 " ] && [ "$seen" = RUNNING ] && [ "$overlapping" = 0 ] \
  && [[ "${FAILOVERS[*]}" != *never* ]] \
  && echo "cluster test: OK" || { echo "cluster test: FAILED"; exit 1; }

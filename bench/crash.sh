#!/usr/bin/env bash
# Crash test: under write load, kill the service with SIGKILL, restart it on the same data, and check
# that every receipt that got a 201 is there, nothing is counted twice, the counts match a fresh
# rebuild and the audit chains verify. Also proves the restart over an orphaned embedded PostgreSQL.
# Usage: bash bench/crash.sh   (about 2 minutes; needs only Java, Maven and curl)
source "$(dirname "$0")/service.sh"
WORK=$(mktemp -d)
PORT=18090
start() {
  start_service $PORT target/crash-app.log --petition.db.data-dir="$WORK/postgres"
}
start
echo "writing under load, then kill -9"
for c in $(seq 1 8); do
  ( while true; do
      out=$(curl -s -m 5 -u officer:officer -H 'Content-Type: application/json' -X POST \
        http://127.0.0.1:$PORT/api/petitions -w '\n%{http_code}' \
        -d '{"receivedOn":"2024-05-02","channel":"POST","kind":"FEEDBACK","field":"Crash","summary":"x","petitioners":[]}' || true)
      code=$(echo "$out" | tail -1)
      if [ "$code" = "201" ]; then echo "$out" | head -1 | sed 's/.*"id":"\([^"]*\)".*/\1/' >> "$WORK/acked.$c"; fi
    done ) &
done
sleep 12
kill -9 $APP
sleep 1
jobs -p | xargs -r kill 2>/dev/null || true
sleep 1
cat "$WORK"/acked.* > "$WORK/acked"
ACKED=$(wc -l < "$WORK/acked")
echo "acknowledged before the kill: $ACKED"
start
missing=0
while read -r id; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -u inspector:inspector http://127.0.0.1:$PORT/api/petitions/$id)
  [ "$code" = "200" ] || { missing=$((missing+1)); echo "missing: $id"; }
done < "$WORK/acked"
for _ in $(seq 1 60); do
  received=$(curl -s -u inspector:inspector "http://127.0.0.1:$PORT/api/counts?from=2024-05-02&to=2024-05-02" | sed 's/.*"received":\([0-9]*\).*/\1/')
  stored=$(curl -s -u inspector:inspector "http://127.0.0.1:$PORT/api/petitions?from=2024-05-02&to=2024-05-02&size=1" | sed 's/.*"total":\([0-9]*\).*/\1/')
  [ "$received" = "$stored" ] && break; sleep 1
done
verify=$(verify_counts $PORT)
chains=$(verify_chains $PORT)
kill $APP; wait $APP 2>/dev/null || true
echo "acknowledged $ACKED, missing after restart $missing, stored $stored, counted $received, counts vs rebuild $verify, audit chains $chains"
[ "$missing" = 0 ] && [ "$received" = "$stored" ] && [ "$stored" -ge "$ACKED" ] && [ "$verify" = MATCH ] && [ "$chains" = OK ] \
  && echo "crash test: OK" || { echo "crash test: FAILED"; exit 1; }

#!/usr/bin/env bash
# Database-restart test: under write load, stop PostgreSQL and start it again. While it is down the
# service answers 503 (never 500); afterwards it recovers by itself, and every receipt that got a
# 201 is there and counted once. Usage: bash bench/db-restart.sh   (about 2 minutes)
source "$(dirname "$0")/service.sh"
WORK=$(mktemp -d)
LOADERS=()
PORT=18091
PG_PORT=54331
trap 'kill ${APP:-} ${LOADERS[*]:-} 2>/dev/null || true; pkill -f "$WORK/postgres" 2>/dev/null || true' EXIT
: > target/db-restart-app.log
start_service $PORT target/db-restart-app.log --petition.db.data-dir="$WORK/postgres" --petition.db.embedded-port=$PG_PORT

for c in $(seq 1 4); do
  ( for _ in $(seq 1 100000); do
      out=$(curl -s -m 10 -u officer:officer -H 'Content-Type: application/json' -X POST \
        http://127.0.0.1:$PORT/api/petitions -w '\n%{http_code}' \
        -d '{"receivedOn":"2024-05-09","channel":"POST","kind":"FEEDBACK","field":"Restart","summary":"x","petitioners":[]}' || true)
      code=$(echo "$out" | tail -1)
      echo "$code" >> "$WORK/codes.$c"
      [ "$code" = "201" ] && echo "$out" | head -1 | sed 's/.*"id":"\([^"]*\)".*/\1/' >> "$WORK/acked.$c"
      [ -f "$WORK/stop" ] && break
    done ) &
  LOADERS+=($!)
done
sleep 5
# pg_ctl refuses to run as root; the embedded server is stopped with its fast-shutdown signal and
# started again with the command line it was first started with (postmaster.opts).
OPTS=$(cat "$WORK/postgres/postmaster.opts")
PID=$(head -1 "$WORK/postgres/postmaster.pid")
echo "stopping PostgreSQL (pid $PID)"
kill -INT "$PID"
while kill -0 "$PID" 2>/dev/null; do sleep 0.2; done
sleep 6
echo "starting PostgreSQL again"
# The server refuses to start as root when started by hand: run it as nobody, owner of its data.
chmod 755 "$WORK"
chown -R nobody "$WORK/postgres"
eval "setsid runuser -u nobody -- $OPTS" > "$WORK/pg.log" 2>&1 &
sleep 12
touch "$WORK/stop"
wait "${LOADERS[@]}" 2>/dev/null || true
cat "$WORK"/codes.* | sort | uniq -c
cat "$WORK"/acked.* > "$WORK/acked"
ACKED=$(wc -l < "$WORK/acked")
fivehundreds=$(cat "$WORK"/codes.* | grep -c '^500$' || true)
unavailable=$(cat "$WORK"/codes.* | grep -c '^503$' || true)
missing=0
while read -r id; do
  code=$(curl -s -o /dev/null -w '%{http_code}' -u inspector:inspector http://127.0.0.1:$PORT/api/petitions/$id)
  [ "$code" = "200" ] || missing=$((missing+1))
done < "$WORK/acked"
for _ in $(seq 1 60); do
  received=$(curl -s -u inspector:inspector "http://127.0.0.1:$PORT/api/counts?from=2024-05-09&to=2024-05-09" | sed 's/.*"received":\([0-9]*\).*/\1/')
  stored=$(curl -s -u inspector:inspector "http://127.0.0.1:$PORT/api/petitions?from=2024-05-09&to=2024-05-09&size=1" | sed 's/.*"total":\([0-9]*\).*/\1/')
  [ "$received" = "$stored" ] && break; sleep 1
done
echo "acknowledged $ACKED, missing $missing, stored $stored, counted $received, 503 answers $unavailable, 500 answers $fivehundreds"
[ "$missing" = 0 ] && [ "$fivehundreds" = 0 ] && [ "$unavailable" -gt 0 ] && [ "$received" = "$stored" ] \
  && echo "database restart test: OK" || { echo "database restart test: FAILED"; exit 1; }

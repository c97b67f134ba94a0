#!/usr/bin/env bash
# The kill -9 drill: the hub on PostgreSQL takes a stream of N changes from the five source simulators
# (sales rows in a sales database, leasing exports in the inbox, the property API, membership events on
# the hub's queue, signed call-center webhooks; broken inputs included) plus the canonical file drop;
# in the middle of the stream its JVM is killed with SIGKILL and started again on the same base dir and
# database; the stream finishes, the hub drains, and the drill compares what the simulators delivered
# (their ledger, target/crash-drill/ledger.jsonl) with what the hub stored, printing expected and found:
# every source record exactly once, no fact doubled, watermarks and files resumed, quarantine = the
# broken inputs, nothing in AtriumDLQ. Exit status 1 when a check fails.
# Everything runs in target/crash-drill/: PostgreSQL on port 5637 (databases atrium and sales), WildFly
# base dir with port offset 370 (HTTP 8450, management 10360), the property API on 18370; every process
# the drill starts is stopped when it exits, failure included. Shared parts: bench/lib/drill.sh, bench/lib/compare.py.
# Usage: bench/crash-drill.sh [changes streamed, default 100000]
# Env: RATE (changes/s, all simulators together, default 100), KILL_AT (share of the stream after which
#      the JVM is killed, default 0.4), DOWN_SECONDS (how long the hub stays down, default 10),
#      DRAIN_TIMEOUT (seconds, default 3600),
#      PREPARED=1 (kill the JVM only while it holds a prepared transaction in the hub's database: from the kill's
#      moment on, it is frozen (SIGSTOP) and pg_prepared_xacts read until one is there, bench/lib/prepared.sh; after
#      the restart, the seconds until the restarted hub's recovery resolved it are printed)
# Builds nothing: needs ./mvnw -o -q -DskipTests package first (the EAR, the simulators' jar, WildFly in target/).
N=${1:-100000}
RATE=${RATE:-100}
KILL_AT=${KILL_AT:-0.4}
DOWN_SECONDS=${DOWN_SECONDS:-10}
DRAIN_TIMEOUT=${DRAIN_TIMEOUT:-3600}
DRILL=crash-drill OFFSET=370 PGPORT=5637 PROPERTY_PORT=18370
source "$(dirname "$0")/lib/drill.sh"
source "$(dirname "$0")/lib/prepared.sh"
prepared_count() { value "select count(*) from pg_prepared_xacts where database = 'atrium'"; }

stamp "drill of $N changes at $RATE/s; kill -9 after ${KILL_AT} of the stream; work dir $WORK"
prepare < /dev/null
start_stream

KILL_AFTER=$(python3 -c "print(round($N * $KILL_AT / $RATE))")
sleep "$KILL_AFTER"
JVM=$(cat "$BASE/server.pid")
# read through the server's management interface: before a freeze, which would leave it unanswered
DEPTHS=$(queue_depths)
if [ -n "${PREPARED:-}" ]; then
  catch_prepared "$JVM" "the hub's JVM" prepared_count
fi
stamp "kill -9 of the hub's JVM (PID $JVM), ${KILL_AFTER} s into the stream; the simulators' last status: $(simulators_status)"
echo "  at the kill: $DEPTHS messages in AtriumRecords, hub.in.membership, AtriumDLQ; $(value "select count(*) from source_record") source records, $(value "select count(*) from source_fact") facts, $(value "select count(*) from quarantined_item") quarantined items stored; $(prepared_count) prepared transactions"
kill -9 "$JVM"
while kill -0 "$JVM" 2>/dev/null || kill -0 "$SERVER" 2>/dev/null; do sleep 1; done
SERVER=
echo "  after the kill: $(prepared_count) prepared (in-doubt) transactions left in PostgreSQL"
sleep "$DOWN_SECONDS"
RESTARTED_AT=$(date +%s)
stamp "restarting the hub on the same base dir and database"
start_server "$BASE/server-2.out"
stamp "the hub is up again $(( $(date +%s) - RESTARTED_AT )) s after the restart; $(prepared_count) prepared transactions left"
until [ "$(prepared_count)" = 0 ]; do
  if (( $(date +%s) - RESTARTED_AT > DRAIN_TIMEOUT )); then echo "prepared transactions still left after $DRAIN_TIMEOUT s" >&2; break; fi
  sleep 1
done
stamp "$(prepared_count) prepared transactions left $(( $(date +%s) - RESTARTED_AT )) s after the restart"

wait_stream_complete
wait_drained
compare
stamp "done: ledger, server logs and what was compared are in $WORK"
exit $RESULT

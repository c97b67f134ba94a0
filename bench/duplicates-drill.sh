#!/usr/bin/env bash
# The duplicates drill: the hub on PostgreSQL takes a stream of N changes from the five source simulators, each of
# which delivers a share of its input a second time with the content it had: sales rows touched (updated_at moved,
# content unchanged) so that the poller reads them again, besides the re-read of its overlap window; leasing exports
# dropped again under the next name and rows of an export repeated in the next; property items served again on the
# next page with the same updatedAt, besides the re-read window; membership events sent twice; call-center tickets
# sent again with the same body and a new timestamp and signature. Then it compares the simulators' ledger with what
# the hub stored, printing expected and found: every source record exactly once, no fact doubled, no record announced
# by more change events than it had versions (the customer event history, by the record that caused each event),
# quarantine = only the broken inputs, nothing in AtriumDLQ. Exit status 1 when a check fails.
# Everything runs in target/duplicates-drill/: PostgreSQL on port 5638, WildFly with port offset 380 (HTTP 8460,
# management 10370), the property API on 18380; every process the drill starts is stopped when it exits.
# Usage: bench/duplicates-drill.sh [changes streamed, default 20000]
# Env: RATE (changes/s, default 100), SHARE (share of each source's input delivered again, default 0.2),
#      DRAIN_TIMEOUT (seconds, default 900)
# Builds nothing: needs ./mvnw -o -q -DskipTests package first.
N=${1:-20000}
RATE=${RATE:-100}
SHARE=${SHARE:-0.2}
DRAIN_TIMEOUT=${DRAIN_TIMEOUT:-900}
DRILL=duplicates-drill OFFSET=380 PGPORT=5638 PROPERTY_PORT=18380
source "$(dirname "$0")/lib/drill.sh"

stamp "duplicates drill: $N changes at $RATE/s, $SHARE of each source's input delivered again; work dir $WORK"
prepare < /dev/null
start_stream --sales-touch-rate "$SHARE" --leasing-redrop-rate "$SHARE" --leasing-repeated-row-rate "$SHARE" \
  --property-repeat-rate "$SHARE" --duplicate-rate "$SHARE" --ticket-resend-rate "$SHARE" --webhook-timestamps true
wait_stream_complete
wait_drained
echo "what the simulators say they did (sales: rows touched; leasing: exports dropped again, rows repeated; property:"
echo "answers by status, pages beginning with an item served before; membership: its steps, the events it sent again are"
echo "in the ledger; service: the hub's answers by status, its 202 duplicates included, and tickets sent again):"
echo "  $(simulators_status)"
compare --events
stamp "done: ledger, server logs and what was compared are in $WORK"
exit $RESULT

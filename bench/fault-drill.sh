#!/usr/bin/env bash
# The source-fault drill: the hub on PostgreSQL takes a stream of N changes from the five source simulators while
# the sources misbehave: the property API answers 30 % of requests with 429 (Retry-After: 1) or 503, besides its rate
# limit; the sales database (a PostgreSQL cluster of its own) is stopped for OUTAGE_SECONDS in the middle of the
# stream and started again; a share of the leasing exports is written slowly (half the rows, a pause, the rest, a
# pause, then the .done marker), so that the poller finds them half-written and without their marker. Meanwhile
# GET /hub/api/connectors is sampled every 5 s. Then it prints expected and found: every source record exactly once,
# no fact doubled (no gaps), quarantine = only the broken inputs; the sales polls during the outage (the server log)
# and the property API's requests per second (the simulator's counts) bounded, no busy loop; /connectors showing the
# sales fault with its reason while the database is down and the recovery after. Exit status 1 when a check fails.
# Everything runs in target/fault-drill/: PostgreSQL for the hub on port 5639 and for the sales database on 5640,
# WildFly with port offset 390 (HTTP 8470, management 10380), the property API on 18390; every process the drill
# starts is stopped when it exits, failure included.
# Usage: bench/fault-drill.sh [changes streamed, default 20000]
# Env: RATE (changes/s, default 100), OUTAGE_AT (share of the stream after which the sales database stops, default
#      0.4), OUTAGE_SECONDS (default 60), DRAIN_TIMEOUT (seconds, default 900)
# Builds nothing: needs ./mvnw -o -q -DskipTests package first.
N=${1:-20000}
RATE=${RATE:-100}
OUTAGE_AT=${OUTAGE_AT:-0.4}
OUTAGE_SECONDS=${OUTAGE_SECONDS:-60}
DRAIN_TIMEOUT=${DRAIN_TIMEOUT:-900}
DRILL=fault-drill OFFSET=390 PGPORT=5639 SALES_PGPORT=5640 PROPERTY_PORT=18390
source "$(dirname "$0")/lib/drill.sh"
SAMPLES=$WORK/connectors.samples
SAMPLER=
stop_sampler() { [ -n "$SAMPLER" ] && kill "$SAMPLER" 2>/dev/null; SAMPLER=; }
on_exit stop_sampler

stamp "source-fault drill: $N changes at $RATE/s; property API 30 % 429/503; sales database down ${OUTAGE_SECONDS} s after ${OUTAGE_AT} of the stream; slow leasing exports; work dir $WORK"
prepare <<PROPS
atrium.property.max-retry-wait-seconds=10
PROPS
start_stream --property-throttled-rate 0.15 --property-unavailable-rate 0.15 \
  --leasing-slow-write-rate 0.3 --leasing-write-pause-ms 3000
( while true; do echo "$(date -u +%FT%T.%3NZ) $(connectors)"; sleep 5; done ) >> "$SAMPLES" 2>/dev/null &
SAMPLER=$!

sleep "$(python3 -c "print(round($N * $OUTAGE_AT / $RATE))")"
OUTAGE_START=$(date -u +%FT%T.%3NZ)
stamp "stopping the sales database (PostgreSQL on port $SALES_PGPORT) for $OUTAGE_SECONDS s; the simulators' last status: $(simulators_status)"
pg_stop "$SALES_PGDATA"
sleep "$OUTAGE_SECONDS"
pg_start "$SALES_PGDATA"
OUTAGE_END=$(date -u +%FT%T.%3NZ)
stamp "the sales database is up again"

wait_stream_complete
wait_drained
stop_sampler
echo "  the simulators' last status: $(simulators_status)"
compare
GAPS=$RESULT

stamp "no busy loop, and /connectors showing the faults"
set +e
python3 - "$SAMPLES" "$WORK/simulators.out" "$OUTAGE_START" "$OUTAGE_END" "$BASE"/server-1.out <<'PY'
import json, re, sys
from datetime import datetime, timedelta, timezone
samples_file, simulators_out, start, end, server_log = sys.argv[1:]
parse = lambda text: datetime.fromisoformat(text.replace('Z', '+00:00')) if text else None
start, end = parse(start), parse(end)
failures = []
def row(check, expected, found, ok):
    print(f"  {'ok  ' if ok else 'FAIL'} {check:<58} expected {expected:<24} found {found}")
    if not ok:
        failures.append(check)

# the sales connector's poll attempts that failed while the database was down: each failed call of the SalesPolling bean
# on the sales timer's thread logs WFLYEJB0034 once (the first attempt of a poll and each of Camel's redeliveries); the
# server logs in UTC, as the drill's clock
attempts = 0
day = start.date()
for line in open(server_log, encoding='utf-8', errors='replace'):
    m = re.search(r"(\d\d:\d\d:\d\d,\d{3}) ERROR .*timer://sales-poll\) WFLYEJB0034", line)
    if m:
        at = datetime.strptime(f"{day} {m.group(1)}", "%Y-%m-%d %H:%M:%S,%f").replace(tzinfo=timezone.utc)
        attempts += start <= at <= end + timedelta(seconds=5)
seconds = (end - start).total_seconds()
row("sales: failed poll attempts during the outage", f"<= {int(seconds)} (1/s)", f"{attempts} in {seconds:.0f} s", 0 < attempts <= seconds)

# the property API's requests, from the simulator's status line every 10 s: "property 4000 [requests 812: 200 570, 429 160, 503 82]"
windows, previous = [], None
for line in open(simulators_out, encoding='utf-8'):
    m = re.search(r'property \d+ \[requests (\d+): ([^\]]*)\]', line)
    if m and re.match(r'\d\d:\d\d:\d\d ', line):
        total = int(m.group(1))
        if previous is not None:
            windows.append((total - previous) / 10)
        previous = total
        by_status = m.group(2)
print(f"       property API answers, whole run: {previous} requests ({by_status})")
row("property: requests per second, busiest 10 s", "<= 20 (its rate limit)", f"{max(windows):.1f} (mean {sum(windows) / len(windows):.1f})",
    max(windows) <= 20)

# /connectors as sampled: the state of sales and property whenever it changed
shown_fault = shown_recovery = None
last_state = {}
print("       /connectors, sampled every 5 s (only changes shown): time, source, failures, failingSince, recoveredAt, lastFailure")
for line in open(samples_file, encoding='utf-8'):
    at, _, body = line.partition(' ')
    try:
        sources = {s['source']: s for s in json.loads(body)['sources']}
    except (ValueError, KeyError):
        continue
    at = parse(at)
    for name in ('sales', 'property'):
        s = sources.get(name)
        if not s:
            continue
        state = (s.get('failures'), s.get('failingSince'), s.get('recoveredAt'))
        if state != last_state.get(name):
            last_state[name] = state
            print(f"       {at:%H:%M:%S} {name:<8} {s.get('failures')} {s.get('failingSince') or '-'} {s.get('recoveredAt') or '-'} "
                  f"{(s.get('lastFailure') or '-')[:110]}")
        if name == 'sales' and s.get('failingSince') and start <= at <= end + timedelta(seconds=30) and not shown_fault:
            shown_fault = (at, s.get('lastFailure'))
        if (name == 'sales' and at > end and not s.get('failingSince') and s.get('recoveredAt')
                and parse(s['recoveredAt']) > start and not shown_recovery):
            shown_recovery = at
row("sales: /connectors shows the fault while it lasts", "failingSince, a reason",
    f"from {shown_fault[0]:%H:%M:%S}: {shown_fault[1][:60]}" if shown_fault else "not shown", bool(shown_fault and shown_fault[1]))
row("sales: /connectors shows the recovery after", f"after {end:%H:%M:%S}", f"{shown_recovery:%H:%M:%S}" if shown_recovery else "not shown",
    bool(shown_recovery))
print(f"{len(failures)} check(s) failed" + (": " + "; ".join(failures) if failures else ""))
sys.exit(1 if failures else 0)
PY
FAULTS=$?
set -e
stamp "done: ledger, server logs, /connectors samples and what was compared are in $WORK"
[ "$GAPS" = 0 ] && [ "$FAULTS" = 0 ]

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
# the drill starts is stopped when it exits, failure included.
# Usage: bench/crash-drill.sh [changes streamed, default 100000]
# Env: RATE (changes/s, all simulators together, default 100), KILL_AT (share of the stream after which
#      the JVM is killed, default 0.4), DOWN_SECONDS (how long the hub stays down, default 10),
#      DRAIN_TIMEOUT (seconds, default 3600)
# Builds nothing: needs ./mvnw -o -q -DskipTests package first (the EAR, the simulators' jar, WildFly in target/).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
RATE=${RATE:-100}
KILL_AT=${KILL_AT:-0.4}
DOWN_SECONDS=${DOWN_SECONDS:-10}
DRAIN_TIMEOUT=${DRAIN_TIMEOUT:-3600}
ROOT=$PWD
WILDFLY=$ROOT/target/wildfly-39.0.1.Final
WORK=$ROOT/target/crash-drill
BASE=$WORK/server
LEDGER=$WORK/ledger.jsonl
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
PGDATA=$WORK/pgdata
PGPORT=5637
OFFSET=370
HTTP_PORT=$((8080 + OFFSET))
MANAGEMENT=127.0.0.1:$((9990 + OFFSET))
PROPERTY_PORT=18370
API=http://127.0.0.1:$HTTP_PORT/hub/api
INBOX=$BASE/data/atrium/inbox
stamp() { echo "[$(date -u +%T)] $*"; }
psql_() { runuser -u postgres -- "$PGBIN/psql" -h 127.0.0.1 -p $PGPORT -X -q -v ON_ERROR_STOP=1 "$@"; }
value() { psql_ -U postgres -d atrium -A -t -c "$1"; }

for needed in ear/target/atrium.ear simulators/target/atrium-simulators.jar "$WILDFLY/bin/standalone.sh"; do
  [ -e "$needed" ] || { echo "$needed is missing: build first (./mvnw -o -q -DskipTests package)" >&2; exit 2; }
done
if [ -z "$PGBIN" ]; then
  stamp "installing Debian's PostgreSQL"
  apt-get install -y -q postgresql > /dev/null
  PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

SERVER=
SIMULATORS=
# Stops the server: its process group, and its JVM by the PID it wrote (the JVM may have left the group's
# wrapper behind); waits until both are gone, SIGKILL after a minute.
stop_server() {
  local jvm waited=0
  jvm=$(cat "$BASE/server.pid" 2>/dev/null || true)
  [ -n "$SERVER" ] && kill -- -"$SERVER" 2>/dev/null || true
  [ -n "$jvm" ] && kill "$jvm" 2>/dev/null || true
  while { [ -n "$SERVER" ] && kill -0 "$SERVER" 2>/dev/null; } || { [ -n "$jvm" ] && kill -0 "$jvm" 2>/dev/null; }; do
    sleep 1
    if (( ++waited == 60 )); then [ -n "$jvm" ] && kill -9 "$jvm" 2>/dev/null || true; fi
  done
  SERVER=
}
cleanup() {
  local status=$?
  if [ -n "$SIMULATORS" ]; then
    kill "$SIMULATORS" 2>/dev/null || true
    while kill -0 "$SIMULATORS" 2>/dev/null; do sleep 1; done
  fi
  stop_server
  [ -f "$PGDATA/postmaster.pid" ] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop > /dev/null || true
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start_server() { # log file
  JBOSS_HOME=$WILDFLY JBOSS_PIDFILE=$BASE/server.pid LAUNCH_JBOSS_IN_BACKGROUND=true JBOSS_JAVA_SIZING="-Xms512m -Xmx2g" \
    setsid "$WILDFLY/bin/standalone.sh" -c standalone-full.xml -Djboss.server.base.dir="$BASE" \
    -Djboss.socket.binding.port-offset=$OFFSET -P "$ROOT/config/atrium.properties" -P "$WORK/hub.properties" > "$1" 2>&1 &
  SERVER=$!
  local start=$SECONDS
  until curl -sf "$API/health" > /dev/null; do
    sleep 2
    if ! kill -0 "$SERVER" 2>/dev/null || [ -e "$BASE/deployments/atrium.ear.failed" ] || (( SECONDS - start > 600 )); then
      echo "the hub did not start: see $1" >&2; exit 1
    fi
  done
}
cli() { JBOSS_HOME=$WILDFLY "$WILDFLY/bin/jboss-cli.sh" -c --controller="$MANAGEMENT" "$@" 2>/dev/null; }
queue_depths() { # prints "AtriumRecords hub.in.membership AtriumDLQ" message counts
  cli --commands="$(for queue in AtriumRecords hub.in.membership AtriumDLQ; do
      printf '/subsystem=messaging-activemq/server=default/jms-queue=%s:read-attribute(name=message-count)\n' "$queue"; done | paste -sd,)" \
    | sed -n 's/.*"result" => \([0-9]*\)L.*/\1/p' | xargs
}

stamp "drill of $N changes at $RATE/s; kill -9 after ${KILL_AT} of the stream; work dir $WORK"
if [ -f "$WORK/pgdata/postmaster.pid" ]; then runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop > /dev/null || true; fi
rm -rf "$WORK" && mkdir -p "$WORK" "$PGDATA"
: > "$WORK/postgresql.log" && chown postgres: "$PGDATA" "$WORK/postgresql.log"
runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --no-locale > "$WORK/initdb.log"
cat >> "$PGDATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$PGDATA'
shared_buffers = 512MB
max_prepared_transactions = 64
CONF
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -l "$WORK/postgresql.log" -w start > /dev/null
psql_ -U postgres -c "create role atrium login password 'drill'" -c "create database atrium owner atrium" \
  -c "create role sales login password 'drill'" -c "create database sales owner sales"
stamp "PostgreSQL $(basename "$(dirname "$PGBIN")") on port $PGPORT (databases atrium and sales)"

mkdir -p "$BASE/deployments" "$INBOX/leasing" "$INBOX/canonical"
cp -r "$WILDFLY/standalone/configuration" "$BASE/"
JBOSS_HOME=$WILDFLY bash "$ROOT/config/cli/add-demo-users.sh" "$BASE/configuration" > /dev/null
# deployments another run made through the management API are not ours (their content is not copied)
sed -i '/<deployments>/,/<\/deployments>/d' "$BASE/configuration/standalone-full.xml"
cp ear/target/atrium.ear "$BASE/deployments/"
cat > "$WORK/hub.properties" <<PROPS
atrium.db.driver=postgresql
atrium.db.url=jdbc:postgresql://127.0.0.1:$PGPORT/atrium
atrium.db.user=atrium
atrium.db.password=drill
atrium.sales.enabled=true
atrium.sales.db.driver=postgresql
atrium.sales.db.url=jdbc:postgresql://127.0.0.1:$PGPORT/sales
atrium.sales.db.user=sales
atrium.sales.db.password=drill
atrium.sales.poll-period=2000
atrium.leasing.poll-delay=1000
atrium.property.enabled=true
atrium.property.base-url=http://127.0.0.1:$PROPERTY_PORT
atrium.property.api-key=drill-api-key
atrium.property.poll-period=5000
atrium.service.webhook-secret=drill-webhook-secret
PROPS
stamp "starting the hub (HTTP $HTTP_PORT)"
start_server "$BASE/server-1.out"
cp config/demo/records.jsonl "$INBOX/canonical/drill-records.jsonl"

stamp "starting the simulators: $N changes, ledger $LEDGER"
java -jar simulators/target/atrium-simulators.jar demo --seed 1 --rate "$RATE" --records "$N" --ledger "$LEDGER" \
  --hub "http://127.0.0.1:$HTTP_PORT/hub" --webhook-secret drill-webhook-secret \
  --sales-url "jdbc:postgresql://127.0.0.1:$PGPORT/sales" --sales-user sales --sales-password drill \
  --leasing-dir "$INBOX/leasing" \
  --property-port $PROPERTY_PORT --property-api-key drill-api-key \
  --membership-url "tcp://127.0.0.1:$HTTP_PORT?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor" \
  > "$WORK/simulators.out" 2>&1 &
SIMULATORS=$!
until grep -qs '^demo:' "$WORK/simulators.out"; do
  sleep 1
  kill -0 "$SIMULATORS" 2>/dev/null || { echo "the simulators did not start: see $WORK/simulators.out" >&2; exit 1; }
done

KILL_AFTER=$(python3 -c "print(round($N * $KILL_AT / $RATE))")
sleep "$KILL_AFTER"
JVM=$(cat "$BASE/server.pid")
DEPTHS=$(queue_depths)
stamp "kill -9 of the hub's JVM (PID $JVM), ${KILL_AFTER} s into the stream; the simulators' last status: $(grep -v '^demo' "$WORK/simulators.out" | tail -1)"
echo "  at the kill: $DEPTHS messages in AtriumRecords, hub.in.membership, AtriumDLQ; $(value "select count(*) from source_record") source records, $(value "select count(*) from source_fact") facts, $(value "select count(*) from quarantined_item") quarantined items stored; $(value "select count(*) from pg_prepared_xacts") prepared transactions"
kill -9 "$JVM"
while kill -0 "$JVM" 2>/dev/null || kill -0 "$SERVER" 2>/dev/null; do sleep 1; done
SERVER=
echo "  after the kill: $(value "select count(*) from pg_prepared_xacts") prepared (in-doubt) transactions left in PostgreSQL"
sleep "$DOWN_SECONDS"
stamp "restarting the hub on the same base dir and database"
start_server "$BASE/server-2.out"
stamp "the hub is up again; $(value "select count(*) from pg_prepared_xacts") prepared transactions left"

until grep -q '^stream complete' "$WORK/simulators.out"; do
  sleep 5
  kill -0 "$SIMULATORS" 2>/dev/null || { echo "the simulators stopped: see $WORK/simulators.out" >&2; exit 1; }
done
stamp "$(grep '^stream complete' "$WORK/simulators.out")"

stamp "waiting for the hub to drain (queues empty, inbox empty, watermarks at the sources' last change, counts steady)"
watermarks_due() { # prints the number of connectors whose watermark is behind their source's last change
  python3 - "$LEDGER" "$1" "$2" "$3" "$4" "$5" <<'PY'
import json, sys
from datetime import datetime
ledger, sales_customer, sales_contract, due_customer, due_contract, property_progress = sys.argv[1:]
behind = 0
for mark, due in ((sales_customer, due_customer), (sales_contract, due_contract)):
    behind += bool(due) and (not mark or datetime.fromisoformat(mark.split('|')[0]) < datetime.fromisoformat(due))
last = {}
for line in open(ledger, encoding='utf-8'):
    item = json.loads(line)
    if item['kind'] == 'last_change':
        last[item['type']] = datetime.fromisoformat(item['id'])
progress = dict(p.split('=', 1) for p in property_progress.split() if '=' in p)
for collection, time in last.items():
    seen = progress.get('property:' + collection)
    behind += seen is None or datetime.fromisoformat(seen.replace('Z', '+00:00')) < time
print(int(behind))
PY
}
sales_max() { runuser -u postgres -- "$PGBIN/psql" -h 127.0.0.1 -p $PGPORT -X -A -t -U postgres -d sales \
  -c "select coalesce(to_char(max(updated_at), 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), '') from $1" | sed 's/\.\?0*$//'; }
progress() { value "select coalesce(max(progress_value), '') from connector_progress where progress_key = '$1'"; }
start=$SECONDS
previous=
while true; do
  depths=$(queue_depths)
  counts="$(value "select (select count(*) from source_record) || ' ' || (select count(*) from source_fact) || ' ' || (select count(*) from quarantined_item)")"
  csvs=$(find "$INBOX/leasing" -maxdepth 1 -name 'tenants_*.csv' | wc -l)
  behind=$(watermarks_due "$(progress sales:sales_customer)" "$(progress sales:sales_contract)" \
    "$(sales_max sales_customer)" "$(sales_max sales_contract)" \
    "$(value "select string_agg(progress_key || '=' || progress_value, ' ') from connector_progress where progress_key like 'property:%'")")
  echo "  queues (records, membership, DLQ): $depths; records, facts, quarantined: $counts; leasing files waiting: $csvs; watermarks behind: $behind"
  set -- $depths
  if [ "${1:-1}" = 0 ] && [ "${2:-1}" = 0 ] && [ "$csvs" = 0 ] && [ "$behind" = 0 ] && [ "$counts" = "$previous" ]; then break; fi
  previous=$counts
  if (( SECONDS - start > DRAIN_TIMEOUT )); then echo "the hub did not drain in $DRAIN_TIMEOUT s; comparing what is there" >&2; break; fi
  sleep 15
done
stamp "drained in $((SECONDS - start)) s"

# what the hub stored, for the comparison (ids, positions and reasons; payloads only of property items, for their identity)
value "copy (select source, source_id from source_record) to stdout with csv" > "$WORK/found-records.csv"
value "copy (select source, fact_type, fact_id from source_fact) to stdout with csv" > "$WORK/found-facts.csv"
value "copy (select source, position, reason, case when source = 'property' then payload end from quarantined_item) to stdout with csv" > "$WORK/found-quarantine.csv"
value "copy (select progress_key, progress_value from connector_progress where progress_key not like 'service-delivery:%') to stdout with csv" > "$WORK/found-progress.csv"
find "$INBOX/leasing" -type f -name '*tenants_*.csv' | sed "s|^$INBOX/leasing/||" > "$WORK/found-leasing-files.txt"
DLQ=$(queue_depths | awk '{print $3}')
SALES_WATERMARKS="$(progress sales:sales_customer) $(progress sales:sales_contract)"
SALES_LAST="$(sales_max sales_customer) $(sales_max sales_contract)"

stamp "expected (the simulators' ledger) and found (the hub's database)"
set +e
python3 - "$WORK" "$ROOT/config/demo/records.jsonl" "$DLQ" "$SALES_WATERMARKS" "$SALES_LAST" <<'PY'
import csv, json, re, sys
from collections import Counter
from datetime import datetime
work, canonical_file, dlq, sales_watermarks, sales_last = sys.argv[1:]
SOURCES = ['sales', 'leasing', 'property', 'membership', 'service']
failures = []
def row(check, expected, found, ok):
    print(f"  {'ok  ' if ok else 'FAIL'} {check:<58} expected {expected:<24} found {found}")
    if not ok:
        failures.append(check)

records, facts, broken, last = set(), set(), [], {}
for line in open(f"{work}/ledger.jsonl", encoding='utf-8'):
    item = json.loads(line)
    if item['kind'] == 'record':
        records.add((item['source'], item['id']))
    elif item['kind'] == 'fact':
        facts.add((item['source'], item['type'], item['id']))
    elif item['kind'] == 'broken':
        broken.append((item['source'], item['type'], item['id']))
    elif item['kind'] == 'last_change':
        last[item['type']] = item['id']
canonical = [json.loads(line) for line in open(canonical_file, encoding='utf-8') if line.strip()]
records |= {(r['source'], r['sourceId']) for r in canonical}

found_records = Counter(tuple(r) for r in csv.reader(open(f"{work}/found-records.csv", encoding='utf-8')))
found_facts = Counter(tuple(r) for r in csv.reader(open(f"{work}/found-facts.csv", encoding='utf-8')))
quarantine = list(csv.reader(open(f"{work}/found-quarantine.csv", encoding='utf-8')))
progress = dict(csv.reader(open(f"{work}/found-progress.csv", encoding='utf-8')))

print("source records: every (source, sourceId) delivered, exactly once")
for source in SOURCES + ['canonical drop']:
    mine = {r for r in records if r[0] == source} if source != 'canonical drop' else {r for r in records if r[0] not in SOURCES}
    stored = {r: n for r, n in found_records.items() if (r[0] == source if source != 'canonical drop' else r[0] not in SOURCES)}
    missing, extra = mine - set(stored), set(stored) - mine
    doubled = sum(n - 1 for n in stored.values())
    row(f"{source}: records", f"{len(mine):,}", f"{len(stored):,} (missing {len(missing)}, unexpected {len(extra)}, doubled {doubled})",
        not missing and not extra and not doubled)
    for r in sorted(missing)[:10]:
        print(f"       missing {r[0]} {r[1]}")
    for r in sorted(extra)[:10]:
        print(f"       unexpected {r[0]} {r[1]}")

print("facts: every (source, type, factId) delivered, none doubled")
for source in SOURCES:
    for kind in sorted({f[1] for f in facts if f[0] == source}):
        mine = {f for f in facts if f[0] == source and f[1] == kind}
        stored = {f: n for f, n in found_facts.items() if f[0] == source and f[1] == kind}
        missing, extra = mine - set(stored), set(stored) - mine
        doubled = sum(n - 1 for n in stored.values())
        row(f"{source}: {kind} facts", f"{len(mine):,}", f"{len(stored):,} (missing {len(missing)}, unexpected {len(extra)}, doubled {doubled})",
            not missing and not extra and not doubled)
        for f in sorted(missing)[:10]:
            print(f"       missing {' '.join(f)}")

print("watermarks and files resumed")
for table, mark, due in zip(['sales_customer', 'sales_contract'], sales_watermarks.split(), sales_last.split()):
    row(f"sales {table}: watermark at the last row", due, mark.split('|')[0],
        datetime.fromisoformat(mark.split('|')[0]) >= datetime.fromisoformat(due))
for collection, due in sorted(last.items()):
    mark = progress.get('property:' + collection, '')
    ok = bool(mark) and datetime.fromisoformat(mark.replace('Z', '+00:00')) >= datetime.fromisoformat(due)
    row(f"property {collection}: watermark at the last change", due, mark or 'none', ok)
processed = {k.split(':', 1)[1]: v for k, v in progress.items() if k.startswith('leasing-file:')}
exports = sorted(set(open(f"{work}/found-leasing-files.txt").read().split()))
names = Counter(re.sub(r'^\.processed/\d{17}-', '', e) for e in exports)
left = [e for e in exports if not e.startswith('.processed/')]
done = {name for name, state in processed.items() if state.startswith('done')}
row("leasing: export files processed exactly once", f"{len(names):,} files written",
    f"{len(done):,} marked done, {sum(n for n in names.values() if n > 1)} read twice, {len(left)} left in the inbox",
    bool(names) and done == set(names) and not left and all(n == 1 for n in names.values()))

print("quarantine: the broken inputs, each once")
by_source = Counter(q[0] for q in quarantine)
for source in SOURCES:
    mine = [b for b in broken if b[0] == source]
    stored = [q for q in quarantine if q[0] == source]
    if source == 'leasing':
        expected = Counter(b[2] for b in mine)
        found = Counter(q[1].rsplit('/', 1)[-1] for q in stored)
        row("leasing: broken rows quarantined", f"{len(mine):,}", f"{len(stored):,} (missing {sum((expected - found).values())}, "
            f"twice or more {sum((found - expected).values())})", expected == found)
        for position, n in sorted((found - expected).items())[:10]:
            print(f"       quarantined again: {position}")
    elif source == 'property':
        # an item the API changes again is read and quarantined again: identity is the item without what changes
        identity = lambda payload: json.dumps({k: v for k, v in json.loads(payload).items()
                                               if k not in ('updatedAt', 'arrears', 'closedAt', 'rating')}, sort_keys=True)
        distinct = {identity(q[3]) for q in stored}
        row("property: broken items quarantined (distinct items)", f"{len(mine):,}",
            f"{len(distinct):,} ({len(stored):,} quarantine rows: a broken item changed again is read again)", len(distinct) == len(mine))
    else:
        row(f"{source}: broken inputs quarantined", f"{len(mine):,}", f"{len(stored):,}", len(stored) == len(mine))
others = {s: n for s, n in by_source.items() if s not in SOURCES}
row("canonical drop and others: quarantined", "0", str(sum(others.values())), not others)
for q in quarantine:
    if q[0] in SOURCES and q[0] not in ('leasing', 'property', 'service'):
        print(f"       {q[0]} quarantined: {q[2]}")
reasons = Counter((q[0], re.sub(r'\d+', 'N', q[2])) for q in quarantine)
for (source, reason), n in sorted(reasons.items()):
    print(f"       {n:>6} {source}: {reason}")

print("dead letters")
row("AtriumDLQ: messages parked", "0", dlq or 'unknown', dlq == '0')
print(f"{len(failures)} check(s) failed" + (": " + "; ".join(failures) if failures else ""))
sys.exit(1 if failures else 0)
PY
RESULT=$?
set -e
if [ "${DLQ:-0}" != 0 ]; then
  echo "why messages were parked (server log lines about AtriumDLQ, without payloads):"
  grep -h -o 'AMQ[0-9]*.*AtriumDLQ.*' "$BASE"/server-*.out | cut -c1-200 | sort | uniq -c | head -20
fi
stamp "done: ledger, server logs and what was compared are in $WORK"
exit $RESULT

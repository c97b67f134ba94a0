# Shared by the drills (bench/crash-drill.sh, bench/duplicates-drill.sh, bench/fault-drill.sh); sourced, not run.
# Before sourcing, a drill sets DRILL (its work dir under target/), OFFSET (WildFly's port offset), PGPORT (its
# PostgreSQL) and PROPERTY_PORT (the property API simulator). It gets: a private PostgreSQL with the hub's database
# (and the sales database, unless SALES_PGPORT names a second cluster for it), a WildFly base dir with every
# connector on, the simulators writing a ledger, the wait until the hub drained, what the hub stored exported to CSV,
# and the comparison (bench/lib/compare.py). Every process started here is stopped when the drill exits, failure
# included; a drill adds its own to stop with on_exit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$PWD
WILDFLY=$ROOT/target/wildfly-39.0.1.Final
WORK=$ROOT/target/$DRILL
BASE=$WORK/server
LEDGER=$WORK/ledger.jsonl
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
PGDATA=$WORK/pgdata
SALES_PGPORT=${SALES_PGPORT:-$PGPORT}
SALES_PGDATA=$WORK/pgdata-sales
HTTP_PORT=$((8080 + OFFSET))
MANAGEMENT=127.0.0.1:$((9990 + OFFSET))
API=http://127.0.0.1:$HTTP_PORT/hub/api
INBOX=$BASE/data/atrium/inbox
CANONICAL_RECORDS=$ROOT/config/demo/records.jsonl
stamp() { echo "[$(date -u +%T)] $*"; }
psql_() { runuser -u postgres -- "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -X -q -v ON_ERROR_STOP=1 "$@"; }
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
EXIT_HOOKS=()
on_exit() { EXIT_HOOKS+=("$1"); }
source "$ROOT/bench/lib/server.sh"
pg_stop() { # data dir
  [ -f "$1/postmaster.pid" ] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$1" -m fast -w stop > /dev/null || true
}
pg_start() { # data dir
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$1" -l "$1.log" -w start > /dev/null
}
cleanup() {
  local status=$? hook
  for hook in "${EXIT_HOOKS[@]}"; do $hook || true; done
  if [ -n "$SIMULATORS" ]; then
    kill "$SIMULATORS" 2>/dev/null || true
    while kill -0 "$SIMULATORS" 2>/dev/null; do sleep 1; done
  fi
  stop_server
  pg_stop "$PGDATA"
  pg_stop "$SALES_PGDATA"
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

pg_cluster() { # data dir, port: a new cluster, started
  mkdir -p "$1" && : > "$1.log" && chown postgres: "$1" "$1.log"
  runuser -u postgres -- "$PGBIN/initdb" -D "$1" -U postgres -A trust -E UTF8 --no-locale > "$1.initdb.log"
  cat >> "$1/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $2
unix_socket_directories = '$1'
shared_buffers = 512MB
max_prepared_transactions = 64
max_locks_per_transaction = 256  # the key locks are advisory locks (README, PostgreSQL)
CONF
  pg_start "$1"
}

# A fresh work dir, PostgreSQL with the databases atrium and sales, the hub's base dir and settings
# (hub.properties, plus the lines a drill passes on stdin).
prepare() {
  pg_stop "$PGDATA"; pg_stop "$SALES_PGDATA"
  rm -rf "$WORK" && mkdir -p "$WORK"
  pg_cluster "$PGDATA" "$PGPORT"
  psql_ -U postgres -c "create role atrium login password 'drill'" -c "create database atrium owner atrium"
  if [ "$SALES_PGPORT" != "$PGPORT" ]; then pg_cluster "$SALES_PGDATA" "$SALES_PGPORT"; fi
  runuser -u postgres -- "$PGBIN/psql" -h 127.0.0.1 -p "$SALES_PGPORT" -X -q -v ON_ERROR_STOP=1 -U postgres \
    -c "create role sales login password 'drill'" -c "create database sales owner sales"
  stamp "PostgreSQL $(basename "$(dirname "$PGBIN")"): atrium on port $PGPORT, sales on port $SALES_PGPORT"

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
atrium.sales.db.url=jdbc:postgresql://127.0.0.1:$SALES_PGPORT/sales
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
  cat >> "$WORK/hub.properties"
}

start_server() { # log file
  JBOSS_JAVA_SIZING="-Xms512m -Xmx2g" launch_server "$1" -Djboss.socket.binding.port-offset=$OFFSET \
    -P "$ROOT/config/atrium.properties" -P "$WORK/hub.properties"
  await_hub "$API" "$1"
}
cli() { JBOSS_HOME=$WILDFLY "$WILDFLY/bin/jboss-cli.sh" -c --controller="$MANAGEMENT" "$@" 2>/dev/null; }
queue_depths() { # prints "AtriumRecords hub.in.membership AtriumDLQ" message counts
  cli --commands="$(for queue in AtriumRecords hub.in.membership AtriumDLQ; do
      printf '/subsystem=messaging-activemq/server=default/jms-queue=%s:read-attribute(name=message-count)\n' "$queue"; done | paste -sd,)" \
    | sed -n 's/.*"result" => \([0-9]*\)L.*/\1/p' | xargs
}
connectors() { curl -s -u operator:'operator-pass1!' "$API/connectors"; }

# The hub up, the canonical drop's sample records dropped once, the simulators streaming N changes at RATE
# (the options every drill shares, then the drill's own, given as arguments).
start_stream() {
  stamp "starting the hub (HTTP $HTTP_PORT)"
  start_server "$BASE/server-1.out"
  cp "$CANONICAL_RECORDS" "$INBOX/canonical/drill-records.jsonl"
  stamp "starting the simulators: $N changes at $RATE/s, ledger $LEDGER"
  java -jar simulators/target/atrium-simulators.jar demo --seed 1 --rate "$RATE" --records "$N" --ledger "$LEDGER" \
    --hub "http://127.0.0.1:$HTTP_PORT/hub" --webhook-secret drill-webhook-secret \
    --sales-url "jdbc:postgresql://127.0.0.1:$SALES_PGPORT/sales" --sales-user sales --sales-password drill \
    --leasing-dir "$INBOX/leasing" \
    --property-port "$PROPERTY_PORT" --property-api-key drill-api-key \
    --membership-url "tcp://127.0.0.1:$HTTP_PORT?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor" \
    "$@" > "$WORK/simulators.out" 2>&1 &
  SIMULATORS=$!
  until grep -qs '^demo:' "$WORK/simulators.out"; do
    sleep 1
    kill -0 "$SIMULATORS" 2>/dev/null || { echo "the simulators did not start: see $WORK/simulators.out" >&2; exit 1; }
  done
}
simulators_status() { grep -v '^demo' "$WORK/simulators.out" | grep -v '^stream complete' | tail -1; }

wait_stream_complete() {
  until grep -q '^stream complete' "$WORK/simulators.out"; do
    sleep 5
    kill -0 "$SIMULATORS" 2>/dev/null || { echo "the simulators stopped: see $WORK/simulators.out" >&2; exit 1; }
  done
  stamp "$(grep '^stream complete' "$WORK/simulators.out")"
}

sales_max() { runuser -u postgres -- "$PGBIN/psql" -h 127.0.0.1 -p "$SALES_PGPORT" -X -A -t -U postgres -d sales \
  -c "select coalesce(to_char(max(updated_at), 'YYYY-MM-DD\"T\"HH24:MI:SS.US'), '') from $1" | sed 's/\.\?0*$//'; }
progress() { value "select coalesce(max(progress_value), '') from connector_progress where progress_key = '$1'"; }
watermarks_due() { # prints the number of connectors whose watermark is behind their source's last change
  python3 - "$LEDGER" "$(progress sales:sales_customer)" "$(progress sales:sales_contract)" \
    "$(sales_max sales_customer)" "$(sales_max sales_contract)" \
    "$(value "select string_agg(progress_key || '=' || progress_value, ' ') from connector_progress where progress_key like 'property:%'")" <<'PY'
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

# Waits until the hub drained: queues empty, inbox empty, watermarks at the sources' last change, counts steady.
wait_drained() {
  stamp "waiting for the hub to drain (queues empty, inbox empty, watermarks at the sources' last change, counts steady)"
  local start=$SECONDS previous= depths counts csvs behind
  while true; do
    depths=$(queue_depths)
    counts="$(value "select (select count(*) from source_record) || ' ' || (select count(*) from source_fact) || ' ' || (select count(*) from quarantined_item)")"
    csvs=$(find "$INBOX/leasing" -maxdepth 1 -name 'tenants_*.csv' | wc -l)
    behind=$(watermarks_due)
    echo "  queues (records, membership, DLQ): $depths; records, facts, quarantined: $counts; leasing files waiting: $csvs; watermarks behind: $behind"
    set -- $depths
    if [ "${1:-1}" = 0 ] && [ "${2:-1}" = 0 ] && [ "$csvs" = 0 ] && [ "$behind" = 0 ] && [ "$counts" = "$previous" ]; then break; fi
    previous=$counts
    if (( SECONDS - start > DRAIN_TIMEOUT )); then echo "the hub did not drain in $DRAIN_TIMEOUT s; comparing what is there" >&2; break; fi
    sleep 15
  done
  stamp "drained in $((SECONDS - start)) s"
}

# What the hub stored, for the comparison (ids, positions and reasons; payloads only of property items, for their
# identity; change events by the record that caused them), then expected and found. Extra arguments go to compare.py.
compare() {
  value "copy (select source, source_id from source_record) to stdout with csv" > "$WORK/found-records.csv"
  value "copy (select source, fact_type, fact_id from source_fact) to stdout with csv" > "$WORK/found-facts.csv"
  value "copy (select source, position, reason, case when source = 'property' then payload end from quarantined_item) to stdout with csv" > "$WORK/found-quarantine.csv"
  value "copy (select progress_key, progress_value from connector_progress where progress_key not like 'service-delivery:%') to stdout with csv" > "$WORK/found-progress.csv"
  value "copy (select source, source_id, type, count(*) from customer_event where source is not null group by source, source_id, type) to stdout with csv" > "$WORK/found-events.csv"
  find "$INBOX/leasing" -type f -name '*tenants_*.csv' | sed "s|^$INBOX/leasing/||" > "$WORK/found-leasing-files.txt"
  DLQ=$(queue_depths | awk '{print $3}')
  stamp "expected (the simulators' ledger) and found (the hub's database)"
  set +e
  python3 "$ROOT/bench/lib/compare.py" --work "$WORK" --canonical "$CANONICAL_RECORDS" --dlq "$DLQ" \
    --sales-watermarks "$(progress sales:sales_customer) $(progress sales:sales_contract)" \
    --sales-last "$(sales_max sales_customer) $(sales_max sales_contract)" "$@"
  RESULT=$?
  set -e
  if [ "${DLQ:-0}" != 0 ]; then
    echo "why messages were parked (server log lines about AtriumDLQ, without payloads):"
    grep -h -o 'AMQ[0-9]*.*AtriumDLQ.*' "$BASE"/server-*.out | cut -c1-200 | sort | uniq -c | head -20
  fi
}

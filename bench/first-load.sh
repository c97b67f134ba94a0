#!/usr/bin/env bash
# First load at scale: generates the simulators' population of N records (default 1,000,000; the population
# BENCHMARKS.md's matcher figures use, seed 20260303), starts a fresh hub on its own PostgreSQL (port 5651) and
# WildFly base dir (port offset 430: HTTP 8510), posts the file to POST /hub/api/loads as one streamed body and
# polls GET /hub/api/loads/{id} until it ends; then prints the wall time (post to a queryable view), records/s,
# the hub's peak memory (the JVM's peak resident set, VmHWM), the database's size, the tables' counts and a
# lookup of a loaded customer. Everything runs in target/bench-first-load/.
# Runs under /tmp/atrium-heavy.lock, held for the whole run (HEAVY_LOCK_HELD=1: the caller holds it already).
# Env: HUB_HEAP (the hub's -Xmx, default 8g), HUB_OPTS (more JVM options for the hub).
# Needs a build first: ./mvnw -q -DskipTests package (the hub's EAR and the simulators)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${HEAVY_LOCK_HELD:-}" ]; then
  exec flock /tmp/atrium-heavy.lock env HEAVY_LOCK_HELD=1 "$0" "$@"
fi
RECORDS=${1:-1000000}
ROOT=$PWD
WILDFLY=$ROOT/target/wildfly-39.0.1.Final
WORK=$ROOT/target/bench-first-load
BASE=$WORK/server
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGDATA=$WORK/pgdata
PGPORT=5651
API=http://127.0.0.1:8510/hub/api
psql_() { runuser -u postgres -- "$PGBIN/psql" -h 127.0.0.1 -p $PGPORT -X -q -v ON_ERROR_STOP=1 "$@"; }
stamp() { echo "[$(date +%T)] $*"; }

SERVER=
cleanup() {
  if [ -n "$SERVER" ]; then
    kill -- -"$SERVER" 2>/dev/null || true
    while kill -0 "$SERVER" 2>/dev/null; do sleep 1; done
  fi
  [ -f "$PGDATA/postmaster.pid" ] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop > /dev/null || true
}
trap cleanup EXIT

rm -rf "$BASE" "$PGDATA" && mkdir -p "$WORK"
POPULATION=$WORK/population-$RECORDS.jsonl
if [ ! -s "$POPULATION" ]; then
  stamp "simulating a population of $RECORDS records"
  java -jar simulators/target/atrium-simulators.jar population --seed 20260303 --persons $((RECORDS * 39 / 100)) \
    --records "$RECORDS" --output "$POPULATION.tmp" 2>&1 | tail -1
  mv "$POPULATION.tmp" "$POPULATION"
fi

stamp "PostgreSQL $(basename "$(dirname "$PGBIN")") in $PGDATA, port $PGPORT"
mkdir -p "$PGDATA" && : > "$WORK/postgresql.log" && chown postgres: "$PGDATA" "$WORK/postgresql.log"
runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --no-locale > "$WORK/initdb.log"
cat >> "$PGDATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$PGDATA'
shared_buffers = 1GB
max_prepared_transactions = 64
max_wal_size = 4GB
CONF
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -l "$WORK/postgresql.log" -w start > /dev/null
psql_ -U postgres -c "create role atrium login password 'bench'" -c "create database atrium owner atrium"

mkdir -p "$BASE/deployments"
cp -r "$WILDFLY/standalone/configuration" "$BASE/"
JBOSS_HOME=$WILDFLY bash "$ROOT/config/cli/add-demo-users.sh" "$BASE/configuration" > /dev/null
sed -i '/<deployments>/,/<\/deployments>/d' "$BASE/configuration/standalone-full.xml"
cp ear/target/atrium.ear "$BASE/deployments/"
cat > "$BASE/atrium.properties" <<PROPS
atrium.db.driver=postgresql
atrium.db.url=jdbc:postgresql://127.0.0.1:$PGPORT/atrium?logServerErrorDetail=false
atrium.db.user=atrium
atrium.db.password=bench
PROPS
stamp "starting the hub (HTTP 8510), heap ${HUB_HEAP:-8g}"
JBOSS_HOME=$WILDFLY JBOSS_JAVA_SIZING="-Xms1g -Xmx${HUB_HEAP:-8g} ${HUB_OPTS:-}" setsid "$WILDFLY/bin/standalone.sh" -c standalone-full.xml \
  -Djboss.server.base.dir="$BASE" -Djboss.socket.binding.port-offset=430 -P "$BASE/atrium.properties" > "$WORK/server.out" 2>&1 &
SERVER=$!
START=$SECONDS
until curl -sf "$API/health" > /dev/null; do
  sleep 2
  if ! kill -0 "$SERVER" 2>/dev/null || [ -e "$BASE/deployments/atrium.ear.failed" ] || (( SECONDS - START > 600 )); then
    echo "the hub did not start: see $WORK/server.out" >&2; exit 1
  fi
done
JVM=$(pgrep -P "$SERVER" java)

stamp "posting $(du -h "$POPULATION" | cut -f1) to POST /loads; uptime: $(uptime)"
T0=$(date +%s.%N)
ID=$(curl -sf -u 'admin:admin-pass1!' -H 'Content-Type: application/x-ndjson' --data-binary "@$POPULATION" "$API/loads" \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])')
T1=$(date +%s.%N)
stamp "load $ID accepted after $(echo "$T1 - $T0" | bc) s (the body on the hub's disk)"
while true; do
  STATUS=$(curl -sf -u 'operator:operator-pass1!' "$API/loads/$ID")
  STATE=$(echo "$STATUS" | python3 -c 'import json, sys; s = json.load(sys.stdin); print(s["state"], s["phase"], "%.2f" % s["progress"], s["secondsLeft"], s["recordsRead"], s["customers"])')
  echo "  [$(date +%T)] state phase progress secondsLeft recordsRead customers: $STATE"
  case "$STATE" in RUNNING*) sleep 15 ;; *) break ;; esac
done
T2=$(date +%s.%N)
echo "$STATUS" | python3 -c 'import json, sys; s = json.load(sys.stdin); s.pop("rejections"); print(json.dumps(s))'
[[ "$STATE" == DONE* ]] || { echo "the load did not finish: see $WORK/server.out" >&2; exit 1; }
WALL=$(echo "$T2 - $T0" | bc)
PHONE=$(head -1 "$POPULATION" | python3 -c 'import json, sys; print(json.load(sys.stdin)["phones"][0])')
stamp "a loaded customer by phone: HTTP $(curl -s -o /dev/null -w '%{http_code} in %{time_total} s' -u 'viewer:viewer-pass1!' --get --data-urlencode "phone=$PHONE" "$API/customers")"
echo "wall time (post to a queryable view, within 15 s of polling): $WALL s; $(echo "$RECORDS / $WALL" | bc) records/s"
echo "hub peak memory (JVM resident set, VmHWM): $(grep VmHWM /proc/"$JVM"/status | tr -s ' ' | cut -d' ' -f2-)"
psql_ -U atrium -d atrium -A -t -c "select 'database ' || pg_size_pretty(pg_database_size('atrium')) || ': '
  || (select count(*) from source_record) || ' source records, ' || (select count(*) from customer) || ' customers, '
  || (select count(*) from record_hash) || ' record hashes, ' || (select count(*) from match_link) || ' match links, '
  || (select count(*) from golden_value) || ' golden values, ' || (select count(*) from customer_event) || ' changes'"
stamp "done; uptime: $(uptime)"

#!/usr/bin/env bash
# The crosswalk export (GET /hub/api/crosswalk) at scale: its own PostgreSQL 15 (port 5642, target/bench-crosswalk) and
# its own WildFly (port offset 300, HTTP 8380, heap HEAP, default 512m); N synthetic source records of the hub's
# shape inserted by SQL (the export reads only source, sourceId and customerId), then three timed exports.
# Usage: bench/crosswalk.sh [records, default 1000000]; needs a build first: ./mvnw -q -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
WILDFLY=$ROOT/target/wildfly-39.0.1.Final
WORK=$ROOT/target/bench-crosswalk
BASE=$WORK/server
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGDATA=$WORK/pgdata
PGPORT=5642
API=http://127.0.0.1:8380/hub/api
N=${1:-1000000}
psql_() { runuser -u postgres -- "$PGBIN/psql" -h 127.0.0.1 -p $PGPORT -X -q -v ON_ERROR_STOP=1 "$@"; }
stamp() { echo "[$(date +%T)] $*"; }
SERVER=
cleanup() {
  [ -n "$SERVER" ] && { kill -- -"$SERVER" 2>/dev/null || true; while kill -0 "$SERVER" 2>/dev/null; do sleep 1; done; }
  [ -f "$PGDATA/postmaster.pid" ] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop > /dev/null || true
}
trap cleanup EXIT
rm -rf "$WORK" && mkdir -p "$PGDATA" && : > "$WORK/postgresql.log" && chown postgres: "$PGDATA" "$WORK/postgresql.log"
runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --no-locale > "$WORK/initdb.log"
cat >> "$PGDATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$PGDATA'
shared_buffers = 256MB
max_prepared_transactions = 64
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
stamp "starting the hub (schema)"
JBOSS_HOME=$WILDFLY JBOSS_JAVA_SIZING="-Xms256m -Xmx${HEAP:-512m}" setsid "$WILDFLY/bin/standalone.sh" -c standalone-full.xml \
  -Djboss.server.base.dir="$BASE" -Djboss.socket.binding.port-offset=300 -P "$BASE/atrium.properties" > "$WORK/server.out" 2>&1 &
SERVER=$!
until curl -sf "$API/health" > /dev/null; do sleep 2; kill -0 "$SERVER"; done
stamp "inserting $N source records"
# records shaped like the hub's: a payload and a standardized form of a few hundred characters each,
# customers of one to three records, sources as the five systems
psql_ -U atrium -d atrium -c "insert into source_record (id, content_hash, customer_id, payload, received_at, record_updated_at, source, source_id, standardized)
  select i, md5(i::text) || md5(i::text), 'C-' || md5((i / 2)::text), repeat('p', 380), now(), now(),
         (array['sales','leasing','property','membership','service'])[1 + i % 5], 'S-' || i, repeat('s', 420)
  from generate_series(1, $N) i" -c "vacuum analyze source_record"
psql_ -U atrium -d atrium -A -t -c "select count(*) || ' records, table ' || pg_size_pretty(pg_total_relation_size('source_record')) from source_record"
stamp "exporting (heap -Xmx${HEAP:-512m})"
for run in 1 2 3; do
  flock /tmp/atrium-heavy.lock curl -s -u 'app:app-pass1!' -o "$WORK/crosswalk.csv" -w "run $run: HTTP %{http_code}, %{size_download} bytes in %{time_total} s (first byte after %{time_starttransfer} s)\n" "$API/crosswalk"
done
wc -l < "$WORK/crosswalk.csv" | xargs -I{} echo "{} lines (header included)"
head -3 "$WORK/crosswalk.csv"
grep -c "OutOfMemoryError" "$WORK/server.out" || true

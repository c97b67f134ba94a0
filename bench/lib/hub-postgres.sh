# Shared by the benchmarks that run the hub on a PostgreSQL of their own (bench/crosswalk.sh, bench/analytics.sh);
# sourced, not run. Before sourcing, a benchmark sets BENCH (its work dir under target/), PGPORT and OFFSET (WildFly's
# port offset). It gets a private PostgreSQL 15 with the hub's database `atrium` (user atrium), a WildFly base dir
# with the built EAR and the demo users, the hub started on them (its schema created) and psql_/stamp; both are
# stopped when the benchmark exits, failure included.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$PWD
WILDFLY=$ROOT/target/wildfly-39.0.1.Final
WORK=$ROOT/target/$BENCH
BASE=$WORK/server
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGDATA=$WORK/pgdata
API=http://127.0.0.1:$((8080 + OFFSET))/hub/api
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
  -Djboss.server.base.dir="$BASE" -Djboss.socket.binding.port-offset=$OFFSET -P "$BASE/atrium.properties" > "$WORK/server.out" 2>&1 &
SERVER=$!
until curl -sf "$API/health" > /dev/null; do sleep 2; kill -0 "$SERVER"; done

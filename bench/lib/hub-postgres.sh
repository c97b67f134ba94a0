# Shared by the benchmarks that run the hub on a PostgreSQL of their own (bench/crosswalk.sh, bench/analytics.sh);
# sourced, not run. Before sourcing, a benchmark sets BENCH (its work dir under target/), PGPORT and OFFSET (WildFly's
# port offset). It gets a private PostgreSQL 15 with the hub's database `atrium` (user atrium), a WildFly base dir
# with the built EAR and the demo users, the hub started on them (its schema created) and psql_/stamp; both are
# stopped when the benchmark exits, failure included. HUB_PROPERTIES: more settings for the hub (key=value lines).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$PWD
WILDFLY=$ROOT/target/wildfly-39.0.1.Final
WORK=$ROOT/target/$BENCH
BASE=$WORK/server
PGDATA=$WORK/pgdata
source "$ROOT/bench/lib/postgres.sh"
API=http://127.0.0.1:$((8080 + OFFSET))/hub/api
stamp() { echo "[$(date +%T)] $*"; }
source "$ROOT/bench/lib/server.sh"
SERVER=
cleanup() {
  stop_server
  stop_postgres
}
trap cleanup EXIT
rm -rf "$WORK" && mkdir -p "$WORK"
start_postgres
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
# a benchmark's own settings, one key=value a line
echo "${HUB_PROPERTIES:-}" >> "$BASE/atrium.properties"
stamp "starting the hub (schema)"
JBOSS_JAVA_SIZING="-Xms256m -Xmx${HEAP:-512m}" launch_server "$WORK/server.out" \
  -Djboss.socket.binding.port-offset=$OFFSET -P "$BASE/atrium.properties"
await_hub "$API" "$WORK/server.out"

#!/usr/bin/env bash
# Connector throughput into the resolver queue: starts the server in target/bench, fills the
# membership queue, deploys the hub and lets it drain the queue, then drops leasing exports
# with N rows; prints records/s for each connector, measured by the
# hub itself (GET /hub/api/connectors: first and last time a batch of the source was queued),
# while the resolver works through the queue on the same two cores.
# Usage: bench/connectors.sh [records per connector, default 100000]
# Needs a build first: ./mvnw -q -DskipTests install
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
ROOT=$PWD
WILDFLY=$ROOT/target/wildfly-39.0.1.Final
BASE=$ROOT/target/bench
SIM="java -jar $ROOT/simulators/target/atrium-simulators.jar"
API=http://127.0.0.1:8080/hub/api
AUTH='operator:operator-pass1!'

rm -rf "$BASE" && mkdir -p "$BASE/deployments" "$BASE/staging"
cp -r "$WILDFLY/standalone/configuration" "$BASE/"
JBOSS_HOME=$WILDFLY bash "$ROOT/config/cli/add-demo-users.sh" "$BASE/configuration" > /dev/null
JBOSS_HOME=$WILDFLY JBOSS_PIDFILE=$BASE/server.pid LAUNCH_JBOSS_IN_BACKGROUND=true setsid "$WILDFLY/bin/standalone.sh" -c standalone-full.xml -Djboss.server.base.dir="$BASE" \
  -P "$ROOT/config/atrium.properties" -Datrium.leasing.poll-delay=200 -Datrium.canonical.poll-delay=200 \
  > "$BASE/server.out" 2>&1 &
SERVER=$!
# Stops the server's whole process group, its JVM by the PID it wrote, and waits until both are gone:
# a server still shutting down holds port 8080 against the next demo or test run.
stop_server() {
  local jvm
  jvm=$(cat "$BASE/server.pid" 2>/dev/null || true)
  kill -- -"$SERVER" 2>/dev/null || true
  [ -n "$jvm" ] && kill "$jvm" 2>/dev/null || true
  while kill -0 "$SERVER" 2>/dev/null || { [ -n "$jvm" ] && kill -0 "$jvm" 2>/dev/null; }; do sleep 1; done
}
trap stop_server EXIT
until grep -q WFLYSRV0025 "$BASE/server.out"; do sleep 1; done

activity() { # source field
  curl -s -u "$AUTH" "$API/connectors" | python3 -c "
import json, sys
from datetime import datetime
a = next((x for x in json.load(sys.stdin)['sources'] if x['source'] == '$1'), None)
if a is None: print(0); sys.exit()
if '$2' == 'rate':
    t = lambda s: datetime.fromisoformat(s.replace('Z', '+00:00')).timestamp()
    span = t(a['lastQueuedAt']) - t(a['firstQueuedAt'])
    print(f\"{a['queued']} records queued, {a['quarantined']} quarantined, in {span:.1f} s: {a['queued'] / span:.0f} records/s\")
else: print(a['queued'] + a['quarantined'])"
}
await_count() { # source expected
  local start=$SECONDS
  until [ "$(activity "$1" count)" -ge "$2" ]; do
    sleep 1
    if (( SECONDS - start > 900 )); then echo "timed out waiting for $1" >&2; exit 1; fi
  done
}

echo "== membership: $N XML events on hub.in.membership, sent before the hub is deployed, then drained"
$SIM membership-flood --count "$N" 2>/dev/null
cp ear/target/atrium.ear "$BASE/deployments/"
until curl -sf "$API/health" > /dev/null; do sleep 2; done
SENT=$(JBOSS_HOME=$WILDFLY "$WILDFLY/bin/jboss-cli.sh" -c --command="/subsystem=messaging-activemq/server=default/jms-queue=hub.in.membership:read-attribute(name=messages-added)" | sed -n 's/.*"result" => \([0-9]*\)L.*/\1/p')
await_count membership "$SENT"
echo "membership: $(activity membership rate)"

echo "== leasing: $N rows in GBK CSV exports, taken after their .done markers"
$SIM leasing-files --rows "$N" --rows-per-file 10000 --broken-row-rate 0.01 --dir "$BASE/staging/leasing"
mkdir -p "$BASE/data/atrium/inbox/leasing"
for csv in "$BASE"/staging/leasing/*.csv; do mv "$csv" "$BASE/data/atrium/inbox/leasing/"; done
for done in "$BASE"/staging/leasing/*.done; do mv "$done" "$BASE/data/atrium/inbox/leasing/"; done
await_count leasing "$N"
echo "leasing: $(activity leasing rate)"

#!/usr/bin/env bash
# Two nodes of the hub on this machine (WildFly standalone-full-ha), one PostgreSQL, node A's broker shared, and the kill
# drill. Configures the pair offline by CLI (config/two-nodes/), starts PostgreSQL (port 5661; databases atrium and
# sales), node A (port offset 600: HTTP 8680, management 10590) and node B (offset 700: HTTP 8780, management 10690),
# and checks that the polling connectors run on one node only.
#   bench/two-nodes.sh start     the pair, left running until Ctrl-C (an operator's trial)
#   bench/two-nodes.sh check     the singleton check: polling routes started on exactly one node, a file dropped in
#                                the shared first-load inbox loaded by that node only (the guarded timers), then the
#                                routes moved to the other when that one is killed (under two minutes)
#   bench/two-nodes.sh drill [SALES_ROWS] [MEMBERSHIP_EVENTS]   (default 30000 and 10000) the kill drill: sales rows
#                                and membership events fed, the node running the pollers killed (kill -9) mid-poll (its watermark past a third of the rows),
#                                the survivor finishes; prints the counts against the input
# Everything runs in target/bench-two-nodes/. Runs under /tmp/atrium-heavy.lock, held for the whole run.
# Needs a build first: ./mvnw -o -q -DskipTests package (the hub's EAR and the simulators)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${HEAVY_LOCK_HELD:-}" ]; then
  exec flock /tmp/atrium-heavy.lock env HEAVY_LOCK_HELD=1 "$0" "$@"
fi
MODE=${1:-check}
SALES_ROWS=${2:-30000}
MEMBERSHIP_EVENTS=${3:-10000}
ROOT=$PWD
WILDFLY=$ROOT/target/wildfly-39.0.1.Final
WORK=$ROOT/target/bench-two-nodes
PGDATA=$WORK/pgdata PGPORT=5661
source "$ROOT/bench/lib/postgres.sh"
BROKER_PASSWORD='node-pass1!'
declare -A OFFSET=([a]=600 [b]=700) SERVER=()
api() { echo "http://127.0.0.1:$((8080 + OFFSET[$1]))/hub/api"; }
stamp() { echo "[$(date +%T)] $*"; }
jvm_of() { cat "$WORK/node-$1/server.pid" 2>/dev/null || true; }
stop_node() {
  local jvm
  jvm=$(jvm_of "$1")
  [ -n "${SERVER[$1]:-}" ] && kill -- -"${SERVER[$1]}" 2>/dev/null || true
  [ -n "$jvm" ] && kill "$jvm" 2>/dev/null || true
  # a node whose broker is gone (node B after node A) may hang in its shutdown: killed after 30 s
  for _ in $(seq 30); do [ -n "$jvm" ] && kill -0 "$jvm" 2>/dev/null || return 0; sleep 1; done
  kill -9 "$jvm" 2>/dev/null || true
}
# node B first: it uses node A's broker
cleanup() { stop_node b; stop_node a; stop_postgres; }
trap cleanup EXIT
rm -rf "$WORK" && mkdir -p "$WORK"
start_postgres
psql_ -U postgres -c "create database sales owner atrium"
# the sales system's tables (SalesDatabaseSimulator's), empty until the drill fills them
psql_ -U atrium -d sales -c "CREATE TABLE sales_customer (cust_no VARCHAR(32) PRIMARY KEY, cust_name VARCHAR(100) NOT NULL,
      mobile VARCHAR(40), cert_type VARCHAR(20), cert_no VARCHAR(40), gender VARCHAR(4), birthday DATE, email VARCHAR(100),
      address VARCHAR(200), updated_at TIMESTAMP NOT NULL)" \
  -c "CREATE TABLE sales_contract (contract_no VARCHAR(32) PRIMARY KEY, cust_no VARCHAR(32) NOT NULL,
      project_name VARCHAR(100) NOT NULL, unit_code VARCHAR(40) NOT NULL, area_sqm DECIMAL(10,2), total_price DECIMAL(14,2) NOT NULL,
      status VARCHAR(10) NOT NULL, sign_date DATE, updated_at TIMESTAMP NOT NULL)"

stamp "configuring standalone-full-ha by CLI (the hub's configuration, then the pair's)"
TEMPLATE=$WORK/template
mkdir -p "$TEMPLATE" && cp -r "$WILDFLY/standalone/configuration" "$TEMPLATE/"
# the hub's own script on the HA profile; its JDBC driver module is in the server already (the build installed it)
sed -e 's/--server-config=standalone-full.xml/--server-config=standalone-full-ha.xml/' -e '/^ *module add /d' \
  config/cli/configure-atrium.cli > "$WORK/configure-atrium-ha.cli"
cli() { # base dir, script
  JBOSS_HOME=$WILDFLY JAVA_OPTS="-Djboss.server.base.dir=$1" "$WILDFLY/bin/jboss-cli.sh" --file="$2" > "$WORK/cli.log" 2>&1 \
    || { cat "$WORK/cli.log" >&2; exit 1; }
}
cli "$TEMPLATE" "$WORK/configure-atrium-ha.cli"
cli "$TEMPLATE" config/two-nodes/pair.cli
JBOSS_HOME=$WILDFLY bash config/cli/add-demo-users.sh "$TEMPLATE/configuration" > /dev/null
JBOSS_HOME=$WILDFLY "$WILDFLY/bin/add-user.sh" -a -s -sc "$TEMPLATE/configuration" -u atrium-node -p "$BROKER_PASSWORD" -g hub-node
for node in a b; do
  mkdir -p "$WORK/node-$node/deployments"
  cp -r "$TEMPLATE/configuration" "$WORK/node-$node/"
  cp ear/target/atrium.ear "$WORK/node-$node/deployments/"
done
cli "$WORK/node-b" config/two-nodes/node-b.cli
cat > "$WORK/atrium.properties" <<PROPS
atrium.db.driver=postgresql
atrium.db.url=jdbc:postgresql://127.0.0.1:$PGPORT/atrium?logServerErrorDetail=false
atrium.db.user=atrium
atrium.db.password=bench
atrium.sales.enabled=true
atrium.sales.db.driver=postgresql
atrium.sales.db.url=jdbc:postgresql://127.0.0.1:$PGPORT/sales
atrium.sales.db.user=atrium
atrium.sales.db.password=bench
atrium.sales.poll-period=1000
atrium.polling.singleton-policy=default
atrium.load.inbox=$WORK/load-inbox
atrium.load.inbox-poll-seconds=2
atrium.pair.broker-password=$BROKER_PASSWORD
PROPS

start_node() {
  local node=$1
  stamp "starting node $node (offset ${OFFSET[$node]})"
  JBOSS_HOME=$WILDFLY JBOSS_PIDFILE=$WORK/node-$node/server.pid LAUNCH_JBOSS_IN_BACKGROUND=true \
    JBOSS_JAVA_SIZING="-Xms256m -Xmx${HUB_HEAP:-1g}" setsid "$WILDFLY/bin/standalone.sh" -c standalone-full-ha.xml \
    -Djboss.server.base.dir="$WORK/node-$node" -Djboss.socket.binding.port-offset=${OFFSET[$node]} \
    -Djboss.node.name=node-$node -Djboss.tx.node.id=node-$node -P "$WORK/atrium.properties" \
    > "$WORK/node-$node.out" 2>&1 &
  SERVER[$node]=$!
}
await_health() {
  local start=$SECONDS
  until curl -sf "$(api "$1")/health" > /dev/null; do
    sleep 2
    kill -0 "${SERVER[$1]}" || { echo "node $1 stopped: see $WORK/node-$1.out" >&2; exit 1; }
    (( SECONDS - start < 300 )) || { echo "node $1 not healthy after 5 minutes" >&2; exit 1; }
  done
  stamp "node $1 healthy"
}
# node A first: it holds the broker node B connects to
start_node a; await_health a
start_node b; await_health b
# which nodes started the polling routes (PollerSingletonActivator's log line)
running_routes() { # node: the ids of its started routes
  curl -sf -u 'operator:operator-pass1!' "$(api "$1")/routes" 2>/dev/null | python3 -c '
import json, sys
print(" ".join(sorted(r["id"] for r in json.load(sys.stdin)["routes"] if r.get("state") == "Started")))' 2>/dev/null || true
}
# the nodes whose sales poller runs now (the singleton moves to node B, preferred, once it has joined)
pollers_on() { for node in a b; do [[ " $(running_routes $node) " == *" sales-poll "* ]] && echo -n "$node "; done; true; }
sleep 10
stamp "polling singleton elected on: $(pollers_on)"
for node in a b; do stamp "node $node started routes: $(running_routes $node)"; done
ELECTED=$(echo $(pollers_on))
if [ "$(echo $ELECTED | wc -w)" != 1 ]; then echo "the polling singleton runs on '$ELECTED', not on exactly one node" >&2; exit 1; fi
SURVIVOR=$([ "$ELECTED" = a ] && echo b || echo a)
if [ "$MODE" = check ]; then
  # the timers' cluster-wide work runs on the elected node only: a file dropped in the inbox both nodes watch is
  # loaded once, by that node (each node lists the loads it ran since it started). Its load takes longer than the
  # inbox's poll, so that a node taking the inbox without being elected would find the file too.
  mkdir -p "$WORK/load-inbox"
  python3 -c 'for i in range(10000): print("{\"source\":\"two-nodes-check\",\"sourceId\":\"%d\",\"kind\":\"PERSON\",\"phones\":[\"139%08d\"]}" % (i, i))' \
    > "$WORK/inbox.tmp" && mv "$WORK/inbox.tmp" "$WORK/load-inbox/check.jsonl"
  loads_on() { curl -sf -u 'operator:operator-pass1!' "$(api "$1")/loads" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)))'; }
  for _ in $(seq 90); do [ -e "$WORK/load-inbox/check.jsonl" ] || break; sleep 1; done
  sleep 3 # a second taker, if any, has listed its load by now
  LOADS="a:$(loads_on a) b:$(loads_on b)"
  stamp "inbox file now at: $(cd "$WORK/load-inbox" && ls -d ./*.jsonl .done/* .failed/* 2>/dev/null | tr '\n' ' ');" \
    "loads listed per node: $LOADS"
  if [ "$LOADS" != "$([ "$ELECTED" = a ] && echo 'a:1 b:0' || echo 'a:0 b:1')" ]; then
    echo "the inbox file was not loaded by the elected node ($ELECTED) alone: $LOADS" >&2; exit 1
  fi
fi
if [ "$MODE" = start ]; then
  stamp "the pair runs: node A $(api a), node B $(api b); Ctrl-C stops both and PostgreSQL"
  wait
fi

broker() { # attribute of a queue on node A's broker
  JBOSS_HOME=$WILDFLY "$WILDFLY/bin/jboss-cli.sh" -c --controller=remote+http://127.0.0.1:$((9990 + OFFSET[a])) \
    --command="/subsystem=messaging-activemq/server=default/jms-queue=$1:read-attribute(name=$2)" | sed -n 's/.*"result" => \([0-9]*\)L\?.*/\1/p'
}
activity() { # node source: records queued and quarantined by that node's connector since it started
  curl -sf -u 'operator:operator-pass1!' "$(api "$1")/connectors" | python3 -c "
import json, sys
a = next((x for x in json.load(sys.stdin)['sources'] if x['source'] == '$2'), None)
print(0 if a is None else a['queued'] + a['quarantined'])"
}
hub_count() { psql_ -U atrium -d atrium -A -t -c "$1"; }

if [ "$MODE" = drill ]; then
  stamp "feeding $SALES_ROWS sales rows and $MEMBERSHIP_EVENTS membership events; uptime: $(uptime)"
  java -jar simulators/target/atrium-simulators.jar membership-flood --count "$MEMBERSHIP_EVENTS" \
    --membership-url "tcp://127.0.0.1:$((8080 + OFFSET[a]))?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor" 2>&1 | tail -1
  # sales rows written an hour ago: older than the clock skew, so the
  # stored watermark passes them and a poll after a takeover starts exactly where the last committed batch ended
  psql_ -U atrium -d sales -c "INSERT INTO sales_customer (cust_no, cust_name, mobile, gender, birthday, updated_at)
      SELECT 'DRILL' || lpad(i::text, 8, '0'),
             (array['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','马','朱','胡','郭','何','高','林','罗'])[1 + i % 20]
             || (array['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀','霞','平'])[1 + (i / 20) % 20]
             || (array['华','英','玲','峰','辉','红','建','国','文','斌','志','刚','春','梅','云','宇','鹏','飞','婷','晨'])[1 + (i / 400) % 20],
             '139' || lpad(i::text, 8, '0'), (array['男','女'])[1 + i % 2], date '1960-01-01' + (i * 37) % 15000,
             (now() AT TIME ZONE 'Asia/Shanghai') - interval '1 hour' + i * interval '1 millisecond'
      FROM generate_series(1, $SALES_ROWS) i"
  # kill the pollers' node mid-poll: once its stored watermark has passed a third of the sales rows (row i is DRILLi)
  until polled=$(hub_count "select progress_value from connector_progress where progress_key = 'sales:sales_customer'") \
      && [ -n "$polled" ] && (( 10#${polled##*|DRILL} >= SALES_ROWS / 3 )); do
    sleep 0.2
    (( SECONDS < 600 )) || { echo "a third of the sales rows not polled after 10 minutes: see $WORK/node-*.out" >&2; exit 1; }
  done
fi

VICTIM=$ELECTED
STORED_AT_KILL=$(hub_count "select count(*) from source_record")
stamp "kill -9 node $VICTIM (JVM $(jvm_of $VICTIM)), running the pollers; $STORED_AT_KILL source records stored so far"
KILLED_AT=$(date +%s.%N)
kill -9 "$(jvm_of $VICTIM)"
# what the killed node had polled and committed: up to the stored watermark
WATERMARK=$(hub_count "select progress_value from connector_progress where progress_key = 'sales:sales_customer'")
until [ "$(pollers_on)" = "$SURVIVOR " ]; do
  sleep 1
  (( $(date +%s) - ${KILLED_AT%.*} < 180 )) || { echo "the singleton did not move to node $SURVIVOR within 3 minutes" >&2; exit 1; }
done
MOVED_AT=$(date +%s.%N)
stamp "the pollers moved to node $SURVIVOR after $(echo "$MOVED_AT - $KILLED_AT" | bc) s; its started routes: $(running_routes $SURVIVOR)"
[ "$MODE" = drill ] || { stamp "singleton check passed; uptime: $(uptime)"; exit 0; }

TAKEN_BEFORE=0
if [ -n "$WATERMARK" ]; then
  TAKEN_BEFORE=$(psql_ -U atrium -d sales -A -t -c "select count(*) from sales_customer
    where (updated_at, cust_no) <= ('${WATERMARK%%|*}'::timestamp, '${WATERMARK#*|}')")
fi
SENT=$(broker hub.in.membership messages-added)
stamp "sales watermark at the kill: $WATERMARK ($TAKEN_BEFORE rows taken and committed by node $VICTIM)"
until [ "$(broker hub.in.membership message-count)" = 0 ] && [ "$(broker AtriumRecords message-count)" = 0 ] \
    && [ "$(activity $SURVIVOR sales)" -ge $((SALES_ROWS - TAKEN_BEFORE)) ]; do
  sleep 5
  (( $(date +%s) - ${KILLED_AT%.*} < 900 )) || { echo "node $SURVIVOR did not finish within 15 minutes" >&2; break; }
done
FINISHED_AT=$(date +%s.%N)
stamp "node $SURVIVOR finished $(echo "$FINISHED_AT - $KILLED_AT" | bc) s after the kill; uptime: $(uptime)"
SURVIVOR_SALES=$(activity $SURVIVOR sales)
echo "== counts against the input"
echo "sales rows: $SALES_ROWS; taken by node $VICTIM before the kill (watermark): $TAKEN_BEFORE; polled by node $SURVIVOR after: $SURVIVOR_SALES;" \
  "sum $((TAKEN_BEFORE + SURVIVOR_SALES)) (polled twice: $((TAKEN_BEFORE + SURVIVOR_SALES - SALES_ROWS)))"
echo "membership messages: sent $SENT, left $(broker hub.in.membership message-count)"
echo "resolver queue: added $(broker AtriumRecords messages-added), left $(broker AtriumRecords message-count); dead letters: $(broker AtriumDLQ message-count)"
hub_count "select 'hub: ' || (select count(*) from source_record where source = 'sales') || ' sales source records ('
  || (select count(distinct source_id) from source_record where source = 'sales') || ' distinct), '
  || (select count(*) from source_record where source = 'membership') || ' membership source records, '
  || (select count(*) from customer) || ' customers, ' || (select count(*) from record_hash) || ' record hashes'"
hub_count "select 'in-doubt (prepared) transactions left in PostgreSQL: ' || count(*) from pg_prepared_xacts"

#!/usr/bin/env bash
# Two nodes of the hub on this machine (WildFly standalone-full-ha), one PostgreSQL, node A's broker live with its
# shared-store backup on node B, and the kill drill. Configures the pair offline by CLI (config/two-nodes/), starts
# PostgreSQL (port 5661; databases atrium and sales), node A (port offset 600: HTTP 8680, management 10590) and
# node B (offset 700: HTTP 8780, management 10690), and checks that the polling connectors run on one node only.
#   bench/two-nodes.sh start     the pair, left running until Ctrl-C (an operator's trial)
#   bench/two-nodes.sh check     the singleton check: polling routes started on exactly one node, a file dropped in
#                                the shared first-load inbox loaded by that node only (the guarded timers), then the
#                                routes moved to the other when that one is killed (under two minutes)
#   bench/two-nodes.sh drill [SALES_ROWS] [MEMBERSHIP_EVENTS]   (default 30000 and 10000) the kill drill: sales rows
#                                and membership events fed, a node killed (kill -9) mid-poll (the sales watermark past a
#                                third of the rows), the survivor finishes; prints the counts against the input
#   KILL=pollers|a|b             the node killed (check and drill): the one running the pollers (default), node A (the
#                                live broker's: node B's backup broker takes over its journal) or node B
#   PREPARED=1                   (drill) kill the node only while it holds a prepared transaction in the hub's database:
#                                its JVM is frozen (SIGSTOP) and pg_prepared_xacts read; none of its there, it runs on
#                                (SIGCONT) for a random 20-60 ms and is frozen again (at most CATCH_TRIES=3000 times).
#                                The survivor then goes as far as it can alone; the killed node is restarted as an
#                                operator would (same base dir and node id): its recovery resolves the branch, and
#                                node A takes the broker back from node B's backup (failback). Prints the prepared
#                                transactions (gid, prepared at) before the kill, after the survivor, after the recovery
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
KILL=${KILL:-pollers}
PREPARED=${PREPARED:-}
[[ $KILL =~ ^(pollers|a|b)$ ]] || { echo "KILL=$KILL: pollers, a or b" >&2; exit 2; }
ROOT=$PWD
WILDFLY=$ROOT/target/wildfly-39.0.1.Final
WORK=$ROOT/target/bench-two-nodes
PGDATA=$WORK/pgdata PGPORT=5661
source "$ROOT/bench/lib/postgres.sh"
source "$ROOT/bench/lib/prepared.sh"
BROKER_PASSWORD='node-pass1!'
declare -A OFFSET=([a]=600 [b]=700) SERVER=()
api() { echo "http://127.0.0.1:$((8080 + OFFSET[$1]))/hub/api"; }
stamp() { echo "[$(date +%T)] $*"; }
jvm_of() { cat "$WORK/node-$1/server.pid" 2>/dev/null || true; }
stop_node() {
  local jvm
  jvm=$(jvm_of "$1")
  [ -n "${SERVER[$1]:-}" ] && kill -- -"${SERVER[$1]}" 2>/dev/null || true
  # a JVM left frozen by the prepared catch would not act on the TERM
  [ -n "$jvm" ] && kill -CONT "$jvm" 2>/dev/null && kill "$jvm" 2>/dev/null || true
  # a node whose broker is gone (node B after node A) may hang in its shutdown: killed after 30 s
  for _ in $(seq 30); do [ -n "$jvm" ] && kill -0 "$jvm" 2>/dev/null || return 0; sleep 1; done
  kill -9 "$jvm" 2>/dev/null || true
}
# node B first: it uses node A's broker
cleanup() { stop_node b; stop_node a; stop_postgres; }
trap cleanup EXIT
trap 'exit 130' INT TERM
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
cli "$WORK/node-a" config/two-nodes/node-a.cli
cli "$WORK/node-b" config/two-nodes/node-b.cli
# node B's backup broker gets the hub's address and security settings, as node A's broker has them
{ echo 'embed-server --server-config=standalone-full-ha.xml --std-out=echo'
  grep -h -E '^ *[/]subsystem=messaging-activemq/server=default/(address|security)-setting=.*:add' \
    config/cli/configure-atrium.cli config/two-nodes/pair.cli | sed -e 's/^ *//' -e 's|server=default/|server=backup/|'
  echo 'stop-embedded-server'; } > "$WORK/backup-settings.cli"
cli "$WORK/node-b" "$WORK/backup-settings.cli"
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
atrium.pair.messaging-store=$WORK/messaging-store
atrium.pair.cluster-password=$BROKER_PASSWORD-cluster
PROPS

start_node() {
  local node=$1
  stamp "starting node $node (offset ${OFFSET[$node]})"
  JBOSS_HOME=$WILDFLY JBOSS_PIDFILE=$WORK/node-$node/server.pid LAUNCH_JBOSS_IN_BACKGROUND=true \
    JBOSS_JAVA_SIZING="-Xms256m -Xmx${HUB_HEAP:-1g}" setsid "$WILDFLY/bin/standalone.sh" -c standalone-full-ha.xml \
    -Djboss.server.base.dir="$WORK/node-$node" -Djboss.socket.binding.port-offset=${OFFSET[$node]} \
    -Djboss.node.name=node-$node -Djboss.tx.node.id=node-$node -P "$WORK/atrium.properties" \
    >> "$WORK/node-$node.out" 2>&1 &
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
VICTIM=$([ "$KILL" = pollers ] && echo "$ELECTED" || echo "$KILL")
SURVIVOR=$([ "$VICTIM" = a ] && echo b || echo a)
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

management() { # node, CLI command: the command's result
  JBOSS_HOME=$WILDFLY "$WILDFLY/bin/jboss-cli.sh" -c --controller=remote+http://127.0.0.1:$((9990 + OFFSET[$1])) \
    --command="$2" 2>/dev/null | sed -n 's/.*"result" => "\{0,1\}\([^",]*\)"\{0,1\}.*/\1/p' | sed 's/L$//' || true
}
# the node whose broker is live: node A's, until node B's backup has taken over the shared store
live_broker() { [ "$(management b '/subsystem=messaging-activemq/server=backup:read-attribute(name=active)')" = true ] && echo b || echo a; }
LIVE=a
broker() { # attribute of a queue on the live broker ($LIVE)
  if [ "$LIVE" = b ]; then management b "/subsystem=messaging-activemq/server=backup/runtime-queue=jms.queue.$1:read-attribute(name=$2)"
  else management a "/subsystem=messaging-activemq/server=default/jms-queue=$1:read-attribute(name=$2)"; fi
}
activity() { # node source: records queued and quarantined by that node's connector since it started
  curl -sf -u 'operator:operator-pass1!' "$(api "$1")/connectors" | python3 -c "
import json, sys
a = next((x for x in json.load(sys.stdin)['sources'] if x['source'] == '$2'), None)
print(0 if a is None else a['queued'] + a['quarantined'])" 2>/dev/null || echo 0
}
hub_count() { psql_ -U atrium -d atrium -A -t -c "$1"; }
# a node's prepared transactions in the hub's database: Narayana writes the node identifier (jboss.tx.node.id) into
# the global transaction id, which pgjdbc stores base64-encoded as the second part of the gid
PREPARED_BY="database = 'atrium' and position(convert_to('node-%s', 'UTF8') in decode(split_part(gid, '_', 2), 'base64')) > 0"
prepared_of() { hub_count "select count(*) from pg_prepared_xacts where $(printf "$PREPARED_BY" "$1")"; }
prepared_list() { # when: the prepared transactions in the hub's database, each with its gid, node and time
  stamp "prepared transactions in the hub's database $1: $(hub_count "select count(*) from pg_prepared_xacts where database = 'atrium'")"
  hub_count "select '  ' || gid || '  ' || case when $(printf "$PREPARED_BY" a) then 'node-a' when $(printf "$PREPARED_BY" b)
    then 'node-b' else '?' end || '  prepared ' || to_char(prepared, 'HH24:MI:SS.MS') from pg_prepared_xacts
    where database = 'atrium' order by prepared" || true
}
since() { echo "$(date +%s.%N) - $1" | bc; }

if [ "$MODE" = drill ]; then
  stamp "feeding $SALES_ROWS sales rows and $MEMBERSHIP_EVENTS membership events; uptime: $(uptime)"
  java -jar simulators/target/atrium-simulators.jar membership-flood --count "$MEMBERSHIP_EVENTS" \
    --membership-url "tcp://127.0.0.1:$((8080 + OFFSET[a]))?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor" 2>&1 | tail -1
  SENT=$(broker hub.in.membership messages-added)
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
  # the kill comes mid-poll: once the stored sales watermark has passed a third of the rows (row i is DRILLi)
  until polled=$(hub_count "select progress_value from connector_progress where progress_key = 'sales:sales_customer'") \
      && [ -n "$polled" ] && (( 10#${polled##*|DRILL} >= SALES_ROWS / 3 )); do
    sleep 0.2
    (( SECONDS < 600 )) || { echo "a third of the sales rows not polled after 10 minutes: see $WORK/node-*.out" >&2; exit 1; }
  done
  if [ -n "$PREPARED" ]; then
    stamp "freezing node $VICTIM until it is caught holding a prepared transaction in the hub's database"
    catch_prepared "$(jvm_of "$VICTIM")" "node $VICTIM" prepared_of "$VICTIM"
    prepared_list "before the kill (node $VICTIM frozen)"
  fi
fi

KILLED_AT=$(date +%s.%N)
kill -9 "$(jvm_of $VICTIM)"
PREPARED_AT_KILL=$(prepared_of "$VICTIM")
stamp "killed node $VICTIM with kill -9 (pollers on node $ELECTED, live broker node A's);" \
  "$(hub_count "select count(*) from source_record") source records stored so far"
# what the killed node had polled and committed: up to the stored watermark
WATERMARK=$(hub_count "select progress_value from connector_progress where progress_key = 'sales:sales_customer'")
stamp "prepared transactions of node $VICTIM in the hub's database right after the kill: $PREPARED_AT_KILL"
if [ "$VICTIM" = a ]; then
  until [ "$(live_broker)" = b ]; do
    (( $(date +%s) - ${KILLED_AT%.*} < 180 )) || { echo "node B's backup broker not live within 3 minutes" >&2; exit 1; }
  done
  LIVE=b
  stamp "node B's backup broker live (node A's journal) $(since "$KILLED_AT") s after the kill"
fi
until [ "$(pollers_on)" = "$SURVIVOR " ]; do
  sleep 1
  (( $(date +%s) - ${KILLED_AT%.*} < 180 )) || { echo "the pollers did not run on node $SURVIVOR alone within 3 minutes" >&2; exit 1; }
done
stamp "the pollers run on node $SURVIVOR $(since "$KILLED_AT") s after the kill; its started routes: $(running_routes $SURVIVOR)"
[ "$MODE" = drill ] || { stamp "singleton check passed; uptime: $(uptime)"; exit 0; }

TAKEN_BEFORE=0
if [ -n "$WATERMARK" ]; then
  TAKEN_BEFORE=$(psql_ -U atrium -d sales -A -t -c "select count(*) from sales_customer
    where (updated_at, cust_no) <= ('${WATERMARK%%|*}'::timestamp, '${WATERMARK#*|}')")
fi
stamp "sales watermark at the kill: $WATERMARK ($TAKEN_BEFORE rows taken and committed by node $ELECTED)"
sales_stored() { hub_count "select count(distinct source_id) from source_record where source = 'sales'"; }
finished() {
  [ "$(broker hub.in.membership message-count)" = 0 ] && [ "$(broker AtriumRecords message-count)" = 0 ] \
    && [ "$(sales_stored)" -ge "$SALES_ROWS" ]
}
# whether each node's broker is live: node A's server default, node B's backup
brokers_live() {
  echo "node A's broker active=$(management a '/subsystem=messaging-activemq/server=default:read-attribute(name=active)')," \
    "node B's backup active=$(management b '/subsystem=messaging-activemq/server=backup:read-attribute(name=active)')"
}
if [ "$(prepared_of "$VICTIM")" != 0 ]; then
  # What the survivor does alone first: a prepared branch keeps its row locks, and on the broker the messages its
  # JMS branch took, so the survivor may stop short. Waited for until it finished or nothing moved for 30 s.
  moved=$SECONDS last=
  until finished; do
    sleep 5
    LIVE=$(live_broker)
    now="$(hub_count "select count(*) from source_record") $(broker AtriumRecords message-count) $(broker hub.in.membership message-count)"
    [ "$now" = "$last" ] || { last=$now moved=$SECONDS; }
    (( SECONDS - moved < 30 )) || break
    (( $(date +%s) - ${KILLED_AT%.*} < 300 )) || break
  done
  stamp "node $SURVIVOR alone, $(since "$KILLED_AT") s after the kill: $(finished && echo finished || echo "stopped short (nothing moved for 30 s)"):" \
    "$(hub_count "select count(*) from source_record") source records, $(sales_stored) sales rows stored;" \
    "resolver queue $(broker AtriumRecords message-count), membership queue $(broker hub.in.membership message-count) on node $LIVE's broker;" \
    "$(hub_count "select count(*) from pg_stat_activity where datname = 'atrium' and wait_event_type = 'Lock'") database sessions waiting on a lock"
  prepared_list "after node $SURVIVOR went as far as it could alone"
  # only the killed node's transaction manager knows whether to commit them (its log, under its node identifier):
  # the operator restarts it with the same base directory and jboss.tx.node.id
  stamp "restarting node $VICTIM (same base dir and node id) to recover its prepared transactions"
  RESTARTED_AT=$(date +%s.%N)
  start_node "$VICTIM"; await_health "$VICTIM"
  stamp "node $VICTIM healthy $(since "$RESTARTED_AT") s after its restart; $(brokers_live)"
  RECOVERED= FAILED_BACK=$([ "$VICTIM" = a ] || echo n/a)
  until [ -n "$RECOVERED" ] && [ -n "$FAILED_BACK" ]; do
    [ -n "$RECOVERED" ] || [ "$(prepared_of "$VICTIM")" != 0 ] || RECOVERED=$(since "$RESTARTED_AT")
    [ -n "$FAILED_BACK" ] || [ "$(live_broker)" != a ] \
      || [ "$(management a '/subsystem=messaging-activemq/server=default:read-attribute(name=active)')" != true ] \
      || FAILED_BACK=$(since "$RESTARTED_AT")
    sleep 0.5
    (( $(date +%s) - ${RESTARTED_AT%.*} < 420 )) \
      || { echo "node $VICTIM: prepared transactions resolved after ${RECOVERED:-never}, broker back after ${FAILED_BACK:-never} (7 minutes)" >&2; break; }
  done
  stamp "node $VICTIM's prepared transactions resolved ${RECOVERED:-not} s after its restart;" \
    "broker failed back to node A ${FAILED_BACK:-not} s after it; $(brokers_live)"
  prepared_list "after node $VICTIM's restart and recovery"
  echo "node $VICTIM's transaction recovery and broker, from its log since the restart:"
  awk -v t="$(date -d @"${RESTARTED_AT%.*}" '+%F %T')" '$1 " " $2 >= t && /ARJUNA|AMQ2210(06|07|35)/' \
    "$WORK/node-$VICTIM/log/server.log" | cut -c1-200 | tail -20 || true
  [ "$VICTIM" != a ] || grep -h -E 'AMQ2210(08|31)' "$WORK/node-b/log/server.log" | tail -2 | cut -c1-200 | sed 's/^/node b: /'
  LIVE=$(live_broker)
fi
until finished; do
  sleep 5
  LIVE=$(live_broker)
  (( $(date +%s) - ${KILLED_AT%.*} < 900 )) || { echo "the pair did not finish within 15 minutes" >&2; break; }
done
stamp "the pair finished $(since "$KILLED_AT") s after the kill (queues empty on node $LIVE's broker, every sales row stored); uptime: $(uptime)"
SURVIVOR_SALES=$(activity $SURVIVOR sales)
[ "$VICTIM" = "$ELECTED" ] || TAKEN_BEFORE=0
echo "== counts against the input"
echo "sales rows: $SALES_ROWS; taken by the killed node $VICTIM (its watermark): $TAKEN_BEFORE; polled by node $SURVIVOR since it started: $SURVIVOR_SALES"
echo "membership messages: sent $SENT, left $(broker hub.in.membership message-count)"
echo "resolver queue on node $LIVE's broker: added since it went live $(broker AtriumRecords messages-added), left $(broker AtriumRecords message-count); dead letters: $(broker AtriumDLQ message-count)"
hub_count "select 'hub: ' || (select count(*) from source_record where source = 'sales') || ' sales source records ('
  || (select count(distinct source_id) from source_record where source = 'sales') || ' distinct), '
  || (select count(*) from source_record where source = 'membership') || ' membership source records ('
  || (select count(distinct source_id) from source_record where source = 'membership') || ' distinct), '
  || (select count(*) from customer) || ' customers, ' || (select count(*) from record_hash) || ' record hashes ('
  || (select count(*) from (select distinct source_record_id, hash, field from record_hash) h) || ' distinct)'"
hub_count "select 'in-doubt (prepared) transactions left in PostgreSQL: ' || count(*) from pg_prepared_xacts"
echo "brokers at the end: $(brokers_live)"

#!/usr/bin/env bash
# Incremental resolution in the hub at scale: seeds a PostgreSQL hub database with N records resolved by the
# engine (customers, links, golden values, hashes, as the hub stores them), starts the hub against it, posts
# M more records (new ones, most of them of persons already seeded, and a tenth updates of seeded records)
# through the ingest API, and prints the resolver's own in-transaction timings, an end-to-end sample and the
# statements that took the database's time. Everything runs in target/bench-incremental/ with its own
# PostgreSQL (port 5632) and its own WildFly base dir (port offset 200: HTTP 8280).
# Usage: bench/incremental.sh [records to seed, default 1000000] [records to post, default 5000]
# Env: RATE (records/s posted, default 50), BATCH (lines per request, default 25), E2E (sample size, default 200),
#      WARMUP (records posted the same way before the measured ones and not measured, default 1000: the hub's
#      JIT compiles its resolver path during the first records, a running hub has done that long ago; in the
#      measured phase its compiler threads still took 0.6-1.5 ms of CPU a record after 10,000, 0.2-0.5 ms after 40,000
#      and 0.08-0.18 ms after 120,000, so measure THROUGHPUT with WARMUP=120000 and 40000 posted; BENCHMARKS "The JIT
#      in the measured phase" and "The customers a batch will join, locked ahead"),
#      THEN_SQL (an experiment: SQL run on the hub database after the first M records, e.g. an index the hub
#      lacks; then M more records are posted and measured the same way, and the end-to-end sample follows),
#      BEFORE_SQL (an experiment: SQL run on the seeded database before the hub starts),
#      HUB_OPTS (more JVM options for the hub, e.g. -XX:StartFlightRecording=filename=/tmp/hub.jfr,settings=profile)
#      EAR (the hub to deploy, default ear/target/atrium.ear: a copy of another build compares before and after)
#      HUB_PROPS (more hub settings, one key=value per line, e.g. atrium.resolver.sessions=2)
#      PG_URL_OPTIONS (PostgreSQL driver options added to the hub's JDBC URL, after logServerErrorDetail=false, e.g.
#      reWriteBatchedInserts=true; several joined with &)
#      THROUGHPUT=1 (records/s: the M records are posted as fast as the ingest API takes them, in requests of BATCH,
#      default then 200, the resolver's message size, and timed from the first post until the resolver has resolved
#      them all and AtriumRecords is empty; WARMUP records go the same way first, unmeasured; the hub's, PostgreSQL's
#      and the machine's CPU a record over the round follow, read from /proc: compare CPU a record rather than records/s,
#      which spread 615-853 run to run for the same hub on a quiet machine after 120,000 of warm-up, BENCHMARKS
#      "The customers a batch will join, locked ahead")
#      PACED (records/s: the M records are posted at that fixed rate, in requests of BATCH, default then 10, while a
#      reader takes the change events: subscribed to the change-event topic as the app user, as a downstream
#      application is, or with EVENTS=feed following the changes feed, a page every 20 ms, from its end as the posting
#      starts (the pull path; both gave the same figures, BENCHMARKS "The reader subscribed to the topic"); per
#      record, the time from its post until the reader has the first change event it caused, p50/p95/p99/max, and
#      that time split at the event's occurredAt, when the resolver took the record up; WARMUP records are posted at
#      the same rate first, unmeasured: give PACED runs 120000, as THROUGHPUT)
#      DB=h2 (the hub on its default H2 file database, as the demo runs, instead of PostgreSQL: nothing is seeded,
#      the first argument must be 0, and no statement figures are printed)
#      LOOKUPS (seconds: instead of posting, time REST lookups by phone and ID number of seeded records for that long
#      per key, after as long a warm-up, with CLIENTS concurrent clients, default 1,16, as LOOKUP_USER, default app,
#      each user first warming every key up once with the most clients, unmeasured, so no key pays for the JIT,
#      for LOOKUP_KEYS, default phone,idNumber,name (session: GET /session, the ceiling of HTTP, authentication and JSON
#      without a lookup); several users with commas, e.g. app,viewer, one after the other on the same hub; then the
#      statements the lookups ran, from pg_stat_statements)
#      PAGES (customers: instead of posting, time what each console page asks the API for, for that many random seeded
#      customers found by phone, one page after the other as one user clicks, after PAGES_WARMUP (default 50) other
#      customers through the same pages, as admin (whole, audited) and then as viewer (masked); per page p50/p95/p99/max
#      at the client; then the statements the pages ran, from pg_stat_statements; the first argument to post must be 0)
#      RESCORE=1 (after the posted records, if any: re-score every stored link with POST /resolver/rescoring, timed from
#      the request until GET /resolver/rescoring says DONE; links/s, decisions and customers changed. The hub
#      never re-scores by itself here (atrium.resolver.rescore-after-recount=false). Hold the heavy lock for the whole
#      run: HEAVY_LOCK_HELD=1)
#      FACTS (tickets created per second: the live value refresh's latency and cost. Scores every seeded customer and
#      defines two segments first, then streams FACTS_TICKETS (default 1,000) complaint tickets of seeded persons through
#      the signed ticket webhook, each closed with a rating CLOSE_AFTER (default 3) s after it was created, while the M
#      records are posted PACED at RATE (default 30) in requests of 10; then per customer of a ticket, the time from its
#      last ticket event, as sent and as the hub stored the fact (source_fact.stored_at), until its score row
#      (customer_value.computed_at, segments are written in the same transaction) p50/p95/p99/max; then restarts the
#      hub twice and posts M more records as THROUGHPUT does, with atrium.analytics.live-refresh=false, then true.
#      Needs HEAVY_LOCK_HELD=1: the hub restarts midway)
#      REUSE_DB=1 (start the hub on the database an earlier run seeded with as many records, instead of seeding again:
#      for LOOKUPS and PAGES runs, which add nothing but audit rows; the hub's schema update adds what the entities gained)
#      SEED_HEAP (the seeder's -Xmx, default 12g: less when other work on the machine needs its memory)
#      HEAVY_LOCK_HELD=1 (the caller holds /tmp/atrium-heavy.lock for the whole run, seeding included, e.g.
#      flock /tmp/atrium-heavy.lock env HEAVY_LOCK_HELD=1 bench/incremental.sh ...: the script does not take it again)
# Needs a build first: ./mvnw -q -DskipTests package (the hub's EAR, the simulators and bench/incremental)
set -euo pipefail
cd "$(dirname "$0")/.."
SEED=${1:-1000000}
POST=${2:-5000}
DB=${DB:-postgresql}
THROUGHPUT=${THROUGHPUT:-}
if [ -n "$THROUGHPUT" ]; then RATE=${RATE:-1000000}; BATCH=${BATCH:-200}; fi
POSTER=post
if [ -n "${PACED:-}" ]; then RATE=$PACED; BATCH=${BATCH:-10}; POSTER=paced; fi
# how a paced round's reader takes the change events: subscribed to the topic as a downstream application, or polling the feed
EVENTS=${EVENTS:-topic}
BROKER="tcp://127.0.0.1:8280?httpUpgradeEnabled=true&httpUpgradeEndpoint=http-acceptor"
RATE=${RATE:-50}
BATCH=${BATCH:-25}
if [ "$DB" = h2 ] && (( SEED != 0 )); then echo "DB=h2 seeds nothing: give 0 records to seed" >&2; exit 2; fi
E2E=${E2E:-200}
WARMUP=${WARMUP:-1000}
ROOT=$PWD
WILDFLY=$ROOT/target/wildfly-39.0.1.Final
WORK=$ROOT/target/bench-incremental
BASE=$WORK/server
PGDATA=$WORK/pgdata
PGPORT=5632
source "$ROOT/bench/lib/postgres.sh"
source "$ROOT/bench/lib/server.sh"
API=http://127.0.0.1:8280/hub/api
BENCH="java -jar $ROOT/bench/incremental/target/atrium-bench.jar"
LOCK=/tmp/atrium-heavy.lock
HOLD_LOCK="flock $LOCK"; [ -n "${HEAVY_LOCK_HELD:-}" ] && HOLD_LOCK=
stamp() { echo "[$(date +%T)] $*"; }

SERVER=
cleanup() {
  stop_server
  stop_postgres
}
trap cleanup EXIT

# the hub on port offset 200 with the run's settings, until it answers: launch_server and await_hub (bench/lib/server.sh)
start_server() { # log file
  JBOSS_JAVA_SIZING="-Xms1g -Xmx4g ${HUB_OPTS:-}" launch_server "$1" -Djboss.socket.binding.port-offset=200 \
    -P "$BASE/atrium.properties"
  await_hub "$API" "$1"
}

SEEDED=$WORK/seeded-$SEED
REUSE=; [ -n "${REUSE_DB:-}" ] && [ "$DB" = postgresql ] && [ -e "$SEEDED" ] && REUSE=1
rm -rf "$WORK/server" && mkdir -p "$WORK"
if [ -z "$REUSE" ]; then rm -rf "$PGDATA" "$WORK"/seeded-*; fi
ROUNDS=1; [ -n "${THEN_SQL:-}" ] && ROUNDS=2
if [ -n "${FACTS:-}" ]; then
  [ -n "${HEAVY_LOCK_HELD:-}" ] || { echo "FACTS restarts the hub midway: hold $LOCK for the run (HEAVY_LOCK_HELD=1)" >&2; exit 2; }
  ROUNDS=3; E2E=0; RATE=${PACED:-30}; BATCH=10
fi
TOTAL=$((SEED + WARMUP + POST * ROUNDS + E2E))
POPULATION=$WORK/population-$TOTAL.jsonl
if [ ! -s "$POPULATION" ]; then
  stamp "simulating a population of $TOTAL records"
  java -jar simulators/target/atrium-simulators.jar population --seed 20260303 --persons $((TOTAL * 41 / 100)) \
    --records "$TOTAL" --output "$POPULATION.tmp" 2>&1 | tail -1
  mv "$POPULATION.tmp" "$POPULATION"
fi
$BENCH prepare --input "$POPULATION" --seed "$SEED" --post $((WARMUP + POST * ROUNDS)) --e2e "$E2E" --dir "$WORK"
head -n "$WARMUP" "$WORK/post.jsonl" > "$WORK/warmup.jsonl"
# sed, not tail | head: head closing the pipe early fails the pipeline (pipefail) once the rest outgrows its buffer
sed -n "$((WARMUP + 1)),$((WARMUP + POST))p" "$WORK/post.jsonl" > "$WORK/post-1.jsonl"
sed -n "$((WARMUP + POST + 1)),$((WARMUP + POST * 2))p" "$WORK/post.jsonl" > "$WORK/post-2.jsonl"
tail -n +$((WARMUP + POST * 2 + 1)) "$WORK/post.jsonl" > "$WORK/post-3.jsonl"

if [ -n "$REUSE" ]; then
stamp "PostgreSQL in $PGDATA as an earlier run seeded it, port $PGPORT"
resume_postgres
elif [ "$DB" = postgresql ]; then
stamp "PostgreSQL $(basename "$(dirname "$PGBIN")") in $PGDATA, port $PGPORT"
start_postgres "shared_buffers = 1GB" "max_wal_size = 4GB" "shared_preload_libraries = 'pg_stat_statements'" \
  "pg_stat_statements.track = all"
psql_ -U postgres -d atrium -c "create extension pg_stat_statements"

fi

stamp "hub base dir $BASE (HTTP 8280), creating the schema"
mkdir -p "$BASE/deployments"
cp -r "$WILDFLY/standalone/configuration" "$BASE/"
JBOSS_HOME=$WILDFLY bash "$ROOT/config/cli/add-demo-users.sh" "$BASE/configuration" > /dev/null
# deployments another run made through the management API are not ours (their content is not copied)
sed -i '/<deployments>/,/<\/deployments>/d' "$BASE/configuration/standalone-full.xml"
# a snapshot of the built EAR; retried while a concurrent build is still writing it
for attempt in $(seq 30); do
  cp "${EAR:-ear/target/atrium.ear}" "$WORK/atrium.ear" && unzip -tq "$WORK/atrium.ear" > /dev/null 2>&1 && break
  if (( attempt == 30 )); then echo "${EAR:-ear/target/atrium.ear} is not a complete archive" >&2; exit 1; fi
  sleep 10
done
mv "$WORK/atrium.ear" "$BASE/deployments/"
if [ "$DB" = postgresql ]; then
  cat > "$BASE/atrium.properties" <<PROPS
atrium.db.driver=postgresql
atrium.db.url=jdbc:postgresql://127.0.0.1:$PGPORT/atrium?logServerErrorDetail=false${PG_URL_OPTIONS:+&$PG_URL_OPTIONS}
atrium.db.user=atrium
atrium.db.password=bench
PROPS
else
  : > "$BASE/atrium.properties"
fi
# the recount before each round would start a re-scoring pass over every seeded link beside the measured records
echo "atrium.resolver.rescore-after-recount=false" >> "$BASE/atrium.properties"
echo "${HUB_PROPS:-}" >> "$BASE/atrium.properties"
[ -n "${FACTS:-}" ] && echo "atrium.service.webhook-secret=bench-facts" >> "$BASE/atrium.properties"
start_server "$BASE/schema.out"
stop_server
if [ "$DB" = postgresql ] && [ -z "$REUSE" ]; then
psql_ -U atrium -d atrium -c "select count(*) as tables from pg_tables where schemaname = 'public'" | sed -n 3p \
  | xargs -I{} echo "schema created by the hub: {} tables"

stamp "seeding $SEED records"
SEED_START=$SECONDS
java -Xmx${SEED_HEAP:-12g} -jar bench/incremental/target/atrium-bench.jar seed --input "$WORK/seed.jsonl" \
  --url "jdbc:postgresql://127.0.0.1:$PGPORT/atrium" --user atrium --password bench
psql_ -U postgres -d atrium -c "vacuum analyze"
SEED_SECONDS=$((SECONDS - SEED_START))
psql_ -U atrium -d atrium -A -t -c "select 'seeded in $SEED_SECONDS s (with vacuum analyze): '
  || (select count(*) from source_record) || ' source records, ' || (select count(*) from customer) || ' customers, '
  || (select count(*) from record_hash) || ' record hashes, ' || (select count(*) from match_link) || ' match links, '
  || (select count(*) from golden_value) || ' golden values; database ' || pg_size_pretty(pg_database_size('atrium'))"
touch "$SEEDED"

if [ -n "${BEFORE_SQL:-}" ]; then
  stamp "experiment: $BEFORE_SQL"
  psql_ -U postgres -d atrium -c "$BEFORE_SQL" -c "analyze"
fi
fi
stamp "starting the hub on the seeded database"
start_server "$BASE/server.out"
# the hub takes its own frequency snapshot a second after start; let it finish before taking the lock
until grep -q "frequency snapshot of" "$BASE/server.out"; do sleep 2; done
grep -o "frequency snapshot of.*" "$BASE/server.out" | head -1

statements() { # what was timed
  [ "$DB" = postgresql ] || return 0
  echo "database time by statement during $1 (pg_stat_statements; values are parameters, never shown):"
  psql_ -U postgres -d atrium -P pager=off -c "select calls, round(total_exec_time::numeric, 0) as total_ms,
      round(mean_exec_time::numeric, 3) as mean_ms, round(max_exec_time::numeric, 1) as max_ms, rows,
      left(regexp_replace(query, '\s+', ' ', 'g'), 150) as statement
    from pg_stat_statements where dbid = (select oid from pg_database where datname = 'atrium')
    order by total_exec_time desc limit 15"
  psql_ -U postgres -d atrium -A -t -c "select 'rows written (insert, update, delete): ' || coalesce(sum(rows), 0)
      || ', of them block_lock: ' || coalesce(sum(rows) filter (where query ~* 'block_lock'), 0)
    from pg_stat_statements where dbid = (select oid from pg_database where datname = 'atrium')
      and query ~* '^\s*(insert|update|delete)'"
  psql_ -U postgres -d atrium -A -t -c "select 'key-lock statements (block_lock, pg_advisory_xact_lock): '
      || coalesce(sum(calls), 0) || ' calls, ' || round(coalesce(sum(total_exec_time), 0)::numeric) || ' ms'
    from pg_stat_statements where dbid = (select oid from pg_database where datname = 'atrium')
      and query ~* 'block_lock|pg_advisory_xact_lock'"
  psql_ -U postgres -d atrium -A -t -c "select 'all statements: ' || sum(calls) || ' calls (reads: '
      || coalesce(sum(calls) filter (where query ~* '^\s*select'), 0) || '), ' || round(sum(total_exec_time)::numeric)
      || ' ms, ' || sum(rows) || ' rows'
    from pg_stat_statements where dbid = (select oid from pg_database where datname = 'atrium')"
  echo "statements by calls:"
  psql_ -U postgres -d atrium -P pager=off -c "select calls, round(total_exec_time::numeric, 0) as total_ms, rows,
      left(regexp_replace(query, '\s+', ' ', 'g'), 110) as statement
    from pg_stat_statements where dbid = (select oid from pg_database where datname = 'atrium')
    order by calls desc limit 25"
}

if [ -n "${LOOKUPS:-}" ]; then
  LOOKUP_USER=${LOOKUP_USER:-app}
  stamp "lookups, $LOOKUPS s per key and client count (holding $LOCK); load average $(cut -d' ' -f1-3 /proc/loadavg)"
  psql_ -U postgres -d atrium -c "select pg_stat_statements_reset()" > /dev/null
  for user in ${LOOKUP_USER//,/ }; do
    echo "as $user:"
    $HOLD_LOCK $BENCH lookups --input "$WORK/seed.jsonl" --hub "$API" --user "$user" \
      --password "$user-pass1!" --clients "${CLIENTS:-1,16}" --seconds "$LOOKUPS" --keys "${LOOKUP_KEYS:-phone,idNumber,name}"
  done
  statements "the lookups"
  stamp "done; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  exit 0
fi

if [ -n "${PAGES:-}" ]; then
  stamp "console pages, $PAGES customers per user (holding $LOCK); uptime: $(uptime)"
  psql_ -U postgres -d atrium -c "select pg_stat_statements_reset()" > /dev/null
  for user in admin viewer; do
    $HOLD_LOCK $BENCH pages --input "$WORK/seed.jsonl" --hub "$API" --user $user --password "$user-pass1!" \
      --customers "$PAGES" --warmup "${PAGES_WARMUP:-50}"
  done
  statements "the pages (both users)"
  stamp "done; uptime: $(uptime)"
  exit 0
fi

if [ -n "${FACTS:-}" ]; then
  admin() { curl -sf -u 'admin:admin-pass1!' "$@"; }
  status_user="--status-user operator --status-password operator-pass1!"
  stamp "scoring every seeded customer; uptime: $(uptime)"
  admin -X POST "$API/analytics/recompute" > /dev/null
  until admin "$API/analytics/recompute" | grep -q '"running":false'; do sleep 2; done
  admin "$API/analytics/recompute"; echo
  while read -r name rule; do
    admin -X PUT -H 'Content-Type: application/json' -d "{\"rule\": \"$rule\"}" "$API/segments/$name" > /dev/null
  done <<'SEGMENTS'
unhappy satisfaction < 50 and open_complaints >= 1
valuable-at-risk cell = HIGH_HIGH and at_risk
SEGMENTS
  psql_ -U atrium -d atrium -A -t -c "select count(*) || ' customers scored, ' || (select count(*) from segment_member)
    || ' segment members' from customer_value"
  $BENCH post --input "$WORK/warmup.jsonl" --hub "$API" --user app --password 'app-pass1!' $status_user \
    --batch "$BATCH" --rate "$RATE" | sed 's/^/warm-up, not measured: /'
  stamp "$FACTS tickets/s (${FACTS_TICKETS:-1000} tickets, each created and closed) and $RATE records/s in requests of $BATCH; uptime: $(uptime)"
  $BENCH tickets --input "$WORK/seed.jsonl" --hub "$API" --secret bench-facts --output "$WORK/tickets-sent.csv" \
    --rate "$FACTS" --tickets "${FACTS_TICKETS:-1000}" --close-after "${CLOSE_AFTER:-3}" &
  TICKETS=$!
  $BENCH paced --input "$WORK/post-1.jsonl" --hub "$API" --user app --password 'app-pass1!' $status_user \
    --batch "$BATCH" --rate "$RATE" --events "$EVENTS" --broker "$BROKER"
  wait $TICKETS
  # the resolver has taken every ticket once its queue is empty; then the refresh's last drain
  until curl -sf -u 'operator:operator-pass1!' "$API/connectors" | python3 -c 'import json, sys
sys.exit(0 if [q["messages"] for q in json.load(sys.stdin)["queues"] if q["queue"] == "AtriumRecords"] == [0] else 1)'; do sleep 1; done
  sleep 5
  stamp "streamed; uptime: $(uptime)"
  psql_ -U atrium -d atrium -c "create table bench_ticket_sent (ticket_id varchar(64), sent_ms bigint)" \
    -c "\copy bench_ticket_sent from '$WORK/tickets-sent.csv' csv"
  psql_ -U atrium -d atrium -P pager=off -c "
    with last as (
      select r.customer_id, max(t.sent_ms) / 1000.0 as sent, extract(epoch from max(f.stored_at)) as stored
      from bench_ticket_sent t
      join source_record r on r.source = 'service' and r.source_id = t.ticket_id
      join source_fact f on f.source = 'service' and f.fact_id = t.ticket_id
      group by r.customer_id),
    timed as (
      select l.*, extract(epoch from v.computed_at) as scored from last l join customer_value v on v.customer_id = l.customer_id)
    select 'arrival (sent)' as from_, count(*) as customers, count(*) filter (where scored < sent) as scored_before_it,
        round(percentile_cont(0.5) within group (order by scored - sent)::numeric * 1000) as p50_ms,
        round(percentile_cont(0.95) within group (order by scored - sent)::numeric * 1000) as p95_ms,
        round(percentile_cont(0.99) within group (order by scored - sent)::numeric * 1000) as p99_ms,
        round(max(scored - sent)::numeric * 1000) as max_ms from timed
    union all
    select 'fact stored', count(*), count(*) filter (where scored < stored),
        round(percentile_cont(0.5) within group (order by scored - stored)::numeric * 1000),
        round(percentile_cont(0.95) within group (order by scored - stored)::numeric * 1000),
        round(percentile_cont(0.99) within group (order by scored - stored)::numeric * 1000),
        round(max(scored - stored)::numeric * 1000) from timed"
  # one drain transaction stamps all its customers with one computed_at: how many changes each refresh gathered
  psql_ -U atrium -d atrium -A -t -c "select 'score rows written since the first ticket: ' || count(*) || ' in '
    || count(distinct computed_at) || ' refresh transactions' from customer_value
    where computed_at >= (select to_timestamp(min(sent_ms) / 1000.0) from bench_ticket_sent)"
  for live in false true; do
    stop_server
    sed -i '/^atrium.analytics.live-refresh=/d' "$BASE/atrium.properties"
    echo "atrium.analytics.live-refresh=$live" >> "$BASE/atrium.properties"
    stamp "hub restarted with atrium.analytics.live-refresh=$live"
    start_server "$BASE/server-$live.out"
    until grep -q "frequency snapshot of" "$BASE/server-$live.out"; do sleep 2; done
    round_file=$WORK/post-2.jsonl; [ "$live" = true ] && round_file=$WORK/post-3.jsonl
    echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
    $BENCH post --input "$round_file" --hub "$API" --user app --password 'app-pass1!' $status_user --batch 200 --rate 1000000
    echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  done
  stamp "done; uptime: $(uptime)"
  exit 0
fi

proc_ticks() { # CPU ticks (user, system) of these processes, and of the children the first one reaped
  # comm may hold spaces, so the fields are counted from the end of "(comm)"
  for pid in "$@"; do sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null; done \
    | awk '{ t += $12 + $13 } NR == 1 { t += $14 + $15 } END { print t + 0 }'
}
cpu_ticks() { # CPU ticks so far: the hub's JVM, PostgreSQL (the postmaster, its backends, those it reaped), the machine busy
  local hub=0 pg=0 pm
  [ -r "$BASE/server.pid" ] && hub=$(proc_ticks "$(cat "$BASE/server.pid")")
  if [ "$DB" = postgresql ] && pm=$(head -1 "$PGDATA/postmaster.pid" 2>/dev/null); then
    pg=$(proc_ticks "$pm" $(pgrep -P "$pm"))
  fi
  echo "$hub $pg $(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat)"
}
cpu_per_record() { # ticks before, ticks after, records: what each process spent a record
  awk -v hz="$(getconf CLK_TCK)" -v n="$3" -v a="$1" -v b="$2" 'BEGIN { split(a, x); split(b, y);
    printf "CPU a record over the round (ms; machine of two cores, the bench client included): hub JVM %.2f, PostgreSQL %.2f, machine %.2f\n",
      (y[1] - x[1]) * 1000 / hz / n, (y[2] - x[2]) * 1000 / hz / n, (y[3] - x[3]) * 1000 / hz / n }'
}
round() { # posted file
  curl -sf -u 'admin:admin-pass1!' -X POST "$API/resolver/frequencies/refresh" > /dev/null
  grep -o "frequency snapshot of.*" "$BASE/server.out" | tail -1
  curl -sf -u 'admin:admin-pass1!' -X POST "$API/resolver/timings/reset" > /dev/null
  [ "$DB" = postgresql ] && psql_ -U postgres -d atrium -c "select pg_stat_statements_reset()" > /dev/null
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  local before
  before=$(cpu_ticks)
  $BENCH $POSTER --input "$1" --hub "$API" --user app --password 'app-pass1!' \
    --status-user operator --status-password 'operator-pass1!' --batch "$BATCH" --rate "$RATE" --events "$EVENTS" --broker "$BROKER"
  cpu_per_record "$before" "$(cpu_ticks)" "$(wc -l < "$1")"
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  statements "the posted records"
}
measure() {
  stamp "measured phase (holding $LOCK)"
  if (( WARMUP > 0 )); then
    $BENCH post --input "$WORK/warmup.jsonl" --hub "$API" --user app --password 'app-pass1!' \
      --status-user operator --status-password 'operator-pass1!' --batch "$BATCH" --rate "$RATE" | sed 's/^/warm-up, not measured: /'
  fi
  round "$WORK/post-1.jsonl"
  if [ -n "${THEN_SQL:-}" ]; then
    stamp "experiment: $THEN_SQL"
    psql_ -U postgres -d atrium -c "$THEN_SQL" -c "analyze"
    round "$WORK/post-2.jsonl"
  fi
  if (( E2E > 0 )); then
    $BENCH e2e --input "$WORK/e2e.jsonl" --hub "$API" --user app --password 'app-pass1!'
  fi
  echo "hub heap after the run: $(jcmd "$(pgrep -g "$SERVER" -x java)" GC.heap_info 2>/dev/null | grep -m1 -o 'total.*')"
}
export -f measure round statements psql_ stamp proc_ticks cpu_ticks cpu_per_record
export SERVER WORK BASE API BENCH PGBIN PGPORT PGDATA BATCH RATE POSTER EVENTS BROKER LOCK THEN_SQL WARMUP E2E DB
(( POST + WARMUP > 0 )) && $HOLD_LOCK bash -c measure
if [ -n "${RESCORE:-}" ]; then
  stamp "re-scoring every stored link; uptime: $(uptime)"
  [ "$DB" = postgresql ] && psql_ -U postgres -d atrium -c "select pg_stat_statements_reset()" > /dev/null
  RESCORE_START=$(date +%s.%N)
  curl -sf -u 'admin:admin-pass1!' -X POST "$API/resolver/rescoring" > /dev/null
  until curl -sf -u 'operator:operator-pass1!' "$API/resolver/rescoring" | grep -q '"state":"\(DONE\|FAILED\)"'; do sleep 1; done
  RESCORE_END=$(date +%s.%N)
  PASS=$(curl -sf -u 'operator:operator-pass1!' "$API/resolver/rescoring")
  echo "$PASS"
  DONE_LINKS=$(echo "$PASS" | grep -o '"done":[0-9]*' | cut -d: -f2)
  awk -v n="$DONE_LINKS" -v a="$RESCORE_START" -v b="$RESCORE_END" \
    'BEGIN { printf "re-scored %d links in %.1f s: %.0f links/s\n", n, b - a, n / (b - a) }'
  statements "the re-scoring"
fi
stamp "done"

#!/usr/bin/env bash
# The store-ceiling benchmark's database and runs (BENCHMARKS.md, "What store could reach 2,000 records/s"). A private
# PostgreSQL (bench/lib/postgres.sh: target/store-ceiling/pgdata, port $PGPORT, default 5652) holding population.sql's
# 1,000,000 records, and StoreCeiling.java run against it with the postgresql driver from ~/.m2. Commands:
#   run.sh start                 initialise and start the database (shared_buffers 1GB, max_wal_size 4GB, as bench/incremental.sh)
#   run.sh populate              build the population (under /tmp/atrium-heavy.lock; RECORDS and PERSONS make a smaller one)
#   run.sh template | reset      keep the population as the database atrium_base | replace atrium by a copy of it (15 s)
#   run.sh gin | nogin           create or drop the GIN index on source_record.block_keys (the array runs need it; GIN_WITH="with (fastupdate = off)")
#   run.sh measure OPTION...     one StoreCeiling run (options in its header), e.g. --hashes=rows --batch=200 --run=1
#   run.sh series RUN OPTION...  six measures of one design (batch 200 and 1000; 1 session, 2 disjoint, 2 shared), runs RUN..RUN+5
#   run.sh locks                 the advisory-lock checks: how many one transaction can hold, and across PREPARE TRANSACTION
#   run.sh sizes                 table sizes and row counts
#   run.sh stop                  stop the database
# Timed runs and the population take the heavy lock from the caller: flock /tmp/atrium-heavy.lock bench/store-ceiling/run.sh ...
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WORK=$ROOT/target/store-ceiling
PGDATA=$WORK/pgdata
PGPORT=${PGPORT:-5652}
source "$ROOT/bench/lib/postgres.sh"
DRIVER=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)
URL=jdbc:postgresql://127.0.0.1:$PGPORT/atrium
sql() { psql_ -U atrium -d atrium "$@"; }

case "${1:-}" in
  start)
    mkdir -p "$WORK" && chmod 755 "$WORK"
    start_postgres "shared_buffers = 1GB" "max_wal_size = 4GB"
    ;;
  populate)
    start=$(date +%s)
    sql -v records=${RECORDS:-1000000} -v persons=${PERSONS:-640000} < "$HERE/population.sql"
    psql_ -d atrium -c "vacuum analyze" -c "checkpoint"
    echo "population built in $(( $(date +%s) - start )) s, load $(cut -d' ' -f1-3 /proc/loadavg)"
    ;;
  template)
    psql_ -c "create database atrium_base template atrium strategy file_copy"
    ;;
  reset)
    psql_ -c "drop database atrium" -c "create database atrium template atrium_base strategy file_copy owner atrium"
    ;;
  gin)
    sql -c "create index if not exists ix_source_record_block_keys on source_record using gin (block_keys) ${GIN_WITH:-}" -c "analyze source_record"
    ;;
  nogin)
    sql -c "drop index if exists ix_source_record_block_keys"
    ;;
  measure)
    shift
    java -cp "$DRIVER" "$HERE/StoreCeiling.java" --url="$URL" --pgdata="$PGDATA" --persons=${PERSONS:-640000} "$@"
    ;;
  series)
    # the six loads of one design: batches of 200 and 1,000, one session, two with disjoint keys, two sharing keys
    shift
    run=$1; shift
    for batch in 200 1000; do
      for sessions in "--sessions=1" "--sessions=2 --keys=disjoint" "--sessions=2 --keys=shared"; do
        echo "$(date -u +%T) run $run"
        "$0" measure --run=$run --batch=$batch $sessions "$@"
        run=$((run + 1))
      done
    done
    ;;
  locks)
    sql -At -c "select name || ' = ' || setting from pg_settings where name in ('max_locks_per_transaction', 'max_connections', 'max_prepared_transactions')"
    for n in 2000 8000 10000 12000 14000 16000 20000; do
      printf '%s advisory locks in one transaction: ' $n
      sql -c "begin" -At -c "select count(pg_advisory_xact_lock(h)) from generate_series(1, $n) h" -c "rollback" 2>&1 | tr "\n" " " || true
      echo
    done
    # held by a prepared transaction, are they still held? (another session tries them)
    sql -c "begin" -c "select pg_advisory_xact_lock(h) from generate_series(1, 3) h" -c "prepare transaction 'advisory-check'"
    sql -At -c "select 'advisory locks held by prepared transactions (no pid): ' || count(*) from pg_locks where locktype = 'advisory' and pid is null" \
      -c "select 'another session gets key 1: ' || pg_try_advisory_xact_lock(1)"
    sql -c "commit prepared 'advisory-check'"
    sql -At -c "select 'after commit prepared, another session gets key 1: ' || pg_try_advisory_xact_lock(1)"
    ;;
  sizes)
    sql -c "select relname, n_live_tup, pg_size_pretty(pg_total_relation_size(relid)) from pg_stat_user_tables order by pg_total_relation_size(relid) desc" \
      -c "select pg_size_pretty(pg_database_size('atrium'))"
    ;;
  stop)
    stop_postgres
    ;;
  *)
    awk 'NR > 1 && /^#/ { print } !/^#/ { exit }' "$0"; exit 2
    ;;
esac

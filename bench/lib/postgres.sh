# A private PostgreSQL 15 for a benchmark (sourced, not run): initialised afresh in $PGDATA, listening on 127.0.0.1:$PGPORT,
# with the hub's database `atrium` (user atrium, password bench). Before sourcing, set PGDATA, PGPORT and WORK (its log);
# start_postgres [setting ...] initialises and starts it, each setting one more line of postgresql.conf (a later line
# wins); resume_postgres starts a cluster an earlier start_postgres initialised; stop_postgres stops it (safe to call
# when it never started); psql_ runs psql as postgres.
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
psql_() { runuser -u postgres -- "$PGBIN/psql" -h 127.0.0.1 -p $PGPORT -X -q -v ON_ERROR_STOP=1 "$@"; }
stop_postgres() {
  [ -f "$PGDATA/postmaster.pid" ] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m fast -w stop > /dev/null || true
}
resume_postgres() { runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -l "$WORK/postgresql.log" -w start > /dev/null; }
start_postgres() {
  mkdir -p "$PGDATA" && : > "$WORK/postgresql.log" && chown postgres: "$PGDATA" "$WORK/postgresql.log"
  runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -U postgres -A trust -E UTF8 --no-locale > "$WORK/initdb.log"
  cat >> "$PGDATA/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PGPORT
unix_socket_directories = '$PGDATA'
shared_buffers = 256MB
max_prepared_transactions = 64
max_locks_per_transaction = 256  # the key locks are advisory locks (README, PostgreSQL)
CONF
  printf '%s\n' "$@" >> "$PGDATA/postgresql.conf"
  resume_postgres
  psql_ -U postgres -c "create role atrium login password 'bench'" -c "create database atrium owner atrium"
}

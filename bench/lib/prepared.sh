# Sourced by bench/two-nodes.sh and bench/crash-drill.sh (which define stamp).
# catch_prepared PID WHO COUNT_COMMAND...: freezes the JVM PID (SIGSTOP) at a moment when it holds a prepared
# transaction in the hub's database, as COUNT_COMMAND (printing how many prepared transactions are WHO's) says;
# frozen, it can commit nothing, so what pg_prepared_xacts shows then is what a kill leaves. Looked at twice, 200 ms
# apart: a COMMIT PREPARED already sent before the freeze completes in PostgreSQL within that. Between two looks the
# JVM runs for a random 20-60 ms. Returns with the JVM frozen, or fails after CATCH_TRIES (3000) looks.
catch_prepared() {
  local jvm=$1 who=$2 tries
  shift 2
  for (( tries = 1; tries <= ${CATCH_TRIES:-3000}; tries++ )); do
    kill -STOP "$jvm"
    if [ "$("$@")" != 0 ] && sleep 0.2 && [ "$("$@")" != 0 ]; then
      stamp "$who frozen holding $("$@") prepared transaction(s) at look $tries"
      return 0
    fi
    kill -CONT "$jvm"
    sleep "0.0$(( 2 + RANDOM % 5 ))"
  done
  echo "$who never held a prepared transaction in ${CATCH_TRIES:-3000} looks (frozen and released in turn)" >&2
  exit 1
}

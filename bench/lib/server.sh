# The hub's WildFly as a benchmark starts it (sourced, not run): started with JBOSS_PIDFILE=$BASE/server.pid and
# LAUNCH_JBOSS_IN_BACKGROUND=true under setsid, its wrapper's PID in SERVER. Used by bench/lib/drill.sh,
# bench/lib/hub-postgres.sh, bench/connectors.sh and bench/incremental.sh. The caller sets WILDFLY and BASE, and
# SERVER= before its EXIT trap calls stop_server.
# launch_server LOG [standalone.sh arguments]: starts standalone-full.xml on $BASE, output to LOG, and returns at once;
# JBOSS_JAVA_SIZING as the caller gives it (WildFly's default without).
launch_server() {
  local log=$1
  shift
  # the JVM's PID file lets stop_server wait until the JVM has let go of its ports, not just its wrapper
  JBOSS_HOME=$WILDFLY JBOSS_PIDFILE=$BASE/server.pid LAUNCH_JBOSS_IN_BACKGROUND=true \
    setsid "$WILDFLY/bin/standalone.sh" -c standalone-full.xml -Djboss.server.base.dir="$BASE" "$@" > "$log" 2>&1 &
  SERVER=$!
}
# await_hub API LOG: waits until the deployed hub answers API/health; exits when the server died, the deployment
# failed or ten minutes passed.
await_hub() {
  local start=$SECONDS
  until curl -sf "$1/health" > /dev/null; do
    sleep 2
    if ! kill -0 "$SERVER" 2>/dev/null || [ -e "$BASE/deployments/atrium.ear.failed" ] || (( SECONDS - start > 600 )); then
      echo "the hub did not start: see $2" >&2
      exit 1
    fi
  done
}
# stop_server stops the server: its process group, and its JVM by the PID it wrote (the JVM may have left the group's
# wrapper behind); waits until both are gone, SIGKILL after a minute.
stop_server() {
  local jvm waited=0
  jvm=$(cat "$BASE/server.pid" 2>/dev/null || true)
  [ -n "$SERVER" ] && kill -- -"$SERVER" 2>/dev/null || true
  [ -n "$jvm" ] && kill "$jvm" 2>/dev/null || true
  while { [ -n "$SERVER" ] && kill -0 "$SERVER" 2>/dev/null; } || { [ -n "$jvm" ] && kill -0 "$jvm" 2>/dev/null; }; do
    sleep 1
    if (( ++waited == 60 )); then [ -n "$jvm" ] && kill -9 "$jvm" 2>/dev/null || true; fi
  done
  SERVER=
}

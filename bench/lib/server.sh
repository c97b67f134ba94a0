# The hub's WildFly as a benchmark starts it (sourced, not run): started with JBOSS_PIDFILE=$BASE/server.pid and
# LAUNCH_JBOSS_IN_BACKGROUND=true under setsid, its wrapper's PID in SERVER. Used by bench/lib/drill.sh and
# bench/incremental.sh.
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

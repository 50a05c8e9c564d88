#!/usr/bin/env bash
# Runs the official Jakarta Messaging 3.1 TCK over amqp://: starts a Warren server (broker-server's runnable jar)
# on a free local port with a fresh data directory and the TCK's users, and runs run.sh beside this script with
# a copy of its jndi.properties whose connection factories connect to that server instead of vm://tck.
#
# usage: tck-tests/official/run-amqp.sh [JUnit console selectors...]   (the selectors of run.sh)
# The exit status is run.sh's: 0 only when every selected test passed.
#
# broker-server/target/warren-server.jar is built from this checkout first. The server runs as configured
# here: users j2ee/j2ee (the TCK's user) and javajoe/javajoe (its authuser), both with every permission on
# vhost /, no guest; it is stopped when this script ends, however it ends. Its log is warren-server.log in
# TCK_BUILD_DIR (default: a directory per checkout in the system temp directory, not the one of run.sh's
# vm:// runs), beside run.sh's reports and console log.
# WARREN_JAVA_OPTS passes JVM options to the server.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR=$ROOT/broker-server/target/warren-server.jar

TMP=$(dirname "$(mktemp -u)")
export TCK_BUILD_DIR=${TCK_BUILD_DIR:-$TMP/warren-jms-tck-amqp-$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)}
mkdir -p "$TCK_BUILD_DIR"
SERVER_LOG=$TCK_BUILD_DIR/warren-server.log

log() { echo "[tck-amqp] $*" >&2; }

log "building $JAR"
(cd "$ROOT" && mvn -q -B -DskipTests -pl broker-server -am package) >&2

WORK=$(mktemp -d)
SERVER_PID=
stop_server() {
    if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
        kill "$SERVER_PID" 2>/dev/null || true
        # The server closes connections and its journal on SIGTERM; give it a while, then stop it hard.
        for _ in $(seq 1 100); do
            kill -0 "$SERVER_PID" 2>/dev/null || break
            sleep 0.1
        done
        kill -9 "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap stop_server EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

cat > "$WORK/warren.conf" <<EOF
listeners.tcp.default = 127.0.0.1:0
management.tcp.port = 0
prometheus.tcp.port = 0
data_dir = $WORK/data
users.j2ee.password = j2ee
users.javajoe.password = javajoe
permissions.j2ee./ = .* .* .*
permissions.javajoe./ = .* .* .*
EOF

log "starting the server; its log is $SERVER_LOG"
java ${WARREN_JAVA_OPTS:-} -jar "$JAR" --config="$WORK/warren.conf" > "$SERVER_LOG" 2>&1 &
SERVER_PID=$!

# Port 0 lets the server pick a free port; its "started: amqp on HOST:PORT" line says which.
PORT=
for _ in $(seq 1 600); do
    PORT=$(sed -n 's/.* started: amqp on [^,]*:\([0-9][0-9]*\),.*/\1/p' "$SERVER_LOG" | head -1)
    [ -n "$PORT" ] && break
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
        tail -20 "$SERVER_LOG" >&2
        log "the server did not start; see $SERVER_LOG"
        exit 2
    fi
    sleep 0.1
done
if [ -z "$PORT" ]; then
    log "the server did not report its port within 60 s; see $SERVER_LOG"
    exit 2
fi
log "server listening on 127.0.0.1:$PORT"

# The same names as jndi.properties; each vm://tck factory URL becomes the server's. Client options are kept
# (clientID=cts); the in-JVM broker's options (persistent, users, usersFile) and the default credentials go, as
# the server has the users and the URL carries j2ee's.
URL="amqp://j2ee:j2ee@127.0.0.1:$PORT"
awk -v url="$URL" '
    /^[^#]*=vm:\/\/tck/ {
        eq = index($0, "="); key = substr($0, 1, eq); query = ""
        q = index($0, "?")
        if (q > 0) {
            n = split(substr($0, q + 1), opts, "&")
            for (i = 1; i <= n; i++) {
                name = opts[i]; sub(/=.*/, "", name)
                if (name == "clientID") { query = query (query == "" ? "?" : "&") opts[i] }
                else if (name != "persistent" && name != "users" && name != "usersFile" && name != "user" && name != "password") {
                    print "run-amqp.sh does not translate the option " name " of " key > "/dev/stderr"; bad = 1
                }
            }
        }
        print key url query; next
    }
    { print }
    END { exit bad }' "$HERE/jndi.properties" > "$WORK/jndi.properties"
if grep -q '^[^#]*vm://' "$WORK/jndi.properties"; then
    log "jndi.properties has a vm:// URL this script does not translate; update run-amqp.sh"
    exit 2
fi

set +e
WARREN_TCK_JNDI=$WORK/jndi.properties "$HERE/run.sh" "$@"
RC=$?
set -e
exit $RC

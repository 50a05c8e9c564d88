#!/usr/bin/env bash
# Starts a Warren server on a free loopback port with a fresh data directory, runs scripts/pika-check.py
# (Python pika: declare, bind, publish with confirms, get/ack, nack/requeue, consume/ack; XA where the server
# announces it) against it, and stops the server. Exit status is the check's. Needs java 17+, /usr/bin/python3
# with pika (Debian: python3-pika).
#
#   scripts/pika-check.sh [port]        # build first: mvn -B -pl broker-server -am package -DskipTests
#
# PIKA_SCRIPT names another script of this directory to run the same way (e.g. pika-backlog.py), PIKA_ARGS adds
# arguments to it, and WARREN_JAVA_OPTS adds JVM options to the server (e.g. -Xmx256m):
#
#   PIKA_SCRIPT=pika-backlog.py WARREN_JAVA_OPTS=-Xmx256m PIKA_ARGS="--count 300000" scripts/pika-check.sh
#
# Uses broker-server/target/warren-server.jar when it exists; otherwise the test launcher
# io.warren.server.process.ServerMain from target/classes and target/test-classes (mvn -pl broker-server -am
# test-compile), with the dependency class path from Maven. PIKA_CHECK_LAUNCHER=classes forces the latter.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
python=/usr/bin/python3
port="${1:-$($python -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
data="$(mktemp -d -t warren-pika-check.XXXXXX)"
log="$data.log"
pid=""

cleanup() {
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    fi
    rm -rf "$data"
}
trap cleanup EXIT

jar="$root/broker-server/target/warren-server.jar"
if [[ -f "$jar" && "${PIKA_CHECK_LAUNCHER:-jar}" != classes ]]; then
    echo "starting $jar on port $port" >&2
    java ${WARREN_JAVA_OPTS:-} -jar "$jar" --listeners.tcp.default="$port" --management.tcp.port=0 --prometheus.tcp.port=0 --data_dir="$data" >"$log" 2>&1 &
    pid=$!
else
    cp_file="$root/broker-server/target/pika-check.classpath"
    if [[ ! -s "$cp_file" ]]; then
        (cd "$root" && mvn -B -q -pl broker-server dependency:build-classpath -Dmdep.outputFile="$cp_file" >&2)
    fi
    classes="$root/broker-server/target/classes:$root/broker-server/target/test-classes"
    if [[ ! -f "$root/broker-server/target/test-classes/io/warren/server/process/ServerMain.class" ]]; then
        (cd "$root" && mvn -B -q -pl broker-server -am test-compile >&2)
    fi
    echo "starting io.warren.server.process.ServerMain on port $port" >&2
    java ${WARREN_JAVA_OPTS:-} -cp "$classes:$(cat "$cp_file")" io.warren.server.process.ServerMain "$data" "$port" >"$log" 2>&1 &
    pid=$!
fi

# wait (at most 60 s) until the port accepts connections
for _ in $(seq 1 600); do
    if ! kill -0 "$pid" 2>/dev/null; then
        echo "FAIL pika-check: the server exited during start-up:" >&2
        cat "$log" >&2
        exit 1
    fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        break
    fi
    sleep 0.1
done

status=0
# shellcheck disable=SC2086
"$python" "$root/scripts/${PIKA_SCRIPT:-pika-check.py}" --host 127.0.0.1 --port "$port" ${PIKA_ARGS:-} || status=$?
if [[ $status -ne 0 ]]; then
    echo "--- server log ---" >&2
    cat "$log" >&2
fi
rm -f "$log"
exit $status

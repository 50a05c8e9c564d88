#!/usr/bin/env bash
# The JMS workloads W1-W5 over the network, side by side in one run: Warren (its standalone server, reached with
# Warren's amqp:// JMS client), ActiveMQ Artemis (its broker in a JVM of its own, reached with its core-protocol
# client over TCP) and RabbitMQ (the Debian rabbitmq-server, reached with RabbitMQ's JMS client, whose persistent
# send does not wait for the broker's confirm; and as rabbitmq-confirmed, reached with Warren's amqp:// JMS client,
# whose send waits for it as Warren's and Artemis's do). Every broker runs in a process of its own; every
# measurement in a fresh benchmark JVM; providers interleaved.
#
#   benchmarks/network/run.sh
#
# RabbitMQ is started by hand beforehand (rabbitmq-server -detached; rabbitmqctl -q ping), or left out with
# PROVIDERS="warren artemis". Environment (defaults): REPS=3 SECONDS_MEASURED=10 WARMUP=5
# WORKLOADS="W1 W2 W2c W3 W4 W5" PROVIDERS="warren artemis rabbitmq rabbitmq-confirmed" HEAP=1g (benchmark and server JVMs)
# WARREN_PORT=5682 ARTEMIS_PORT=61626 RABBIT_URL=amqp://guest:guest@127.0.0.1:5672 WORK=(a new temporary
# directory: data, logs, results). Prints the summary (medians) at the end and writes it to $WORK/summary.md.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$REPO/benchmarks/network"
REPS=${REPS:-3}
SECS=${SECONDS_MEASURED:-10}
WARM=${WARMUP:-5}
WORKLOADS=${WORKLOADS:-"W1 W2 W2c W3 W4 W5"}
PROVIDERS=${PROVIDERS:-"warren artemis rabbitmq rabbitmq-confirmed"}
HEAP=${HEAP:-1g}
WARREN_PORT=${WARREN_PORT:-5682}
ARTEMIS_PORT=${ARTEMIS_PORT:-61626}
RABBIT_URL=${RABBIT_URL:-amqp://guest:guest@127.0.0.1:5672}
WORK=${WORK:-$(mktemp -d -t warren-network-bench.XXXXXX)}
mkdir -p "$WORK/logs"
log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

PIDS=()
cleanup() { for p in "${PIDS[@]:-}"; do [[ -n "$p" ]] && kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT

log "building (package, peers profile) in $REPO"
# one reactor run, so the class path names this checkout's fresh jars, never an installed copy of Warren
(cd "$REPO" && mvn -q -B -DskipTests -Ppeers -pl benchmarks -am package dependency:build-classpath \
    -DincludeScope=runtime -Dmdep.outputFile="$WORK/cp.txt")
CP="$REPO/benchmarks/target/classes:$(cat "$WORK/cp.txt")"

wait_port() { for _ in $(seq 1 120); do (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0; sleep 0.5; done; return 1; }

declare -A URL
for p in $PROVIDERS; do
  case "$p" in
    warren)
      java -Xms$HEAP -Xmx$HEAP -jar "$REPO/broker-server/target/warren-server.jar" \
          --listeners.tcp.default=$WARREN_PORT --management.tcp.port=0 --prometheus.tcp.port=0 --data_dir="$WORK/warren-data" > "$WORK/logs/warren.log" 2>&1 &
      PIDS+=($!)
      wait_port $WARREN_PORT || { log "Warren did not start: $WORK/logs/warren.log"; exit 1; }
      URL[warren]="amqp://guest:guest@127.0.0.1:$WARREN_PORT" ;;
    artemis)
      java -Xms$HEAP -Xmx$HEAP -cp "$CP" io.warren.benchmarks.peers.ArtemisServerMain "$HERE/artemis-broker.xml" \
          "$WORK/artemis-data" $ARTEMIS_PORT > "$WORK/logs/artemis.log" 2>&1 &
      PIDS+=($!)
      wait_port $ARTEMIS_PORT || { log "Artemis did not start: $WORK/logs/artemis.log"; exit 1; }
      URL[artemis]="tcp://127.0.0.1:$ARTEMIS_PORT" ;;
    rabbitmq|rabbitmq-confirmed)
      rabbitmqctl -q ping >/dev/null 2>&1 || { log "RabbitMQ is not running: rabbitmq-server -detached"; exit 1; }
      URL[$p]="$RABBIT_URL" ;;
    *) log "unknown provider $p"; exit 2 ;;
  esac
done

# the JMS client a provider is measured with: rabbitmq-confirmed is RabbitMQ through Warren's amqp:// client
client() { if [[ "$1" == rabbitmq-confirmed ]]; then echo warren; else echo "$1"; fi; }

RESULTS="$WORK/results.tsv"
: > "$RESULTS"
for rep in $(seq 1 "$REPS"); do
  for w in $WORKLOADS; do
    for p in $PROVIDERS; do
      out="$WORK/logs/$rep-$w-$p.txt"
      timeout $(( 3 * SECS + 2 * WARM + 120 )) java -Xms$HEAP -Xmx$HEAP -cp "$CP" io.warren.benchmarks.BenchmarkMain \
          "$w" --seconds "$SECS" --warmup "$WARM" --target "$(client "$p")=${URL[$p]}" > "$out" 2>&1 || true
      line=$(grep -E "^\| $w \|" "$out" | tail -1 || true)
      [[ -z "$line" ]] && line="| $w | FAILED: $(grep -m1 -E 'Exception|Error' "$out" | tr '|' '/' | cut -c1-150) | - | - | - | - | - | - |"
      printf '%s\t%s\t%s\t%s\n' "$rep" "$p" "$w" "$line" | tee -a "$RESULTS" | cut -c1-170 >&2
    done
  done
done

python3 "$HERE/summary.py" "$RESULTS" "$PROVIDERS" | tee "$WORK/summary.md"
log "logs and results in $WORK"

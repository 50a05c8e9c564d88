#!/usr/bin/env bash
# Benchmarks Warren's AMQP 0-9-1 server against RabbitMQ with RabbitMQ's PerfTest; see README.md beside this file.
#
#   benchmarks/amqp/run.sh
#
# Settings (environment): DURATION=30 (s per measured run), WARMUP=10 (s, one warm-up run per workload and
# broker), REPS=3, WORKLOADS="A B C D", WARREN_PORT=5673, RABBIT_PORT=5672, HEAP=2g (Warren's -Xms/-Xmx),
# PERFTEST_HEAP=1g, WORK=/var/tmp/warren-amqp-bench (build copy, data, logs, results),
# WARREN_JAR=<path> (default: broker-server/target/warren-server.jar when it exists, else the StandaloneWarren
# launcher of this module; WARREN_JAR=launcher forces the launcher), PROFILE="A C" (after the measured runs,
# one more Warren run of each listed workload under Java Flight Recorder; the hot methods are printed),
# NO_RABBIT=1 (benchmark Warren alone).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$REPO/benchmarks/amqp"
DURATION=${DURATION:-30}
WARMUP=${WARMUP:-10}
REPS=${REPS:-3}
WORKLOADS=${WORKLOADS:-"A B C D"}
WARREN_PORT=${WARREN_PORT:-5673}
RABBIT_PORT=${RABBIT_PORT:-5672}
HEAP=${HEAP:-2g}
PERFTEST_HEAP=${PERFTEST_HEAP:-1g}
WORK=${WORK:-/var/tmp/warren-amqp-bench}
PROFILE=${PROFILE:-}
STAMP=$(date +%Y%m%d-%H%M%S)
OUT="$WORK/results-$STAMP"
BUILD="$WORK/build"

# PerfTest arguments of each workload (the URI, -z and --metrics-format are added per run).
declare -A SPEC=(
  [A]="-x 1 -y 1 -s 256 -a"
  [B]="-x 1 -y 1 -s 256 -q 100"
  [C]="-x 4 -y 1 -s 256 -f persistent -c 100"
  [D]="-x 1 -y 4 -s 256 -a -t fanout -e perf.fanout"
)
declare -A TITLE=(
  [A]="W-A 1->1 non-persistent auto-ack 256 B"
  [B]="W-B 1->1 manual ack, prefetch 100"
  [C]="W-C 4 producers persistent, confirms (window 100)"
  [D]="W-D fanout 1->4 auto-ack"
)

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

WARREN_PID=""
RABBIT_STARTED=""
cleanup() {
  if [[ -n "$WARREN_PID" ]] && kill -0 "$WARREN_PID" 2>/dev/null; then
    log "stopping Warren (pid $WARREN_PID)"
    kill -TERM "$WARREN_PID" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$WARREN_PID" 2>/dev/null || break; sleep 1; done
    kill -KILL "$WARREN_PID" 2>/dev/null || true
  fi
  if [[ -n "$RABBIT_STARTED" ]]; then
    log "stopping RabbitMQ"
    rabbitmqctl stop >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_port() { # port seconds
  local i
  for ((i = 0; i < $2 * 2; i++)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  return 1
}

mkdir -p "$OUT"
command -v python3 >/dev/null || { echo "python3 is needed for the summary" >&2; exit 1; }

# --- build -------------------------------------------------------------------------------------------------
# Built in a private copy of the work tree: another build in the same tree (mvn clean, a recompile) would
# otherwise pull classes from under the running server.
log "copying the work tree to $BUILD and building (benchmarks and what it needs)"
rm -rf "$BUILD"
mkdir -p "$BUILD"
tar -C "$REPO" --exclude=./.git --exclude='*/target' --exclude=./target -cf - . | tar -C "$BUILD" -xf -
mvn -B -q -f "$BUILD/pom.xml" -pl benchmarks -am -Dmaven.test.skip=true package \
  dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$OUT/classpath.txt" \
  >"$OUT/build.log" 2>&1 || { tail -40 "$OUT/build.log"; exit 1; }
# One classpath, two JVMs: PerfTest configures logback itself, so it keeps logback and drops slf4j-simple;
# Warren logs through slf4j-simple, as the rest of this module does. Reactor modules resolve to jars in the
# private copy; the benchmarks module itself is not on its own dependency classpath.
classpath_without() { tr ':' '\n' <"$OUT/classpath.txt" | grep -v -E "$1" | paste -sd: -; }
WARREN_CP="$BUILD/benchmarks/target/classes:$(classpath_without '/(logback-classic|logback-core)-')"
PERFTEST_CP=$(classpath_without '/slf4j-simple-')

# --- brokers -----------------------------------------------------------------------------------------------
DATA="$WORK/warren-data"
rm -rf "$DATA"
mkdir -p "$DATA"
JAR=${WARREN_JAR:-}
if [[ "$JAR" == launcher ]]; then
  JAR=""
elif [[ -z "$JAR" && -f "$REPO/broker-server/target/warren-server.jar" ]]; then
  JAR="$REPO/broker-server/target/warren-server.jar"
fi
JVM=(-Xms"$HEAP" -Xmx"$HEAP" -XX:+UseG1GC)
if [[ -n "$JAR" ]]; then
  cp "$JAR" "$WORK/warren-server.jar"
  WARREN_CMD=(java "${JVM[@]}" -jar "$WORK/warren-server.jar" "--listeners.tcp.default=$WARREN_PORT"
    "--management.tcp.port=0" "--prometheus.tcp.port=0" "--data_dir=$DATA")
  WARREN_HOW="runnable jar $JAR (built $(date -r "$JAR" +%H:%M))"
else
  WARREN_CMD=(java "${JVM[@]}" -cp "$WARREN_CP" io.warren.benchmarks.amqp.StandaloneWarren "$WARREN_PORT" "$DATA")
  WARREN_HOW="io.warren.benchmarks.amqp.StandaloneWarren"
fi
if wait_port "$WARREN_PORT" 0; then
  echo "port $WARREN_PORT is already in use; set WARREN_PORT" >&2
  exit 1
fi
log "starting Warren: ${WARREN_CMD[*]}"
"${WARREN_CMD[@]}" >"$OUT/warren.log" 2>&1 &
WARREN_PID=$!
wait_port "$WARREN_PORT" 90 || { echo "Warren did not listen on $WARREN_PORT:" >&2; tail -40 "$OUT/warren.log"; exit 1; }

BROKERS=(warren)
RABBIT_NOTE=""
if [[ -n "${NO_RABBIT:-}" ]]; then
  RABBIT_NOTE="RabbitMQ skipped (NO_RABBIT set): Warren alone."
elif ! command -v rabbitmq-server >/dev/null; then
  RABBIT_NOTE="RabbitMQ is not installed (apt-get install rabbitmq-server): Warren alone."
else
  if ! rabbitmqctl -q ping >/dev/null 2>&1; then
    log "starting RabbitMQ"
    rabbitmq-server -detached >"$OUT/rabbit-start.log" 2>&1
    RABBIT_STARTED=1
    # await_startup fails at once while the node has not yet registered with epmd: wait for a ping first.
    for _ in $(seq 1 60); do
      rabbitmqctl -q ping >/dev/null 2>&1 && break
      sleep 1
    done
  fi
  if timeout 180 rabbitmqctl await_startup >>"$OUT/rabbit-start.log" 2>&1 && wait_port "$RABBIT_PORT" 30; then
    BROKERS+=(rabbitmq)
    RABBIT_NOTE="RabbitMQ $(rabbitmqctl -q version 2>/dev/null || echo '?') on port $RABBIT_PORT."
  else
    RABBIT_NOTE="RabbitMQ did not start (see $OUT/rabbit-start.log): Warren alone."
  fi
fi
log "$RABBIT_NOTE"
log "Warren data: $DATA ($(df --output=source "$DATA" | tail -1)); RabbitMQ data: /var/lib/rabbitmq ($(df --output=source /var/lib/rabbitmq 2>/dev/null | tail -1))"

port_of() { [[ $1 == warren ]] && echo "$WARREN_PORT" || echo "$RABBIT_PORT"; }

# run_perftest broker workload seconds logfile -> parsed "sent recv min p50 p75 p95 p99" or "FAILED"
run_perftest() {
  local broker=$1 w=$2 secs=$3 file=$4 rc=0
  # shellcheck disable=SC2086
  timeout $((secs + 90)) java -Xms"$PERFTEST_HEAP" -Xmx"$PERFTEST_HEAP" -cp "$PERFTEST_CP" com.rabbitmq.perf.PerfTest \
    --uri "amqp://guest:guest@127.0.0.1:$(port_of "$broker")" ${SPEC[$w]} -z "$secs" --metrics-format compact \
    >"$file" 2>&1 || rc=$?
  if grep -q 'Exception' "$file"; then log "  warning: an exception is logged in $file"; fi
  python3 "$HERE/summarize.py" parse "$file" "$rc"
}

RUNS="$OUT/runs.tsv"
printf 'workload\tbroker\trep\tload1\tsent\treceived\tmin\tp50\tp75\tp95\tp99\n' >"$RUNS"
for w in $WORKLOADS; do
  log "${TITLE[$w]}: PerfTest ${SPEC[$w]}"
  for b in "${BROKERS[@]}"; do
    log "  warm-up $b ${WARMUP}s: $(run_perftest "$b" "$w" "$WARMUP" "$OUT/$w-$b-warmup.log")"
  done
  for ((r = 1; r <= REPS; r++)); do
    order=("${BROKERS[@]}")
    # Alternate which broker goes first, so neither always runs right after the other's load.
    if ((r % 2 == 0)) && ((${#BROKERS[@]} == 2)); then order=("${BROKERS[1]}" "${BROKERS[0]}"); fi
    for b in "${order[@]}"; do
      # Load average before the run: other work on the machine skews a run, and this shows which.
      load1=$(cut -d' ' -f1 /proc/loadavg)
      res=$(run_perftest "$b" "$w" "$DURATION" "$OUT/$w-$b-$r.log")
      log "  $b rep $r (load $load1 before): $res"
      printf '%s\t%s\t%s\t%s\t%s\n' "$w" "$b" "$r" "$load1" "$(tr ' ' '\t' <<<"$res")" >>"$RUNS"
    done
    kill -0 "$WARREN_PID" 2>/dev/null || { echo "Warren died:" >&2; tail -40 "$OUT/warren.log"; exit 1; }
  done
done

for w in $PROFILE; do
  jfr_file="$OUT/warren-$w.jfr"
  log "profiling Warren under ${TITLE[$w]} -> $jfr_file"
  jcmd "$WARREN_PID" JFR.start name="bench-$w" settings=profile duration="${DURATION}s" filename="$jfr_file" >/dev/null
  log "  profiled run: $(run_perftest warren "$w" "$DURATION" "$OUT/$w-warren-profiled.log")"
  sleep 3
  jfr print --events jdk.ExecutionSample "$jfr_file" >"$OUT/warren-$w.samples.txt"
  python3 "$HERE/summarize.py" hot "$OUT/warren-$w.samples.txt" >"$OUT/warren-$w.hot.txt"
done

{
  echo "# Warren vs RabbitMQ, PerfTest 2.22.1 ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores)"
  echo
  echo "Warren: $WARREN_HOW, heap $HEAP. $RABBIT_NOTE"
  echo "Each run ${DURATION}s after a ${WARMUP}s warm-up, $REPS repetitions per broker, alternating; medians."
  echo
  python3 "$HERE/summarize.py" table "$RUNS" "$(for w in $WORKLOADS; do printf '%s=%s;' "$w" "${TITLE[$w]}"; done)"
  for w in $PROFILE; do
    echo
    echo "## Warren hot methods under ${TITLE[$w]} (JFR, top frames)"
    echo '```'
    head -30 "$OUT/warren-$w.hot.txt"
    echo '```'
  done
} | tee "$OUT/report.md"
log "results, logs and PerfTest output: $OUT"

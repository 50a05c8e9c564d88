#!/usr/bin/env bash
# Runs the in-container part of the official Jakarta Messaging TCK (jakartaee/platform-tck 11.0.2, module
# tcks/apis/messaging/messaging-inside-container: packages com.sun.ts.tests.jms.ee and ...ee20) in GlassFish with
# Warren's resource adapter in place of OpenMQ's jmsra. See README.md beside this script.
#
# usage: run.sh [setup|test|stop|all] [JUnit console selectors...]
#   setup  build Warren (rar + server), build the TCK jar, unpack GlassFish, start the Warren server, configure
#          the domain (users, adapter, pools, administered objects) and leave the domain stopped
#   test   run the selected tests (default: every *Test class under ee and ee20); Arquillian starts GlassFish
#   stop   stop the domain and the Warren server
#   summary  the failed tests and "N passed, M failed, K skipped" of the last test run
#   all    setup, test, stop (the default)
#   e.g.   run.sh test --select-class com.sun.ts.tests.jms.ee.mdb.mdb_msgHdrQ.ClientTest
# Knobs: EE_TCK_DIR (work directory, default /tmp/warren-jms-tck-ee), TCK_GIT_DIR (a git directory of
#   jakartaee/platform-tck; without it the tag is cloned), TCK_REF (11.0.2), GLASSFISH_VERSION
#   (8.0.0-JDK17-M12), WARREN_PORT (AMQP port of the Warren server, 25672), MVN (mvn -B; add -o offline).
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
WORK=${EE_TCK_DIR:-/tmp/warren-jms-tck-ee}
TCK_REF=${TCK_REF:-11.0.2}
GLASSFISH_VERSION=${GLASSFISH_VERSION:-8.0.0-JDK17-M12}
WARREN_PORT=${WARREN_PORT:-25672}
MVN=${MVN:-mvn -B}
GF=$WORK/glassfish8
ASADMIN="$GF/bin/asadmin --user admin --passwordfile $WORK/admin.pass --interactive=false"
RA_NAME=warren-ra
MODULE=tcks/apis/messaging/messaging-inside-container
RUNNER=glassfish-runner/messaging-platform-tck/messaging-platform-tck-run

log() { echo "[ee-tck] $*" >&2; }
mkdir -p "$WORK"
WORK=$(cd "$WORK" && pwd)

tck_source() {   # extracts the module, the runner's templates and ts.jte at $TCK_REF into $WORK/src
    if [ -f "$WORK/src/.ref" ] && [ "$(cat "$WORK/src/.ref")" = "$TCK_REF" ]; then return; fi
    rm -rf "$WORK/src" && mkdir -p "$WORK/src"
    if [ -n "${TCK_GIT_DIR:-}" ]; then
        git --git-dir="$TCK_GIT_DIR" archive "$TCK_REF" "$MODULE" "$RUNNER" | tar -x -C "$WORK/src"
    else
        git clone -q --depth 1 --branch "$TCK_REF" https://github.com/jakartaee/platform-tck.git "$WORK/clone"
        (cd "$WORK/clone" && tar -c "$MODULE" "$RUNNER") | tar -x -C "$WORK/src"
        rm -rf "$WORK/clone"
    fi
    echo "$TCK_REF" > "$WORK/src/.ref"
}

build_tck() {    # jms-platform-tck jar, from the tag's source, tests unchanged
    local dir=$WORK/src/$MODULE
    if ls "$dir"/target/jms-platform-tck-*.jar >/dev/null 2>&1; then return; fi
    log "building jms-platform-tck $TCK_REF"
    # The module imports jakarta.tck:artifacts-bom at its own version, which Maven Central lacks for 11.0.2; 11.0.1
    # manages the same APIs. Its arquillian-protocol 11.1.0 is not there either: 11.0.6 is.
    sed -i 's#<version>${project.version}</version>\(\s*\)$#<version>11.0.1</version>#' "$dir/pom.xml"
    (cd "$dir" && $MVN -q -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true -Denforcer.skip \
        -Djakarta.tck.arquillian.version=11.0.6 package) >&2
}

build_warren() {
    log "building warren-ra and warren-server"
    (cd "$ROOT" && $MVN -q -pl resource-adapter,broker-server -am package -DskipTests) >&2
    (cd "$HERE" && $MVN -q package -DskipTests && \
        $MVN -q dependency:build-classpath -Dmdep.outputFile="$WORK/runner-cp.txt") >&2
}

unpack_glassfish() {   # a fresh installation each time, so that setup starts from the distribution's domain1
    if [ ! -f "$WORK/glassfish-$GLASSFISH_VERSION.zip" ]; then
        $MVN -q dependency:copy -Dartifact="org.glassfish.main.distributions:glassfish:$GLASSFISH_VERSION:zip" \
            -DoutputDirectory="$WORK" >&2
    fi
    if [ -x "$GF/bin/asadmin" ]; then "$GF/bin/asadmin" stop-domain >/dev/null 2>&1 || true; fi
    log "unpacking GlassFish $GLASSFISH_VERSION"
    rm -rf "$GF" && (cd "$WORK" && unzip -q "glassfish-$GLASSFISH_VERSION.zip")
}

start_warren() {
    stop_warren
    mkdir -p "$WORK/warren"
    cat > "$WORK/warren/warren.conf" <<CONF
listeners.tcp.default = 127.0.0.1:$WARREN_PORT
data_dir = $WORK/warren/data
management.enabled = false
prometheus.enabled = false
users.j2ee.password = j2ee
users.javajoe.password = javajoe
users.guest.password = guest
permissions.j2ee./ = .* .* .*
permissions.javajoe./ = .* .* .*
permissions.guest./ = .* .* .*
CONF
    rm -rf "$WORK/warren/data"
    log "starting the Warren server on 127.0.0.1:$WARREN_PORT"
    # Own session and no inherited descriptors, so that callers piping this script's output are not held open.
    setsid java -jar "$ROOT/broker-server/target/warren-server.jar" --config="$WORK/warren/warren.conf" \
        > "$WORK/warren/warren.log" 2>&1 < /dev/null &
    echo $! > "$WORK/warren/warren.pid"
    for _ in $(seq 60); do
        grep -q "started" "$WORK/warren/warren.log" && return
        sleep 0.5
    done
    cat "$WORK/warren/warren.log" >&2
    log "the Warren server did not start"; exit 1
}

stop_warren() {
    if [ -f "$WORK/warren/warren.pid" ]; then
        kill "$(cat "$WORK/warren/warren.pid")" 2>/dev/null || true
        rm -f "$WORK/warren/warren.pid"
    fi
}

# Every connection factory and destination the official runner creates (create.jms.template), made with Warren's
# adapter instead of jmsra: a connector pool + resource per factory (client IDs kept), an administered object per
# queue and topic whose physical name is its JNDI name.
warren_resources() {
    # multimode reads a backslash as an escape, and asadmin wants ":" escaped in a property value: "\\\\:"
    local url="amqp\\\\://127.0.0.1\\\\:$WARREN_PORT"
    echo "create-resource-adapter-config --property ConnectionUrl=$url:User=j2ee:Password=j2ee $RA_NAME"
    echo "deploy --name $RA_NAME $ROOT/resource-adapter/target/warren-ra-0.1.0-SNAPSHOT.rar"
    awk -v ra="$RA_NAME" '
        $1 != "create-jms-resource" { next }
        {
            type = ""; prop = ""; name = $NF
            for (i = 2; i < NF; i++) {
                if ($i == "--restype") type = $(i + 1)
                if ($i == "--property") prop = $(i + 1)
            }
            if (type ~ /ConnectionFactory$/) {
                pool = "warren-" name; gsub("/", "-", pool)
                props = ""
                if (prop ~ /^ClientId=/) { sub(/^ClientId=/, "", prop); props = " --property ClientID=" prop }
                print "create-connector-connection-pool --raname " ra " --connectiondefinition " type \
                      " --transactionsupport XATransaction" props " " pool
                print "create-connector-resource --poolname " pool " " name
            } else {
                print "create-admin-object --raname " ra " --restype " type " --property Name=" name " " name
            }
        }' "$WORK/src/$RUNNER/create.jms.template"
}

setup() {
    tck_source
    build_warren
    build_tck
    unpack_glassfish
    start_warren
    printf 'AS_ADMIN_PASSWORD=\n' > "$WORK/admin.pass"
    printf 'AS_ADMIN_PASSWORD=\nAS_ADMIN_USERPASSWORD=j2ee\n' > "$WORK/j2ee.pass"
    printf 'AS_ADMIN_PASSWORD=\nAS_ADMIN_USERPASSWORD=javajoe\n' > "$WORK/javajoe.pass"
    log "configuring GlassFish"
    $ASADMIN start-domain >&2
    {
        echo "create-jvm-options -Dcom.sun.enterprise.connectors.inbound.ramid=$RA_NAME"
        echo "set server-config.network-config.protocols.protocol.http-listener-1.http.trace-enabled=true"
        warren_resources
    } > "$WORK/create-warren.asadmin"
    "$GF/bin/asadmin" --user admin --passwordfile "$WORK/j2ee.pass" --interactive=false \
        create-file-user --groups staff:mgr:DIRECTOR j2ee >&2
    "$GF/bin/asadmin" --user admin --passwordfile "$WORK/javajoe.pass" --interactive=false \
        create-file-user --groups guest:OTHERROLE javajoe >&2
    $ASADMIN multimode --file "$WORK/create-warren.asadmin" > "$WORK/asadmin-setup.log" 2>&1 || true
    grep -i -B1 "fail\|error\|invalid" "$WORK/asadmin-setup.log" >&2 || true
    $ASADMIN stop-domain >&2
}

run_tests() {
    local tsdir=$WORK/jakartaeetck
    rm -rf "$tsdir" && cp -r "$WORK/src/$RUNNER/jakartaeetck" "$tsdir" && mkdir -p "$tsdir/tmp"
    mkdir -p "$WORK/lib" "$WORK/appclient" "$WORK/deployments"
    local cp tckjar
    cp=$(tr -d '\n' < "$WORK/runner-cp.txt")
    tckjar=$(ls "$WORK/src/$MODULE"/target/jms-platform-tck-*.jar | head -1)
    cp "$(tr ':' '\n' <<< "$cp" | grep arquillian-protocol-lib)" "$WORK/lib/arquillian-protocol-lib.jar"
    cp "$(tr ':' '\n' <<< "$cp" | grep tck-porting-lib)" "$WORK/lib/tck-porting-lib.jar"
    # the javatest protocol looks for its vehicle library at this path, relative to the working directory
    mkdir -p "$WORK/target/protocol" && cp "$WORK/lib/arquillian-protocol-lib.jar" "$WORK/target/protocol/protocol.jar"
    rm -rf "$WORK/ra-lib" && mkdir -p "$WORK/ra-lib" && (cd "$WORK/ra-lib" && unzip -q -o "$ROOT"/resource-adapter/target/warren-ra-*.rar '*.jar')
    local racp
    racp=$(ls "$WORK"/ra-lib/*.jar | tr '\n' ':' | sed 's/:$//')
    sed -e "s#@GF@#$GF#g" -e "s#@WORK@#$WORK#g" -e "s#@RACP@#$racp#g" \
        "$HERE/appclient-arquillian.xml" > "$WORK/appclient-arquillian.xml"
    sed -e "s#@GF@#$GF#g" -e "s#@WORK@#$WORK#g" "$HERE/arquillian.xml" > "$WORK/arquillian.xml"
    local selectors=("$@")
    if [ ${#selectors[@]} -eq 0 ]; then
        selectors=(--select-package com.sun.ts.tests.jms.ee --select-package com.sun.ts.tests.jms.ee20)
    fi
    # The appclient-vehicle tests (tag tck-appclient) and the servlet/JSP ones (tck-javatest) need different
    # arquillian.xml files, as in the official runner: two launcher runs.
    local status=0
    for group in tck-javatest tck-appclient; do
        local xml=appclient-arquillian.xml
        [ "$group" = tck-javatest ] && xml=arquillian.xml
        log "running $group tests"
        (cd "$WORK" && java -Darquillian.xml="$xml" -Dts.home="$tsdir" -Dglassfish.home="$GF" \
            -Dproject.basedir="$WORK" -Djava.io.tmpdir=/tmp \
            -cp "$HERE/target/classes:$tckjar:$cp" org.junit.platform.console.ConsoleLauncher \
            --disable-banner --details=tree --include-tag "$group" --include-classname '.*Test' \
            --reports-dir "$WORK/reports-$group" "${selectors[@]}") 2>&1 | tee "$WORK/console-$group.log" \
            || status=1
    done
    summarize
    return $status
}

# The failed tests (from the JUnit XML reports) and one last line "N passed, M failed, K skipped, C classes failed"
# over both groups; a class fails as a whole when its archive does not deploy, and then none of its tests run.
summarize() {
    cat "$WORK"/reports-tck-*/TEST-junit-jupiter.xml 2>/dev/null | awk '
        /<testcase / { match($0, /name="[^"]*"/); t = substr($0, RSTART + 6, RLENGTH - 7)
                       match($0, /classname="[^"]*"/); c = substr($0, RSTART + 11, RLENGTH - 12) }
        /<(failure|error) / { m = $0; sub(/.*message="/, "", m); sub(/".*/, "", m); print "FAILED " c "." t ": " m }'
    sed 's/\x1b\[[0-9;]*m//g' "$WORK"/console-tck-*.log | awk '
        /tests successful/ { p += $2 } /tests failed/ { f += $2 } /tests skipped/ { k += $2 }
        /containers failed/ { c += $2 }
        END { printf "%d passed, %d failed, %d skipped, %d classes failed\n", p, f, k, c }'
}

stop_all() {
    $ASADMIN stop-domain >/dev/null 2>&1 || true
    stop_warren
}

command=${1:-all}
[ $# -gt 0 ] && shift
case "$command" in
    setup) setup ;;
    test) run_tests "$@" ;;
    summary) summarize ;;
    stop) stop_all ;;
    all) setup; status=0; run_tests "$@" || status=$?; stop_all; exit $status ;;
    *) sed -n '2,/^set -euo/p' "$0" | sed '$d' >&2; exit 2 ;;
esac

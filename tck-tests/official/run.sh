#!/usr/bin/env bash
# Runs the official Jakarta Messaging 3.1 TCK (the standalone tests of jakartaee/platform-tck 11.0.2, artifact
# jakarta.tck:jms-tck) against this checkout, through Warren's JNDI. .ci/run calls it after the project's own
# tests; see README.md beside this script.
#
# usage: tck-tests/official/run.sh [JUnit console selectors...]
#   no selector: every test class under com.sun.ts.tests.jms.core and ...jms.core20 (about 30 minutes)
#   e.g. --select-class com.sun.ts.tests.jms.core.selectorQueue.MsgSelectorQueueTestsIT
# The exit status is 0 only when every selected test passed.
#
# The recipe (TCK jar, harness pom, runner scripts) is the shared one in ../shared/tck beside the checkout, or
# WARREN_TCK_RECIPE. This script runs a copy of it with two changes of our own:
#   - jndi.properties from this directory (the recipe's has no users; ours has the TCK's j2ee and javajoe), or the
#     file WARREN_TCK_JNDI names (run-amqp.sh passes one binding amqp:// factories);
#   - test methods run in name order, as the official GlassFish runner runs them (its test classes carry
#     @TestMethodOrder(MethodOrderer.MethodName.class)); see README.md for why the order matters.
# TCK_BUILD_DIR (default: a directory per checkout in the system temp directory) keeps the reports and the
# console log; the other knobs of the recipe's run.sh (JMS_TIMEOUT, TCK_TEST_TIMEOUT, ...) pass through.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)

RECIPE=${WARREN_TCK_RECIPE:-}
if [ -z "$RECIPE" ]; then
    for candidate in "$ROOT/../shared/tck" /work/shared/tck; do
        if [ -f "$candidate/run.sh" ] && [ -f "$candidate/warren-cp.sh" ]; then
            RECIPE=$(cd "$candidate" && pwd)
            break
        fi
    done
fi
if [ -z "$RECIPE" ] || [ ! -f "$RECIPE/run.sh" ]; then
    echo "the official TCK recipe was not found: expected ../shared/tck beside the checkout, or set WARREN_TCK_RECIPE" >&2
    exit 2
fi

TMP=$(dirname "$(mktemp -u)")
export TCK_BUILD_DIR=${TCK_BUILD_DIR:-$TMP/warren-jms-tck-$(printf '%s' "$ROOT" | cksum | cut -d' ' -f1)}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cp -r "$RECIPE" "$WORK/recipe"
chmod -R u+w "$WORK/recipe"
cp "${WARREN_TCK_JNDI:-$HERE/jndi.properties}" "$WORK/recipe/jndi.properties"

echo "[tck] recipe $RECIPE, build directory $TCK_BUILD_DIR" >&2
mkdir -p "$TCK_BUILD_DIR"
if ! "$WORK/recipe/warren-cp.sh" "$ROOT" "$WORK/warren-cp.txt" 2> "$TCK_BUILD_DIR/warren-cp.log"; then
    tail -40 "$TCK_BUILD_DIR/warren-cp.log" >&2
    echo "[tck] building Warren's class path failed; see $TCK_BUILD_DIR/warren-cp.log" >&2
    exit 2
fi

SELECT=("$@")
if [ ${#SELECT[@]} -eq 0 ]; then
    SELECT=(--select-package com.sun.ts.tests.jms.core --select-package com.sun.ts.tests.jms.core20)
fi
"$WORK/recipe/run.sh" "$WORK/warren-cp.txt" \
    '--config=junit.jupiter.testmethod.order.default=org.junit.jupiter.api.MethodOrderer$MethodName' \
    "${SELECT[@]}"

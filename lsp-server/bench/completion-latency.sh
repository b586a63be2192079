#!/usr/bin/env bash
# Completion latency in openconfig-network-instance.yang with the corpus as workspace (see CompletionLatency.java).
#   lsp-server/bench/completion-latency.sh [ITERATIONS]
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME
cd "$ROOT"
./mvnw -B -q test-compile dependency:build-classpath -pl lsp-server -Dmdep.outputFile=target/bench-cp.txt \
  -Dmdep.includeScope=test >&2
CP=lsp-server/target/test-classes:lsp-server/target/classes:$(cat lsp-server/target/bench-cp.txt)
exec "$JAVA_HOME/bin/java" -Xmx1g -Dhomeport.project.root="$ROOT" -cp "$CP" dev.homeport.yang.bench.CompletionLatency "$@"

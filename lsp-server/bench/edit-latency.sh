#!/usr/bin/env bash
# Re-diagnosis latency after one-character edits in openconfig-network-instance.yang (see EditLatency.java).
#   lsp-server/bench/edit-latency.sh [ITERATIONS [SEMANTIC_ITERATIONS]]
set -euo pipefail
ROOT=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export JAVA_HOME
cd "$ROOT"
./mvnw -B -q test-compile dependency:build-classpath -pl lsp-server -Dmdep.outputFile=target/bench-cp.txt \
  -Dmdep.includeScope=test >&2
CP=lsp-server/target/test-classes:lsp-server/target/classes:$(cat lsp-server/target/bench-cp.txt)
exec "$JAVA_HOME/bin/java" -Xmx1g -Dhomeport.project.root="$ROOT" -cp "$CP" dev.homeport.yang.bench.EditLatency "$@"

#!/usr/bin/env bash
# measure-schema-load.sh - times the engine's schema load (discovery + get-schema download + yangtools build)
# against the real yuma123 device (tools/yuma-device.sh; needs root like it):
#   1. a fresh JVM with an empty module cache (cold), then 2 more loads in that JVM (warm cache, warm JVM)
#   2. a fresh JVM with the now warm cache (what the next connection of a user costs)
# Usage: tools/measure-schema-load.sh   (builds the test classes offline first)
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export MAVEN_OPTS=${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}
./mvnw -B -q -o test-compile dependency:build-classpath -pl netconf-engine \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >/dev/null
CP=netconf-engine/target/test-classes:netconf-engine/target/classes:$(cat netconf-engine/target/test-classpath.txt)
CACHE=$(mktemp -d /tmp/homeport-schema-timing.XXXXXX)
trap 'rm -rf "$CACHE"' EXIT
JAVA=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Dhomeport.project.root="$PWD" -cp "$CP")
echo "== fresh JVM, empty cache, then the same JVM twice more"
"${JAVA[@]}" dev.homeport.netconf.schema.SchemaLoadTiming "$CACHE" 3
echo "== fresh JVM, warm cache"
"${JAVA[@]}" dev.homeport.netconf.schema.SchemaLoadTiming "$CACHE" 1

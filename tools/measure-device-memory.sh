#!/usr/bin/env bash
# measure-device-memory.sh - heap per simulated device: N idle devices of a profile (own host key each, shared initial
# tree), then the same devices after one edit each. Usage: tools/measure-device-memory.sh [PROFILE] [N]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
export MAVEN_OPTS=${MAVEN_OPTS:---sun-misc-unsafe-memory-access=allow}
./mvnw -B -q -o test-compile dependency:build-classpath -pl netconf-engine \
  -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >/dev/null
CP=netconf-engine/target/test-classes:netconf-engine/target/classes:$(cat netconf-engine/target/test-classpath.txt)
"$JAVA_HOME/bin/java" -Xmx4g -XX:+UseG1GC --enable-native-access=ALL-UNNAMED -cp "$CP" \
  dev.homeport.netconf.server.sim.DeviceFootprint "${1:-home-router}" "${2:-10000}"

#!/usr/bin/env bash
# Call Home at scale: N simulated devices (SshDeviceHost, one JVM) call the engine's CallHomeServer (another JVM).
# Prints both JVMs' RESULT lines and the derived figures. Build first:
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -B -q package -pl netconf-engine,benchmarks -am -DskipTests
# Usage: benchmarks/callhome-scale.sh N [device options: ioThreads=2 readBuffer=8192 kex=curve25519-sha256 ramp=200
#        connectTimeout=600 timeout=1800]
# Environment: MANAGER_HEAP, DEVICE_HEAP (default 4g each), MANAGER_OPTS, DEVICE_OPTS (more JVM options), JAVA_HOME,
# PREFIX_CP (put first on both class paths, e.g. classes of an older commit), EXTRA_CP (appended to both).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000}
shift || true
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
CP="${PREFIX_CP:+$PREFIX_CP:}benchmarks/target/benchmarks.jar${EXTRA_CP:+:$EXTRA_CP}"
OUT=$(mktemp -d /tmp/callhome-scale.XXXXXX)
MPID=""
DPID=""
cleanup() {
  for p in $DPID $MPID; do kill "$p" 2>/dev/null || true; done
}
trap cleanup EXIT

wait_for() { # file pattern seconds
  local end=$((SECONDS + $3))
  until grep -q "$2" "$1" 2>/dev/null; do
    if ((SECONDS > end)); then echo "no '$2' in $1 within $3 s:"; tail -20 "$1"; exit 1; fi
    if grep -q TIMEOUT "$1" 2>/dev/null; then tail -20 "$1"; exit 1; fi
    sleep 0.5
  done
}

echo "N=$N, options: $*, logs in $OUT"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
"$JAVA" -Xms${MANAGER_HEAP:-4g} -Xmx${MANAGER_HEAP:-4g} ${MANAGER_OPTS:-} -cp "$CP" dev.homeport.benchmarks.callhome.CallHomeScaleManager "$N" \
  > "$OUT/manager.log" 2>&1 &
MPID=$!
wait_for "$OUT/manager.log" '^READY ' 120
PORT=$(awk '/^READY /{print $2; exit}' "$OUT/manager.log")
"$JAVA" -Xms${DEVICE_HEAP:-4g} -Xmx${DEVICE_HEAP:-4g} ${DEVICE_OPTS:-} -cp "$CP" dev.homeport.benchmarks.callhome.CallHomeScaleDevices "$N" "$PORT" "$@" \
  > "$OUT/devices.log" 2>&1 &
DPID=$!
wait_for "$OUT/devices.log" '^RESULT ' 3600
wait_for "$OUT/manager.log" '^RESULT ' 600
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
M=$(grep '^RESULT ' "$OUT/manager.log")
D=$(grep '^RESULT ' "$OUT/devices.log")
echo "$M"
echo "$D"
field() { echo "$1" | tr ' ' '\n' | awk -F= -v k="$2" '$1==k{print $2}'; }
DIAL=$(field "$D" dialMs)
ALL=$(field "$M" allConnectedMs)
awk -v n="$N" -v dial="$DIAL" -v all="$ALL" -v mcpu="$(field "$M" cpuMs)" -v dcpu="$(field "$D" cpuMs)" \
    -v mb="$(field "$M" bytesPerSession)" -v db="$(field "$D" bytesPerDevice)" -v ds="$(field "$D" bytesPerSession)" \
    -v dh="$(field "$D" heapHeldBytes)" -v mh="$(field "$M" heapHeldBytes)" 'BEGIN {
  s = (all - dial) / 1000.0
  printf "all %d connected (manager saw the hello) %.1f s after the first dial: %.0f sessions/s\n", n, s, n / s
  printf "CPU per session: manager %.1f ms, devices %.1f ms\n", mcpu / n, dcpu / n
  printf "manager: %.1f KiB live heap per held session, %.0f MiB in all\n", mb / 1024, mh / 1048576
  printf "devices: %.1f KiB live heap per device (%.1f KiB of it the session), %.0f MiB in all\n", db / 1024, ds / 1024, dh / 1048576
}'

#!/usr/bin/env bash
# get-config of a large datastore over SSH on loopback: Homeport (get-config parsed into a yangtools NormalizedNode
# with the device's schema) against Debian's python3-ncclient (get_config and its lxml parse), in the same run, on the
# same device and data. The device is the project's real yuma123 device (tools/yuma-device.sh: netconfd behind
# OpenSSH), its running datastore loaded at start with N ietf-interfaces entries with ietf-ip addresses
# (InterfaceConfig; 10,000 interfaces make a get-config reply of about 13 MB).
# Build first:
#   JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -B -q package -pl netconf-engine,benchmarks -am -DskipTests
# Usage (as root, which the device needs): benchmarks/get-config-vs-ncclient.sh [N]
# Environment: ROUNDS (default 2: Homeport, ncclient, Homeport, ncclient...), ITERATIONS (timed get-configs per
# client and round, default 10), WARMUP (untimed ones before them, default 5), SESSION (warm: one session per client
# and round; fresh: a new SSH connection and NETCONF session per iteration, timed), JAVA_HOME, JAVA_OPTS,
# PARSE (normalized, or dom: Homeport stops at the reply's DOM, to show the parse share),
# KEEP_DEVICE=1 (leave the loaded device running at the end), REUSE_DEVICE=DIR (use the device such a run left).
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
ROUNDS=${ROUNDS:-2}
ITERATIONS=${ITERATIONS:-10}
WARMUP=${WARMUP:-5}
SESSION=${SESSION:-warm}
PARSE=${PARSE:-normalized}
JAVA="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java"
JAR=benchmarks/target/benchmarks.jar
[ -f "$JAR" ] || { echo "build first: $JAR is missing (see the top of $0)"; exit 2; }

if [ -n "${REUSE_DEVICE:-}" ]; then
  # a device left running by an earlier run with KEEP_DEVICE=1 (loading 10,000 interfaces takes minutes)
  BASE=$REUSE_DEVICE
  PORT=$(awk '/^ListenAddress/{sub(".*:", "", $2); print $2}' "$BASE/run/sshd_config")
  KEEP_DEVICE=1
else
  BASE=$(mktemp -d /tmp/homeport-getconfig.XXXXXX)
  # a free loopback port, chosen by the kernel (never a fixed one: other runs share the machine)
  PORT=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
fi
OUT=$BASE/out.$(date +%s)
mkdir -p "$OUT" "$BASE/run/nc"
export DEVICE_BASE=$BASE NC_PORT=$PORT NC_TARGET=running NC_KEEP_CONFIG=1 NC_START_WAIT=600
export NC_MODULES="ietf-interfaces iana-if-type ietf-ip"
export NC_USER=ncuser NC_PASS=ncpass   # the device's own test account (tools/yuma-device.sh), given by environment
cleanup() {
  if [ "${KEEP_DEVICE:-0}" = 1 ]; then
    echo "device kept running: REUSE_DEVICE=$BASE $0 $N; stop it with DEVICE_BASE=$BASE tools/yuma-device.sh clean"
  else
    tools/yuma-device.sh clean > /dev/null 2>&1 || true
    rm -rf "$BASE/cache"
  fi
}
trap cleanup EXIT

echo "N=$N interfaces, rounds=$ROUNDS, iterations=$ITERATIONS (+$WARMUP warm-up), session=$SESSION; logs in $OUT"
if [ -z "${REUSE_DEVICE:-}" ]; then
  "$JAVA" -cp "$JAR" dev.homeport.benchmarks.InterfaceConfig --interfaces "$N" --out "$BASE/run/nc/startup-cfg.xml"
  t0=$SECONDS
  tools/yuma-device.sh start > "$OUT/device.log" 2>&1 || { cat "$OUT/device.log"; exit 1; }
  echo "device up on 127.0.0.1:$PORT with the interfaces loaded in $((SECONDS - t0)) s"
fi
echo "[127.0.0.1]:$PORT $(cut -d' ' -f1-2 "$BASE/keys/listen_ed25519.pub")" > "$BASE/known_hosts"
HOSTKEY_B64=$(cut -d' ' -f2 "$BASE/keys/listen_ed25519.pub")
[ "$ROUNDS" = 0 ] && exit 0   # ROUNDS=0 KEEP_DEVICE=1: only load a device for later runs
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores); python3-ncclient $(dpkg-query -W -f='${Version}' python3-ncclient)"

for r in $(seq "$ROUNDS"); do
  "$JAVA" ${JAVA_OPTS:-} -cp "$JAR" dev.homeport.benchmarks.GetConfigTiming --host 127.0.0.1 --port "$PORT" \
    --user "$NC_USER" --known-hosts "$BASE/known_hosts" --module-cache "$BASE/cache" --session "$SESSION" --parse "$PARSE" \
    --iterations "$ITERATIONS" --warmup "$WARMUP" --expect-interfaces "$N" > "$OUT/homeport.$r.log" 2>&1 \
    || { tail -30 "$OUT/homeport.$r.log"; exit 1; }
  grep '^RESULT ' "$OUT/homeport.$r.log"
  /usr/bin/python3 benchmarks/src/main/python/ncclient_get_config.py --host 127.0.0.1 --port "$PORT" \
    --user "$NC_USER" --hostkey-b64 "$HOSTKEY_B64" --session "$SESSION" \
    --iterations "$ITERATIONS" --warmup "$WARMUP" --expect-interfaces "$N" > "$OUT/ncclient.$r.log" 2>&1 \
    || { tail -30 "$OUT/ncclient.$r.log"; exit 1; }
  grep '^RESULT ' "$OUT/ncclient.$r.log"
  /usr/bin/python3 benchmarks/src/main/python/device_floor.py --port "$PORT" --user "$NC_USER" \
    --key "$BASE/keys/client_ed25519" --known-hosts "$BASE/known_hosts" --iterations "$ITERATIONS" \
    > "$OUT/floor.$r.log" 2>&1 || { tail -30 "$OUT/floor.$r.log"; exit 1; }
  grep '^RESULT ' "$OUT/floor.$r.log"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"

# medians over all timed iterations of all rounds, per client
for c in homeport ncclient floor; do cat "$OUT"/$c.*.log | grep '^iteration' > "$OUT/$c.iterations"; done
median() { sort -g | awk '{v[NR]=$1} END {r=int((NR+1)/2); print v[r]}'; }   # nearest rank, as the clients do
wall() { sed -E 's/^iteration +[0-9]+: +([0-9.]+) ms wall.*/\1/' "$1"; }
cpu() { sed -E 's/.*, +([0-9.]+) ms CPU.*/\1/' "$1"; }
HW=$(wall "$OUT/homeport.iterations" | median); NW=$(wall "$OUT/ncclient.iterations" | median)
HC=$(cpu "$OUT/homeport.iterations" | median); NC=$(cpu "$OUT/ncclient.iterations" | median)
FW=$(wall "$OUT/floor.iterations" | median)
BYTES=$(grep -h '^RESULT ' "$OUT"/homeport.1.log | tr ' ' '\n' | awk -F= '$1=="bytes"{print $2}')
awk -v hw="$HW" -v nw="$NW" -v hc="$HC" -v nc="$NC" -v fw="$FW" -v b="$BYTES" -v p="$PARSE" \
    -v n="$(wc -l < "$OUT/homeport.iterations")" 'BEGIN {
  printf "reply %.1f MB; medians over %d iterations per client:\n", b / 1e6, n
  printf "homeport: %8.1f ms wall, %7.1f ms CPU (get-config -> %s)\n", hw, hc, p == "dom" ? "DOM only" : "NormalizedNode"
  printf "ncclient: %8.1f ms wall, %7.1f ms CPU (get_config -> lxml)\n", nw, nc
  printf "device:   %8.1f ms wall (floor: OpenSSH client draining the reply, nothing parsed)\n", fw
  printf "RATIO ncclient/homeport: wall %.2fx, CPU %.2fx (target: 3x or more)\n", nw / hw, nc / hc
}'

#!/bin/sh
# Starts a private X server for the Tycho UI tests: Xvfb picks a free display itself (-displayfd), so parallel builds
# never collide. Writes DIR/xvfb.properties (xvfb.display=:N, read into the build by properties-maven-plugin) and
# DIR/xvfb.pid. A watchdog stops the server when the Maven JVM (this script's parent) ends, even when a failing test
# ends the build before stop-xvfb.sh runs.
set -eu
dir=$1
mkdir -p "$dir"
rm -f "$dir/display" "$dir/xvfb.properties"
setsid Xvfb -displayfd 3 -screen 0 1400x1000x24 -nolisten tcp 3>"$dir/display" </dev/null >"$dir/xvfb.log" 2>&1 &
xpid=$!
echo "$xpid" >"$dir/xvfb.pid"
maven=$PPID
setsid sh -c "while kill -0 $maven 2>/dev/null && kill -0 $xpid 2>/dev/null; do sleep 2; done; kill $xpid 2>/dev/null" \
    </dev/null >/dev/null 2>&1 &
i=0
while [ ! -s "$dir/display" ]; do
    i=$((i + 1))
    if [ "$i" -gt 100 ] || ! kill -0 "$xpid" 2>/dev/null; then
        echo "Xvfb did not start; see $dir/xvfb.log" >&2
        exit 1
    fi
    sleep 0.1
done
echo "xvfb.display=:$(head -n1 "$dir/display")" >"$dir/xvfb.properties"
cat "$dir/xvfb.properties"

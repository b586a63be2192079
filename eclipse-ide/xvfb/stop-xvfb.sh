#!/bin/sh
# Stops the X server start-xvfb.sh started (by its pid).
[ -f "$1/xvfb.pid" ] && kill "$(cat "$1/xvfb.pid")" 2>/dev/null
exit 0

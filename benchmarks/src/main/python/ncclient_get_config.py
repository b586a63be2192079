#!/usr/bin/python3
"""ncclient's side of the get-config benchmark (benchmarks/get-config-vs-ncclient.sh).

Debian's python3-ncclient (run with /usr/bin/python3): get_config(source='running') and its XML parse (ncclient
parses the reply with lxml; .data_ele is the parsed <data>), timed per iteration after warm-up, with the same
session policy as GetConfigTiming: --session warm keeps one session; --session fresh opens a new SSH connection and
NETCONF session per iteration (timed) and closes it after the iteration (not timed). Each iteration also records the
process CPU time (all threads: paramiko's transport thread and ncclient's session thread included). Every reply is
checked to hold --expect-interfaces interfaces, outside the timed part. The password comes from NC_PASS; the host key
must match --hostkey-b64 (the device's public key, base64).

Prints per-iteration lines and a RESULT line in the same format as GetConfigTiming (milliseconds, nearest rank).
"""
import argparse
import math
import os
import sys
import time

from ncclient import manager

IF_NS = "urn:ietf:params:xml:ns:yang:ietf-interfaces"


def percentile(values, p):
    s = sorted(values)
    rank = math.ceil(p / 100.0 * len(s))
    return s[max(0, rank - 1)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", required=True)
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--user", required=True)
    ap.add_argument("--hostkey-b64", required=True)
    ap.add_argument("--session", choices=["warm", "fresh"], default="warm")
    ap.add_argument("--iterations", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--expect-interfaces", type=int, required=True)
    a = ap.parse_args()
    password = os.environ.get("NC_PASS")
    if password is None:
        sys.exit("set the device password in the environment variable NC_PASS")

    def connect():
        m = manager.connect(host=a.host, port=a.port, username=a.user, password=password, hostkey_verify=True,
                            hostkey_b64=a.hostkey_b64, allow_agent=False, look_for_keys=False, timeout=300)
        m.timeout = 300
        return m

    fresh = a.session == "fresh"
    m = connect()
    wall, cpu, rpc, parse = [], [], [], []
    size = 0
    for i in range(-a.warmup, a.iterations):
        if fresh:
            m.close_session()
        c0 = time.process_time()
        t0 = time.perf_counter()
        if fresh:
            m = connect()
        t1 = time.perf_counter()
        # get_config returns once the reply is parsed: ncclient parses it to look for rpc-errors (raise_mode ALL)
        reply = m.get_config(source="running")
        t2 = time.perf_counter()
        data = reply.data_ele
        t3 = time.perf_counter()
        c1 = time.process_time()
        found = len(data.findall("{%s}interfaces/{%s}interface" % (IF_NS, IF_NS)))
        if found != a.expect_interfaces:
            sys.exit("the parsed get-config holds %d interfaces, not %d" % (found, a.expect_interfaces))
        size = len(reply.xml.encode("utf-8"))
        print("%s %3d: %7.1f ms wall (connect %.1f, get-config %.1f, data_ele %.1f), %7.1f ms CPU, %d bytes"
              % ("warm-up" if i < 0 else "iteration", i + a.warmup if i < 0 else i, (t3 - t0) * 1e3, (t1 - t0) * 1e3,
                 (t2 - t1) * 1e3, (t3 - t2) * 1e3, (c1 - c0) * 1e3, size), flush=True)
        if i >= 0:
            wall.append(t3 - t0)
            cpu.append(c1 - c0)
            rpc.append(t2 - t1)
            parse.append(t3 - t2)
    m.close_session()
    print("RESULT client=ncclient session=%s iterations=%d bytes=%d wall_median_ms=%.1f wall_p90_ms=%.1f"
          " cpu_median_ms=%.1f cpu_p90_ms=%.1f getconfig_median_ms=%.1f parse_median_ms=%.1f"
          % (a.session, a.iterations, size, percentile(wall, 50) * 1e3, percentile(wall, 90) * 1e3,
             percentile(cpu, 50) * 1e3, percentile(cpu, 90) * 1e3, percentile(rpc, 50) * 1e3,
             percentile(parse, 50) * 1e3))


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""The device's own share of the get-config benchmark (benchmarks/get-config-vs-ncclient.sh): how long the device
takes to answer get-config when the client does nothing but drain the bytes.

The transport is the OpenSSH client (C, `ssh -s ... netconf`, public-key login with --key, host key checked against
--known-hosts), and the reply is neither decoded nor parsed: only its end is looked for. The hello offers --base 1.1
(default: chunked framing, what both clients negotiate with the device) or 1.0 (end-of-message framing; yuma123 writes
that faster). No real client can be faster than this on the same device: it is the floor under the clients' wall time.
Prints per-iteration lines and a RESULT line (milliseconds, nearest rank), like the two clients.
"""
import argparse
import math
import os
import subprocess
import time

HELLO = (b'<?xml version="1.0" encoding="UTF-8"?><hello xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">'
         b'<capabilities><capability>urn:ietf:params:netconf:base:%s</capability></capabilities></hello>]]>]]>')
GET_CONFIG = (b'<rpc message-id="%d" xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">'
              b'<get-config><source><running/></source></get-config></rpc>')
EOM = b']]>]]>'
END_OF_CHUNKS = b'\n##\n'  # RFC 6242: chunk headers are \n#<size>\n, so this only ever ends a message


def read_message(fd, end):
    """Byte count of one message, up to and including its end marker (found across read boundaries)."""
    size, tail = 0, b''
    while True:
        chunk = os.read(fd, 1 << 20)
        if not chunk:
            raise SystemExit("the device closed the session")
        size += len(chunk)
        tail = (tail + chunk)[-len(end):]
        if tail == end:
            return size


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", required=True)
    ap.add_argument("--user", required=True)
    ap.add_argument("--key", required=True)
    ap.add_argument("--known-hosts", required=True)
    ap.add_argument("--iterations", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--base", choices=["1.0", "1.1"], default="1.1")
    a = ap.parse_args()
    ssh = subprocess.Popen(["ssh", "-p", a.port, "-i", a.key, "-o", "UserKnownHostsFile=" + a.known_hosts,
                            "-o", "StrictHostKeyChecking=yes", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes",
                            "-s", a.user + "@127.0.0.1", "netconf"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                           bufsize=0)
    fd = ssh.stdout.fileno()
    ssh.stdin.write(HELLO % a.base.encode())
    read_message(fd, EOM)  # the device's hello, always end-of-message framed
    chunked = a.base == "1.1"
    wall, size = [], 0
    for i in range(-a.warmup, a.iterations):
        t0 = time.perf_counter()
        rpc = GET_CONFIG % (i + a.warmup)
        ssh.stdin.write(b"\n#%d\n%s\n##\n" % (len(rpc), rpc) if chunked else rpc + EOM)
        size = read_message(fd, END_OF_CHUNKS if chunked else EOM)
        t1 = time.perf_counter()
        print("%s %3d: %7.1f ms wall, %d bytes" % ("warm-up" if i < 0 else "iteration", i + a.warmup if i < 0 else i,
                                                   (t1 - t0) * 1e3, size), flush=True)
        if i >= 0:
            wall.append(t1 - t0)
    ssh.stdin.close()
    ssh.wait(timeout=60)
    s = sorted(wall)
    print("RESULT client=floor base=%s iterations=%d bytes=%d wall_median_ms=%.1f"
          % (a.base, a.iterations, size, s[max(0, math.ceil(len(s) / 2) - 1)] * 1e3))


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""netconf-hello-gate.py COMMAND [ARG...]

Runs a NETCONF server command (yuma123's netconf-subsystem) on this process's stdin/stdout, as sshd runs a
subsystem, and holds the server's output back until the client's <hello> has been taken in by the command.

Why: yuma123's netconfd defers a base:1.1 message that reaches it in the same read as the client's <hello> until
more input comes (ses.c: "do not try to handle base:1.1 back 2 back messages if protocol not set yet"). A client
sends its hello at once, but its first RPC as soon as the server's hello arrives; on a loaded machine the two can
meet in one read, and the RPC then waits for the next message. Releasing the server's hello only after the
command has read the client's hello (and a moment to pass it on) keeps them apart. Used by yuma-device.sh for
NETCONF over TLS; it only reorders timing, never bytes.
"""
import fcntl
import os
import selectors
import struct
import subprocess
import sys
import termios
import time

EOM = b"]]>]]>"          # a hello is always framed with the end-of-message marker
GRACE = 0.2              # after the command has read the hello: time for it to hand the hello to netconfd
MAX_HOLD = 5.0           # a client that waits for the server's hello before sending its own is not held longer


def unread(fd):
    return struct.unpack("i", fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0"))[0]


def write_all(fd, data):
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    to_child_r, to_child_w = os.pipe()
    # the read end stays open here too, only to ask how much of the client's input the command has not read yet
    child = subprocess.Popen(sys.argv[1:], stdin=to_child_r, stdout=subprocess.PIPE, bufsize=0)
    from_child = child.stdout.fileno()
    sel = selectors.DefaultSelector()
    sel.register(0, selectors.EVENT_READ, "client")
    sel.register(from_child, selectors.EVENT_READ, "server")
    started = time.monotonic()
    tail = b""               # end of the client's input so far, to find the end of its hello
    hello_forwarded = False
    drained_at = None
    held = bytearray()
    released = False
    try:
        while True:
            for key, _ in sel.select(None if released else 0.02):
                if key.data == "client":
                    data = os.read(0, 65536)
                    if not data:             # the client is gone: let the command see end of input
                        sel.unregister(0)
                        os.close(to_child_w)
                        continue
                    write_all(to_child_w, data)
                    if not hello_forwarded:
                        window = tail + data
                        hello_forwarded = EOM in window
                        tail = window[-(len(EOM) - 1):]
                else:
                    data = os.read(from_child, 65536)
                    if not data:             # the command ended
                        if held:
                            write_all(1, held)
                        return child.wait()
                    if released:
                        write_all(1, data)
                    else:
                        held += data
            if not released:
                now = time.monotonic()
                if hello_forwarded and drained_at is None and unread(to_child_r) == 0:
                    drained_at = now
                if (drained_at is not None and now - drained_at >= GRACE) or now - started >= MAX_HOLD:
                    write_all(1, held)
                    held = bytearray()
                    released = True
    except (BrokenPipeError, ConnectionResetError):
        child.kill()
        return 1


if __name__ == "__main__":
    sys.exit(main())

package dev.homeport.netconf.server.sim;

import dev.homeport.netconf.server.ServerSession;
import java.time.Instant;

/** A NETCONF session of a simulated device: who, from where, since when, and its RFC 6022 counters. */
final class DeviceSession {
    final ServerSession server;
    final String username;
    final String sourceHost;
    final Instant loginTime;
    /** Set under the device's lock. */
    boolean started;
    /** RFC 6470 termination-reason, when this side ended the session; "dropped" otherwise. */
    String endReason;
    long killedBy;
    long inRpcs;
    long inBadRpcs;
    long outRpcErrors;
    long outNotifications;
    EventLog.Subscription subscription;

    DeviceSession(ServerSession server, String username, String peer, Instant loginTime) {
        this.server = server;
        this.username = username;
        this.sourceHost = host(peer);
        this.loginTime = loginTime;
    }

    long id() {
        return server.sessionId();
    }

    /** The address part of "address:port" (IPv6 addresses have colons of their own). */
    static String host(String peer) {
        if (peer == null) {
            return "";
        }
        int colon = peer.lastIndexOf(':');
        String h = colon > 0 ? peer.substring(0, colon) : peer;
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        int zone = h.indexOf('%');
        return zone > 0 ? h.substring(0, zone) : h;
    }
}

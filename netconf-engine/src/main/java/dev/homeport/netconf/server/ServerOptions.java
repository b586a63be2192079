package dev.homeport.netconf.server;

import dev.homeport.netconf.session.MessageTrace;
import dev.homeport.netconf.xml.XmlLimits;
import java.time.Duration;

/**
 * Tunables of a server-side session.
 *
 * @param helloTimeout   how long to wait for the client's hello before closing
 * @param maxMessageSize largest RPC accepted, in bytes
 * @param xmlLimits      limits on received XML
 * @param trace          sees every message in and out; may be null
 */
public record ServerOptions(Duration helloTimeout, int maxMessageSize, XmlLimits xmlLimits, MessageTrace trace) {
    public static ServerOptions defaults() {
        return new ServerOptions(Duration.ofSeconds(60), 64 * 1024 * 1024, XmlLimits.DEFAULT, null);
    }

    public ServerOptions withMaxMessageSize(int bytes) {
        return new ServerOptions(helloTimeout, bytes, xmlLimits, trace);
    }

    public ServerOptions withHelloTimeout(Duration d) {
        return new ServerOptions(d, maxMessageSize, xmlLimits, trace);
    }

    public ServerOptions withTrace(MessageTrace t) {
        return new ServerOptions(helloTimeout, maxMessageSize, xmlLimits, t);
    }
}

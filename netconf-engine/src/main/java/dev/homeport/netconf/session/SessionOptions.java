package dev.homeport.netconf.session;

import dev.homeport.netconf.message.Capability;
import dev.homeport.netconf.xml.XmlLimits;
import java.time.Duration;
import java.util.List;

/**
 * Tunables of one client session.
 *
 * @param helloTimeout     how long to wait for the server's hello
 * @param rpcTimeout       default per-RPC timeout
 * @param maxMessageSize   largest message accepted from the peer, in bytes
 * @param xmlLimits        limits on received XML
 * @param capabilities     what the client advertises; drop base:1.1 to force end-of-message framing
 * @param trace            sees every message in and out (console views, --trace); may be null
 * @param stallProbe       if the first RPC gets no reply bytes within this time, send one harmless RPC so that a
 *                         server that read it together with the hello processes it (yuma123 leaves such an RPC in
 *                         its buffer until more input arrives); zero disables
 */
public record SessionOptions(Duration helloTimeout, Duration rpcTimeout, int maxMessageSize, XmlLimits xmlLimits,
                             List<String> capabilities, MessageTrace trace, Duration stallProbe) {

    public static final List<String> CLIENT_CAPABILITIES = List.of(Capability.BASE_1_0, Capability.BASE_1_1);
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 512 * 1024 * 1024;

    public static SessionOptions defaults() {
        return new SessionOptions(Duration.ofSeconds(30), Duration.ofSeconds(60), DEFAULT_MAX_MESSAGE_SIZE,
                XmlLimits.DEFAULT, CLIENT_CAPABILITIES, null, Duration.ofMillis(1500));
    }

    public SessionOptions withRpcTimeout(Duration d) {
        return new SessionOptions(helloTimeout, d, maxMessageSize, xmlLimits, capabilities, trace, stallProbe);
    }

    public SessionOptions withHelloTimeout(Duration d) {
        return new SessionOptions(d, rpcTimeout, maxMessageSize, xmlLimits, capabilities, trace, stallProbe);
    }

    public SessionOptions withMaxMessageSize(int bytes) {
        return new SessionOptions(helloTimeout, rpcTimeout, bytes, xmlLimits, capabilities, trace, stallProbe);
    }

    public SessionOptions withXmlLimits(XmlLimits limits) {
        return new SessionOptions(helloTimeout, rpcTimeout, maxMessageSize, limits, capabilities, trace, stallProbe);
    }

    public SessionOptions withCapabilities(List<String> caps) {
        return new SessionOptions(helloTimeout, rpcTimeout, maxMessageSize, xmlLimits, List.copyOf(caps), trace, stallProbe);
    }

    public SessionOptions withTrace(MessageTrace t) {
        return new SessionOptions(helloTimeout, rpcTimeout, maxMessageSize, xmlLimits, capabilities, t, stallProbe);
    }

    public SessionOptions withStallProbe(Duration d) {
        return new SessionOptions(helloTimeout, rpcTimeout, maxMessageSize, xmlLimits, capabilities, trace, d);
    }
}

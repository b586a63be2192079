package dev.homeport.netconf.callhome;

import dev.homeport.netconf.session.NetconfSession;
import java.net.InetSocketAddress;
import java.util.Optional;

/** What happens at the call-home listener, for the browser's Devices view and the CLI. */
public sealed interface CallHomeEvent {

    /** The source of the connection the event is about. */
    InetSocketAddress source();

    /** An unknown device called and is held for a decision. */
    record Pending(CallHomeDevice device, InetSocketAddress source) implements CallHomeEvent {
    }

    /** A device was trusted (by the application or by an accept-new policy). */
    record Trusted(CallHomeDevice device, InetSocketAddress source) implements CallHomeEvent {
    }

    /** A trusted device is connected: hellos exchanged, the session is ready for RPCs. */
    record Connected(CallHomeDevice device, InetSocketAddress source, NetconfSession session) implements CallHomeEvent {
    }

    /** A connected device's session ended. */
    record Disconnected(CallHomeDevice device, InetSocketAddress source, String reason) implements CallHomeEvent {
    }

    /**
     * A connection was refused: changed key, rejected device, blocked address, limits, failed authentication.
     * {@code device} is empty when the refusal came before the key exchange.
     */
    record Refused(Optional<CallHomeDevice> device, InetSocketAddress source, String reason) implements CallHomeEvent {
    }
}

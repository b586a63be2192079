package dev.homeport.netconf.server;

import dev.homeport.netconf.message.RpcError;

/**
 * Answers RPCs for one server session. Requests of a session arrive one at a time, in order, and each must be
 * answered exactly once through {@link ServerSession#reply} (possibly later, from another thread).
 */
@FunctionalInterface
public interface RpcHandler {
    void handle(ServerSession session, RpcRequest request);

    /** Called once when the session has ended, for cleanup (locks, subscriptions). */
    default void sessionClosed(ServerSession session) {
    }

    /**
     * The client's hello was accepted: the session has started (RFC 6470 netconf-session-start). Called before the
     * first RPC is handed over, in order with them.
     */
    default void sessionStarted(ServerSession session) {
    }

    /**
     * The session answered a message itself because it was no usable RPC (malformed XML, not an rpc, no message-id,
     * too big), with this error. For statistics (RFC 6022 in-bad-rpcs).
     */
    default void rejected(ServerSession session, RpcError error) {
    }
}

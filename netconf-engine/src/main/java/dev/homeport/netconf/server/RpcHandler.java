package dev.homeport.netconf.server;

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
}

package dev.homeport.netconf.server.host;

import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.sshd.common.SshConstants;
import org.apache.sshd.common.kex.KexState;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;

/**
 * Server-side SSH keep-alives with replies. MINA's server heartbeat only sends SSH_MSG_IGNORE, which a dead peer
 * behind a live TCP path (a stalled NAT or proxy) never refuses; a global request with want-reply must be answered
 * (success or failure, RFC 4254 section 4), so unanswered ones prove the manager gone. One task per session on the
 * server's shared scheduler.
 */
final class SshKeepAlive implements Runnable {
    static final String REQUEST = "keepalive@openssh.com";

    private final Session session;
    private final KeepAlive policy;
    private final Consumer<String> beforeClose;
    private final AtomicInteger unanswered = new AtomicInteger();
    private volatile ScheduledFuture<?> task;

    private SshKeepAlive(Session session, KeepAlive policy, Consumer<String> beforeClose) {
        this.session = session;
        this.policy = policy;
        this.beforeClose = beforeClose;
    }

    /** Starts keep-alives on an authenticated session; they stop when it closes. */
    static void start(Session session, KeepAlive policy, ScheduledExecutorService scheduler,
                      Consumer<String> beforeClose) {
        if (!policy.enabled()) {
            return;
        }
        SshKeepAlive k = new SshKeepAlive(session, policy, beforeClose);
        long ms = Math.max(1, policy.interval().toMillis());
        k.task = scheduler.scheduleWithFixedDelay(k, ms, ms, TimeUnit.MILLISECONDS);
        session.addCloseFutureListener(f -> k.cancel());
        if (!session.isOpen()) {
            k.cancel();
        }
    }

    @Override
    public void run() {
        if (!session.isOpen()) {
            cancel();
            return;
        }
        if (session.getKexState() != KexState.DONE) {
            return; // a re-key in progress delays replies; do not count it
        }
        if (unanswered.get() >= policy.maxMissed()) {
            cancel();
            beforeClose.accept("the peer did not answer " + unanswered.get() + " SSH keep-alives sent every "
                    + CallHome.describe(policy.interval()));
            session.close(true);
            return;
        }
        unanswered.incrementAndGet();
        try {
            Buffer buf = session.createBuffer(SshConstants.SSH_MSG_GLOBAL_REQUEST, REQUEST.length() + 16);
            buf.putString(REQUEST);
            buf.putBoolean(true);
            session.request(buf, REQUEST, (cmd, reply) -> unanswered.set(0));
        } catch (IOException | RuntimeException e) {
            cancel();
            beforeClose.accept("cannot send an SSH keep-alive: " + e.getMessage());
            session.close(true);
        }
    }

    private void cancel() {
        ScheduledFuture<?> t = task;
        if (t != null) {
            t.cancel(false);
        }
    }
}

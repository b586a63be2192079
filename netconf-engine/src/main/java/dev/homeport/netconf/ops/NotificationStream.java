package dev.homeport.netconf.ops;

import dev.homeport.netconf.message.Notification;
import dev.homeport.netconf.session.NetconfSession;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The notifications of one subscription, in arrival order: poll them, or register a listener. It ends when the
 * device sends notificationComplete (after a stop time), when the session closes, or on {@link #close()}.
 */
public final class NotificationStream implements AutoCloseable {
    private final BlockingQueue<Notification> queue = new LinkedBlockingQueue<>();
    private final Runnable unregister;
    private volatile boolean complete;
    private volatile boolean replayComplete;
    private volatile Consumer<Notification> listener;

    NotificationStream(NetconfSession session) {
        this.unregister = session.addNotificationListener(this::deliver);
        session.closeFuture().whenComplete((r, t) -> complete = true);
    }

    private void deliver(Notification n) {
        if (n.isStreamMarker()) {
            if ("replayComplete".equals(n.eventName())) {
                replayComplete = true;
            } else if ("notificationComplete".equals(n.eventName())) {
                complete = true;
            }
        }
        synchronized (queue) { // with onNotification: none lost or reordered while switching to push delivery
            Consumer<Notification> l = listener;
            if (l != null) {
                l.accept(n);
            } else {
                queue.add(n);
            }
        }
    }

    /** The next notification, waiting up to {@code timeout}; empty if none came. */
    public Optional<Notification> poll(Duration timeout) throws InterruptedException {
        return Optional.ofNullable(queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS));
    }

    /**
     * Switches to push delivery: notifications already queued are delivered first, then each as it comes, in the
     * order the device sent them, on the session's thread.
     */
    public void onNotification(Consumer<Notification> l) {
        synchronized (queue) {
            Notification n;
            while ((n = queue.poll()) != null) {
                l.accept(n);
            }
            this.listener = l;
        }
    }

    /** True after notificationComplete or when the session ended. */
    public boolean isComplete() {
        return complete;
    }

    /** True once the replay of logged events is over (RFC 5277 replayComplete). */
    public boolean isReplayComplete() {
        return replayComplete;
    }

    /** Stops delivery to this stream. RFC 5277 has no way to end a subscription but closing the session. */
    @Override
    public void close() {
        unregister.run();
        complete = true;
    }
}

package dev.homeport.netconf.session;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Threads shared by all sessions: virtual threads for message parsing and dispatch (cheap per session, and off the
 * SSH I/O threads), and one daemon timer for timeouts.
 */
public final class EngineThreads {
    private static final ExecutorService WORKERS =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("netconf-worker-", 0).factory());
    private static final ScheduledExecutorService TIMER;

    static {
        ScheduledThreadPoolExecutor t = new ScheduledThreadPoolExecutor(1, r -> {
            Thread th = new Thread(r, "netconf-timer");
            th.setDaemon(true);
            return th;
        });
        t.setRemoveOnCancelPolicy(true);
        TIMER = t;
    }

    private EngineThreads() {
    }

    public static ExecutorService workers() {
        return WORKERS;
    }

    public static ScheduledExecutorService timer() {
        return TIMER;
    }
}

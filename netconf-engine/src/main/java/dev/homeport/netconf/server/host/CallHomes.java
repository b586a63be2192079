package dev.homeport.netconf.server.host;

import dev.homeport.netconf.server.NetconfEndpoint;
import dev.homeport.netconf.session.EngineThreads;
import dev.homeport.netconf.session.SerialExecutor;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call homes of one device host, whatever its transport: starts them with the host's {@link CallHome.Dialer}s,
 * keeps them until removed, and tells listeners of their state changes, in order per call home, off the I/O threads.
 */
final class CallHomes {
    private static final Logger LOG = LoggerFactory.getLogger(CallHomes.class);

    private final ScheduledExecutorService timer;
    private final Set<CallHome> all = ConcurrentHashMap.newKeySet();
    private final List<Consumer<CallHome.Change>> listeners = new CopyOnWriteArrayList<>();
    private final SerialExecutor changes = new SerialExecutor(EngineThreads.workers());
    private final Clock clock = Clock.systemUTC();

    CallHomes(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Starts a call home whose connections {@code dialer} opens (the first attempt starts at once). */
    CallHome start(NetconfEndpoint endpoint, InetSocketAddress manager, InetAddress source, CallHomePolicy policy,
                   CallHome.Dialer dialer) {
        // ThreadLocalRandom's methods use the state of whichever thread calls them, so one instance serves all threads
        CallHome ch = new CallHome(endpoint, manager, source, policy, dialer, timer, clock,
                ThreadLocalRandom.current(), this::changed);
        all.add(ch);
        ch.start();
        return ch;
    }

    Set<CallHome> all() {
        return Set.copyOf(all);
    }

    void remove(CallHome callHome) {
        callHome.stop();
        all.remove(callHome);
    }

    void stopAll(String reason) {
        for (CallHome ch : all) {
            ch.stop(reason);
        }
        all.clear();
    }

    void addListener(Consumer<CallHome.Change> listener) {
        listeners.add(listener);
    }

    void removeListener(Consumer<CallHome.Change> listener) {
        listeners.remove(listener);
    }

    private void changed(CallHome.Change change) {
        if (listeners.isEmpty()) {
            return;
        }
        changes.execute(() -> {
            for (Consumer<CallHome.Change> l : listeners) {
                try {
                    l.accept(change);
                } catch (RuntimeException e) {
                    LOG.warn("call-home listener failed", e);
                }
            }
        });
    }
}

package dev.homeport.netconf.testing;

import dev.homeport.netconf.callhome.CallHomeEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** Records what a call-home listener reports, for tests to wait on and look at. */
public final class CallHomeEvents implements Consumer<CallHomeEvent> {
    private final List<CallHomeEvent> all = new CopyOnWriteArrayList<>();
    private final Duration wait;

    /** @param wait how long {@link #await} waits */
    public CallHomeEvents(Duration wait) {
        this.wait = wait;
    }

    @Override
    public void accept(CallHomeEvent e) {
        all.add(e);
    }

    public List<CallHomeEvent> all() {
        return List.copyOf(all);
    }

    public <T extends CallHomeEvent> List<T> of(Class<T> type) {
        return all.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** Waits for the first event of that type that matches. */
    public <T extends CallHomeEvent> T await(Class<T> type, Predicate<T> wanted) {
        return Awaitility.await().atMost(wait)
                .until(() -> of(type).stream().filter(wanted).findFirst(), Optional::isPresent).orElseThrow();
    }
}

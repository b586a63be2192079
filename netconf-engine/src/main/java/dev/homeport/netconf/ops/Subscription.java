package dev.homeport.netconf.ops;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * An RFC 5277 create-subscription request. A start time asks for replay of logged events; a stop time ends the
 * subscription (the device then sends notificationComplete).
 */
public record Subscription(Optional<String> stream, Optional<Filter> filter, Optional<OffsetDateTime> startTime,
                           Optional<OffsetDateTime> stopTime) {

    public static Subscription defaultStream() {
        return new Subscription(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public static Subscription stream(String name) {
        return new Subscription(Optional.of(name), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public Subscription filter(Filter f) {
        return new Subscription(stream, Optional.of(f), startTime, stopTime);
    }

    public Subscription replayFrom(OffsetDateTime start) {
        return new Subscription(stream, filter, Optional.of(start), stopTime);
    }

    public Subscription until(OffsetDateTime stop) {
        return new Subscription(stream, filter, startTime, Optional.of(stop));
    }
}

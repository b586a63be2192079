package dev.homeport.netconf.ops;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A notification stream a device offers (RFC 5277 section 3.2.5.1, {@code /netconf/streams/stream}).
 *
 * @param replaySupport         whether a subscription may ask for logged events with a start time
 * @param replayLogCreationTime the earliest event time that can be replayed, when replay is supported
 */
public record EventStream(String name, Optional<String> description, boolean replaySupport,
                          Optional<OffsetDateTime> replayLogCreationTime) {
}

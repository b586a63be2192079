package dev.homeport.netconf.ops;

import java.time.Duration;
import java.util.Optional;

/**
 * Options of a confirmed commit (RFC 6241 section 8.4). Without {@code persist}, the confirming commit must come
 * from the same session; with it (confirmed-commit:1.1), any session that knows the persist token can confirm.
 *
 * @param timeout   rollback after this long unless confirmed (device default 600 s when empty)
 * @param persist   token that makes the commit survive the session
 * @param persistId confirms or extends an earlier persistent confirmed commit
 */
public record ConfirmedCommit(Optional<Duration> timeout, Optional<String> persist, Optional<String> persistId) {

    public static ConfirmedCommit withTimeout(Duration timeout) {
        return new ConfirmedCommit(Optional.of(timeout), Optional.empty(), Optional.empty());
    }

    public ConfirmedCommit persist(String token) {
        return new ConfirmedCommit(timeout, Optional.of(token), persistId);
    }

    public ConfirmedCommit persistId(String token) {
        return new ConfirmedCommit(timeout, persist, Optional.of(token));
    }
}

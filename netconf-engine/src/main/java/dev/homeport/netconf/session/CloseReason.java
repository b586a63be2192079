package dev.homeport.netconf.session;

import java.util.Optional;

/**
 * Why a session ended.
 *
 * @param description one line for people: "device closed the connection", "framing error: ..."
 * @param cause       the failure behind it; empty for an orderly close
 */
public record CloseReason(String description, Optional<Throwable> cause) {
    public boolean orderly() {
        return cause.isEmpty();
    }
}

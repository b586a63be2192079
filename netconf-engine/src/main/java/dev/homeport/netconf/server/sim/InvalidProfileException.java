package dev.homeport.netconf.server.sim;

import dev.homeport.netconf.NetconfException;

/** A profile that cannot be loaded: a missing file, a module yangtools refuses, a configuration that is invalid. */
public final class InvalidProfileException extends NetconfException {
    private static final long serialVersionUID = 1L;

    public InvalidProfileException(String message) {
        super(message);
    }

    public InvalidProfileException(String message, Throwable cause) {
        super(message, cause);
    }
}

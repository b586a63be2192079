package dev.homeport.netconf.framing;

import java.io.IOException;

/** The peer broke RFC 6242 framing: the session cannot continue, because message boundaries are lost. */
public final class FramingException extends IOException {
    private static final long serialVersionUID = 1L;

    public FramingException(String message) {
        super(message);
    }
}

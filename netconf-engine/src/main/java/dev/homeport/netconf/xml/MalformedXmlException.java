package dev.homeport.netconf.xml;

import java.io.IOException;

/** A peer sent XML that is not well-formed, or that is refused for safety (a DTD, entities, excessive depth). */
public final class MalformedXmlException extends IOException {
    private static final long serialVersionUID = 1L;

    public MalformedXmlException(String message, Throwable cause) {
        super(message, cause);
    }

    public MalformedXmlException(String message) {
        super(message);
    }
}

package dev.homeport.netconf.data;

import dev.homeport.netconf.NetconfException;

/**
 * Data that does not fit the schema: a value of the wrong type or out of range, an element no module defines (in
 * strict parsing), a list entry without its keys. The message names the element path; {@link #path()} gives it alone.
 */
public final class InvalidDataException extends NetconfException {
    private static final long serialVersionUID = 1L;
    private final String path;

    public InvalidDataException(String message, String path, Throwable cause) {
        super(message, cause);
        this.path = path;
    }

    /** Readable path of the offending element, as {@code /module:top/list[key='v']/leaf}. */
    public String path() {
        return path;
    }
}

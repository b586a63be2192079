package dev.homeport.netconf;

import java.io.IOException;

/** Base of every failure the engine reports. Messages are written for the person at the console. */
public class NetconfException extends IOException {
    private static final long serialVersionUID = 1L;

    public NetconfException(String message) {
        super(message);
    }

    public NetconfException(String message, Throwable cause) {
        super(message, cause);
    }
}

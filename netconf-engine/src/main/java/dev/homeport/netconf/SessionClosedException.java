package dev.homeport.netconf;

/** The session ended (peer went away, was killed, or was closed) before the operation completed. */
public class SessionClosedException extends NetconfException {
    private static final long serialVersionUID = 1L;

    public SessionClosedException(String message) {
        super(message);
    }

    public SessionClosedException(String message, Throwable cause) {
        super(message, cause);
    }
}

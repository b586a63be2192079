package dev.homeport.netconf;

/** The peer violated the protocol: bad framing, malformed or hostile XML, a missing hello. The session is closed. */
public class ProtocolException extends NetconfException {
    private static final long serialVersionUID = 1L;

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}

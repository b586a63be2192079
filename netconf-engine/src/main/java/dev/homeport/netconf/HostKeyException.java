package dev.homeport.netconf;

/** The device's host key (or certificate) is unknown or differs from the trusted one. */
public class HostKeyException extends NetconfException {
    private static final long serialVersionUID = 1L;

    public HostKeyException(String message) {
        super(message);
    }
}

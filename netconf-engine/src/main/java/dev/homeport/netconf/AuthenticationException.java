package dev.homeport.netconf;

/** The device did not accept the credentials offered. */
public class AuthenticationException extends NetconfException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String message) {
        super(message);
    }

    public AuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}

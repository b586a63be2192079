package dev.homeport.netconf.cli;

/** A command line that cannot be run as given: bad combination of options, unreadable input file. Exit code 2. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }

    UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}

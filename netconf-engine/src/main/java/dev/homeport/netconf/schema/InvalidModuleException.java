package dev.homeport.netconf.schema;

/** Text that is not the YANG module or submodule it should be: not YANG, another name, another revision. */
public class InvalidModuleException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidModuleException(String message) {
        super(message);
    }

    public InvalidModuleException(String message, Throwable cause) {
        super(message, cause);
    }
}

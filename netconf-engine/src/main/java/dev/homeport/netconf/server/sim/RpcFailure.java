package dev.homeport.netconf.server.sim;

import dev.homeport.netconf.data.EditError;
import java.util.List;

/** An operation refused with these rpc-errors; whatever it was about to change is unchanged. */
final class RpcFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<EditError> errors;

    RpcFailure(List<EditError> errors) {
        super(errors.isEmpty() ? "failed" : errors.get(0).toString(), null, false, false);
        this.errors = List.copyOf(errors);
    }

    RpcFailure(EditError error) {
        this(List.of(error));
    }

    List<EditError> errors() {
        return errors;
    }

    static RpcFailure protocol(String tag, String message) {
        return new RpcFailure(EditError.of("protocol", tag, message));
    }

    static RpcFailure application(String tag, String message) {
        return new RpcFailure(EditError.of("application", tag, message));
    }

    /** invalid-value about an element of the request. */
    static RpcFailure badElement(String element, String message) {
        return new RpcFailure(EditError.of("protocol", "invalid-value", message).withInfo("bad-element", element));
    }

    static RpcFailure missingElement(String element, String message) {
        return new RpcFailure(EditError.of("protocol", "missing-element", message).withInfo("bad-element", element));
    }

    static RpcFailure unknownElement(String element, String message) {
        return new RpcFailure(EditError.of("protocol", "unknown-element", message).withInfo("bad-element", element));
    }
}

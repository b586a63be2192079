package dev.homeport.netconf.data;

import dev.homeport.netconf.NetconfException;

/** An edit that cannot be parsed or applied; nothing of it was applied. */
public final class EditException extends NetconfException {
    private static final long serialVersionUID = 1L;
    private final transient EditError error;

    public EditException(EditError error) {
        super(error.toString());
        this.error = error;
    }

    public EditError error() {
        return error;
    }
}

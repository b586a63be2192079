package dev.homeport.yang.ide;

/** A rename that cannot be done, with the reason to show the user; nothing was changed. */
public final class RenameRefusedException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public RenameRefusedException(String message) {
        super(message);
    }
}

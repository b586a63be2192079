package dev.homeport.netconf.schema;

/**
 * A module that is not in the built schema, and why.
 *
 * @param module    the module
 * @param reason    the kind of reason
 * @param detail    the reason for people
 * @param rootCause the module whose problem started it (this module itself when the problem is its own)
 */
public record DroppedModule(ModuleRef module, Reason reason, String detail, ModuleRef rootCause) {

    public enum Reason {
        /** Its text could not be obtained (get-schema failed, not cached). */
        UNAVAILABLE,
        /** It imports or includes a module or submodule that is not available. */
        MISSING_DEPENDENCY,
        /** yangtools refused its text. */
        INVALID,
        /** It depends on a module that was dropped. */
        DEPENDS_ON_DROPPED
    }

    @Override
    public String toString() {
        return module.id() + ": " + detail;
    }
}

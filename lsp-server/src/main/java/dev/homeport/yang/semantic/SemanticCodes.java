package dev.homeport.yang.semantic;

/** Codes only yangtools reports; its other errors map to the codes of our own checks (see {@link YangtoolsErrors}). */
public final class SemanticCodes {
    /** Two nodes of the same name in one place, also after uses and augments are applied. */
    public static final String DUPLICATE_NODE = "duplicate-node";
    /** A statement where it is not allowed, too often, or without a mandatory sub-statement. */
    public static final String INVALID_STATEMENT = "invalid-statement";
    /** Any other error yangtools reports. */
    public static final String SEMANTIC_ERROR = "semantic-error";

    private SemanticCodes() {
    }
}

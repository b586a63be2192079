package dev.homeport.yang.ide;

/**
 * How to format: {@code indent} spaces per level (0 to 16), and whether sub-statements are put into the canonical
 * order of RFC 7950 section 14 ({@link CanonicalOrder}) before re-indenting.
 */
public record FormattingOptions(int indent, boolean canonicalOrder) {
    public FormattingOptions {
        indent = Math.max(0, Math.min(indent, 16));
    }

    public static FormattingOptions indent(int indent) {
        return new FormattingOptions(indent, false);
    }

    public FormattingOptions withCanonicalOrder(boolean canonical) {
        return new FormattingOptions(indent, canonical);
    }
}

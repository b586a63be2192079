package dev.homeport.yang.ide;

import java.util.Locale;

/** The kinds of outline entries: one per YANG statement kind that names something. */
public enum SymbolKind {
    MODULE, SUBMODULE, IMPORT, INCLUDE, REVISION, TYPEDEF, GROUPING, IDENTITY, FEATURE, EXTENSION, CONTAINER, LIST,
    LEAF, LEAF_LIST, CHOICE, CASE, ANYDATA, ANYXML, RPC, ACTION, INPUT, OUTPUT, NOTIFICATION, AUGMENT, DEVIATION, USES,
    /** An extension statement that defines something, such as RFC 8791's {@code sx:structure}. */
    EXTENSION_STATEMENT;

    private static final java.util.Map<String, SymbolKind> BY_KEYWORD = new java.util.HashMap<>();

    static {
        for (SymbolKind k : values()) {
            if (k != EXTENSION_STATEMENT) {
                BY_KEYWORD.put(k.name().toLowerCase(Locale.ROOT).replace('_', '-'), k);
            }
        }
    }

    /** The kind of a statement's keyword; null for statements that do not appear in outlines. */
    static SymbolKind of(String keyword, boolean extension) {
        if (extension) {
            return EXTENSION_STATEMENT;
        }
        // a map, not valueOf: most statements (type, description...) are no symbols, and exceptions cost
        return BY_KEYWORD.get(keyword);
    }
}

package dev.homeport.yang.ide;

import java.util.Locale;

/** The kinds of outline entries: one per YANG statement kind that names something. */
public enum SymbolKind {
    MODULE, SUBMODULE, IMPORT, INCLUDE, REVISION, TYPEDEF, GROUPING, IDENTITY, FEATURE, EXTENSION, CONTAINER, LIST,
    LEAF, LEAF_LIST, CHOICE, CASE, ANYDATA, ANYXML, RPC, ACTION, INPUT, OUTPUT, NOTIFICATION, AUGMENT, DEVIATION, USES,
    /** An extension statement that defines something, such as RFC 8791's {@code sx:structure}. */
    EXTENSION_STATEMENT;

    /** The kind of a statement's keyword; null for statements that do not appear in outlines. */
    static SymbolKind of(String keyword, boolean extension) {
        if (extension) {
            return EXTENSION_STATEMENT;
        }
        try {
            SymbolKind k = valueOf(keyword.toUpperCase(Locale.ROOT).replace('-', '_'));
            return k == EXTENSION_STATEMENT ? null : k;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

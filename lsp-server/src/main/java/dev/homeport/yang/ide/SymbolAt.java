package dev.homeport.yang.ide;

import dev.homeport.yang.syntax.Statement;
import dev.homeport.yang.text.Span;

/**
 * A symbol found at a cursor: what it refers to, the statement the cursor is in, the span of the name under the
 * cursor (just {@code name} of {@code prefix:name}, or just the prefix when the cursor is on it) and whether that
 * name is the symbol's declaration rather than a reference to it.
 */
public record SymbolAt(Symbol symbol, Statement site, Span span, boolean declaration) {
}

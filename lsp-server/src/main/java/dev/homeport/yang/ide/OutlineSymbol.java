package dev.homeport.yang.ide;

import dev.homeport.yang.text.Range;
import dev.homeport.yang.text.Span;
import java.util.List;

/**
 * One entry of a document's outline (LSP DocumentSymbol): the statement's name and kind, a detail (a leaf's type,
 * a list's key, an import's prefix...), the whole statement's span and the name's span, and the entries inside.
 */
public record OutlineSymbol(String name, SymbolKind kind, String detail, Span span, Range range, Span selectionSpan,
        Range selectionRange, List<OutlineSymbol> children) {
}

package dev.homeport.yang.ide;

import dev.homeport.yang.text.Range;
import dev.homeport.yang.text.Span;

/** One occurrence of a symbol in the current document; {@code declaration} marks the defining one (LSP: write). */
public record Highlight(Span span, Range range, boolean declaration) {
}

package dev.homeport.yang.ide;

import dev.homeport.yang.text.Range;
import dev.homeport.yang.text.Span;

/** A hover: Markdown text about the name at the cursor, and the span (and range) of that name. */
public record HoverInfo(String markdown, Span span, Range range) {
}

package dev.homeport.yang.ide;

import dev.homeport.yang.text.Range;
import dev.homeport.yang.text.Span;

/** Replace {@code span} (also given as an editor range) with {@code newText}. */
public record TextEdit(Span span, Range range, String newText) {
}

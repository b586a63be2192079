package dev.homeport.yang.syntax;

import dev.homeport.yang.text.Span;

/**
 * One token of a {@link SyntaxTree}: its position in the tree's token list, its kind and its offsets.
 * {@code unterminated} marks a quoted string or block comment that runs to the end of the text.
 */
public record Token(int index, TokenKind kind, int start, int end, boolean unterminated) {
    public Span span() {
        return new Span(start, end);
    }

    public String text(CharSequence source) {
        return source.subSequence(start, end).toString();
    }
}

package dev.homeport.yang.ide;

import dev.homeport.yang.text.Range;
import dev.homeport.yang.text.Span;

/**
 * One completion proposal: the label shown, what it is, a detail (a module, a revision, a type), and the text that
 * replaces {@code span} (the word being typed). {@code snippet} marks {@code insertText} as an LSP snippet with
 * {@code ${1:name}} placeholders; otherwise it is plain text.
 */
public record CompletionItem(String label, Kind kind, String detail, String insertText, boolean snippet, Span span,
        Range range) {

    public enum Kind {
        KEYWORD, SNIPPET, VALUE, MODULE, PREFIX, BUILTIN_TYPE, TYPEDEF, GROUPING, IDENTITY, FEATURE, SCHEMA_NODE, REVISION, FUNCTION
    }
}

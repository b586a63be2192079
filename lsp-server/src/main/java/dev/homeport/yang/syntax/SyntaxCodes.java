package dev.homeport.yang.syntax;

/** The {@code code} of every diagnostic the tokenizer and parser report. */
public final class SyntaxCodes {
    public static final String ILLEGAL_CHARACTER = "illegal-character";
    public static final String UNTERMINATED_STRING = "unterminated-string";
    public static final String UNTERMINATED_COMMENT = "unterminated-comment";
    /** YANG 1.1: a backslash followed by anything but n, t, " or \. */
    public static final String INVALID_ESCAPE = "invalid-escape";
    /** YANG 1: such an escape is kept literally, but it is an error in YANG 1.1. */
    public static final String LEGACY_ESCAPE = "legacy-escape";
    /** YANG 1.1: a quote inside an unquoted string. */
    public static final String QUOTE_IN_UNQUOTED_STRING = "quote-in-unquoted-string";
    public static final String EXPECTED_KEYWORD = "expected-keyword";
    public static final String INVALID_KEYWORD = "invalid-keyword";
    public static final String MISSING_KEYWORD = "missing-keyword";
    public static final String MISSING_SEMICOLON = "missing-semicolon";
    public static final String UNEXPECTED_SEMICOLON = "unexpected-semicolon";
    public static final String UNEXPECTED_CLOSE_BRACE = "unexpected-close-brace";
    public static final String MISSING_CLOSE_BRACE = "missing-close-brace";
    public static final String MISSING_PLUS = "missing-plus";
    public static final String EXPECTED_QUOTED_STRING = "expected-quoted-string";
    public static final String UNQUOTED_CONCATENATION = "unquoted-concatenation";
    public static final String NESTING_TOO_DEEP = "nesting-too-deep";
    public static final String TOO_MANY_PROBLEMS = "too-many-problems";

    private SyntaxCodes() {
    }
}

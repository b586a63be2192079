package dev.homeport.yang.syntax;

/** The kinds of YANG tokens. Whitespace is not a token: it is whatever lies between tokens. */
public enum TokenKind {
    /** An unquoted string: a keyword, an identifier or an unquoted argument. */
    WORD,
    /** A string in double quotes, quotes included; escapes and indentation are resolved in the argument value. */
    DOUBLE_QUOTED,
    /** A string in single quotes, quotes included; taken literally. */
    SINGLE_QUOTED,
    /** A lone {@code +}, the concatenation operator between quoted strings. */
    PLUS,
    SEMICOLON,
    LEFT_BRACE,
    RIGHT_BRACE,
    /** {@code //} up to the end of the line, the line break excluded. */
    LINE_COMMENT,
    /** {@code /* ... *}{@code /}. */
    BLOCK_COMMENT;

    public boolean isComment() {
        return this == LINE_COMMENT || this == BLOCK_COMMENT;
    }

    public boolean isString() {
        return this == WORD || this == DOUBLE_QUOTED || this == SINGLE_QUOTED;
    }

    public boolean isQuoted() {
        return this == DOUBLE_QUOTED || this == SINGLE_QUOTED;
    }
}

package dev.homeport.yang.syntax;

import dev.homeport.yang.text.Span;

/**
 * Splits YANG text into tokens (RFC 7950 section 6.1). It never fails: an unterminated string or comment runs to
 * the end of the text and is reported, characters YANG forbids are reported and kept inside their token.
 * One pass, no backtracking, so time is linear in the text's length.
 *
 * <p>An unquoted string ends at whitespace, {@code ; { }} or the start of a comment. Like yangtools, and as
 * YANG 1 allows, quotes inside an unquoted string belong to it (YANG 1.1 forbids them; the parser reports that
 * once the version is known). A {@code +} on its own, or directly before a quote, is the concatenation operator.
 */
final class Lexer {
    private final String text;
    private final int n;
    private final Tokens tokens = new Tokens();
    private final DiagnosticSink sink;

    private Lexer(String text, DiagnosticSink sink) {
        this.text = text;
        this.n = text.length();
        this.sink = sink;
    }

    static Tokens lex(String text, DiagnosticSink sink) {
        Lexer lexer = new Lexer(text, sink);
        lexer.run();
        lexer.reportIllegalCharacters();
        return lexer.tokens;
    }

    private void run() {
        // A byte order mark is an encoding artefact, not text: skip it like whitespace.
        int i = n > 0 && text.charAt(0) == '\uFEFF' ? 1 : 0;
        while (i < n) {
            char c = text.charAt(i);
            switch (c) {
                case ' ', '\t', '\n', '\r' -> i++;
                case ';' -> i = single(TokenKind.SEMICOLON, i);
                case '{' -> i = single(TokenKind.LEFT_BRACE, i);
                case '}' -> i = single(TokenKind.RIGHT_BRACE, i);
                case '"' -> i = doubleQuoted(i);
                case '\'' -> i = singleQuoted(i);
                case '/' -> {
                    char next = i + 1 < n ? text.charAt(i + 1) : 0;
                    if (next == '/') {
                        i = lineComment(i);
                    } else if (next == '*') {
                        i = blockComment(i);
                    } else {
                        i = word(i);
                    }
                }
                case '+' -> i = endsWord(i + 1) || isQuote(i + 1) ? single(TokenKind.PLUS, i) : word(i);
                default -> i = word(i);
            }
        }
    }

    private int single(TokenKind kind, int i) {
        tokens.add(kind, i, i + 1, false);
        return i + 1;
    }

    private int doubleQuoted(int start) {
        int i = start + 1;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2; // an escaped character never ends the string, whatever it is
            } else if (c == '"') {
                tokens.add(TokenKind.DOUBLE_QUOTED, start, i + 1, false);
                return i + 1;
            } else {
                i++;
            }
        }
        unterminatedString(TokenKind.DOUBLE_QUOTED, start, '"');
        return n;
    }

    private int singleQuoted(int start) {
        int close = text.indexOf('\'', start + 1);
        if (close < 0) {
            unterminatedString(TokenKind.SINGLE_QUOTED, start, '\'');
            return n;
        }
        tokens.add(TokenKind.SINGLE_QUOTED, start, close + 1, false);
        return close + 1;
    }

    private void unterminatedString(TokenKind kind, int start, char quote) {
        tokens.add(kind, start, n, true);
        sink.error(Span.of(start, start + 1), SyntaxCodes.UNTERMINATED_STRING,
                "string is not closed: the " + quote + " here has no closing " + quote + " before the end of the file");
    }

    private int lineComment(int start) {
        int i = start + 2;
        while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            i++;
        }
        tokens.add(TokenKind.LINE_COMMENT, start, i, false);
        return i;
    }

    private int blockComment(int start) {
        int close = text.indexOf("*/", start + 2);
        if (close < 0) {
            tokens.add(TokenKind.BLOCK_COMMENT, start, n, true);
            sink.error(Span.of(start, start + 2), SyntaxCodes.UNTERMINATED_COMMENT,
                    "comment is not closed: this /* has no */ before the end of the file");
            return n;
        }
        tokens.add(TokenKind.BLOCK_COMMENT, start, close + 2, false);
        return close + 2;
    }

    private int word(int start) {
        int i = start + 1;
        while (i < n && !endsWord(i)) {
            i++;
        }
        tokens.add(TokenKind.WORD, start, i, false);
        return i;
    }

    /** True when an unquoted string cannot continue at {@code i}. */
    private boolean endsWord(int i) {
        if (i >= n) {
            return true;
        }
        char c = text.charAt(i);
        return switch (c) {
            case ' ', '\t', '\n', '\r', ';', '{', '}' -> true;
            case '/' -> i + 1 < n && (text.charAt(i + 1) == '/' || text.charAt(i + 1) == '*');
            default -> false;
        };
    }

    private boolean isQuote(int i) {
        return i < n && (text.charAt(i) == '"' || text.charAt(i) == '\'');
    }

    /**
     * Reports characters outside RFC 7950's yang-char: control characters other than tab, LF and CR, unpaired
     * surrogates and Unicode noncharacters. A run of them is one diagnostic.
     */
    private void reportIllegalCharacters() {
        int runStart = -1;
        for (int i = 0; i < n; i++) {
            int width = illegalWidth(i);
            if (width > 0) {
                if (runStart < 0) {
                    runStart = i;
                }
                i += width - 1;
            } else {
                if (runStart >= 0) {
                    illegalRun(runStart, i);
                    runStart = -1;
                }
                i += pairWidth(i) - 1;
            }
        }
        if (runStart >= 0) {
            illegalRun(runStart, n);
        }
    }

    private void illegalRun(int start, int end) {
        String what = end - start == 1 ? String.format("U+%04X", (int) text.charAt(start)) : (end - start) + " characters";
        sink.error(Span.of(start, end), SyntaxCodes.ILLEGAL_CHARACTER,
                "YANG does not allow " + (end - start == 1 ? "the character " : "these ") + what + " here");
    }

    /**
     * 0 when the character at {@code i} is allowed, else how many chars (1 or 2) the illegal one occupies.
     * A legal surrogate pair answers 0 at its first half and is then stepped over by {@link #pairWidth(int)}.
     */
    private int illegalWidth(int i) {
        char c = text.charAt(i);
        if (c >= 0x20 && c < 0xD800) {
            return 0;
        }
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r' ? 0 : 1;
        }
        if (Character.isHighSurrogate(c)) {
            if (i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, text.charAt(i + 1));
                return (cp & 0xFFFE) == 0xFFFE ? 2 : 0;
            }
            return 1;
        }
        if (Character.isLowSurrogate(c)) {
            return 1;
        }
        if (c >= 0xFDD0 && c <= 0xFDEF) {
            return 1;
        }
        return c == 0xFFFE || c == 0xFFFF ? 1 : 0;
    }

    /** 2 for a surrogate pair at {@code i}, else 1. */
    private int pairWidth(int i) {
        return Character.isHighSurrogate(text.charAt(i)) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1;
    }
}

package dev.homeport.yang.ide;

import dev.homeport.yang.syntax.Statement;
import dev.homeport.yang.syntax.Token;
import dev.homeport.yang.syntax.TokenKind;
import dev.homeport.yang.text.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Names inside argument tokens as written in the text (quotes excluded), so that spans are exact even in quoted
 * or concatenated arguments: the word at a cursor, every occurrence of a name, the text before a cursor.
 */
final class Names {
    private Names() {
    }

    /** Characters of YANG identifiers, plus {@code :} between prefix and name. */
    static boolean isWordChar(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':');
    }

    /** A string token's content: its offset and text without the quotes. */
    record Piece(int start, String text) {
        int end() {
            return start + text.length();
        }
    }

    static Piece inner(Statement s, Token t) {
        String source = s.tree().text();
        if (t.kind().isQuoted()) {
            int end = t.unterminated() ? t.end() : Math.max(t.start() + 1, t.end() - 1);
            return new Piece(t.start() + 1, source.substring(t.start() + 1, end));
        }
        return new Piece(t.start(), source.substring(t.start(), t.end()));
    }

    static List<Piece> pieces(Statement s) {
        List<Piece> out = new ArrayList<>();
        for (Token t : s.argumentTokens()) {
            if (t.kind().isString()) {
                out.add(inner(s, t));
            }
        }
        return out;
    }

    /** The argument's span without surrounding quotes (a single quoted token), else the whole argument. */
    static Span nameSpan(Statement s) {
        List<Piece> pieces = pieces(s);
        if (pieces.size() == 1) {
            Piece p = pieces.get(0);
            String t = p.text();
            int lead = 0;
            while (lead < t.length() && Character.isWhitespace(t.charAt(lead))) {
                lead++;
            }
            int trail = t.length();
            while (trail > lead && Character.isWhitespace(t.charAt(trail - 1))) {
                trail--;
            }
            return Span.of(p.start() + lead, p.start() + trail);
        }
        return s.argumentSpan();
    }

    /** The piece of the argument that holds {@code offset} (its end included), or null. */
    static Piece pieceAt(Statement s, int offset) {
        for (Piece p : pieces(s)) {
            if (offset >= p.start() && offset <= p.end()) {
                return p;
            }
        }
        return null;
    }

    /** The word ({@code prefix:name}, identifier characters) around {@code offset}, or null when there is none. */
    static Span wordAt(Statement s, int offset) {
        Piece p = pieceAt(s, offset);
        if (p == null) {
            return null;
        }
        String t = p.text();
        int i = offset - p.start();
        int from = i;
        while (from > 0 && isWordChar(t.charAt(from - 1))) {
            from--;
        }
        int to = i;
        while (to < t.length() && isWordChar(t.charAt(to))) {
            to++;
        }
        return from == to ? null : Span.of(p.start() + from, p.start() + to);
    }

    /** The argument as written from its start up to {@code offset} (pieces joined, quotes dropped). */
    static String argumentUpTo(Statement s, int offset) {
        StringBuilder sb = new StringBuilder();
        for (Piece p : pieces(s)) {
            if (offset < p.start()) {
                break;
            }
            sb.append(p.text(), 0, Math.min(p.text().length(), offset - p.start()));
        }
        return sb.toString();
    }

    /**
     * Every place where {@code word} stands alone in the argument (not part of a longer word); with
     * {@code prefixOnly}, {@code word} must be followed by {@code :} (a prefix use).
     */
    static List<Span> occurrences(Statement s, String word, boolean prefixOnly) {
        List<Span> out = new ArrayList<>();
        for (Piece p : pieces(s)) {
            String t = p.text();
            int from = 0;
            while (true) {
                int i = t.indexOf(word, from);
                if (i < 0) {
                    break;
                }
                int end = i + word.length();
                boolean startOk = i == 0 || !isWordChar(t.charAt(i - 1));
                boolean endOk = prefixOnly ? end < t.length() && t.charAt(end) == ':'
                        : end == t.length() || !isWordChar(t.charAt(end));
                if (startOk && endOk) {
                    out.add(Span.of(p.start() + i, p.start() + end));
                }
                from = i + 1;
            }
        }
        return out;
    }

    static boolean isQuoted(Token t) {
        return t.kind() == TokenKind.DOUBLE_QUOTED || t.kind() == TokenKind.SINGLE_QUOTED;
    }
}

package dev.homeport.yang.syntax;

import dev.homeport.yang.text.Span;
import java.util.List;

/**
 * Turns argument tokens into argument values (RFC 7950 section 6.1.3) and reports what the YANG version forbids.
 *
 * <p>Double-quoted strings: a line break inside the string drops the spaces and tabs before it, and on the next
 * line drops indentation up to and including the column of the opening quote (a tab counts 8 columns; a tab that
 * reaches past that column leaves the excess as spaces). The quote's column counts characters, as yangtools and
 * pyang do. Line breaks become LF. Then {@code \n \t \" \\} are replaced; any other backslash escape is an error
 * in YANG 1.1 and kept literally, with a warning, in YANG 1. Single-quoted strings are taken as they are.
 */
final class ArgumentDecoder {
    private final String text;
    private final Tokens tokens;
    private final YangVersion version;
    private final DiagnosticSink sink;

    private ArgumentDecoder(String text, Tokens tokens, YangVersion version, DiagnosticSink sink) {
        this.text = text;
        this.tokens = tokens;
        this.version = version;
        this.sink = sink;
    }

    /** Decodes every argument in the tree and returns the version the module declares. */
    static YangVersion decodeAll(String text, Tokens tokens, List<Statement> roots, List<Statement> all,
            DiagnosticSink sink) {
        YangVersion version = declaredVersion(text, tokens, roots);
        ArgumentDecoder decoder = new ArgumentDecoder(text, tokens, version, sink);
        for (Statement s : all) {
            if (s.argumentTokens.length > 0) {
                s.argument = decoder.value(s.argumentTokens);
            }
        }
        return version;
    }

    private static YangVersion declaredVersion(String text, Tokens tokens, List<Statement> roots) {
        ArgumentDecoder quiet = new ArgumentDecoder(text, tokens, YangVersion.V1, null);
        for (Statement root : roots) {
            if (root.keyword.equals("module") || root.keyword.equals("submodule")) {
                for (Statement child : root.children) {
                    if (child.keyword.equals("yang-version") && child.argumentTokens.length > 0) {
                        YangVersion v = YangVersion.forArgument(quiet.value(child.argumentTokens));
                        return v == null ? YangVersion.V1 : v;
                    }
                }
                return YangVersion.V1;
            }
        }
        return YangVersion.V1;
    }

    private String value(int[] parts) {
        if (parts.length == 1) {
            return part(parts[0]);
        }
        StringBuilder joined = new StringBuilder();
        for (int t : parts) {
            if (tokens.kind(t) != TokenKind.PLUS) {
                joined.append(part(t));
            }
        }
        return joined.toString();
    }

    private String part(int t) {
        int start = tokens.start(t);
        int end = tokens.end(t);
        return switch (tokens.kind(t)) {
            case DOUBLE_QUOTED -> doubleQuoted(start, start + 1, tokens.isUnterminated(t) ? end : end - 1);
            case SINGLE_QUOTED -> text.substring(start + 1, tokens.isUnterminated(t) ? end : end - 1);
            case WORD -> unquoted(start, end);
            default -> text.substring(start, end);
        };
    }

    private String unquoted(int start, int end) {
        if (version == YangVersion.V1_1 && sink != null) {
            for (int i = start; i < end; i++) {
                char c = text.charAt(i);
                if (c == '"' || c == '\'') {
                    sink.error(Span.of(i, i + 1), SyntaxCodes.QUOTE_IN_UNQUOTED_STRING,
                            "YANG 1.1 does not allow " + c + " inside an unquoted string: quote the whole string");
                }
            }
        }
        return text.substring(start, end);
    }

    private String doubleQuoted(int quote, int from, int to) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (c == '\\' || c == '\n' || c == '\r') {
                break;
            }
            i++;
        }
        if (i == to) {
            return text.substring(from, to); // the common case: nothing to resolve
        }
        int quoteColumn = quote - lineStart(quote);
        StringBuilder out = new StringBuilder(to - from);
        out.append(text, from, i);
        int keep = out.length(); // what survives if a line break follows: trailing spaces and tabs do not
        for (int k = from; k < i; k++) {
            char c = text.charAt(k);
            if (c != ' ' && c != '\t') {
                keep = k - from + 1;
            }
        }
        while (i < to) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && i + 1 < to && text.charAt(i + 1) == '\n')) {
                out.setLength(keep);
                out.append('\n');
                keep = out.length();
                i += c == '\r' ? 2 : 1;
                int column = 0;
                while (i < to && column <= quoteColumn) {
                    char w = text.charAt(i);
                    if (w == ' ') {
                        column++;
                    } else if (w == '\t') {
                        column += 8;
                    } else {
                        break;
                    }
                    i++;
                }
                for (int pad = column - 1 - quoteColumn; pad > 0; pad--) {
                    out.append(' ');
                }
                continue;
            }
            if (c == '\\') {
                i = escape(out, i, to);
                keep = out.length();
                continue;
            }
            out.append(c);
            if (c != ' ' && c != '\t') {
                keep = out.length();
            }
            i++;
        }
        return out.toString();
    }

    /** Appends the escape at {@code i} and returns the index after it. */
    private int escape(StringBuilder out, int i, int to) {
        if (i + 1 >= to) {
            out.append('\\'); // only in an unterminated string, which is already reported
            return i + 1;
        }
        char d = text.charAt(i + 1);
        switch (d) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case '"' -> out.append('"');
            case '\\' -> out.append('\\');
            default -> {
                boolean lineBreak = d == '\n' || d == '\r';
                Span where = Span.of(i, lineBreak ? i + 1 : i + 2);
                String shown = lineBreak ? "a line break" : "'" + d + "'";
                if (sink != null) {
                    if (version == YangVersion.V1_1) {
                        sink.error(where, SyntaxCodes.INVALID_ESCAPE, "invalid escape: a backslash before " + shown
                                + "; YANG 1.1 allows only \\n, \\t, \\\" and \\\\ (write \\\\ for a backslash)");
                    } else {
                        sink.warning(where, SyntaxCodes.LEGACY_ESCAPE, "the backslash before " + shown
                                + " is kept as it is in YANG 1, but is an error in YANG 1.1 (write \\\\ or use single quotes)");
                    }
                }
                out.append('\\');
                if (lineBreak) {
                    return i + 1; // let the line break be handled as one
                }
                out.append(d);
            }
        }
        return i + 2;
    }

    private int lineStart(int offset) {
        int i = offset;
        while (i > 0) {
            char c = text.charAt(i - 1);
            if (c == '\n' || c == '\r') {
                break;
            }
            i--;
        }
        return i;
    }
}

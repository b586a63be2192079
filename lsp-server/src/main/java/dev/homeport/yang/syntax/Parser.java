package dev.homeport.yang.syntax;

import dev.homeport.yang.text.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Builds the statement tree from the tokens. It never fails and never recurses: open blocks live on an explicit
 * stack, so nesting depth costs heap, not Java stack. Every problem is reported where it is and parsing goes on
 * with the smallest repair that keeps later statements intact:
 * <ul>
 *   <li>a head not followed by {@code ;} or {@code {} is ended where it is (missing {@code ;}), and the next
 *       token starts the next statement;</li>
 *   <li>a stray {@code }} or {@code ;} is skipped; a {@code {} without keyword opens an anonymous block;</li>
 *   <li>blocks still open at the end of the text are closed there.</li>
 * </ul>
 */
final class Parser {
    /** Deeper nesting is reported once (real modules stay far below); the tree is still built in full. */
    static final int MAX_DEPTH = 1000;

    private final String text;
    private final Tokens tokens;
    private final DiagnosticSink sink;
    private final int[] significant;
    private final int count;
    private final List<Statement> roots = new ArrayList<>();
    private final List<Statement> all = new ArrayList<>();

    private Parser(String text, Tokens tokens, DiagnosticSink sink) {
        this.text = text;
        this.tokens = tokens;
        this.sink = sink;
        int[] sig = new int[tokens.size()];
        int c = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.kind(i).isComment()) {
                sig[c++] = i;
            }
        }
        this.significant = sig;
        this.count = c;
    }

    static SyntaxTree parse(String text, int diagnosticLimit) {
        DiagnosticSink sink = new DiagnosticSink(diagnosticLimit);
        Tokens tokens = Lexer.lex(text, sink);
        Parser parser = new Parser(text, tokens, sink);
        parser.run();
        YangVersion version = ArgumentDecoder.decodeAll(text, tokens, parser.roots, parser.all, sink);
        return new SyntaxTree(text, tokens, parser.roots, parser.all, sink.finish(), version);
    }

    private void run() {
        Deque<Statement> open = new ArrayDeque<>();
        boolean depthReported = false;
        // An unterminated string or comment swallowed the rest of the text, and with it whatever ';' or '}' was
        // there: report that once, not again as missing ';' and '}' at the end.
        boolean swallowedEnd = tokens.size() > 0 && tokens.isUnterminated(tokens.size() - 1);
        int p = 0;
        while (p < count) {
            int t = significant[p];
            TokenKind kind = tokens.kind(t);
            if (kind == TokenKind.RIGHT_BRACE) {
                if (open.isEmpty()) {
                    sink.error(span(t), SyntaxCodes.UNEXPECTED_CLOSE_BRACE, "unexpected '}': no block is open here");
                } else {
                    Statement closed = open.pop();
                    closed.closeBraceToken = t;
                    closed.end = tokens.end(t);
                }
                p++;
                continue;
            }
            if (kind == TokenKind.SEMICOLON) {
                sink.error(span(t), SyntaxCodes.UNEXPECTED_SEMICOLON, "unexpected ';': there is no statement to end");
                p++;
                continue;
            }
            Statement s;
            if (kind == TokenKind.LEFT_BRACE) {
                sink.error(span(t), SyntaxCodes.MISSING_KEYWORD, "a block needs a statement: keyword missing before '{'");
                s = new Statement(open.peek(), -1, "", tokens.start(t));
            } else {
                s = new Statement(open.peek(), t, text.substring(tokens.start(t), tokens.end(t)), tokens.start(t));
                checkKeyword(s, t, kind);
                p = argument(s, p + 1);
            }
            int last = s.argumentTokens.length > 0 ? s.argumentTokens[s.argumentTokens.length - 1] : t;
            s.end = tokens.end(last);
            attach(s, open);
            TokenKind next = p < count ? tokens.kind(significant[p]) : null;
            if (kind == TokenKind.LEFT_BRACE || next == TokenKind.LEFT_BRACE) {
                int brace = kind == TokenKind.LEFT_BRACE ? t : significant[p];
                s.terminatorToken = brace;
                s.end = text.length(); // until its '}' is found
                open.push(s);
                if (s.depth >= MAX_DEPTH && !depthReported) {
                    depthReported = true;
                    sink.error(span(brace), SyntaxCodes.NESTING_TOO_DEEP,
                            "statements are nested more than " + MAX_DEPTH + " levels deep");
                }
                p++;
            } else if (next == TokenKind.SEMICOLON) {
                s.terminatorToken = significant[p];
                s.end = tokens.end(significant[p]);
                p++;
            } else {
                s.reach = next == null ? text.length() : tokens.start(significant[p]);
                if (!(next == null && swallowedEnd)) {
                    sink.error(Span.at(tokens.end(last)), SyntaxCodes.MISSING_SEMICOLON,
                            "expected ';' or '{' after " + (last == t ? "'" + s.keyword + "'" : "the argument"));
                }
            }
        }
        while (!open.isEmpty() && !swallowedEnd) {
            Statement unclosed = open.pop();
            String what = unclosed.keyword.isEmpty() ? "this block" : "'" + unclosed.keyword + "'";
            sink.error(span(unclosed.terminatorToken), SyntaxCodes.MISSING_CLOSE_BRACE,
                    "the block of " + what + " is never closed: missing '}'");
        }
    }

    private void attach(Statement s, Deque<Statement> open) {
        if (open.isEmpty()) {
            roots.add(s);
        } else {
            open.peek().addChild(s);
        }
        all.add(s);
    }

    private void checkKeyword(Statement s, int t, TokenKind kind) {
        if (kind != TokenKind.WORD) {
            if (tokens.isUnterminated(t)) {
                return; // the unterminated string is the problem, already reported at its quote
            }
            String what = kind == TokenKind.PLUS ? "'+'" : "a quoted string";
            sink.error(span(t), SyntaxCodes.EXPECTED_KEYWORD, "expected a statement keyword, found " + what);
            return;
        }
        if (isKeyword(s.keyword)) {
            s.keywordValid = true;
        } else {
            sink.error(span(t), SyntaxCodes.INVALID_KEYWORD,
                    "'" + abbreviate(s.keyword) + "' is not a keyword: expected an identifier or prefix:identifier");
        }
    }

    /** Reads the argument after a keyword, if any; returns the index of the first significant token after it. */
    private int argument(Statement s, int p) {
        if (p >= count || !startsArgument(tokens.kind(significant[p]))) {
            return p;
        }
        int first = significant[p];
        int[] parts = new int[] {first};
        int size = 1;
        boolean quoted = tokens.kind(first).isQuoted();
        p++;
        while (p < count) {
            int u = significant[p];
            TokenKind k = tokens.kind(u);
            if (k == TokenKind.PLUS) {
                boolean stringFollows = p + 1 < count && tokens.kind(significant[p + 1]).isString();
                if (!quoted) {
                    if (!stringFollows || !tokens.kind(significant[p + 1]).isQuoted()) {
                        break; // an unquoted argument followed by something else: the head ends here
                    }
                    sink.error(span(first), SyntaxCodes.UNQUOTED_CONCATENATION,
                            "only quoted strings can be joined with '+': quote this string");
                    quoted = true;
                }
                parts = grow(parts, size + 2);
                parts[size++] = u;
                if (!stringFollows) {
                    sink.error(span(u), SyntaxCodes.EXPECTED_QUOTED_STRING, "'+' must be followed by a quoted string");
                    p++;
                    break;
                }
                int v = significant[p + 1];
                if (tokens.kind(v) == TokenKind.WORD) {
                    sink.error(span(v), SyntaxCodes.UNQUOTED_CONCATENATION,
                            "only quoted strings can be joined with '+': quote this string");
                }
                parts[size++] = v;
                p += 2;
            } else if (quoted && k.isQuoted()) {
                sink.error(Span.at(tokens.start(u)), SyntaxCodes.MISSING_PLUS,
                        "missing '+' between the quoted strings of one argument");
                parts = grow(parts, size + 1);
                parts[size++] = u;
                p++;
            } else {
                break;
            }
        }
        s.argumentTokens = size == parts.length ? parts : Arrays.copyOf(parts, size);
        return p;
    }

    private static boolean startsArgument(TokenKind k) {
        return k == TokenKind.WORD || k == TokenKind.DOUBLE_QUOTED || k == TokenKind.SINGLE_QUOTED
                || k == TokenKind.PLUS;
    }

    private static int[] grow(int[] a, int needed) {
        return needed <= a.length ? a : Arrays.copyOf(a, Math.max(needed, a.length * 2));
    }

    private Span span(int token) {
        return Span.of(tokens.start(token), tokens.end(token));
    }

    /** {@code identifier} or {@code prefix:identifier}, identifier = [A-Za-z_][A-Za-z0-9_.-]* (RFC 7950 section 14). */
    static boolean isKeyword(String s) {
        int colon = s.indexOf(':');
        if (colon < 0) {
            return isIdentifier(s, 0, s.length());
        }
        return isIdentifier(s, 0, colon) && isIdentifier(s, colon + 1, s.length());
    }

    static boolean isIdentifier(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        char c = s.charAt(from);
        if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_')) {
            return false;
        }
        for (int i = from + 1; i < to; i++) {
            c = s.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
                    || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }
}

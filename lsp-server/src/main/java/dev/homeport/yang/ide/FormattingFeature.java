package dev.homeport.yang.ide;

import dev.homeport.yang.model.SourceTrees;
import dev.homeport.yang.syntax.Statement;
import dev.homeport.yang.syntax.SyntaxTree;
import dev.homeport.yang.syntax.Token;
import dev.homeport.yang.syntax.TokenKind;
import dev.homeport.yang.text.LineMap;
import dev.homeport.yang.text.Span;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Formatting: canonical indentation (one level per open block, one more for the continuation lines of a statement
 * head, such as a description's text on the next line) and no trailing whitespace. Only whitespace between tokens
 * changes, so comments and the text of every string stay as they are; the continuation lines of a multi-line
 * double-quoted string move with its opening quote, so its value (RFC 7950 section 6.1.3) is unchanged. The result
 * is re-parsed and compared statement by statement: if any value would change, no edit is made. A text with syntax
 * errors is left alone (its block structure is a guess).
 */
public final class FormattingFeature {
    private final SourceTrees trees;

    public FormattingFeature(SourceTrees trees) {
        this.trees = trees;
    }

    /** The edits that format the whole source, {@code indent} spaces per level (an empty list when nothing changes). */
    public List<TextEdit> format(URI uri, int indent) {
        return format(uri, FormattingOptions.indent(indent));
    }

    /**
     * The edits that format the whole source. With {@link FormattingOptions#canonicalOrder()} the statements are put
     * into RFC 7950 order first ({@link CanonicalOrder}), checked by re-parsing (every statement with its argument,
     * at its depth, in the expected order, and no syntax error), and the answer is one edit over the part that
     * changed; when the check fails, only the indentation is formatted.
     */
    public List<TextEdit> format(URI uri, FormattingOptions options) {
        Snapshot snapshot = new Snapshot(trees);
        SyntaxTree tree = snapshot.tree(snapshot.source(uri));
        if (tree == null || tree.hasErrors()) {
            return List.of();
        }
        if (options.canonicalOrder()) {
            String formatted = canonical(tree, options.indent());
            if (formatted != null) {
                return formatted.equals(tree.text()) ? List.of() : List.of(difference(tree, formatted));
            }
        }
        List<TextEdit> edits = edits(tree, options.indent());
        return sameMeaning(tree, edits) ? edits : List.of();
    }

    /** The text in canonical order and indented; null when reordering would not keep every statement. */
    static String canonical(SyntaxTree tree, int indent) {
        String reordered = CanonicalOrder.reorder(tree);
        SyntaxTree after = reordered.equals(tree.text()) ? tree : SyntaxTree.parse(reordered);
        if (after != tree && !sameStatements(CanonicalOrder.expectedOrder(tree), after)) {
            return null;
        }
        List<TextEdit> edits = edits(after, indent);
        return sameMeaning(after, edits) ? apply(after.text(), edits) : reordered;
    }

    private static boolean sameStatements(List<Statement> expected, SyntaxTree after) {
        List<Statement> b = after.allStatements();
        if (after.hasErrors() || expected.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < b.size(); i++) {
            Statement x = expected.get(i);
            Statement y = b.get(i);
            if (!x.keyword().equals(y.keyword()) || x.depth() != y.depth()
                    || !java.util.Objects.equals(x.argument(), y.argument())) {
                return false;
            }
        }
        return true;
    }

    /** One edit that turns the tree's text into {@code wanted}: the span between their common prefix and suffix. */
    private static TextEdit difference(SyntaxTree tree, String wanted) {
        String text = tree.text();
        int prefix = 0;
        int max = Math.min(text.length(), wanted.length());
        while (prefix < max && text.charAt(prefix) == wanted.charAt(prefix)) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < max - prefix
                && text.charAt(text.length() - 1 - suffix) == wanted.charAt(wanted.length() - 1 - suffix)) {
            suffix++;
        }
        return edit(tree.lines(), Span.of(prefix, text.length() - suffix),
                wanted.substring(prefix, wanted.length() - suffix));
    }

    static String apply(String text, List<TextEdit> edits) {
        StringBuilder sb = new StringBuilder(text);
        for (int i = edits.size() - 1; i >= 0; i--) {
            TextEdit e = edits.get(i);
            sb.replace(e.span().start(), e.span().end(), e.newText());
        }
        return sb.toString();
    }

    static List<TextEdit> edits(SyntaxTree tree, int indent) {
        String text = tree.text();
        LineMap lines = tree.lines();
        Set<Integer> keywordStarts = new HashSet<>();
        for (Statement s : tree.allStatements()) {
            if (s.keywordToken() != null) {
                keywordStarts.add(s.keywordToken().start());
            }
        }
        List<Token> tokens = tree.tokens();
        List<TextEdit> edits = new ArrayList<>();
        int ti = 0;
        int depth = 0;
        Token open = null; // a multi-line token that the current line is inside of
        int openShift = 0;
        for (int line = 0; line < lines.lineCount(); line++) {
            int start = lines.lineStart(line);
            int end = lines.lineEnd(line);
            while (ti < tokens.size() && tokens.get(ti).end() <= start) {
                depth += delta(tokens.get(ti));
                ti++;
            }
            Token first = ti < tokens.size() ? tokens.get(ti) : null;
            if (first != null && first.start() < start) {
                // inside a multi-line token: a double-quoted string's continuation lines move with its quote
                if (first.equals(open) && openShift != 0) {
                    shiftContinuation(text, start, end, openShift, lines, edits);
                }
                continue;
            }
            int p = start;
            while (p < end && (text.charAt(p) == ' ' || text.charAt(p) == '\t')) {
                p++;
            }
            if (p == end) {
                if (end > start) {
                    edits.add(edit(lines, Span.of(start, end), ""));
                }
                continue;
            }
            int level = depth;
            if (first != null && first.start() == p) {
                if (first.kind() == TokenKind.RIGHT_BRACE) {
                    level = Math.max(0, depth - 1);
                } else if (!first.kind().isComment() && !keywordStarts.contains(first.start())) {
                    level = depth + 1; // an argument, '+', ';' or '{' on a line of its own: part of the head above
                }
            }
            // the token that runs past this line, if any: trailing whitespace inside it is part of it
            Token spanning = null;
            for (int j = ti; j < tokens.size() && tokens.get(j).start() < end; j++) {
                if (tokens.get(j).end() > end) {
                    spanning = tokens.get(j);
                }
            }
            String wanted = " ".repeat(level * indent);
            if (spanning != null && spanning.kind() == TokenKind.DOUBLE_QUOTED && tabIndented(text, spanning)) {
                wanted = text.substring(start, p); // a tab's width depends on the quote's column: leave it in place
            }
            int shift = wanted.length() - (p - start);
            if (!text.substring(start, p).equals(wanted)) {
                edits.add(edit(lines, Span.of(start, p), wanted));
            }
            int last = end;
            while (last > p && (text.charAt(last - 1) == ' ' || text.charAt(last - 1) == '\t')) {
                last--;
            }
            if (spanning == null && last < end) {
                edits.add(edit(lines, Span.of(last, end), ""));
            }
            open = spanning;
            openShift = spanning != null && spanning.kind() == TokenKind.DOUBLE_QUOTED ? shift : 0;
        }
        return edits;
    }

    private static void shiftContinuation(String text, int start, int end, int shift, LineMap lines, List<TextEdit> edits) {
        if (shift > 0) {
            if (end > start) {
                edits.add(edit(lines, Span.at(start), " ".repeat(shift)));
            }
            return;
        }
        int p = start;
        while (p < end && p - start < -shift && text.charAt(p) == ' ') {
            p++;
        }
        if (p > start) {
            edits.add(edit(lines, Span.of(start, p), ""));
        }
    }

    /** True when a continuation line of the string has a tab in its indentation. */
    private static boolean tabIndented(String text, Token t) {
        boolean lineStart = false;
        for (int i = t.start(); i < t.end(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                lineStart = true;
            } else if (lineStart && c == '\t') {
                return true;
            } else if (c != ' ' && c != '\r') {
                lineStart = false;
            }
        }
        return false;
    }

    private static int delta(Token t) {
        return t.kind() == TokenKind.LEFT_BRACE ? 1 : t.kind() == TokenKind.RIGHT_BRACE ? -1 : 0;
    }

    private static TextEdit edit(LineMap lines, Span span, String text) {
        return new TextEdit(span, lines.range(span), text);
    }

    /** True when the edited text has the same statements with the same arguments, in the same nesting. */
    static boolean sameMeaning(SyntaxTree before, List<TextEdit> edits) {
        if (edits.isEmpty()) {
            return true;
        }
        SyntaxTree after = SyntaxTree.parse(apply(before.text(), edits));
        List<Statement> a = before.allStatements();
        List<Statement> b = after.allStatements();
        if (a.size() != b.size() || after.hasErrors()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            Statement x = a.get(i);
            Statement y = b.get(i);
            if (!x.keyword().equals(y.keyword()) || x.depth() != y.depth()
                    || !java.util.Objects.equals(x.argument(), y.argument())) {
                return false;
            }
        }
        return true;
    }
}

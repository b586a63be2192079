package dev.homeport.yang.syntax;

import dev.homeport.yang.text.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One YANG statement: a keyword (possibly {@code prefix:name} for an extension), at most one argument, and either
 * a {@code ;} or a block of sub-statements. Statements from a broken text are still complete objects: a missing
 * piece is null or -1 and was reported as a diagnostic.
 */
public final class Statement {
    private static final int[] NO_TOKENS = new int[0];

    SyntaxTree tree;
    final Statement parent;
    final int depth;
    final int keywordToken;
    final String keyword;
    boolean keywordValid;
    int[] argumentTokens = NO_TOKENS;
    String argument;
    int terminatorToken = -1;
    int closeBraceToken = -1;
    final int start;
    int end;
    /** Where a statement missing its ';' or '{' still reaches for {@link SyntaxTree#statementAt}: the next token. */
    int reach;
    List<Statement> children = List.of();

    Statement(Statement parent, int keywordToken, String keyword, int start) {
        this.parent = parent;
        this.depth = parent == null ? 0 : parent.depth + 1;
        this.keywordToken = keywordToken;
        this.keyword = keyword;
        this.start = start;
        this.end = start;
    }

    void addChild(Statement child) {
        if (children.isEmpty()) {
            children = new ArrayList<>(4);
        }
        children.add(child);
    }

    /** The keyword as written, e.g. {@code leaf} or {@code md:annotation}; empty when it is missing. */
    public String keyword() {
        return keyword;
    }

    /** The prefix of an extension keyword ({@code md} in {@code md:annotation}), else null. */
    public String prefix() {
        int colon = keyword.indexOf(':');
        return colon < 0 ? null : keyword.substring(0, colon);
    }

    /** The keyword without its prefix. */
    public String identifier() {
        int colon = keyword.indexOf(':');
        return colon < 0 ? keyword : keyword.substring(colon + 1);
    }

    /** True for {@code prefix:name} keywords, which name an extension. */
    public boolean isExtension() {
        return keywordValid && keyword.indexOf(':') >= 0;
    }

    /** False when the keyword is missing or is not an identifier or {@code prefix:identifier}. */
    public boolean hasValidKeyword() {
        return keywordValid;
    }

    public boolean is(String keyword) {
        return this.keyword.equals(keyword);
    }

    /** The keyword token, or null when the statement has none (a stray block). */
    public Token keywordToken() {
        return keywordToken < 0 ? null : tree.tokens.get(keywordToken);
    }

    public Span keywordSpan() {
        return keywordToken < 0 ? Span.at(start) : tree.tokens.get(keywordToken).span();
    }

    /**
     * The argument's value: quotes removed, concatenations joined, escapes and the indentation of multi-line
     * double-quoted strings resolved (RFC 7950 section 6.1.3). Null when the statement has no argument.
     */
    public String argument() {
        return argument;
    }

    public boolean hasArgument() {
        return argumentTokens.length > 0;
    }

    /** The tokens that make the argument: strings and the {@code +} between them, in order. */
    public List<Token> argumentTokens() {
        List<Token> list = new ArrayList<>(argumentTokens.length);
        for (int t : argumentTokens) {
            list.add(tree.tokens.get(t));
        }
        return list;
    }

    /** From the first to the last argument token; null when there is no argument. */
    public Span argumentSpan() {
        if (argumentTokens.length == 0) {
            return null;
        }
        return Span.of(tree.tokens.start(argumentTokens[0]), tree.tokens.end(argumentTokens[argumentTokens.length - 1]));
    }

    /** The {@code ;} or {@code {} that ends the statement's head, or null when it is missing. */
    public Token terminator() {
        return terminatorToken < 0 ? null : tree.tokens.get(terminatorToken);
    }

    public boolean hasBlock() {
        return terminatorToken >= 0 && tree.tokens.kind(terminatorToken) == TokenKind.LEFT_BRACE;
    }

    /** The {@code }} that closes the block, or null when there is no block or it is not closed. */
    public Token closeBrace() {
        return closeBraceToken < 0 ? null : tree.tokens.get(closeBraceToken);
    }

    /** True when a piece is missing: the {@code ;} or {@code {}, or the block's {@code }}. */
    public boolean isIncomplete() {
        return terminatorToken < 0 || (hasBlock() && closeBraceToken < 0);
    }

    /** From the keyword to the {@code ;} or {@code }}; an unclosed block runs to the end of the text. */
    public Span span() {
        return Span.of(start, end);
    }

    public Statement parent() {
        return parent;
    }

    /** 0 for a top-level statement. */
    public int depth() {
        return depth;
    }

    public List<Statement> children() {
        return Collections.unmodifiableList(children);
    }

    public List<Statement> children(String keyword) {
        List<Statement> found = new ArrayList<>();
        for (Statement child : children) {
            if (child.keyword.equals(keyword)) {
                found.add(child);
            }
        }
        return found;
    }

    public Optional<Statement> firstChild(String keyword) {
        for (Statement child : children) {
            if (child.keyword.equals(keyword)) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }

    /** The argument of the first child with {@code keyword}, if it has one. */
    public Optional<String> childArgument(String keyword) {
        return firstChild(keyword).map(Statement::argument);
    }

    public SyntaxTree tree() {
        return tree;
    }

    @Override
    public String toString() {
        return argument == null ? keyword + " " + span() : keyword + " " + quote(argument) + " " + span();
    }

    private static String quote(String s) {
        String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return '"' + shown.replace("\n", "\\n") + '"';
    }
}

package dev.homeport.yang.syntax;

import dev.homeport.yang.text.Diagnostic;
import dev.homeport.yang.text.LineMap;
import dev.homeport.yang.text.Severity;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The result of parsing one YANG text: every token with its offsets, the statement tree and every syntax problem.
 * Parsing never throws and takes time linear in the text's length; see {@link #parse(String)}. Immutable once
 * built, so it can be shared between threads.
 */
public final class SyntaxTree {
    /** At most this many syntax diagnostics per file are kept; one more summarises the rest. */
    public static final int MAX_DIAGNOSTICS = 1000;

    private final String text;
    final Tokens tokens;
    private final List<Statement> statements;
    private final List<Statement> all;
    private final List<Diagnostic> diagnostics;
    private final YangVersion version;
    private volatile LineMap lines;

    SyntaxTree(String text, Tokens tokens, List<Statement> statements, List<Statement> all,
            List<Diagnostic> diagnostics, YangVersion version) {
        this.text = text;
        this.tokens = tokens;
        this.statements = List.copyOf(statements);
        this.all = List.copyOf(all);
        this.diagnostics = diagnostics;
        this.version = version;
        for (Statement s : all) {
            s.tree = this;
        }
    }

    /** Parses {@code text}. Never throws, whatever the text. */
    public static SyntaxTree parse(String text) {
        return Parser.parse(text, MAX_DIAGNOSTICS);
    }

    public String text() {
        return text;
    }

    /** All tokens in text order, comments included. */
    public List<Token> tokens() {
        return Collections.unmodifiableList(tokens);
    }

    /** The top-level statements; a well-formed file has exactly one, {@code module} or {@code submodule}. */
    public List<Statement> statements() {
        return statements;
    }

    /** Every statement in document order (a parent before its children). */
    public List<Statement> allStatements() {
        return all;
    }

    /** The syntax problems, in text order. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    public boolean hasErrors() {
        for (Diagnostic d : diagnostics) {
            if (d.severity() == Severity.ERROR) {
                return true;
            }
        }
        return false;
    }

    /** The version the module declares with {@code yang-version}; {@link YangVersion#V1} when none. */
    public YangVersion yangVersion() {
        return version;
    }

    /** The first top-level {@code module} or {@code submodule} statement. */
    public Optional<Statement> moduleStatement() {
        for (Statement s : statements) {
            if (s.keyword().equals("module") || s.keyword().equals("submodule")) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public LineMap lines() {
        LineMap l = lines;
        if (l == null) {
            l = LineMap.of(text);
            lines = l;
        }
        return l;
    }

    /**
     * The innermost statement whose span holds {@code offset}, end excluded, except that a statement still being
     * typed holds more: one missing its {@code ;} or {@code {} reaches up to the next token (so the cursor in
     * {@code type |} is in {@code type}), an unclosed block up to the end of the text.
     */
    public Optional<Statement> statementAt(int offset) {
        List<Statement> level = statements;
        Statement found = null;
        while (true) {
            Statement hit = find(level, offset);
            if (hit == null) {
                return Optional.ofNullable(found);
            }
            found = hit;
            level = hit.children;
        }
    }

    private static Statement find(List<Statement> level, int offset) {
        int lo = 0;
        int hi = level.size() - 1;
        int candidate = -1;
        while (lo <= hi) { // last statement that starts at or before offset
            int mid = (lo + hi) >>> 1;
            if (level.get(mid).start <= offset) {
                candidate = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (candidate < 0) {
            return null;
        }
        Statement s = level.get(candidate);
        if (offset < s.end) {
            return s;
        }
        if (s.terminatorToken < 0) {
            return offset <= s.reach ? s : null; // still being typed: it reaches up to the next token
        }
        return offset == s.end && s.isIncomplete() ? s : null;
    }

    /** The token that contains {@code offset}, end excluded; empty between tokens. */
    public Optional<Token> tokenAt(int offset) {
        int i = tokens.indexAt(offset);
        return i < 0 ? Optional.empty() : Optional.of(tokens.get(i));
    }

    @Override
    public String toString() {
        return "SyntaxTree(" + text.length() + " chars, " + tokens.size() + " tokens, " + all.size() + " statements, "
                + diagnostics.size() + " diagnostics)";
    }
}

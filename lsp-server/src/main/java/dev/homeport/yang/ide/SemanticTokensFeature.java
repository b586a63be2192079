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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Semantic tokens: keywords, extension keywords, prefixes, type names, the names a statement defines (typedefs,
 * groupings, data nodes...), names that refer to definitions ({@code uses}, {@code base}, {@code if-feature}),
 * strings, numbers, comments and {@code +}. Tokens that span lines are split per line, as LSP requires.
 */
public final class SemanticTokensFeature {
    private static final Set<String> DEFINING = Set.of("module", "submodule", "typedef", "grouping", "identity",
            "feature", "extension", "container", "list", "leaf", "leaf-list", "choice", "case", "anydata", "anyxml",
            "rpc", "action", "notification", "enum", "bit", "argument");
    private static final Set<String> REFERRING = Set.of("uses", "base", "if-feature", "import", "include",
            "belongs-to", "prefix");
    private static final Set<String> NUMERIC = Set.of("value", "position", "min-elements", "max-elements",
            "fraction-digits", "yang-version", "revision", "revision-date");

    private final SourceTrees trees;

    public SemanticTokensFeature(SourceTrees trees) {
        this.trees = trees;
    }

    /** The tokens of a whole source, in text order. */
    public List<SemanticToken> semanticTokens(URI uri) {
        return semanticTokens(uri, null);
    }

    /** The tokens that overlap {@code span} (all of them when it is null), in text order. */
    public List<SemanticToken> semanticTokens(URI uri, Span span) {
        Snapshot snapshot = new Snapshot(trees);
        SyntaxTree tree = snapshot.tree(snapshot.source(uri));
        if (tree == null) {
            return List.of();
        }
        // Statement hands out fresh Token records, so tokens are found by their start offset
        Map<Integer, Statement> argumentAt = new java.util.HashMap<>();
        Map<Integer, Statement> keywordAt = new java.util.HashMap<>();
        for (Statement s : tree.allStatements()) {
            if (s.keywordToken() != null) {
                keywordAt.put(s.keywordToken().start(), s);
            }
            for (Token t : s.argumentTokens()) {
                argumentAt.put(t.start(), s);
            }
        }
        LineMap lines = tree.lines();
        String text = tree.text();
        List<SemanticToken> out = new ArrayList<>();
        for (Token t : tree.tokens()) {
            if (span != null && (t.end() <= span.start() || t.start() >= span.end())) {
                continue;
            }
            Statement keyword = keywordAt.get(t.start());
            Statement argument = argumentAt.get(t.start());
            if (t.kind().isComment()) {
                add(out, lines, text, t.start(), t.end(), SemanticToken.Type.COMMENT);
            } else if (t.kind() == TokenKind.PLUS) {
                add(out, lines, text, t.start(), t.end(), SemanticToken.Type.OPERATOR);
            } else if (keyword != null && t.kind() == TokenKind.WORD) {
                int colon = keyword.isExtension() ? keyword.keyword().indexOf(':') : -1;
                if (colon > 0) {
                    add(out, lines, text, t.start(), t.start() + colon, SemanticToken.Type.PREFIX);
                    add(out, lines, text, t.start() + colon + 1, t.end(), SemanticToken.Type.EXTENSION);
                } else {
                    add(out, lines, text, t.start(), t.end(), SemanticToken.Type.KEYWORD);
                }
            } else if (argument != null && t.kind().isString()) {
                argument(out, lines, text, t, argument);
            }
        }
        return out;
    }

    private static void argument(List<SemanticToken> out, LineMap lines, String text, Token t, Statement s) {
        String kw = s.keyword();
        boolean reference = kw.equals("type") || REFERRING.contains(kw);
        if (t.kind() == TokenKind.WORD && (reference || DEFINING.contains(kw))) {
            SemanticToken.Type nameType = kw.equals("type") ? SemanticToken.Type.TYPE
                    : DEFINING.contains(kw) ? SemanticToken.Type.DEFINITION
                    : kw.equals("prefix") ? SemanticToken.Type.PREFIX : SemanticToken.Type.REFERENCE;
            String word = text.substring(t.start(), t.end());
            int colon = word.indexOf(':');
            if (colon > 0 && reference) {
                add(out, lines, text, t.start(), t.start() + colon, SemanticToken.Type.PREFIX);
                add(out, lines, text, t.start() + colon + 1, t.end(), nameType);
            } else {
                add(out, lines, text, t.start(), t.end(), nameType);
            }
            return;
        }
        SemanticToken.Type type = NUMERIC.contains(kw) ? SemanticToken.Type.NUMBER : SemanticToken.Type.STRING;
        add(out, lines, text, t.start(), t.end(), type);
    }

    private static void add(List<SemanticToken> out, LineMap lines, String text, int start, int end, SemanticToken.Type type) {
        int line = lines.line(start);
        int from = start;
        while (from < end) {
            int lineEnd = Math.min(end, lines.lineEnd(line));
            if (lineEnd > from) {
                out.add(new SemanticToken(line, from - lines.lineStart(line), lineEnd - from, type));
            }
            line++;
            if (line >= lines.lineCount()) {
                break;
            }
            from = Math.max(from, lines.lineStart(line));
            if (from >= end) {
                break;
            }
        }
    }
}

package dev.homeport.yang.ide;

import dev.homeport.yang.index.IndexedSource;
import dev.homeport.yang.model.SourceTrees;
import dev.homeport.yang.syntax.Statement;
import dev.homeport.yang.syntax.SyntaxTree;
import dev.homeport.yang.text.LineMap;
import dev.homeport.yang.text.Span;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Document symbols: the outline of a source as a hierarchy, from the module down to the leaves; statements that
 * name nothing (descriptions, types, musts) are left out, but what is inside an outlined statement is kept.
 */
public final class DocumentSymbolsFeature {
    private final SourceTrees trees;

    public DocumentSymbolsFeature(SourceTrees trees) {
        this.trees = trees;
    }

    public List<OutlineSymbol> documentSymbols(URI uri) {
        Snapshot snapshot = new Snapshot(trees);
        IndexedSource source = snapshot.source(uri);
        SyntaxTree tree = snapshot.tree(source);
        if (tree == null) {
            return List.of();
        }
        return outline(tree.statements(), tree.lines(), 0, new int[] {MAX_SYMBOLS});
    }

    /**
     * Nesting deeper than this is listed flat under the symbol at this depth: editors do not show a thousand levels,
     * and the JSON writers of LSP libraries recurse once per level.
     */
    static final int MAX_DEPTH = 100;
    /**
     * At most this many symbols: far more than any published module has (thousands), and an answer an editor can take
     * in (a 10 MB module of 130,000 leaves would be 30 MB of JSON). The first ones in document order are kept.
     */
    static final int MAX_SYMBOLS = 20_000;

    /** The outline of {@code statements}; {@code left[0]} counts down the symbols still allowed. */
    private static List<OutlineSymbol> outline(List<Statement> statements, LineMap lines, int depth, int[] left) {
        List<OutlineSymbol> out = new ArrayList<>();
        for (Statement s : statements) {
            if (left[0] <= 0) {
                break;
            }
            if (outlined(s)) {
                left[0]--;
                List<OutlineSymbol> inside = depth + 1 < MAX_DEPTH ? outline(s.children(), lines, depth + 1, left)
                        : flat(s.children(), lines, left);
                out.add(symbol(s, lines, inside));
            }
        }
        return List.copyOf(out);
    }

    /** Every outlined statement among {@code statements} and below, in document order, without nesting. */
    private static List<OutlineSymbol> flat(List<Statement> statements, LineMap lines, int[] left) {
        List<OutlineSymbol> out = new ArrayList<>();
        java.util.Deque<Statement> todo = new java.util.ArrayDeque<>();
        for (int i = statements.size() - 1; i >= 0; i--) {
            todo.push(statements.get(i));
        }
        while (!todo.isEmpty() && left[0] > 0) {
            Statement s = todo.pop();
            if (outlined(s)) {
                left[0]--;
                out.add(symbol(s, lines, List.of()));
            }
            for (int i = s.children().size() - 1; i >= 0; i--) {
                todo.push(s.children().get(i));
            }
        }
        return List.copyOf(out);
    }

    private static boolean outlined(Statement s) {
        SymbolKind kind = s.hasValidKeyword() ? SymbolKind.of(s.keyword(), s.isExtension()) : null;
        boolean named = s.argument() != null || kind == SymbolKind.INPUT || kind == SymbolKind.OUTPUT;
        return kind != null && named && !(kind == SymbolKind.EXTENSION_STATEMENT && s.children().isEmpty());
    }

    private static OutlineSymbol symbol(Statement s, LineMap lines, List<OutlineSymbol> children) {
        SymbolKind kind = SymbolKind.of(s.keyword(), s.isExtension());
        String name = s.argument() == null ? s.keyword() : s.argument().trim();
        if (kind == SymbolKind.EXTENSION_STATEMENT) {
            name = s.keyword() + " " + name;
        }
        Span selection = s.argumentSpan() != null ? Names.nameSpan(s) : s.keywordSpan();
        return new OutlineSymbol(name, kind, detail(s), s.span(), lines.range(s.span()), selection,
                lines.range(selection), children);
    }

    /** What an outline shows next to a name. */
    static String detail(Statement s) {
        return switch (s.keyword()) {
            case "leaf", "leaf-list", "typedef" -> s.firstChild("type").map(t -> t.argument() == null ? "" : t.argument().trim()).orElse("");
            case "list" -> s.childArgument("key").map(k -> "[" + k.trim() + "]").orElse("");
            case "import", "belongs-to" -> s.childArgument("prefix").map(p -> "prefix " + p.trim()).orElse("");
            case "module" -> s.childArgument("namespace").map(String::trim).orElse("");
            case "identity" -> String.join(", ", s.children("base").stream().map(b -> String.valueOf(b.argument()).trim()).toList());
            default -> "";
        };
    }
}

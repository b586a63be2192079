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
        return outline(tree.statements(), tree.lines());
    }

    private static List<OutlineSymbol> outline(List<Statement> statements, LineMap lines) {
        List<OutlineSymbol> out = new ArrayList<>();
        for (Statement s : statements) {
            SymbolKind kind = s.hasValidKeyword() ? SymbolKind.of(s.keyword(), s.isExtension()) : null;
            boolean named = s.argument() != null || kind == SymbolKind.INPUT || kind == SymbolKind.OUTPUT;
            if (kind == null || !named || kind == SymbolKind.EXTENSION_STATEMENT && s.children().isEmpty()) {
                continue;
            }
            String name = s.argument() == null ? s.keyword() : s.argument().trim();
            if (kind == SymbolKind.EXTENSION_STATEMENT) {
                name = s.keyword() + " " + name;
            }
            Span selection = s.argumentSpan() != null ? Names.nameSpan(s) : s.keywordSpan();
            out.add(new OutlineSymbol(name, kind, detail(s), s.span(), lines.range(s.span()), selection,
                    lines.range(selection), outline(s.children(), lines)));
        }
        return List.copyOf(out);
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

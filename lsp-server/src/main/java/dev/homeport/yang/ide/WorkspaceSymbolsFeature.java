package dev.homeport.yang.ide;

import dev.homeport.yang.index.IndexedSource;
import dev.homeport.yang.model.ModuleContext;
import dev.homeport.yang.model.SourceTrees;
import dev.homeport.yang.syntax.Statement;
import dev.homeport.yang.syntax.SyntaxTree;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Workspace symbols: modules, top-level definitions and schema-node declarations of every source, matched fuzzily
 * by name: the query's characters in order, ignoring case. Exact matches first, then prefixes, then substrings,
 * then the rest; shorter names first within each; at most {@link #LIMIT} results.
 */
public final class WorkspaceSymbolsFeature {
    public static final int LIMIT = 500;

    private final SourceTrees trees;

    public WorkspaceSymbolsFeature(SourceTrees trees) {
        this.trees = trees;
    }

    /** A match; its location is made only for the matches that are returned (a query can match 100,000 names). */
    private record Scored(String name, SymbolKind kind, String module, Statement statement, int score) {
    }

    public List<WorkspaceSymbol> workspaceSymbols(String query) {
        Snapshot snapshot = new Snapshot(trees);
        String q = query.trim().toLowerCase(Locale.ROOT);
        List<Scored> found = new ArrayList<>();
        for (IndexedSource source : snapshot.sources()) {
            SyntaxTree tree = snapshot.tree(source);
            if (tree == null) {
                continue;
            }
            ModuleContext ctx = snapshot.context(source);
            String module = ctx != null ? ctx.moduleName() : source.name();
            for (Statement s : tree.allStatements()) {
                SymbolKind kind = s.hasValidKeyword() && !s.isExtension() ? SymbolKind.of(s.keyword(), false) : null;
                if (kind == null || s.argument() == null || kind == SymbolKind.IMPORT || kind == SymbolKind.INCLUDE
                        || kind == SymbolKind.REVISION || kind == SymbolKind.USES || kind == SymbolKind.AUGMENT
                        || kind == SymbolKind.DEVIATION) {
                    continue;
                }
                String name = s.argument().trim();
                int score = score(q, name.toLowerCase(Locale.ROOT));
                if (score >= 0) {
                    found.add(new Scored(name, kind, module, s, score));
                }
            }
        }
        found.sort(Comparator.comparingInt(Scored::score).thenComparingInt(s -> s.name().length())
                .thenComparing(Scored::name).thenComparing(s -> s.module() == null ? "" : s.module()));
        return found.stream().limit(LIMIT)
                .map(s -> new WorkspaceSymbol(s.name(), s.kind(), s.module(), snapshot.location(s.statement()))).toList();
    }

    /** 0 exact, 1 prefix, 2 substring, 3 characters in order, -1 no match. */
    static int score(String query, String name) {
        if (query.isEmpty()) {
            return 3;
        }
        if (name.equals(query)) {
            return 0;
        }
        if (name.startsWith(query)) {
            return 1;
        }
        if (name.contains(query)) {
            return 2;
        }
        int i = 0;
        for (int j = 0; j < name.length() && i < query.length(); j++) {
            if (name.charAt(j) == query.charAt(i)) {
                i++;
            }
        }
        return i == query.length() ? 3 : -1;
    }
}

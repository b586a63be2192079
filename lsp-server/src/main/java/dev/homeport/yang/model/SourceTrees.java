package dev.homeport.yang.model;

import dev.homeport.yang.index.IndexedSource;
import dev.homeport.yang.index.WorkspaceIndex;
import dev.homeport.yang.syntax.Statement;
import dev.homeport.yang.syntax.SyntaxTree;
import java.net.URI;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The syntax trees of indexed sources, parsed once and kept while the source is unchanged. The index keeps trees
 * only for open documents; the semantic layers need the trees of every dependency again and again, so this cache
 * keeps them, keyed by the {@link IndexedSource} instance (the index replaces that instance on every change, so a
 * stale tree is never handed out). Also the per-tree facts every check needs: top-level definitions by kind.
 */
public final class SourceTrees {
    private final WorkspaceIndex index;
    private final Map<URI, Entry> entries = new ConcurrentHashMap<>();
    private final Map<SyntaxTree, IndexedSource> sourceOfTree = Collections.synchronizedMap(new IdentityHashMap<>());

    private record Entry(IndexedSource source, SyntaxTree tree, TopLevel topLevel) {
    }

    /** A tree's top-level {@code typedef}, {@code grouping}, {@code identity}, {@code feature}, {@code extension}. */
    public record TopLevel(Map<String, Map<String, Statement>> byKeyword) {
        public Statement find(String keyword, String name) {
            Map<String, Statement> m = byKeyword.get(keyword);
            return m == null ? null : m.get(name);
        }

        public Map<String, Statement> all(String keyword) {
            return byKeyword.getOrDefault(keyword, Map.of());
        }
    }

    public SourceTrees(WorkspaceIndex index) {
        this.index = index;
    }

    public WorkspaceIndex index() {
        return index;
    }

    /** The tree of a source; null when its text cannot be read any more. */
    public SyntaxTree tree(IndexedSource source) {
        return entry(source) == null ? null : entry(source).tree;
    }

    public TopLevel topLevel(IndexedSource source) {
        Entry e = entry(source);
        return e == null ? new TopLevel(Map.of()) : e.topLevel;
    }

    /** The source a tree handed out by this cache belongs to. */
    public Optional<IndexedSource> sourceOf(SyntaxTree tree) {
        return Optional.ofNullable(sourceOfTree.get(tree));
    }

    private Entry entry(IndexedSource source) {
        Entry e = entries.get(source.uri());
        if (e != null && e.source == source) {
            return e;
        }
        SyntaxTree tree = source.tree();
        if (tree == null) {
            tree = index.text(source.uri()).map(SyntaxTree::parse).orElse(null);
            if (tree == null) {
                return null;
            }
        }
        Entry fresh = new Entry(source, tree, topLevelOf(tree));
        Entry previous = entries.put(source.uri(), fresh);
        if (previous != null && previous.tree != tree) {
            sourceOfTree.remove(previous.tree);
        }
        sourceOfTree.put(tree, source);
        return fresh;
    }

    /** Drops cached trees of sources the index no longer has (after edits, closes and deletions). */
    public void retainCurrent() {
        Map<URI, IndexedSource> current = new HashMap<>();
        for (IndexedSource s : index.sources()) {
            current.put(s.uri(), s);
        }
        entries.entrySet().removeIf(e -> {
            boolean stale = current.get(e.getKey()) != e.getValue().source;
            if (stale) {
                sourceOfTree.remove(e.getValue().tree);
            }
            return stale;
        });
    }

    static final List<String> TOP_LEVEL_KEYWORDS = List.of("typedef", "grouping", "identity", "feature", "extension");

    private static TopLevel topLevelOf(SyntaxTree tree) {
        Map<String, Map<String, Statement>> by = new HashMap<>();
        tree.moduleStatement().ifPresent(root -> {
            for (Statement child : root.children()) {
                if (child.argument() != null && TOP_LEVEL_KEYWORDS.contains(child.keyword())) {
                    by.computeIfAbsent(child.keyword(), k -> new LinkedHashMap<>()).putIfAbsent(child.argument().trim(), child);
                }
            }
        });
        return new TopLevel(by);
    }
}

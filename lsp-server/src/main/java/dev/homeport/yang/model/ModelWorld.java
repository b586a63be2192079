package dev.homeport.yang.model;

import dev.homeport.yang.index.IndexedSource;
import dev.homeport.yang.index.ModuleKind;
import dev.homeport.yang.index.ModuleReference;
import dev.homeport.yang.index.Resolution;
import dev.homeport.yang.index.WorkspaceIndex;
import dev.homeport.yang.syntax.Statement;
import dev.homeport.yang.syntax.SyntaxTree;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sources one analysis looks at, seen as modules: contexts per source, a module's submodules, the closure of
 * imports. Built per analysis on top of the long-lived {@link SourceTrees} cache and answers from the index as it
 * is at that moment. Not thread-safe: one analysis, one thread.
 */
public final class ModelWorld {
    private final SourceTrees trees;
    private final WorkspaceIndex index;
    private final Map<IndexedSource, ModuleContext> contexts = new IdentityHashMap<>();
    private final Map<IndexedSource, List<IndexedSource>> moduleSources = new IdentityHashMap<>();
    private final Map<IndexedSource, Map<ModuleReference, Resolution>> resolutions = new IdentityHashMap<>();
    private final Map<IndexedSource, Closure> closures = new IdentityHashMap<>();
    // typedefs and groupings of a block by "keyword name": a block with 100,000 leaves would otherwise be scanned
    // once for every type in it
    private final Map<dev.homeport.yang.syntax.Statement, Map<String, dev.homeport.yang.syntax.Statement>> blockDefinitions
            = new java.util.concurrent.ConcurrentHashMap<>();

    public ModelWorld(SourceTrees trees) {
        this.trees = trees;
        this.index = trees.index();
    }

    /** The first typedef or grouping named {@code name} directly in {@code block}; null when there is none. */
    public dev.homeport.yang.syntax.Statement blockDefinition(dev.homeport.yang.syntax.Statement block, String keyword,
            String name) {
        Map<String, dev.homeport.yang.syntax.Statement> definitions = blockDefinitions.computeIfAbsent(block, b -> {
            Map<String, dev.homeport.yang.syntax.Statement> m = new java.util.HashMap<>();
            for (dev.homeport.yang.syntax.Statement c : b.children()) {
                if ((c.is("typedef") || c.is("grouping")) && c.argument() != null) {
                    m.putIfAbsent(c.keyword() + " " + c.argument().trim(), c);
                }
            }
            return m;
        });
        return definitions.get(keyword + " " + name);
    }

    public SourceTrees trees() {
        return trees;
    }

    public WorkspaceIndex index() {
        return index;
    }

    public SyntaxTree tree(IndexedSource source) {
        return trees.tree(source);
    }

    /** The context of a source; null when its text cannot be read or it has no module statement. */
    public ModuleContext context(IndexedSource source) {
        if (source == null) {
            return null;
        }
        if (contexts.containsKey(source)) {
            return contexts.get(source);
        }
        ModuleContext built = build(source);
        contexts.put(source, built);
        return built;
    }

    /** The context of the source a statement was parsed from. */
    public ModuleContext contextOf(Statement statement) {
        return trees.sourceOf(statement.tree()).map(this::context).orElse(null);
    }

    public Resolution resolve(IndexedSource from, ModuleReference ref) {
        // by identity: IndexedSource is a record whose hashCode walks its whole header
        return resolutions.computeIfAbsent(from, k -> new IdentityHashMap<>())
                .computeIfAbsent(ref, r -> index.resolve(from.uri(), r));
    }

    private ModuleContext build(IndexedSource source) {
        SyntaxTree tree = trees.tree(source);
        if (tree == null || source.header() == null) {
            return null;
        }
        Statement root = tree.moduleStatement().orElse(null);
        if (root == null) {
            return null;
        }
        String moduleName;
        IndexedSource main;
        String ownPrefix;
        if (source.kind() == ModuleKind.MODULE) {
            moduleName = source.name();
            main = source;
            ownPrefix = trimmed(source.header().prefix());
        } else {
            ModuleReference belongs = source.header().belongsTo();
            moduleName = belongs == null ? source.name() : belongs.name();
            main = belongs == null ? null : resolve(source, belongs).target();
            ownPrefix = belongs == null ? null : trimmed(belongs.prefix());
        }
        Map<String, ModuleContext.Import> imports = new LinkedHashMap<>();
        for (Statement imp : root.children("import")) {
            String prefix = imp.childArgument("prefix").map(String::trim).orElse(null);
            if (imp.argument() == null || prefix == null) {
                continue;
            }
            ModuleReference ref = source.header().imports().stream()
                    .filter(r -> r.span().equals(imp.span())).findFirst().orElse(null);
            IndexedSource target = ref == null ? null : resolve(source, ref).target();
            imports.putIfAbsent(prefix, new ModuleContext.Import(imp, prefix, imp.argument().trim(), target));
        }
        List<IndexedSource> sources = main != null ? sourcesOfModule(main) : sourcesOfModule(source);
        return new ModuleContext(source, tree, root, moduleName, main, ownPrefix, Map.copyOf(imports), sources);
    }

    private static String trimmed(String s) {
        return s == null ? null : s.trim();
    }

    /** A module (or a lone submodule) and every submodule it includes, directly or through other submodules. */
    public List<IndexedSource> sourcesOfModule(IndexedSource main) {
        List<IndexedSource> cached = moduleSources.get(main);
        if (cached != null) {
            return cached;
        }
        Set<IndexedSource> seen = identitySet();
        List<IndexedSource> ordered = new ArrayList<>();
        Deque<IndexedSource> queue = new ArrayDeque<>();
        queue.add(main);
        while (!queue.isEmpty()) {
            IndexedSource s = queue.poll();
            if (!seen.add(s)) {
                continue;
            }
            ordered.add(s);
            if (s.header() == null) {
                continue;
            }
            for (ModuleReference inc : s.header().includes()) {
                IndexedSource target = resolve(s, inc).target();
                if (target != null && !seen.contains(target)) {
                    queue.add(target);
                }
            }
        }
        List<IndexedSource> list = List.copyOf(ordered);
        moduleSources.put(main, list);
        return list;
    }

    /**
     * Everything a module needs to be compiled: the module, its submodules, and the same for every module it
     * imports, transitively. {@code complete} is false when an import, include or belongs-to does not resolve.
     */
    public Closure closure(IndexedSource source) {
        Closure cached = closures.get(source);
        if (cached == null) {
            cached = computeClosure(source);
            closures.put(source, cached);
        }
        return cached;
    }

    private Closure computeClosure(IndexedSource source) {
        ModuleContext start = context(source);
        IndexedSource main = start == null || start.mainModule() == null ? source : start.mainModule();
        Set<IndexedSource> all = identitySet();
        List<IndexedSource> ordered = new ArrayList<>();
        Deque<IndexedSource> queue = new ArrayDeque<>();
        queue.add(main);
        boolean complete = start == null || start.mainModule() != null || source.kind() == ModuleKind.MODULE;
        while (!queue.isEmpty()) {
            IndexedSource s = queue.poll();
            if (!all.add(s)) {
                continue;
            }
            ordered.add(s);
            if (s.header() == null) {
                continue;
            }
            for (ModuleReference ref : s.header().references()) {
                if (ref.kind() == ModuleReference.Kind.BELONGS_TO) {
                    continue;
                }
                IndexedSource target = resolve(s, ref).target();
                if (target == null) {
                    complete = false;
                } else if (!all.contains(target)) {
                    queue.add(target);
                }
            }
        }
        return new Closure(main, List.copyOf(ordered), complete);
    }

    /** A set of sources by identity (IndexedSource's record hashCode is deep and slow). */
    public static Set<IndexedSource> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /** A module (the unit's main source) and everything it needs; see {@link #closure}. */
    public record Closure(IndexedSource main, List<IndexedSource> sources, boolean complete) {
        public List<IndexedSource> modules() {
            List<IndexedSource> list = new ArrayList<>();
            for (IndexedSource s : sources) {
                if (s.kind() == ModuleKind.MODULE) {
                    list.add(s);
                }
            }
            return list;
        }
    }
}

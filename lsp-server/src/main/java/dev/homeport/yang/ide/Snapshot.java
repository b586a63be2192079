package dev.homeport.yang.ide;

import dev.homeport.yang.index.IndexedSource;
import dev.homeport.yang.index.ModuleKind;
import dev.homeport.yang.index.WorkspaceIndex;
import dev.homeport.yang.model.ModelWorld;
import dev.homeport.yang.model.ModuleContext;
import dev.homeport.yang.model.SchemaModel;
import dev.homeport.yang.model.SourceTrees;
import dev.homeport.yang.model.TypeResolver;
import dev.homeport.yang.syntax.Statement;
import dev.homeport.yang.syntax.SyntaxTree;
import dev.homeport.yang.text.Span;
import java.net.URI;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workspace as one editor request sees it: a {@link ModelWorld} over the long-lived tree cache, and the schema
 * models built so far. Made per request (ModelWorld is not thread-safe and answers from the index as it is now).
 */
final class Snapshot {
    private final SourceTrees trees;
    private final ModelWorld world;
    private final TypeResolver types;
    private final Map<IndexedSource, SchemaModel> schemas = new IdentityHashMap<>();

    Snapshot(SourceTrees trees) {
        this.trees = trees;
        this.world = new ModelWorld(trees);
        this.types = new TypeResolver(world);
    }

    WorkspaceIndex index() {
        return trees.index();
    }

    ModelWorld world() {
        return world;
    }

    TypeResolver types() {
        return types;
    }

    IndexedSource source(URI uri) {
        return trees.index().source(WorkspaceIndex.normalize(uri)).orElse(null);
    }

    SyntaxTree tree(IndexedSource source) {
        return source == null ? null : trees.tree(source);
    }

    ModuleContext context(IndexedSource source) {
        return world.context(source);
    }

    ModuleContext contextOf(Statement s) {
        return world.contextOf(s);
    }

    /** The source a statement handed out by this snapshot's trees is in. */
    IndexedSource sourceOf(Statement s) {
        return trees.sourceOf(s.tree()).orElse(null);
    }

    /**
     * The schema model of a source's module and everything it imports (built once per snapshot and module). A lone
     * submodule gets a model of its own definitions and imports.
     */
    SchemaModel schema(ModuleContext context) {
        IndexedSource main = context.mainModule() != null ? context.mainModule() : context.source();
        return schemas.computeIfAbsent(main, m -> {
            List<IndexedSource> modules = new ArrayList<>(world.closure(m).modules());
            if (m.kind() == ModuleKind.SUBMODULE && !modules.contains(m)) {
                modules.add(0, m);
            }
            return new SchemaModel(world, modules);
        });
    }

    Location location(IndexedSource source, Span span) {
        SyntaxTree tree = tree(source);
        return new Location(source.uri(), span, tree.lines().range(span));
    }

    /** Where a statement is named: its argument, or its keyword when it has none. */
    Location location(Statement s) {
        IndexedSource source = sourceOf(s);
        if (source == null) {
            return null;
        }
        Span span = s.argumentSpan() != null ? Names.nameSpan(s) : s.keywordSpan();
        return new Location(source.uri(), span, s.tree().lines().range(span));
    }

    List<IndexedSource> sources() {
        return trees.index().sources();
    }
}

package dev.homeport.yang.ide;

import dev.homeport.yang.index.IndexedSource;
import dev.homeport.yang.index.SearchRoot;
import dev.homeport.yang.model.ModuleContext;
import dev.homeport.yang.model.QualifiedName;
import dev.homeport.yang.model.SourceTrees;
import dev.homeport.yang.syntax.Statement;
import dev.homeport.yang.text.Span;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rename of typedefs, groupings, identities, features and prefixes, with every reference in the workspace: typedef
 * references in {@code type}, groupings in {@code uses}, identities in {@code base}, features in {@code if-feature}
 * expressions, and a prefix wherever its source writes {@code prefix:} (references, paths, XPath, defaults,
 * extension keywords). Refused, with the reason, for other symbols, names that are not YANG identifiers, names
 * that already exist in the same scope, and when an edit would land in a file outside the workspace folders
 * (search-path entries and archives are read-only).
 */
public final class RenameFeature {
    private static final Set<String> RENAMABLE = Set.of("typedef", "grouping", "identity", "feature");

    private final SourceTrees trees;

    public RenameFeature(SourceTrees trees) {
        this.trees = trees;
    }

    /** The span of the name that would be renamed, or a {@link RenameRefusedException} saying why none can be. */
    public Span prepareRename(URI uri, int offset) {
        Snapshot snapshot = new Snapshot(trees);
        return renamable(new SymbolResolver(snapshot), uri, offset).span();
    }

    /**
     * The edits that rename the symbol at {@code offset} to {@code newName} everywhere.
     *
     * @throws RenameRefusedException when the symbol cannot be renamed or the new name is not acceptable
     */
    public WorkspaceEdit rename(URI uri, int offset, String newName) {
        Snapshot snapshot = new Snapshot(trees);
        SymbolResolver resolver = new SymbolResolver(snapshot);
        SymbolAt at = renamable(resolver, uri, offset);
        String name = newName == null ? "" : newName.trim();
        if (!QualifiedName.isIdentifier(name)) {
            throw new RenameRefusedException("'" + newName + "' is not a YANG identifier (a letter or _, then letters, "
                    + "digits, _, - or .)");
        }
        if (name.equals(at.symbol().name())) {
            return new WorkspaceEdit(Map.of());
        }
        conflicts(snapshot, at.symbol(), name);
        Map<URI, List<TextEdit>> changes = new LinkedHashMap<>();
        for (Reference r : new ReferenceFinder(snapshot, resolver).find(at.symbol())) {
            IndexedSource target = snapshot.source(r.location().uri());
            if (target == null || !editable(target)) {
                throw new RenameRefusedException("'" + at.symbol().name() + "' is also used in " + r.location().uri()
                        + ", which is outside the workspace folders and is not changed by a rename");
            }
            changes.computeIfAbsent(r.location().uri(), k -> new ArrayList<>())
                    .add(new TextEdit(r.location().span(), r.location().range(), name));
        }
        changes.values().forEach(l -> l.sort(Comparator.comparing(TextEdit::span)));
        return new WorkspaceEdit(changes);
    }

    private static SymbolAt renamable(SymbolResolver resolver, URI uri, int offset) {
        SymbolAt at = resolver.at(uri, offset).orElseThrow(() -> new RenameRefusedException("there is no name to rename here"));
        switch (at.symbol()) {
            case Symbol.Definition d when RENAMABLE.contains(d.keyword()) -> {
                return at;
            }
            case Symbol.Prefix p -> {
                return at;
            }
            default -> throw new RenameRefusedException("only typedefs, groupings, identities, features and prefixes can be renamed");
        }
    }

    /** Sources from workspace folders, and open documents outside every root, may be changed. */
    private static boolean editable(IndexedSource source) {
        SearchRoot root = source.root();
        return "file".equals(source.uri().getScheme()) && (source.open() || root != null && root.kind() == SearchRoot.Kind.WORKSPACE_FOLDER);
    }

    private static void conflicts(Snapshot snapshot, Symbol symbol, String name) {
        switch (symbol) {
            case Symbol.Definition d -> {
                Statement parent = d.statement().parent();
                if (parent != null && parent.parent() != null) {
                    for (Statement sibling : parent.children(d.keyword())) {
                        if (sibling.argument() != null && sibling.argument().trim().equals(name)) {
                            throw new RenameRefusedException(d.keyword() + " '" + name + "' already exists here");
                        }
                    }
                    return;
                }
                ModuleContext ctx = snapshot.contextOf(d.statement());
                if (ctx == null) {
                    return;
                }
                List<IndexedSource> sources = new ArrayList<>(ctx.moduleSources());
                if (!sources.contains(ctx.source())) {
                    sources.add(ctx.source());
                }
                for (IndexedSource s : sources) {
                    if (snapshot.world().trees().topLevel(s).find(d.keyword(), name) != null) {
                        throw new RenameRefusedException(d.keyword() + " '" + name + "' already exists in module " + ctx.moduleName());
                    }
                }
            }
            case Symbol.Prefix p -> {
                ModuleContext ctx = snapshot.context(snapshot.source(p.uri()));
                if (ctx != null && (name.equals(ctx.ownPrefix()) || ctx.imports().containsKey(name))) {
                    throw new RenameRefusedException("prefix '" + name + "' is already used in this file");
                }
            }
            default -> {
                // not renamable: refused before
            }
        }
    }
}

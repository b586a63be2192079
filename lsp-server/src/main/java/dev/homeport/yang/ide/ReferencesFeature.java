package dev.homeport.yang.ide;

import dev.homeport.yang.model.SourceTrees;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Find references: every place in the workspace that names the symbol at the cursor. */
public final class ReferencesFeature {
    private final SourceTrees trees;

    public ReferencesFeature(SourceTrees trees) {
        this.trees = trees;
    }

    /**
     * The references of the symbol at {@code offset}, workspace-wide, sorted by URI and offset; with
     * {@code includeDeclaration} the defining name comes first.
     */
    public List<Location> references(URI uri, int offset, boolean includeDeclaration) {
        Snapshot snapshot = new Snapshot(trees);
        SymbolResolver resolver = new SymbolResolver(snapshot);
        return resolver.at(uri, offset).map(at -> {
            List<Location> out = new ArrayList<>();
            for (Reference r : new ReferenceFinder(snapshot, resolver).find(at.symbol())) {
                if (includeDeclaration || !r.declaration()) {
                    out.add(r.location());
                }
            }
            return out;
        }).orElse(List.of());
    }
}

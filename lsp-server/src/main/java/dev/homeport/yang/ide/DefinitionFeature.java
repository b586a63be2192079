package dev.homeport.yang.ide;

import dev.homeport.yang.model.SourceTrees;
import java.net.URI;
import java.util.List;

/**
 * Go to definition: from a reference to the statement that defines it (module and submodule headers, typedefs,
 * groupings, identities, features, extensions, prefixes' {@code prefix} statements, schema nodes for path steps).
 * On a declaration, the declaration itself.
 */
public final class DefinitionFeature {
    private final SourceTrees trees;

    public DefinitionFeature(SourceTrees trees) {
        this.trees = trees;
    }

    /** Where the name at {@code offset} is defined; empty when it names nothing we know (or a built-in type). */
    public List<Location> definition(URI uri, int offset) {
        Snapshot snapshot = new Snapshot(trees);
        SymbolResolver resolver = new SymbolResolver(snapshot);
        return resolver.at(uri, offset)
                .flatMap(at -> new ReferenceFinder(snapshot, resolver).declaration(at.symbol()))
                .map(List::of).orElse(List.of());
    }

    /** The symbol at {@code offset}, for callers that need more than its location. */
    public java.util.Optional<SymbolAt> symbolAt(URI uri, int offset) {
        return new SymbolResolver(new Snapshot(trees)).at(uri, offset);
    }
}

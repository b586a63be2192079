package dev.homeport.yang.ide;

import dev.homeport.yang.index.WorkspaceIndex;
import dev.homeport.yang.model.SourceTrees;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Document highlight: the occurrences, in the same document, of the symbol at the cursor. */
public final class HighlightFeature {
    private final SourceTrees trees;

    public HighlightFeature(SourceTrees trees) {
        this.trees = trees;
    }

    public List<Highlight> highlights(URI uri, int offset) {
        URI key = WorkspaceIndex.normalize(uri);
        Snapshot snapshot = new Snapshot(trees);
        SymbolResolver resolver = new SymbolResolver(snapshot);
        return resolver.at(key, offset).map(at -> {
            List<Highlight> out = new ArrayList<>();
            for (Reference r : new ReferenceFinder(snapshot, resolver).find(at.symbol())) {
                if (r.location().uri().equals(key)) {
                    out.add(new Highlight(r.location().span(), r.location().range(), r.declaration()));
                }
            }
            out.sort(java.util.Comparator.comparing(Highlight::span));
            return out;
        }).orElse(List.of());
    }
}

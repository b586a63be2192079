package dev.homeport.yang.semantic;

import dev.homeport.yang.index.IndexedSource;
import dev.homeport.yang.model.StatementPatch;
import dev.homeport.yang.syntax.Statement;
import dev.homeport.yang.syntax.SyntaxTree;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The IR of each source, built once per source version and set of patches: an edit rebuilds the IR of the edited
 * source only; every dependency's IR is reused by the next yangtools run. Entries of replaced sources are dropped
 * by {@link #retainOnly}.
 */
final class IrCache {
    private record Entry(Map<Statement, StatementPatch.Action> patches, IrBuilder.Built built) {
    }

    private final Map<IndexedSource, Entry> entries = Collections.synchronizedMap(new IdentityHashMap<>());

    IrBuilder.Built get(IndexedSource source, SyntaxTree tree, Map<Statement, StatementPatch.Action> patches) {
        Entry e = entries.get(source);
        if (e != null && e.patches.equals(patches)) {
            return e.built;
        }
        IrBuilder.Built built = IrBuilder.build(source, tree, patches, source.uri().toString());
        if (built != null) {
            Map<Statement, StatementPatch.Action> copy = new IdentityHashMap<>(patches);
            entries.put(source, new Entry(copy, built));
        }
        return built;
    }

    void retainOnly(Set<IndexedSource> current) {
        synchronized (entries) {
            entries.keySet().removeIf(s -> !current.contains(s));
        }
    }

    int size() {
        return entries.size();
    }
}

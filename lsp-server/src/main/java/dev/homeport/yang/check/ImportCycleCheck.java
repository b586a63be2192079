package dev.homeport.yang.check;

import dev.homeport.yang.index.IndexedSource;
import dev.homeport.yang.index.ModuleReference;
import dev.homeport.yang.index.Resolution;
import dev.homeport.yang.model.ModuleContext;
import dev.homeport.yang.syntax.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * {@code import-cycle}: modules that import each other in a circle (RFC 7950 section 7.1.5: there must be no
 * circular chains of imports), or submodules that include each other in a circle. Reported on the import or
 * include of each unit source that starts the circle.
 */
public final class ImportCycleCheck implements Check {
    @Override
    public void run(CheckContext context) {
        for (ModuleContext source : context.sources()) {
            if (source.source().header() == null) {
                continue;
            }
            for (ModuleReference ref : source.source().header().references()) {
                if (ref.kind() == ModuleReference.Kind.BELONGS_TO) {
                    continue;
                }
                IndexedSource target = context.world().resolve(source.source(), ref).target();
                if (target == null) {
                    continue;
                }
                // imports connect modules (a submodule's imports are its module's); includes connect files
                boolean imports = ref.kind() == ModuleReference.Kind.IMPORT;
                IndexedSource start = imports && source.mainModule() != null ? source.mainModule() : source.source();
                List<String> path = new ArrayList<>();
                path.add(source.source().name());
                Set<IndexedSource> visited = Collections.newSetFromMap(new IdentityHashMap<>());
                if (reaches(context, target, start, ref.kind(), visited, path)) {
                    Statement stmt = statementOf(source, ref);
                    if (stmt != null) {
                        context.report(stmt, CheckCodes.IMPORT_CYCLE, "circular " + ref.kind().keyword() + ": "
                                + String.join(" -> ", path));
                    }
                }
            }
        }
    }

    /** Whether {@code from} leads back to {@code start} through references of the same kind (imports or includes). */
    private static boolean reaches(CheckContext context, IndexedSource from, IndexedSource start,
            ModuleReference.Kind kind, Set<IndexedSource> visited, List<String> path) {
        path.add(from.name());
        if (from == start) {
            return true;
        }
        if (visited.add(from) && from.header() != null) {
            List<IndexedSource> sources = kind == ModuleReference.Kind.IMPORT ? context.world().sourcesOfModule(from)
                    : List.of(from);
            for (IndexedSource s : sources) {
                if (s.header() == null) {
                    continue;
                }
                for (ModuleReference ref : s.header().references()) {
                    if (ref.kind() != kind) {
                        continue;
                    }
                    Resolution r = context.world().resolve(s, ref);
                    if (r.target() != null && reaches(context, r.target(), start, kind, visited, path)) {
                        return true;
                    }
                }
            }
        }
        path.remove(path.size() - 1);
        return false;
    }

    private static Statement statementOf(ModuleContext source, ModuleReference ref) {
        for (Statement s : source.root().children(ref.kind().keyword())) {
            if (s.span().equals(ref.span())) {
                return s;
            }
        }
        return null;
    }
}

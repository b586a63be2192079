package dev.homeport.yang.model;

import dev.homeport.yang.index.IndexedSource;
import dev.homeport.yang.syntax.Statement;

/**
 * Finds what a {@code prefix:name} reference means, by YANG's scoping rules: typedefs and groupings are looked up in
 * the enclosing statements first, then at the top level of the module and all its submodules; identities, features
 * and extensions only at the top level. A prefix selects the module (own prefix = this module).
 */
public final class Definitions {
    private Definitions() {
    }

    public enum Failure {
        /** The prefix is not this module's and no import declares it. */
        UNKNOWN_PREFIX,
        /** The prefix names an import the index cannot resolve (the index reports that; checks stay quiet). */
        UNRESOLVED_IMPORT,
        /** The module is known but has no such definition. */
        NOT_FOUND
    }

    /** A lookup result: the defining statement and its source's context, or why there is none. */
    public record Found(Statement statement, ModuleContext context, Failure failure, QualifiedName name) {
        public boolean ok() {
            return statement != null;
        }
    }

    /**
     * Looks up a definition of {@code keyword} (typedef, grouping, identity, feature, extension) named by
     * {@code reference}, as seen from {@code site} in source context {@code context}.
     */
    public static Found find(ModelWorld world, ModuleContext context, Statement site, String keyword, String reference) {
        QualifiedName q = QualifiedName.parse(reference);
        ModuleContext.ModuleRef module = context.resolvePrefix(q.prefix());
        if (module == null) {
            return new Found(null, null, Failure.UNKNOWN_PREFIX, q);
        }
        if (!module.resolved()) {
            return new Found(null, null, Failure.UNRESOLVED_IMPORT, q);
        }
        boolean local = q.prefix() == null || q.prefix().equals(context.ownPrefix());
        if (local && (keyword.equals("typedef") || keyword.equals("grouping"))) {
            for (Statement scope = site.parent(); scope != null && scope.parent() != null; scope = scope.parent()) {
                Statement child = world.blockDefinition(scope, keyword, q.name());
                if (child != null) {
                    return new Found(child, context, null, q);
                }
            }
        }
        ModuleContext target = local ? context : world.context(module.source());
        if (target == null) {
            return new Found(null, null, Failure.UNRESOLVED_IMPORT, q);
        }
        for (IndexedSource s : target.moduleSources()) {
            Statement found = world.trees().topLevel(s).find(keyword, q.name());
            if (found != null) {
                return new Found(found, world.context(s), null, q);
            }
        }
        if (local && !target.moduleSources().contains(context.source())) {
            // a submodule whose module is not in the workspace still sees its own top-level definitions
            Statement found = world.trees().topLevel(context.source()).find(keyword, q.name());
            if (found != null) {
                return new Found(found, context, null, q);
            }
        }
        return new Found(null, target, Failure.NOT_FOUND, q);
    }
}

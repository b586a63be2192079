package dev.homeport.yang.model;

import dev.homeport.yang.index.IndexedSource;
import dev.homeport.yang.index.ModuleKind;
import dev.homeport.yang.syntax.Statement;
import dev.homeport.yang.syntax.SyntaxTree;
import dev.homeport.yang.syntax.YangVersion;
import java.util.List;
import java.util.Map;

/**
 * One source seen from inside: which module it is part of (a submodule's module is its belongs-to), what its own
 * prefix and each imported prefix mean, and which sources together make its module (the module and all its
 * submodules), whose top-level definitions are all visible.
 *
 * @param moduleName   the namespace owner: the module's name, or for a submodule the module it belongs to
 * @param mainModule   that module's source; null for a submodule whose module is not in the workspace
 * @param moduleSources the module and its submodules, in include order
 */
public record ModuleContext(IndexedSource source, SyntaxTree tree, Statement root, String moduleName,
        IndexedSource mainModule, String ownPrefix, Map<String, Import> imports, List<IndexedSource> moduleSources) {

    /**
     * One {@code import}: the prefix it binds, the module name and the source it resolves to (null when the index
     * cannot resolve it; the index reports that).
     */
    public record Import(Statement statement, String prefix, String moduleName, IndexedSource target) {
    }

    /** What a prefix names: a module (by name) and its source, which is null for unresolved imports. */
    public record ModuleRef(String moduleName, IndexedSource source, boolean resolved) {
    }

    public ModuleKind kind() {
        return source.kind();
    }

    public YangVersion version() {
        return tree.yangVersion();
    }

    /**
     * The module a prefix names: the own prefix (or none) names this module, an import prefix the imported module.
     * Null for a prefix that is not declared.
     */
    public ModuleRef resolvePrefix(String prefix) {
        if (prefix == null || prefix.equals(ownPrefix)) {
            return new ModuleRef(moduleName, mainModule != null ? mainModule : source, true);
        }
        Import imp = imports.get(prefix);
        if (imp == null) {
            return null;
        }
        return new ModuleRef(imp.moduleName(), imp.target(), imp.target() != null);
    }
}

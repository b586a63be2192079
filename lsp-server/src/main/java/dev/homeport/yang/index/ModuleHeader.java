package dev.homeport.yang.index;

import dev.homeport.yang.syntax.Statement;
import dev.homeport.yang.syntax.SyntaxTree;
import dev.homeport.yang.syntax.YangVersion;
import dev.homeport.yang.text.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What the index needs to know of one module or submodule, read from its syntax tree: name, kind, revisions and
 * its references to other modules. Small, so the index keeps it for every file without keeping the trees.
 */
public record ModuleHeader(ModuleKind kind, String name, Span nameSpan, YangVersion yangVersion, String namespace,
        String prefix, List<Revision> revisions, ModuleReference belongsTo, List<ModuleReference> imports,
        List<ModuleReference> includes) {

    public ModuleHeader {
        revisions = List.copyOf(revisions);
        imports = List.copyOf(imports);
        includes = List.copyOf(includes);
    }

    /** The header of the tree's module or submodule, if the tree has one with a name. */
    public static Optional<ModuleHeader> of(SyntaxTree tree) {
        Optional<Statement> found = tree.moduleStatement();
        if (found.isEmpty() || found.get().argument() == null) {
            return Optional.empty();
        }
        Statement module = found.get();
        ModuleKind kind = module.is("module") ? ModuleKind.MODULE : ModuleKind.SUBMODULE;
        List<Revision> revisions = new ArrayList<>();
        List<ModuleReference> imports = new ArrayList<>();
        List<ModuleReference> includes = new ArrayList<>();
        ModuleReference belongsTo = null;
        for (Statement child : module.children()) {
            switch (child.keyword()) {
                case "revision" -> {
                    Revision r = Revision.parse(child.argument());
                    if (r != null) {
                        revisions.add(r);
                    }
                }
                case "import" -> reference(ModuleReference.Kind.IMPORT, child).ifPresent(imports::add);
                case "include" -> reference(ModuleReference.Kind.INCLUDE, child).ifPresent(includes::add);
                case "belongs-to" -> belongsTo = reference(ModuleReference.Kind.BELONGS_TO, child).orElse(belongsTo);
                default -> {
                    // other header and body statements are not the index's business
                }
            }
        }
        revisions.sort(Comparator.reverseOrder());
        return Optional.of(new ModuleHeader(kind, module.argument(), module.argumentSpan(), tree.yangVersion(),
                module.childArgument("namespace").orElse(null), module.childArgument("prefix").orElse(null),
                revisions, belongsTo, imports, includes));
    }

    private static Optional<ModuleReference> reference(ModuleReference.Kind kind, Statement s) {
        if (s.argument() == null) {
            return Optional.empty();
        }
        Optional<Statement> date = s.firstChild("revision-date");
        Revision revision = date.map(Statement::argument).map(Revision::parse).orElse(null);
        Span dateSpan = date.map(d -> d.argumentSpan() != null ? d.argumentSpan() : d.keywordSpan()).orElse(null);
        String prefix = kind == ModuleReference.Kind.INCLUDE ? null : s.childArgument("prefix").orElse(null);
        return Optional.of(new ModuleReference(kind, s.argument(), revision, prefix, s.span(), s.argumentSpan(),
                dateSpan));
    }

    /** The newest revision, or null when the module lists none. */
    public Revision latestRevision() {
        return revisions.isEmpty() ? null : revisions.get(0);
    }

    /** Imports, includes and the belongs-to, in that order. */
    public List<ModuleReference> references() {
        List<ModuleReference> all = new ArrayList<>(imports);
        all.addAll(includes);
        if (belongsTo != null) {
            all.add(belongsTo);
        }
        return all;
    }
}

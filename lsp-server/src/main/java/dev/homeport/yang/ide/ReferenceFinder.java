package dev.homeport.yang.ide;

import dev.homeport.yang.index.IndexedSource;
import dev.homeport.yang.index.ModuleReference;
import dev.homeport.yang.model.Definitions;
import dev.homeport.yang.model.ModuleContext;
import dev.homeport.yang.model.QualifiedName;
import dev.homeport.yang.model.SchemaNode;
import dev.homeport.yang.syntax.Statement;
import dev.homeport.yang.syntax.SyntaxTree;
import dev.homeport.yang.text.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every place in the workspace that names a symbol, found by resolving each candidate name (a text match on the
 * name first, so most sources cost one {@code contains}) and keeping those that resolve to the same statement.
 */
final class ReferenceFinder {
    /** Statements whose argument is prose or a literal, never a reference. */
    static final Set<String> PROSE = Set.of("description", "reference", "contact", "organization", "namespace",
            "pattern", "error-message", "error-app-tag", "units", "presence", "revision", "revision-date",
            "yang-version", "enum", "bit", "value", "position");

    private final Snapshot snapshot;
    private final SymbolResolver resolver;

    ReferenceFinder(Snapshot snapshot, SymbolResolver resolver) {
        this.snapshot = snapshot;
        this.resolver = resolver;
    }

    /** Where the symbol is defined; empty for built-in types and implicit nodes. */
    Optional<Location> declaration(Symbol symbol) {
        return Optional.ofNullable(switch (symbol) {
            case Symbol.Module m -> {
                SyntaxTree tree = snapshot.tree(m.source());
                Statement root = tree == null ? null : tree.moduleStatement().orElse(null);
                yield root == null || root.argument() == null ? null : snapshot.location(root);
            }
            case Symbol.Definition d -> snapshot.location(d.statement());
            case Symbol.Prefix p -> snapshot.location(p.declaration());
            case Symbol.Node n -> n.node().statement() == null ? null : snapshot.location(n.node().statement());
            case Symbol.Builtin b -> null;
        });
    }

    /** The declaration (first, when it has one) and every reference, workspace-wide, in source and text order. */
    List<Reference> find(Symbol symbol) {
        List<Reference> out = new ArrayList<>();
        declaration(symbol).ifPresent(l -> out.add(new Reference(l, true)));
        List<Reference> refs = new ArrayList<>();
        switch (symbol) {
            case Symbol.Module m -> modules(m, refs);
            case Symbol.Definition d -> definitions(d, refs);
            case Symbol.Prefix p -> prefixes(p, refs);
            case Symbol.Node n -> nodes(n, refs);
            case Symbol.Builtin b -> {
                // a built-in type is not defined anywhere; its uses are not references to rename or visit
            }
        }
        refs.sort(Comparator.comparing((Reference r) -> r.location().uri().toString())
                .thenComparing(r -> r.location().span()));
        out.addAll(refs);
        return out;
    }

    private void modules(Symbol.Module m, List<Reference> refs) {
        for (IndexedSource s : snapshot.sources()) {
            if (s.header() == null) {
                continue;
            }
            for (ModuleReference ref : s.header().references()) {
                if (!ref.name().trim().equals(m.name()) || ref.nameSpan() == null) {
                    continue;
                }
                IndexedSource target = snapshot.world().resolve(s, ref).target();
                if (target != null && target.uri().equals(m.source().uri())) {
                    SyntaxTree tree = snapshot.tree(s);
                    Statement st = tree == null ? null : tree.statementAt(ref.nameSpan().start()).orElse(null);
                    Span span = st != null && st.argumentSpan() != null ? Names.nameSpan(st) : ref.nameSpan();
                    refs.add(new Reference(snapshot.location(s, span), false));
                }
            }
        }
    }

    private static String referenceKeyword(String definitionKeyword) {
        return switch (definitionKeyword) {
            case "typedef" -> "type";
            case "grouping" -> "uses";
            case "identity" -> "base";
            case "feature" -> "if-feature";
            default -> null;
        };
    }

    private void definitions(Symbol.Definition d, List<Reference> refs) {
        String refKeyword = referenceKeyword(d.keyword());
        for (IndexedSource source : snapshot.sources()) {
            SyntaxTree tree = snapshot.tree(source);
            if (tree == null || !tree.text().contains(d.name())) {
                continue;
            }
            ModuleContext ctx = snapshot.context(source);
            if (ctx == null) {
                continue;
            }
            for (Statement s : tree.allStatements()) {
                if (d.keyword().equals("extension")) {
                    if (s.isExtension() && s.identifier().equals(d.name())) {
                        Definitions.Found f = Definitions.find(snapshot.world(), ctx, s, "extension", s.keyword());
                        if (f.statement() == d.statement()) {
                            int colon = s.keyword().indexOf(':');
                            Span k = s.keywordSpan();
                            refs.add(new Reference(snapshot.location(source, Span.of(k.start() + colon + 1, k.end())), false));
                        }
                    }
                    continue;
                }
                if (s.argument() == null || !s.argument().contains(d.name())
                        || !s.is(refKeyword) && !(d.keyword().equals("identity") && identityDefault(s))) {
                    continue;
                }
                for (Span word : words(s)) {
                    String text = word.textIn(tree.text());
                    QualifiedName q = QualifiedName.parse(text);
                    if (!q.name().equals(d.name()) || !q.isValid()) {
                        continue;
                    }
                    Definitions.Found f = Definitions.find(snapshot.world(), ctx, s, d.keyword(), text);
                    if (f.statement() == d.statement()) {
                        refs.add(new Reference(snapshot.location(source, Span.of(word.end() - q.name().length(), word.end())), false));
                    }
                }
            }
        }
    }

    /** A {@code default} of a leaf or typedef whose type is an identityref: its value names an identity. */
    private boolean identityDefault(Statement s) {
        if (!s.is("default") || s.parent() == null) {
            return false;
        }
        Statement type = s.parent().firstChild("type").orElse(null);
        return type != null && snapshot.types().resolve(type).builtin() == dev.homeport.yang.model.BuiltinType.IDENTITYREF;
    }

    /** The maximal runs of name characters in a statement's argument. */
    static List<Span> words(Statement s) {
        List<Span> out = new ArrayList<>();
        for (Names.Piece p : Names.pieces(s)) {
            String t = p.text();
            int i = 0;
            while (i < t.length()) {
                if (!Names.isWordChar(t.charAt(i))) {
                    i++;
                    continue;
                }
                int start = i;
                while (i < t.length() && Names.isWordChar(t.charAt(i))) {
                    i++;
                }
                out.add(Span.of(p.start() + start, p.start() + i));
            }
        }
        return out;
    }

    private void prefixes(Symbol.Prefix p, List<Reference> refs) {
        IndexedSource source = snapshot.source(p.uri());
        SyntaxTree tree = snapshot.tree(source);
        if (tree == null) {
            return;
        }
        for (Statement s : tree.allStatements()) {
            if (s.isExtension() && p.name().equals(s.prefix())) {
                Span k = s.keywordSpan();
                refs.add(new Reference(snapshot.location(source, Span.of(k.start(), k.start() + p.name().length())), false));
            }
            if (s.argument() == null || PROSE.contains(s.keyword()) || !s.argument().contains(p.name() + ":")) {
                continue;
            }
            for (Span span : Names.occurrences(s, p.name(), true)) {
                refs.add(new Reference(snapshot.location(source, span), false));
            }
        }
    }

    private void nodes(Symbol.Node n, List<Reference> refs) {
        Statement target = n.node().statement();
        if (target == null) {
            return;
        }
        SchemaPaths paths = resolver.paths();
        for (IndexedSource source : snapshot.sources()) {
            SyntaxTree tree = snapshot.tree(source);
            if (tree == null || !tree.text().contains(n.name())) {
                continue;
            }
            for (Statement s : tree.allStatements()) {
                boolean key = s.is("key");
                if (s.argument() == null || !s.argument().contains(n.name()) || !key && !SchemaPaths.isPathStatement(s)) {
                    continue;
                }
                for (Span word : words(s)) {
                    QualifiedName q = QualifiedName.parse(word.textIn(tree.text()));
                    if (!q.name().equals(n.name())) {
                        continue;
                    }
                    SchemaNode found;
                    if (key) {
                        found = resolver.at(source.uri(), word.end()).map(SymbolAt::symbol)
                                .filter(Symbol.Node.class::isInstance).map(x -> ((Symbol.Node) x).node()).orElse(null);
                    } else {
                        PathSteps steps = PathSteps.parse(Names.argumentUpTo(s, word.end()));
                        found = steps == null ? null : paths.walk(paths.start(s, steps), steps.withPartial());
                    }
                    if (found != null && found.statement() == target) {
                        refs.add(new Reference(snapshot.location(source, Span.of(word.end() - q.name().length(), word.end())), false));
                    }
                }
            }
        }
    }
}

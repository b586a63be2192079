package dev.homeport.yang.ide;

import dev.homeport.yang.index.IndexedSource;
import dev.homeport.yang.index.ModuleReference;
import dev.homeport.yang.model.BuiltinType;
import dev.homeport.yang.model.Definitions;
import dev.homeport.yang.model.ModuleContext;
import dev.homeport.yang.model.QualifiedName;
import dev.homeport.yang.model.SchemaNode;
import dev.homeport.yang.syntax.Statement;
import dev.homeport.yang.syntax.SyntaxTree;
import dev.homeport.yang.syntax.Token;
import dev.homeport.yang.text.Span;
import java.net.URI;
import java.util.Optional;

/**
 * The shared first step of definition, references, highlight, hover and rename: what the name at a cursor refers
 * to. Knows module names in {@code import}, {@code include} and {@code belongs-to}; prefixes; {@code prefix:name}
 * references to typedefs ({@code type}), groupings ({@code uses}), identities ({@code base}), features
 * ({@code if-feature}, each name of the expression) and extensions (keywords); each step of augment, deviation,
 * refine and leafref paths (absolute, descendant and relative); list keys; and the declarations themselves. Imports and
 * includes are followed through the {@link dev.homeport.yang.index.WorkspaceIndex}.
 */
final class SymbolResolver {
    private final Snapshot snapshot;
    private final SchemaPaths paths;

    SymbolResolver(Snapshot snapshot) {
        this.snapshot = snapshot;
        this.paths = new SchemaPaths(snapshot);
    }

    SchemaPaths paths() {
        return paths;
    }

    /** The symbol at {@code offset} of the source {@code uri}; a cursor right after a name counts as on it. */
    Optional<SymbolAt> at(URI uri, int offset) {
        IndexedSource source = snapshot.source(uri);
        SyntaxTree tree = snapshot.tree(source);
        if (tree == null) {
            return Optional.empty();
        }
        Statement s = tree.statementAt(offset).orElse(null);
        if (s == null) {
            return Optional.empty();
        }
        ModuleContext ctx = snapshot.context(source);
        if (ctx == null) {
            return Optional.empty();
        }
        Token keyword = s.keywordToken();
        if (keyword != null && offset >= keyword.start() && offset <= keyword.end()) {
            if (!s.isExtension()) {
                return Optional.empty();
            }
            int colon = s.keyword().indexOf(':');
            Span prefixSpan = Span.of(keyword.start(), keyword.start() + colon);
            if (offset <= prefixSpan.end()) {
                return prefix(ctx, s.prefix()).map(p -> new SymbolAt(p, s, prefixSpan, false));
            }
            Definitions.Found f = Definitions.find(snapshot.world(), ctx, s, "extension", s.keyword());
            return definition(f, "extension").map(d -> new SymbolAt(d, s, Span.of(prefixSpan.end() + 1, keyword.end()), false));
        }
        Span word = Names.wordAt(s, offset);
        if (word == null || s.argument() == null) {
            return Optional.empty();
        }
        String text = word.textIn(tree.text());
        int colon = text.indexOf(':');
        Span nameSpan = colon < 0 ? word : Span.of(word.start() + colon + 1, word.end());
        boolean onPrefix = colon >= 0 && offset <= word.start() + colon;
        if (onPrefix && !s.is("prefix")) {
            Span prefixSpan = Span.of(word.start(), word.start() + colon);
            return prefix(ctx, text.substring(0, colon)).map(p -> new SymbolAt(p, s, prefixSpan, false));
        }
        String kw = s.keyword();
        switch (kw) {
            case "module", "submodule" -> {
                return Optional.of(new SymbolAt(new Symbol.Module(source), s, word, true));
            }
            case "import", "include", "belongs-to" -> {
                for (ModuleReference ref : source.header().references()) {
                    if (ref.span().equals(s.span())) {
                        IndexedSource target = snapshot.world().resolve(source, ref).target();
                        return target == null ? Optional.empty()
                                : Optional.of(new SymbolAt(new Symbol.Module(target), s, word, false));
                    }
                }
                return Optional.empty();
            }
            case "prefix" -> {
                return prefix(ctx, text).filter(p -> p.declaration() == s).map(p -> new SymbolAt(p, s, word, true));
            }
            case "typedef", "grouping", "identity", "feature", "extension" -> {
                if (s.parent() == null) {
                    return Optional.empty();
                }
                return Optional.of(new SymbolAt(new Symbol.Definition(kw, s.argument().trim(), s, source.uri()), s, word, true));
            }
            case "type" -> {
                BuiltinType builtin = colon < 0 ? BuiltinType.of(text) : null;
                if (builtin != null) {
                    return Optional.of(new SymbolAt(new Symbol.Builtin(builtin), s, word, false));
                }
                return reference(ctx, s, "typedef", text, nameSpan);
            }
            case "uses" -> {
                return reference(ctx, s, "grouping", text, nameSpan);
            }
            case "base" -> {
                return reference(ctx, s, "identity", text, nameSpan);
            }
            case "if-feature" -> {
                if (text.equals("and") || text.equals("or") || text.equals("not")) {
                    return Optional.empty();
                }
                return reference(ctx, s, "feature", text, nameSpan);
            }
            case "key" -> {
                SchemaNode list = s.parent() == null ? null : paths.nodeOf(s.parent());
                QualifiedName q = QualifiedName.parse(text);
                SchemaNode leaf = list == null || !q.isValid() ? null : list.dataChild(null, q.name());
                return leaf == null ? Optional.empty() : Optional.of(new SymbolAt(new Symbol.Node(leaf), s, nameSpan, false));
            }
            default -> {
                if (SchemaPaths.isPathStatement(s)) {
                    PathSteps steps = PathSteps.parse(Names.argumentUpTo(s, word.end()));
                    if (steps == null) {
                        return Optional.empty();
                    }
                    SchemaNode node = paths.walk(paths.start(s, steps), steps.withPartial());
                    return node == null ? Optional.empty() : Optional.of(new SymbolAt(new Symbol.Node(node), s, nameSpan, false));
                }
                if (SchemaNode.Kind.of(kw) != null) {
                    SchemaNode node = paths.nodeOf(s);
                    return node == null ? Optional.empty() : Optional.of(new SymbolAt(new Symbol.Node(node), s, word, true));
                }
                return Optional.empty();
            }
        }
    }

    private Optional<SymbolAt> reference(ModuleContext ctx, Statement s, String keyword, String text, Span nameSpan) {
        if (!QualifiedName.parse(text).isValid()) {
            return Optional.empty();
        }
        Definitions.Found f = Definitions.find(snapshot.world(), ctx, s, keyword, text);
        return definition(f, keyword).map(d -> new SymbolAt(d, s, nameSpan, false));
    }

    private Optional<Symbol> definition(Definitions.Found f, String keyword) {
        if (!f.ok()) {
            return Optional.empty();
        }
        IndexedSource where = snapshot.sourceOf(f.statement());
        if (where == null) {
            return Optional.empty();
        }
        return Optional.of(new Symbol.Definition(keyword, f.statement().argument().trim(), f.statement(), where.uri()));
    }

    /** The prefix {@code name} as declared in the source of {@code ctx}: an import's, or the source's own. */
    Optional<Symbol.Prefix> prefix(ModuleContext ctx, String name) {
        if (name == null) {
            return Optional.empty();
        }
        URI uri = ctx.source().uri();
        if (name.equals(ctx.ownPrefix())) {
            Statement holder = ctx.root().is("module") ? ctx.root() : ctx.root().firstChild("belongs-to").orElse(null);
            Statement declaration = holder == null ? null : holder.firstChild("prefix").orElse(null);
            return declaration == null ? Optional.empty()
                    : Optional.of(new Symbol.Prefix(name, declaration, uri, ctx.moduleName()));
        }
        ModuleContext.Import imp = ctx.imports().get(name);
        if (imp == null) {
            return Optional.empty();
        }
        return imp.statement().firstChild("prefix").map(p -> new Symbol.Prefix(name, p, uri, imp.moduleName()));
    }
}

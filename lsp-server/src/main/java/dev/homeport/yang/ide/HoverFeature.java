package dev.homeport.yang.ide;

import dev.homeport.yang.index.IndexedSource;
import dev.homeport.yang.model.ModuleContext;
import dev.homeport.yang.model.ResolvedType;
import dev.homeport.yang.model.SchemaNode;
import dev.homeport.yang.model.SourceTrees;
import dev.homeport.yang.syntax.Statement;
import dev.homeport.yang.syntax.SyntaxTree;
import dev.homeport.yang.syntax.Token;
import dev.homeport.yang.text.Span;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Hover: for the name at the cursor, its keyword and name, the module it is in, its type followed through the
 * typedefs down to the built-in type (with the nearest range, length, pattern or leafref path), the data path of a
 * schema node with its RFC 8340 tree line and children, its status, config, units and default, and its description
 * and reference; a module's newest
 * revision. On a keyword: the keyword and its RFC 7950 section.
 */
public final class HoverFeature {
    private final SourceTrees trees;

    public HoverFeature(SourceTrees trees) {
        this.trees = trees;
    }

    public Optional<HoverInfo> hover(URI uri, int offset) {
        Snapshot snapshot = new Snapshot(trees);
        SymbolResolver resolver = new SymbolResolver(snapshot);
        Optional<SymbolAt> at = resolver.at(uri, offset);
        IndexedSource source = snapshot.source(uri);
        SyntaxTree tree = snapshot.tree(source);
        if (tree == null) {
            return Optional.empty();
        }
        if (at.isPresent()) {
            String text = describe(snapshot, at.get().symbol());
            return Optional.of(new HoverInfo(text, at.get().span(), tree.lines().range(at.get().span())));
        }
        Statement s = tree.statementAt(offset).orElse(null);
        Token k = s == null ? null : s.keywordToken();
        if (k != null && offset >= k.start() && offset <= k.end() && Grammar.section(s.keyword()) != null) {
            String text = "**" + s.keyword() + "** statement: RFC 7950 section " + Grammar.section(s.keyword());
            return Optional.of(new HoverInfo(text, k.span(), tree.lines().range(k.span())));
        }
        return Optional.empty();
    }

    static String describe(Snapshot snapshot, Symbol symbol) {
        StringBuilder sb = new StringBuilder();
        switch (symbol) {
            case Symbol.Module m -> {
                Statement root = snapshot.tree(m.source()) == null ? null : snapshot.tree(m.source()).moduleStatement().orElse(null);
                sb.append("```yang\n").append(m.source().kind().keyword()).append(' ').append(m.name()).append("\n```\n");
                if (m.source().revision() != null) {
                    sb.append("\nrevision ").append(m.source().revision());
                }
                if (root != null) {
                    root.childArgument("namespace").ifPresent(ns -> sb.append("\n\nnamespace `").append(ns.trim()).append('`'));
                    documentation(root, sb);
                }
            }
            case Symbol.Definition d -> {
                ModuleContext ctx = snapshot.contextOf(d.statement());
                sb.append("```yang\n").append(d.keyword()).append(' ').append(d.name()).append("\n```\n");
                if (ctx != null) {
                    sb.append("\nin module ").append(ctx.moduleName());
                }
                Statement type = d.statement().firstChild("type").orElse(null);
                if (type != null) {
                    sb.append("\n\ntype: ").append(typeChain(snapshot, type));
                }
                d.statement().childArgument("units").ifPresent(u -> sb.append("\n\nunits: ").append(u.trim()));
                d.statement().childArgument("default").ifPresent(v -> sb.append("\n\ndefault: ").append(v.trim()));
                List<String> bases = d.statement().children("base").stream().map(b -> b.argument().trim()).toList();
                if (!bases.isEmpty()) {
                    sb.append("\n\nbase: ").append(String.join(", ", bases));
                }
                status(d.statement(), sb);
                documentation(d.statement(), sb);
            }
            case Symbol.Prefix p -> sb.append("```yang\nprefix ").append(p.name()).append("\n```\n\nmodule ").append(p.moduleName());
            case Symbol.Node n -> node(snapshot, n.node(), sb);
            case Symbol.Builtin b -> sb.append("```yang\ntype ").append(b.name()).append("\n```\n\nbuilt-in type, RFC 7950 section ")
                    .append(Grammar.typeSection(b.name()));
        }
        return sb.toString();
    }

    private static void node(Snapshot snapshot, SchemaNode node, StringBuilder sb) {
        String keyword = node.statement() != null ? node.statement().keyword()
                : node.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        sb.append("```yang\n").append(keyword).append(' ').append(node.name()).append("\n```\n");
        sb.append("\npath: `").append(DataPaths.dataPath(node)).append('`');
        sb.append("\n\nmodule ").append(node.module());
        Statement s = node.statement();
        if (s == null) {
            return;
        }
        Statement type = s.firstChild("type").orElse(null);
        if (type != null) {
            sb.append("\n\ntype: ").append(typeChain(snapshot, type));
        }
        if (node.kind() != SchemaNode.Kind.ROOT && node.kind() != SchemaNode.Kind.GROUPING) {
            sb.append("\n\nconfig: ").append(node.config());
        }
        s.childArgument("key").ifPresent(k -> sb.append("\n\nkey: ").append(k.trim()));
        s.childArgument("units").ifPresent(u -> sb.append("\n\nunits: ").append(u.trim()));
        s.childArgument("default").ifPresent(v -> sb.append("\n\ndefault: ").append(v.trim()));
        s.childArgument("mandatory").ifPresent(v -> sb.append("\n\nmandatory: ").append(v.trim()));
        status(s, sb);
        documentation(s, sb);
        String tree = TreeDiagramFeature.snippet(snapshot, node);
        if (!tree.isEmpty()) {
            sb.append("\n\n```\n").append(tree).append("```");
        }
    }

    /** {@code b:percent → uint8 { range 0..100 }}: each layer's name, then the nearest restriction. */
    static String typeChain(Snapshot snapshot, Statement type) {
        ModuleContext ctx = snapshot.contextOf(type);
        if (ctx == null || type.argument() == null) {
            return "?";
        }
        ResolvedType resolved = snapshot.types().resolve(type, ctx);
        List<String> names = new ArrayList<>();
        for (ResolvedType.Layer l : resolved.layers()) {
            names.add(l.type().argument() == null ? "?" : l.type().argument().trim());
        }
        if (!resolved.resolved()) {
            names.add("(unresolved)");
        }
        StringBuilder sb = new StringBuilder("`").append(String.join(" → ", names)).append('`');
        for (String restriction : List.of("range", "length", "path", "fraction-digits")) {
            List<Statement> r = resolved.nearest(restriction);
            if (!r.isEmpty() && r.get(0).argument() != null) {
                sb.append(", ").append(restriction).append(" `").append(r.get(0).argument().trim()).append('`');
            }
        }
        List<Statement> patterns = resolved.patterns();
        for (Statement p : patterns) {
            if (p.argument() != null) {
                sb.append(", pattern `").append(p.argument()).append('`');
            }
        }
        List<Statement> enums = resolved.nearest("enum");
        if (!enums.isEmpty()) {
            sb.append(", enum ").append(String.join(" ", enums.stream().map(e -> String.valueOf(e.argument()).trim()).toList()));
        }
        return sb.toString();
    }

    private static void status(Statement s, StringBuilder sb) {
        s.childArgument("status").ifPresent(st -> sb.append("\n\nstatus: ").append(st.trim()));
    }

    private static void documentation(Statement s, StringBuilder sb) {
        s.childArgument("description").ifPresent(d -> sb.append("\n\n").append(d.trim()));
        s.childArgument("reference").ifPresent(r -> sb.append("\n\nreference: ").append(r.trim()));
    }

    static Span span(Statement s) {
        return s.argumentSpan() != null ? Names.nameSpan(s) : s.keywordSpan();
    }
}

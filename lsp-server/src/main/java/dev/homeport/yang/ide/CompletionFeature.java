package dev.homeport.yang.ide;

import dev.homeport.yang.index.IndexedSource;
import dev.homeport.yang.index.ModuleKind;
import dev.homeport.yang.index.Revision;
import dev.homeport.yang.model.BuiltinType;
import dev.homeport.yang.model.ModuleContext;
import dev.homeport.yang.model.ResolvedType;
import dev.homeport.yang.model.SchemaNode;
import dev.homeport.yang.model.SourceTrees;
import dev.homeport.yang.syntax.Statement;
import dev.homeport.yang.syntax.SyntaxTree;
import dev.homeport.yang.syntax.Token;
import dev.homeport.yang.text.LineMap;
import dev.homeport.yang.text.Span;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Completion by context. In a statement's block: the keywords its grammar allows there (RFC 7950 substatement
 * tables; a keyword allowed once is not offered again), with snippets for the common statements. In an argument:
 * built-in types and typedefs in scope for {@code type}, groupings for {@code uses}, identities for {@code base},
 * features for {@code if-feature} (imported ones with their prefix, and the import prefixes themselves); module
 * names for {@code import} (with prefix and newest revision filled in) and {@code belongs-to}, the module's
 * submodules for {@code include}, revisions for {@code revision-date}; schema-node paths step by step in augment,
 * deviation, refine and leafref {@code path}; the fixed values of {@code config}, {@code status} and the like;
 * enum, bits, boolean and identity values for {@code default}; XPath functions in {@code must} and {@code when}.
 * Proposals are filtered by the word being typed (its characters in order, ignoring case).
 */
public final class CompletionFeature {
    private final SourceTrees trees;

    /** XPath 1.0 core functions and those YANG 1.1 adds (RFC 7950 section 10). */
    static final java.util.List<String> XPATH_FUNCTIONS = java.util.List.of("current", "deref", "derived-from",
            "derived-from-or-self", "enum-value", "bit-is-set", "re-match", "count", "not", "boolean", "true", "false",
            "string", "concat", "contains", "starts-with", "substring", "substring-before", "substring-after",
            "string-length", "normalize-space", "translate", "number", "sum", "floor", "ceiling", "round", "position",
            "last", "local-name", "name", "namespace-uri", "lang", "id");

    public CompletionFeature(SourceTrees trees) {
        this.trees = trees;
    }

    public List<CompletionItem> complete(URI uri, int offset) {
        Snapshot snapshot = new Snapshot(trees);
        IndexedSource source = snapshot.source(uri);
        SyntaxTree tree = snapshot.tree(source);
        if (tree == null || offset < 0 || offset > tree.text().length()) {
            return List.of();
        }
        return new Request(snapshot, source, tree, offset).run();
    }

    private static final class Request {
        final Snapshot snapshot;
        final IndexedSource source;
        final SyntaxTree tree;
        final String text;
        final int offset;
        final LineMap lines;
        final List<CompletionItem> items = new ArrayList<>();
        Span replace;
        String typed;

        Request(Snapshot snapshot, IndexedSource source, SyntaxTree tree, int offset) {
            this.snapshot = snapshot;
            this.source = source;
            this.tree = tree;
            this.text = tree.text();
            this.offset = offset;
            this.lines = tree.lines();
        }

        List<CompletionItem> run() {
            if (insideCommentOrAfterTerminator()) {
                return List.of();
            }
            int start = offset;
            while (start > 0 && Names.isWordChar(text.charAt(start - 1))) {
                start--;
            }
            int end = offset;
            while (end < text.length() && Names.isWordChar(text.charAt(end))) {
                end++;
            }
            replace = Span.of(start, end);
            typed = text.substring(start, offset);
            Statement s = tree.statementAt(offset).orElse(null);
            if (s == null) {
                keywords(null, null);
                return items;
            }
            Token k = s.keywordToken();
            boolean onKeyword = k != null && offset >= k.start() && offset <= k.end();
            if (onKeyword) {
                keywords(s.parent(), s);
            } else if (k != null && offset > k.end() && (s.terminator() == null || offset <= s.terminator().start())) {
                argument(s);
            } else if (s.hasBlock() && offset > s.terminator().start()) {
                keywords(s, null);
            }
            return items;
        }

        private boolean insideCommentOrAfterTerminator() {
            Token t = tree.tokenAt(offset).orElse(null);
            if (t == null && offset > 0) {
                t = tree.tokenAt(offset - 1).orElse(null);
                if (t != null && t.kind().isComment() && t.end() == offset && t.kind() == dev.homeport.yang.syntax.TokenKind.BLOCK_COMMENT) {
                    return false; // right after */
                }
            }
            return t != null && t.kind().isComment() && offset > t.start();
        }

        private void add(String label, CompletionItem.Kind kind, String detail, String insert, boolean snippet) {
            if (WorkspaceSymbolsFeature.score(typed.toLowerCase(Locale.ROOT), label.toLowerCase(Locale.ROOT)) < 0) {
                return;
            }
            items.add(new CompletionItem(label, kind, detail, insert, snippet, replace, lines.range(replace)));
        }

        // ------------------------------------------------------------------ keywords

        private void keywords(Statement parent, Statement typing) {
            if (parent == null) {
                add("module", CompletionItem.Kind.SNIPPET, "RFC 7950 section 7.1",
                        "module ${1:name} {\n  yang-version 1.1;\n  namespace \"${2:urn:example:name}\";\n  prefix ${3:p};\n\n  $0\n}", true);
                add("submodule", CompletionItem.Kind.SNIPPET, "RFC 7950 section 7.2",
                        "submodule ${1:name} {\n  yang-version 1.1;\n  belongs-to ${2:module} {\n    prefix ${3:p};\n  }\n\n  $0\n}", true);
                return;
            }
            Map<String, Grammar.Cardinality> allowed = Grammar.substatements(parent.keyword());
            for (Map.Entry<String, Grammar.Cardinality> e : allowed.entrySet()) {
                String kw = e.getKey();
                if (e.getValue().single() && present(parent, kw, typing)) {
                    continue;
                }
                String snippet = Snippets.of(kw);
                String detail = Grammar.section(kw) == null ? null : "RFC 7950 section " + Grammar.section(kw);
                if (snippet != null) {
                    add(kw, CompletionItem.Kind.SNIPPET, detail, snippet, true);
                } else {
                    add(kw, CompletionItem.Kind.KEYWORD, detail, kw + " ", false);
                }
            }
        }

        private static boolean present(Statement parent, String keyword, Statement typing) {
            for (Statement c : parent.children()) {
                if (c != typing && c.is(keyword)) {
                    return true;
                }
            }
            return false;
        }

        // ------------------------------------------------------------------ arguments

        private void argument(Statement s) {
            ModuleContext ctx = snapshot.context(source);
            switch (s.keyword()) {
                case "type" -> {
                    if (typed.indexOf(':') < 0) {
                        for (BuiltinType t : BuiltinType.values()) {
                            add(t.keyword(), CompletionItem.Kind.BUILTIN_TYPE, "built-in type", t.keyword(), false);
                        }
                    }
                    definitions(ctx, s, "typedef", CompletionItem.Kind.TYPEDEF);
                }
                case "uses" -> definitions(ctx, s, "grouping", CompletionItem.Kind.GROUPING);
                case "base" -> definitions(ctx, s, "identity", CompletionItem.Kind.IDENTITY);
                case "if-feature" -> definitions(ctx, s, "feature", CompletionItem.Kind.FEATURE);
                case "import" -> imports(s);
                case "belongs-to" -> {
                    for (Map.Entry<String, Revision> m : modules(ModuleKind.MODULE).entrySet()) {
                        add(m.getKey(), CompletionItem.Kind.MODULE, m.getValue() == null ? null : "revision " + m.getValue(), m.getKey(), false);
                    }
                }
                case "include" -> {
                    String module = ctx == null ? null : ctx.moduleName();
                    for (IndexedSource sub : snapshot.sources()) {
                        if (sub.kind() == ModuleKind.SUBMODULE && sub.header().belongsTo() != null
                                && sub.header().belongsTo().name().trim().equals(module)) {
                            add(sub.name(), CompletionItem.Kind.MODULE, sub.revision() == null ? null : "revision " + sub.revision(), sub.name(), false);
                        }
                    }
                }
                case "revision-date" -> {
                    Statement imp = s.parent();
                    if (imp != null && imp.argument() != null) {
                        TreeSet<Revision> revisions = new TreeSet<>(java.util.Comparator.reverseOrder());
                        for (IndexedSource m : snapshot.index().sourcesNamed(imp.argument().trim())) {
                            revisions.addAll(m.header().revisions());
                        }
                        for (Revision r : revisions) {
                            add(r.toString(), CompletionItem.Kind.REVISION, imp.argument().trim(), r.toString(), false);
                        }
                    }
                }
                case "default" -> defaults(ctx, s);
                case "must", "when" -> xpath(s, ctx);
                default -> {
                    if (SchemaPaths.isPathStatement(s)) {
                        paths(s, ctx);
                    } else {
                        for (String v : Grammar.argumentValues(s.keyword())) {
                            add(v, CompletionItem.Kind.VALUE, null, v, false);
                        }
                    }
                }
            }
        }

        /** Values of the type of the leaf, leaf-list or typedef the default is in: enums, bits, booleans, identities. */
        private void defaults(ModuleContext ctx, Statement s) {
            Statement type = s.parent() == null ? null : s.parent().firstChild("type").orElse(null);
            if (type == null || ctx == null) {
                return;
            }
            ResolvedType resolved = snapshot.types().resolve(type, ctx);
            if (resolved.builtin() == null) {
                return;
            }
            switch (resolved.builtin()) {
                case ENUMERATION, BITS -> {
                    for (Statement e : resolved.nearest(resolved.builtin() == BuiltinType.BITS ? "bit" : "enum")) {
                        if (e.argument() != null) {
                            add(e.argument().trim(), CompletionItem.Kind.VALUE, resolved.builtin().keyword(), e.argument().trim(), false);
                        }
                    }
                }
                case BOOLEAN -> {
                    add("true", CompletionItem.Kind.VALUE, "boolean", "true", false);
                    add("false", CompletionItem.Kind.VALUE, "boolean", "false", false);
                }
                case IDENTITYREF -> definitions(ctx, s, "identity", CompletionItem.Kind.IDENTITY);
                default -> {
                    // free-form values
                }
            }
        }

        /** Typedefs, groupings, identities or features in scope: local and own ones plain, imported ones prefixed. */
        private void definitions(ModuleContext ctx, Statement site, String keyword, CompletionItem.Kind kind) {
            if (ctx == null) {
                return;
            }
            String wantedPrefix = typed.indexOf(':') >= 0 ? typed.substring(0, typed.indexOf(':')) : null;
            Map<String, String> found = new LinkedHashMap<>(); // label -> detail
            if (wantedPrefix == null || wantedPrefix.equals(ctx.ownPrefix())) {
                String p = wantedPrefix == null ? "" : wantedPrefix + ":";
                if (keyword.equals("typedef") || keyword.equals("grouping")) {
                    for (Statement scope = site.parent(); scope != null && scope.parent() != null; scope = scope.parent()) {
                        for (Statement c : scope.children()) {
                            if (c.is(keyword) && c.argument() != null) {
                                found.putIfAbsent(p + c.argument().trim(), "local " + keyword);
                            }
                        }
                    }
                }
                for (IndexedSource s : ownSources(ctx)) {
                    for (String name : new TreeMap<>(snapshot.world().trees().topLevel(s).all(keyword)).keySet()) {
                        found.putIfAbsent(p + name, ctx.moduleName());
                    }
                }
            }
            for (ModuleContext.Import imp : ctx.imports().values()) {
                if (imp.target() == null || wantedPrefix != null && !wantedPrefix.equals(imp.prefix())) {
                    continue;
                }
                ModuleContext target = snapshot.context(imp.target());
                if (target == null) {
                    continue;
                }
                for (IndexedSource s : target.moduleSources()) {
                    for (String name : new TreeMap<>(snapshot.world().trees().topLevel(s).all(keyword)).keySet()) {
                        found.putIfAbsent(imp.prefix() + ":" + name, imp.moduleName());
                    }
                }
            }
            for (Map.Entry<String, String> e : found.entrySet()) {
                add(e.getKey(), kind, e.getValue(), e.getKey(), false);
            }
            if (wantedPrefix == null) {
                for (ModuleContext.Import imp : ctx.imports().values()) {
                    add(imp.prefix() + ":", CompletionItem.Kind.PREFIX, imp.moduleName(), imp.prefix() + ":", false);
                }
            }
        }

        private List<IndexedSource> ownSources(ModuleContext ctx) {
            List<IndexedSource> list = new ArrayList<>(ctx.moduleSources());
            if (!list.contains(ctx.source())) {
                list.add(ctx.source());
            }
            return list;
        }

        /** Module names of a kind in the index, each with its newest revision. */
        private Map<String, Revision> modules(ModuleKind kind) {
            Map<String, Revision> out = new TreeMap<>();
            for (IndexedSource s : snapshot.sources()) {
                if (s.kind() == kind && s.name() != null) {
                    Revision r = s.revision();
                    out.merge(s.name(), r == null ? new Revision("0000-00-00") : r, (a, b) -> a.compareTo(b) >= 0 ? a : b);
                }
            }
            out.replaceAll((k, v) -> v.date().equals("0000-00-00") ? null : v);
            return out;
        }

        private void imports(Statement s) {
            boolean hasBlock = s.hasBlock();
            for (Map.Entry<String, Revision> m : modules(ModuleKind.MODULE).entrySet()) {
                String name = m.getKey();
                if (name.equals(source.name())) {
                    continue;
                }
                String insert = name;
                if (!hasBlock) {
                    String prefix = snapshot.index().sourcesNamed(name).stream()
                            .map(x -> x.header().prefix()).filter(p -> p != null).map(String::trim).findFirst().orElse(name);
                    insert = name + " {\n  prefix " + prefix + ";"
                            + (m.getValue() == null ? "" : "\n  revision-date " + m.getValue() + ";") + "\n}";
                }
                add(name, CompletionItem.Kind.MODULE, m.getValue() == null ? null : "revision " + m.getValue(), insert, false);
            }
        }

        // ------------------------------------------------------------------ schema-node paths

        /**
         * In a must or when expression: the location path the cursor is in, step by step from the expression's
         * context node (relative, {@code ../}, {@code current()/}) or from the root ({@code /p:node/}); where a
         * new step or function may start, XPath functions too.
         */
        private void xpath(Statement s, ModuleContext ctx) {
            String path = XPathPaths.pathBefore(Names.argumentUpTo(s, offset));
            if (path == null) {
                return; // inside a literal or a predicate
            }
            if (path.indexOf('/') < 0) {
                for (String f : XPATH_FUNCTIONS) {
                    add(f + "()", CompletionItem.Kind.FUNCTION, "XPath function", f + "($1)", true);
                }
            }
            if (ctx != null) {
                schemaSteps(s, ctx, PathSteps.parse(path), false);
            }
        }

        private void paths(Statement s, ModuleContext ctx) {
            if (ctx == null) {
                return;
            }
            String before = Names.argumentUpTo(s, offset);
            boolean topLevel = s.parent() != null && s.parent().parent() == null;
            boolean emptyAbsolute = before.isBlank() && topLevel && (s.is("augment") || s.is("deviation"));
            schemaSteps(s, ctx, PathSteps.parse(emptyAbsolute ? "/" : before), emptyAbsolute);
        }

        /** The children of the node the complete steps lead to, as the next step's proposals. */
        private void schemaSteps(Statement s, ModuleContext ctx, PathSteps steps, boolean emptyAbsolute) {
            if (steps == null) {
                return;
            }
            SchemaPaths paths = new SchemaPaths(snapshot);
            SchemaPaths.Start start = paths.start(s, steps);
            SchemaNode node = paths.walk(start, steps.steps());
            if (node == null) {
                return;
            }
            List<SchemaNode> children = new ArrayList<>();
            collect(node, start.mode(), children);
            for (SchemaNode c : children) {
                String prefix = prefixOf(ctx, c.module(), start);
                String label = (prefix == null ? "" : prefix + ":") + c.name();
                String detail = c.kind().name().toLowerCase(Locale.ROOT).replace('_', '-') + " in " + c.module();
                add(label, CompletionItem.Kind.SCHEMA_NODE, detail, (emptyAbsolute ? "/" : "") + label, false);
            }
        }

        private static void collect(SchemaNode node, SchemaPaths.Mode mode, List<SchemaNode> out) {
            for (SchemaNode c : node.children()) {
                if (mode == SchemaPaths.Mode.DATA && c.kind().isTransparentInData()) {
                    collect(c, mode, out);
                } else {
                    out.add(c);
                }
            }
        }

        /** The prefix this source uses for a module; null where a step in that module is written without one. */
        private static String prefixOf(ModuleContext ctx, String module, SchemaPaths.Start start) {
            boolean descendant = start.node() != null && start.node().top().kind() == SchemaNode.Kind.GROUPING;
            if (module.equals(ctx.moduleName())) {
                return descendant || ctx.ownPrefix() == null ? null : ctx.ownPrefix();
            }
            for (ModuleContext.Import imp : ctx.imports().values()) {
                if (imp.moduleName().equals(module)) {
                    return imp.prefix();
                }
            }
            return module;
        }
    }
}

package dev.homeport.yang.ide;

import dev.homeport.yang.index.IndexedSource;
import dev.homeport.yang.model.ModuleContext;
import dev.homeport.yang.model.SchemaModel;
import dev.homeport.yang.model.SchemaNode;
import dev.homeport.yang.model.SchemaNodeId;
import dev.homeport.yang.model.SourceTrees;
import dev.homeport.yang.syntax.Statement;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The RFC 8340 tree diagram of a module, from the schema model ({@code uses} expanded, augments applied): its data
 * nodes, then each of its augments, its RPCs, its notifications and its RFC 8791 structures. Each node line is
 * {@code <status>--<flags> <name><opts>   <type> <if-features>}; leaf types are aligned per sibling group, leafrefs
 * shown as {@code -> path}, nodes of other modules prefixed with that module's own prefix. Nodes that workspace
 * modules importing this one augment in are shown too. A submodule's diagram is its module's.
 */
public final class TreeDiagramFeature {
    private final SourceTrees trees;

    public TreeDiagramFeature(SourceTrees trees) {
        this.trees = trees;
    }

    /** The diagram, or empty when the source is not in the index or has no module statement. */
    public Optional<String> treeDiagram(URI uri) {
        Snapshot snapshot = new Snapshot(trees);
        IndexedSource source = snapshot.source(uri);
        ModuleContext ctx = source == null ? null : snapshot.context(source);
        if (ctx == null) {
            return Optional.empty();
        }
        return Optional.of(new Printer(snapshot, ctx).print());
    }

    /** An RFC 8340 snippet of one node and its children, as the diagram of the node's own module shows them. */
    static String snippet(Snapshot snapshot, SchemaNode node) {
        ModuleContext ctx = node.context() != null ? node.context() : null;
        if (ctx == null) {
            return "";
        }
        return new Printer(snapshot, ctx, node.model()).snippet(node);
    }

    private static final class Printer {
        private final Snapshot snapshot;
        private final ModuleContext ctx;
        private final SchemaModel schema;
        private final StringBuilder out = new StringBuilder();

        private int maxDepth = Integer.MAX_VALUE;

        Printer(Snapshot snapshot, ModuleContext ctx) {
            this(snapshot, ctx, modelWithAugmenters(snapshot, ctx));
        }

        Printer(Snapshot snapshot, ModuleContext ctx, SchemaModel schema) {
            this.snapshot = snapshot;
            this.ctx = ctx;
            this.schema = schema;
        }

        /** The node's line and its children's (one level), as in the module's diagram. */
        String snippet(SchemaNode node) {
            maxDepth = 1;
            children(List.of(node), "");
            return out.toString();
        }

        /**
         * The module with its imports, plus the workspace modules that import it and augment something: their
         * nodes belong in its tree, as when all of them are given to pyang.
         */
        private static SchemaModel modelWithAugmenters(Snapshot snapshot, ModuleContext ctx) {
            IndexedSource main = ctx.mainModule() != null ? ctx.mainModule() : ctx.source();
            List<IndexedSource> modules = new ArrayList<>(snapshot.world().closure(main).modules());
            if (!modules.contains(main)) {
                modules.add(0, main);
            }
            for (java.net.URI dependent : snapshot.index().dependents(main.uri())) {
                IndexedSource d = snapshot.source(dependent);
                ModuleContext dc = d == null ? null : snapshot.context(d);
                if (dc != null && d.kind() == dev.homeport.yang.index.ModuleKind.MODULE && !modules.contains(d)
                        && dc.root().firstChild("augment").isPresent()) {
                    modules.add(d);
                }
            }
            return new SchemaModel(snapshot.world(), modules);
        }

        String print() {
            String module = ctx.moduleName();
            out.append("module: ").append(module).append('\n');
            List<SchemaNode> data = new ArrayList<>();
            List<SchemaNode> rpcs = new ArrayList<>();
            List<SchemaNode> notifications = new ArrayList<>();
            for (SchemaNode top : schema.root().children()) {
                if (!top.module().equals(module)) {
                    continue;
                }
                switch (top.kind()) {
                    case RPC -> rpcs.add(top);
                    case NOTIFICATION -> notifications.add(top);
                    default -> data.add(top);
                }
            }
            children(data, "  ");
            for (IndexedSource s : ctx.moduleSources()) {
                ModuleContext sc = snapshot.context(s);
                if (sc == null) {
                    continue;
                }
                for (Statement aug : sc.root().children("augment")) {
                    SchemaNodeId id = SchemaNodeId.parse(aug.argument());
                    SchemaModel.Resolution r = id == null || !id.absolute() ? null : schema.resolveAbsolute(id, sc);
                    if (r == null || !r.ok()) {
                        continue;
                    }
                    List<SchemaNode> added = new ArrayList<>();
                    for (SchemaNode c : r.node().children()) {
                        if (c.augment() == aug) {
                            added.add(c);
                        }
                    }
                    out.append("\n  augment ").append(aug.argument().trim()).append(":\n");
                    children(added, "    ");
                }
            }
            if (!rpcs.isEmpty()) {
                out.append("\n  rpcs:\n");
                children(rpcs, "    ");
            }
            if (!notifications.isEmpty()) {
                out.append("\n  notifications:\n");
                children(notifications, "    ");
            }
            for (IndexedSource s : ctx.moduleSources()) {
                ModuleContext sc = snapshot.context(s);
                if (sc == null) {
                    continue;
                }
                for (SchemaNode structure : schema.structures(sc)) {
                    out.append("\n  structure ").append(structure.name()).append(":\n");
                    children(List.copyOf(structure.children()), "    ");
                }
            }
            return out.toString();
        }

        private void children(List<SchemaNode> nodes, String prefix) {
            children(nodes, prefix, 0);
        }

        private void children(List<SchemaNode> nodes, String prefix, int depth) {
            List<SchemaNode> shown = new ArrayList<>();
            for (SchemaNode n : nodes) {
                boolean emptyIo = (n.kind() == SchemaNode.Kind.INPUT || n.kind() == SchemaNode.Kind.OUTPUT) && n.children().isEmpty();
                if (!emptyIo) {
                    shown.add(n);
                }
            }
            int width = 0;
            for (SchemaNode n : shown) {
                // as libyang aligns: every sibling's name but lists' counts, plus room for a one-character option
                if (n.kind() == SchemaNode.Kind.LIST) {
                    continue;
                }
                String bare = n.kind() == SchemaNode.Kind.CHOICE ? "(" + name(n) + ")"
                        : n.kind() == SchemaNode.Kind.CASE ? ":(" + name(n) + ")" : name(n);
                width = Math.max(width, bare.length() + 1);
            }
            for (int i = 0; i < shown.size(); i++) {
                SchemaNode n = shown.get(i);
                boolean last = i == shown.size() - 1;
                String label = label(n);
                String type = type(n);
                StringBuilder line = new StringBuilder(prefix).append(status(n)).append("--");
                if (n.kind() == SchemaNode.Kind.CASE) {
                    line.append(label);
                } else {
                    line.append(flags(n)).append(' ').append(type == null ? label : pad(label, width) + "   " + type);
                }
                String features = features(n);
                if (!features.isEmpty()) {
                    line.append(' ').append(features);
                }
                out.append(line).append('\n');
                if (depth < maxDepth) {
                    children(List.copyOf(n.children()), prefix + (last ? "   " : "|  "), depth + 1);
                }
            }
        }

        private static String pad(String s, int width) {
            return s.length() >= width ? s : s + " ".repeat(width - s.length());
        }

        private String name(SchemaNode n) {
            if (n.module().equals(ctx.moduleName())) {
                return n.name();
            }
            String prefix = null;
            for (IndexedSource s : snapshot.index().sourcesNamed(n.module())) {
                if (s.header() != null && s.header().prefix() != null) {
                    prefix = s.header().prefix().trim();
                    break;
                }
            }
            return (prefix == null ? n.module() : prefix) + ":" + n.name();
        }

        private String label(SchemaNode n) {
            Statement s = n.statement();
            String name = name(n);
            return switch (n.kind()) {
                case CHOICE -> "(" + name + ")" + (mandatory(s) ? "" : "?");
                case CASE -> ":(" + name + ")";
                case CONTAINER -> name + (s != null && s.firstChild("presence").isPresent() ? "!" : "");
                case LIST -> name + "*" + (s == null ? "" : s.childArgument("key").map(k -> " [" + k.trim().replaceAll("\\s+", " ") + "]").orElse(""));
                case LEAF_LIST -> name + "*";
                case LEAF -> name + (mandatory(s) || isKey(n) ? "" : "?");
                case ANYDATA, ANYXML -> name + (mandatory(s) ? "" : "?");
                default -> name;
            };
        }

        private static boolean mandatory(Statement s) {
            return s != null && "true".equals(s.childArgument("mandatory").map(String::trim).orElse(null));
        }

        private static boolean isKey(SchemaNode n) {
            SchemaNode list = n.dataParent();
            if (list == null || list.kind() != SchemaNode.Kind.LIST || list.statement() == null) {
                return false;
            }
            String key = list.statement().childArgument("key").orElse("");
            for (String k : key.trim().split("\\s+")) {
                String local = k.indexOf(':') >= 0 ? k.substring(k.indexOf(':') + 1) : k;
                if (local.equals(n.name())) {
                    return true;
                }
            }
            return false;
        }

        private static String status(SchemaNode n) {
            String status = n.statement() == null ? "current" : n.statement().childArgument("status").map(String::trim).orElse("current");
            return switch (status) {
                case "deprecated" -> "x";
                case "obsolete" -> "o";
                default -> "+";
            };
        }

        private static String flags(SchemaNode n) {
            switch (n.kind()) {
                case RPC, ACTION -> {
                    return "-x";
                }
                case NOTIFICATION -> {
                    return "-n";
                }
                case INPUT -> {
                    return "-w";
                }
                case OUTPUT -> {
                    return "ro";
                }
                case STRUCTURE, GROUPING -> {
                    return "--";
                }
                default -> {
                    // by what the node is inside of
                }
            }
            for (SchemaNode p = n.parent(); p != null; p = p.parent()) {
                if (p.kind() == SchemaNode.Kind.INPUT) {
                    return "-w";
                }
                if (p.kind() == SchemaNode.Kind.OUTPUT || p.kind() == SchemaNode.Kind.NOTIFICATION) {
                    return "ro";
                }
                if (p.kind() == SchemaNode.Kind.STRUCTURE) {
                    return "--";
                }
            }
            return n.config() ? "rw" : "ro";
        }

        private static String type(SchemaNode n) {
            if (n.kind() != SchemaNode.Kind.LEAF && n.kind() != SchemaNode.Kind.LEAF_LIST || n.statement() == null) {
                return null;
            }
            Statement type = n.statement().firstChild("type").orElse(null);
            if (type == null || type.argument() == null) {
                return "<unknown>";
            }
            String t = type.argument().trim();
            if (t.equals("leafref")) {
                return type.childArgument("path").map(p -> "-> " + p.trim().replaceAll("\\s+", "")).orElse(t);
            }
            return t;
        }

        private static String features(SchemaNode n) {
            if (n.statement() == null) {
                return "";
            }
            List<String> names = n.statement().children("if-feature").stream()
                    .map(f -> String.valueOf(f.argument()).trim()).toList();
            return names.isEmpty() ? "" : "{" + String.join(",", names) + "}?";
        }
    }
}

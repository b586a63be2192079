package dev.homeport.yang.ide;

import dev.homeport.yang.model.Definitions;
import dev.homeport.yang.model.ModuleContext;
import dev.homeport.yang.model.QualifiedName;
import dev.homeport.yang.model.SchemaModel;
import dev.homeport.yang.model.SchemaNode;
import dev.homeport.yang.model.SchemaNodeId;
import dev.homeport.yang.syntax.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Schema nodes for statements and paths: the node a data-definition statement makes (also inside groupings,
 * augments and choices), and where augment, deviation, refine and leafref paths lead, step by step.
 */
final class SchemaPaths {
    /** How a path's steps are taken: schema node identifiers count choice and case, data paths look through them. */
    enum Mode { SCHEMA, DATA }

    /** Where a path of some statement starts, and how its steps resolve. {@code node} is null when it cannot start. */
    record Start(SchemaNode node, Mode mode, ModuleContext context, String defaultModule) {
    }

    private final Snapshot snapshot;

    SchemaPaths(Snapshot snapshot) {
        this.snapshot = snapshot;
    }

    /** True for statements whose argument is a path to a schema node. */
    static boolean isPathStatement(Statement s) {
        return switch (s.keyword()) {
            case "augment", "deviation", "refine" -> true;
            case "path" -> s.parent() != null && s.parent().is("type");
            default -> false;
        };
    }

    /** The schema node {@code s} defines; null when it is no data definition or cannot be placed. */
    SchemaNode nodeOf(Statement s) {
        if (SchemaNode.Kind.of(s.keyword()) == null) {
            return null;
        }
        return placeOf(s);
    }

    /**
     * The schema node that {@code s} stands for or puts its sub-statements into: a data definition's own node, an
     * augment's target, a grouping's detached instance, the root for the module itself; a {@code uses} stands for
     * its parent's node. Null when that cannot be placed.
     */
    private SchemaNode placeOf(Statement s) {
        ModuleContext ctx = snapshot.contextOf(s);
        if (ctx == null) {
            return null;
        }
        SchemaModel schema = snapshot.schema(ctx);
        Deque<Statement> chain = new ArrayDeque<>();
        for (Statement c = s; c.parent() != null; c = c.parent()) {
            chain.push(c);
        }
        if (chain.isEmpty()) {
            return schema.root();
        }
        List<Statement> list = List.copyOf(chain);
        int grouping = -1;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).is("grouping")) {
                grouping = i;
            }
        }
        SchemaNode node;
        int from;
        Statement first = list.get(0);
        if (grouping >= 0) {
            Statement g = list.get(grouping);
            node = schema.instantiate(g, ctx, ctx.moduleName(), g);
            from = grouping + 1;
        } else if (first.is("augment")) {
            SchemaNodeId id = SchemaNodeId.parse(first.argument());
            node = id == null || !id.absolute() ? null : schema.resolveAbsolute(id, ctx).node();
            from = 1;
        } else if (first.isExtension() && first.identifier().equals("structure")) {
            node = null;
            for (SchemaNode st : schema.structures(ctx)) {
                if (st.statement() == first) {
                    node = st;
                }
            }
            from = 1;
        } else {
            node = schema.root();
            from = 0;
        }
        for (int i = from; i < list.size() && node != null; i++) {
            Statement c = list.get(i);
            if (c.is("uses")) {
                continue;
            }
            if (c.is("augment")) {
                SchemaNodeId id = SchemaNodeId.parse(c.argument());
                node = id == null || id.absolute() ? null : schema.resolveDescendant(node, id, ctx).node();
                continue;
            }
            SchemaNode.Kind kind = SchemaNode.Kind.of(c.keyword());
            if (kind == null || c.argument() == null && kind != SchemaNode.Kind.INPUT && kind != SchemaNode.Kind.OUTPUT) {
                return null;
            }
            String name = kind == SchemaNode.Kind.INPUT || kind == SchemaNode.Kind.OUTPUT ? c.keyword() : c.argument().trim();
            SchemaNode next = child(node, ctx.moduleName(), name);
            if (next != null && node.kind() == SchemaNode.Kind.CHOICE && kind != SchemaNode.Kind.CASE) {
                next = child(next, ctx.moduleName(), name); // the shorthand's implicit case
            }
            node = next;
        }
        return node;
    }

    /**
     * The context node of a {@code must} or {@code when} expression (RFC 7950 sections 7.5.3 and 7.21.5): the node
     * of the statement it is in; for a {@code when} in an augment the augment's target, in a {@code uses},
     * {@code choice} or {@code case} the closest data node above. Null when it cannot be placed.
     */
    SchemaNode xpathContext(Statement s) {
        Statement owner = s.parent();
        if (owner == null || owner.parent() == null) {
            return null;
        }
        SchemaNode node = placeOf(owner);
        boolean closestData = s.is("when") && (owner.is("augment") || owner.is("uses") || owner.is("choice")
                || owner.is("case"));
        if (closestData && node != null && node.kind().isTransparentInData()) {
            return node.dataParent();
        }
        return node;
    }

    private static SchemaNode child(SchemaNode node, String module, String name) {
        SchemaNode c = node.schemaChild(module, name);
        return c != null ? c : node.schemaChildByName(name);
    }

    /** Where the path of a path statement starts (see {@link #isPathStatement}). */
    Start start(Statement s, PathSteps steps) {
        ModuleContext ctx = snapshot.contextOf(s);
        if (ctx == null || steps == null) {
            return new Start(null, Mode.SCHEMA, ctx, null);
        }
        SchemaModel schema = snapshot.schema(ctx);
        Statement parent = s.parent();
        switch (s.keyword()) {
            case "augment", "deviation", "refine" -> {
                if (parent != null && parent.is("uses")) {
                    if (steps.absolute()) {
                        return new Start(null, Mode.SCHEMA, ctx, null);
                    }
                    Definitions.Found g = parent.argument() == null ? null
                            : Definitions.find(snapshot.world(), ctx, parent, "grouping", parent.argument());
                    if (g == null || !g.ok()) {
                        return new Start(null, Mode.SCHEMA, ctx, null);
                    }
                    return new Start(schema.instantiate(g.statement(), g.context(), ctx.moduleName(), parent),
                            Mode.SCHEMA, ctx, ctx.moduleName());
                }
                return new Start(steps.absolute() ? schema.root() : null, Mode.SCHEMA, ctx, ctx.moduleName());
            }
            case "path" -> {
                Statement owner = parent;
                while (owner != null && owner.is("type")) {
                    owner = owner.parent();
                }
                SchemaNode leaf = owner == null ? null : nodeOf(owner);
                String module = leaf != null ? leaf.module() : ctx.moduleName();
                if (steps.absolute()) {
                    return new Start(leaf != null ? leaf.top() : schema.root(), Mode.DATA, ctx, module);
                }
                SchemaNode node = leaf;
                for (int i = 0; i < steps.ups() && node != null; i++) {
                    node = node.dataParent();
                }
                return new Start(node, Mode.DATA, ctx, module);
            }
            case "must", "when" -> {
                SchemaNode context = xpathContext(s);
                if (steps.absolute()) {
                    SchemaNode top = context == null ? null : context.top();
                    boolean detached = top == null || top.kind() == SchemaNode.Kind.GROUPING;
                    return new Start(detached ? schema.root() : top, Mode.DATA, ctx, ctx.moduleName());
                }
                SchemaNode node = context;
                for (int i = 0; i < steps.ups() && node != null; i++) {
                    node = node.dataParent();
                }
                return new Start(node, Mode.DATA, ctx, ctx.moduleName());
            }
            default -> {
                return new Start(null, Mode.SCHEMA, ctx, null);
            }
        }
    }

    /** Follows {@code steps} from the start; null when a step has no node. */
    SchemaNode walk(Start start, List<QualifiedName> steps) {
        SchemaNode node = start.node();
        for (QualifiedName q : steps) {
            if (node == null) {
                return null;
            }
            String module = moduleOf(start, q);
            if (module == null) {
                return null;
            }
            node = step(start, node, module, q.name());
        }
        return node;
    }

    static SchemaNode step(Start start, SchemaNode node, String module, String name) {
        if (start.mode() == Mode.DATA) {
            return node.dataChild(module, name);
        }
        SchemaNode next = node.schemaChild(module, name);
        if (next == null && node.kind() == SchemaNode.Kind.GROUPING || next == null && node.top().kind() == SchemaNode.Kind.GROUPING
                && module.equals(start.context().moduleName())) {
            next = node.schemaChildByName(name); // grouping nodes take the user's namespace
        }
        return next;
    }

    /** The module a step's prefix names (none: the path's default module); null for an undeclared prefix. */
    static String moduleOf(Start start, QualifiedName q) {
        if (q.prefix() == null) {
            return start.defaultModule();
        }
        ModuleContext.ModuleRef ref = start.context().resolvePrefix(q.prefix());
        return ref == null ? null : ref.moduleName();
    }
}

package dev.homeport.yang.check;

import dev.homeport.yang.model.BuiltinType;
import dev.homeport.yang.model.LeafrefPath;
import dev.homeport.yang.model.ModuleContext;
import dev.homeport.yang.model.QualifiedName;
import dev.homeport.yang.model.ResolvedType;
import dev.homeport.yang.model.SchemaNode;
import dev.homeport.yang.model.TypeResolver;
import dev.homeport.yang.syntax.Statement;
import java.util.ArrayList;
import java.util.List;

/** Finds the leafref paths of a leaf's type and follows them in the schema tree (RFC 7950 section 9.9). */
final class Leafrefs {
    /** One leafref of a type: its {@code path} statement, the source context it is in, and require-instance. */
    record Ref(Statement path, ModuleContext context, boolean requireInstance, Statement type) {
    }

    /** Where a path leads: the target, or what is wrong. */
    record Outcome(SchemaNode target, String problem, boolean unknownPrefix) {
        static Outcome ok(SchemaNode target) {
            return new Outcome(target, null, false);
        }

        static Outcome fail(String problem) {
            return new Outcome(null, problem, false);
        }
    }

    private static final int MAX_DEREF_DEPTH = 8;
    private static final String CIRCLE = "deref() leads back into deref()";

    private Leafrefs() {
    }

    /** The leafrefs of a leaf or leaf-list node's type (through typedefs and unions). */
    static List<Ref> of(SchemaNode leaf, TypeResolver types) {
        List<Ref> refs = new ArrayList<>();
        Statement type = leaf.statement() == null ? null : leaf.statement().firstChild("type").orElse(null);
        if (type != null && leaf.context() != null) {
            collect(types, types.resolve(type, leaf.context()), refs, 0);
        }
        return refs;
    }

    private static void collect(TypeResolver types, ResolvedType t, List<Ref> refs, int depth) {
        if (!t.resolved() || depth > 8) {
            return;
        }
        if (t.builtin() == BuiltinType.LEAFREF) {
            ResolvedType.Layer layer = t.nearestLayerWith("path");
            if (layer != null) {
                ResolvedType.Layer ri = t.nearestLayerWith("require-instance");
                boolean require = ri == null || !"false".equals(ri.type().childArgument("require-instance")
                        .map(String::trim).orElse("true"));
                refs.add(new Ref(layer.type().firstChild("path").orElseThrow(), layer.context(), require,
                        t.layers().get(0).type()));
            }
        } else if (t.builtin() == BuiltinType.UNION) {
            ResolvedType.Layer layer = t.nearestLayerWith("type");
            if (layer != null) {
                for (Statement member : layer.type().children("type")) {
                    collect(types, types.resolve(member, layer.context()), refs, depth + 1);
                }
            }
        }
    }

    /** Follows {@code ref}'s path from {@code leaf}. */
    static Outcome follow(SchemaNode leaf, Ref ref, TypeResolver types) {
        return follow(leaf, ref, types, 0);
    }

    private static Outcome follow(SchemaNode leaf, Ref ref, TypeResolver types, int depth) {
        LeafrefPath path;
        try {
            path = LeafrefPath.parse(ref.path().argument());
        } catch (LeafrefPath.SyntaxError e) {
            return null; // reported by xpath-syntax
        }
        return follow(leaf, path, ref.context(), types, depth);
    }

    /**
     * Whether following leafrefs from {@code target} (itself a leafref, perhaps) leads back to {@code leaf}: a
     * circle that no value can satisfy.
     */
    static boolean circular(SchemaNode leaf, SchemaNode target, TypeResolver types) {
        SchemaNode current = target;
        for (int i = 0; i < MAX_DEREF_DEPTH && current != null; i++) {
            if (current == leaf) {
                return true;
            }
            List<Ref> refs = of(current, types);
            if (refs.isEmpty()) {
                return false;
            }
            Outcome next = follow(current, refs.get(0), types, MAX_DEREF_DEPTH - 1);
            current = next == null ? null : next.target();
        }
        return false;
    }

    private static Outcome follow(SchemaNode leaf, LeafrefPath path, ModuleContext context, TypeResolver types, int depth) {
        SchemaNode node;
        if (path.deref() != null) {
            if (depth > MAX_DEREF_DEPTH) {
                return Outcome.fail(CIRCLE + " more than " + MAX_DEREF_DEPTH + " times: a circle");
            }
            Outcome inner = follow(leaf, path.deref(), context, types, depth + 1);
            if (inner == null || inner.target() == null) {
                return inner;
            }
            List<Ref> innerRefs = of(inner.target(), types);
            if (innerRefs.isEmpty()) {
                return null; // deref of an instance-identifier or a leaf we cannot follow: no verdict
            }
            Outcome derefTarget = follow(inner.target(), innerRefs.get(0), types, depth + 1);
            if (derefTarget != null && derefTarget.target() == null && derefTarget.problem().startsWith(CIRCLE)) {
                return derefTarget;
            }
            if (derefTarget == null || derefTarget.target() == null) {
                return null; // the inner leafref is reported where it is defined
            }
            node = derefTarget.target();
            for (int i = 0; i < path.ups(); i++) {
                node = node.dataParent();
                if (node == null) {
                    return Outcome.fail("too many '../' after deref()");
                }
            }
        } else if (path.absolute()) {
            node = leaf.top(); // the datastore's root, or the structure the leaf is in (RFC 8791)
        } else {
            node = leaf;
            for (int i = 0; i < path.ups(); i++) {
                node = node.dataParent();
                if (node == null || isTop(node) && i < path.ups() - 1) {
                    return Outcome.fail("'" + "../".repeat(path.ups()) + "' goes above the top of the data tree");
                }
            }
        }
        for (LeafrefPath.Step step : path.steps()) {
            String module = moduleOf(step.name(), context, leaf);
            if (module == null) {
                return new Outcome(null, "prefix '" + step.name().prefix() + "' is not declared", true);
            }
            SchemaNode next = node.dataChild(module, step.name().name());
            if (next == null) {
                return Outcome.fail("no node '" + step.name() + "' in " + where(node, module));
            }
            for (LeafrefPath.Predicate p : step.predicates()) {
                String keyModule = moduleOf(p.key(), context, leaf);
                if (keyModule == null || next.dataChild(keyModule, p.key().name()) == null) {
                    return Outcome.fail("the predicate's key '" + p.key() + "' is not a node of " + where(next, keyModule));
                }
                SchemaNode rhs = leaf;
                for (int i = 0; i < p.ups() && rhs != null; i++) {
                    rhs = rhs.dataParent();
                }
                if (rhs == null) {
                    return Outcome.fail("current()/" + "../".repeat(p.ups()) + " goes above the top of the data tree");
                }
                for (QualifiedName q : p.names()) {
                    String m = moduleOf(q, context, leaf);
                    SchemaNode r = m == null ? null : rhs.dataChild(m, q.name());
                    if (r == null) {
                        return Outcome.fail("the predicate's 'current()/...' has no node '" + q + "' in " + where(rhs, m));
                    }
                    rhs = r;
                }
            }
            node = next;
        }
        if (node.kind() != SchemaNode.Kind.LEAF && node.kind() != SchemaNode.Kind.LEAF_LIST) {
            return Outcome.fail("it leads to " + TargetPaths.describe(node) + ", not to a leaf or leaf-list");
        }
        return Outcome.ok(node);
    }

    /** The module of a path step: its prefix's module, or the current node's module when it has none. */
    private static String moduleOf(QualifiedName q, ModuleContext context, SchemaNode leaf) {
        if (q.prefix() == null) {
            return leaf.module();
        }
        ModuleContext.ModuleRef ref = context.resolvePrefix(q.prefix());
        return ref == null ? null : ref.moduleName();
    }

    private static boolean isTop(SchemaNode node) {
        return node.kind() == SchemaNode.Kind.ROOT || node.kind() == SchemaNode.Kind.STRUCTURE;
    }

    private static String where(SchemaNode node, String module) {
        if (node.kind() == SchemaNode.Kind.STRUCTURE) {
            return "structure '" + node.name() + "' (paths in a structure start at the structure, RFC 8791)";
        }
        return node.kind() == SchemaNode.Kind.ROOT ? "the top level of module '" + module + "'" : TargetPaths.describe(node);
    }
}

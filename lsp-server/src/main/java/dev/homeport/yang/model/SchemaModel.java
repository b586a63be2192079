package dev.homeport.yang.model;

import dev.homeport.yang.index.IndexedSource;
import dev.homeport.yang.syntax.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The schema trees of a set of modules (a module and everything it imports), built lazily from syntax trees:
 * {@code uses} are expanded with the groupings' nodes bound to the using module's namespace, choice shorthands get
 * their implicit case, operations their implicit input and output, and module-level augments of any module of the
 * set are applied to their targets. Refine ({@code config}) and augment inside {@code uses} are applied as well.
 * Deviations and features are not applied: every feature counts as supported (as {@code yanglint -i} does by
 * default), and a deviation only needs its target to exist.
 *
 * <p>Lazy, because a check needs the whole tree of one module but only the few nodes of other modules that paths
 * reach. A budget of {@link #MAX_NODES} nodes bounds pathological models (recursive groupings are cut where a
 * {@code uses} would repeat itself).
 */
public final class SchemaModel {
    public static final int MAX_NODES = 2_000_000;

    private final ModelWorld world;
    private final SchemaNode root;
    private final Map<String, List<AugmentEntry>> augmentsByTarget = new HashMap<>();
    private int nodes;
    private boolean truncated;

    /** A module-level augment, with its target's last segment resolved for lookup. */
    private record AugmentEntry(Statement statement, ModuleContext context, SchemaNodeId path) {
    }

    /** A resolution of a schema node identifier: the node, or the index of the segment that has no node. */
    public record Resolution(SchemaNode node, int failedSegment, SchemaNode lastFound) {
        public boolean ok() {
            return node != null;
        }
    }

    /** @param modules the main sources of the modules to build (their submodules are included) */
    public SchemaModel(ModelWorld world, List<IndexedSource> modules) {
        this.world = world;
        this.root = new SchemaNode(this, SchemaNode.Kind.ROOT, "", "", null, null, null, List.of(), null);
        for (IndexedSource module : modules) {
            ModuleContext mc = world.context(module);
            if (mc == null) {
                continue;
            }
            for (IndexedSource s : mc.moduleSources()) {
                ModuleContext sc = world.context(s);
                if (sc == null) {
                    continue;
                }
                root.addBody(new SchemaNode.Body(sc.root(), sc, mc.moduleName(), List.of(), null, false));
                for (Statement aug : sc.root().children("augment")) {
                    SchemaNodeId path = SchemaNodeId.parse(aug.argument());
                    if (path == null || !path.absolute()) {
                        continue;
                    }
                    QualifiedName last = path.segments().get(path.segments().size() - 1);
                    ModuleContext.ModuleRef ref = sc.resolvePrefix(last.prefix());
                    if (ref != null) {
                        augmentsByTarget.computeIfAbsent(ref.moduleName() + ":" + last.name(), k -> new ArrayList<>())
                                .add(new AugmentEntry(aug, sc, path));
                    }
                }
            }
        }
    }

    public ModelWorld world() {
        return world;
    }

    public SchemaNode root() {
        return root;
    }

    /** True when the node budget ran out and some children were left out. */
    public boolean truncated() {
        return truncated;
    }

    /**
     * Resolves an absolute schema node identifier in the schema tree (choices and cases are steps), with prefixes
     * taken from {@code context}; an unprefixed step is in {@code context}'s module.
     */
    public Resolution resolveAbsolute(SchemaNodeId path, ModuleContext context) {
        SchemaNode node = root;
        for (int i = 0; i < path.segments().size(); i++) {
            QualifiedName q = path.segments().get(i);
            ModuleContext.ModuleRef ref = context.resolvePrefix(q.prefix());
            SchemaNode next = ref == null ? null : node.schemaChild(ref.moduleName(), q.name());
            if (next == null) {
                return new Resolution(null, i, node);
            }
            node = next;
        }
        return new Resolution(node, -1, node);
    }

    /**
     * Resolves a descendant schema node identifier (refine, augment in uses) from {@code from}. The nodes of a
     * grouping take the namespace of the module that uses it, which the grouping's text cannot name, so a step
     * whose prefix is the grouping's own module (or none) also matches a child of that name in another namespace.
     */
    public Resolution resolveDescendant(SchemaNode from, SchemaNodeId path, ModuleContext context) {
        SchemaNode node = from;
        for (int i = 0; i < path.segments().size(); i++) {
            QualifiedName q = path.segments().get(i);
            ModuleContext.ModuleRef ref = context.resolvePrefix(q.prefix());
            SchemaNode next = null;
            if (ref != null) {
                next = node.schemaChild(ref.moduleName(), q.name());
                if (next == null && ref.moduleName().equals(context.moduleName())) {
                    next = node.schemaChildByName(q.name());
                }
            }
            if (next == null) {
                return new Resolution(null, i, node);
            }
            node = next;
        }
        return new Resolution(node, -1, node);
    }

    /** The module that defines RFC 8791 structures. */
    public static final String STRUCTURE_MODULE = "ietf-yang-structure-ext";

    /**
     * The RFC 8791 structures ({@code sx:structure}) at the top level of a source: each is its own tree whose
     * document element is the structure (paths inside it are resolved from there), with the module's namespace.
     */
    public List<SchemaNode> structures(ModuleContext source) {
        List<SchemaNode> out = new ArrayList<>();
        for (Statement s : source.root().children()) {
            if (!s.isExtension() || !s.identifier().equals("structure") || s.argument() == null) {
                continue;
            }
            ModuleContext.ModuleRef ref = source.resolvePrefix(s.prefix());
            if (ref == null || !ref.moduleName().equals(STRUCTURE_MODULE)) {
                continue;
            }
            SchemaNode structure = new SchemaNode(this, SchemaNode.Kind.STRUCTURE, source.moduleName(), s.argument().trim(),
                    s, source, null, List.of(), null);
            structure.addBody(new SchemaNode.Body(s, source, source.moduleName(), List.of(), null, false));
            out.add(structure);
        }
        return out;
    }

    /** The nodes of a grouping as a {@code uses} in {@code namespace}'s module would make them, detached from any tree. */
    public SchemaNode instantiate(Statement grouping, ModuleContext groupingContext, String namespace, Statement uses) {
        SchemaNode detached = new SchemaNode(this, SchemaNode.Kind.GROUPING, namespace, grouping.argument(), grouping,
                groupingContext, null, List.of(uses), null);
        detached.addBody(new SchemaNode.Body(grouping, groupingContext, namespace, List.of(uses), null, false));
        return detached;
    }

    // ------------------------------------------------------------------ expansion

    List<Runnable> computeChildren(SchemaNode node, List<SchemaNode.Body> bodies) {
        List<Runnable> after = new ArrayList<>();
        for (SchemaNode.Body body : bodies) {
            expand(node, body, after);
        }
        if (node.kind() != SchemaNode.Kind.ROOT && node.kind() != SchemaNode.Kind.GROUPING
                && node.kind() != SchemaNode.Kind.STRUCTURE) {
            for (AugmentEntry aug : augmentsByTarget.getOrDefault(node.module() + ":" + node.name(), List.of())) {
                if (aug.path.segments().size() == node.depth() && targets(aug, node)) {
                    expand(node, new SchemaNode.Body(aug.statement, aug.context, aug.context.moduleName(), List.of(),
                            aug.statement, false), after);
                }
            }
        }
        if (node.kind() == SchemaNode.Kind.RPC || node.kind() == SchemaNode.Kind.ACTION) {
            for (String io : List.of("input", "output")) {
                if (node.schemaChildInternal(node.module(), io) == null) {
                    addNode(node, new SchemaNode(this, io.equals("input") ? SchemaNode.Kind.INPUT : SchemaNode.Kind.OUTPUT,
                            node.module(), io, null, node.context(), node, node.sites(), null));
                }
            }
        }
        return after;
    }

    private boolean targets(AugmentEntry aug, SchemaNode node) {
        Resolution r = resolveAbsolute(aug.path, aug.context);
        return r.node() == node;
    }

    void expandLate(SchemaNode node, SchemaNode.Body body) {
        List<Runnable> after = new ArrayList<>();
        expand(node, body, after);
        for (Runnable r : after) {
            r.run();
        }
    }

    private void expand(SchemaNode node, SchemaNode.Body body, List<Runnable> after) {
        if (body.single()) {
            addChild(node, body.statement(), body);
            return;
        }
        for (Statement c : body.statement().children()) {
            String kw = c.keyword();
            if (kw.equals("uses")) {
                expandUses(node, c, body, after);
            } else if (SchemaNode.Kind.of(kw) != null) {
                addChild(node, c, body);
            }
        }
    }

    private void addChild(SchemaNode node, Statement c, SchemaNode.Body body) {
        SchemaNode.Kind kind = SchemaNode.Kind.of(c.keyword());
        String name = c.argument() == null ? null : c.argument().trim();
        if (kind == SchemaNode.Kind.INPUT || kind == SchemaNode.Kind.OUTPUT) {
            name = c.keyword();
        }
        if (kind == null || name == null || name.isEmpty()) {
            return;
        }
        if (kind == SchemaNode.Kind.CASE && node.kind() != SchemaNode.Kind.CHOICE) {
            return;
        }
        if (node.kind() == SchemaNode.Kind.CHOICE && kind != SchemaNode.Kind.CASE) {
            // the shorthand: a case of the same name holds the node
            SchemaNode implicitCase = new SchemaNode(this, SchemaNode.Kind.CASE, body.namespace(), name, c,
                    body.context(), node, body.sites(), body.augment());
            implicitCase.addBody(new SchemaNode.Body(c, body.context(), body.namespace(), body.sites(), null, true));
            addNode(node, implicitCase);
            return;
        }
        SchemaNode child = new SchemaNode(this, kind, body.namespace(), name, c, body.context(), node, body.sites(),
                body.augment());
        child.addBody(new SchemaNode.Body(c, body.context(), body.namespace(), body.sites(), null, false));
        addNode(node, child);
    }

    private void addNode(SchemaNode parent, SchemaNode child) {
        if (nodes >= MAX_NODES) {
            truncated = true;
            return;
        }
        nodes++;
        parent.putChild(child);
    }

    private void expandUses(SchemaNode node, Statement uses, SchemaNode.Body body, List<Runnable> after) {
        if (uses.argument() == null || body.sites().contains(uses)) {
            return; // a grouping that uses itself: yangtools reports the cycle
        }
        Definitions.Found g = Definitions.find(world, body.context(), uses, "grouping", uses.argument());
        if (!g.ok()) {
            return;
        }
        List<Statement> sites = new ArrayList<>(body.sites().size() + 1);
        sites.addAll(body.sites());
        sites.add(uses);
        List<Statement> siteList = List.copyOf(sites);
        expand(node, new SchemaNode.Body(g.statement(), g.context(), body.namespace(), siteList, body.augment(), false), after);
        if (uses.children().isEmpty()) {
            return;
        }
        after.add(() -> {
            for (Statement refine : uses.children("refine")) {
                String config = refine.childArgument("config").map(String::trim).orElse(null);
                SchemaNodeId path = SchemaNodeId.parse(refine.argument());
                if (config == null || path == null || path.absolute()) {
                    continue;
                }
                Resolution r = resolveDescendant(node, path, body.context());
                if (r.ok()) {
                    r.node().overrideConfig(!"false".equals(config));
                }
            }
            for (Statement aug : uses.children("augment")) {
                SchemaNodeId path = SchemaNodeId.parse(aug.argument());
                if (path == null || path.absolute()) {
                    continue;
                }
                Resolution r = resolveDescendant(node, path, body.context());
                if (r.ok()) {
                    r.node().addBody(new SchemaNode.Body(aug, body.context(), body.namespace(), siteList, null, false));
                }
            }
        });
    }
}

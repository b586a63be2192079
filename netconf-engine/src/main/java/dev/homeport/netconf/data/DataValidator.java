package dev.homeport.netconf.data;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.xpath.XPathExpressionException;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.YangVersion;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.tree.api.DataTreeConfiguration;
import org.opendaylight.yangtools.yang.data.tree.api.DataValidationFailedException;
import org.opendaylight.yangtools.yang.data.tree.api.RequiredElementCountException;
import org.opendaylight.yangtools.yang.data.tree.api.TreeType;
import org.opendaylight.yangtools.yang.data.tree.api.UniqueConstraintException;
import org.opendaylight.yangtools.yang.data.tree.impl.di.InMemoryDataTreeFactory;
import org.opendaylight.yangtools.yang.model.api.AnydataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.AnyxmlSchemaNode;
import org.opendaylight.yangtools.yang.model.api.AugmentationSchemaNode;
import org.opendaylight.yangtools.yang.model.api.AugmentationTarget;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.MustConstraintAware;
import org.opendaylight.yangtools.yang.model.api.MustDefinition;
import org.opendaylight.yangtools.yang.model.api.PathExpression;
import org.opendaylight.yangtools.yang.model.api.TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.WhenConditionAware;
import org.opendaylight.yangtools.yang.model.api.type.LeafrefTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.UnionTypeDefinition;
import org.opendaylight.yangtools.yang.xpath.api.YangExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangLiteralExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath;
import org.opendaylight.yangtools.yang.xpath.api.YangQNameExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangXPathExpression;
import org.opendaylight.yangtools.yang.xpath.api.YangXPathMathMode;

/**
 * Checks a configuration datastore's content against its schema the way a server validates before a commit
 * (RFC 6241 section 8.3.4.1, RFC 7950 section 8). What is enforced:
 * <ul>
 *   <li>structure, types and keys: by the tree's own construction ({@link EditApplier}, {@link XmlDataCodec}) and again
 *       by yangtools' in-memory data tree;</li>
 *   <li>{@code mandatory} leaves, choices, anydata and anyxml, also inside non-presence containers (here, with the
 *       node's path), and yangtools' own mandatory check;</li>
 *   <li>{@code min-elements} / {@code max-elements} and {@code unique} (yangtools data tree);</li>
 *   <li>{@code when} on data nodes and on augments, evaluated with the node (for an augment: its target) as context;
 *       a node whose condition is false is refused ({@code unknown-element}, RFC 7950 section 8.3.2);</li>
 *   <li>{@code must} (RFC 7950 section 15.4), with the module's error-message and error-app-tag when given;</li>
 *   <li>leafref with {@code require-instance true}, also inside unions (RFC 7950 section 15.5), by evaluating the
 *       path with the leaf as context.</li>
 * </ul>
 * {@code when} on a {@code uses} applies to the nodes of its grouping (matched by name, as yangtools does not link an
 * instantiated node to the uses that brought it), with the node holding the uses (or the augment's target) as context.
 * Not enforced: XPath that uses
 * {@code deref()} or {@code enum-value()} (see {@link DataXPath}); such an expression is reported as
 * {@code operation-failed} rather than silently passed. yangtools' {@code LeafRefValidation} was evaluated and not used:
 * in 14.0.23 it ignores require-instance, checks relative paths against every list entry instead of the leaf's own,
 * and reports no instance path.
 */
public final class DataValidator {
    /** More errors than this in one reply help nobody. */
    private static final int MAX_ERRORS = 20;

    private final EffectiveModelContext context;
    private final SchemaIndex schema;
    private final DataXPath xpath;
    private final DataPaths paths;
    private final InMemoryDataTreeFactory trees = new InMemoryDataTreeFactory();
    private final DataTreeConfiguration treeConfig = DataTreeConfiguration.builder(TreeType.CONFIGURATION)
            .setMandatoryNodesValidation(true).setUniqueIndexes(true).build();
    /** For a baseline already known valid: mandatory nodes are this class's own check, written trees not re-walked. */
    private final DataTreeConfiguration shallowTreeConfig = DataTreeConfiguration.builder(TreeType.CONFIGURATION)
            .setMandatoryNodesValidation(false).setUniqueIndexes(true).setRecursiveWriteValidation(false).build();
    /** Whether a schema subtree has anything this walk checks; most do not, and are skipped. */
    private final Map<DataSchemaNode, Boolean> global = new ConcurrentHashMap<>();
    private final Map<DataSchemaNode, Boolean> local = new ConcurrentHashMap<>();

    public DataValidator(EffectiveModelContext context) {
        this.context = context;
        this.schema = new SchemaIndex(context);
        this.xpath = new DataXPath(context);
        this.paths = new DataPaths(context);
    }

    /** Every problem found (at most a few dozen), in tree order; empty when the configuration is valid. */
    public List<EditError> validate(ContainerNode config) {
        return validate(config, null);
    }

    /**
     * As {@link #validate(ContainerNode)}, knowing that {@code validBaseline} is valid (a datastore's current
     * content): what both trees share (the same objects, as an edit leaves untouched subtrees shared) is not checked
     * again for constraints that depend only on the subtree itself (mandatory nodes, list sizes, uniqueness); must,
     * when and leafref are evaluated wherever they are defined, since they may depend on what changed. The cost
     * follows the size of the change, not of the datastore. {@code validBaseline} null: a full validation.
     */
    public List<EditError> validate(ContainerNode config, ContainerNode validBaseline) {
        List<EditError> errors = new ArrayList<>();
        DataXPath.Node root = DataXPath.Node.root(config);
        try {
            walk(root, context, validBaseline, errors);
        } catch (RuntimeException e) {
            errors.add(EditError.of("application", "operation-failed", "validation failed: " + EditParser.reason(e)));
        }
        if (errors.isEmpty()) {
            if (validBaseline == null) {
                dataTree(config, errors);
            } else if (validBaseline != config) {
                dataTree(config, validBaseline, errors);
            }
        }
        return errors.size() > MAX_ERRORS ? List.copyOf(errors.subList(0, MAX_ERRORS)) : List.copyOf(errors);
    }

    // ---------------------------------------------------------------- yangtools data tree

    private void dataTree(ContainerNode config, List<EditError> errors) {
        try {
            trees.create(treeConfig, context, config);
        } catch (DataValidationFailedException | RuntimeException e) {
            treeFailure(e, errors);
        }
    }

    /**
     * Only the differences from a valid baseline go through yangtools' tree: a tree is made from the baseline without
     * re-checking it (shallow write validation), then the changes are applied to it as a modification, which yangtools
     * validates node by node (structure, list sizes, uniqueness of the lists changed).
     */
    private void dataTree(ContainerNode config, ContainerNode baseline, List<EditError> errors) {
        try {
            var tree = trees.create(shallowTreeConfig, context, baseline);
            var mod = tree.takeSnapshot().newModification();
            for (DataDiff.Change c : DataDiff.between(baseline, config)) {
                if (c.kind() == DataDiff.Kind.DELETE) {
                    mod.delete(c.path());
                } else {
                    mod.write(c.path(), org.opendaylight.yangtools.yang.data.api.schema.NormalizedNodes
                            .findNode(config, c.path()).orElseThrow());
                }
            }
            mod.ready();
            tree.validate(mod);
            tree.prepare(mod);
        } catch (DataValidationFailedException | RuntimeException e) {
            treeFailure(e, errors);
        }
    }

    private void treeFailure(Exception failure, List<EditError> errors) {
        try {
            throw failure;
        } catch (RequiredElementCountException e) {
            boolean tooFew = e.getMinimumCount().isPresent() && e.getActualCount() < e.getMinimumCount().getAsInt();
            errors.add(error("operation-failed", tooFew ? "too-few-elements" : "too-many-elements", e.getPath(),
                    describe(e.getPath()) + " has " + e.getActualCount() + " entries; " + (tooFew
                            ? "min-elements is " + e.getMinimumCount().getAsInt()
                            : "max-elements is " + e.getMaximumCount().orElse(0))));
        } catch (UniqueConstraintException e) {
            errors.add(error("operation-failed", "data-not-unique", e.getPath(),
                    "entries of " + describe(e.getPath()) + " share values that must be unique: " + e.values()));
        } catch (DataValidationFailedException e) {
            errors.add(error("operation-failed", null, e.getPath(), EditParser.reason(e)));
        } catch (Exception e) {
            String msg = EditParser.reason(e);
            String tag = msg.contains("missing mandatory") ? "data-missing" : "operation-failed";
            errors.add(EditError.of("application", tag, msg));
        }
    }

    // ---------------------------------------------------------------- constraint walk

    /**
     * Checks {@code node}'s children. {@code baseline}: the node at the same place in the valid baseline, or null;
     * when it is the very same object, constraints local to the subtree held before and still do.
     */
    private void walk(DataXPath.Node node, DataNodeContainer nodeSchema, NormalizedNode baseline,
                      List<EditError> errors) {
        DataContainerNode data = (DataContainerNode) node.data;
        boolean unchanged = baseline == data;
        if (!unchanged) {
            checkMandatory(node, data, nodeSchema, errors);
        }
        List<ConditionalUses> conditional = conditionalUses(nodeSchema);
        for (DataXPath.Node child : node.children()) {
            if (errors.size() >= MAX_ERRORS) {
                return;
            }
            SchemaIndex.Child found = schema.findChild(nodeSchema, child.name());
            if (found == null) {
                continue; // yangtools' tree reports what the schema does not know
            }
            DataSchemaNode s = found.node();
            for (ConditionalUses u : conditional) {
                if (u.names().contains(s.getQName().getLocalName()) && !holds(u.when(), node, errors, child)) {
                    errors.add(error("unknown-element", null, child.dataPath(), describe(child.dataPath())
                            + " is not allowed here: the when condition '" + text(u.when())
                            + "' of the grouping that defines it is false")
                            .withInfo("bad-element", s.getQName().getLocalName()));
                }
            }
            NormalizedNode before = unchanged ? child.data : counterpart(baseline, child);
            boolean same = before == child.data;
            if (!hasGlobal(s) && (same || !hasLocal(s))) {
                continue;
            }
            checkWhen(node, child, nodeSchema, s, errors);
            if (s instanceof MustConstraintAware m) {
                for (MustDefinition must : m.getMustConstraints()) {
                    checkMust(child, must, errors);
                }
            }
            if (s instanceof TypedDataSchemaNode typed && (child.data instanceof LeafNode
                    || child.data instanceof LeafSetEntryNode)) {
                checkLeafref(child, typed, errors);
            }
            if (s instanceof DataNodeContainer container && (child.data instanceof ContainerNode
                    || child.data instanceof MapEntryNode)) {
                walk(child, container, before, errors);
            }
        }
    }

    private void checkWhen(DataXPath.Node parent, DataXPath.Node child, DataNodeContainer parentSchema,
                           DataSchemaNode s, List<EditError> errors) {
        if (s instanceof WhenConditionAware w && w.getWhenCondition().isPresent()) {
            if (!holds(w.getWhenCondition().get(), child, errors, child)) {
                errors.add(error("unknown-element", null, child.dataPath(), describe(child.dataPath())
                        + " is not allowed here: its when condition '" + text(w.getWhenCondition().get())
                        + "' is false").withInfo("bad-element", s.getQName().getLocalName()));
                return;
            }
        }
        if (parentSchema instanceof AugmentationTarget target) {
            for (AugmentationSchemaNode aug : target.getAvailableAugmentations()) {
                if (aug.getWhenCondition().isPresent() && aug.dataChildByName(s.getQName()) != null
                        && !holds(aug.getWhenCondition().get(), parent, errors, child)) {
                    errors.add(error("unknown-element", null, child.dataPath(), describe(child.dataPath())
                            + " is not allowed here: the when condition '" + text(aug.getWhenCondition().get())
                            + "' of its augment is false").withInfo("bad-element", s.getQName().getLocalName()));
                }
            }
        }
    }

    /** A uses with a when, in a node or in an augment of it: the condition and the names its grouping brings. */
    private record ConditionalUses(YangXPathExpression when, java.util.Set<String> names) {
    }

    private final Map<DataNodeContainer, List<ConditionalUses>> conditionalUses = new ConcurrentHashMap<>();

    private List<ConditionalUses> conditionalUses(DataNodeContainer parent) {
        return conditionalUses.computeIfAbsent(parent, p -> {
            List<ConditionalUses> out = new ArrayList<>();
            List<org.opendaylight.yangtools.yang.model.api.UsesNode> uses = new ArrayList<>(p.getUses());
            if (p instanceof AugmentationTarget target) {
                for (AugmentationSchemaNode aug : target.getAvailableAugmentations()) {
                    uses.addAll(aug.getUses());
                }
            }
            for (var u : uses) {
                if (u.getWhenCondition().isPresent()) {
                    java.util.Set<String> names = new java.util.HashSet<>();
                    for (DataSchemaNode g : u.getSourceGrouping().getChildNodes()) {
                        names.add(g.getQName().getLocalName());
                    }
                    out.add(new ConditionalUses(u.getWhenCondition().get(), java.util.Set.copyOf(names)));
                }
            }
            return List.copyOf(out);
        });
    }

    private void checkMust(DataXPath.Node node, MustDefinition must, List<EditError> errors) {
        if (!holds(must.getXpath(), node, errors, node)) {
            String message = must.getErrorMessage().orElse("the must condition '" + text(must.getXpath())
                    + "' is not satisfied");
            errors.add(error("operation-failed", must.getErrorAppTag().orElse("must-violation"), node.dataPath(),
                    message + " (at " + describe(node.dataPath()) + ")"));
        }
    }

    private boolean holds(YangXPathExpression expr, DataXPath.Node context, List<EditError> errors,
                          DataXPath.Node reported) {
        DataXPath.Node root = context;
        while (root.parent != null) {
            root = root.parent;
        }
        try {
            return xpath.test(expr, root, context);
        } catch (DataXPath.InvalidXPathException e) {
            errors.add(error("operation-failed", null, reported.dataPath(), "cannot evaluate '" + text(expr) + "' at "
                    + describe(reported.dataPath()) + ": " + e.getMessage()));
            return true; // reported above; not reported twice as a violation
        }
    }

    private void checkLeafref(DataXPath.Node leaf, TypedDataSchemaNode s, List<EditError> errors) {
        List<LeafrefTypeDefinition> refs = leafrefs(s.getType());
        if (refs.isEmpty()) {
            return;
        }
        DataXPath.Node root = leaf;
        while (root.parent != null) {
            root = root.parent;
        }
        boolean anyRequired = false;
        for (LeafrefTypeDefinition ref : refs) {
            if (!ref.requireInstance()) {
                continue;
            }
            anyRequired = true;
            if (!(ref.getPathStatement().getSteps() instanceof PathExpression.LocationPathSteps steps)) {
                continue; // deref() paths are not evaluated
            }
            YangLocationPath path = steps.getLocationPath();
            try {
                for (DataXPath.Node target : xpath.nodes(new Bare(path), path, root, leaf)) {
                    if (target.isValue() && target.value().equals(leaf.value())) {
                        return;
                    }
                }
            } catch (DataXPath.InvalidXPathException e) {
                errors.add(error("operation-failed", null, leaf.dataPath(), "cannot follow the leafref path "
                        + ref.getPathStatement().getOriginalString() + ": " + e.getMessage()));
                return;
            }
        }
        if (anyRequired && refs.size() == 1 || anyRequired && !(s.getType() instanceof UnionTypeDefinition)) {
            errors.add(error("data-missing", "instance-required", leaf.dataPath(), describe(leaf.dataPath())
                    + " refers to '" + xpath.text(leaf.value()) + "', which does not exist ("
                    + refs.get(0).getPathStatement().getOriginalString() + ")"));
        }
    }

    private static List<LeafrefTypeDefinition> leafrefs(TypeDefinition<?> type) {
        List<LeafrefTypeDefinition> out = new ArrayList<>();
        collectLeafrefs(type, out);
        return out;
    }

    private static void collectLeafrefs(TypeDefinition<?> type, List<LeafrefTypeDefinition> out) {
        if (type instanceof LeafrefTypeDefinition l) {
            out.add(l);
        } else if (type instanceof UnionTypeDefinition u) {
            for (TypeDefinition<?> t : u.getTypes()) {
                collectLeafrefs(t, out);
            }
        }
    }

    private void checkMandatory(DataXPath.Node node, DataContainerNode data, DataNodeContainer nodeSchema,
                                List<EditError> errors) {
        for (DataSchemaNode s : nodeSchema.getChildNodes()) {
            if (!SchemaIndex.isConfig(s) || errors.size() >= MAX_ERRORS) {
                continue;
            }
            var present = data.childByArg(new NodeIdentifier(s.getQName()));
            if (present != null) {
                if (s instanceof ChoiceSchemaNode ch && present instanceof ChoiceNode cn) {
                    CaseSchemaNode active = cn.body().stream().map(c -> SchemaIndex.caseOf(ch, c.name().getNodeType()))
                            .filter(c -> c != null).findFirst().orElse(null);
                    if (active != null) {
                        checkMandatory(node, cn, active, errors);
                    }
                }
                continue;
            }
            String missing = missingMandatory(s);
            if (missing != null) {
                YangInstanceIdentifier at = node.dataPath();
                boolean choice = s instanceof ChoiceSchemaNode;
                boolean list = s instanceof ListSchemaNode || s instanceof LeafListSchemaNode;
                EditError e = error(list ? "operation-failed" : "data-missing", choice ? "missing-choice"
                        : list ? "too-few-elements" : null, at, (at.isEmpty() ? "the data" : describe(at)) + " lacks "
                        + missing);
                errors.add(choice ? e.withInfo("missing-choice", s.getQName().getLocalName()) : e);
            }
        }
    }

    /** What is missing when {@code s} is absent: a description, or null when its absence is fine. */
    private String missingMandatory(DataSchemaNode s) {
        return switch (s) {
            case LeafSchemaNode leaf when leaf.isMandatory() -> "the mandatory leaf '" + name(s) + "'";
            case AnyxmlSchemaNode a when a.isMandatory() -> "the mandatory anyxml '" + name(s) + "'";
            case AnydataSchemaNode a when a.isMandatory() -> "the mandatory anydata '" + name(s) + "'";
            case ChoiceSchemaNode ch when ch.isMandatory() -> "a case of the mandatory choice '" + name(s) + "'";
            case ListSchemaNode l when l.getElementCountConstraint().map(c -> c.getMinElements() != null
                    && c.getMinElements() > 0).orElse(false) -> "entries of the list '" + name(s) + "' (min-elements "
                    + l.getElementCountConstraint().get().getMinElements() + ")";
            case LeafListSchemaNode l when l.getElementCountConstraint().map(c -> c.getMinElements() != null
                    && c.getMinElements() > 0).orElse(false) -> "values of the leaf-list '" + name(s)
                    + "' (min-elements " + l.getElementCountConstraint().get().getMinElements() + ")";
            case ContainerSchemaNode c when !c.isPresenceContainer() -> {
                for (DataSchemaNode inner : c.getChildNodes()) {
                    if (SchemaIndex.isConfig(inner)) {
                        String m = missingMandatory(inner);
                        if (m != null) {
                            yield m + " in '" + name(s) + "'";
                        }
                    }
                }
                yield null;
            }
            default -> null;
        };
    }

    private static String name(DataSchemaNode s) {
        return s.getQName().getLocalName();
    }

    /** The node at the same place as {@code child} under {@code baselineParent}, or null. */
    private static NormalizedNode counterpart(NormalizedNode baselineParent, DataXPath.Node child) {
        NormalizedNode at = baselineParent;
        for (var step : child.mixins) {
            at = step(at, step);
        }
        return step(at, child.data.name());
    }

    private static NormalizedNode step(NormalizedNode parent, org.opendaylight.yangtools.yang.data.api
            .YangInstanceIdentifier.PathArgument arg) {
        return parent == null ? null
                : org.opendaylight.yangtools.yang.data.api.schema.NormalizedNodes.getDirectChild(parent, arg)
                .orElse(null);
    }

    /** Whether anything at or below {@code s} has a must, when or leafref: checked everywhere, always. */
    private boolean hasGlobal(DataSchemaNode s) {
        return cached(global, s, this::computeGlobal);
    }

    /** Whether anything at or below {@code s} is mandatory or a choice: checked where the data changed. */
    private boolean hasLocal(DataSchemaNode s) {
        return cached(local, s, this::computeLocal);
    }

    private static boolean cached(Map<DataSchemaNode, Boolean> cache, DataSchemaNode s,
                                  java.util.function.Predicate<DataSchemaNode> compute) {
        Boolean known = cache.get(s);
        if (known != null) {
            return known;
        }
        cache.put(s, Boolean.FALSE); // guards against recursion
        boolean result = compute.test(s);
        cache.put(s, result);
        return result;
    }

    private boolean computeGlobal(DataSchemaNode s) {
        if (s instanceof WhenConditionAware w && w.getWhenCondition().isPresent()) {
            return true;
        }
        if (s instanceof MustConstraintAware m && !m.getMustConstraints().isEmpty()) {
            return true;
        }
        if (s instanceof TypedDataSchemaNode t && !leafrefs(t.getType()).isEmpty()) {
            return true;
        }
        if (s instanceof AugmentationTarget at) {
            for (AugmentationSchemaNode aug : at.getAvailableAugmentations()) {
                if (aug.getWhenCondition().isPresent()) {
                    return true;
                }
            }
        }
        if (s instanceof DataNodeContainer c) {
            if (!conditionalUses(c).isEmpty()) {
                return true;
            }
            for (DataSchemaNode child : c.getChildNodes()) {
                if (SchemaIndex.isConfig(child) && hasGlobal(child)) {
                    return true;
                }
            }
        }
        if (s instanceof ChoiceSchemaNode ch) {
            for (CaseSchemaNode k : ch.getCases()) {
                for (DataSchemaNode child : k.getChildNodes()) {
                    if (SchemaIndex.isConfig(child) && hasGlobal(child)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private boolean computeLocal(DataSchemaNode s) {
        if (missingMandatory(s) != null || s instanceof ChoiceSchemaNode) {
            return true;
        }
        if (s instanceof DataNodeContainer c) {
            for (DataSchemaNode child : c.getChildNodes()) {
                if (SchemaIndex.isConfig(child) && (hasLocal(child)
                        || child instanceof LeafSchemaNode l && l.isMandatory())) {
                    return true;
                }
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- errors

    private EditError error(String tag, String appTag, YangInstanceIdentifier path, String message) {
        EditError e = EditError.application(tag, YangPaths.prefixed(schema, paths.withoutMixins(path)), message,
                Map.of());
        return appTag == null ? e : e.withAppTag(appTag);
    }

    private String describe(YangInstanceIdentifier path) {
        return "'" + paths.readable(path) + "'";
    }

    private static String text(YangXPathExpression expr) {
        String s = expr.toString();
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    /** A leafref path as an expression of its own; its literals name no identities. */
    private record Bare(YangLocationPath path) implements YangXPathExpression {
        @Override
        public YangExpr getRootExpr() {
            return path;
        }

        @Override
        public YangXPathMathMode getMathMode() {
            return YangXPathMathMode.IEEE754;
        }

        @Override
        public YangVersion getYangVersion() {
            return YangVersion.VERSION_1_1;
        }

        @Override
        public YangQNameExpr interpretAsQName(YangLiteralExpr expr) throws XPathExpressionException {
            throw new XPathExpressionException("no prefixes in a leafref path literal");
        }

        @Override
        public YangLocationPath interpretAsInstanceIdentifier(YangLiteralExpr expr) throws XPathExpressionException {
            throw new XPathExpressionException("no instance identifiers here");
        }
    }
}

package dev.homeport.netconf.data;

import dev.homeport.netconf.message.RpcReply;
import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.XmlFragment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.opendaylight.yangtools.yang.common.Empty;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNodeContainer;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.ActionDefinition;
import org.opendaylight.yangtools.yang.model.api.ActionNodeContainer;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.ElementCountConstraintAware;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.MandatoryAware;
import org.opendaylight.yangtools.yang.model.api.Module;
import org.opendaylight.yangtools.yang.model.api.OperationDefinition;
import org.opendaylight.yangtools.yang.model.api.RpcDefinition;
import org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier;
import org.opendaylight.yangtools.yang.model.api.type.IdentityrefTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.UnionTypeDefinition;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A custom RPC or a YANG 1.1 action (RFC 7950 section 7.15) of a schema: its input built from a NormalizedNode or
 * from plain leaf values and checked against the input statement before anything is sent, the request XML, and the
 * reply's output as a NormalizedNode. {@code NetconfClient.invoke} sends it.
 *
 * <p>The check refuses, with the node's path: nodes the input does not have, values that do not fit their type
 * (range, length, pattern, enumeration, identity...), and missing mandatory nodes (mandatory leaves and choices,
 * min-elements, also inside non-presence containers; nodes under a {@code when} are left to the device, which can
 * evaluate it). Keys and must/unique constraints are the device's to judge.
 *
 * <p>Immutable and thread-safe. An action is bound to the data node it runs on: {@code target} names it from the
 * data root down, list entries with all their keys, as {@code <action>} must (RFC 7950 section 7.15.2).
 */
public final class SchemaOperation {
    private final XmlDataCodec codec;
    private final SchemaIndex schema;
    private final OperationDefinition definition;
    private final YangInstanceIdentifier target;
    /** Schema tree path of the operation: choices and cases on the way included. */
    private final List<QName> schemaPath;
    /** The target for people, keys in schema order (yangtools keeps predicates unordered). */
    private final String targetText;

    private SchemaOperation(EffectiveModelContext context, OperationDefinition definition,
                            YangInstanceIdentifier target, List<QName> schemaPath, String targetText) {
        this.codec = new XmlDataCodec(context);
        this.schema = new SchemaIndex(context);
        this.definition = definition;
        this.target = target;
        this.schemaPath = List.copyOf(schemaPath);
        this.targetText = targetText;
    }

    /** The RPC with this name; fails with the RPCs its module has when there is none. */
    public static SchemaOperation rpc(EffectiveModelContext context, QName rpc) {
        Module module = context.findModule(rpc.getModule()).orElseThrow(() -> new IllegalArgumentException(
                "no module with namespace " + rpc.getNamespace() + (rpc.getRevision().isPresent() ? " revision "
                        + rpc.getRevision().get() : "") + " in the schema"));
        for (RpcDefinition r : module.getRpcs()) {
            if (r.getQName().equals(rpc)) {
                return new SchemaOperation(context, r, null, List.of(rpc), null);
            }
        }
        throw new IllegalArgumentException("module " + module.getName() + " has no rpc '" + rpc.getLocalName()
                + "'; it has: " + names(module.getRpcs()));
    }

    /** The RPC {@code name} of the module with this name (its newest revision in the schema). */
    public static SchemaOperation rpc(EffectiveModelContext context, String moduleName, String name) {
        Module module = context.findModules(moduleName).stream().findFirst().orElseThrow(() ->
                new IllegalArgumentException("no module '" + moduleName + "' in the schema"));
        return rpc(context, QName.create(module.getQNameModule(), name));
    }

    /**
     * The action {@code action} of the data node {@code target} (a container, or a list entry with all its keys),
     * e.g. {@code /ex:servers/server[name='apollo']} for {@code ex:reset}.
     */
    public static SchemaOperation action(EffectiveModelContext context, YangInstanceIdentifier target, QName action) {
        SchemaIndex index = new SchemaIndex(context);
        target = entriesOnly(target);
        if (target.isEmpty()) {
            throw new IllegalArgumentException("an action runs on a data node: give its path (RFC 7950 7.15)");
        }
        DataNodeContainer parent = context;
        DataSchemaNode node = null;
        List<QName> path = new ArrayList<>();
        List<PathArgument> steps = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        QNameModule textModule = null;
        for (PathArgument step : target.getPathArguments()) {
            QName q = step.getNodeType();
            text.append('/');
            if (!q.getModule().equals(textModule)) {
                text.append(index.moduleName(q.getModule())).append(':');
                textModule = q.getModule();
            }
            text.append(q.getLocalName());
            SchemaIndex.Child child = index.findChild(parent, q);
            if (child == null) {
                throw new IllegalArgumentException("the schema has no data node " + q.getLocalName() + " ("
                        + q.getNamespace() + ") at " + YangPaths.readable(index, target));
            }
            for (SchemaIndex.ChoiceStep c : child.choices()) {
                path.add(c.choice().getQName());
                path.add(c.caseNode().getQName());
            }
            path.add(q);
            node = child.node();
            if (node instanceof ListSchemaNode list) {
                Set<QName> given = step instanceof NodeIdentifierWithPredicates p ? p.keySet() : Set.of();
                if (!given.containsAll(list.getKeyDefinition())) {
                    throw new IllegalArgumentException("list " + q.getLocalName() + " needs its keys "
                            + list.getKeyDefinition().stream().map(QName::getLocalName).toList()
                            + " in the action's target " + YangPaths.readable(index, target));
                }
                // keys in schema order, as they are written
                Map<QName, Object> ordered = new LinkedHashMap<>();
                for (QName k : list.getKeyDefinition()) {
                    Object v = ((NodeIdentifierWithPredicates) step).getValue(k);
                    ordered.put(k, v);
                    text.append('[').append(k.getLocalName()).append('=');
                    YangPaths.quote(text, YangPaths.valueText(v, index::moduleName));
                    text.append(']');
                }
                steps.add(NodeIdentifierWithPredicates.of(q, ordered));
                parent = list;
            } else if (node instanceof ContainerSchemaNode container) {
                steps.add(step);
                parent = container;
            } else {
                throw new IllegalArgumentException(q.getLocalName() + " is not a container or list, so it has no "
                        + "actions (target " + YangPaths.readable(index, target) + ")");
            }
        }
        ActionNodeContainer holder = (ActionNodeContainer) node;
        Optional<ActionDefinition> def = holder.findAction(action);
        if (def.isEmpty()) {
            throw new IllegalArgumentException(text + " has no action '"
                    + action.getLocalName() + "' (" + action.getNamespace() + "); it has: "
                    + names(holder.getActions()));
        }
        path.add(action);
        return new SchemaOperation(context, def.get(), YangInstanceIdentifier.of(steps), path, text.toString());
    }

    /**
     * yangtools names a list entry in two steps, the list ({@code MapNode}) and then the entry; XML has one element
     * per entry, so the list's own step is dropped where an entry of it follows.
     */
    private static YangInstanceIdentifier entriesOnly(YangInstanceIdentifier path) {
        List<PathArgument> steps = path.getPathArguments();
        List<PathArgument> out = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            PathArgument step = steps.get(i);
            boolean listStep = step instanceof NodeIdentifier && i + 1 < steps.size()
                    && steps.get(i + 1) instanceof NodeIdentifierWithPredicates entry
                    && entry.getNodeType().equals(step.getNodeType());
            if (!listStep) {
                out.add(step);
            }
        }
        return YangInstanceIdentifier.of(out);
    }

    private static String names(Collection<? extends OperationDefinition> ops) {
        return ops.isEmpty() ? "none" : ops.stream().map(o -> o.getQName().getLocalName()).sorted()
                .collect(Collectors.joining(", "));
    }

    public QName name() {
        return definition.getQName();
    }

    /** The data node an action runs on; empty for an RPC. */
    public Optional<YangInstanceIdentifier> target() {
        return Optional.ofNullable(target);
    }

    public boolean isAction() {
        return target != null;
    }

    /** Schema path of the input statement, for {@link XmlDataCodec#parseOperationData}. */
    public SchemaNodeIdentifier.Absolute inputPath() {
        return childPath(definition.getInput().getQName());
    }

    /** Schema path of the output statement. */
    public SchemaNodeIdentifier.Absolute outputPath() {
        return childPath(definition.getOutput().getQName());
    }

    private SchemaNodeIdentifier.Absolute childPath(QName child) {
        List<QName> p = new ArrayList<>(schemaPath);
        p.add(child);
        return SchemaNodeIdentifier.Absolute.of(p);
    }

    /** {@code rpc toaster:make-toast}, {@code action ex:reset on /ex:servers/server[name='apollo']}. */
    public String describe() {
        String n = schema.moduleName(name().getModule()) + ":" + name().getLocalName();
        return target == null ? "rpc " + n : "action " + n + " on " + targetText;
    }

    @Override
    public String toString() {
        return describe();
    }

    // ---------------------------------------------------------------- input

    /** An empty input, checked (it fails when the input has mandatory nodes). */
    public ContainerNode input() throws InvalidDataException {
        return input(Map.of());
    }

    /**
     * The input from plain values of its leaves and leaf-lists, checked. A key is the node's local name
     * ({@code module:name} for a node from another module), or a path of such names through containers
     * ({@code options/reason}); leaves in choices are named as if the choice were not there. Values: the leaf's text
     * as in XML ({@code "5"}, {@code "true"}), or a Java value ({@code 5}, {@code true}, a yangtools
     * {@code Uint32}...); an identity as a {@link QName}, or as text with the name of its module as prefix
     * ({@code "toaster:wheat-bread"}; without a prefix the operation's module is meant); for a leaf of type
     * {@code empty}, {@code true} or {@link Empty}; a {@link Collection} for a leaf-list. Lists and anydata need
     * {@link #input(ContainerNode)}.
     */
    public ContainerNode input(Map<String, ?> leaves) throws InvalidDataException {
        DataNodeContainer input = definition.getInput();
        XmlFragment.Element root = XmlFragment.element(name().getNamespace().toString(), "input");
        Map<String, XmlFragment.Element> containers = new LinkedHashMap<>(); // by path, each made once
        for (Map.Entry<String, ?> e : leaves.entrySet()) {
            String[] steps = e.getKey().split("/", -1);
            DataNodeContainer parent = input;
            XmlFragment.Element parentXml = root;
            String path = "";
            SchemaIndex.Child child = null;
            for (int i = 0; i < steps.length; i++) {
                QName q = qualify(steps[i]);
                child = q == null ? null : schema.findChild(parent, q);
                path = path + "/" + steps[i];
                if (child == null) {
                    throw new InvalidDataException("the input of " + describe() + " has no node '" + path.substring(1)
                            + "'; " + (parent == input ? "it" : path.substring(1, path.lastIndexOf('/')))
                            + " has: " + childNames(parent), path, null);
                }
                if (i < steps.length - 1) {
                    if (!(child.node() instanceof ContainerSchemaNode container)) {
                        throw new InvalidDataException("'" + path.substring(1) + "' in the input of " + describe()
                                + " is not a container: only containers can be named on the way to a leaf", path,
                                null);
                    }
                    QName cq = container.getQName();
                    XmlFragment.Element holder = parentXml;
                    parentXml = containers.computeIfAbsent(path, k -> {
                        XmlFragment.Element made = XmlFragment.element(cq.getNamespace().toString(),
                                cq.getLocalName());
                        holder.child(made);
                        return made;
                    });
                    parent = container;
                }
            }
            if (!(child.node() instanceof LeafSchemaNode) && !(child.node() instanceof LeafListSchemaNode)) {
                throw new InvalidDataException("'" + e.getKey() + "' in the input of " + describe() + " is not a "
                        + "leaf or leaf-list: name the leaves inside it, or build the input as a NormalizedNode "
                        + "(input(ContainerNode))", path, null);
            }
            TypedDataSchemaNode typed = (TypedDataSchemaNode) child.node();
            Collection<?> values = child.node() instanceof LeafListSchemaNode && e.getValue() instanceof Collection<?> c
                    ? c : List.of(e.getValue());
            for (Object v : values) {
                parentXml.child(valueElement(typed, v));
            }
        }
        return check(parseInput(root.toXml()));
    }

    /** Checks an input built elsewhere (named {@code input} of the operation's module) and returns it normalized. */
    public ContainerNode input(ContainerNode input) throws InvalidDataException {
        if (!input.name().getNodeType().getLocalName().equals("input")) {
            throw new InvalidDataException("the input of " + describe() + " must be a container named 'input', not '"
                    + input.name().getNodeType().getLocalName() + "'", "/", null);
        }
        String xml;
        try {
            xml = codec.operationDataToXml(input, inputPath());
        } catch (RuntimeException e) {
            // the writer refuses nodes the input statement does not have
            throw new InvalidDataException("the input of " + describe() + " does not fit its schema: "
                    + e.getMessage(), "/", e);
        }
        return check(parseInput("<input xmlns=\"" + name().getNamespace() + "\">" + xml + "</input>"));
    }

    /**
     * The request for {@code NetconfClient.rpc} (the RPC element with its input) or {@code NetconfClient.action}
     * (the target's data nodes, keys included, with the action element innermost); the input is checked first.
     */
    public XmlFragment request(ContainerNode input) throws InvalidDataException {
        ContainerNode checked = input(input);
        String body = codec.operationDataToXml(checked, inputPath());
        XmlFragment.Element operation = XmlFragment.element(name().getNamespace().toString(), name().getLocalName());
        if (!body.isEmpty()) {
            operation.child(XmlFragment.raw(body));
        }
        if (target == null) {
            return operation;
        }
        XmlFragment.Element outer = null;
        XmlFragment.Element inner = null;
        DataNodeContainer parent = schema.context();
        for (PathArgument step : target.getPathArguments()) {
            QName q = step.getNodeType();
            XmlFragment.Element e = XmlFragment.element(q.getNamespace().toString(), q.getLocalName());
            DataSchemaNode node = schema.findChild(parent, q).node();
            if (node instanceof ListSchemaNode list && step instanceof NodeIdentifierWithPredicates keys) {
                for (QName key : list.getKeyDefinition()) {
                    e.child(valueElement((TypedDataSchemaNode) list.getDataChildByName(key), keys.getValue(key)));
                }
            }
            parent = (DataNodeContainer) node;
            if (inner == null) {
                outer = e;
            } else {
                inner.child(e);
            }
            inner = e;
        }
        inner.child(operation);
        return outer;
    }

    // ---------------------------------------------------------------- output

    /**
     * The output of a reply as a NormalizedNode named {@code output} (empty for {@code <ok/>}), parsed leniently:
     * elements the output statement does not have are skipped and listed; a value that does not fit fails.
     */
    public XmlDataCodec.Result output(RpcReply reply) throws InvalidDataException {
        Document doc = reply.element().getOwnerDocument();
        Element content = doc.createElementNS(Namespaces.BASE, "rpc-reply");
        for (Element e : reply.output()) {
            content.appendChild(e.cloneNode(true));
        }
        try {
            return codec.parseOperationData(content, outputPath(), XmlDataCodec.Mode.LENIENT);
        } catch (InvalidDataException e) {
            throw new InvalidDataException("the output of " + describe() + " does not fit its schema: "
                    + e.getMessage(), e.path(), e);
        }
    }

    // ---------------------------------------------------------------- helpers

    private ContainerNode parseInput(String xml) throws InvalidDataException {
        try {
            Element root = dev.homeport.netconf.xml.SafeXml.parse(xml).getDocumentElement();
            return codec.parseOperationData(root, inputPath(), XmlDataCodec.Mode.STRICT).data();
        } catch (dev.homeport.netconf.xml.MalformedXmlException e) {
            throw new IllegalStateException("input XML built here is not well-formed", e);
        } catch (InvalidDataException e) {
            throw new InvalidDataException("the input of " + describe() + " is not valid: " + e.getMessage(),
                    e.path(), e);
        }
    }

    /** {@code name} in the operation's module, or {@code module:name}; null when the module is not known. */
    private QName qualify(String key) {
        int colon = key.indexOf(':');
        if (colon < 0) {
            return QName.create(name().getModule(), key);
        }
        return schema.context().findModules(key.substring(0, colon)).stream().findFirst()
                .map(m -> QName.create(m.getQNameModule(), key.substring(colon + 1))).orElse(null);
    }

    private String childNames(DataNodeContainer container) {
        List<String> out = new ArrayList<>();
        collectNames(container, out);
        return out.isEmpty() ? "nothing" : String.join(", ", out);
    }

    private void collectNames(DataNodeContainer container, List<String> out) {
        for (DataSchemaNode c : container.getChildNodes()) {
            if (c instanceof ChoiceSchemaNode choice) {
                for (CaseSchemaNode cs : choice.getCases()) {
                    collectNames(cs, out);
                }
            } else {
                QNameModule m = c.getQName().getModule();
                out.add((m.equals(name().getModule()) ? "" : schema.moduleName(m) + ":") + c.getQName().getLocalName());
            }
        }
    }

    /**
     * One leaf element with a plain value: text as given, Java values in their lexical form, identities with a
     * prefix declared for their module (a module-name prefix in text becomes a declared prefix too).
     */
    private XmlFragment.Element valueElement(TypedDataSchemaNode leaf, Object value) {
        QName q = leaf.getQName();
        XmlFragment.Element e = XmlFragment.element(q.getNamespace().toString(), q.getLocalName());
        Map<String, String> declared = new LinkedHashMap<>();
        String text;
        if (value instanceof Empty || (Boolean.TRUE.equals(value)
                && leaf.getType() instanceof org.opendaylight.yangtools.yang.model.api.type.EmptyTypeDefinition)) {
            return e;
        } else if (value instanceof String s) {
            text = s;
            int colon = s.indexOf(':');
            if (colon > 0 && mayHoldIdentity(leaf)) {
                String prefix = s.substring(0, colon);
                schema.context().findModules(prefix).stream().findFirst()
                        .ifPresent(m -> declared.put(prefix, m.getNamespace().toString()));
            }
        } else {
            text = YangPaths.valueText(value, m -> {
                String p = schema.prefix(m);
                declared.put(p, m.namespace().toString());
                return p;
            });
        }
        declared.forEach((p, ns) -> e.attr("xmlns:" + p, ns));
        return e.text(text);
    }

    private static boolean mayHoldIdentity(TypedDataSchemaNode leaf) {
        return leaf.getType() instanceof IdentityrefTypeDefinition || leaf.getType() instanceof UnionTypeDefinition;
    }

    /** Mandatory nodes: all present, or the input is refused naming the first missing ones. */
    private ContainerNode check(ContainerNode input) throws InvalidDataException {
        List<Missing> missing = new ArrayList<>();
        missing(definition.getInput(), input, "", missing);
        if (!missing.isEmpty()) {
            throw new InvalidDataException("the input of " + describe() + " lacks mandatory "
                    + missing.stream().map(Missing::toString).collect(Collectors.joining(", ")),
                    missing.get(0).path(), null);
        }
        return input;
    }

    /** A mandatory node that is not there: {@code leaf /x}, {@code /entries (min-elements 1, has 0)}. */
    private record Missing(String kind, String path, String detail) {
        @Override
        public String toString() {
            return (kind.isEmpty() ? "" : kind + " ") + path + detail;
        }
    }

    private void missing(DataNodeContainer schemaNode, DataContainerNode data, String at, List<Missing> out) {
        for (DataSchemaNode child : schemaNode.getChildNodes()) {
            if (child.getWhenCondition().isPresent()) {
                continue; // the device evaluates when; a node it switches off is not required
            }
            QName q = child.getQName();
            String path = at + "/" + (q.getModule().equals(name().getModule()) ? "" : schema.moduleName(q.getModule())
                    + ":") + q.getLocalName();
            DataContainerChild present = data == null ? null : data.childByArg(new NodeIdentifier(q));
            switch (child) {
                case ChoiceSchemaNode choice -> {
                    if (present instanceof ChoiceNode chosen) {
                        for (CaseSchemaNode c : choice.getCases()) {
                            if (c.getChildNodes().stream().anyMatch(n -> chosen.childByArg(
                                    new NodeIdentifier(n.getQName())) != null)) {
                                missing(c, chosen, at, out);
                            }
                        }
                    } else if (choice.isMandatory()) {
                        out.add(new Missing("choice", path, ""));
                    }
                }
                case ContainerSchemaNode container -> {
                    if (present instanceof ContainerNode c) {
                        missing(container, c, path, out);
                    } else if (!container.isPresenceContainer()) {
                        missing(container, null, path, out); // absent and non-presence: as if there, empty
                    }
                }
                case ListSchemaNode list -> {
                    int count = present instanceof NormalizedNodeContainer<?> entries ? entries.size() : 0;
                    minElements(list, count, path, out);
                    if (present instanceof MapNode map) {
                        map.body().forEach(entry -> missing(list, entry, path, out));
                    }
                }
                case LeafListSchemaNode leafList -> minElements(leafList,
                        present instanceof NormalizedNodeContainer<?> values ? values.size() : 0, path, out);
                default -> {
                    if (present == null && child instanceof MandatoryAware m && m.isMandatory()) {
                        out.add(new Missing(child instanceof LeafSchemaNode ? "leaf" : "node", path, ""));
                    }
                }
            }
        }
    }

    private static void minElements(ElementCountConstraintAware node, int count, String path, List<Missing> out) {
        Integer min = node.getElementCountConstraint().map(c -> c.getMinElements()).orElse(null);
        if (min != null && count < min) {
            out.add(new Missing("", path, " (min-elements " + min + ", has " + count + ")"));
        }
    }

    /** An empty input container of this operation, to build on with yangtools builders. */
    public ContainerNode emptyInput() {
        return ImmutableNodes.newContainerBuilder()
                .withNodeIdentifier(new NodeIdentifier(definition.getInput().getQName())).build();
    }
}

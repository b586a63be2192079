package dev.homeport.netconf.data;

import dev.homeport.netconf.data.EditNode.Insert;
import dev.homeport.netconf.data.EditNode.Kind;
import dev.homeport.netconf.ops.EditConfig.DefaultOperation;
import dev.homeport.netconf.ops.EditConfig.Operation;
import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.MalformedXmlException;
import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.SafeXml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.transform.dom.DOMSource;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.w3c.dom.Element;

/**
 * Applies edit-config to a data tree the way a NETCONF server does (RFC 6241 section 7.2), for the device simulator
 * and for previews on the client side.
 *
 * <p>Operations {@code merge}, {@code replace}, {@code create}, {@code delete}, {@code remove} and {@code none}, with
 * the default-operation given; {@code create} on an existing node fails with {@code data-exists}, {@code delete} of a
 * missing node with {@code data-missing}; under {@code none}, a node that the edit only passes through must exist
 * (non-presence containers always do). Ordered-by-user lists and leaf-lists take the RFC 7950 {@code insert},
 * {@code key} and {@code value} attributes; an entry without them keeps its place, or goes last when new. Creating a
 * node of one case of a choice removes the nodes of the other cases (RFC 7950 section 7.9).
 *
 * <p>Trees are immutable: {@link #apply} returns a new tree and, when it fails, nothing has changed. Results hold no
 * empty non-presence containers, choices, lists or leaf-lists (see {@link DataTrees}). Constraints that need the
 * whole datastore (mandatory, min/max-elements, must, unique, leafref targets) are validation's job, not this class's.
 *
 * <p>Operations in the edit are carried out in document order, so a later element sees the effect of an earlier one.
 */
public final class EditApplier {
    private final SchemaIndex schema;
    private final EditParser parser;

    public EditApplier(EffectiveModelContext context) {
        this.schema = new SchemaIndex(context);
        this.parser = new EditParser(schema);
    }

    /** Parses the children of a {@code <config>} element (or any element holding top-level data nodes). */
    public EditContent parse(Element config) throws EditException {
        return new EditContent(parser.parse(config));
    }

    /** Parses config text: a {@code <config>} document, or bare top-level data elements. */
    public EditContent parse(String configXml) throws EditException, MalformedXmlException {
        Element wrapper = SafeXml.parseFragment(configXml);
        List<Element> top = Dom.children(wrapper);
        if (top.size() == 1 && "config".equals(top.get(0).getLocalName())
                && (top.get(0).getNamespaceURI() == null || Namespaces.BASE.equals(top.get(0).getNamespaceURI()))) {
            return parse(top.get(0));
        }
        return parse(wrapper);
    }

    /** Parses and applies in one step. */
    public ContainerNode apply(ContainerNode datastore, Element config, DefaultOperation defaultOperation)
            throws EditException {
        return apply(datastore, parse(config), defaultOperation);
    }

    /**
     * The datastore after the edit. With default-operation {@code replace} the edit's content becomes the whole
     * datastore, as RFC 6241 says.
     */
    public ContainerNode apply(ContainerNode datastore, EditContent edit, DefaultOperation defaultOperation)
            throws EditException {
        Operation op = switch (defaultOperation) {
            case MERGE -> Operation.MERGE;
            case REPLACE -> Operation.REPLACE;
            case NONE -> Operation.NONE;
        };
        ContainerNode start = op == Operation.REPLACE ? DataTrees.emptyData() : datastore;
        return ImmutableNodes.newContainerBuilder().withNodeIdentifier(DataTrees.rootIdentifier())
                .withValue(new ArrayList<>(children(start, edit.root, op).values())).build();
    }

    /** The node after the edit, or null when it is absent afterwards. */
    private NormalizedNode apply(NormalizedNode existing, EditNode e, Operation inherited) throws EditException {
        return switch (e.kind) {
            case CHOICE -> choice((ChoiceNode) existing, e, inherited);
            case LIST -> list((MapNode) existing, e, inherited);
            case LEAF_LIST -> leafList((LeafSetNode<?>) existing, e, inherited);
            default -> element(existing, e, inherited);
        };
    }

    /** A node with an XML element of its own: where operations take effect. */
    private NormalizedNode element(NormalizedNode existing, EditNode e, Operation inherited) throws EditException {
        Operation op = e.operation != null ? e.operation : inherited;
        return switch (op) {
            case DELETE -> {
                if (existing == null) {
                    throw error(EditError.DATA_MISSING, e, describe(e) + " cannot be deleted: it does not exist");
                }
                yield null;
            }
            case REMOVE -> null;
            case CREATE -> {
                if (existing != null) {
                    throw error(EditError.DATA_EXISTS, e, describe(e) + " cannot be created: it already exists");
                }
                yield build(null, e, op);
            }
            case REPLACE -> build(null, e, op);
            case MERGE -> build(existing, e, op);
            case NONE -> {
                if (existing == null && !(e.kind == Kind.CONTAINER && !SchemaIndex.isPresence(e.schema))) {
                    throw error(EditError.DATA_MISSING, e, describe(e)
                            + " does not exist, and the operation there is 'none'");
                }
                yield build(existing, e, op);
            }
        };
    }

    private NormalizedNode build(NormalizedNode existing, EditNode e, Operation op) throws EditException {
        return switch (e.kind) {
            case LEAF -> op == Operation.NONE ? existing : ImmutableNodes.leafNode((NodeIdentifier) e.id, e.value);
            case LEAF_LIST_ENTRY -> op == Operation.NONE ? existing
                    : ImmutableNodes.leafSetEntry((NodeWithValue<?>) e.id);
            case ANYXML -> op == Operation.NONE ? existing : ImmutableNodes.newAnyxmlBuilder(DOMSource.class)
                    .withNodeIdentifier((NodeIdentifier) e.id).withValue((DOMSource) e.value).build();
            case CONTAINER -> {
                Map<PathArgument, DataContainerChild> children = children((ContainerNode) existing, e, op);
                if (children.isEmpty() && !SchemaIndex.isPresence(e.schema)) {
                    yield null;
                }
                yield ImmutableNodes.newContainerBuilder().withNodeIdentifier((NodeIdentifier) e.id)
                        .withValue(new ArrayList<>(children.values())).build();
            }
            case ENTRY -> {
                MapEntryNode entry = (MapEntryNode) existing;
                if (entry == null) {
                    NodeIdentifierWithPredicates id = (NodeIdentifierWithPredicates) e.id;
                    var keys = ImmutableNodes.newMapEntryBuilder().withNodeIdentifier(id);
                    for (Map.Entry<QName, Object> k : id.entrySet()) {
                        keys.withChild(ImmutableNodes.leafNode(k.getKey(), k.getValue()));
                    }
                    entry = keys.build();
                }
                yield ImmutableNodes.newMapEntryBuilder().withNodeIdentifier((NodeIdentifierWithPredicates) e.id)
                        .withValue(new ArrayList<>(children(entry, e, op).values())).build();
            }
            default -> throw new IllegalStateException("not an element: " + e.kind);
        };
    }

    private LinkedHashMap<PathArgument, DataContainerChild> children(DataContainerNode existing, EditNode e,
                                                                    Operation op) throws EditException {
        LinkedHashMap<PathArgument, DataContainerChild> children = new LinkedHashMap<>();
        if (existing != null) {
            for (DataContainerChild c : existing.body()) {
                children.put(c.name(), c);
            }
        }
        for (EditNode c : e.children) {
            NormalizedNode after = apply(children.get(c.id), c, op);
            if (after == null) {
                children.remove(c.id);
            } else {
                children.put(c.id, (DataContainerChild) after);
            }
        }
        return children;
    }

    private ChoiceNode choice(ChoiceNode existing, EditNode e, Operation inherited) throws EditException {
        ChoiceSchemaNode choice = (ChoiceSchemaNode) e.schema;
        LinkedHashMap<PathArgument, DataContainerChild> children = new LinkedHashMap<>();
        if (existing != null) {
            for (DataContainerChild c : existing.body()) {
                children.put(c.name(), c);
            }
        }
        for (EditNode c : e.children) {
            NormalizedNode after = apply(children.get(c.id), c, inherited);
            if (after == null) {
                children.remove(c.id);
                continue;
            }
            // a node of one case now exists: the nodes of every other case go (RFC 7950 section 7.9)
            CaseSchemaNode active = SchemaIndex.caseOf(choice, c.id.getNodeType());
            children.keySet().removeIf(k -> !active.equals(SchemaIndex.caseOf(choice, k.getNodeType())));
            children.put(c.id, (DataContainerChild) after);
        }
        if (children.isEmpty()) {
            return null;
        }
        return ImmutableNodes.newChoiceBuilder().withNodeIdentifier((NodeIdentifier) e.id)
                .withValue(new ArrayList<>(children.values())).build();
    }

    private MapNode list(MapNode existing, EditNode e, Operation inherited) throws EditException {
        boolean userOrdered = ((ListSchemaNode) e.schema).isUserOrdered();
        LinkedHashMap<PathArgument, MapEntryNode> entries = new LinkedHashMap<>();
        if (existing != null) {
            for (MapEntryNode entry : existing.body()) {
                entries.put(entry.name(), entry);
            }
        }
        entries = sequence(entries, e, inherited, MapEntryNode.class);
        if (entries.isEmpty()) {
            return null;
        }
        var values = new ArrayList<>(entries.values());
        NodeIdentifier id = (NodeIdentifier) e.id;
        return userOrdered ? ImmutableNodes.newUserMapBuilder().withNodeIdentifier(id).withValue(values).build()
                : ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(id).withValue(values).build();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private LeafSetNode<?> leafList(LeafSetNode<?> existing, EditNode e, Operation inherited) throws EditException {
        boolean userOrdered = ((LeafListSchemaNode) e.schema).isUserOrdered();
        LinkedHashMap<PathArgument, LeafSetEntryNode> entries = new LinkedHashMap<>();
        if (existing != null) {
            for (LeafSetEntryNode<?> entry : existing.body()) {
                entries.put(entry.name(), entry);
            }
        }
        entries = sequence(entries, e, inherited, LeafSetEntryNode.class);
        if (entries.isEmpty()) {
            return null;
        }
        List values = new ArrayList<>(entries.values());
        NodeIdentifier id = (NodeIdentifier) e.id;
        return userOrdered ? (LeafSetNode<?>) ImmutableNodes.newUserLeafSetBuilder().withNodeIdentifier(id)
                .withValue(values).build()
                : (LeafSetNode<?>) ImmutableNodes.newSystemLeafSetBuilder().withNodeIdentifier(id).withValue(values)
                .build();
    }

    /** Applies the entry edits of a list or leaf-list in order, placing entries as {@code insert} says. */
    private <V extends NormalizedNode> LinkedHashMap<PathArgument, V> sequence(
            LinkedHashMap<PathArgument, V> entries, EditNode group, Operation inherited, Class<V> type)
            throws EditException {
        for (EditNode c : group.children) {
            Operation op = c.operation != null ? c.operation : inherited;
            NormalizedNode after = element(entries.get(c.id), c, inherited);
            if (after == null) {
                entries.remove(c.id);
            } else if (c.insert != null && op != Operation.NONE) {
                entries = place(entries, c, type.cast(after));
            } else {
                entries.put(c.id, type.cast(after)); // an existing entry keeps its place, a new one goes last
            }
        }
        return entries;
    }

    private <V> LinkedHashMap<PathArgument, V> place(LinkedHashMap<PathArgument, V> entries, EditNode c, V entry)
            throws EditException {
        Insert insert = c.insert;
        List<PathArgument> order = new ArrayList<>(entries.keySet());
        order.remove(c.id);
        int at = switch (insert.where()) {
            case FIRST -> 0;
            case LAST -> order.size();
            case BEFORE, AFTER -> {
                String attribute = c.kind == Kind.ENTRY ? "key" : "value";
                if (insert.anchor().equals(c.id)) {
                    throw new EditException(EditError.protocol(EditError.BAD_ATTRIBUTE, xpath(c),
                            describe(c) + " cannot be placed relative to itself", Map.of("bad-attribute", attribute)));
                }
                int anchor = order.indexOf(insert.anchor());
                if (anchor < 0) {
                    throw new EditException(EditError.protocol(EditError.BAD_ATTRIBUTE, xpath(c),
                            "the " + attribute + " attribute of " + describe(c)
                                    + " names an entry that does not exist: "
                                    + YangPaths.readable(schema, YangInstanceIdentifier.of(insert.anchor())),
                            Map.of("bad-attribute", attribute))
                            .withAppTag(EditError.MISSING_INSTANCE));
                }
                yield insert.where() == Insert.Where.BEFORE ? anchor : anchor + 1;
            }
        };
        order.add(at, c.id);
        LinkedHashMap<PathArgument, V> placed = new LinkedHashMap<>();
        for (PathArgument k : order) {
            placed.put(k, k.equals(c.id) ? entry : entries.get(k));
        }
        return placed;
    }

    private String describe(EditNode e) {
        return "'" + YangPaths.readable(schema, e.path.toDataPath()) + "'";
    }

    private YangPaths.XPath xpath(EditNode e) {
        return YangPaths.prefixed(schema, e.path.toDataPath());
    }

    private EditException error(String tag, EditNode e, String message) {
        return new EditException(EditError.application(tag, xpath(e), message, Map.of()));
    }
}

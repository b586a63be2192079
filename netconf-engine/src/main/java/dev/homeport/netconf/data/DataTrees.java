package dev.homeport.netconf.data;

import dev.homeport.netconf.xml.SafeXml;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import javax.xml.transform.dom.DOMSource;
import org.opendaylight.yangtools.yang.data.api.schema.AnyxmlNode;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.UnkeyedListEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.UnkeyedListNode;
import org.opendaylight.yangtools.yang.data.api.schema.UserLeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.UserMapNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.SchemaContext;

/**
 * Whole-tree helpers for data roots.
 *
 * <p>Two trees can mean the same configuration and still differ as NormalizedNode: a non-presence container, a choice,
 * a list or a leaf-list with nothing in it has no meaning of its own (RFC 7950 section 7.5.1) but is kept by the XML
 * parser when the XML has an empty element. {@link #withoutEmptyNodes} drops those, which is the form
 * {@link EditApplier} produces and {@link DataDelta} compares. {@link #sameData} compares trees including the order
 * of ordered-by-user leaf-lists, which the nodes' own {@code equals} ignores.
 */
public final class DataTrees {
    private static final NodeIdentifier ROOT = new NodeIdentifier(SchemaContext.NAME);
    private static final ContainerNode EMPTY = ImmutableNodes.newContainerBuilder().withNodeIdentifier(ROOT).build();

    private DataTrees() {
    }

    /** The yangtools data root, {@code (urn:ietf:params:xml:ns:netconf:base:1.0)data}, with no children. */
    public static ContainerNode emptyData() {
        return EMPTY;
    }

    static NodeIdentifier rootIdentifier() {
        return ROOT;
    }

    /** The tree without empty non-presence containers, choices, lists and leaf-lists. Unchanged parts are shared. */
    public static ContainerNode withoutEmptyNodes(EffectiveModelContext context, ContainerNode data) {
        return prune(data, q -> context.dataChildByName(q), false);
    }

    /** The configuration part of a tree ({@code config false} nodes dropped), without empty nodes. */
    public static ContainerNode configOnly(EffectiveModelContext context, ContainerNode data) {
        return prune(data, q -> context.dataChildByName(q), true);
    }

    /**
     * Deep equality that also compares the order of ordered-by-user lists and leaf-lists. (The yangtools nodes'
     * {@code equals} ignores the order of ordered-by-user leaf-lists, which is configuration.)
     */
    public static boolean sameData(NormalizedNode a, NormalizedNode b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null || !a.name().equals(b.name()) || a.contract() != b.contract()) {
            return false;
        }
        if (a instanceof DataContainerNode ac) {
            DataContainerNode bc = (DataContainerNode) b;
            if (ac.size() != bc.size()) {
                return false;
            }
            for (DataContainerChild child : ac.body()) {
                if (!sameData(child, bc.childByArg(child.name()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof MapNode am) {
            MapNode bm = (MapNode) b;
            if (am.size() != bm.size()) {
                return false;
            }
            if (am instanceof UserMapNode) {
                return sameInOrder(am.body(), bm.body());
            }
            for (MapEntryNode entry : am.body()) {
                if (!sameData(entry, bm.childByArg(entry.name()))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof UserLeafSetNode<?> al) {
            return sameInOrder(al.body(), ((UserLeafSetNode<?>) b).body());
        }
        if (a instanceof UnkeyedListNode al) {
            return sameInOrder(al.body(), ((UnkeyedListNode) b).body());
        }
        if (a instanceof AnyxmlNode<?> ax && ax.body() instanceof DOMSource as
                && ((AnyxmlNode<?>) b).body() instanceof DOMSource bs) {
            return SafeXml.toString(as.getNode()).equals(SafeXml.toString(bs.getNode()));
        }
        return a.equals(b);
    }

    private static boolean sameInOrder(Collection<? extends NormalizedNode> a, Collection<? extends NormalizedNode> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Iterator<? extends NormalizedNode> bi = b.iterator();
        for (NormalizedNode x : a) {
            if (!sameData(x, bi.next())) {
                return false;
            }
        }
        return true;
    }

    @SuppressWarnings("unchecked")
    private static <T extends DataContainerNode> T prune(T node, Function<QName, DataSchemaNode> schemaOf,
                                                         boolean dropState) {
        List<DataContainerChild> kept = new ArrayList<>(node.size());
        boolean changed = false;
        for (DataContainerChild child : node.body()) {
            DataSchemaNode childSchema = schemaOf.apply(child.name().getNodeType());
            DataContainerChild result = childSchema == null ? child : pruneChild(child, childSchema, dropState);
            if (result != child) {
                changed = true;
            }
            if (result != null) {
                kept.add(result);
            }
        }
        if (!changed) {
            return node;
        }
        return (T) rebuild(node, kept);
    }

    private static DataContainerNode rebuild(DataContainerNode node, List<DataContainerChild> children) {
        if (node instanceof ContainerNode c) {
            return ImmutableNodes.newContainerBuilder().withNodeIdentifier(c.name()).withValue(children).build();
        }
        if (node instanceof MapEntryNode e) {
            return ImmutableNodes.newMapEntryBuilder().withNodeIdentifier(e.name()).withValue(children).build();
        }
        if (node instanceof ChoiceNode ch) {
            return ImmutableNodes.newChoiceBuilder().withNodeIdentifier(ch.name()).withValue(children).build();
        }
        if (node instanceof UnkeyedListEntryNode u) {
            return ImmutableNodes.newUnkeyedListEntryBuilder().withNodeIdentifier(u.name()).withValue(children)
                    .build();
        }
        throw new IllegalArgumentException("not a data container: " + node.contract().getSimpleName());
    }

    /** The child as it should stay: itself when unchanged, a new node, or null when it goes. */
    private static DataContainerChild pruneChild(DataContainerChild child, DataSchemaNode schema, boolean dropState) {
        if (dropState && !SchemaIndex.isConfig(schema)) {
            return null;
        }
        if (child instanceof ContainerNode c && schema instanceof DataNodeContainer cs) {
            ContainerNode pruned = prune(c, cs::dataChildByName, dropState);
            return pruned.isEmpty() && !SchemaIndex.isPresence(schema) ? null : pruned;
        }
        if (child instanceof ChoiceNode choice && schema instanceof ChoiceSchemaNode cs) {
            ChoiceNode pruned = prune(choice, q -> {
                CaseSchemaNode caseNode = SchemaIndex.caseOf(cs, q);
                return caseNode == null ? null : caseNode.dataChildByName(q);
            }, dropState);
            return pruned.isEmpty() ? null : pruned;
        }
        if (child instanceof MapNode map && schema instanceof DataNodeContainer ls) {
            if (map.isEmpty()) {
                return null;
            }
            List<MapEntryNode> entries = new ArrayList<>(map.size());
            boolean changed = false;
            for (MapEntryNode entry : map.body()) {
                MapEntryNode pruned = prune(entry, ls::dataChildByName, dropState);
                changed |= pruned != entry;
                entries.add(pruned);
            }
            if (!changed) {
                return map;
            }
            return map instanceof UserMapNode
                    ? ImmutableNodes.newUserMapBuilder().withNodeIdentifier(map.name()).withValue(entries).build()
                    : ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(map.name()).withValue(entries).build();
        }
        if (child instanceof LeafSetNode<?> set) {
            return set.isEmpty() ? null : set;
        }
        if (child instanceof UnkeyedListNode list) {
            return list.isEmpty() ? null : list;
        }
        return child;
    }
}

package dev.homeport.netconf.server.sim;

import dev.homeport.netconf.data.DataTrees;
import dev.homeport.netconf.data.DataXPath;
import dev.homeport.netconf.message.WithDefaultsMode;
import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.Namespaces;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.xpath.api.YangExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangLocationPath;
import org.opendaylight.yangtools.yang.xpath.api.YangNaryExpr;
import org.opendaylight.yangtools.yang.xpath.api.YangNaryOperator;
import org.w3c.dom.Element;

/**
 * get, get-config and get-data: the view of a datastore (operational being running, static state, generated state
 * and the server's own state), filtered (subtree or XPath), cut to a depth, with defaults as asked, as XML.
 */
final class Reads {
    /**
     * A filter: a subtree element, an XPath query, or neither (everything). {@code roots}: the top-level nodes it can
     * select, or null when it may select anything (state generators for other roots are then skipped).
     */
    record Filter(Element subtree, DataXPath.Query xpath, Set<QName> roots, boolean streams) {
        static final Filter ALL = new Filter(null, null, null, true);

        boolean selects(Set<QName> candidates) {
            if (roots == null || candidates.isEmpty()) {
                return true;
            }
            for (QName c : candidates) {
                for (QName r : roots) {
                    if (r.getLocalName().equals(c.getLocalName()) && (r.getNamespace() == null
                            || r.getNamespace().equals(c.getNamespace()))) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    private Reads() {
    }

    static Filter subtree(Element holder) {
        Set<QName> roots = new HashSet<>();
        boolean streams = false;
        for (Element e : Dom.children(holder)) {
            String ns = e.getNamespaceURI();
            if (ns == null || ns.isEmpty() || ns.equals(Namespaces.BASE)) {
                roots = null; // an unqualified name matches in every module
                streams |= e.getLocalName().equals("netconf");
                break;
            }
            if (ns.equals(ServerStateData.STREAMS_NS) && e.getLocalName().equals("netconf")) {
                streams = true;
            }
            try {
                roots.add(QName.create(ns, e.getLocalName()));
            } catch (IllegalArgumentException ex) {
                // not a namespace any module could have: selects nothing
            }
        }
        return new Filter(holder, null, roots, streams);
    }

    static Filter xpath(DataXPath.Query q, Map<String, String> namespaces) {
        Set<QName> roots = new HashSet<>();
        if (!collectRoots(q.expression().getRootExpr(), roots)) {
            roots = null;
        }
        return new Filter(null, q, roots, namespaces.containsValue(ServerStateData.STREAMS_NS));
    }

    /** The first steps of an absolute path or a union of them; false when the expression is anything else. */
    private static boolean collectRoots(YangExpr e, Set<QName> out) {
        if (e instanceof YangLocationPath p && p.isAbsolute() && !p.getSteps().isEmpty()
                && p.getSteps().get(0) instanceof YangLocationPath.ResolvedQNameStep q
                && p.getSteps().get(0).getAxis() == org.opendaylight.yangtools.yang.xpath.api.YangXPathAxis.CHILD) {
            out.add(q.getQName());
            return true;
        }
        if (e instanceof YangNaryExpr n && n.getOperator() == YangNaryOperator.UNION) {
            for (YangExpr x : n.getExpressions()) {
                if (!collectRoots(x, out)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- views

    /** Running, static state, generated state and server state: the operational datastore (RFC 8342). */
    static ContainerNode operational(SimulatedDevice device, SimulatedDevice.Snapshot snap, Filter filter) {
        Profile p = device.profile();
        ContainerNode tree = DataTrees.merge(snap.running(), p.staticState());
        StateGenerator.Input input = new StateGenerator.Input(p, snap.running(), snap.now(), snap.bootTime(),
                device.seed(), snap.counterResets());
        for (StateGenerator g : p.generators()) {
            if (filter.selects(g.roots())) {
                tree = DataTrees.merge(tree, g.generate(input));
            }
        }
        if (filter.selects(Set.of(ServerStateData.YANG_LIBRARY, ServerStateData.MODULES_STATE))) {
            tree = DataTrees.merge(tree, p.yangLibrary());
        }
        if (filter.selects(Set.of(ServerStateData.NETCONF_STATE))) {
            tree = DataTrees.merge(tree, ServerStateData.monitoring(device));
        }
        return tree;
    }

    static ContainerNode filter(Profile p, ContainerNode tree, Filter f) throws RpcFailure {
        if (f.subtree() != null) {
            return p.subtreeFilter().apply(tree, f.subtree());
        }
        if (f.xpath() != null) {
            try {
                return p.xpath().filter(tree, f.xpath());
            } catch (DataXPath.InvalidXPathException e) {
                throw RpcFailure.badElement("filter", e.getMessage());
            }
        }
        return tree;
    }

    /** The data as XML (the children of a data element), with-defaults applied. */
    static String write(Profile p, ContainerNode tree, WithDefaultsMode mode, boolean configOnly) {
        if (mode == WithDefaultsMode.REPORT_ALL_TAGGED) {
            return p.withDefaults().toXml(p.codec(), tree, configOnly);
        }
        return p.codec().toXml(mode == null ? tree : p.withDefaults().apply(tree, mode, configOnly));
    }

    /** A data element; declares the with-defaults attribute's prefix, which report-all-tagged output uses. */
    static String data(String namespace, String content) {
        return "<data xmlns=\"" + namespace + "\" xmlns:" + dev.homeport.netconf.data.WithDefaults.PREFIX + "=\""
                + Namespaces.WITH_DEFAULTS_ATTR + "\">" + content + "</data>";
    }

    static String dataBase(String content) {
        return data(Namespaces.BASE, content);
    }

    // ---------------------------------------------------------------- get-data's config-filter and max-depth

    /** Only config false nodes, with the containers and list entries (keys included) that hold them. */
    static ContainerNode stateOnly(Profile p, ContainerNode root) {
        DataContainerNode r = stateOnly(root, p.context());
        return r == null ? DataTrees.emptyData() : (ContainerNode) r;
    }

    private static DataContainerNode stateOnly(DataContainerNode node, DataNodeContainer schema) {
        List<DataContainerChild> kept = new ArrayList<>();
        for (DataContainerChild c : node.body()) {
            DataSchemaNode s = schema.dataChildByName(c.name().getNodeType());
            if (s == null) {
                continue;
            }
            if (!s.effectiveConfig().orElse(true)) {
                kept.add(c);
                continue;
            }
            switch (c) {
                case ContainerNode cn when s instanceof DataNodeContainer cs -> {
                    DataContainerNode r = stateOnly(cn, cs);
                    if (r != null) {
                        kept.add((DataContainerChild) r);
                    }
                }
                case MapNode map when s instanceof ListSchemaNode ls -> {
                    List<MapEntryNode> entries = new ArrayList<>();
                    for (MapEntryNode e : map.body()) {
                        DataContainerNode r = stateOnly(e, ls);
                        if (r != null) {
                            entries.add(withKeys(e, r.body()));
                        }
                    }
                    if (!entries.isEmpty()) {
                        kept.add(ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(map.name())
                                .withValue(entries).build());
                    }
                }
                case ChoiceNode ch when s instanceof ChoiceSchemaNode cs -> {
                    List<DataContainerChild> inner = new ArrayList<>();
                    for (DataContainerChild cc : ch.body()) {
                        for (CaseSchemaNode k : cs.getCases()) {
                            DataSchemaNode ks = k.dataChildByName(cc.name().getNodeType());
                            if (ks != null && !ks.effectiveConfig().orElse(true)) {
                                inner.add(cc);
                            }
                        }
                    }
                    if (!inner.isEmpty()) {
                        kept.add(ImmutableNodes.newChoiceBuilder().withNodeIdentifier(ch.name()).withValue(inner)
                                .build());
                    }
                }
                default -> {
                }
            }
        }
        if (kept.isEmpty() && !(node instanceof ContainerNode c && c.name().equals(DataTrees.emptyData().name()))) {
            return null;
        }
        return rebuild(node, kept);
    }

    /** Nodes deeper than {@code maxDepth} left out (top-level nodes are depth 1); list entries keep their keys. */
    static ContainerNode depth(ContainerNode root, int maxDepth) {
        return (ContainerNode) cut(root, maxDepth, 0);
    }

    private static DataContainerNode cut(DataContainerNode node, int maxDepth, int depth) {
        List<DataContainerChild> kept = new ArrayList<>();
        for (DataContainerChild c : node.body()) {
            switch (c) {
                case ChoiceNode ch -> kept.add((DataContainerChild) cut(ch, maxDepth, depth));
                case MapNode map -> {
                    if (depth + 1 > maxDepth) {
                        continue;
                    }
                    List<MapEntryNode> entries = new ArrayList<>();
                    for (MapEntryNode e : map.body()) {
                        MapEntryNode cutEntry = (MapEntryNode) cut(e, maxDepth, depth + 1);
                        entries.add(withKeys(e, cutEntry.body()));
                    }
                    kept.add(ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(map.name()).withValue(entries)
                            .build());
                }
                case DataContainerNode dc -> {
                    if (depth + 1 <= maxDepth) {
                        kept.add((DataContainerChild) cut(dc, maxDepth, depth + 1));
                    }
                }
                default -> {
                    if (depth + 1 <= maxDepth) {
                        kept.add(c);
                    }
                }
            }
        }
        return rebuild(node, kept);
    }

    private static MapEntryNode withKeys(MapEntryNode entry, java.util.Collection<DataContainerChild> children) {
        List<DataContainerChild> out = new ArrayList<>();
        for (QName k : entry.name().keySet()) {
            DataContainerChild key = entry.childByArg(new NodeIdentifier(k));
            if (key != null && children.stream().noneMatch(c -> c.name().equals(key.name()))) {
                out.add(key);
            }
        }
        out.addAll(children);
        return ImmutableNodes.newMapEntryBuilder().withNodeIdentifier(entry.name()).withValue(out).build();
    }

    private static DataContainerNode rebuild(DataContainerNode node, List<DataContainerChild> children) {
        return switch (node) {
            case MapEntryNode e -> ImmutableNodes.newMapEntryBuilder().withNodeIdentifier(e.name())
                    .withValue(children).build();
            case ChoiceNode ch -> ImmutableNodes.newChoiceBuilder().withNodeIdentifier(ch.name()).withValue(children)
                    .build();
            default -> ImmutableNodes.newContainerBuilder().withNodeIdentifier((NodeIdentifier) node.name())
                    .withValue(children).build();
        };
    }
}

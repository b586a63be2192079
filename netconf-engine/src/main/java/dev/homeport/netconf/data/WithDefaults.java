package dev.homeport.netconf.data;

import com.google.common.collect.ImmutableMap;
import dev.homeport.netconf.message.WithDefaultsMode;
import dev.homeport.netconf.xml.Namespaces;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.stream.ForwardingNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.Module;
import org.opendaylight.yangtools.yang.model.api.ModuleImport;
import org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode;

/**
 * RFC 6243 with-defaults on data trees. Datastores hold what was set ({@code explicit}, the basic mode); this class
 * makes the other views: {@code report-all} adds every default leaf (and leaf-list) whose parent exists, including
 * inside non-presence containers and the default case of a choice no case of which is present; {@code trim} drops
 * leaves whose value is their default; {@code report-all-tagged} is report-all with {@code wd:default="true"} on the
 * nodes that were not set, written by {@link #toXml}.
 *
 * <p>Leaves under a {@code when} are treated like any other (evaluating {@code when} here would need the whole tree).
 */
public final class WithDefaults {
    public static final QName DEFAULT_ATTRIBUTE = QName.create(Namespaces.WITH_DEFAULTS_ATTR, "default");
    /** The prefix of {@code wd:default} in {@link #toXml}; the enclosing element must declare it. */
    public static final String PREFIX = "wd";

    private final EffectiveModelContext context;
    private final SchemaIndex schema;
    /** Parsed default values per leaf or leaf-list schema node; a leaf without a usable default maps to NONE. */
    private final Map<TypedDataSchemaNode, Object> defaults = new ConcurrentHashMap<>();
    private static final Object NONE = new Object();

    public WithDefaults(EffectiveModelContext context) {
        this.context = context;
        this.schema = new SchemaIndex(context);
    }

    /**
     * The tree as {@code mode} reports it. {@code configOnly}: add no defaults of state data (for get-config).
     * {@code explicit} and {@code report-all-tagged} return the tree unchanged (tagging happens in {@link #toXml}).
     */
    public ContainerNode apply(ContainerNode root, WithDefaultsMode mode, boolean configOnly) {
        return switch (mode) {
            case REPORT_ALL -> addDefaults(root, configOnly);
            case TRIM -> trim(root);
            case EXPLICIT, REPORT_ALL_TAGGED -> root;
        };
    }

    /** Every default node added where its parent exists. Unchanged parts are shared. */
    public ContainerNode addDefaults(ContainerNode root, boolean configOnly) {
        return (ContainerNode) add(root, context, configOnly, true);
    }

    /** Leaves equal to their default removed. */
    public ContainerNode trim(ContainerNode root) {
        return (ContainerNode) trimNode(root, context);
    }

    /**
     * report-all-tagged as XML: {@code explicit} with every default added, where each added node carries
     * {@code wd:default="true"} (RFC 6243 section 3.4). The attribute uses the prefix {@value #PREFIX}, which the
     * element that encloses this XML (the reply's {@code <data>}) must declare for
     * {@code urn:ietf:params:xml:ns:netconf:default:1.0}.
     */
    public String toXml(XmlDataCodec codec, ContainerNode explicit, boolean configOnly) {
        ContainerNode all = addDefaults(explicit, configOnly);
        return codec.toXml(all, (xml, writer) -> {
            try {
                xml.setPrefix(PREFIX, Namespaces.WITH_DEFAULTS_ATTR);
            } catch (javax.xml.stream.XMLStreamException e) {
                throw new IllegalStateException(e);
            }
            return new Tagging(writer, explicit);
        });
    }

    // ---------------------------------------------------------------- report-all

    /** The node with defaults added below it; {@code node} itself when nothing was added. */
    private DataContainerNode add(DataContainerNode node, DataNodeContainer nodeSchema, boolean configOnly,
                                  boolean isRoot) {
        List<DataContainerChild> added = new ArrayList<>();
        boolean changed = false;
        Map<PathArgument, DataContainerChild> replaced = new HashMap<>();
        for (DataSchemaNode child : nodeSchema.getChildNodes()) {
            if (configOnly && !SchemaIndex.isConfig(child)) {
                continue;
            }
            if (isRoot && !(child instanceof ContainerSchemaNode || child instanceof ListSchemaNode)) {
                // top-level leaves with defaults exist only with their module's data; leave them out
                continue;
            }
            NodeIdentifier id = new NodeIdentifier(child.getQName());
            DataContainerChild existing = node.childByArg(id);
            DataContainerChild result = switch (child) {
                case LeafSchemaNode leaf -> existing != null ? existing : defaultLeaf(leaf);
                case LeafListSchemaNode list -> existing != null ? existing : defaultLeafList(list);
                case ContainerSchemaNode c -> {
                    if (existing instanceof ContainerNode cn) {
                        yield (DataContainerChild) add(cn, c, configOnly, false);
                    }
                    if (c.isPresenceContainer()) {
                        yield null;
                    }
                    ContainerNode empty = ImmutableNodes.newContainerBuilder().withNodeIdentifier(id).build();
                    ContainerNode filled = (ContainerNode) add(empty, c, configOnly, false);
                    yield filled.isEmpty() ? null : filled;
                }
                case ListSchemaNode l when existing instanceof MapNode map -> {
                    List<MapEntryNode> entries = new ArrayList<>(map.size());
                    boolean any = false;
                    for (MapEntryNode e : map.body()) {
                        MapEntryNode r = (MapEntryNode) add(e, l, configOnly, false);
                        any |= r != e;
                        entries.add(r);
                    }
                    yield any ? DataTrees.rebuildMap(map, entries) : map;
                }
                case ChoiceSchemaNode ch -> choice((ChoiceNode) existing, ch, configOnly);
                default -> existing;
            };
            if (result != existing) {
                changed = true;
                if (existing == null) {
                    added.add(result);
                } else {
                    replaced.put(existing.name(), result);
                }
            }
        }
        if (!changed) {
            return node;
        }
        List<DataContainerChild> children = new ArrayList<>(node.size() + added.size());
        for (DataContainerChild c : node.body()) {
            DataContainerChild r = replaced.get(c.name());
            children.add(r != null ? r : c);
        }
        for (DataContainerChild a : added) {
            if (a != null) {
                children.add(a);
            }
        }
        return DataTrees.rebuildContainer(node, children);
    }

    private ChoiceNode choice(ChoiceNode existing, ChoiceSchemaNode ch, boolean configOnly) {
        CaseSchemaNode active = null;
        if (existing != null) {
            for (DataContainerChild c : existing.body()) {
                active = SchemaIndex.caseOf(ch, c.name().getNodeType());
                if (active != null) {
                    break;
                }
            }
        } else {
            active = ch.getDefaultCase().orElse(null);
        }
        if (active == null) {
            return existing;
        }
        ChoiceNode base = existing != null ? existing
                : ImmutableNodes.newChoiceBuilder().withNodeIdentifier(new NodeIdentifier(ch.getQName())).build();
        ChoiceNode result = (ChoiceNode) add(base, active, configOnly, false);
        if (existing == null && result.isEmpty()) {
            return null;
        }
        return result;
    }

    private LeafNode<?> defaultLeaf(LeafSchemaNode leaf) {
        Object value = defaultValue(leaf);
        return value == null ? null : ImmutableNodes.leafNode(leaf.getQName(), value);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private LeafSetNode<?> defaultLeafList(LeafListSchemaNode list) {
        Object values = defaultValue(list);
        if (!(values instanceof List<?> l) || l.isEmpty()) {
            return null;
        }
        var b = list.isUserOrdered() ? ImmutableNodes.newUserLeafSetBuilder() : ImmutableNodes.newSystemLeafSetBuilder();
        b.withNodeIdentifier(new NodeIdentifier(list.getQName()));
        for (Object v : l) {
            b.withChild(ImmutableNodes.leafSetEntry(list.getQName(), v));
        }
        return (LeafSetNode<?>) b.build();
    }

    /** A leaf's parsed default, a leaf-list's list of parsed defaults, or null. */
    private Object defaultValue(TypedDataSchemaNode node) {
        Object v = defaults.computeIfAbsent(node, n -> {
            try {
                if (n instanceof LeafSchemaNode leaf) {
                    if (leaf.isMandatory()) {
                        return NONE;
                    }
                    return leaf.getType().getDefaultValue().map(d -> parse(n, String.valueOf(d))).orElse(NONE);
                }
                LeafListSchemaNode list = (LeafListSchemaNode) n;
                Collection<?> texts = list.getDefaults();
                if (texts.isEmpty()) {
                    return NONE;
                }
                List<Object> parsed = new ArrayList<>();
                for (Object t : texts) {
                    parsed.add(parse(n, String.valueOf(t)));
                }
                return List.copyOf(parsed);
            } catch (RuntimeException e) {
                return NONE; // a default the codec cannot read (e.g. a leafref's): not reported
            }
        });
        return v == NONE ? null : v;
    }

    private Object parse(TypedDataSchemaNode node, String text) {
        // the default is written in the defining module, whose prefixes an identityref default may use
        return schema.codec(node, () -> {
            throw new IllegalStateException("defaults of leafrefs are not reported");
        }).parseValue(new ModulePrefixes(node.getQName()), text);
    }

    /** The prefixes a module can use: its own and its imports', then any module's own prefix. */
    private final class ModulePrefixes implements NamespaceContext {
        private final Module module;

        ModulePrefixes(QName of) {
            this.module = context.findModule(of.getModule()).orElse(null);
        }

        @Override
        public String getNamespaceURI(String prefix) {
            if (module != null) {
                if (module.getPrefix().equals(prefix)) {
                    return module.getNamespace().toString();
                }
                for (ModuleImport imp : module.getImports()) {
                    if (imp.getPrefix().equals(prefix)) {
                        for (Module m : context.getModules()) {
                            if (m.getName().equals(imp.getModuleName().getLocalName())) {
                                return m.getNamespace().toString();
                            }
                        }
                    }
                }
            }
            for (Module m : context.getModules()) {
                if (m.getPrefix().equals(prefix)) {
                    return m.getNamespace().toString();
                }
            }
            return XMLConstants.NULL_NS_URI;
        }

        @Override
        public String getPrefix(String namespaceURI) {
            return null;
        }

        @Override
        public Iterator<String> getPrefixes(String namespaceURI) {
            return Collections.emptyIterator();
        }
    }

    // ---------------------------------------------------------------- trim

    private NormalizedNode trimNode(NormalizedNode node, DataNodeContainer nodeSchema) {
        if (!(node instanceof DataContainerNode dc)) {
            return node;
        }
        List<DataContainerChild> kept = new ArrayList<>(dc.size());
        boolean changed = false;
        for (DataContainerChild c : dc.body()) {
            DataContainerChild r = trimChild(c, nodeSchema);
            changed |= r != c;
            if (r != null) {
                kept.add(r);
            }
        }
        return changed ? DataTrees.rebuildContainer(dc, kept) : node;
    }

    private DataContainerChild trimChild(DataContainerChild c, DataNodeContainer parentSchema) {
        QName name = c.name().getNodeType();
        if (c instanceof ChoiceNode choice) {
            DataSchemaNode s = parentSchema.dataChildByName(name);
            if (!(s instanceof ChoiceSchemaNode ch)) {
                return c;
            }
            List<DataContainerChild> kept = new ArrayList<>();
            boolean changed = false;
            for (DataContainerChild cc : choice.body()) {
                CaseSchemaNode caseNode = SchemaIndex.caseOf(ch, cc.name().getNodeType());
                DataContainerChild r = caseNode == null ? cc : trimChild(cc, caseNode);
                changed |= r != cc;
                if (r != null) {
                    kept.add(r);
                }
            }
            if (!changed) {
                return c;
            }
            return kept.isEmpty() ? null : (DataContainerChild) DataTrees.rebuildContainer(choice, kept);
        }
        DataSchemaNode s = parentSchema.dataChildByName(name);
        return switch (c) {
            case LeafNode<?> leaf when s instanceof LeafSchemaNode ls ->
                    Objects.equals(defaultValue(ls), leaf.body()) ? null : c;
            case ContainerNode cn when s instanceof ContainerSchemaNode cs -> {
                ContainerNode r = (ContainerNode) trimNode(cn, cs);
                yield r.isEmpty() && !cs.isPresenceContainer() ? null : r;
            }
            case MapNode map when s instanceof ListSchemaNode ls -> {
                List<MapEntryNode> entries = new ArrayList<>(map.size());
                boolean changed = false;
                for (MapEntryNode e : map.body()) {
                    MapEntryNode r = (MapEntryNode) trimEntry(e, ls);
                    changed |= r != e;
                    entries.add(r);
                }
                yield changed ? DataTrees.rebuildMap(map, entries) : map;
            }
            default -> c;
        };
    }

    /** Keys are never trimmed: the entry needs them. */
    private NormalizedNode trimEntry(MapEntryNode e, ListSchemaNode ls) {
        List<DataContainerChild> kept = new ArrayList<>(e.size());
        boolean changed = false;
        for (DataContainerChild c : e.body()) {
            DataContainerChild r = ls.getKeyDefinition().contains(c.name().getNodeType()) ? c : trimChild(c, ls);
            changed |= r != c;
            if (r != null) {
                kept.add(r);
            }
        }
        return changed ? DataTrees.rebuildContainer(e, kept) : e;
    }

    // ---------------------------------------------------------------- tagging while writing

    /**
     * Passes events to the XML writer and, for each leaf or leaf-list entry the explicit tree does not have, adds the
     * {@code wd:default} attribute. Keeps a stack of the explicit tree's nodes parallel to the nodes being written.
     */
    private static final class Tagging extends ForwardingNormalizedNodeStreamWriter {
        private static final ImmutableMap<QName, Object> TAG = ImmutableMap.of(DEFAULT_ATTRIBUTE, "true");
        private final NormalizedNodeStreamWriter delegate;
        private final List<NormalizedNode> explicit = new ArrayList<>();

        Tagging(NormalizedNodeStreamWriter delegate, ContainerNode explicitRoot) {
            this.delegate = delegate;
            explicit.add(explicitRoot);
        }

        @Override
        protected NormalizedNodeStreamWriter delegate() {
            return delegate;
        }

        private NormalizedNode top() {
            return explicit.get(explicit.size() - 1);
        }

        private void enter(PathArgument arg) {
            NormalizedNode t = top();
            NormalizedNode child = switch (t) {
                case null -> null;
                case DataContainerNode c -> arg instanceof NodeIdentifier id ? c.childByArg(id) : null;
                case MapNode m -> arg instanceof NodeIdentifierWithPredicates p ? m.childByArg(p) : null;
                case LeafSetNode<?> s -> arg instanceof NodeWithValue<?> v ? s.childByArg(v) : null;
                default -> null;
            };
            explicit.add(child);
        }

        private void tagIfDefault() throws IOException {
            if (top() == null) {
                var md = delegate.extension(MetadataExtension.class);
                if (md != null) {
                    md.metadata(TAG);
                }
            }
        }

        @Override
        public void startLeafNode(NodeIdentifier name) throws IOException {
            super.startLeafNode(name);
            enter(name);
            tagIfDefault();
        }

        @Override
        public void startLeafSet(NodeIdentifier name, int hint) throws IOException {
            super.startLeafSet(name, hint);
            enter(name);
        }

        @Override
        public void startOrderedLeafSet(NodeIdentifier name, int hint) throws IOException {
            super.startOrderedLeafSet(name, hint);
            enter(name);
        }

        @Override
        public void startLeafSetEntryNode(NodeWithValue<?> name) throws IOException {
            super.startLeafSetEntryNode(name);
            enter(name);
            tagIfDefault();
        }

        @Override
        public void startContainerNode(NodeIdentifier name, int hint) throws IOException {
            super.startContainerNode(name, hint);
            enter(name);
        }

        @Override
        public void startUnkeyedList(NodeIdentifier name, int hint) throws IOException {
            super.startUnkeyedList(name, hint);
            explicit.add(null);
        }

        @Override
        public void startUnkeyedListItem(NodeIdentifier name, int hint) throws IOException {
            super.startUnkeyedListItem(name, hint);
            explicit.add(null);
        }

        @Override
        public void startMapNode(NodeIdentifier name, int hint) throws IOException {
            super.startMapNode(name, hint);
            enter(name);
        }

        @Override
        public void startOrderedMapNode(NodeIdentifier name, int hint) throws IOException {
            super.startOrderedMapNode(name, hint);
            enter(name);
        }

        @Override
        public void startMapEntryNode(NodeIdentifierWithPredicates id, int hint) throws IOException {
            super.startMapEntryNode(id, hint);
            enter(id);
        }

        @Override
        public void startChoiceNode(NodeIdentifier name, int hint) throws IOException {
            super.startChoiceNode(name, hint);
            enter(name);
        }

        @Override
        public boolean startAnyxmlNode(NodeIdentifier name, Class<?> model) throws IOException {
            boolean r = super.startAnyxmlNode(name, model);
            if (r) {
                explicit.add(null);
            }
            return r;
        }

        @Override
        public boolean startAnydataNode(NodeIdentifier name, Class<?> model) throws IOException {
            boolean r = super.startAnydataNode(name, model);
            if (r) {
                explicit.add(null);
            }
            return r;
        }

        @Override
        public void endNode() throws IOException {
            super.endNode();
            explicit.remove(explicit.size() - 1);
        }
    }
}

package dev.homeport.browser.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNodeContainer;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.IdentitySchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.TypeDefinition;
import org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.type.BooleanTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.EnumTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.IdentityrefTypeDefinition;
import org.opendaylight.yangtools.yang.model.api.type.LeafrefTypeDefinition;

/**
 * Instance data next to its schema, for the data view and the staged edits: the schema node of a data node, values
 * as text the way XML writes them ({@code module:identity} for identities), and what a value may be (enumeration
 * names, identities, leafref targets found in the current data). Value checking itself stays with the engine's
 * codec ({@link StagedEdits} stages nothing the codec refuses).
 */
public final class DataNodes {
    /** How a leaf's value is chosen in the editor. */
    public enum Editor { TEXT, BOOLEAN, CHOICE, LEAFREF }

    private final EffectiveModelContext context;

    public DataNodes(EffectiveModelContext context) {
        this.context = context;
    }

    public EffectiveModelContext context() {
        return context;
    }

    /** The schema node of {@code node} below {@code ancestors} (top-level first), when the schema has it. */
    public Optional<DataSchemaNode> schemaOf(List<NormalizedNode> ancestors, NormalizedNode node) {
        List<NormalizedNode> path = new ArrayList<>(ancestors);
        path.add(node);
        Object at = context;
        for (NormalizedNode n : path) {
            QName q = n.name().getNodeType();
            if ((n instanceof MapEntryNode || n instanceof LeafSetEntryNode<?>) && at instanceof DataSchemaNode s
                    && s.getQName().equals(q)) {
                continue; // an entry has the schema node of its list
            }
            Optional<DataSchemaNode> next = child(at, q);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            at = next.get();
        }
        return Optional.of((DataSchemaNode) at);
    }

    /** The schema node of a child named {@code child} below {@code ancestors}. */
    public Optional<DataSchemaNode> schemaOfChild(List<NormalizedNode> ancestors, QName child) {
        Optional<? extends Object> parent = ancestors.isEmpty() ? Optional.of(context)
                : schemaOf(ancestors.subList(0, ancestors.size() - 1), ancestors.get(ancestors.size() - 1));
        return parent.flatMap(p -> child(p, child));
    }

    /** A data child of a schema node (or of the schema's root), looking through the cases of a choice. */
    public Optional<DataSchemaNode> child(Object parent, QName name) {
        if (parent instanceof ChoiceSchemaNode choice) {
            for (CaseSchemaNode c : choice.getCases()) {
                DataSchemaNode d = c.dataChildByName(name);
                if (d != null) {
                    return Optional.of(d);
                }
            }
            return Optional.empty();
        }
        if (parent instanceof EffectiveModelContext ctx) {
            return ctx.findDataTreeChild(name);
        }
        return parent instanceof DataNodeContainer c ? Optional.ofNullable(c.dataChildByName(name)) : Optional.empty();
    }

    /**
     * What can be added below a data node (or the schema root for {@code null}): its lists (a new entry) and its
     * presence containers that are not there yet, also inside choices. Config nodes only.
     */
    public List<DataSchemaNode> addable(Object parentSchema, NormalizedNode existing) {
        Collection<? extends DataSchemaNode> kids = parentSchema instanceof EffectiveModelContext ctx
                ? ctx.getChildNodes() : parentSchema instanceof DataNodeContainer c ? c.getChildNodes() : List.of();
        List<DataSchemaNode> out = new ArrayList<>();
        for (DataSchemaNode k : kids) {
            addable(k, existing, out);
        }
        return out;
    }

    private void addable(DataSchemaNode k, NormalizedNode existing, List<DataSchemaNode> out) {
        if (!k.effectiveConfig().orElse(Boolean.TRUE)) {
            return;
        }
        if (k instanceof ListSchemaNode) {
            out.add(k);
        } else if (k instanceof ContainerSchemaNode c && c.isPresenceContainer() && !has(existing, k.getQName())) {
            out.add(k);
        } else if (k instanceof ChoiceSchemaNode ch) {
            for (CaseSchemaNode cs : ch.getCases()) {
                for (DataSchemaNode d : cs.getChildNodes()) {
                    addable(d, existing, out);
                }
            }
        }
    }

    private static boolean has(NormalizedNode parent, QName q) {
        if (!(parent instanceof NormalizedNodeContainer<?> c)) {
            return false;
        }
        for (NormalizedNode n : c.body()) {
            if (n.name().getNodeType().equals(q) || n instanceof ChoiceNode && has(n, q)) {
                return true;
            }
        }
        return false;
    }

    /** A value as NETCONF XML writes it: identities as {@code module:name}, bits separated by spaces. */
    public String text(Object value) {
        if (value instanceof QName q) {
            return context.findModule(q.getModule()).map(m -> m.getName() + ":" + q.getLocalName())
                    .orElse(q.getLocalName());
        }
        if (value instanceof Set<?> bits) {
            return bits.stream().map(String::valueOf).collect(Collectors.joining(" "));
        }
        return value == null ? "" : String.valueOf(value);
    }

    /** The value of a leaf or leaf-list entry as text, or "" for other nodes. */
    public String valueOf(NormalizedNode node) {
        return node instanceof LeafNode<?> l ? text(l.body())
                : node instanceof LeafSetEntryNode<?> e ? text(e.body()) : "";
    }

    /** The kind of editor a leaf's type calls for. */
    public Editor editor(DataSchemaNode leaf) {
        TypeDefinition<?> t = leaf instanceof TypedDataSchemaNode typed ? typed.getType() : null;
        if (t instanceof BooleanTypeDefinition) {
            return Editor.BOOLEAN;
        }
        if (t instanceof EnumTypeDefinition || t instanceof IdentityrefTypeDefinition) {
            return Editor.CHOICE;
        }
        if (t instanceof LeafrefTypeDefinition) {
            return Editor.LEAFREF;
        }
        return Editor.TEXT;
    }

    /** The values an enumeration or identityref leaf may take, in the schema's order (identities sorted). */
    public List<String> choices(DataSchemaNode leaf) {
        TypeDefinition<?> t = leaf instanceof TypedDataSchemaNode typed ? typed.getType() : null;
        if (t instanceof EnumTypeDefinition e) {
            return e.getValues().stream().map(EnumTypeDefinition.EnumPair::getName).toList();
        }
        if (t instanceof IdentityrefTypeDefinition id) {
            Set<String> out = new TreeSet<>();
            for (IdentitySchemaNode base : id.getIdentities()) {
                derived(base, out, new LinkedHashSet<>());
            }
            return List.copyOf(out);
        }
        return List.of();
    }

    private void derived(IdentitySchemaNode base, Set<String> out, Set<QName> seen) {
        for (IdentitySchemaNode d : context.getDerivedIdentities(base)) {
            if (seen.add(d.getQName())) {
                out.add(text(d.getQName()));
                derived(d, out, seen);
            }
        }
    }

    /**
     * The values a leafref may point at, found in {@code root} (the current data): the leaves at the reference's path,
     * matched by name (predicates are not evaluated: this is a list to choose from, the device checks the choice),
     * sorted.
     */
    public List<String> leafrefChoices(DataSchemaNode leaf, List<NormalizedNode> ancestors, NormalizedNode root) {
        TypeDefinition<?> t = leaf instanceof TypedDataSchemaNode typed ? typed.getType() : null;
        while (t != null && !(t instanceof LeafrefTypeDefinition)) {
            t = t.getBaseType();
        }
        if (!(t instanceof LeafrefTypeDefinition ref)) {
            return List.of();
        }
        String path = ref.getPathStatement().getOriginalString().replaceAll("\\[[^]]*]", "").strip();
        List<String> steps = new ArrayList<>(List.of(path.split("/")));
        List<NormalizedNode> start = new ArrayList<>();
        if (path.startsWith("/")) {
            steps.remove(0);
            start.add(root);
        } else {
            // relative: ".." steps from the leaf up through data nodes (lists and choices have no step of their own)
            List<NormalizedNode> up = ancestors.stream().filter(n -> !(n instanceof MapNode || n instanceof ChoiceNode
                    || n instanceof org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode<?>)).toList();
            int c = up.size();
            int i = 0;
            while (i < steps.size() && steps.get(i).equals("..")) {
                i++;
                c--;
            }
            steps = steps.subList(i, steps.size());
            start.add(c < 0 || up.isEmpty() ? root : up.get(Math.min(c, up.size() - 1)));
        }
        List<NormalizedNode> at = start;
        for (String step : steps) {
            String local = step.contains(":") ? step.substring(step.indexOf(':') + 1) : step;
            List<NormalizedNode> next = new ArrayList<>();
            for (NormalizedNode n : at) {
                collect(n, local, next);
            }
            at = next;
        }
        Set<String> out = new TreeSet<>(); // sorted: lists ordered by the system come in no useful order
        for (NormalizedNode n : at) {
            String v = valueOf(n);
            if (!v.isEmpty()) {
                out.add(v);
            }
        }
        return List.copyOf(out);
    }

    /** Children named {@code local}, looking through lists (their entries) and choices. */
    private static void collect(NormalizedNode parent, String local, List<NormalizedNode> out) {
        if (!(parent instanceof NormalizedNodeContainer<?> c)) {
            return;
        }
        for (NormalizedNode n : c.body()) {
            if (n instanceof ChoiceNode) {
                collect(n, local, out);
            } else if (n.name().getNodeType().getLocalName().equals(local)) {
                if (n instanceof MapNode m) {
                    out.addAll(m.body());
                } else if (n instanceof NormalizedNodeContainer<?> ll && !(n instanceof MapEntryNode)
                        && n instanceof org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode<?>) {
                    out.addAll(ll.body());
                } else {
                    out.add(n);
                }
            }
        }
    }

    /** A readable path: {@code /system/ntp/server[name=isp-ntp]/prefer}. Choices and lists have no step. */
    public String path(List<NormalizedNode> ancestors, QName last, Map<QName, String> lastKeys) {
        StringBuilder sb = new StringBuilder();
        for (NormalizedNode n : ancestors) {
            if (n instanceof ChoiceNode || n instanceof MapNode
                    || n instanceof org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode<?>) {
                continue;
            }
            sb.append('/').append(n.name().getNodeType().getLocalName());
            if (n instanceof MapEntryNode e) {
                sb.append(keys(e.name().entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, x -> text(x.getValue()), (a, b) -> a,
                                java.util.LinkedHashMap::new))));
            }
        }
        sb.append('/').append(last.getLocalName());
        if (!lastKeys.isEmpty()) {
            sb.append(keys(lastKeys));
        }
        return sb.toString();
    }

    private static String keys(Map<QName, String> keys) {
        return keys.entrySet().stream().map(k -> "[" + k.getKey().getLocalName() + "=" + k.getValue() + "]")
                .collect(Collectors.joining());
    }

    /** Whether a leaf is a key of the list entry it is in. */
    public static boolean isListKey(List<NormalizedNode> ancestors, NormalizedNode node) {
        return !ancestors.isEmpty() && ancestors.get(ancestors.size() - 1) instanceof MapEntryNode entry
                && entry.name().keySet().contains(node.name().getNodeType());
    }

    public static boolean isLeaf(DataSchemaNode s) {
        return s instanceof LeafSchemaNode || s instanceof LeafListSchemaNode;
    }
}

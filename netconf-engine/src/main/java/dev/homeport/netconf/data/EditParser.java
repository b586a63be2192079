package dev.homeport.netconf.data;

import dev.homeport.netconf.data.EditNode.Insert;
import dev.homeport.netconf.data.EditNode.Kind;
import dev.homeport.netconf.ops.EditConfig.Operation;
import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.Namespaces;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.model.api.AnyxmlSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.TypedDataSchemaNode;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Turns the children of {@code <config>} into an {@link EditNode} tree, checking names, values and attributes. */
final class EditParser {
    private final SchemaIndex schema;

    EditParser(SchemaIndex schema) {
        this.schema = schema;
    }

    EditNode parse(Element config) throws EditException {
        EditNode root = new EditNode(Kind.CONTAINER, DataTrees.rootIdentifier(), null, TreePath.ROOT, null, null, null);
        children(root, schema.context(), config, TreePath.ROOT, Set.of());
        return root;
    }

    private void children(EditNode parent, DataNodeContainer parentSchema, Element parentElement, TreePath parentPath,
                          Set<QName> keys) throws EditException {
        for (Element e : Dom.children(parentElement)) {
            SchemaIndex.Child found = schema.findChild(parentSchema, e.getNamespaceURI(), e.getLocalName());
            if (found == null) {
                throw unknown(e, parentPath);
            }
            DataSchemaNode node = found.node();
            QName name = node.getQName();
            Operation op = operation(e, parentPath);
            // what is deleted or removed is only named: its value and content are not read (an empty leaf is fine)
            boolean gone = op == Operation.DELETE || op == Operation.REMOVE;
            if (keys.contains(name)) {
                // keys identify the entry, they are not edited; deleting one would leave an entry without identity
                if (op == Operation.DELETE || op == Operation.REMOVE) {
                    throw error("protocol", EditError.BAD_ATTRIBUTE, parentPath,
                            "the key leaf '" + name.getLocalName() + "' cannot be deleted; delete the list entry",
                            Map.of("bad-attribute", "operation", "bad-element", name.getLocalName()));
                }
                continue;
            }
            if (!SchemaIndex.isConfig(node)) {
                throw error("application", EditError.INVALID_VALUE, parentPath,
                        "'" + name.getLocalName() + "' is state data (config false) and cannot be edited",
                        Map.of("bad-element", name.getLocalName()));
            }
            EditNode target = parent;
            TreePath path = parentPath;
            for (SchemaIndex.ChoiceStep step : found.choices()) {
                path = path.schemaOnly(step.choice().getQName());
                target = target.group(Kind.CHOICE, step.choice(), path);
                path = path.schemaOnly(step.caseNode().getQName());
            }
            switch (node) {
                case ContainerSchemaNode c -> {
                    TreePath p = path.data(name, new NodeIdentifier(name));
                    EditNode n = target.add(new EditNode(Kind.CONTAINER, new NodeIdentifier(name), c, p, op, null,
                            null));
                    if (!gone) {
                        children(n, c, e, p, Set.of());
                    }
                }
                case LeafSchemaNode leaf -> {
                    TreePath p = path.data(name, new NodeIdentifier(name));
                    Object value = gone ? null : value(leaf, e, p);
                    target.add(new EditNode(Kind.LEAF, new NodeIdentifier(name), leaf, p, op, null, value));
                }
                case LeafListSchemaNode leafList -> {
                    EditNode group = target.group(Kind.LEAF_LIST, leafList, path);
                    Object value = value(leafList, e, path.data(name, new NodeIdentifier(name)));
                    NodeWithValue<?> id = new NodeWithValue<>(name, value);
                    TreePath p = path.data(name, id);
                    Insert insert = insert(e, leafList, leafList.isUserOrdered(), p, path);
                    group.add(new EditNode(Kind.LEAF_LIST_ENTRY, id, leafList, p, op, insert, value));
                }
                case ListSchemaNode list -> {
                    if (list.getKeyDefinition().isEmpty()) {
                        throw error("application", EditError.OPERATION_NOT_SUPPORTED, path,
                                "list '" + name.getLocalName() + "' has no keys, so its entries cannot be edited",
                                Map.of("bad-element", name.getLocalName()));
                    }
                    EditNode group = target.group(Kind.LIST, list, path);
                    NodeIdentifierWithPredicates id = entryId(list, e, path);
                    TreePath p = path.data(name, id);
                    Insert insert = insert(e, list, list.isUserOrdered(), p, path);
                    EditNode entry = group.add(new EditNode(Kind.ENTRY, id, list, p, op, insert, null));
                    if (!gone) {
                        children(entry, list, e, p, Set.copyOf(list.getKeyDefinition()));
                    }
                }
                case AnyxmlSchemaNode anyxml -> {
                    TreePath p = path.data(name, new NodeIdentifier(name));
                    target.add(new EditNode(Kind.ANYXML, new NodeIdentifier(name), anyxml, p, op, null,
                            new DOMSource(copyOf(e))));
                }
                default -> throw error("application", EditError.OPERATION_NOT_SUPPORTED, path,
                        "editing '" + name.getLocalName() + "' (" + node.getClass().getSimpleName()
                                + ") is not supported", Map.of("bad-element", name.getLocalName()));
            }
        }
    }

    private EditException unknown(Element e, TreePath parentPath) {
        String ns = e.getNamespaceURI() == null ? "" : e.getNamespaceURI();
        if (schema.modules(ns).isEmpty()) {
            return error("application", EditError.UNKNOWN_NAMESPACE, parentPath,
                    "no module of the schema has namespace '" + ns + "' (element '" + e.getLocalName() + "')",
                    Map.of("bad-element", e.getLocalName(), "bad-namespace", ns));
        }
        return error("application", EditError.UNKNOWN_ELEMENT, parentPath,
                "unknown element '" + e.getLocalName() + "' in namespace '" + ns + "'",
                Map.of("bad-element", e.getLocalName()));
    }

    private Operation operation(Element e, TreePath parentPath) throws EditException {
        Attr attr = e.getAttributeNodeNS(Namespaces.BASE, "operation");
        if (attr == null) {
            // an un-namespaced "operation" is a common mistake; ignoring it would turn a delete into a merge
            if (e.hasAttributeNS(null, "operation")) {
                throw error("protocol", EditError.BAD_ATTRIBUTE, parentPath,
                        "the operation attribute of '" + e.getLocalName() + "' must be in the NETCONF base namespace ("
                                + Namespaces.BASE + ")",
                        Map.of("bad-attribute", "operation", "bad-element", e.getLocalName()));
            }
            return null;
        }
        try {
            return Operation.valueOf(attr.getValue().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw error("protocol", EditError.BAD_ATTRIBUTE, parentPath,
                    "operation '" + attr.getValue() + "' of '" + e.getLocalName()
                            + "' is none of merge, replace, create, delete, remove, none",
                    Map.of("bad-attribute", "operation", "bad-element", e.getLocalName()));
        }
    }

    private Object value(TypedDataSchemaNode node, Element e, TreePath at) throws EditException {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c.getNodeType() == Node.ELEMENT_NODE) {
                throw error("application", EditError.INVALID_VALUE, at,
                        "'" + e.getLocalName() + "' holds a value, not elements",
                        Map.of("bad-element", e.getLocalName()));
            }
        }
        return parseValue(node, e.getTextContent(), e, at);
    }

    private Object parseValue(TypedDataSchemaNode node, String text, Element context, TreePath at)
            throws EditException {
        try {
            return schema.codec(node, at::toSchemaPath).parseValue(new DomNamespaces(context), text);
        } catch (RuntimeException ex) {
            throw error("application", EditError.INVALID_VALUE, at,
                    "invalid value '" + text + "' for '" + node.getQName().getLocalName() + "': " + reason(ex),
                    Map.of("bad-element", node.getQName().getLocalName()));
        }
    }

    private NodeIdentifierWithPredicates entryId(ListSchemaNode list, Element e, TreePath listPath)
            throws EditException {
        Map<QName, Object> keys = new LinkedHashMap<>();
        for (QName key : list.getKeyDefinition()) {
            Element keyElement = Dom.child(e, key.getNamespace().toString(), key.getLocalName()).orElseThrow(() ->
                    error("protocol", EditError.MISSING_ELEMENT, listPath,
                            "entry of list '" + list.getQName().getLocalName() + "' lacks its key '"
                                    + key.getLocalName() + "'", Map.of("bad-element", key.getLocalName())));
            LeafSchemaNode keyLeaf = (LeafSchemaNode) list.getDataChildByName(key);
            keys.put(key, value(keyLeaf, keyElement, listPath.schemaOnly(list.getQName()).schemaOnly(key)));
        }
        return NodeIdentifierWithPredicates.of(list.getQName(), keys);
    }

    private Insert insert(Element e, DataSchemaNode node, boolean userOrdered, TreePath at, TreePath parentPath)
            throws EditException {
        Attr insert = e.getAttributeNodeNS(Namespaces.YANG_1, "insert");
        boolean isList = node instanceof ListSchemaNode;
        String anchorName = isList ? "key" : "value";
        Attr anchor = e.getAttributeNodeNS(Namespaces.YANG_1, anchorName);
        if (insert == null) {
            if (anchor != null) {
                throw badAttribute(at, anchorName, "the " + anchorName + " attribute needs an insert attribute");
            }
            return null;
        }
        if (!userOrdered) {
            throw badAttribute(at, "insert", "insert is allowed only on ordered-by user lists and leaf-lists; '"
                    + node.getQName().getLocalName() + "' is ordered by the system");
        }
        Insert.Where where;
        try {
            where = Insert.Where.valueOf(insert.getValue().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw badAttribute(at, "insert", "insert '" + insert.getValue()
                    + "' is none of first, last, before, after");
        }
        if (where == Insert.Where.FIRST || where == Insert.Where.LAST) {
            return new Insert(where, null);
        }
        if (anchor == null) {
            throw error("protocol", EditError.MISSING_ATTRIBUTE, at,
                    "insert '" + insert.getValue() + "' needs the " + anchorName + " attribute",
                    Map.of("bad-attribute", anchorName, "bad-element", e.getLocalName()));
        }
        PathArgument anchorId = isList
                ? keyPredicates((ListSchemaNode) node, anchor.getValue(), e, at, parentPath)
                : new NodeWithValue<>(node.getQName(), parseValue((LeafListSchemaNode) node, anchor.getValue(), e, at));
        return new Insert(where, anchorId);
    }

    /** Parses {@code [pfx:name='value'][pfx:other="value"]} against the list's keys. */
    private NodeIdentifierWithPredicates keyPredicates(ListSchemaNode list, String text, Element context, TreePath at,
                                                       TreePath parentPath) throws EditException {
        Map<QName, Object> values = new LinkedHashMap<>();
        int i = 0;
        int n = text.length();
        while (true) {
            while (i < n && Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            if (i == n) {
                break;
            }
            int eq = text.indexOf('=', i);
            if (text.charAt(i) != '[' || eq < 0 || eq + 1 >= n) {
                throw badAttribute(at, "key", "key '" + text + "' is not of the form [prefix:name='value']...");
            }
            String keyName = text.substring(i + 1, eq).strip();
            int v = eq + 1;
            while (v < n && Character.isWhitespace(text.charAt(v))) {
                v++;
            }
            char quote = v < n ? text.charAt(v) : 0;
            int close = quote == '\'' || quote == '"' ? text.indexOf(quote, v + 1) : -1;
            int end = close < 0 ? -1 : text.indexOf(']', close);
            if (close < 0 || end < 0 || !text.substring(close + 1, end).isBlank()) {
                throw badAttribute(at, "key", "key '" + text + "' is not of the form [prefix:name='value']...");
            }
            QName key = keyNamed(list, keyName, context);
            if (key == null) {
                throw badAttribute(at, "key", "'" + keyName + "' in key '" + text + "' is not a key of list '"
                        + list.getQName().getLocalName() + "'");
            }
            LeafSchemaNode keyLeaf = (LeafSchemaNode) list.getDataChildByName(key);
            values.put(key, parseValue(keyLeaf, text.substring(v + 1, close), context,
                    parentPath.schemaOnly(list.getQName()).schemaOnly(key)));
            i = end + 1;
        }
        if (!values.keySet().equals(Set.copyOf(list.getKeyDefinition()))) {
            throw badAttribute(at, "key", "key '" + text + "' must give every key of list '"
                    + list.getQName().getLocalName() + "': " + list.getKeyDefinition().stream()
                    .map(QName::getLocalName).toList());
        }
        Map<QName, Object> ordered = new LinkedHashMap<>();
        for (QName k : list.getKeyDefinition()) {
            ordered.put(k, values.get(k));
        }
        return NodeIdentifierWithPredicates.of(list.getQName(), ordered);
    }

    private static QName keyNamed(ListSchemaNode list, String name, Element context) {
        int colon = name.indexOf(':');
        String local = colon < 0 ? name : name.substring(colon + 1);
        String ns = colon < 0 ? null : context.lookupNamespaceURI(name.substring(0, colon));
        for (QName k : list.getKeyDefinition()) {
            if (k.getLocalName().equals(local) && (ns == null || ns.equals(k.getNamespace().toString()))) {
                return k;
            }
        }
        return null;
    }

    private EditException badAttribute(TreePath at, String attribute, String message) {
        return error("protocol", EditError.BAD_ATTRIBUTE, at, message, Map.of("bad-attribute", attribute));
    }

    private EditException error(String type, String tag, TreePath at, String message, Map<String, String> info) {
        var path = at.toDataPath();
        String full = message + " (at " + YangPaths.readable(schema, path) + ")";
        YangPaths.XPath xpath = YangPaths.prefixed(schema, path);
        return new EditException("protocol".equals(type) ? EditError.protocol(tag, xpath, full, info)
                : EditError.application(tag, xpath, full, info));
    }

    static String reason(Throwable e) {
        String msg = e.getMessage();
        if (msg == null || msg.isBlank()) {
            return e.getClass().getSimpleName();
        }
        int nl = msg.indexOf('\n');
        return (nl > 0 ? msg.substring(0, nl) : msg).strip().replaceAll("\\s{2,}", " ");
    }

    /** Anyxml content is kept apart from the request's document, which belongs to the caller. */
    private static Element copyOf(Element e) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document doc = f.newDocumentBuilder().newDocument();
            Element copy = (Element) doc.importNode(e, true);
            doc.appendChild(copy);
            return copy;
        } catch (ParserConfigurationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Prefixes in scope at a DOM element, for identityref and instance-identifier values. */
    private record DomNamespaces(Element element) implements NamespaceContext {
        @Override
        public String getNamespaceURI(String prefix) {
            String ns = element.lookupNamespaceURI(prefix == null || prefix.isEmpty() ? null : prefix);
            return ns == null ? XMLConstants.NULL_NS_URI : ns;
        }

        @Override
        public String getPrefix(String namespaceURI) {
            return element.lookupPrefix(namespaceURI);
        }

        @Override
        public Iterator<String> getPrefixes(String namespaceURI) {
            String p = getPrefix(namespaceURI);
            return p == null ? Collections.emptyIterator() : List.of(p).iterator();
        }
    }
}

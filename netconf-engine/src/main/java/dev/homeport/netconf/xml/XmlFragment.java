package dev.homeport.netconf.xml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Node;

/**
 * A small immutable-by-convention tree for building outgoing XML (RPC bodies) as text, without a DOM round trip.
 * Namespaces are declared as default namespaces where they change. Trusted XML from elsewhere (a parsed file, a
 * serialized NormalizedNode) joins through {@link #raw}.
 */
public abstract sealed class XmlFragment permits XmlFragment.Element, XmlFragment.Raw {

    public static Element element(String namespace, String name) {
        return new Element(namespace, name);
    }

    /** XML text that is already well-formed: the caller vouches for it (see {@link #parsed} for untrusted input). */
    public static XmlFragment raw(String xml) {
        return new Raw(xml);
    }

    /** Untrusted XML text, checked for well-formedness first (by {@link SafeXml}). */
    public static XmlFragment parsed(String xml) throws MalformedXmlException {
        StringBuilder sb = new StringBuilder();
        for (Node c = SafeXml.parseFragment(xml).getFirstChild(); c != null; c = c.getNextSibling()) {
            sb.append(SafeXml.toString(c));
        }
        return new Raw(sb.toString());
    }

    public static XmlFragment of(Node node) {
        return new Raw(SafeXml.toString(node));
    }


    public final String toXml() {
        StringBuilder sb = new StringBuilder(256);
        write(sb, null);
        return sb.toString();
    }

    @Override
    public String toString() {
        return toXml();
    }

    abstract void write(StringBuilder sb, String parentNamespace);

    public static final class Element extends XmlFragment {
        private final String namespace;
        private final String name;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final List<XmlFragment> children = new ArrayList<>();
        private String text;

        private Element(String namespace, String name) {
            this.namespace = namespace;
            this.name = name;
        }

        /** Plain attribute (no namespace). */
        public Element attr(String attrName, String value) {
            attributes.put(attrName, value);
            return this;
        }

        /** Namespaced attribute written with the given prefix, which is declared on this element. */
        public Element attr(String attrNamespace, String prefix, String attrName, String value) {
            attributes.put("xmlns:" + prefix, attrNamespace);
            attributes.put(prefix + ":" + attrName, value);
            return this;
        }

        public Element text(String value) {
            this.text = value;
            return this;
        }

        public Element child(XmlFragment child) {
            if (child != null) {
                children.add(child);
            }
            return this;
        }

        /** Adds {@code <name>text</name>} in this element's namespace. */
        public Element leaf(String childName, String value) {
            return child(element(namespace, childName).text(value));
        }

        /** Adds an empty {@code <name/>} in this element's namespace. */
        public Element empty(String childName) {
            return child(element(namespace, childName));
        }

        public String name() {
            return name;
        }

        public String namespace() {
            return namespace;
        }

        @Override
        void write(StringBuilder sb, String parentNamespace) {
            sb.append('<').append(name);
            if (namespace != null && !namespace.equals(parentNamespace)) {
                sb.append(" xmlns=\"");
                escape(sb, namespace, true);
                sb.append('"');
            }
            for (Map.Entry<String, String> a : attributes.entrySet()) {
                sb.append(' ').append(a.getKey()).append("=\"");
                escape(sb, a.getValue(), true);
                sb.append('"');
            }
            if (text == null && children.isEmpty()) {
                sb.append("/>");
                return;
            }
            sb.append('>');
            if (text != null) {
                escape(sb, text, false);
            }
            String ns = namespace != null ? namespace : parentNamespace;
            for (XmlFragment c : children) {
                c.write(sb, ns);
            }
            sb.append("</").append(name).append('>');
        }
    }

    public static final class Raw extends XmlFragment {
        private final String xml;

        private Raw(String xml) {
            this.xml = xml;
        }

        @Override
        void write(StringBuilder sb, String parentNamespace) {
            sb.append(xml);
        }
    }

    public static void escape(StringBuilder sb, String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append(attribute ? "&quot;" : "\"");
                case '\r' -> sb.append("&#13;");
                default -> sb.append(c);
            }
        }
    }
}

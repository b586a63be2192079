package dev.homeport.netconf.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small DOM helpers used by the message layer. */
public final class Dom {
    private Dom() {
    }

    public static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    public static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && is(e, namespace, localName)) {
                out.add(e);
            }
        }
        return out;
    }

    public static Optional<Element> child(Element parent, String namespace, String localName) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && is(e, namespace, localName)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    public static Optional<String> childText(Element parent, String namespace, String localName) {
        return child(parent, namespace, localName).map(e -> e.getTextContent().strip());
    }

    /** Namespace null matches any namespace: some devices put rpc-error children in no namespace. */
    public static boolean is(Element e, String namespace, String localName) {
        return localName.equals(e.getLocalName()) && (namespace == null || namespace.equals(e.getNamespaceURI()));
    }
}

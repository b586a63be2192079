package dev.homeport.netconf.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/** Small DOM helpers used by the message and data layers. */
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

    /**
     * A deep copy of an element as the root of a new document of its own, so that it outlives (and cannot change)
     * the document it came from: anyxml content of parsed data and edits. The namespace declarations it inherited
     * from its ancestors are repeated on the copy, so that it reads the same on its own.
     */
    public static Element detachedCopy(Element e) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document doc = f.newDocumentBuilder().newDocument();
            Element copy = (Element) doc.importNode(e, true);
            for (Node n = e.getParentNode(); n instanceof Element ancestor; n = ancestor.getParentNode()) {
                NamedNodeMap attributes = ancestor.getAttributes();
                for (int i = 0; i < attributes.getLength(); i++) {
                    Node a = attributes.item(i);
                    if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())
                            && !copy.hasAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, a.getLocalName())) {
                        copy.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, a.getNodeName(), a.getNodeValue());
                    }
                }
            }
            doc.appendChild(copy);
            return copy;
        } catch (ParserConfigurationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Namespace null matches any namespace: some devices put rpc-error children in no namespace. */
    public static boolean is(Element e, String namespace, String localName) {
        return localName.equals(e.getLocalName()) && (namespace == null || namespace.equals(e.getNamespaceURI()));
    }
}

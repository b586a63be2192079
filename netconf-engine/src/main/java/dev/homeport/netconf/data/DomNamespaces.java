package dev.homeport.netconf.data;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import org.w3c.dom.Element;

/**
 * Prefixes in scope at a DOM element, for identityref and instance-identifier values; looked up on demand. A parse
 * may move one instance from element to element ({@link #at}) instead of making one per value.
 */
final class DomNamespaces implements NamespaceContext {
    private Element element;

    DomNamespaces(Element element) {
        this.element = element;
    }

    DomNamespaces at(Element e) {
        this.element = e;
        return this;
    }

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

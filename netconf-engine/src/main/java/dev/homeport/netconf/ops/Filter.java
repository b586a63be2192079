package dev.homeport.netconf.ops;

import dev.homeport.netconf.xml.MalformedXmlException;
import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.XmlFragment;
import java.util.LinkedHashMap;
import java.util.Map;

/** A get/get-config filter (RFC 6241 section 6 subtree, or section 8.9 XPath). */
public sealed interface Filter permits Filter.Subtree, Filter.XPath {

    /** The {@code <filter>} element in the base namespace (get, get-config, create-subscription). */
    XmlFragment toXml(String namespace);

    default XmlFragment toXml() {
        return toXml(Namespaces.BASE);
    }

    /** Subtree filter: the selection XML, checked for well-formedness. */
    static Filter subtree(String selectionXml) throws MalformedXmlException {
        return new Subtree(XmlFragment.parsed(selectionXml));
    }

    /** XPath filter; prefixes used in the expression are bound by {@code namespaces}. */
    static Filter xpath(String expression, Map<String, String> namespaces) {
        return new XPath(expression, Map.copyOf(new LinkedHashMap<>(namespaces)));
    }

    record Subtree(XmlFragment selection) implements Filter {
        @Override
        public XmlFragment toXml(String namespace) {
            return XmlFragment.element(namespace, "filter").attr("type", "subtree").child(selection);
        }
    }

    record XPath(String expression, Map<String, String> namespaces) implements Filter {
        @Override
        public XmlFragment toXml(String namespace) {
            var f = XmlFragment.element(namespace, "filter").attr("type", "xpath").attr("select", expression);
            namespaces.forEach((prefix, ns) -> f.attr("xmlns:" + prefix, ns));
            return f;
        }
    }
}

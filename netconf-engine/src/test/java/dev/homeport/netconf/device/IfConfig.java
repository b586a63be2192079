package dev.homeport.netconf.device;

import dev.homeport.netconf.ops.DataReply;
import dev.homeport.netconf.ops.EditConfig;
import dev.homeport.netconf.ops.Filter;
import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.XmlFragment;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * ietf-interfaces content for edits against the yuma123 device: its config list has a key (name), a mandatory
 * identityref (type), an optional leaf (description) and a leaf with a default (enabled, default true), which is all
 * the edit operations and with-defaults modes need.
 */
final class IfConfig {
    static final String NS = "urn:ietf:params:xml:ns:yang:ietf-interfaces";
    static final String IANA_IF_TYPE = "urn:ietf:params:xml:ns:yang:iana-if-type";

    private IfConfig() {
    }

    /** {@code <interface>} with name and type. */
    static XmlFragment.Element iface(String name) {
        return XmlFragment.element(NS, "interface")
                .leaf("name", name)
                .child(XmlFragment.element(NS, "type").attr("xmlns:ianaift", IANA_IF_TYPE)
                        .text("ianaift:ethernetCsmacd"));
    }

    /** {@code <interface nc:operation="...">} with name and type. */
    static XmlFragment.Element iface(String name, EditConfig.Operation op) {
        return operation(iface(name), op);
    }

    static XmlFragment.Element operation(XmlFragment.Element e, EditConfig.Operation op) {
        return e.attr(Namespaces.BASE, "nc", "operation", op.keyword());
    }

    /** {@code <interfaces>} holding the given entries. */
    static XmlFragment.Element interfaces(XmlFragment... entries) {
        var e = XmlFragment.element(NS, "interfaces");
        for (XmlFragment f : entries) {
            e.child(f);
        }
        return e;
    }

    /** Subtree filter selecting the whole interfaces container. */
    static Filter all() {
        return new Filter.Subtree(XmlFragment.element(NS, "interfaces"));
    }

    /** Subtree filter selecting one interface by its key. */
    static Filter named(String name) {
        return new Filter.Subtree(interfaces(XmlFragment.element(NS, "interface").leaf("name", name)));
    }

    /** Names of the interfaces in a reply, in document order. */
    static List<String> names(DataReply reply) {
        List<String> out = new ArrayList<>();
        for (Element e : entries(reply)) {
            Dom.childText(e, NS, "name").ifPresent(out::add);
        }
        return out;
    }

    static Optional<Element> entry(DataReply reply, String name) {
        return entries(reply).stream()
                .filter(e -> Dom.childText(e, NS, "name").filter(name::equals).isPresent())
                .findFirst();
    }

    private static List<Element> entries(DataReply reply) {
        List<Element> out = new ArrayList<>();
        for (Element root : reply.roots()) {
            if (Dom.is(root, NS, "interfaces")) {
                out.addAll(Dom.children(root, NS, "interface"));
            }
        }
        return out;
    }
}

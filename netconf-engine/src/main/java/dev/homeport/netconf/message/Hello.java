package dev.homeport.netconf.message;

import dev.homeport.netconf.ProtocolException;
import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.XmlFragment;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import org.w3c.dom.Element;

/** A hello message: capabilities and, from a server, the session-id. */
public record Hello(Capabilities capabilities, OptionalLong sessionId) {

    public static Hello parse(Element root) throws ProtocolException {
        if (!Dom.is(root, Namespaces.BASE, "hello")) {
            throw new ProtocolException("expected a <hello> in namespace " + Namespaces.BASE + ", got <"
                    + root.getLocalName() + "> in " + root.getNamespaceURI());
        }
        List<String> caps = new ArrayList<>();
        Dom.child(root, Namespaces.BASE, "capabilities").ifPresent(c -> {
            for (Element e : Dom.children(c, Namespaces.BASE, "capability")) {
                String uri = e.getTextContent().strip();
                if (!uri.isEmpty()) {
                    caps.add(uri);
                }
            }
        });
        if (caps.isEmpty()) {
            throw new ProtocolException("hello without capabilities");
        }
        OptionalLong sid = OptionalLong.empty();
        var sidText = Dom.childText(root, Namespaces.BASE, "session-id");
        if (sidText.isPresent()) {
            try {
                long v = Long.parseLong(sidText.get());
                if (v < 1 || v > 4294967295L) {
                    throw new NumberFormatException();
                }
                sid = OptionalLong.of(v);
            } catch (NumberFormatException e) {
                throw new ProtocolException("hello has an invalid session-id: " + sidText.get());
            }
        }
        return new Hello(new Capabilities(caps), sid);
    }

    public static String toXml(Collection<String> capabilities, OptionalLong sessionId) {
        var caps = XmlFragment.element(Namespaces.BASE, "capabilities");
        for (String c : capabilities) {
            caps.leaf("capability", c);
        }
        var hello = XmlFragment.element(Namespaces.BASE, "hello").child(caps);
        sessionId.ifPresent(id -> hello.leaf("session-id", Long.toString(id)));
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + hello.toXml();
    }
}

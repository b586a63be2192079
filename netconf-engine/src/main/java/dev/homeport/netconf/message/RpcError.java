package dev.homeport.netconf.message;

import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.Namespaces;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * One rpc-error (RFC 6241 section 4.3).
 *
 * @param info the error-info children by local name, text content (bad-element, session-id, ...)
 */
public record RpcError(String type, String tag, String severity, Optional<String> appTag, Optional<String> path,
                       Optional<String> message, Map<String, String> info) {

    public RpcError {
        info = Map.copyOf(info);
    }

    public static RpcError parse(Element e) {
        // Devices disagree on namespaces inside rpc-error; match children by local name.
        String type = Dom.childText(e, null, "error-type").orElse("");
        String tag = Dom.childText(e, null, "error-tag").orElse("");
        String severity = Dom.childText(e, null, "error-severity").orElse("error");
        Optional<String> appTag = Dom.childText(e, null, "error-app-tag");
        Optional<String> path = Dom.childText(e, null, "error-path");
        Optional<String> message = Dom.childText(e, null, "error-message");
        Map<String, String> info = new LinkedHashMap<>();
        Dom.child(e, null, "error-info").ifPresent(i -> {
            for (Element c : Dom.children(i)) {
                info.merge(c.getLocalName(), c.getTextContent().strip(), (a, b) -> a + ", " + b);
            }
        });
        return new RpcError(type, tag, severity, appTag, path, message, info);
    }

    public static List<RpcError> parseAll(Element reply) {
        List<RpcError> out = new ArrayList<>();
        for (Element c : Dom.children(reply)) {
            if ("rpc-error".equals(c.getLocalName())
                    && (c.getNamespaceURI() == null || Namespaces.BASE.equals(c.getNamespaceURI()))) {
                out.add(parse(c));
            }
        }
        return out;
    }

    /** An error of severity error, as a server builds it (RFC 6241 Appendix A tags). */
    public static RpcError of(String type, String tag, String message) {
        return new RpcError(type, tag, "error", Optional.empty(), Optional.empty(), Optional.ofNullable(message),
                Map.of());
    }

    public RpcError withPath(String errorPath) {
        return new RpcError(type, tag, severity, appTag, Optional.ofNullable(errorPath), message, info);
    }

    public RpcError withAppTag(String tagValue) {
        return new RpcError(type, tag, severity, Optional.ofNullable(tagValue), path, message, info);
    }

    /** Adds an error-info child in the base namespace (bad-element, bad-attribute, session-id, ...). */
    public RpcError withInfo(String name, String value) {
        Map<String, String> m = new LinkedHashMap<>(info);
        m.put(name, value);
        return new RpcError(type, tag, severity, appTag, path, message, m);
    }

    /** The rpc-error element, as a server sends it. */
    public dev.homeport.netconf.xml.XmlFragment toXml() {
        var e = dev.homeport.netconf.xml.XmlFragment.element(Namespaces.BASE, "rpc-error")
                .leaf("error-type", type)
                .leaf("error-tag", tag)
                .leaf("error-severity", severity);
        appTag.ifPresent(a -> e.leaf("error-app-tag", a));
        path.ifPresent(p -> e.leaf("error-path", p));
        message.ifPresent(m -> e.child(dev.homeport.netconf.xml.XmlFragment.element(Namespaces.BASE, "error-message")
                .attr("xml:lang", "en").text(m)));
        if (!info.isEmpty()) {
            var i = dev.homeport.netconf.xml.XmlFragment.element(Namespaces.BASE, "error-info");
            info.forEach(i::leaf);
            e.child(i);
        }
        return e;
    }

    public boolean isError() {
        return !"warning".equals(severity);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("rpc-error ").append(type).append('/').append(tag);
        if (!isError()) {
            sb.append(" (warning)");
        }
        appTag.ifPresent(a -> sb.append(" app-tag ").append(a));
        path.ifPresent(p -> sb.append(" at ").append(p));
        message.ifPresent(m -> sb.append(": ").append(m));
        if (!info.isEmpty()) {
            sb.append(' ').append(info);
        }
        return sb.toString();
    }
}

package dev.homeport.netconf.data;

import dev.homeport.netconf.message.RpcError;
import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.XmlFragment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Why an edit was refused, in the terms of an RFC 6241 rpc-error, so that a server can answer with it directly
 * ({@link #toXml()}) and a client can show it ({@link #toString()}).
 *
 * @param type       error-type: {@code protocol} or {@code application}
 * @param tag        error-tag, e.g. {@code data-exists}, {@code data-missing}, {@code invalid-value}
 * @param appTag     error-app-tag where RFC 7950 names one (e.g. {@code missing-instance})
 * @param path       error-path: an XPath with prefixes, absent for errors not about a node
 * @param namespaces the prefixes {@code path} uses and their namespaces
 * @param message    error-message for people; names the node by its readable path
 * @param info       error-info children by name, e.g. {@code bad-element}, {@code bad-attribute}
 */
public record EditError(String type, String tag, Optional<String> appTag, Optional<String> path,
                        Map<String, String> namespaces, String message, Map<String, String> info) {

    public static final String DATA_EXISTS = "data-exists";
    public static final String DATA_MISSING = "data-missing";
    public static final String INVALID_VALUE = "invalid-value";
    public static final String UNKNOWN_ELEMENT = "unknown-element";
    public static final String UNKNOWN_NAMESPACE = "unknown-namespace";
    public static final String MISSING_ELEMENT = "missing-element";
    public static final String BAD_ELEMENT = "bad-element";
    public static final String BAD_ATTRIBUTE = "bad-attribute";
    public static final String MISSING_ATTRIBUTE = "missing-attribute";
    public static final String OPERATION_NOT_SUPPORTED = "operation-not-supported";
    public static final String MISSING_INSTANCE = "missing-instance";

    public EditError {
        namespaces = Map.copyOf(namespaces);
        info = Map.copyOf(info);
    }

    static EditError application(String tag, YangPaths.XPath at, String message, Map<String, String> info) {
        return new EditError("application", tag, Optional.empty(), Optional.of(at.expression()), at.namespaces(),
                message, info);
    }

    static EditError protocol(String tag, YangPaths.XPath at, String message, Map<String, String> info) {
        return new EditError("protocol", tag, Optional.empty(), Optional.of(at.expression()), at.namespaces(),
                message, info);
    }

    EditError withAppTag(String app) {
        return new EditError(type, tag, Optional.of(app), path, namespaces, message, info);
    }

    /** Adds an error-info child (bad-element, missing-choice, session-id...). */
    public EditError withInfo(String name, String value) {
        java.util.Map<String, String> m = new LinkedHashMap<>(info);
        m.put(name, value);
        return new EditError(type, tag, appTag, path, namespaces, message, m);
    }

    /** An error about no particular node, e.g. a lock held elsewhere or a failed validation. */
    public static EditError of(String type, String tag, String message) {
        return new EditError(type, tag, Optional.empty(), Optional.empty(), Map.of(), message, Map.of());
    }

    /** As the engine's parsed form of an rpc-error (prefix declarations of the path are not kept there). */
    public RpcError toRpcError() {
        return new RpcError(type, tag, "error", appTag, path, Optional.of(message), info);
    }

    /** The {@code <rpc-error>} element a server sends, with the path's prefixes declared on {@code <error-path>}. */
    public XmlFragment toXml() {
        var e = XmlFragment.element(Namespaces.BASE, "rpc-error")
                .leaf("error-type", type)
                .leaf("error-tag", tag)
                .leaf("error-severity", "error");
        appTag.ifPresent(a -> e.leaf("error-app-tag", a));
        path.ifPresent(p -> {
            var pathElement = XmlFragment.element(Namespaces.BASE, "error-path").text(p);
            namespaces.forEach((prefix, ns) -> pathElement.attr("xmlns:" + prefix, ns));
            e.child(pathElement);
        });
        e.child(XmlFragment.element(Namespaces.BASE, "error-message").attr("xml:lang", "en").text(message));
        if (!info.isEmpty()) {
            var infoElement = XmlFragment.element(Namespaces.BASE, "error-info");
            new LinkedHashMap<>(info).forEach(infoElement::leaf);
            e.child(infoElement);
        }
        return e;
    }

    @Override
    public String toString() {
        return tag + ": " + message;
    }
}

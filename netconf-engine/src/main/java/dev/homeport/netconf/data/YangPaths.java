package dev.homeport.netconf.data;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.opendaylight.yangtools.yang.common.Empty;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeWithValue;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;

/** Renders data paths for people (module names, RFC 8040 style) and for error-path (prefixes, RFC 6241). */
final class YangPaths {
    /** An XPath with the namespace declarations its prefixes need. */
    record XPath(String expression, Map<String, String> namespaces) {
    }

    private YangPaths() {
    }

    /** {@code /ietf-interfaces:interfaces/interface[name='eth0']/ietf-ip:ipv4/mtu}: module names where they change. */
    static String readable(SchemaIndex schema, YangInstanceIdentifier path) {
        if (path.isEmpty()) {
            return "/";
        }
        StringBuilder sb = new StringBuilder();
        QNameModule current = null;
        for (PathArgument step : path.getPathArguments()) {
            QName name = step.getNodeType();
            sb.append('/');
            if (!name.getModule().equals(current)) {
                sb.append(schema.moduleName(name.getModule())).append(':');
                current = name.getModule();
            }
            sb.append(name.getLocalName());
            QNameModule listModule = current;
            appendPredicates(sb, step, q -> q.getModule().equals(listModule) ? q.getLocalName()
                    : schema.moduleName(q.getModule()) + ":" + q.getLocalName(),
                    m -> schema.moduleName(m));
        }
        return sb.toString();
    }

    /** {@code /if:interfaces/if:interface[if:name='eth0']}: every step prefixed, prefixes declared in the map. */
    static XPath prefixed(SchemaIndex schema, YangInstanceIdentifier path) {
        Map<String, String> namespaces = new LinkedHashMap<>();
        Map<QNameModule, String> chosen = new LinkedHashMap<>();
        Function<QNameModule, String> prefixOf = module -> chosen.computeIfAbsent(module, m -> {
            String base = schema.prefix(m);
            String p = base;
            for (int i = 2; namespaces.containsKey(p); i++) {
                p = base + i;
            }
            namespaces.put(p, m.namespace().toString());
            return p;
        });
        StringBuilder sb = new StringBuilder();
        for (PathArgument step : path.getPathArguments()) {
            QName name = step.getNodeType();
            sb.append('/').append(prefixOf.apply(name.getModule())).append(':').append(name.getLocalName());
            appendPredicates(sb, step, q -> prefixOf.apply(q.getModule()) + ":" + q.getLocalName(), prefixOf);
        }
        return new XPath(sb.isEmpty() ? "/" : sb.toString(), Map.copyOf(namespaces));
    }

    private static void appendPredicates(StringBuilder sb, PathArgument step, Function<QName, String> keyName,
                                         Function<QNameModule, String> valuePrefix) {
        if (step instanceof NodeIdentifierWithPredicates keys) {
            for (Map.Entry<QName, Object> e : keys.entrySet()) {
                sb.append('[').append(keyName.apply(e.getKey())).append('=');
                quote(sb, valueText(e.getValue(), valuePrefix));
                sb.append(']');
            }
        } else if (step instanceof NodeWithValue<?> v) {
            sb.append("[.=");
            quote(sb, valueText(v.getValue(), valuePrefix));
            sb.append(']');
        }
    }

    static void quote(StringBuilder sb, String value) {
        char q = value.indexOf('\'') >= 0 ? '"' : '\'';
        sb.append(q).append(value).append(q);
    }

    /**
     * The lexical form of a key or leaf-list value as used in predicates and in the {@code key}/{@code value}
     * attributes: identities get the prefix the caller chooses for their module.
     */
    static String valueText(Object value, Function<QNameModule, String> prefixOf) {
        if (value instanceof QName q) {
            return prefixOf.apply(q.getModule()) + ":" + q.getLocalName();
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof Set<?> bits) {
            return String.join(" ", bits.stream().map(String::valueOf).toList());
        }
        if (value instanceof Empty) {
            return "";
        }
        return String.valueOf(value);
    }
}

package dev.homeport.netconf.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * Data paths for people and for the wire. yangtools paths name the list, leaf-list and choice nodes that have no XML
 * element of their own; the forms here leave them out: {@code /ietf-interfaces:interfaces/interface[name='eth0']} for
 * messages, and an RFC 7950 instance-identifier with prefixes (and the namespaces they stand for) for error-path,
 * notifications (RFC 6470 {@code target}) and partial-lock replies.
 */
public final class DataPaths {
    /** An instance-identifier and the prefix declarations it needs. */
    public record InstanceIdentifier(String xpath, Map<String, String> namespaces) {
    }

    private final SchemaIndex schema;

    public DataPaths(EffectiveModelContext context) {
        this.schema = new SchemaIndex(context);
    }

    public InstanceIdentifier instanceIdentifier(YangInstanceIdentifier path) {
        YangPaths.XPath x = YangPaths.prefixed(schema, withoutMixins(path));
        return new InstanceIdentifier(x.expression(), x.namespaces());
    }

    public String readable(YangInstanceIdentifier path) {
        return YangPaths.readable(schema, withoutMixins(path));
    }

    /** The path with the steps of list, leaf-list and choice nodes removed (a path without them is kept as is). */
    public YangInstanceIdentifier withoutMixins(YangInstanceIdentifier path) {
        List<PathArgument> args = path.getPathArguments();
        List<PathArgument> out = new ArrayList<>(args.size());
        DataNodeContainer parent = schema.context();
        for (int i = 0; i < args.size(); i++) {
            PathArgument a = args.get(i);
            if (a instanceof NodeIdentifier && i + 1 < args.size() && !(args.get(i + 1) instanceof NodeIdentifier)
                    && args.get(i + 1).getNodeType().equals(a.getNodeType())) {
                continue; // the list or leaf-list itself; its entry follows
            }
            if (parent != null && a instanceof NodeIdentifier
                    && parent.dataChildByName(a.getNodeType()) instanceof ChoiceSchemaNode choice) {
                parent = caseHolding(choice, i + 1 < args.size() ? args.get(i + 1) : null);
                continue;
            }
            out.add(a);
            DataSchemaNode next = parent == null ? null : child(parent, a);
            parent = next instanceof DataNodeContainer c ? c : null;
        }
        return YangInstanceIdentifier.of(out);
    }

    private DataSchemaNode child(DataNodeContainer parent, PathArgument a) {
        SchemaIndex.Child c = schema.findChild(parent, a.getNodeType());
        return c == null ? null : c.node();
    }

    private static DataNodeContainer caseHolding(ChoiceSchemaNode choice, PathArgument next) {
        if (next == null) {
            return null;
        }
        for (CaseSchemaNode c : choice.getCases()) {
            if (c.dataChildByName(next.getNodeType()) != null) {
                return c;
            }
        }
        return null;
    }
}

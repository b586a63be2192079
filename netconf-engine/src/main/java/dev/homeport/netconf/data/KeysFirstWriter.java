package dev.homeport.netconf.data;

import com.google.common.collect.Iterables;
import java.io.IOException;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.stream.NormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.SchemaOrderedNormalizedNodeWriter;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.stmt.SchemaNodeIdentifier;

/**
 * Schema order, with list keys first. yangtools' schema-ordered writer follows the effective model's child order,
 * which puts leaves from a {@code uses} after the list's own: a key defined in a grouping (ietf-yang-library's module
 * {@code name}) then came after other leaves, which RFC 7950 section 7.8.5 forbids and strict peers refuse.
 */
final class KeysFirstWriter extends SchemaOrderedNormalizedNodeWriter {
    KeysFirstWriter(NormalizedNodeStreamWriter writer, EffectiveModelContext context) {
        super(writer, context);
    }

    /** Writes the content of the schema node at {@code path} (an RPC's input or output). */
    KeysFirstWriter(NormalizedNodeStreamWriter writer, EffectiveModelContext context,
                    SchemaNodeIdentifier.Absolute path) {
        super(writer, context, path);
    }

    @Override
    protected boolean writeMapEntryNode(MapEntryNode node) throws IOException {
        getWriter().startMapEntryNode(node.name(), node.size());
        Set<QName> keys = node.name().keySet();
        for (QName key : keys) {
            DataContainerChild child = node.childByArg(new NodeIdentifier(key));
            if (child != null && !wasProcessAsSimpleNode(child)) {
                throw new IllegalStateException("list key " + key + " is not a leaf");
            }
        }
        // the rest in schema order (the list's schema node is current while its entries are written)
        return writeChildren(Iterables.filter(node.body(), c -> !keys.contains(c.name().getNodeType())));
    }
}

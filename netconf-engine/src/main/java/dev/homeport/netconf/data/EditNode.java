package dev.homeport.netconf.data;

import dev.homeport.netconf.ops.EditConfig.Operation;
import java.util.ArrayList;
import java.util.List;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.PathArgument;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;

/**
 * One node of a parsed edit, shaped like the NormalizedNode it changes: choices, lists and leaf-lists get a node of
 * their own although the XML has no element for them, so that applying an edit walks both trees in step.
 */
final class EditNode {
    enum Kind { CONTAINER, CHOICE, LIST, ENTRY, LEAF_LIST, LEAF_LIST_ENTRY, LEAF, ANYXML }

    /** RFC 7950 section 7.8.6 / 7.7.9 {@code insert} with its {@code key} or {@code value} anchor. */
    record Insert(Where where, PathArgument anchor) {
        enum Where { FIRST, LAST, BEFORE, AFTER }
    }

    final Kind kind;
    final PathArgument id;
    final DataSchemaNode schema;
    final TreePath path;
    /** The explicit {@code nc:operation}; null when the node inherits its parent's. */
    final Operation operation;
    final Insert insert;
    /** Leaf value (null for a delete or remove, whose value does not matter), or DOMSource of an anyxml node. */
    final Object value;
    final List<EditNode> children = new ArrayList<>();

    EditNode(Kind kind, PathArgument id, DataSchemaNode schema, TreePath path, Operation operation, Insert insert,
             Object value) {
        this.kind = kind;
        this.id = id;
        this.schema = schema;
        this.path = path;
        this.operation = operation;
        this.insert = insert;
        this.value = value;
    }

    /** The choice, list or leaf-list node under this one that gathers children with that name, made on first use. */
    EditNode group(Kind groupKind, DataSchemaNode groupSchema, TreePath groupPath) {
        NodeIdentifier groupId = new NodeIdentifier(groupSchema.getQName());
        for (EditNode c : children) {
            if (c.kind == groupKind && c.id.equals(groupId)) {
                return c;
            }
        }
        EditNode g = new EditNode(groupKind, groupId, groupSchema, groupPath, null, null, null);
        children.add(g);
        return g;
    }

    EditNode add(EditNode child) {
        children.add(child);
        return child;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        print(sb, 0);
        return sb.toString();
    }

    private void print(StringBuilder sb, int indent) {
        sb.append("  ".repeat(indent)).append(kind).append(' ').append(id);
        if (operation != null) {
            sb.append(" op=").append(operation.keyword());
        }
        if (insert != null) {
            sb.append(" insert=").append(insert);
        }
        if (value != null && kind == Kind.LEAF) {
            sb.append(" = ").append(value);
        }
        sb.append('\n');
        for (EditNode c : children) {
            c.print(sb, indent + 1);
        }
    }
}

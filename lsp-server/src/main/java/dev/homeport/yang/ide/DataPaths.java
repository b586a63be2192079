package dev.homeport.yang.ide;

import dev.homeport.yang.model.SchemaNode;
import java.util.ArrayDeque;
import java.util.Deque;

/** Data paths of schema nodes as RFC 8340 and instance identifiers write them: module names where namespaces change. */
final class DataPaths {
    private DataPaths() {
    }

    /**
     * {@code /base:interfaces/interface/app:peer}: choice, case, input and output are left out; a step is prefixed
     * with its module's name when it is the first or its module differs from its parent's.
     */
    static String dataPath(SchemaNode node) {
        Deque<SchemaNode> chain = new ArrayDeque<>();
        for (SchemaNode n = node; n != null && n.parent() != null; n = n.parent()) {
            if (!n.kind().isTransparentInData() || n == node) {
                chain.push(n);
            }
        }
        StringBuilder sb = new StringBuilder();
        String module = null;
        SchemaNode top = node.top();
        if (top.kind() == SchemaNode.Kind.GROUPING || top.kind() == SchemaNode.Kind.STRUCTURE) {
            sb.append(top.kind() == SchemaNode.Kind.GROUPING ? "grouping " : "structure ").append(top.name());
        }
        for (SchemaNode n : chain) {
            sb.append('/');
            if (!n.module().equals(module)) {
                sb.append(n.module()).append(':');
                module = n.module();
            }
            sb.append(n.name());
        }
        return sb.isEmpty() ? "/" : sb.toString();
    }
}

package dev.homeport.yang.check;

import dev.homeport.yang.model.SchemaNode;
import dev.homeport.yang.model.StatementPatch;
import dev.homeport.yang.syntax.Statement;

/**
 * {@code missing-key}: a list that is configuration needs a key (RFC 7950 section 7.8.2), judged where the list is
 * instantiated (a list in a grouping may be used as state data). {@code invalid-key}: a key naming no leaf of the
 * list.
 */
public final class ListKeyCheck implements Check {
    @Override
    public void run(CheckContext context) {
        if (context.schema().truncated()) {
            return;
        }
        for (SchemaNode node : context.unitNodes()) {
            if (node.kind() != SchemaNode.Kind.LIST || node.statement() == null) {
                continue;
            }
            Statement key = node.statement().firstChild("key").orElse(null);
            if (key == null || key.argument() == null) {
                if (node.config()) {
                    context.reportAtNode(node, node.statement(), CheckCodes.MISSING_KEY, "list '" + node.name()
                            + "' is configuration data and needs a 'key' (RFC 7950 section 7.8.2)");
                }
                continue;
            }
            for (String name : key.argument().trim().split("\\s+")) {
                if (name.isEmpty()) {
                    continue;
                }
                String local = name.indexOf(':') >= 0 ? name.substring(name.indexOf(':') + 1) : name;
                SchemaNode leaf = node.schemaChildByName(local);
                if (leaf == null || leaf.kind() != SchemaNode.Kind.LEAF) {
                    context.reportAtNode(node, key, CheckCodes.INVALID_KEY, "key '" + name + "' of list '" + node.name()
                            + "' is not " + (leaf == null ? "a child of the list" : "a leaf (it is a "
                            + leaf.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ")"));
                    context.patch(StatementPatch.remove(key)); // yangtools would stop on it too
                }
            }
        }
    }
}

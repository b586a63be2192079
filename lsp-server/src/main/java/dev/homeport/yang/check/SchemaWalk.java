package dev.homeport.yang.check;

import dev.homeport.yang.model.ModuleContext;
import dev.homeport.yang.model.SchemaModel;
import dev.homeport.yang.model.SchemaNode;
import dev.homeport.yang.model.SchemaNodeId;
import dev.homeport.yang.syntax.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/** Collects the schema nodes a unit defines (see {@link CheckContext#unitNodes()}). */
final class SchemaWalk {
    private SchemaWalk() {
    }

    static List<SchemaNode> nodesOf(CheckContext context) {
        SchemaModel schema = context.schema();
        String module = context.main().moduleName();
        Set<SchemaNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<SchemaNode> out = new ArrayList<>();
        Deque<SchemaNode> stack = new ArrayDeque<>();
        for (SchemaNode top : schema.root().children()) {
            if (top.module().equals(module)) {
                stack.push(top);
            }
        }
        for (ModuleContext source : context.sources()) {
            for (SchemaNode structure : schema.structures(source)) {
                stack.push(structure);
            }
            for (Statement aug : source.root().children("augment")) {
                SchemaNodeId path = SchemaNodeId.parse(aug.argument());
                if (path == null || !path.absolute()) {
                    continue;
                }
                SchemaModel.Resolution r = schema.resolveAbsolute(path, source);
                if (r.ok()) {
                    for (SchemaNode child : r.node().children()) {
                        if (child.augment() == aug) {
                            stack.push(child);
                        }
                    }
                }
            }
        }
        while (!stack.isEmpty()) {
            SchemaNode n = stack.pop();
            if (!seen.add(n)) {
                continue;
            }
            out.add(n);
            for (SchemaNode c : n.children()) {
                stack.push(c);
            }
        }
        return out;
    }
}

package dev.homeport.yang.check;

import dev.homeport.yang.model.Definitions;
import dev.homeport.yang.model.ModuleContext;
import dev.homeport.yang.model.StatementPatch;
import dev.homeport.yang.syntax.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * {@code identity-cycle}: an identity that is derived from itself through its bases (RFC 7950 section 7.18.2),
 * also across modules. Reported on the {@code base} of each identity of the unit that leads into the cycle.
 */
public final class IdentityCycleCheck implements Check {
    @Override
    public void run(CheckContext context) {
        for (ModuleContext source : context.sources()) {
            for (Statement identity : source.root().children("identity")) {
                for (Statement base : identity.children("base")) {
                    List<String> cycle = cycleThrough(context, identity, base);
                    if (cycle != null) {
                        context.report(base, CheckCodes.IDENTITY_CYCLE, "identity '" + identity.argument().trim()
                                + "' is derived from itself: " + String.join(" -> ", cycle));
                        context.patch(StatementPatch.remove(base));
                    }
                }
            }
        }
    }

    /** The names along a path from {@code base} back to {@code identity}, or null when there is none. */
    private static List<String> cycleThrough(CheckContext context, Statement identity, Statement base) {
        Set<Statement> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        List<String> path = new ArrayList<>();
        path.add(identity.argument().trim());
        return search(context, identity, base, visited, path) ? path : null;
    }

    private static boolean search(CheckContext context, Statement start, Statement base, Set<Statement> visited,
            List<String> path) {
        if (base.argument() == null) {
            return false;
        }
        Definitions.Found found = context.find(base, "identity", base.argument());
        if (!found.ok()) {
            return false;
        }
        Statement next = found.statement();
        path.add(next.argument().trim());
        if (next == start) {
            return true;
        }
        if (visited.add(next)) {
            for (Statement b : next.children("base")) {
                if (search(context, start, b, visited, path)) {
                    return true;
                }
            }
        }
        path.remove(path.size() - 1);
        return false;
    }
}

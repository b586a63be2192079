package dev.homeport.yang.check;

import dev.homeport.yang.model.Definitions;
import dev.homeport.yang.syntax.Statement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * {@code unused-grouping}: a grouping defined inside another statement that no {@code uses} in its scope expands.
 * Top-level groupings are left alone: other modules may use them.
 */
public final class UnusedGroupingCheck implements Check {
    @Override
    public void run(CheckContext context) {
        Set<Statement> used = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Statement s : context.statements()) {
            if (s.is("uses") && s.argument() != null) {
                Definitions.Found g = context.find(s, "grouping", s.argument());
                if (g.ok()) {
                    used.add(g.statement());
                }
            }
        }
        for (Statement s : context.statements()) {
            if (s.is("grouping") && s.argument() != null && s.depth() > 1 && !used.contains(s)) {
                context.report(s, CheckCodes.UNUSED_GROUPING, "grouping '" + s.argument().trim()
                        + "' is never used in its scope (it is not visible outside '" + s.parent().keyword() + "')");
            }
        }
    }
}

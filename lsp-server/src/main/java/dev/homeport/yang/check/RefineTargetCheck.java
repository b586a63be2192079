package dev.homeport.yang.check;

import dev.homeport.yang.model.SchemaNode;
import dev.homeport.yang.syntax.Statement;

/** {@code unresolved-refine-target}: a {@code refine} whose descendant target is not a node of the used grouping. */
public final class RefineTargetCheck implements Check {
    @Override
    public void run(CheckContext context) {
        for (Statement s : context.statements()) {
            if (s.is("uses") && !s.children("refine").isEmpty()) {
                SchemaNode instance = context.groupingInstance(s);
                if (instance == null) {
                    continue;
                }
                for (Statement refine : s.children("refine")) {
                    TargetPaths.resolve(context, refine, instance, false, CheckCodes.UNRESOLVED_REFINE_TARGET);
                }
            }
        }
    }
}

package dev.homeport.yang.check;

import dev.homeport.yang.model.ModuleContext;
import dev.homeport.yang.model.SchemaNode;
import dev.homeport.yang.model.StatementPatch;
import dev.homeport.yang.syntax.Statement;

/**
 * {@code unresolved-augment-target}: a module-level {@code augment} whose absolute target does not exist in the
 * module or what it imports, an augment inside {@code uses} whose descendant target is not in the grouping, and
 * targets that cannot be augmented (leaves and the like, RFC 7950 section 7.17).
 */
public final class AugmentTargetCheck implements Check {
    @Override
    public void run(CheckContext context) {
        for (ModuleContext source : context.sources()) {
            for (Statement aug : source.root().children("augment")) {
                check(context, aug, TargetPaths.resolve(context, aug, null, true, CheckCodes.UNRESOLVED_AUGMENT_TARGET));
            }
        }
        for (Statement s : context.statements()) {
            if (s.is("uses") && !s.children("augment").isEmpty()) {
                SchemaNode instance = context.groupingInstance(s);
                if (instance == null) {
                    continue; // unknown grouping: reported by unknown-grouping
                }
                for (Statement aug : s.children("augment")) {
                    check(context, aug, TargetPaths.resolve(context, aug, instance, false,
                            CheckCodes.UNRESOLVED_AUGMENT_TARGET));
                }
            }
        }
    }

    private static void check(CheckContext context, Statement aug, SchemaNode target) {
        if (target != null && !TargetPaths.AUGMENTABLE.contains(target.kind())) {
            context.report(aug, CheckCodes.UNRESOLVED_AUGMENT_TARGET, "augment target " + TargetPaths.describe(target)
                    + " cannot be augmented: only containers, lists, choices, cases, input, output, notifications"
                    + " and actions can");
            context.patch(StatementPatch.remove(aug));
        }
    }
}

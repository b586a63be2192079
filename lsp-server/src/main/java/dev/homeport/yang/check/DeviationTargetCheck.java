package dev.homeport.yang.check;

import dev.homeport.yang.model.ModuleContext;
import dev.homeport.yang.syntax.Statement;

/** {@code unresolved-deviation-target}: a {@code deviation} whose absolute target does not exist. */
public final class DeviationTargetCheck implements Check {
    @Override
    public void run(CheckContext context) {
        for (ModuleContext source : context.sources()) {
            for (Statement dev : source.root().children("deviation")) {
                TargetPaths.resolve(context, dev, null, true, CheckCodes.UNRESOLVED_DEVIATION_TARGET);
            }
        }
    }
}

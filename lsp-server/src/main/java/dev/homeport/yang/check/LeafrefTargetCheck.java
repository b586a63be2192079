package dev.homeport.yang.check;

import dev.homeport.yang.model.SchemaNode;
import dev.homeport.yang.model.StatementPatch;

/**
 * {@code unresolved-leafref}: a leafref path (also through typedefs, unions and deref()) that leads to no leaf or
 * leaf-list, followed from every place the leaf is instantiated (a path in a grouping is resolved where the
 * grouping is used). {@code leafref-to-state}: configuration that refers to state data with require-instance true.
 */
public final class LeafrefTargetCheck implements Check {
    @Override
    public void run(CheckContext context) {
        if (context.schema().truncated()) {
            return;
        }
        for (SchemaNode node : context.unitNodes()) {
            if (node.kind() != SchemaNode.Kind.LEAF && node.kind() != SchemaNode.Kind.LEAF_LIST) {
                continue;
            }
            for (Leafrefs.Ref ref : Leafrefs.of(node, context.types())) {
                Leafrefs.Outcome outcome = Leafrefs.follow(node, ref, context.types());
                if (outcome == null) {
                    continue;
                }
                if (outcome.target() == null) {
                    String code = outcome.unknownPrefix() ? CheckCodes.UNKNOWN_PREFIX : CheckCodes.UNRESOLVED_LEAFREF;
                    report(context, node, ref, code, "leafref path '" + ref.path().argument().trim() + "' of "
                            + TargetPaths.describe(node) + " does not resolve: " + outcome.problem());
                } else if (Leafrefs.circular(node, outcome.target(), context.types())) {
                    report(context, node, ref, CheckCodes.UNRESOLVED_LEAFREF, "leafref path '" + ref.path().argument().trim()
                            + "' of " + TargetPaths.describe(node) + " leads back to itself: no value can satisfy it");
                } else if (ref.requireInstance() && node.config() && !outcome.target().config()) {
                    report(context, node, ref, CheckCodes.LEAFREF_TO_STATE, "configuration " + TargetPaths.describe(node)
                            + " refers to state data " + TargetPaths.describe(outcome.target())
                            + "; make it config false or add 'require-instance false'");
                }
            }
        }
    }

    private static void report(CheckContext context, SchemaNode node, Leafrefs.Ref ref, String code, String message) {
        if (context.inUnit(ref.path())) {
            context.report(ref.path(), code, message);
            if (!code.equals(CheckCodes.LEAFREF_TO_STATE)) {
                context.patch(StatementPatch.replaceType(ref.path()));
            }
        } else {
            context.reportAtNode(node, ref.type(), code, message);
        }
    }
}

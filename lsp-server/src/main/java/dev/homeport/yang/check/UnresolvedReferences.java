package dev.homeport.yang.check;

import dev.homeport.yang.model.Definitions;
import dev.homeport.yang.model.StatementPatch;

/**
 * The checks for references that name nothing ({@code unknown-type}, {@code unknown-grouping},
 * {@code unknown-identity}, {@code unknown-feature}, {@code unknown-extension}), one class each, sharing the lookup.
 * Unknown prefixes and unresolved imports are reported once elsewhere, not again here.
 */
abstract class UnresolvedReferences implements Check {
    private final References.Kind kind;
    private final String code;

    UnresolvedReferences(References.Kind kind, String code) {
        this.kind = kind;
        this.code = code;
    }

    @Override
    public final void run(CheckContext context) {
        for (References.Reference ref : context.references()) {
            if (ref.kind() != kind) {
                continue;
            }
            Definitions.Found found = context.find(ref.site(), kind.keyword, ref.text());
            if (found.failure() != Definitions.Failure.NOT_FOUND) {
                continue;
            }
            String where = found.name().prefix() == null || found.context() == null ? "in scope"
                    : "in module '" + found.context().moduleName() + "'";
            context.report(ref.site(), ref.span(), code, message(found, where));
            context.patch(patchFor(ref));
        }
    }

    String message(Definitions.Found found, String where) {
        return "no " + kind.keyword + " '" + found.name().name() + "' " + where;
    }

    static StatementPatch patchFor(References.Reference ref) {
        return switch (ref.kind()) {
            case TYPEDEF -> StatementPatch.replaceType(ref.site());
            case IDENTITY -> ref.site().parent() != null && ref.site().parent().is("type")
                    ? StatementPatch.replaceType(ref.site()) : StatementPatch.remove(ref.site());
            default -> StatementPatch.remove(ref.site());
        };
    }
}

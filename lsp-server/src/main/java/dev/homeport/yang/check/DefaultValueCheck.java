package dev.homeport.yang.check;

import dev.homeport.yang.model.ResolvedType;
import dev.homeport.yang.model.StatementPatch;
import dev.homeport.yang.syntax.Statement;

/**
 * {@code invalid-default}: a {@code default} of a leaf, leaf-list or typedef that its type does not allow (range,
 * length, patterns, enums, bits, identity bases, unions, the lexical forms of RFC 7950 section 9), and a default
 * on a mandatory leaf (RFC 7950 section 7.6.4).
 */
public final class DefaultValueCheck implements Check {
    @Override
    public void run(CheckContext context) {
        ValueValidator values = new ValueValidator(context);
        for (Statement s : context.statements()) {
            if (!s.is("default") || s.argument() == null || s.parent() == null) {
                continue;
            }
            Statement owner = s.parent();
            if (!owner.is("leaf") && !owner.is("leaf-list") && !owner.is("typedef")) {
                continue;
            }
            if (owner.is("leaf") && "true".equals(owner.childArgument("mandatory").map(String::trim).orElse(null))) {
                context.report(s, CheckCodes.INVALID_DEFAULT, "a mandatory leaf cannot have a default (RFC 7950 section 7.6.4)");
                context.patch(StatementPatch.remove(s));
                continue;
            }
            Statement type = owner.firstChild("type").orElse(null);
            if (type == null) {
                continue;
            }
            ResolvedType resolved = context.types().resolve(type);
            String problem = values.problem(s.argument(), resolved, s, 0);
            if (problem != null) {
                context.report(s, CheckCodes.INVALID_DEFAULT, "invalid default for type '"
                        + (type.argument() == null ? "?" : type.argument().trim()) + "': " + problem);
                context.patch(StatementPatch.remove(s));
            }
        }
    }
}

package dev.homeport.yang.check;

import dev.homeport.yang.model.BuiltinType;
import dev.homeport.yang.model.ResolvedType;
import dev.homeport.yang.model.StatementPatch;
import dev.homeport.yang.model.XsdRegex;
import dev.homeport.yang.syntax.Statement;

/**
 * {@code invalid-pattern}: a {@code pattern} that is not an XSD regular expression (RFC 7950 section 9.4.5), or that
 * restricts a type that is not a string.
 */
public final class PatternCheck implements Check {
    @Override
    public void run(CheckContext context) {
        for (Statement s : context.statements()) {
            if (!s.is("pattern") || s.parent() == null || !s.parent().is("type") || s.argument() == null) {
                continue;
            }
            ResolvedType type = context.types().resolve(s.parent());
            if (type.resolved() && type.builtin() != BuiltinType.STRING) {
                context.report(s, CheckCodes.INVALID_PATTERN, "'pattern' restricts strings, not type '"
                        + type.builtin().keyword() + "'");
                context.patch(StatementPatch.remove(s));
                continue;
            }
            String problem = XsdRegex.check(s.argument());
            if (problem != null) {
                context.report(s, CheckCodes.INVALID_PATTERN, "invalid pattern: " + problem);
                context.patch(StatementPatch.remove(s));
            }
        }
    }
}

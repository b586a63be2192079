package dev.homeport.yang.check;

import dev.homeport.yang.model.BuiltinType;
import dev.homeport.yang.model.Ranges;
import dev.homeport.yang.model.ResolvedType;
import dev.homeport.yang.model.StatementPatch;
import dev.homeport.yang.syntax.Statement;
import java.util.List;

/** The range and length checks: the same rules on a different value space. */
abstract class Restrictions implements Check {
    private final String keyword;
    private final String code;

    Restrictions(String keyword, String code) {
        this.keyword = keyword;
        this.code = code;
    }

    @Override
    public final void run(CheckContext context) {
        for (Statement s : context.statements()) {
            if (!s.is(keyword) || s.parent() == null || !s.parent().is("type")) {
                continue;
            }
            ResolvedType type = context.types().resolve(s.parent());
            if (!type.resolved()) {
                continue; // unknown-type says why
            }
            List<Ranges.Interval> base = Ranges.effective(type.below(type.layers().get(0)), keyword);
            if (base == null) {
                if (Ranges.builtinSpace(type, keyword) == null && !(type.builtin() == BuiltinType.DECIMAL64 && keyword.equals("range"))) {
                    context.report(s, code, "'" + keyword + "' does not apply to type '" + type.builtin().keyword()
                            + "'; it restricts " + (keyword.equals("range") ? "integer and decimal64" : "string and binary")
                            + " types");
                    context.patch(StatementPatch.remove(s));
                }
                continue;
            }
            boolean integers = keyword.equals("length") || type.builtin().isInteger();
            Ranges.Parsed parsed = Ranges.parse(s.argument(), base, integers);
            if (parsed.problem() != null) {
                context.report(s, code, "invalid " + keyword + " '" + (s.argument() == null ? "" : s.argument().trim())
                        + "': " + parsed.problem());
                context.patch(StatementPatch.remove(s));
            }
        }
    }
}

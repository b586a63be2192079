package dev.homeport.yang.check;

import dev.homeport.yang.syntax.Statement;
import java.util.Set;

/**
 * {@code naming-convention} (RFC 8407 section 4.3.1): identifiers should use only lowercase letters, digits and
 * dashes. Uppercase, '.' and '_' are allowed by YANG and by RFC 8407 for well-known values, so this is a warning.
 */
public final class NamingConventionCheck implements Check {
    private static final Set<String> NAMED = Set.of("module", "submodule", "container", "leaf", "leaf-list", "list",
            "choice", "case", "anydata", "anyxml", "grouping", "typedef", "identity", "feature", "extension", "rpc",
            "action", "notification");

    @Override
    public void run(CheckContext context) {
        for (Statement s : context.statements()) {
            if (!NAMED.contains(s.keyword()) || s.argument() == null) {
                continue;
            }
            String name = s.argument().trim();
            if (!conventional(name)) {
                context.report(s, CheckCodes.NAMING_CONVENTION, s.keyword() + " name '" + name
                        + "' should use only lowercase letters, digits and dashes (RFC 8407 section 4.3.1)");
            }
        }
    }

    static boolean conventional(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return !name.isEmpty();
    }
}

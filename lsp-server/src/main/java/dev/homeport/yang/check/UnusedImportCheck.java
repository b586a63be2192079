package dev.homeport.yang.check;

import dev.homeport.yang.model.ModuleContext;
import dev.homeport.yang.syntax.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code unused-import}: an import whose prefix appears nowhere in its file: not in an extension keyword, not in
 * any argument (types, uses, bases, features, paths, XPath, defaults). Documentation statements do not count; a
 * prefix that merely looks used in some other string makes this check quiet, never wrong.
 */
public final class UnusedImportCheck implements Check {
    private static final Pattern PREFIXED = Pattern.compile("(?<![A-Za-z0-9_.\\-])([A-Za-z_][A-Za-z0-9_.\\-]*):");
    private static final Set<String> NOT_USES = Set.of("description", "reference", "contact", "organization",
            "namespace", "import", "prefix", "belongs-to", "error-message", "revision", "revision-date", "units");

    @Override
    public void run(CheckContext context) {
        for (ModuleContext source : context.sources()) {
            if (source.imports().isEmpty()) {
                continue;
            }
            Set<String> used = new HashSet<>();
            for (Statement s : source.tree().allStatements()) {
                if (s.prefix() != null) {
                    used.add(s.prefix());
                }
                if (s.argument() != null && !NOT_USES.contains(s.keyword())) {
                    Matcher m = PREFIXED.matcher(s.argument());
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
            for (ModuleContext.Import imp : source.imports().values()) {
                if (!used.contains(imp.prefix())) {
                    context.report(imp.statement(), CheckCodes.UNUSED_IMPORT, "module '" + imp.moduleName()
                            + "' is imported (prefix '" + imp.prefix() + "') but never used");
                }
            }
        }
    }
}

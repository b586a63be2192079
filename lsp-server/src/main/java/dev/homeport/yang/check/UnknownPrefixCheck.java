package dev.homeport.yang.check;

import dev.homeport.yang.model.ModuleContext;
import dev.homeport.yang.model.StatementPatch;
import dev.homeport.yang.syntax.Statement;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code unknown-prefix}: a reference whose prefix is neither the module's own nor bound by an import: in type,
 * uses, base, if-feature, extension keywords, and in the XPath of must, when and path.
 */
public final class UnknownPrefixCheck implements Check {
    @Override
    public void run(CheckContext context) {
        for (References.Reference ref : context.references()) {
            String prefix = ref.name().prefix();
            ModuleContext c = context.contextOf(ref.site());
            if (prefix == null || c == null || c.resolvePrefix(prefix) != null) {
                continue;
            }
            context.report(ref.site(), ref.span(), CheckCodes.UNKNOWN_PREFIX, "prefix '" + prefix + "' is not declared: "
                    + "it is not this module's prefix '" + c.ownPrefix() + "' and no import binds it");
            context.patch(UnresolvedReferences.patchFor(ref));
        }
        for (Statement s : context.statements()) {
            boolean path = s.is("path") && s.parent() != null && s.parent().is("type");
            if (s.argument() == null || !(s.is("must") || s.is("when") || path)) {
                continue;
            }
            ModuleContext c = context.contextOf(s);
            if (c == null) {
                continue;
            }
            for (String prefix : xpathPrefixes(s.argument())) {
                if (c.resolvePrefix(prefix) == null) {
                    context.report(s, CheckCodes.UNKNOWN_PREFIX, "prefix '" + prefix + "' in the " + s.keyword()
                            + " expression is not declared: it is not this module's prefix '" + c.ownPrefix()
                            + "' and no import binds it");
                    context.patch(path ? StatementPatch.replaceType(s) : StatementPatch.remove(s));
                }
            }
        }
    }

    /** The prefixes of the names in an XPath expression (outside string literals; axes like child:: excluded). */
    static Set<String> xpathPrefixes(String xpath) {
        Set<String> prefixes = new LinkedHashSet<>();
        int n = xpath.length();
        int i = 0;
        while (i < n) {
            char c = xpath.charAt(i);
            if (c == '\'' || c == '"') {
                int close = xpath.indexOf(c, i + 1);
                i = close < 0 ? n : close + 1;
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && isNameChar(xpath.charAt(i))) {
                    i++;
                }
                boolean preceded = start > 0 && (xpath.charAt(start - 1) == '$' || isNameChar(xpath.charAt(start - 1)));
                if (!preceded && i + 1 < n && xpath.charAt(i) == ':' && xpath.charAt(i + 1) != ':'
                        && (Character.isLetter(xpath.charAt(i + 1)) || xpath.charAt(i + 1) == '_' || xpath.charAt(i + 1) == '*')) {
                    prefixes.add(xpath.substring(start, i));
                }
            } else {
                i++;
            }
        }
        return prefixes;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }
}

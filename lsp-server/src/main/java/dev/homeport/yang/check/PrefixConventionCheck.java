package dev.homeport.yang.check;

import dev.homeport.yang.model.ModuleContext;

/**
 * {@code prefix-convention} (RFC 8407 section 4.2): an import should bind the imported module's own prefix, so
 * that one module reads the same in every file that uses it.
 */
public final class PrefixConventionCheck implements Check {
    @Override
    public void run(CheckContext context) {
        for (ModuleContext source : context.sources()) {
            for (ModuleContext.Import imp : source.imports().values()) {
                if (imp.target() == null || imp.target().header() == null) {
                    continue;
                }
                String own = imp.target().header().prefix();
                if (own != null && !own.trim().equals(imp.prefix())) {
                    imp.statement().firstChild("prefix").ifPresent(p -> context.report(p, CheckCodes.PREFIX_CONVENTION,
                            "module '" + imp.moduleName() + "' is imported with prefix '" + imp.prefix()
                                    + "' but declares prefix '" + own.trim() + "' (RFC 8407 section 4.2)"));
                }
            }
        }
    }
}

package dev.homeport.yang.check;

import dev.homeport.yang.index.Revision;
import dev.homeport.yang.model.ModuleContext;
import dev.homeport.yang.syntax.Statement;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code revision-order}: revision statements newest first (RFC 7950 section 7.1.9 says they SHOULD be), and no
 * date twice. Whether the file name matches the newest revision is the index's {@code file-revision-mismatch}.
 */
public final class RevisionOrderCheck implements Check {
    @Override
    public void run(CheckContext context) {
        for (ModuleContext source : context.sources()) {
            Revision previous = null;
            Set<Revision> seen = new HashSet<>();
            for (Statement rev : source.root().children("revision")) {
                Revision r = Revision.parse(rev.argument() == null ? null : rev.argument().trim());
                if (r == null) {
                    continue;
                }
                if (!seen.add(r)) {
                    context.report(rev, CheckCodes.REVISION_ORDER, "revision " + r + " is listed twice");
                } else if (previous != null && r.compareTo(previous) > 0) {
                    context.report(rev, CheckCodes.REVISION_ORDER, "revision " + r + " is newer than " + previous
                            + " above it; list revisions newest first (RFC 7950 section 7.1.9)");
                }
                previous = r;
            }
        }
    }
}

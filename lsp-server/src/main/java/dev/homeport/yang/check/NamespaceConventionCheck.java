package dev.homeport.yang.check;

import dev.homeport.yang.syntax.Statement;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * {@code namespace-convention} (RFC 8407 section 4.9): a namespace is an absolute URI, and the modules of the
 * IETF and IANA ({@code ietf-*}, {@code iana-*}) use {@code urn:ietf:params:xml:ns:yang:<module name>}.
 */
public final class NamespaceConventionCheck implements Check {
    static final String IETF_URN = "urn:ietf:params:xml:ns:yang:";

    @Override
    public void run(CheckContext context) {
        Statement root = context.main().root();
        if (!root.is("module")) {
            return;
        }
        Statement ns = root.firstChild("namespace").orElse(null);
        if (ns == null || ns.argument() == null) {
            return;
        }
        String namespace = ns.argument().trim();
        String module = context.main().moduleName();
        if (!isAbsoluteUri(namespace)) {
            context.report(ns, CheckCodes.NAMESPACE_CONVENTION, "namespace '" + namespace
                    + "' is not an absolute URI (RFC 7950 section 7.1.3)");
        } else if ((module.startsWith("ietf-") || module.startsWith("iana-")) && !namespace.equals(IETF_URN + module)) {
            context.report(ns, CheckCodes.NAMESPACE_CONVENTION, "the namespace of an IETF or IANA module should be '"
                    + IETF_URN + module + "' (RFC 8407 section 4.9)");
        }
    }

    static boolean isAbsoluteUri(String s) {
        try {
            return new URI(s).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}

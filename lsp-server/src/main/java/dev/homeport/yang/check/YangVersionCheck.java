package dev.homeport.yang.check;

import dev.homeport.yang.index.IndexedSource;
import dev.homeport.yang.index.ModuleReference;
import dev.homeport.yang.model.BuiltinType;
import dev.homeport.yang.model.ModuleContext;
import dev.homeport.yang.model.ResolvedType;
import dev.homeport.yang.model.StatementPatch;
import dev.homeport.yang.syntax.Statement;
import dev.homeport.yang.syntax.YangVersion;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code requires-yang-1.1}: what RFC 7950 section 1.1 lists as new in YANG 1.1, used in a module that declares
 * no {@code yang-version 1.1}. {@code yang-version-mismatch}: a module including a submodule of the other version,
 * or a YANG 1 module importing a YANG 1.1 module by revision (RFC 7950 section 12).
 */
public final class YangVersionCheck implements Check {
    private static final Set<String> IF_FEATURE_PARENTS_1_0 = Set.of("container", "leaf", "leaf-list", "list",
            "choice", "case", "anyxml", "uses", "augment", "rpc", "notification", "feature");
    private static final Pattern FEATURE_EXPRESSION = Pattern.compile("\\s(and|or)\\s|\\bnot\\s|[()]");
    private static final Pattern YANG_1_1_FUNCTIONS = Pattern.compile(
            "\\b(re-match|deref|derived-from-or-self|derived-from|enum-value|bit-is-set)\\s*\\(");

    @Override
    public void run(CheckContext context) {
        for (ModuleContext source : context.sources()) {
            if (source.version() == YangVersion.V1) {
                for (Statement s : source.tree().allStatements()) {
                    String needs = needs11(context, s);
                    if (needs != null) {
                        context.report(s, s.keywordSpan(), CheckCodes.REQUIRES_YANG_1_1, needs
                                + " needs 'yang-version 1.1;' (this module is YANG 1)");
                        // yangtools' YANG 1 grammar may not know it: keep it from stopping the run
                        context.patch(s.is("type") || s.is("path") ? StatementPatch.replaceType(s) : StatementPatch.remove(s));
                    }
                }
            }
            mismatches(context, source);
        }
    }

    private static String needs11(CheckContext context, Statement s) {
        Statement parent = s.parent();
        String p = parent == null ? "" : parent.keyword();
        switch (s.keyword()) {
            case "action":
                return "'action'";
            case "anydata":
                return "'anydata'";
            case "modifier":
                return "'modifier'";
            case "notification":
                return parent != null && parent.parent() != null ? "a notification inside '" + p + "'" : null;
            case "if-feature":
                if (!IF_FEATURE_PARENTS_1_0.contains(p) && parent != null && parent.parent() != null) {
                    return "'if-feature' inside '" + p + "'";
                }
                return s.argument() != null && FEATURE_EXPRESSION.matcher(" " + s.argument() + " ").find()
                        ? "an if-feature expression" : null;
            case "base":
                return parent != null && parent.children("base").size() > 1 && parent.children("base").get(1) == s
                        ? "more than one 'base' in '" + p + "'" : null;
            case "require-instance":
                return p.equals("type") && "leafref".equals(argumentOf(parent)) ? "'require-instance' on a leafref" : null;
            case "must":
                if (p.equals("input") || p.equals("output") || p.equals("notification")) {
                    return "'must' inside '" + p + "'";
                }
                return xpath11(s);
            case "when":
                return xpath11(s);
            case "path":
                return s.argument() != null && s.argument().contains("deref") && functions11(s.argument()) != null
                        ? "deref() in a leafref path" : null;
            case "default":
                return p.equals("leaf-list") ? "a leaf-list default" : null;
            case "description", "reference":
                return p.equals("import") || p.equals("include") ? "'" + s.keyword() + "' inside '" + p + "'" : null;
            case "choice":
                return p.equals("choice") ? "a choice directly inside a choice" : null;
            case "type":
                if (p.equals("type") && "union".equals(argumentOf(parent)) && s.argument() != null) {
                    ResolvedType t = context.types().resolve(s);
                    if (t.builtin() == BuiltinType.EMPTY || t.builtin() == BuiltinType.LEAFREF) {
                        return "'" + t.builtin().keyword() + "' in a union";
                    }
                }
                return null;
            default:
                break;
        }
        return null;
    }

    private static String xpath11(Statement s) {
        String f = s.argument() == null ? null : functions11(s.argument());
        return f == null ? null : "the XPath function " + f + "()";
    }

    static String functions11(String xpath) {
        var m = YANG_1_1_FUNCTIONS.matcher(xpath);
        return m.find() ? m.group(1) : null;
    }

    private static String argumentOf(Statement s) {
        return s == null || s.argument() == null ? null : s.argument().trim();
    }

    private static void mismatches(CheckContext context, ModuleContext source) {
        if (source.source().header() == null) {
            return;
        }
        YangVersion own = source.version();
        for (ModuleReference ref : source.source().header().references()) {
            IndexedSource target = context.world().resolve(source.source(), ref).target();
            ModuleContext t = context.world().context(target);
            if (t == null || t.version() == own) {
                continue;
            }
            Statement stmt = null;
            for (Statement s : source.root().children(ref.kind().keyword())) {
                if (s.span().equals(ref.span())) {
                    stmt = s;
                }
            }
            if (stmt == null) {
                continue;
            }
            if (ref.kind() == ModuleReference.Kind.INCLUDE) {
                context.report(stmt, CheckCodes.YANG_VERSION_MISMATCH, "a YANG " + own.argument() + " module cannot include"
                        + " YANG " + t.version().argument() + " submodule '" + ref.name() + "'");
            } else if (ref.kind() == ModuleReference.Kind.IMPORT && own == YangVersion.V1 && ref.revisionDate() != null) {
                context.report(stmt, CheckCodes.YANG_VERSION_MISMATCH, "a YANG 1 module cannot import YANG 1.1 module '"
                        + ref.name() + "' by revision");
            }
        }
    }
}

package dev.homeport.yang.semantic;

import dev.homeport.yang.check.CheckCodes;
import dev.homeport.yang.index.IndexCodes;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns yangtools' exception messages into diagnostics: a stable code by what the message says (the same codes our
 * own checks use for the same problem), and a message without yangtools' internal notation ({@code (namespace?
 * revision=...)name} becomes {@code name}, {@code Absolute{qnames=[a, b]}} becomes {@code /a/b}, the trailing
 * {@code [at file:line:col]} goes, since the diagnostic already is there).
 */
final class YangtoolsErrors {
    private record Rule(Pattern pattern, String code) {
    }

    private static final List<Rule> RULES = List.of(
            rule("Type \\[.*\\] was not found|Failed to resolve type|Unknown type", CheckCodes.UNKNOWN_TYPE),
            rule("[Cc]annot (import|include) .*version|version [0-9.]+ (sub)?module .* version", CheckCodes.YANG_VERSION_MISMATCH),
            rule("Cannot resolve QNameModule|prefix .* (not|cannot be) (found|resolved)|Unknown prefix|No import found with prefix",
                    CheckCodes.UNKNOWN_PREFIX),
            rule("Grouping .* was not resolved|Grouping .* not found", CheckCodes.UNKNOWN_GROUPING),
            rule("[Ii]dentity .* (not found|was not resolved|cannot be resolved)|Unable to resolve identity|Base identity",
                    CheckCodes.UNKNOWN_IDENTITY),
            rule("[Ff]eature .* (not found|was not resolved)|if-feature", CheckCodes.UNKNOWN_FEATURE),
            rule("[Ee]xtension .* (not found|was not resolved)", CheckCodes.UNKNOWN_EXTENSION),
            rule("Node name collision|already declared|already used in target|is already defined|Duplicate",
                    SemanticCodes.DUPLICATE_NODE),
            rule("Augment target .* not found|augment target|Augment .* target", CheckCodes.UNRESOLVED_AUGMENT_TARGET),
            rule("[Dd]eviation target", CheckCodes.UNRESOLVED_DEVIATION_TARGET),
            rule("[Rr]efine target|Refine .* not found", CheckCodes.UNRESOLVED_REFINE_TARGET),
            rule("Pattern .* failed to compile|[Ii]nvalid pattern", CheckCodes.INVALID_PATTERN),
            rule("[Rr]ange constraint|Invalid range|[Rr]ange .* (not|must)", CheckCodes.INVALID_RANGE),
            rule("[Ll]ength constraint|Invalid length", CheckCodes.INVALID_LENGTH),
            rule("is not valid XPath|XPath", CheckCodes.XPATH_SYNTAX),
            rule("[Kk]ey .* (misses|not found|does not)|[Kk]ey statement", CheckCodes.INVALID_KEY),
            rule("[Dd]efault value|[Dd]efault .* (not valid|invalid)", CheckCodes.INVALID_DEFAULT),
            rule("[Ii]mported module .* (was )?not found|Imported module", IndexCodes.UNRESOLVED_IMPORT),
            rule("[Ii]ncluded submodule .* not found|Included submodule", IndexCodes.UNRESOLVED_INCLUDE),
            rule("[Ii]nvalid date|[Rr]evision.date .*(invalid|not valid)|not a valid date", CheckCodes.INVALID_DATE),
            rule("Maximal count|Minimal count|is not valid for|is missing|Missing mandatory|not allowed|cannot be"
                    + "|may only|should not|has to be|must (not )?be|is not a valid|[Ii]nvalid", SemanticCodes.INVALID_STATEMENT));

    private static final Pattern QNAME = Pattern.compile("\\((?:[^()\\s?]+)(?:\\?revision=[0-9-]+)?\\)([A-Za-z_][\\w.\\-]*)");
    private static final Pattern SCHEMA_PATH = Pattern.compile("(Absolute|Descendant)\\{qnames=\\[([^\\]]*)\\]\\}");
    private static final Pattern FILE_POSITION = Pattern.compile("\\S+\\.yang:(\\d+):\\d+");
    private static final Pattern AT_SUFFIX = Pattern.compile("\\s*\\[at [^\\]]*\\]\\s*$");

    private YangtoolsErrors() {
    }

    private static Rule rule(String regex, String code) {
        return new Rule(Pattern.compile(regex), code);
    }

    /** The code for a message; classified on the cleaned text, so namespaces inside QNames cannot match a rule. */
    static String code(String rawMessage) {
        String m = clean(rawMessage);
        for (Rule r : RULES) {
            if (r.pattern.matcher(m).find()) {
                return r.code;
            }
        }
        return SemanticCodes.SEMANTIC_ERROR;
    }

    static String clean(String rawMessage) {
        String m = rawMessage == null ? "yangtools reported an error without a message" : rawMessage;
        m = AT_SUFFIX.matcher(m).replaceAll("");
        Matcher path = SCHEMA_PATH.matcher(m);
        StringBuilder sb = new StringBuilder();
        while (path.find()) {
            String[] names = path.group(2).split(",\\s*");
            StringBuilder p = new StringBuilder();
            for (int i = 0; i < names.length; i++) {
                if (path.group(1).equals("Absolute") || i > 0) {
                    p.append('/');
                }
                p.append(names[i]);
            }
            path.appendReplacement(sb, Matcher.quoteReplacement(p.toString()));
        }
        path.appendTail(sb);
        m = QNAME.matcher(sb.toString()).replaceAll("$1");
        m = FILE_POSITION.matcher(m).replaceAll("line $1");
        m = m.replace('\n', ' ').trim();
        return m.length() > 400 ? m.substring(0, 400) + "..." : m;
    }
}

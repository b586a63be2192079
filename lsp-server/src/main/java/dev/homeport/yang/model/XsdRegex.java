package dev.homeport.yang.model;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * YANG patterns are XML Schema regular expressions (RFC 7950 section 9.4.5). They are translated to Java with
 * yangtools' own translation (the one its reactor compiles patterns with), so our verdict and yangtools' agree;
 * on top, constructs Java accepts but XSD does not (groups like {@code (?:}, lazy quantifiers, escapes XSD lacks)
 * are refused, since other tools (libyang, pyang) would.
 */
public final class XsdRegex {
    private static final MethodHandle TO_JAVA = translator();

    private XsdRegex() {
    }

    /** The compiled pattern, or null when the expression is not valid. */
    public static Pattern compile(String xsd) {
        try {
            return check(xsd) == null ? Pattern.compile(toJava(xsd)) : null;
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    /** Null when {@code xsd} is a valid XSD regular expression, else what is wrong. */
    public static String check(String xsd) {
        String xsdProblem = xsdOnly(xsd);
        if (xsdProblem != null) {
            return xsdProblem;
        }
        try {
            Pattern.compile(toJava(xsd));
            return null;
        } catch (PatternSyntaxException e) {
            return e.getDescription() + (e.getIndex() >= 0 ? " near character " + (e.getIndex() + 1) : "");
        }
    }

    static String toJava(String xsd) {
        if (TO_JAVA == null) {
            return "^(?:" + xsd + ")$";
        }
        try {
            return (String) TO_JAVA.invokeExact(xsd);
        } catch (RuntimeException e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constructs that are not XSD: returns the problem, or null. */
    static String xsdOnly(String re) {
        boolean inClass = false;
        for (int i = 0; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                if (i + 1 >= re.length()) {
                    return "a '\\' at the end escapes nothing";
                }
                char e = re.charAt(i + 1);
                if ("nrt\\|.?*+(){}-[]^$sSiIcCdDwWpP".indexOf(e) < 0) {
                    return "'\\" + e + "' is not an XSD escape (XSD has \\n \\r \\t, \\d \\w \\s \\i \\c and their negations,"
                            + " \\p{...}, and escapes of the metacharacters)";
                }
                i++;
            } else if (inClass) {
                if (c == ']') {
                    inClass = false;
                }
            } else if (c == '[') {
                inClass = true;
                if (i + 1 < re.length() && re.charAt(i + 1) == '^') {
                    i++;
                }
                if (i + 1 < re.length() && re.charAt(i + 1) == ']') {
                    i++; // a ']' first in a class is literal in Java; keep scanning the class
                }
            } else if (c == '(' && i + 1 < re.length() && re.charAt(i + 1) == '?') {
                return "'(?' groups (non-capturing, look-around, flags) are not XSD";
            } else if ((c == '*' || c == '+' || c == '?' || c == '}') && i + 1 < re.length()
                    && (re.charAt(i + 1) == '?' || re.charAt(i + 1) == '+') && !(c == '?' && i > 0 && re.charAt(i - 1) == '(')) {
                return "'" + c + re.charAt(i + 1) + "' (lazy or possessive quantifier) is not XSD";
            }
        }
        return null;
    }

    private static MethodHandle translator() {
        try {
            Class<?> utils = Class.forName("org.opendaylight.yangtools.yang.parser.rfc7950.stmt.pattern.RegexUtils");
            Method m = utils.getDeclaredMethod("getJavaRegexFromXSD", String.class);
            m.setAccessible(true); // package-private in yangtools; fine on the class path (no module boundary)
            return MethodHandles.lookup().unreflect(m).asType(MethodType.methodType(String.class, String.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}

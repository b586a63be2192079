package dev.homeport.yang.check;

import dev.homeport.yang.model.BuiltinType;
import dev.homeport.yang.model.Definitions;
import dev.homeport.yang.model.ModuleContext;
import dev.homeport.yang.model.Ranges;
import dev.homeport.yang.model.ResolvedType;
import dev.homeport.yang.model.XsdRegex;
import dev.homeport.yang.syntax.Statement;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a value as written in a module (a {@code default}) is in a type's value space (RFC 7950 section 9).
 * Leafref and instance-identifier values are not judged: they depend on data.
 */
final class ValueValidator {
    private static final Pattern INTEGER = Pattern.compile("([-+]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?\\d+(\\.(\\d+))?");

    private final CheckContext context;

    ValueValidator(CheckContext context) {
        this.context = context;
    }

    /** Null when {@code value} is valid (or cannot be judged), else why not. */
    String problem(String value, ResolvedType type, Statement site, int depth) {
        if (!type.resolved() || depth > 8) {
            return null;
        }
        BuiltinType b = type.builtin();
        if (b.isInteger()) {
            BigInteger v = integer(value);
            if (v == null) {
                return "'" + value + "' is not an integer";
            }
            return within(new BigDecimal(v), Ranges.effective(type, "range"), value, "range");
        }
        switch (b) {
            case DECIMAL64 -> {
                Matcher m = DECIMAL.matcher(value);
                if (!m.matches()) {
                    return "'" + value + "' is not a decimal number";
                }
                int digits = Ranges.fractionDigits(type);
                if (digits > 0 && m.group(2) != null && m.group(2).length() > digits) {
                    return "'" + value + "' has more than the " + digits + " fraction digits of the type";
                }
                return within(new BigDecimal(value.startsWith("+") ? value.substring(1) : value),
                        Ranges.effective(type, "range"), value, "range");
            }
            case STRING -> {
                String lengthProblem = within(BigDecimal.valueOf(value.codePointCount(0, value.length())),
                        Ranges.effective(type, "length"), value, "length");
                if (lengthProblem != null) {
                    return lengthProblem;
                }
                for (Statement p : type.patterns()) {
                    Pattern compiled = p.argument() == null ? null : XsdRegex.compile(p.argument());
                    if (compiled == null) {
                        continue;
                    }
                    boolean invert = "invert-match".equals(p.childArgument("modifier").map(String::trim).orElse(null));
                    if (compiled.matcher(value).matches() == invert) {
                        return "'" + value + "' " + (invert ? "matches" : "does not match") + " the pattern '"
                                + p.argument() + "'";
                    }
                }
                return null;
            }
            case BOOLEAN -> {
                return value.equals("true") || value.equals("false") ? null : "'" + value + "' is not 'true' or 'false'";
            }
            case ENUMERATION -> {
                Set<String> names = names(type.nearest("enum"));
                return names.contains(value) ? null : "'" + value + "' is not one of the enums " + names;
            }
            case BITS -> {
                Set<String> names = names(type.nearest("bit"));
                for (String bit : value.trim().split("\\s+")) {
                    if (!bit.isEmpty() && !names.contains(bit)) {
                        return "'" + bit + "' is not one of the bits " + names;
                    }
                }
                return null;
            }
            case EMPTY -> {
                return "a value of type 'empty' cannot have a default (RFC 7950 section 9.11)";
            }
            case BINARY -> {
                byte[] bytes;
                try {
                    bytes = Base64.getDecoder().decode(value.replaceAll("\\s", ""));
                } catch (IllegalArgumentException e) {
                    return "'" + value + "' is not base64";
                }
                return within(BigDecimal.valueOf(bytes.length), Ranges.effective(type, "length"), value, "length");
            }
            case IDENTITYREF -> {
                return identity(value, type, site);
            }
            case UNION -> {
                ResolvedType.Layer layer = type.nearestLayerWith("type");
                if (layer == null) {
                    return null;
                }
                List<String> members = new ArrayList<>();
                for (Statement member : layer.type().children("type")) {
                    ResolvedType m = context.types().resolve(member, layer.context());
                    if (!m.resolved() || problem(value, m, site, depth + 1) == null) {
                        return null;
                    }
                    members.add(member.argument() == null ? "?" : member.argument().trim());
                }
                return "'" + value + "' is not valid for any member type of the union (" + String.join(", ", members) + ")";
            }
            default -> {
                return null; // leafref, instance-identifier: depends on data
            }
        }
    }

    static BigInteger integer(String text) {
        Matcher m = INTEGER.matcher(text);
        if (!m.matches()) {
            return null;
        }
        String digits = m.group(2);
        BigInteger v;
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            v = new BigInteger(digits.substring(2), 16);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            v = new BigInteger(digits.substring(1), 8);
        } else {
            v = new BigInteger(digits);
        }
        return m.group(1).equals("-") ? v.negate() : v;
    }

    private static String within(BigDecimal v, List<Ranges.Interval> intervals, String value, String what) {
        if (intervals == null) {
            return null;
        }
        for (Ranges.Interval i : intervals) {
            if (i.contains(v)) {
                return null;
            }
        }
        return "'" + value + "' is outside the " + what + " " + Ranges.describe(intervals);
    }

    private static Set<String> names(List<Statement> statements) {
        Set<String> names = new LinkedHashSet<>();
        for (Statement s : statements) {
            if (s.argument() != null) {
                names.add(s.argument().trim());
            }
        }
        return names;
    }

    private String identity(String value, ResolvedType type, Statement site) {
        Definitions.Found id = context.find(site, "identity", value.trim());
        if (id.failure() == Definitions.Failure.UNRESOLVED_IMPORT) {
            return null;
        }
        if (!id.ok()) {
            return id.failure() == Definitions.Failure.UNKNOWN_PREFIX
                    ? "prefix '" + id.name().prefix() + "' of '" + value + "' is not declared"
                    : "'" + value + "' names no identity";
        }
        ResolvedType.Layer layer = type.nearestLayerWith("base");
        if (layer == null) {
            return null;
        }
        for (Statement base : layer.type().children("base")) {
            if (base.argument() == null) {
                continue;
            }
            ModuleContext baseContext = layer.context();
            Definitions.Found b = Definitions.find(context.world(), baseContext, base, "identity", base.argument());
            if (b.ok() && !derivedFrom(id.statement(), b.statement())) {
                return "identity '" + value + "' is not derived from the base '" + base.argument().trim() + "'";
            }
        }
        return null;
    }

    private boolean derivedFrom(Statement identity, Statement base) {
        Set<Statement> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Statement> todo = new ArrayList<>();
        todo.add(identity);
        while (!todo.isEmpty()) {
            Statement i = todo.remove(todo.size() - 1);
            if (!seen.add(i)) {
                continue;
            }
            for (Statement b : i.children("base")) {
                if (b.argument() == null) {
                    continue;
                }
                Definitions.Found f = context.find(b, "identity", b.argument());
                if (!f.ok()) {
                    return true; // a base we cannot follow: no verdict
                }
                if (f.statement() == base) {
                    return true;
                }
                todo.add(f.statement());
            }
        }
        return false;
    }
}

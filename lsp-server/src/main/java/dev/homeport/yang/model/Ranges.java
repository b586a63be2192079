package dev.homeport.yang.model;

import dev.homeport.yang.syntax.Statement;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The value space of {@code range} and {@code length} restrictions (RFC 7950 sections 9.2.4, 9.3.4, 9.4.4):
 * parts separated by '|', each a value or {@code lower..upper}, {@code min} and {@code max} meaning the bounds of
 * the type being restricted. A restriction must be ascending, disjoint and within its base type's space.
 */
public final class Ranges {
    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?\\d+(\\.\\d+)?");
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** A closed interval. */
    public record Interval(BigDecimal min, BigDecimal max) {
        public boolean contains(BigDecimal v) {
            return v.compareTo(min) >= 0 && v.compareTo(max) <= 0;
        }

        public boolean contains(Interval i) {
            return i.min.compareTo(min) >= 0 && i.max.compareTo(max) <= 0;
        }

        @Override
        public String toString() {
            return min.compareTo(max) == 0 ? min.toPlainString() : min.toPlainString() + ".." + max.toPlainString();
        }
    }

    /** Parsed intervals, or the problem with the text. */
    public record Parsed(List<Interval> intervals, String problem) {
    }

    private Ranges() {
    }

    public static String describe(List<Interval> intervals) {
        StringBuilder sb = new StringBuilder();
        for (Interval i : intervals) {
            if (!sb.isEmpty()) {
                sb.append(" | ");
            }
            sb.append(i);
        }
        return sb.toString();
    }

    /**
     * The values a type allows by {@code keyword} ({@code range} or {@code length}): the nearest restriction in
     * its chain, each taken within the next one, down to the built-in type's space. A broken restriction counts
     * as its base (it is reported where it is written). Null when the type does not resolve or has no such space.
     */
    public static List<Interval> effective(ResolvedType type, String keyword) {
        if (!type.resolved()) {
            return null;
        }
        for (ResolvedType.Layer layer : type.layers()) {
            Statement restriction = layer.type().firstChild(keyword).orElse(null);
            if (restriction != null) {
                List<Interval> base = effective(type.below(layer), keyword);
                if (base == null) {
                    return null;
                }
                Parsed p = parse(restriction.argument(), base, keyword.equals("length") || type.builtin().isInteger());
                return p.problem() == null ? p.intervals() : base;
            }
        }
        return builtinSpace(type, keyword);
    }

    /** The space of the built-in type for {@code keyword}; null when the keyword does not apply to it. */
    public static List<Interval> builtinSpace(ResolvedType type, String keyword) {
        BuiltinType b = type.builtin();
        if (keyword.equals("length")) {
            if (b != BuiltinType.STRING && b != BuiltinType.BINARY) {
                return null;
            }
            return List.of(new Interval(BigDecimal.ZERO, new BigDecimal(BuiltinType.UINT64.max())));
        }
        if (b.isInteger()) {
            return List.of(new Interval(new BigDecimal(b.min()), new BigDecimal(b.max())));
        }
        if (b == BuiltinType.DECIMAL64) {
            int digits = fractionDigits(type);
            if (digits < 1 || digits > 18) {
                return null;
            }
            return List.of(new Interval(new BigDecimal(LONG_MIN, digits), new BigDecimal(LONG_MAX, digits)));
        }
        return null;
    }

    /** The fraction-digits of a decimal64 type (from the layer that declares it); -1 when missing. */
    public static int fractionDigits(ResolvedType type) {
        ResolvedType.Layer layer = type.nearestLayerWith("fraction-digits");
        if (layer == null) {
            return -1;
        }
        try {
            return Integer.parseInt(layer.type().childArgument("fraction-digits").orElse("").trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Parses a range or length argument within {@code base}; {@code integers} when decimals are not allowed. */
    public static Parsed parse(String text, List<Interval> base, boolean integers) {
        if (text == null || text.isBlank()) {
            return new Parsed(null, "the restriction is empty");
        }
        List<Interval> parts = new ArrayList<>();
        BigDecimal baseMin = base.get(0).min();
        BigDecimal baseMax = base.get(base.size() - 1).max();
        for (String part : text.split("\\|", -1)) {
            String p = part.trim();
            if (p.isEmpty()) {
                return new Parsed(null, "an empty part between '|'");
            }
            int dots = p.indexOf("..");
            String lo = dots < 0 ? p : p.substring(0, dots).trim();
            String hi = dots < 0 ? p : p.substring(dots + 2).trim();
            BigDecimal min;
            BigDecimal max;
            try {
                min = value(lo, baseMin, baseMax, integers);
                max = value(hi, baseMin, baseMax, integers);
            } catch (IllegalArgumentException e) {
                return new Parsed(null, e.getMessage());
            }
            if (min.compareTo(max) > 0) {
                return new Parsed(null, "'" + p + "' is descending; write the lower bound first");
            }
            Interval interval = new Interval(min, max);
            if (!parts.isEmpty() && min.compareTo(parts.get(parts.size() - 1).max()) <= 0) {
                return new Parsed(null, "'" + p + "' is not above the part before it; parts must be ascending and disjoint");
            }
            boolean within = false;
            for (Interval b : base) {
                within |= b.contains(interval);
            }
            if (!within) {
                return new Parsed(null, "'" + p + "' is not within the base type's " + describe(base));
            }
            parts.add(interval);
        }
        return new Parsed(List.copyOf(parts), null);
    }

    private static BigDecimal value(String text, BigDecimal min, BigDecimal max, boolean integers) {
        if (text.equals("min")) {
            return min;
        }
        if (text.equals("max")) {
            return max;
        }
        if (integers ? !INTEGER.matcher(text).matches() : !DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException("'" + text + "' is not " + (integers ? "an integer" : "a decimal number")
                    + ", 'min' or 'max'");
        }
        return new BigDecimal(text.startsWith("+") ? text.substring(1) : text);
    }
}

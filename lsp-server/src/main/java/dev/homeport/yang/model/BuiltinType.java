package dev.homeport.yang.model;

import java.math.BigInteger;
import java.util.Locale;

/** The YANG built-in types (RFC 7950 section 4.2.4), with the value space of the integer types. */
public enum BuiltinType {
    BINARY, BITS, BOOLEAN, DECIMAL64, EMPTY, ENUMERATION, IDENTITYREF, INSTANCE_IDENTIFIER,
    INT8(-128, 127), INT16(-32768, 32767), INT32(Integer.MIN_VALUE, Integer.MAX_VALUE),
    INT64(Long.MIN_VALUE, Long.MAX_VALUE), LEAFREF, STRING,
    UINT8(0, 255), UINT16(0, 65535), UINT32(0, 4294967295L), UINT64(BigInteger.ZERO, BigInteger.TWO.pow(64).subtract(BigInteger.ONE)),
    UNION;

    private final BigInteger min;
    private final BigInteger max;

    BuiltinType() {
        this.min = null;
        this.max = null;
    }

    BuiltinType(long min, long max) {
        this(BigInteger.valueOf(min), BigInteger.valueOf(max));
    }

    BuiltinType(BigInteger min, BigInteger max) {
        this.min = min;
        this.max = max;
    }

    /** The keyword as written in YANG, e.g. {@code instance-identifier}. */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static BuiltinType of(String name) {
        for (BuiltinType t : values()) {
            if (t.keyword().equals(name)) {
                return t;
            }
        }
        return null;
    }

    public boolean isInteger() {
        return min != null;
    }

    public BigInteger min() {
        return min;
    }

    public BigInteger max() {
        return max;
    }
}

package dev.homeport.yang.check;

/**
 * {@code invalid-range}: a {@code range} that is malformed, descending, overlapping, outside its base type's range
 * (RFC 7950 section 9.2.4: a restriction can only narrow), or on a type that is not numeric. yangtools reports the
 * last case without any position, which is one reason to check it here.
 */
public final class RangeCheck extends Restrictions {
    public RangeCheck() {
        super("range", CheckCodes.INVALID_RANGE);
    }
}

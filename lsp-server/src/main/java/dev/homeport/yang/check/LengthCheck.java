package dev.homeport.yang.check;

/** {@code invalid-length}: the same rules as {@link RangeCheck} for {@code length} on string and binary types. */
public final class LengthCheck extends Restrictions {
    public LengthCheck() {
        super("length", CheckCodes.INVALID_LENGTH);
    }
}

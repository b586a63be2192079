package dev.homeport.yang.check;

/** {@code unknown-grouping}: a {@code uses} of a grouping that is not in scope. */
public final class UnknownGroupingCheck extends UnresolvedReferences {
    public UnknownGroupingCheck() {
        super(References.Kind.GROUPING, CheckCodes.UNKNOWN_GROUPING);
    }
}

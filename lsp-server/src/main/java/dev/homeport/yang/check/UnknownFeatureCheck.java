package dev.homeport.yang.check;

/** {@code unknown-feature}: an {@code if-feature} that names no feature. */
public final class UnknownFeatureCheck extends UnresolvedReferences {
    public UnknownFeatureCheck() {
        super(References.Kind.FEATURE, CheckCodes.UNKNOWN_FEATURE);
    }
}

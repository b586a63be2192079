package dev.homeport.yang.check;

/** {@code unknown-identity}: a {@code base} that names no identity. */
public final class UnknownIdentityCheck extends UnresolvedReferences {
    public UnknownIdentityCheck() {
        super(References.Kind.IDENTITY, CheckCodes.UNKNOWN_IDENTITY);
    }
}

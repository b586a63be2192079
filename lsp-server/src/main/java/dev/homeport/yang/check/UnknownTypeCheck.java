package dev.homeport.yang.check;

/** {@code unknown-type}: a {@code type} that is neither built in nor a typedef in scope. */
public final class UnknownTypeCheck extends UnresolvedReferences {
    public UnknownTypeCheck() {
        super(References.Kind.TYPEDEF, CheckCodes.UNKNOWN_TYPE);
    }
}

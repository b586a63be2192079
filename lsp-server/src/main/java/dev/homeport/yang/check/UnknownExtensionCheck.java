package dev.homeport.yang.check;

/** {@code unknown-extension}: an extension statement ({@code prefix:name}) whose extension is not defined. */
public final class UnknownExtensionCheck extends UnresolvedReferences {
    public UnknownExtensionCheck() {
        super(References.Kind.EXTENSION, CheckCodes.UNKNOWN_EXTENSION);
    }
}

package dev.homeport.yang.index;

/** The {@code code} of every diagnostic the workspace index reports. */
public final class IndexCodes {
    public static final String NO_MODULE = "no-module";
    public static final String EXTRA_TOP_LEVEL = "extra-top-level";
    public static final String INVALID_UTF8 = "invalid-utf8";
    public static final String FILE_NAME_MISMATCH = "file-name-mismatch";
    public static final String FILE_REVISION_MISMATCH = "file-revision-mismatch";
    public static final String UNRESOLVED_IMPORT = "unresolved-import";
    public static final String UNRESOLVED_INCLUDE = "unresolved-include";
    public static final String UNRESOLVED_BELONGS_TO = "unresolved-belongs-to";
    public static final String REVISION_NOT_FOUND = "revision-not-found";
    public static final String WRONG_KIND = "wrong-module-kind";
    public static final String AMBIGUOUS_MODULE = "ambiguous-module";
    public static final String SUBMODULE_OF_OTHER_MODULE = "submodule-of-other-module";

    private IndexCodes() {
    }
}

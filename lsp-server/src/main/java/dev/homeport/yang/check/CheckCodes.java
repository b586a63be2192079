package dev.homeport.yang.check;

/**
 * The {@code code} of every diagnostic our own checks report. yangtools' errors are mapped to the same codes where
 * they mean the same thing (see {@code YangtoolsErrors}), so a setting for a code covers both.
 */
public final class CheckCodes {
    public static final String UNKNOWN_PREFIX = "unknown-prefix";
    public static final String UNKNOWN_TYPE = "unknown-type";
    public static final String UNKNOWN_GROUPING = "unknown-grouping";
    public static final String UNKNOWN_IDENTITY = "unknown-identity";
    public static final String UNKNOWN_FEATURE = "unknown-feature";
    public static final String UNKNOWN_EXTENSION = "unknown-extension";
    public static final String UNUSED_IMPORT = "unused-import";
    public static final String UNUSED_GROUPING = "unused-grouping";
    public static final String NAMING_CONVENTION = "naming-convention";
    public static final String PREFIX_CONVENTION = "prefix-convention";
    public static final String NAMESPACE_CONVENTION = "namespace-convention";
    public static final String REVISION_ORDER = "revision-order";
    public static final String INVALID_DATE = "invalid-date";
    public static final String XPATH_SYNTAX = "xpath-syntax";
    public static final String UNRESOLVED_LEAFREF = "unresolved-leafref";
    public static final String LEAFREF_TO_STATE = "leafref-to-state";
    public static final String UNRESOLVED_AUGMENT_TARGET = "unresolved-augment-target";
    public static final String UNRESOLVED_DEVIATION_TARGET = "unresolved-deviation-target";
    public static final String UNRESOLVED_REFINE_TARGET = "unresolved-refine-target";
    public static final String IDENTITY_CYCLE = "identity-cycle";
    public static final String IMPORT_CYCLE = "import-cycle";
    public static final String INVALID_DEFAULT = "invalid-default";
    public static final String INVALID_RANGE = "invalid-range";
    public static final String INVALID_LENGTH = "invalid-length";
    public static final String INVALID_PATTERN = "invalid-pattern";
    public static final String MISSING_KEY = "missing-key";
    public static final String INVALID_KEY = "invalid-key";
    public static final String REQUIRES_YANG_1_1 = "requires-yang-1.1";
    public static final String YANG_VERSION_MISMATCH = "yang-version-mismatch";

    private CheckCodes() {
    }
}

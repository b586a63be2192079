package dev.homeport.yang.syntax;

/** The YANG language version a file declares with {@code yang-version}; 1 when it declares none. */
public enum YangVersion {
    V1("1"), V1_1("1.1");

    private final String argument;

    YangVersion(String argument) {
        this.argument = argument;
    }

    public String argument() {
        return argument;
    }

    /** The version for a {@code yang-version} argument, or null when the argument names no known version. */
    public static YangVersion forArgument(String argument) {
        if (argument == null) {
            return null;
        }
        return switch (argument) {
            case "1", "1.0" -> V1;
            case "1.1" -> V1_1;
            default -> null;
        };
    }
}

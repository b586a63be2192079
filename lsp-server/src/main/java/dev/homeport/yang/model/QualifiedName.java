package dev.homeport.yang.model;

/** A YANG reference {@code prefix:name} or {@code name} as written; {@code prefix} is null when there is none. */
public record QualifiedName(String prefix, String name) {
    public static QualifiedName parse(String text) {
        String t = text.trim();
        int colon = t.indexOf(':');
        return colon < 0 ? new QualifiedName(null, t) : new QualifiedName(t.substring(0, colon), t.substring(colon + 1));
    }

    /** True when both parts are YANG identifiers. */
    public boolean isValid() {
        return (prefix == null || isIdentifier(prefix)) && isIdentifier(name);
    }

    public static boolean isIdentifier(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        if (!(Character.isLetter(c) && c < 128 || c == '_')) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            char d = s.charAt(i);
            if (!(d < 128 && (Character.isLetterOrDigit(d) || d == '_' || d == '-' || d == '.'))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return prefix == null ? name : prefix + ":" + name;
    }
}

package dev.homeport.netconf.schema;

import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A module or submodule by name and, when known, revision: the key of the module cache ({@code name@revision}).
 * Names and revisions are checked, because they come from devices and end up in file names.
 */
public record ModuleRef(String name, Optional<String> revision) implements Comparable<ModuleRef> {
    /** RFC 7950 section 6.2 identifier. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    /** RFC 7950 section 7.1.9 revision date. */
    private static final Pattern REVISION = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private static final Comparator<ModuleRef> ORDER = Comparator.comparing(ModuleRef::name)
            .thenComparing(r -> r.revision().orElse(""));

    public ModuleRef {
        if (!isIdentifier(name)) {
            throw new IllegalArgumentException("not a YANG module name: '" + name + "'");
        }
        revision = revision.filter(r -> !r.isEmpty());
        if (revision.isPresent() && !isRevision(revision.get())) {
            throw new IllegalArgumentException("not a YANG revision date (YYYY-MM-DD): '" + revision.get() + "'");
        }
    }

    public static ModuleRef of(String name, String revisionOrNull) {
        return new ModuleRef(name, Optional.ofNullable(revisionOrNull));
    }

    public static ModuleRef of(String name) {
        return new ModuleRef(name, Optional.empty());
    }

    /** Parses {@code name} or {@code name@revision}. */
    public static ModuleRef parse(String id) {
        int at = id.indexOf('@');
        return at < 0 ? of(id) : of(id.substring(0, at), id.substring(at + 1));
    }

    public static boolean isIdentifier(String s) {
        return s != null && s.length() <= 512 && IDENTIFIER.matcher(s).matches();
    }

    public static boolean isRevision(String s) {
        return s != null && REVISION.matcher(s).matches();
    }

    /** {@code name@revision}, or {@code name} without a revision. */
    public String id() {
        return revision.map(r -> name + "@" + r).orElse(name);
    }

    /** True if {@code other} names the same module and, where this ref has a revision, the same revision. */
    public boolean matches(ModuleRef other) {
        return name.equals(other.name) && (revision.isEmpty() || revision.equals(other.revision));
    }

    @Override
    public int compareTo(ModuleRef o) {
        return ORDER.compare(this, o);
    }

    @Override
    public String toString() {
        return id();
    }
}

package dev.homeport.netconf.message;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The capabilities a peer advertised in its hello. */
public final class Capabilities {
    private final List<String> uris;
    private final Set<String> bare;

    public Capabilities(Collection<String> uris) {
        this.uris = List.copyOf(new LinkedHashSet<>(uris));
        Set<String> b = new LinkedHashSet<>();
        for (String u : this.uris) {
            b.add(Capability.withoutQuery(u));
        }
        this.bare = Set.copyOf(b);
    }

    public List<String> uris() {
        return uris;
    }

    /** True if the capability is present, comparing URIs without their query parameters. */
    public boolean has(String uri) {
        return bare.contains(Capability.withoutQuery(uri));
    }

    public Optional<String> find(String uriWithoutQuery) {
        return uris.stream().filter(u -> Capability.withoutQuery(u).equals(uriWithoutQuery)).findFirst();
    }

    public boolean base11() {
        return has(Capability.BASE_1_1);
    }

    public boolean candidate() {
        return has(Capability.CANDIDATE);
    }

    public boolean writableRunning() {
        return has(Capability.WRITABLE_RUNNING);
    }

    public boolean startup() {
        return has(Capability.STARTUP);
    }

    public boolean confirmedCommit() {
        return has(Capability.CONFIRMED_COMMIT_1_0) || has(Capability.CONFIRMED_COMMIT_1_1);
    }

    public boolean confirmedCommit11() {
        return has(Capability.CONFIRMED_COMMIT_1_1);
    }

    public boolean validate() {
        return has(Capability.VALIDATE_1_0) || has(Capability.VALIDATE_1_1);
    }

    public boolean notifications() {
        return has(Capability.NOTIFICATION);
    }

    public boolean interleave() {
        return has(Capability.INTERLEAVE);
    }

    public boolean xpath() {
        return has(Capability.XPATH);
    }

    public boolean url() {
        return has(Capability.URL);
    }

    public boolean partialLock() {
        return has(Capability.PARTIAL_LOCK);
    }

    public boolean rollbackOnError() {
        return has(Capability.ROLLBACK_ON_ERROR);
    }

    /** URL schemes from {@code :url:1.0?scheme=file,ftp}. */
    public List<String> urlSchemes() {
        return find(Capability.URL).map(u -> query(u, "scheme")).map(s -> List.of(s.split(","))).orElse(List.of());
    }

    /** RFC 6243: the basic mode and the also-supported modes, when with-defaults is advertised. */
    public Optional<WithDefaultsSupport> withDefaults() {
        return find(Capability.WITH_DEFAULTS).map(u -> {
            WithDefaultsMode basic = WithDefaultsMode.fromKeyword(query(u, "basic-mode")).orElse(WithDefaultsMode.EXPLICIT);
            Set<WithDefaultsMode> also = EnumSet.noneOf(WithDefaultsMode.class);
            for (String s : query(u, "also-supported").split(",")) {
                WithDefaultsMode.fromKeyword(s).ifPresent(also::add);
            }
            return new WithDefaultsSupport(basic, also);
        });
    }

    /** YANG library (RFC 7950 section 5.6.4 / RFC 8526): the server lists its modules there, not in the hello. */
    public boolean yangLibrary() {
        return has(Capability.YANG_LIBRARY_1_0) || has(Capability.YANG_LIBRARY_1_1);
    }

    /** The modules announced as capabilities (a YANG 1.1 server lists only YANG 1.0 modules here). */
    public List<ModuleCapability> modules() {
        List<ModuleCapability> out = new ArrayList<>();
        for (String u : uris) {
            if (!u.startsWith("urn:ietf:params:netconf:")) {
                ModuleCapability.parse(u).ifPresent(out::add);
            }
        }
        return out;
    }

    /** True if a module of that name is announced (hello) — NMDA and monitoring are found this way. */
    public boolean hasModule(String name) {
        return modules().stream().anyMatch(m -> m.name().equals(name));
    }

    static String query(String uri, String key) {
        int q = uri.indexOf('?');
        if (q < 0) {
            return "";
        }
        for (String p : uri.substring(q + 1).split("&")) {
            String param = p.startsWith("amp;") ? p.substring(4) : p;
            if (param.startsWith(key + "=")) {
                return param.substring(key.length() + 1);
            }
        }
        return "";
    }

    @Override
    public String toString() {
        return String.join("\n", uris);
    }

    public record WithDefaultsSupport(WithDefaultsMode basicMode, Set<WithDefaultsMode> alsoSupported) {
        public WithDefaultsSupport {
            alsoSupported = alsoSupported.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(alsoSupported));
        }

        public boolean supports(WithDefaultsMode mode) {
            return basicMode == mode || alsoSupported.contains(mode);
        }
    }
}

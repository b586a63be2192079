package dev.homeport.netconf.message;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A YANG module announced in a hello (RFC 6020 section 5.6.4, RFC 7950 section 5.6.4):
 * {@code namespace?module=name&revision=date&features=a,b&deviations=m1,m2}.
 */
public record ModuleCapability(String namespace, String name, Optional<String> revision, List<String> features,
                               List<String> deviations) {

    public ModuleCapability {
        features = List.copyOf(features);
        deviations = List.copyOf(deviations);
    }

    /** Parses a capability URI; empty when it does not name a module. */
    public static Optional<ModuleCapability> parse(String uri) {
        int q = uri.indexOf('?');
        if (q < 0) {
            return Optional.empty();
        }
        String ns = uri.substring(0, q);
        String module = null;
        String revision = null;
        List<String> features = List.of();
        List<String> deviations = List.of();
        for (String param : uri.substring(q + 1).split("&")) {
            // tolerate "&amp;" that some devices leave escaped inside the text
            String p = param.startsWith("amp;") ? param.substring(4) : param;
            int eq = p.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = p.substring(0, eq);
            String value = URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8);
            switch (key) {
                case "module" -> module = value;
                case "revision" -> revision = value;
                case "features" -> features = split(value);
                case "deviations" -> deviations = split(value);
                default -> {
                }
            }
        }
        if (module == null || module.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ModuleCapability(ns, module, Optional.ofNullable(revision).filter(r -> !r.isEmpty()),
                features, deviations));
    }

    private static List<String> split(String csv) {
        List<String> out = new ArrayList<>();
        for (String s : csv.split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    /** {@code name@revision}, the key of the module cache. */
    public String id() {
        return revision.map(r -> name + "@" + r).orElse(name);
    }
}

package dev.homeport.netconf.server.sim;

import java.util.Map;
import java.util.Set;

/**
 * The NETCONF server's own modules, which every profile gets (class path {@code netconf-server/yang/}): the
 * features the simulated server implements, and the modules it uses only for their definitions.
 */
final class ServerModules {
    /** ietf-netconf features: every capability but :url (the server reads no URLs). */
    static final Map<String, Set<String>> FEATURES = Map.of(
            "ietf-netconf", Set.of("writable-running", "candidate", "confirmed-commit", "rollback-on-error",
                    "validate", "startup", "xpath"),
            // get-data's with-defaults parameter; not "origin" (no origin metadata)
            "ietf-netconf-nmda", Set.of("with-defaults"));

    static final Set<String> IMPORT_ONLY = Set.of("ietf-yang-types", "ietf-inet-types", "ietf-origin",
            "ietf-yang-metadata");

    private ServerModules() {
    }
}

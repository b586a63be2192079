package dev.homeport.netconf.schema;

import java.util.List;
import java.util.Optional;

/**
 * What one discovery source said: its modules (or, for netconf-state, its schema entries), the identifier of the
 * module set when the source has one (RFC 7895 module-set-id, RFC 8525 content-id), and entries that were skipped.
 */
public record ModuleListing(DiscoverySource source, List<DeviceModule> modules, List<SchemaEntry> schemas,
                            Optional<String> contentId, List<String> problems) {

    public ModuleListing {
        modules = List.copyOf(modules);
        schemas = List.copyOf(schemas);
        problems = List.copyOf(problems);
    }

    public static ModuleListing empty(DiscoverySource source) {
        return new ModuleListing(source, List.of(), List.of(), Optional.empty(), List.of());
    }

    public boolean isEmpty() {
        return modules.isEmpty() && schemas.isEmpty();
    }
}

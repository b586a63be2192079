package dev.homeport.netconf.schema;

import java.util.List;
import java.util.Optional;

/**
 * One {@code /netconf-state/schemas/schema} entry (RFC 6022): a schema file the device can return with get-schema.
 *
 * @param identifier module or submodule name
 * @param version    revision, or empty
 * @param format     identity local name: {@code yang}, {@code yin}, {@code xsd}...
 * @param namespace  XML namespace of the module (of the parent module for a submodule)
 * @param locations  {@code NETCONF} (get-schema) and/or URLs
 */
public record SchemaEntry(String identifier, Optional<String> version, String format, Optional<String> namespace,
                          List<String> locations) {

    public SchemaEntry {
        version = version.filter(v -> !v.isEmpty());
        namespace = namespace.filter(n -> !n.isBlank());
        locations = List.copyOf(locations);
    }

    public boolean isYang() {
        return "yang".equals(format);
    }

    /** RFC 6022: location "NETCONF" means get-schema returns it (an empty list is read the same way). */
    public boolean retrievableWithGetSchema() {
        return locations.isEmpty() || locations.stream().anyMatch("NETCONF"::equals);
    }
}

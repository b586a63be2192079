package dev.homeport.netconf.schema;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Something the user should know about a device's schema: a source that failed, a module that could not be fetched
 * or built, and which modules were left out because of it.
 *
 * @param kind    what sort of problem
 * @param module  the module at fault, when there is one
 * @param message what was wrong, for people
 * @param dropped the modules left out of the schema because of it (the module itself first), possibly none
 */
public record SchemaWarning(Kind kind, Optional<ModuleRef> module, String message, List<ModuleRef> dropped) {

    public enum Kind {
        /** A discovery source failed or disagreed with another. */
        DISCOVERY,
        /** get-schema failed or returned text that is not the module. */
        DOWNLOAD,
        /** The module cache could not be read or written; the load carried on. */
        CACHE,
        /** A module imports or includes something that is not available. */
        MISSING_DEPENDENCY,
        /** The module's text is wrong (yangtools refused it). */
        INVALID_MODULE,
        /** A deviation the device announces could not be applied. */
        DEVIATION_NOT_APPLIED
    }

    public SchemaWarning {
        dropped = List.copyOf(dropped);
    }

    static SchemaWarning of(Kind kind, ModuleRef module, String message) {
        return new SchemaWarning(kind, Optional.ofNullable(module), message, List.of());
    }

    @Override
    public String toString() {
        String s = module.map(m -> m.id() + ": ").orElse("") + message;
        if (!dropped.isEmpty()) {
            s += " (left out of the schema: " + dropped.stream().map(ModuleRef::id).collect(Collectors.joining(", "))
                    + ")";
        }
        return s;
    }
}

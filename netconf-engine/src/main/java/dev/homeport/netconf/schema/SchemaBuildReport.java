package dev.homeport.netconf.schema;

import java.time.Duration;
import java.util.List;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * What the {@link SchemaBuilder} made.
 *
 * @param context  the schema; with every module that could be built (possibly none)
 * @param included modules and submodules in the schema, {@code name@revision}
 * @param dropped  modules that are not in it, and why
 * @param warnings the problems behind the dropped modules, one per root cause, plus deviations not applied
 * @param attempts how many times yangtools was run (1 when everything built at once)
 * @param elapsed  wall time
 */
public record SchemaBuildReport(EffectiveModelContext context, List<ModuleRef> included, List<DroppedModule> dropped,
                                List<SchemaWarning> warnings, int attempts, Duration elapsed) {

    public SchemaBuildReport {
        included = List.copyOf(included);
        dropped = List.copyOf(dropped);
        warnings = List.copyOf(warnings);
    }

    /** True when some module was left out. */
    public boolean partial() {
        return !dropped.isEmpty();
    }

    public boolean includes(String moduleName) {
        return included.stream().anyMatch(r -> r.name().equals(moduleName));
    }

    public boolean drops(String moduleName) {
        return dropped.stream().anyMatch(d -> d.module().name().equals(moduleName));
    }
}

package dev.homeport.netconf.schema;

import java.util.Optional;

/**
 * One step of a schema load, for progress bars and logs.
 *
 * @param stage   what happened
 * @param done    modules finished so far (download stage); build attempts so far (build stage)
 * @param total   modules to fetch so far: grows when imports of downloaded modules are followed
 * @param module  the module concerned, if any
 * @param message for people
 */
public record SchemaProgress(Stage stage, int done, int total, Optional<ModuleRef> module, String message) {

    public enum Stage {
        DISCOVERING, DISCOVERED,
        MODULE_STARTED, MODULE_CACHED, MODULE_DOWNLOADED, MODULE_FAILED,
        BUILDING, BUILD_RETRY, FINISHED
    }

    static SchemaProgress of(Stage stage, int done, int total, ModuleRef module, String message) {
        return new SchemaProgress(stage, done, total, Optional.ofNullable(module), message);
    }

    @Override
    public String toString() {
        return stage + " " + done + "/" + total + module.map(m -> " " + m.id()).orElse("") + ": " + message;
    }
}

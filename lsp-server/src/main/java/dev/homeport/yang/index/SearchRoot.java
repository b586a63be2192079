package dev.homeport.yang.index;

import java.nio.file.Path;

/**
 * One place the index takes YANG files from. {@code priority} is its position in the search path: when two
 * files define the same module and revision, the one from the earlier root wins (workspace folders come first).
 */
public record SearchRoot(Path path, Kind kind, int priority) {
    public enum Kind {
        WORKSPACE_FOLDER, FOLDER, ARCHIVE
    }
}

package dev.homeport.netconf.schema;

import java.util.Optional;

/**
 * What became of one module the downloader looked for.
 *
 * @param requested   the module asked for (name, and revision when known)
 * @param status      where it came from, or that it failed
 * @param source      the parsed text, unless it failed
 * @param problem     why it failed, or a non-fatal note (damaged cache file replaced, cache not writable)
 * @param requestedBy the module whose import or include led here; empty for modules the device lists
 */
public record ModuleOutcome(ModuleRef requested, Status status, Optional<ModuleSource> source,
                            Optional<String> problem, Optional<ModuleRef> requestedBy) {

    public enum Status { CACHED, DOWNLOADED, FAILED }

    public boolean ok() {
        return status != Status.FAILED;
    }
}

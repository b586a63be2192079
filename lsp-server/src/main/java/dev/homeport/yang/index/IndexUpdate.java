package dev.homeport.yang.index;

import java.net.URI;
import java.util.Set;

/**
 * What one change to the index touched: the changed source and every source that depends on it, directly or
 * through other modules (importers, includers, submodules). Only these need analysing again.
 */
public record IndexUpdate(URI changed, Set<URI> affected) {
    public IndexUpdate {
        affected = Set.copyOf(affected);
    }
}

package dev.homeport.netconf.ops;

import java.util.List;

/** A granted partial lock (RFC 5717): its id and the instance identifiers of the locked nodes. */
public record PartialLock(long lockId, List<String> lockedNodes) {
    public PartialLock {
        lockedNodes = List.copyOf(lockedNodes);
    }
}

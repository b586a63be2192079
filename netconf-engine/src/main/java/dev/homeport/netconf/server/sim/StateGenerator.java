package dev.homeport.netconf.server.sim;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * Operational state computed when it is read, from the configuration and the time: counters that grow, clocks,
 * state mirrored from configuration. Nothing runs between reads, so an idle device costs no CPU and no thread.
 * Generators are stateless and shared by every device of a profile; what differs between devices comes in
 * {@link Input}.
 */
public interface StateGenerator {

    /**
     * What a generator reads. {@code seed} differs per device, so that devices' counters differ;
     * {@code counterResets} maps an interface name to when its counters were last reset since boot.
     */
    record Input(Profile profile, ContainerNode running, Instant now, Instant bootTime, long seed,
                 Map<String, Instant> counterResets) {
        /** Seconds since boot, never negative. */
        double uptimeSeconds() {
            return secondsSince(bootTime);
        }

        /** When the counters of interface {@code ifName} started from zero: boot, or its last reset after boot. */
        Instant countersSince(String ifName) {
            Instant reset = counterResets.get(ifName);
            return reset != null && reset.isAfter(bootTime) ? reset : bootTime;
        }

        /** Seconds from {@code start} to now, never negative. */
        double secondsSince(Instant start) {
            return Math.max(0, (now.toEpochMilli() - start.toEpochMilli()) / 1000.0);
        }
    }

    /** The name a profile descriptor uses for it. */
    String name();

    /** Top-level nodes (module namespace and name) this generator adds below; a filter that selects none skips it. */
    Set<QName> roots();

    /** State to lay over configuration, as a data root; only {@code config false} nodes and the keys they need. */
    ContainerNode generate(Input input);
}

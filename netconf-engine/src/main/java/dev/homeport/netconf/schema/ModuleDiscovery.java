package dev.homeport.netconf.schema;

import dev.homeport.netconf.NetconfException;
import dev.homeport.netconf.message.Capabilities;
import dev.homeport.netconf.message.Capability;
import dev.homeport.netconf.message.ModuleCapability;
import dev.homeport.netconf.ops.DataReply;
import dev.homeport.netconf.ops.Filter;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.ops.NmdaDatastore;
import dev.homeport.netconf.session.EngineThreads;
import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.XmlFragment;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Asks a device which modules it has: hello, RFC 8525 {@code /yang-library} (get-data on operational when the
 * device is NMDA, else get), RFC 7895 {@code /modules-state} when there is no RFC 8525 library, and RFC 6022
 * {@code /netconf-state/schemas}; then merges them ({@link DeviceModules}). A source that fails becomes a note; the
 * session is never put at risk by discovery.
 */
public final class ModuleDiscovery {
    /** The first revision of ietf-yang-library with {@code /yang-library} (RFC 8525). */
    private static final String RFC8525_REVISION = "2019-01-04";

    private ModuleDiscovery() {
    }

    /** Uses every source. */
    public static DeviceModules discover(NetconfClient client) {
        return discover(client, EnumSet.allOf(DiscoverySource.class));
    }

    /** Uses only the given sources (tests and troubleshooting: e.g. hello and netconf-state only). */
    public static DeviceModules discover(NetconfClient client, Set<DiscoverySource> sources) {
        Capabilities caps = client.capabilities();
        List<String> notes = Collections.synchronizedList(new ArrayList<>());
        List<ModuleListing> listings = new ArrayList<>();
        ModuleListing hello = ModuleListings.hello(caps);
        if (sources.contains(DiscoverySource.HELLO)) {
            listings.add(hello);
        }
        // netconf-state is independent of the library: ask for it at the same time
        CompletableFuture<ModuleListing> monitoring = sources.contains(DiscoverySource.NETCONF_MONITORING)
                && caps.has(Capability.MONITORING)
                ? CompletableFuture.supplyAsync(() -> fetchNetconfSchemas(client, notes), EngineThreads.workers())
                : CompletableFuture.completedFuture(null);

        boolean libraryFound = false;
        if (sources.contains(DiscoverySource.YANG_LIBRARY) && offersRfc8525(caps)) {
            ModuleListing l = fetchYangLibrary(client, caps, notes);
            listings.add(l);
            libraryFound = !l.modules().isEmpty();
        }
        if (sources.contains(DiscoverySource.MODULES_STATE) && !libraryFound && offersRfc7895(caps)) {
            listings.add(query(client, DiscoverySource.MODULES_STATE, "modules-state", Namespaces.YANG_LIBRARY,
                    notes));
        }
        try {
            ModuleListing m = monitoring.get();
            if (m != null) {
                listings.add(m);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            notes.add(DiscoverySource.NETCONF_MONITORING.description() + ": interrupted");
        } catch (ExecutionException e) {
            notes.add(DiscoverySource.NETCONF_MONITORING.description() + ": " + e.getCause().getMessage());
        }
        return DeviceModules.merge(listings, List.copyOf(notes));
    }

    /**
     * True if the device says it answers get-schema: ietf-netconf-monitoring is in its hello or its module list.
     */
    public static boolean offersGetSchema(Capabilities caps, DeviceModules modules) {
        return caps.has(Capability.MONITORING) || modules.module("ietf-netconf-monitoring").isPresent();
    }

    static boolean offersRfc8525(Capabilities caps) {
        return caps.has(Capability.YANG_LIBRARY_1_1) || caps.modules().stream()
                .anyMatch(m -> m.name().equals("ietf-yang-library")
                        && m.revision().orElse("").compareTo(RFC8525_REVISION) >= 0);
    }

    static boolean offersRfc7895(Capabilities caps) {
        // RFC 8525 servers keep the deprecated /modules-state for old clients, so 1.1 counts too
        return caps.yangLibrary() || caps.modules().stream().map(ModuleCapability::name)
                .anyMatch("ietf-yang-library"::equals);
    }

    private static boolean nmda(Capabilities caps) {
        return caps.has(Capability.NMDA) || caps.hasModule("ietf-netconf-nmda");
    }

    private static ModuleListing fetchYangLibrary(NetconfClient client, Capabilities caps, List<String> notes) {
        Filter filter = new Filter.Subtree(XmlFragment.element(Namespaces.YANG_LIBRARY, "yang-library"));
        if (nmda(caps)) {
            try {
                DataReply d = client.getData(NmdaDatastore.OPERATIONAL, filter, null, 0, false, null);
                return ModuleListings.yangLibrary(d.data());
            } catch (NetconfException e) {
                notes.add(DiscoverySource.YANG_LIBRARY.description() + ": get-data from operational failed ("
                        + firstLine(e) + "); trying get");
            }
        }
        return query(client, DiscoverySource.YANG_LIBRARY, "yang-library", Namespaces.YANG_LIBRARY, notes);
    }

    private static ModuleListing fetchNetconfSchemas(NetconfClient client, List<String> notes) {
        return query(client, DiscoverySource.NETCONF_MONITORING, "netconf-state", Namespaces.MONITORING, notes);
    }

    private static ModuleListing query(NetconfClient client, DiscoverySource source, String top, String ns,
                                       List<String> notes) {
        var selection = XmlFragment.element(ns, top);
        if (source == DiscoverySource.NETCONF_MONITORING) {
            selection.child(XmlFragment.element(ns, "schemas"));
        }
        try {
            DataReply d = client.get(new Filter.Subtree(selection), null);
            return switch (source) {
                case YANG_LIBRARY -> ModuleListings.yangLibrary(d.data());
                case MODULES_STATE -> ModuleListings.modulesState(d.data());
                case NETCONF_MONITORING -> ModuleListings.netconfSchemas(d.data());
                case HELLO -> throw new IllegalArgumentException("the hello is not queried");
            };
        } catch (NetconfException e) {
            notes.add(source.description() + ": get failed: " + firstLine(e));
            return ModuleListing.empty(source);
        }
    }

    static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}

package dev.homeport.netconf.server.sim;

import dev.homeport.netconf.data.DataTrees;
import dev.homeport.netconf.data.InvalidDataException;
import dev.homeport.netconf.data.XmlDataCodec;
import dev.homeport.netconf.message.Capability;
import dev.homeport.netconf.xml.MalformedXmlException;
import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.XmlFragment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * What the NETCONF server reports about itself: the hello capabilities, the RFC 8525 YANG library (and the
 * deprecated RFC 7895 modules-state, for older clients), RFC 6022 netconf-state (capabilities, datastores with their
 * locks, schemas, sessions, statistics) and the RFC 5277 stream list.
 */
final class ServerStateData {
    static final String YANG_LIBRARY_REVISION = "2019-01-04";
    static final QName YANG_LIBRARY = QName.create(XMLNamespace.of(Namespaces.YANG_LIBRARY), "yang-library").intern();
    static final QName MODULES_STATE = QName.create(XMLNamespace.of(Namespaces.YANG_LIBRARY), "modules-state")
            .intern();
    static final QName NETCONF_STATE = QName.create(XMLNamespace.of(Namespaces.MONITORING), "netconf-state")
            .intern();
    /** The RFC 5277 stream list, which no module of the corpus models; sent as XML when selected. */
    static final String STREAMS_NS = Namespaces.NOTIFICATION_STREAMS;

    private ServerStateData() {
    }

    /** Server state nodes and what builds them, by top-level node. */
    static Set<QName> roots() {
        return Set.of(YANG_LIBRARY, MODULES_STATE, NETCONF_STATE);
    }

    // ---------------------------------------------------------------- hello

    static List<String> helloCapabilities(Profile p) {
        List<String> caps = new ArrayList<>(List.of(
                Capability.BASE_1_0, Capability.BASE_1_1, Capability.WRITABLE_RUNNING, Capability.CANDIDATE,
                Capability.CONFIRMED_COMMIT_1_0, Capability.CONFIRMED_COMMIT_1_1, Capability.ROLLBACK_ON_ERROR,
                Capability.VALIDATE_1_0, Capability.VALIDATE_1_1, Capability.STARTUP, Capability.XPATH,
                Capability.NOTIFICATION, Capability.INTERLEAVE, Capability.PARTIAL_LOCK,
                Capability.WITH_DEFAULTS + "?basic-mode=explicit&also-supported=report-all,report-all-tagged,trim",
                Capability.YANG_LIBRARY_1_1 + "?revision=" + YANG_LIBRARY_REVISION + "&content-id="
                        + p.contentId()));
        // YANG 1.0 modules as capabilities (RFC 7950 section 5.6.4); YANG 1.1 ones are in the library, except
        // ietf-netconf-nmda, by which clients tell an NMDA server from the hello
        for (Profile.ModuleInfo m : p.modules()) {
            if (m.isSubmodule() || !m.implemented() || m.namespace().isEmpty()) {
                continue;
            }
            if (!m.yangVersion().equals("1") && !m.name().equals("ietf-netconf-nmda")) {
                continue;
            }
            StringBuilder sb = new StringBuilder(m.namespace().get()).append("?module=").append(m.name());
            m.revision().ifPresent(r -> sb.append("&revision=").append(r));
            if (!m.features().isEmpty()) {
                sb.append("&features=").append(String.join(",", m.features()));
            }
            caps.add(sb.toString());
        }
        return List.copyOf(caps);
    }

    // ---------------------------------------------------------------- YANG library

    /** /yang-library and /modules-state for a profile; the same for all its devices. */
    static ContainerNode yangLibrary(Profile p) {
        var lib = XmlFragment.element(Namespaces.YANG_LIBRARY, "yang-library")
                .attr("xmlns:ds", Namespaces.DATASTORES);
        var set = XmlFragment.element(Namespaces.YANG_LIBRARY, "module-set").leaf("name", "complete");
        var state = XmlFragment.element(Namespaces.YANG_LIBRARY, "modules-state").leaf("module-set-id",
                p.contentId());
        for (Profile.ModuleInfo m : p.modules()) {
            if (m.isSubmodule()) {
                continue;
            }
            var entry = XmlFragment.element(Namespaces.YANG_LIBRARY, m.implemented() ? "module"
                    : "import-only-module").leaf("name", m.name());
            if (m.revision().isPresent() || !m.implemented()) {
                entry.leaf("revision", m.revision().orElse("")); // the key of import-only-module
            }
            m.namespace().ifPresent(ns -> entry.leaf("namespace", ns));
            var legacy = XmlFragment.element(Namespaces.YANG_LIBRARY, "module").leaf("name", m.name())
                    .leaf("revision", m.revision().orElse(""));
            m.namespace().ifPresent(ns -> legacy.leaf("namespace", ns));
            if (m.implemented()) {
                m.features().forEach(f -> {
                    entry.leaf("feature", f);
                    legacy.leaf("feature", f);
                });
            }
            legacy.leaf("conformance-type", m.implemented() ? "implement" : "import");
            for (var sub : m.submodules()) {
                String rev = sub.revision().orElseGet(() -> p.modules(sub.name(), null).stream().findFirst()
                        .flatMap(Profile.ModuleInfo::revision).orElse(""));
                entry.child(XmlFragment.element(Namespaces.YANG_LIBRARY, "submodule").leaf("name", sub.name())
                        .leaf("revision", rev));
                legacy.child(XmlFragment.element(Namespaces.YANG_LIBRARY, "submodule").leaf("name", sub.name())
                        .leaf("revision", rev));
            }
            set.child(entry);
            state.child(legacy);
        }
        lib.child(set);
        lib.child(XmlFragment.element(Namespaces.YANG_LIBRARY, "schema").leaf("name", "complete")
                .leaf("module-set", "complete"));
        for (String ds : List.of("running", "candidate", "startup", "intended", "operational")) {
            lib.child(XmlFragment.element(Namespaces.YANG_LIBRARY, "datastore").leaf("name", "ds:" + ds)
                    .leaf("schema", "complete"));
        }
        lib.leaf("content-id", p.contentId());
        return parse(p, lib.toXml() + state.toXml());
    }

    // ---------------------------------------------------------------- RFC 6022 netconf-state

    static ContainerNode monitoring(SimulatedDevice device) {
        Profile p = device.profile();
        String ncm = Namespaces.MONITORING;
        var top = XmlFragment.element(ncm, "netconf-state").attr("xmlns:ncm", ncm);
        var caps = XmlFragment.element(ncm, "capabilities");
        p.helloCapabilities().forEach(c -> caps.leaf("capability", c));
        top.child(caps);

        var stores = XmlFragment.element(ncm, "datastores");
        Map<SimulatedDevice.Store, Object[]> locks = device.lockInfo();
        List<SimulatedDevice.PartialLock> partial = device.partialLocks();
        for (SimulatedDevice.Store s : SimulatedDevice.Store.values()) {
            var d = XmlFragment.element(ncm, "datastore").leaf("name", s.keyword());
            Object[] l = locks.get(s);
            if (l != null) {
                d.child(XmlFragment.element(ncm, "locks").child(XmlFragment.element(ncm, "global-lock")
                        .leaf("locked-by-session", l[0].toString())
                        .leaf("locked-time", Generators.dateTime((java.time.Instant) l[1]))));
            } else if (s == SimulatedDevice.Store.RUNNING && !partial.isEmpty()) {
                var ls = XmlFragment.element(ncm, "locks");
                for (SimulatedDevice.PartialLock pl : partial) {
                    var e = XmlFragment.element(ncm, "partial-lock").leaf("lock-id", Long.toString(pl.id()))
                            .leaf("locked-by-session", Long.toString(pl.session()))
                            .leaf("locked-time", Generators.dateTime(pl.since()));
                    pl.select().forEach(sel -> e.leaf("select", sel));
                    for (var node : pl.nodes()) {
                        var id = p.paths().instanceIdentifier(node);
                        var ln = XmlFragment.element(ncm, "locked-node").text(id.xpath());
                        id.namespaces().forEach((prefix, ns) -> ln.attr("xmlns:" + prefix, ns));
                        e.child(ln);
                    }
                    ls.child(e);
                }
                d.child(ls);
            }
            stores.child(d);
        }
        top.child(stores);

        var schemas = XmlFragment.element(ncm, "schemas");
        for (Profile.ModuleInfo m : p.modules()) {
            var e = XmlFragment.element(ncm, "schema").leaf("identifier", m.name())
                    .leaf("version", m.revision().orElse("")).leaf("format", "ncm:yang");
            e.leaf("namespace", m.namespace().orElseGet(() -> namespaceOfParent(p, m)));
            schemas.child(e.leaf("location", "NETCONF"));
        }
        top.child(schemas);

        var sessions = XmlFragment.element(ncm, "sessions");
        for (DeviceSession ds : device.sessionList()) {
            if (!ds.started) {
                continue;
            }
            var e = XmlFragment.element(ncm, "session").leaf("session-id", Long.toString(ds.id()))
                    .leaf("transport", "ncm:netconf-ssh").leaf("username", ds.username);
            if (ServerEvents.isIpAddress(ds.sourceHost)) {
                e.leaf("source-host", ds.sourceHost);
            }
            synchronized (device) {
                e.leaf("login-time", Generators.dateTime(ds.loginTime))
                        .leaf("in-rpcs", Long.toString(ds.inRpcs))
                        .leaf("in-bad-rpcs", Long.toString(ds.inBadRpcs))
                        .leaf("out-rpc-errors", Long.toString(ds.outRpcErrors))
                        .leaf("out-notifications", Long.toString(ds.outNotifications));
            }
            sessions.child(e);
        }
        top.child(sessions);

        long[] st = device.statistics();
        top.child(XmlFragment.element(ncm, "statistics")
                .leaf("netconf-start-time", Generators.dateTime(device.bootTime()))
                .leaf("in-bad-hellos", Long.toString(st[0]))
                .leaf("in-sessions", Long.toString(st[1]))
                .leaf("dropped-sessions", Long.toString(st[2]))
                .leaf("in-rpcs", Long.toString(st[3]))
                .leaf("in-bad-rpcs", Long.toString(st[4]))
                .leaf("out-rpc-errors", Long.toString(st[5]))
                .leaf("out-notifications", Long.toString(st[6])));
        return parse(p, top.toXml());
    }

    /** A submodule's namespace is its module's (RFC 6022 requires one per schema). */
    private static String namespaceOfParent(Profile p, Profile.ModuleInfo sub) {
        for (Profile.ModuleInfo m : p.modules()) {
            if (m.submodules().stream().anyMatch(s -> s.name().equals(sub.name()))) {
                return m.namespace().orElse("");
            }
        }
        return "";
    }

    // ---------------------------------------------------------------- RFC 5277 streams

    static String streams(SimulatedDevice device) {
        return XmlFragment.element(STREAMS_NS, "netconf").child(XmlFragment.element(STREAMS_NS, "streams")
                .child(XmlFragment.element(STREAMS_NS, "stream").leaf("name", "NETCONF")
                        .leaf("description", "default NETCONF event stream")
                        .leaf("replaySupport", "true")
                        .leaf("replayLogCreationTime", EventLog.EVENT_TIME.format(device.replayLogCreationTime()))))
                .toXml();
    }

    private static ContainerNode parse(Profile p, String xml) {
        try {
            return p.codec().parse("<data xmlns=\"" + Namespaces.BASE + "\">" + xml + "</data>",
                    XmlDataCodec.Mode.STRICT).data();
        } catch (InvalidDataException | MalformedXmlException e) {
            throw new IllegalStateException("server state does not fit its own modules: " + e.getMessage(), e);
        }
    }

    static ContainerNode empty() {
        return DataTrees.emptyData();
    }
}

package dev.homeport.netconf.server.sim;

import dev.homeport.netconf.data.DataTrees;
import dev.homeport.netconf.data.InvalidDataException;
import dev.homeport.netconf.data.XmlDataCodec;
import dev.homeport.netconf.xml.MalformedXmlException;
import dev.homeport.netconf.xml.XmlFragment;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.ChoiceNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafSetNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapEntryNode;
import org.opendaylight.yangtools.yang.data.api.schema.MapNode;
import org.opendaylight.yangtools.yang.data.spi.node.ImmutableNodes;
import org.opendaylight.yangtools.yang.model.api.CaseSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ChoiceSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.DataNodeContainer;
import org.opendaylight.yangtools.yang.model.api.DataSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafListSchemaNode;
import org.opendaylight.yangtools.yang.model.api.LeafSchemaNode;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;

/**
 * The built-in {@link StateGenerator}s, by the names profile descriptors use:
 * <ul>
 *   <li>{@code ietf-interfaces-state}: RFC 8343 state of every configured interface (admin and oper status from
 *       {@code enabled}, if-index, a MAC address, speed, statistics that grow with uptime) and RFC 8344 address
 *       origins;</li>
 *   <li>{@code ietf-system-state}: RFC 7317 clock (current and boot date-time, following set-current-datetime);</li>
 *   <li>{@code openconfig-config-mirror}: every OpenConfig {@code config} container mirrored into its sibling
 *       {@code state} container, as OpenConfig devices report applied configuration;</li>
 *   <li>{@code openconfig-interfaces-state}: ifindex, status, last-change and growing counters of every
 *       configured OpenConfig interface;</li>
 *   <li>{@code openconfig-system-state}: current date-time, boot time and uptime.</li>
 * </ul>
 * Counters are a function of time: a per-device, per-interface, per-counter rate times the seconds since boot, so a
 * read at any moment gives consistent, growing values and an idle device does nothing. A disabled interface's
 * counters stand still.
 */
public final class Generators {
    public static final List<String> NAMES = List.of("ietf-interfaces-state", "ietf-system-state",
            "openconfig-config-mirror", "openconfig-interfaces-state", "openconfig-system-state");

    private static final String IF_NS = "urn:ietf:params:xml:ns:yang:ietf-interfaces";
    private static final String IP_NS = "urn:ietf:params:xml:ns:yang:ietf-ip";
    private static final String SYS_NS = "urn:ietf:params:xml:ns:yang:ietf-system";
    private static final String OC_IF_NS = "http://openconfig.net/yang/interfaces";
    private static final String OC_SYS_NS = "http://openconfig.net/yang/system";
    static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private Generators() {
    }

    public static Optional<StateGenerator> named(String name) {
        return Optional.ofNullable(switch (name) {
            case "ietf-interfaces-state" -> new XmlGenerator(name, IF_NS, "interfaces", Generators::ietfInterfaces);
            case "ietf-system-state" -> new XmlGenerator(name, SYS_NS, "system-state", Generators::ietfSystem);
            case "openconfig-config-mirror" -> new ConfigMirror();
            case "openconfig-interfaces-state" -> new XmlGenerator(name, OC_IF_NS, "interfaces",
                    Generators::openconfigInterfaces);
            case "openconfig-system-state" -> new XmlGenerator(name, OC_SYS_NS, "system", Generators::openconfigSystem);
            default -> null;
        });
    }

    static String dateTime(Instant t) {
        return DATE_TIME.format(t.truncatedTo(ChronoUnit.SECONDS));
    }

    // ---------------------------------------------------------------- generators that write XML

    /** A generator that writes its state as XML, parsed with the profile's schema (so every value is checked). */
    private record XmlGenerator(String name, String namespace, String root, Function<StateGenerator.Input, String> xml)
            implements StateGenerator {
        @Override
        public Set<QName> roots() {
            return Set.of(QName.create(XMLNamespace.of(namespace), root).intern());
        }

        @Override
        public ContainerNode generate(Input input) {
            String text = xml.apply(input);
            if (text.isEmpty()) {
                return DataTrees.emptyData();
            }
            try {
                return input.profile().codec().parse(text, XmlDataCodec.Mode.STRICT).data();
            } catch (InvalidDataException | MalformedXmlException e) {
                throw new IllegalStateException("state generator " + name + " wrote data the schema refuses: "
                        + e.getMessage(), e);
            }
        }
    }

    /** The configured entries of a top-level list, as (name, entry) pairs. */
    private static List<MapEntryNode> entries(ContainerNode running, String ns, String container, String list) {
        List<MapEntryNode> out = new ArrayList<>();
        for (DataContainerChild top : running.body()) {
            QName q = top.name().getNodeType();
            if (q.getLocalName().equals(container) && q.getNamespace().toString().equals(ns)
                    && top instanceof ContainerNode c) {
                for (DataContainerChild child : c.body()) {
                    if (child instanceof MapNode map && child.name().getNodeType().getLocalName().equals(list)) {
                        out.addAll(map.body());
                    }
                }
            }
        }
        return out;
    }

    private static Object leaf(DataContainerNode node, String localName) {
        for (DataContainerChild c : node.body()) {
            if (c.name().getNodeType().getLocalName().equals(localName) && c instanceof LeafNode<?> l) {
                return l.body();
            }
        }
        return null;
    }

    private static DataContainerNode container(DataContainerNode node, String localName) {
        for (DataContainerChild c : node.body()) {
            if (c.name().getNodeType().getLocalName().equals(localName) && c instanceof DataContainerNode d) {
                return d;
            }
        }
        return null;
    }

    private static String keyName(MapEntryNode e) {
        return String.valueOf(e.name().values().iterator().next());
    }

    /** A rate (per second) of one counter of one interface on one device; octets fast, errors rare. */
    private static double rate(long seed, String ifName, String counter) {
        SplittableRandom r = new SplittableRandom(seed * 31 + ifName.hashCode() * 17L + counter.hashCode());
        if (counter.contains("octets")) {
            return 2_000 + r.nextDouble() * 500_000;
        }
        if (counter.contains("error") || counter.contains("discard") || counter.contains("unknown")
                || counter.contains("fcs") || counter.contains("transitions") || counter.contains("resets")) {
            return r.nextDouble() * 0.02;
        }
        if (counter.contains("multicast") || counter.contains("broadcast")) {
            return r.nextDouble() * 5;
        }
        return 5 + r.nextDouble() * 800;
    }

    private static String counter(StateGenerator.Input in, String ifName, String counter, boolean running, boolean is32) {
        double v = running ? rate(in.seed(), ifName, counter) * in.secondsSince(in.countersSince(ifName)) : 0;
        long n = (long) v;
        if (is32) {
            n = n & 0xFFFF_FFFFL;
        }
        return Long.toUnsignedString(Math.max(0, n));
    }

    private static String mac(long seed, String name) {
        SplittableRandom r = new SplittableRandom(seed * 7 + name.hashCode());
        StringBuilder sb = new StringBuilder("02");
        for (int i = 0; i < 5; i++) {
            sb.append(':').append(String.format("%02x", r.nextInt(256)));
        }
        return sb.toString();
    }

    private static boolean enabled(DataContainerNode entryOrConfig) {
        Object e = leaf(entryOrConfig, "enabled");
        return e == null || Boolean.TRUE.equals(e);
    }

    // ---- ietf-interfaces (RFC 8343) with ietf-ip (RFC 8344)

    private static final List<String> IETF_COUNTERS = List.of("in-octets", "in-unicast-pkts", "in-broadcast-pkts",
            "in-multicast-pkts", "in-discards", "in-errors", "in-unknown-protos", "out-octets", "out-unicast-pkts",
            "out-broadcast-pkts", "out-multicast-pkts", "out-discards", "out-errors");

    private static String ietfInterfaces(StateGenerator.Input in) {
        List<MapEntryNode> ifs = entries(in.running(), IF_NS, "interfaces", "interface");
        if (ifs.isEmpty()) {
            return "";
        }
        var top = XmlFragment.element(IF_NS, "interfaces");
        int index = 1;
        for (MapEntryNode e : ifs) {
            String name = keyName(e);
            boolean up = enabled(e);
            String type = String.valueOf(leaf(e, "type"));
            var i = XmlFragment.element(IF_NS, "interface").leaf("name", name)
                    .leaf("admin-status", up ? "up" : "down")
                    .leaf("oper-status", up ? "up" : "down")
                    .leaf("last-change", dateTime(in.bootTime()))
                    .leaf("if-index", Integer.toString(index++));
            boolean loopback = type.contains("softwareLoopback");
            if (!loopback) {
                i.leaf("phys-address", mac(in.seed(), name)).leaf("speed", type.contains("ieee80211")
                        ? "866000000" : "1000000000");
            }
            var stats = XmlFragment.element(IF_NS, "statistics").leaf("discontinuity-time",
                    dateTime(in.countersSince(name)));
            for (String c : IETF_COUNTERS) {
                boolean is32 = c.contains("discards") || c.contains("errors") || c.contains("unknown");
                stats.leaf(c, counter(in, name, c, up, is32));
            }
            i.child(stats);
            for (String family : List.of("ipv4", "ipv6")) {
                DataContainerNode ip = container(e, family);
                if (ip == null) {
                    continue;
                }
                var fam = XmlFragment.element(IP_NS, family);
                boolean any = false;
                for (DataContainerChild c : ip.body()) {
                    if (c instanceof MapNode addresses && c.name().getNodeType().getLocalName().equals("address")) {
                        for (MapEntryNode a : addresses.body()) {
                            var addr = XmlFragment.element(IP_NS, "address").leaf("ip", keyName(a))
                                    .leaf("origin", "static");
                            if (family.equals("ipv6")) {
                                addr.leaf("status", up ? "preferred" : "inaccessible");
                            }
                            fam.child(addr);
                            any = true;
                        }
                    }
                }
                if (any) {
                    i.child(fam);
                }
            }
            top.child(i);
        }
        return top.toXml();
    }

    // ---- ietf-system (RFC 7317)

    private static String ietfSystem(StateGenerator.Input in) {
        return XmlFragment.element(SYS_NS, "system-state").child(XmlFragment.element(SYS_NS, "clock")
                .leaf("current-datetime", dateTime(in.now()))
                .leaf("boot-datetime", dateTime(in.bootTime()))).toXml();
    }

    // ---- OpenConfig

    private static final List<String> OC_COUNTERS = List.of("in-octets", "in-pkts", "in-unicast-pkts",
            "in-broadcast-pkts", "in-multicast-pkts", "in-errors", "in-discards", "out-octets", "out-pkts",
            "out-unicast-pkts", "out-broadcast-pkts", "out-multicast-pkts", "out-discards", "out-errors");

    private static String openconfigInterfaces(StateGenerator.Input in) {
        List<MapEntryNode> ifs = entries(in.running(), OC_IF_NS, "interfaces", "interface");
        if (ifs.isEmpty()) {
            return "";
        }
        long bootNanos = in.bootTime().toEpochMilli() * 1_000_000L;
        var top = XmlFragment.element(OC_IF_NS, "interfaces");
        int index = 1;
        for (MapEntryNode e : ifs) {
            String name = keyName(e);
            DataContainerNode config = container(e, "config");
            boolean up = config == null || enabled(config);
            var state = XmlFragment.element(OC_IF_NS, "state")
                    .leaf("ifindex", Integer.toString(index++))
                    .leaf("admin-status", up ? "UP" : "DOWN")
                    .leaf("oper-status", up ? "UP" : "DOWN")
                    .leaf("last-change", Long.toString(bootNanos));
            var counters = XmlFragment.element(OC_IF_NS, "counters");
            for (String c : OC_COUNTERS) {
                counters.leaf(c, counter(in, name, c, up, false));
            }
            counters.leaf("last-clear", Long.toString(bootNanos));
            state.child(counters);
            top.child(XmlFragment.element(OC_IF_NS, "interface").leaf("name", name).child(state));
        }
        return top.toXml();
    }

    private static String openconfigSystem(StateGenerator.Input in) {
        long bootNanos = in.bootTime().toEpochMilli() * 1_000_000L;
        long upNanos = (long) (in.uptimeSeconds() * 1e9);
        return XmlFragment.element(OC_SYS_NS, "system").child(XmlFragment.element(OC_SYS_NS, "state")
                .leaf("current-datetime", dateTime(in.now()))
                .leaf("boot-time", Long.toString(bootNanos))
                .leaf("up-time", Long.toString(upNanos))).toXml();
    }

    // ---------------------------------------------------------------- OpenConfig config -> state

    /**
     * Mirrors each {@code config} container into its sibling {@code state} container (config false), copying the
     * leaves and leaf-lists the state container also has: the applied configuration an OpenConfig device reports.
     */
    private static final class ConfigMirror implements StateGenerator {
        @Override
        public String name() {
            return "openconfig-config-mirror";
        }

        @Override
        public Set<QName> roots() {
            return Set.of(); // anywhere in the OpenConfig tree
        }

        @Override
        public ContainerNode generate(Input input) {
            DataContainerNode overlay = mirror(input.running(), input.profile().context());
            return overlay == null ? DataTrees.emptyData() : (ContainerNode) overlay;
        }

        /** The overlay for {@code data} (same kind and name), or null when nothing below is mirrored. */
        private static DataContainerNode mirror(DataContainerNode data, DataNodeContainer schema) {
            List<DataContainerChild> out = new ArrayList<>();
            DataContainerChild config = data.childByArg(new NodeIdentifier(qnameOf(schema, "config", data)));
            if (config instanceof ContainerNode cfg && schema.dataChildByName(stateName(cfg)) instanceof
                    ContainerSchemaNode stateSchema && !stateSchema.effectiveConfig().orElse(true)) {
                List<DataContainerChild> leaves = new ArrayList<>();
                for (DataContainerChild c : cfg.body()) {
                    DataSchemaNode s = stateSchema.dataChildByName(c.name().getNodeType());
                    if ((c instanceof LeafNode && s instanceof LeafSchemaNode)
                            || (c instanceof LeafSetNode && s instanceof LeafListSchemaNode)) {
                        leaves.add(c);
                    }
                }
                if (!leaves.isEmpty()) {
                    out.add(ImmutableNodes.newContainerBuilder().withNodeIdentifier(new NodeIdentifier(
                            stateSchema.getQName())).withValue(leaves).build());
                }
            }
            for (DataContainerChild c : data.body()) {
                DataSchemaNode s = schema.dataChildByName(c.name().getNodeType());
                switch (c) {
                    case ContainerNode cn when s instanceof ContainerSchemaNode cs
                            && !cn.name().getNodeType().getLocalName().equals("config") -> {
                        DataContainerNode m = mirror(cn, cs);
                        if (m != null) {
                            out.add((DataContainerChild) m);
                        }
                    }
                    case MapNode map when s instanceof ListSchemaNode ls -> {
                        List<MapEntryNode> entries = new ArrayList<>();
                        for (MapEntryNode e : map.body()) {
                            DataContainerNode m = mirror(e, ls);
                            if (m != null) {
                                entries.add(withKeys(e, (MapEntryNode) m));
                            }
                        }
                        if (!entries.isEmpty()) {
                            out.add(ImmutableNodes.newSystemMapBuilder().withNodeIdentifier(map.name())
                                    .withValue(entries).build());
                        }
                    }
                    case ChoiceNode ch when s instanceof ChoiceSchemaNode cs -> {
                        List<DataContainerChild> inner = new ArrayList<>();
                        for (DataContainerChild cc : ch.body()) {
                            for (CaseSchemaNode k : cs.getCases()) {
                                if (k.dataChildByName(cc.name().getNodeType()) instanceof ContainerSchemaNode ccs
                                        && cc instanceof ContainerNode ccn) {
                                    DataContainerNode m = mirror(ccn, ccs);
                                    if (m != null) {
                                        inner.add((DataContainerChild) m);
                                    }
                                }
                            }
                        }
                        if (!inner.isEmpty()) {
                            out.add(ImmutableNodes.newChoiceBuilder().withNodeIdentifier(ch.name()).withValue(inner)
                                    .build());
                        }
                    }
                    default -> {
                    }
                }
            }
            if (out.isEmpty()) {
                return null;
            }
            return switch (data) {
                case MapEntryNode e -> ImmutableNodes.newMapEntryBuilder().withNodeIdentifier(e.name()).withValue(out)
                        .build();
                default -> ImmutableNodes.newContainerBuilder().withNodeIdentifier((NodeIdentifier) data.name())
                        .withValue(out).build();
            };
        }

        private static QName qnameOf(DataNodeContainer schema, String local, DataContainerNode data) {
            for (DataContainerChild c : data.body()) {
                if (c.name().getNodeType().getLocalName().equals(local)) {
                    return c.name().getNodeType();
                }
            }
            return QName.create("urn:homeport:none", local);
        }

        private static QName stateName(ContainerNode config) {
            return QName.create(config.name().getNodeType(), "state");
        }

        private static MapEntryNode withKeys(MapEntryNode source, MapEntryNode overlay) {
            List<DataContainerChild> children = new ArrayList<>();
            for (Map.Entry<QName, Object> k : source.name().entrySet()) {
                children.add(ImmutableNodes.leafNode(k.getKey(), k.getValue()));
            }
            children.addAll(overlay.body());
            return ImmutableNodes.newMapEntryBuilder().withNodeIdentifier(source.name()).withValue(children).build();
        }
    }
}

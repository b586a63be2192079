package dev.homeport.netconf.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.netconf.ops.EditConfig.DefaultOperation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * Random configurations of the test module (every node kind the delta and the applier handle): XML round trips are
 * the identity, and applying the delta between two random trees to the first gives the second.
 */
class DataRoundTripPropertyTest {
    private static final EffectiveModelContext SCHEMA = TestModels.testModuleOnly(null);
    private final XmlDataCodec codec = new XmlDataCodec(SCHEMA);
    private final EditApplier applier = new EditApplier(SCHEMA);
    private final DataDelta delta = new DataDelta(SCHEMA);

    @Property(tries = 150)
    void xmlRoundTripIsIdentity(@ForAll("configs") String xml) throws Exception {
        ContainerNode first = codec.parse(xml, XmlDataCodec.Mode.STRICT).data();
        ContainerNode second = codec.parse(codec.toXml(first), XmlDataCodec.Mode.STRICT).data();
        assertThat(DataTrees.sameData(first, second)).as(xml).isTrue();
    }

    @Property(tries = 200)
    void applyingTheDeltaGivesTheTarget(@ForAll("configs") String from, @ForAll("configs") String to)
            throws Exception {
        // a configuration datastore holds no state data; the delta ignores it
        ContainerNode a = DataTrees.configOnly(SCHEMA, codec.parse(from, XmlDataCodec.Mode.STRICT).data());
        ContainerNode b = DataTrees.configOnly(SCHEMA, codec.parse(to, XmlDataCodec.Mode.STRICT).data());
        DataDelta.Result edit = delta.between(a, b);
        ContainerNode after = applier.apply(a, applier.parse(edit.xml()), DefaultOperation.MERGE);
        assertThat(DataTrees.sameData(after, b)).as("from %s%nto %s%nedit %s%ngot %s", from, to, edit.xml(),
                codec.toXml(after)).isTrue();
        assertThat(edit.isEmpty()).isEqualTo(DataTrees.sameData(a, b));
        assertThat(delta.between(b, after).isEmpty()).isTrue();
    }

    @Property(tries = 300)
    void placementsReachTheWantedOrder(@ForAll @UniqueElements @Size(max = 12) List<Integer> existing,
                                       @ForAll @UniqueElements @Size(max = 12) List<Integer> wanted) {
        List<Integer> list = new ArrayList<>(existing);
        list.retainAll(wanted);
        int moves = 0;
        for (DataDelta.Placement<Integer> p : DataDelta.placements(new LinkedHashSet<>(existing), wanted)) {
            if (p.where() == null) {
                if (!list.contains(p.key())) {
                    list.add(p.key()); // a server appends a new entry without insert
                }
                continue;
            }
            moves++;
            list.remove(p.key());
            list.add(p.where() == DataDelta.Placement.Where.FIRST ? 0 : list.indexOf(p.after()) + 1, p.key());
        }
        assertThat(list).isEqualTo(wanted);
        assertThat(moves).isLessThanOrEqualTo(wanted.size());
    }

    @Provide
    Arbitrary<String> configs() {
        return Arbitraries.randomValue(DataRoundTripPropertyTest::config);
    }

    private static final String NS = "urn:homeport:data-test";
    private static final String[] WORDS = {"", "a", "b c", " lead", "trail ", "x<y", "a&b", "q\"uote", "it's",
        "été", "漢字", "tab\there", "line\nbreak", "]]>", "--", "cr\rlf\r\n"};

    /** One configuration as XML, valid for the test module; state data included now and then. */
    static String config(Random r) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(5) > 0) {
            sb.append("<settings xmlns='").append(NS).append("' xmlns:h='").append(NS).append("'>");
            maybe(r, sb, "name", () -> escape(WORDS[r.nextInt(WORDS.length)]));
            maybe(r, sb, "count", () -> String.valueOf(r.nextInt(1001)));
            maybe(r, sb, "enabled", () -> String.valueOf(r.nextBoolean()));
            maybe(r, sb, "kind", () -> r.nextBoolean() ? "h:kind-a" : "h:kind-b");
            maybe(r, sb, "mode", () -> r.nextBoolean() ? "fast" : "slow");
            if (r.nextInt(3) == 0) {
                sb.append("<flag/>");
            }
            maybe(r, sb, "ratio", () -> (r.nextInt(20000) - 10000) / 100 + "." + (10 + r.nextInt(90)));
            for (String t : subset(r, List.of("t1", "t2", "t3", "t4"), false)) {
                sb.append("<tags>").append(t).append("</tags>");
            }
            for (String p : subset(r, List.of("/a", "/b", "/c", "/d", "/e"), true)) {
                sb.append("<search-path>").append(p).append("</search-path>");
            }
            if (r.nextInt(3) == 0) {
                sb.append("<logging>");
                maybe(r, sb, "level", () -> String.valueOf(r.nextInt(256)));
                sb.append("</logging>");
            }
            switch (r.nextInt(5)) {
                case 0 -> {
                    maybe(r, sb, "tcp-port", () -> String.valueOf(r.nextInt(65536)));
                    if (r.nextBoolean()) {
                        sb.append("<tcp-options>");
                        maybe(r, sb, "no-delay", () -> String.valueOf(r.nextBoolean()));
                        sb.append("</tcp-options>");
                    }
                }
                case 1 -> sb.append("<udp-port>").append(r.nextInt(65536)).append("</udp-port>");
                case 2 -> sb.append("<local-socket>").append(escape(WORDS[r.nextInt(WORDS.length)]))
                        .append("</local-socket>");
                default -> {
                    // no transport
                }
            }
            sb.append("</settings>");
        }
        for (String name : subset(r, List.of("r1", "r2", "r3", "r4", "r5", "r6"), true)) {
            sb.append("<rule xmlns='").append(NS).append("'><name>").append(name).append("</name>");
            maybe(r, sb, "action", () -> r.nextBoolean() ? "permit" : "deny");
            for (String port : subset(r, List.of("22", "80", "443"), false)) {
                sb.append("<port>").append(port).append("</port>");
            }
            if (r.nextInt(3) == 0) {
                sb.append("<match>");
                maybe(r, sb, "source", () -> escape(WORDS[r.nextInt(WORDS.length)]));
                maybe(r, sb, "destination", () -> "d" + r.nextInt(3));
                sb.append("</match>");
            }
            sb.append("</rule>");
        }
        for (String peer : subset(r, List.of("p1/1", "p1/2", "p2/1", "p3/7"), false)) {
            String[] ap = peer.split("/");
            sb.append("<peer xmlns='").append(NS).append("'><address>").append(ap[0]).append("</address><port>")
                    .append(ap[1]).append("</port>");
            maybe(r, sb, "weight", () -> String.valueOf(r.nextInt(200) - 100));
            for (String id : subset(r, List.of("1", "2", "3"), false)) {
                sb.append("<session><id>").append(id).append("</id>");
                maybe(r, sb, "note", () -> "n" + r.nextInt(3));
                sb.append("</session>");
            }
            sb.append("</peer>");
        }
        for (String handler : subset(r, List.of("kind-a/x", "kind-a/it's", "kind-b/x", "kind-c/\"q\""), true)) {
            String[] ki = handler.split("/");
            sb.append("<handler xmlns='").append(NS).append("' xmlns:k='").append(NS).append("'><kind>k:").append(ki[0])
                    .append("</kind><instance>").append(escape(ki[1])).append("</instance>");
            maybe(r, sb, "priority", () -> String.valueOf(r.nextInt(256)));
            sb.append("</handler>");
        }
        if (r.nextInt(4) == 0) {
            sb.append("<state xmlns='").append(NS).append("'><uptime>").append(r.nextInt(1_000_000))
                    .append("</uptime></state>");
        }
        return sb.toString();
    }

    private static void maybe(Random r, StringBuilder sb, String leaf, java.util.function.Supplier<String> value) {
        if (r.nextBoolean()) {
            sb.append('<').append(leaf).append('>').append(value.get()).append("</").append(leaf).append('>');
        }
    }

    /** A random subset; in random order when {@code shuffled}, else in the pool's order. */
    private static List<String> subset(Random r, List<String> pool, boolean shuffled) {
        List<String> out = new ArrayList<>();
        for (String s : pool) {
            if (r.nextBoolean()) {
                out.add(s);
            }
        }
        if (shuffled) {
            java.util.Collections.shuffle(out, r);
        }
        return out;
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;");
    }

}

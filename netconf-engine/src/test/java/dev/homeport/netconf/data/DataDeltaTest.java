package dev.homeport.netconf.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.netconf.ops.EditConfig.DefaultOperation;
import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.SafeXml;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.w3c.dom.Element;

/** apply(A, delta(A, B)) == B over real modules, and what "minimal" means in the edit's XML. */
class DataDeltaTest {
    static final String T = "xmlns='urn:homeport:data-test'";

    private final EffectiveModelContext ietf = TestModels.ietf();
    private final XmlDataCodec codec = new XmlDataCodec(ietf);

    static Stream<Arguments> ietfPairs() {
        return pairs(Samples.ietf(), "ietf");
    }

    static Stream<Arguments> openconfigPairs() {
        return pairs(Samples.openconfig(), "openconfig");
    }

    private static Stream<Arguments> pairs(List<String> samples, String schema) {
        List<Arguments> out = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            for (int j = 0; j < samples.size(); j++) {
                for (DataDelta.Deletion d : DataDelta.Deletion.values()) {
                    out.add(Arguments.of(schema, i, j, d));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} sample {1} -> sample {2}, {3}")
    @MethodSource({"ietfPairs", "openconfigPairs"})
    void applyingTheDeltaGivesTheTarget(String schemaName, int from, int to, DataDelta.Deletion deletion)
            throws Exception {
        boolean oc = schemaName.equals("openconfig");
        EffectiveModelContext schema = oc ? TestModels.openconfig() : ietf;
        List<String> samples = oc ? Samples.openconfig() : Samples.ietf();
        XmlDataCodec c = oc ? new XmlDataCodec(schema) : codec;
        ContainerNode a = c.parse(samples.get(from), XmlDataCodec.Mode.STRICT).data();
        ContainerNode b = c.parse(samples.get(to), XmlDataCodec.Mode.STRICT).data();

        DataDelta.Result delta = new DataDelta(schema, deletion).between(a, b);
        EditApplier applier = new EditApplier(schema);
        ContainerNode after = applier.apply(DataTrees.configOnly(schema, a), applier.parse(delta.xml()),
                DefaultOperation.MERGE);

        EditApplierTest.assertSame(after, DataTrees.configOnly(schema, b));
        assertThat(delta.isEmpty()).isEqualTo(from == to);
        if (deletion == DataDelta.Deletion.REMOVE) {
            assertThat(delta.xml()).doesNotContain("\"delete\"");
        }
        // the edit is well-formed XML on its own, as config content
        SafeXml.parseFragment(delta.xml());
    }

    @Test
    void unchangedSubtreesAreNotSent() throws Exception {
        ContainerNode a = codec.parse(Samples.IETF_A, XmlDataCodec.Mode.STRICT).data();
        ContainerNode b = codec.parse(Samples.IETF_A.replace("<description>uplink</description>",
                "<description>core</description>"), XmlDataCodec.Mode.STRICT).data();
        DataDelta.Result delta = new DataDelta(ietf).between(a, b);
        assertThat(delta.xml()).isEqualTo("<interfaces xmlns=\"urn:ietf:params:xml:ns:yang:ietf-interfaces\">"
                + "<interface><name>eth0</name><description>core</description></interface></interfaces>");
        assertThat(delta.changes()).isEqualTo(1);
    }

    @Test
    void equalTreesGiveAnEmptyDelta() throws Exception {
        ContainerNode a = codec.parse(Samples.IETF_A + Samples.TEST_A, XmlDataCodec.Mode.STRICT).data();
        ContainerNode again = codec.parse(codec.toXml(a), XmlDataCodec.Mode.STRICT).data();
        DataDelta.Result delta = new DataDelta(ietf).between(a, again);
        assertThat(delta.isEmpty()).isTrue();
        assertThat(delta.xml()).isEmpty();
        // state data and empty non-presence containers make no difference either
        ContainerNode noise = codec.parse(Samples.IETF_A + Samples.TEST_A.replace("12345", "1")
                .replace("<name>r3</name>", "<name>r3</name><match/>"), XmlDataCodec.Mode.STRICT).data();
        assertThat(noise).isNotEqualTo(a);
        assertThat(new DataDelta(ietf).between(a, noise).isEmpty()).isTrue();
    }

    @Test
    void movingOneEntryOfAnOrderedListSendsOneElement() throws Exception {
        ContainerNode a = codec.parse(rules("r1", "r2", "r3", "r4", "r5"), XmlDataCodec.Mode.STRICT).data();
        ContainerNode b = codec.parse(rules("r1", "r2", "r4", "r5", "r3"), XmlDataCodec.Mode.STRICT).data();
        DataDelta.Result delta = new DataDelta(ietf).between(a, b);
        List<Element> sent = Dom.children(SafeXml.parseFragment(delta.xml()));
        assertThat(sent).hasSize(1);
        Element moved = sent.get(0);
        assertThat(moved.getAttributeNS("urn:ietf:params:xml:ns:yang:1", "insert")).isEqualTo("after");
        String key = moved.getAttributeNS("urn:ietf:params:xml:ns:yang:1", "key");
        assertThat(key).matches("\\[(\\w+):name='r5'\\]");
        String prefix = key.substring(1, key.indexOf(':'));
        assertThat(moved.lookupNamespaceURI(prefix)).isEqualTo("urn:homeport:data-test");
        assertThat(Dom.childText(moved, null, "name")).contains("r3");
    }

    @Test
    void reversingAnOrderedListMovesAllButOne() throws Exception {
        ContainerNode a = codec.parse(rules("r1", "r2", "r3", "r4", "r5", "r6"), XmlDataCodec.Mode.STRICT).data();
        ContainerNode b = codec.parse(rules("r6", "r5", "r4", "r3", "r2", "r1"), XmlDataCodec.Mode.STRICT).data();
        DataDelta.Result delta = new DataDelta(ietf).between(a, b);
        assertThat(delta.changes()).isEqualTo(5);
        EditApplier applier = new EditApplier(ietf);
        EditApplierTest.assertSame(applier.apply(a, applier.parse(delta.xml()), DefaultOperation.MERGE), b);
    }

    @Test
    void movesEntriesWithIdentityAndCompositeKeys() throws Exception {
        String h1 = handler("kind-a", "it's");
        String h2 = handler("kind-b", "x");
        String h3 = handler("kind-c", "y");
        ContainerNode a = codec.parse(h1 + h2 + h3, XmlDataCodec.Mode.STRICT).data();
        ContainerNode b = codec.parse(h2 + h3 + h1, XmlDataCodec.Mode.STRICT).data();
        DataDelta.Result delta = new DataDelta(ietf).between(a, b);
        Element moved = Dom.children(SafeXml.parseFragment(delta.xml())).get(0);
        String key = moved.getAttributeNS("urn:ietf:params:xml:ns:yang:1", "key");
        assertThat(key).matches("\\[(\\w+):kind='\\1:kind-c'\\]\\[\\1:instance='y'\\]");
        EditApplier applier = new EditApplier(ietf);
        EditApplierTest.assertSame(applier.apply(a, applier.parse(delta.xml()), DefaultOperation.MERGE), b);
        // a key value with a quote is written with the other quote
        String h4 = handler("kind-a", "z");
        ContainerNode c = codec.parse(h1 + h2 + h3 + h4, XmlDataCodec.Mode.STRICT).data();
        ContainerNode d = codec.parse(h1 + h4 + h2 + h3, XmlDataCodec.Mode.STRICT).data();
        DataDelta.Result quoted = new DataDelta(ietf).between(c, d);
        assertThat(quoted.xml()).contains(":instance=&quot;it's&quot;]");
        EditApplierTest.assertSame(applier.apply(c, applier.parse(quoted.xml()), DefaultOperation.MERGE), d);
    }

    private static String handler(String kind, String instance) {
        return "<handler " + T + " xmlns:k='urn:homeport:data-test'><kind>k:" + kind + "</kind><instance>" + instance
                + "</instance></handler>";
    }

    @Test
    void newEntriesAtTheEndNeedNoInsertAttribute() throws Exception {
        ContainerNode a = codec.parse(rules("r1", "r2"), XmlDataCodec.Mode.STRICT).data();
        ContainerNode b = codec.parse(rules("r1", "r2", "r3", "r4"), XmlDataCodec.Mode.STRICT).data();
        DataDelta.Result delta = new DataDelta(ietf).between(a, b);
        assertThat(delta.xml()).doesNotContain("insert").contains("r3").contains("r4").doesNotContain("r1");
    }

    @Test
    void switchingCaseSendsOnlyTheNewCase() throws Exception {
        ContainerNode a = codec.parse("<settings " + T + "><tcp-port>80</tcp-port><tcp-options><no-delay>true"
                + "</no-delay></tcp-options></settings>", XmlDataCodec.Mode.STRICT).data();
        ContainerNode b = codec.parse("<settings " + T + "><udp-port>53</udp-port></settings>",
                XmlDataCodec.Mode.STRICT).data();
        DataDelta.Result delta = new DataDelta(ietf).between(a, b);
        assertThat(delta.xml()).isEqualTo("<settings xmlns=\"urn:homeport:data-test\"><udp-port>53</udp-port></settings>");
    }

    @Test
    void aContainerThatEmptiesIsDeletedWhole() throws Exception {
        ContainerNode a = codec.parse(Samples.IETF_A, XmlDataCodec.Mode.STRICT).data();
        ContainerNode b = codec.parse(Samples.IETF_A.replaceAll("(?s)<ntp>.*</ntp>", ""), XmlDataCodec.Mode.STRICT)
                .data();
        DataDelta.Result delta = new DataDelta(ietf).between(a, b);
        assertThat(delta.xml()).isEqualTo("<system xmlns=\"urn:ietf:params:xml:ns:yang:ietf-system\"><ntp "
                + "xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\" nc:operation=\"delete\"></ntp></system>");
    }

    @Test
    void deltaGoesIntoAnEditConfig() throws Exception {
        ContainerNode a = codec.parse(rules("r1"), XmlDataCodec.Mode.STRICT).data();
        ContainerNode b = codec.parse(rules("r2"), XmlDataCodec.Mode.STRICT).data();
        String rpc = dev.homeport.netconf.ops.EditConfig.to(dev.homeport.netconf.ops.Datastore.CANDIDATE)
                .config(new DataDelta(ietf).between(a, b).toFragment()).toXml().toXml();
        Element config = Dom.child(SafeXml.parse(rpc).getDocumentElement(), null, "config").orElseThrow();
        EditApplier applier = new EditApplier(ietf);
        EditApplierTest.assertSame(applier.apply(a, config, DefaultOperation.MERGE), b);
    }

    private static String rules(String... names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            sb.append("<rule ").append(T).append("><name>").append(n).append("</name><action>permit</action></rule>");
        }
        return sb.toString();
    }
}

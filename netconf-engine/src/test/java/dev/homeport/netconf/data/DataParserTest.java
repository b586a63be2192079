package dev.homeport.netconf.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.SafeXml;
import dev.homeport.netconf.xml.XmlLimits;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.dom.DOMSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.data.api.schema.AnydataNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.DataContainerChild;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNode;
import org.opendaylight.yangtools.yang.data.codec.xml.DOMSourceXMLStreamReader;
import org.opendaylight.yangtools.yang.data.codec.xml.XmlParserStream;
import org.opendaylight.yangtools.yang.data.impl.schema.ImmutableNormalizedNodeStreamWriter;
import org.opendaylight.yangtools.yang.data.impl.schema.NormalizationResultHolder;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.w3c.dom.Element;

/**
 * {@link DataParser} against yangtools' own {@code XmlParserStream}, which {@code XmlDataCodec} used before and which
 * serves here as the oracle: for every document both accept, the trees are equal (through the DOM and straight from
 * a pull parser alike); every document yangtools refuses is refused too, and the pull-parser path declines it (so
 * that the DOM path can say what is wrong).
 */
class DataParserTest {
    private static final String KINDS_NS = "urn:homeport:data-kinds";
    private static final String AUG_NS = "urn:homeport:data-kinds-aug";
    private static final EffectiveModelContext KINDS = TestModels.load(
            List.of(resource("homeport-data-kinds.yang"), resource("homeport-data-kinds-aug.yang")), List.of(), null);
    private static final EffectiveModelContext TEST = TestModels.testModuleOnly(null);

    private static Path resource(String name) {
        try {
            return Path.of(DataParserTest.class.getResource("/yang/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a parser made of a document: the tree, or that it refused it. */
    private record Outcome(ContainerNode data, String refusal) {
        boolean ok() {
            return data != null;
        }
    }

    private static Element dataElement(String content) throws Exception {
        return SafeXml.parse("<data xmlns='" + Namespaces.BASE + "'>" + content + "</data>").getDocumentElement();
    }

    /** The oracle: yangtools' parser over the DOM. */
    private static Outcome yangtools(EffectiveModelContext context, String content, boolean strict) throws Exception {
        Element root = dataElement(content);
        NormalizationResultHolder holder = new NormalizationResultHolder();
        try (XmlParserStream parser = XmlParserStream.create(ImmutableNormalizedNodeStreamWriter.from(holder), context,
                strict)) {
            parser.parse(new DOMSourceXMLStreamReader(new DOMSource(root)));
        } catch (Exception | AssertionError e) {
            return new Outcome(null, e.toString());
        }
        NormalizedNode n = holder.getResult().data();
        return new Outcome((ContainerNode) n, null);
    }

    private static Outcome ours(EffectiveModelContext context, String content, XmlDataCodec.Mode mode)
            throws Exception {
        try {
            return new Outcome(new XmlDataCodec(context).parse(dataElement(content), mode).data(), null);
        } catch (InvalidDataException e) {
            return new Outcome(null, e.getMessage());
        }
    }

    /** Ours straight from a pull parser, as NetconfClient uses it; null when it declines. */
    private static ContainerNode streamed(EffectiveModelContext context, String content) throws Exception {
        byte[] bytes = ("<rpc-reply xmlns='" + Namespaces.BASE + "' message-id='1'><data>" + content
                + "</data></rpc-reply>").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        XMLStreamReader r = SafeXml.streamReader(bytes, XmlLimits.DEFAULT);
        r.nextTag();
        r.nextTag();
        XmlDataCodec.Result result = new XmlDataCodec(context).reader(XmlDataCodec.Mode.STRICT).read(r);
        if (result == null) {
            return null;
        }
        assertThat(r.getEventType()).as("left on the end of <data>").isEqualTo(XMLStreamConstants.END_ELEMENT);
        assertThat(r.getLocalName()).isEqualTo("data");
        assertThat(result.skipped()).isEmpty();
        return result.data();
    }

    /** Equal as trees, including the order of ordered-by-user lists (which equals() ignores). */
    private static void assertSameTree(ContainerNode actual, ContainerNode expected, String what) {
        assertThat(actual).as(what).isEqualTo(expected);
        assertThat(DataTrees.sameData(actual, expected)).as(what).isTrue();
    }

    /** Strict and lenient: same outcome as yangtools through the DOM; the pull parser agrees or declines. */
    private static void assertAgrees(EffectiveModelContext context, String content, boolean streamable)
            throws Exception {
        for (XmlDataCodec.Mode mode : XmlDataCodec.Mode.values()) {
            Outcome expected = yangtools(context, content, mode == XmlDataCodec.Mode.STRICT);
            Outcome actual = ours(context, content, mode);
            assertThat(actual.ok()).as("%s %s: yangtools %s, ours %s", mode, content, expected.refusal(),
                    actual.refusal()).isEqualTo(expected.ok());
            if (expected.ok()) {
                assertSameTree(actual.data(), expected.data(), mode + " " + content);
            }
        }
        Outcome strict = yangtools(context, content, true);
        ContainerNode s = streamed(context, content);
        if (!strict.ok() || !streamable) {
            assertThat(s).as("the pull parser declines %s", content).isNull();
        } else {
            assertThat(s).as("the pull parser reads %s", content).isNotNull();
            assertSameTree(s, strict.data(), "streamed " + content);
        }
    }

    @Property(tries = 200)
    void randomConfigurationsGiveTheSameTrees(@ForAll("configs") String content) throws Exception {
        assertAgrees(TEST, content, true);
    }

    @Provide
    Arbitrary<String> configs() {
        return Arbitraries.randomValue(DataRoundTripPropertyTest::config);
    }

    @Test
    void publishedModulesGiveTheSameTrees() throws Exception {
        for (String sample : List.of(Samples.IETF_A, Samples.IETF_B, Samples.TEST_A, Samples.TEST_B)) {
            assertAgrees(TestModels.ietf(), content(sample), true);
        }
        for (String sample : List.of(Samples.OC_A, Samples.OC_B)) {
            assertAgrees(TestModels.openconfig(), content(sample), true);
        }
        // a reply with indentation and a prefix declared on the leaf, as yuma123 writes it
        assertAgrees(TestModels.ietf(), """
                <interfaces xmlns="urn:ietf:params:xml:ns:yang:ietf-interfaces">
                  <interface>
                    <name>eth0</name>
                    <type
                      xmlns:ianaift="urn:ietf:params:xml:ns:yang:iana-if-type">ianaift:ethernetCsmacd</type>
                    <ipv4 xmlns="urn:ietf:params:xml:ns:yang:ietf-ip">
                      <address><ip>192.0.2.1</ip><netmask>255.255.255.0</netmask></address>
                    </ipv4>
                  </interface>
                </interfaces>
                """, true);
    }

    /** The samples are whole {@code <config>} or bare content; the test wraps content itself. */
    private static String content(String sample) throws Exception {
        Element wrapper = SafeXml.parseFragment(sample);
        List<Element> top = dev.homeport.netconf.xml.Dom.children(wrapper);
        Element root = top.size() == 1 && ("config".equals(top.get(0).getLocalName())
                || "data".equals(top.get(0).getLocalName())) ? top.get(0) : wrapper;
        StringBuilder sb = new StringBuilder();
        for (Element e : dev.homeport.netconf.xml.Dom.children(root)) {
            sb.append(SafeXml.toString(e));
        }
        return sb.toString();
    }

    @Test
    void everyNodeKindAndTypeGivesTheSameTree() throws Exception {
        String box = "<box xmlns='" + KINDS_NS + "' xmlns:k='" + KINDS_NS + "'>"
                + "<name>b1</name><flags>a c</flags><blob>aGVsbG8=</blob><weight>1.500</weight>"
                + "<where>/k:item[k:id='3']</where><colors>k:red</colors><colors>k:blue</colors>"
                + "<note><text>one</text><level>-3</level></note><note><text>two</text></note>"
                + "<from><target>b1</target><port>1</port></from><to><target>b1</target></to>"
                + "<alpha>a</alpha><gamma>g</gamma>"
                + "<added xmlns='" + AUG_NS + "'>yes</added><more xmlns='" + AUG_NS + "'><x>7</x></more>"
                + "%s</box>";
        for (String size : List.of("<size>5</size>", "<size>big</size>", "<size>s12</size>", "")) {
            assertAgrees(KINDS, box.formatted(size), true);
        }
        assertAgrees(KINDS, "<box xmlns='" + KINDS_NS + "'><delta>d</delta></box>", true);
        assertAgrees(KINDS, "<box xmlns='" + KINDS_NS + "'><beta>b</beta></box>", true);
        assertAgrees(KINDS, "<item xmlns='" + KINDS_NS + "'><id>3</id><owner>b1</owner><tag xmlns='" + AUG_NS
                + "'>t</tag></item><item xmlns='" + KINDS_NS + "'><id>-4</id></item>", true);
    }

    @Test
    void badValuesAndShapesAreRefusedLikeYangtoolsDoes() throws Exception {
        String n = " xmlns='" + KINDS_NS + "' xmlns:k='" + KINDS_NS + "'";
        for (String bad : List.of(
                "<box" + n + "><size>s</size></box>",
                "<box" + n + "><flags>a d</flags></box>",
                "<box" + n + "><colors>k:green</colors></box>",
                "<box" + n + "><weight>1.2345</weight></box>",
                "<box" + n + "><where>/nope:item</where></box>",
                "<box" + n + "><alpha>a</alpha><beta>b</beta></box>",
                "<box" + n + "><alpha>a</alpha><delta>d</delta></box>",
                "<box" + n + "><note><level>200</level></note></box>",
                "<item" + n + "><owner>x</owner></item>",
                "<item" + n + "><id>x</id></item>")) {
            assertAgrees(KINDS, bad, true);
        }
        String t = " xmlns='urn:homeport:data-test'";
        for (String doc : List.of(
                "<peer" + t + "><address>a</address><port>1</port></peer><peer" + t + "><address>a</address>"
                        + "<port>1</port><weight>3</weight></peer>",
                "<rule" + t + "><name>a</name></rule><rule" + t + "><name>a</name><action>deny</action></rule>",
                "<settings" + t + "><tags>x</tags><tags>x</tags></settings>",
                "<settings" + t + "><search-path>b</search-path><search-path>a</search-path>"
                        + "<search-path>b</search-path></settings>",
                "<settings" + t + "><count> 5 </count></settings>",
                "<settings" + t + "><name> 5 </name></settings>",
                "<settings" + t + "><flag>x</flag></settings>",
                "<peer" + t + "><address>a</address><weight>3</weight></peer>",
                "<settings" + t + "><tcp-port>1</tcp-port><udp-port>2</udp-port></settings>",
                "<settings" + t + ">text<name>n</name></settings>",
                "<settings" + t + " foo='1' xmlns:nc='" + Namespaces.BASE + "' nc:operation='merge'>"
                        + "<name bar='2'>n</name></settings>",
                "<settings" + t + "><name>n<x/></name></settings>",
                "<settings" + t + "><logging/><tcp-options/></settings>",
                "<rule" + t + "><name>a</name></rule><settings" + t + "/><rule" + t + "><name>b</name></rule>",
                "<settings" + t + "><name>a</name><name>b</name></settings>",
                "<peer" + t + "><weight>3</weight><port>1</port><address>a</address></peer>",
                "<settings" + t + "><name>a<!-- c -->b<![CDATA[<c>]]></name></settings>",
                "<settings" + t + "><name/></settings>",
                "<settings" + t + "><kind xmlns:x='urn:homeport:data-test'> x:kind-a </kind></settings>",
                "<settings" + t + "><kind>kind-a</kind></settings>",
                "<peer" + t + "><address>a</address><port>1</port><address>b</address></peer>",
                "<settings" + t + "><count>5</count></settings><settings" + t + "><name>x</name></settings>",
                "<settings" + t + "><tcp-port>1</tcp-port><local-socket>s</local-socket></settings>")) {
            assertAgrees(TEST, doc, true);
        }
    }

    @Test
    void unknownElementsAreSkippedInLenientModeOnlyAndTheStreamDeclinesThem() throws Exception {
        String doc = "<settings xmlns='urn:homeport:data-test'><name>n</name><vendor xmlns='urn:x'>1</vendor>"
                + "</settings><other xmlns='urn:x'/>";
        assertAgrees(TEST, doc, false);
        XmlDataCodec.Result lenient = new XmlDataCodec(TEST).parse(dataElement(doc), XmlDataCodec.Mode.LENIENT);
        assertThat(lenient.skipped()).extracting(XmlDataCodec.SkippedElement::path)
                .containsExactly("/homeport-data-test:settings/{urn:x}vendor", "/{urn:x}other");
    }

    @Test
    void anyxmlKeepsItsContentAndTheStreamLeavesItToTheDom() throws Exception {
        String doc = "<box xmlns='" + KINDS_NS + "'><name>n</name><extra><any xmlns='urn:x' a='1'>t<b/></any></extra>"
                + "</box>";
        XmlDataCodec codec = new XmlDataCodec(KINDS);
        ContainerNode ours = codec.parse(dataElement(doc), XmlDataCodec.Mode.STRICT).data();
        Outcome oracle = yangtools(KINDS, doc, true);
        assertThat(oracle.ok()).isTrue();
        // DOMSource has no equals: compare what both trees write
        assertThat(codec.toXml(ours)).isEqualTo(codec.toXml(oracle.data())).contains("<any xmlns=\"urn:x\" a=\"1\">");
        assertThat(streamed(KINDS, doc)).isNull();
    }

    @Test
    void anydataIsLeftToYangtools() throws Exception {
        String doc = "<bag xmlns='" + KINDS_NS + "'><payload><box xmlns='" + KINDS_NS + "'><name>n</name></box>"
                + "</payload></bag>";
        ContainerNode ours = new XmlDataCodec(KINDS).parse(dataElement(doc), XmlDataCodec.Mode.STRICT).data();
        List<DataContainerChild> payloads = new ArrayList<>();
        for (DataContainerChild top : ours.body()) {
            payloads.addAll(((ContainerNode) top).body());
        }
        assertThat(payloads).singleElement().isInstanceOf(AnydataNode.class);
        assertThat(streamed(KINDS, doc)).isNull();
    }

    @Test
    void aLargeDocumentParsesTheSameBothWays() throws Exception {
        StringBuilder sb = new StringBuilder();
        Random r = new Random(7);
        for (int i = 0; i < 40; i++) {
            sb.append(DataRoundTripPropertyTest.config(r).replaceAll(
                    "<(settings|state) .*?</\\1>", ""));
        }
        // many list entries: the same names repeat across the configs, so entries merge as yangtools merges them
        assertAgrees(TEST, sb.toString(), true);
    }
}

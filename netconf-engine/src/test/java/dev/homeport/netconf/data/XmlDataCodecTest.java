package dev.homeport.netconf.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.SafeXml;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.Uint16;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifierWithPredicates;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.data.api.schema.NormalizedNodes;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.w3c.dom.Element;

class XmlDataCodecTest {
    static final String IF = "urn:ietf:params:xml:ns:yang:ietf-interfaces";
    static final String IP = "urn:ietf:params:xml:ns:yang:ietf-ip";

    private final EffectiveModelContext ietf = TestModels.ietf();
    private final XmlDataCodec codec = new XmlDataCodec(ietf);

    static final String REPLY = """
            <rpc-reply xmlns="urn:ietf:params:xml:ns:netconf:base:1.0" message-id="7">
              <data>
                <interfaces xmlns="urn:ietf:params:xml:ns:yang:ietf-interfaces"
                            xmlns:ianaift="urn:ietf:params:xml:ns:yang:iana-if-type">
                  <interface>
                    <name>eth0</name>
                    <type>ianaift:ethernetCsmacd</type>
                    <vendor-knob xmlns="urn:example:vendor">7</vendor-knob>
                    <ipv4 xmlns="urn:ietf:params:xml:ns:yang:ietf-ip">
                      <mtu>1500</mtu>
                      <address><ip>192.0.2.1</ip><prefix-length>24</prefix-length></address>
                    </ipv4>
                  </interface>
                </interfaces>
                <vendor-config xmlns="urn:example:vendor"><x>1</x></vendor-config>
                <system xmlns="urn:ietf:params:xml:ns:yang:ietf-system">
                  <hostname>edge-1</hostname>
                  <dns-resolver><search>example.com</search><search>example.net</search></dns-resolver>
                </system>
              </data>
            </rpc-reply>""";

    private static Element data(String reply) throws Exception {
        return Dom.child(SafeXml.parse(reply).getDocumentElement(), null, "data").orElseThrow();
    }

    @Test
    void lenientParseOfAReplyKeepsKnownDataAndReportsTheRest() throws Exception {
        XmlDataCodec.Result r = codec.parse(data(REPLY), XmlDataCodec.Mode.LENIENT);

        assertThat(r.skipped()).containsExactly(
                new XmlDataCodec.SkippedElement("/ietf-interfaces:interfaces/interface[name='eth0']/{urn:example:vendor}vendor-knob",
                        "urn:example:vendor", "vendor-knob"),
                new XmlDataCodec.SkippedElement("/{urn:example:vendor}vendor-config", "urn:example:vendor",
                        "vendor-config"));
        var mtu = NormalizedNodes.findNode(r.data(), YangInstanceIdentifier.of(
                new NodeIdentifier(q(IF, "interfaces")), new NodeIdentifier(q(IF, "interface")),
                NodeIdentifierWithPredicates.of(q(IF, "interface"), q(IF, "name"), "eth0"),
                new NodeIdentifier(q(IP, "ipv4")), new NodeIdentifier(q(IP, "mtu")))).orElseThrow();
        assertThat(((LeafNode<?>) mtu).body()).isEqualTo(Uint16.valueOf(1500));
        assertThat(r.data().name()).isEqualTo(DataTrees.rootIdentifier());
    }

    @Test
    void strictParseRefusesAnUnknownElementNamingItsPath() throws Exception {
        assertThatThrownBy(() -> codec.parse(data(REPLY), XmlDataCodec.Mode.STRICT))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("unknown element 'vendor-knob'")
                .hasMessageContaining("no module of the schema has namespace 'urn:example:vendor'")
                .satisfies(e -> assertThat(((InvalidDataException) e).path())
                        .isEqualTo("/ietf-interfaces:interfaces/interface[name='eth0']/{urn:example:vendor}vendor-knob"));
    }

    @Test
    void unknownNodeOfAKnownModuleIsNamedToo() {
        assertThatThrownBy(() -> codec.parse("<system xmlns='urn:ietf:params:xml:ns:yang:ietf-system'>"
                + "<clock><timezone-nam>UTC</timezone-nam></clock></system>", XmlDataCodec.Mode.STRICT))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("unknown element 'timezone-nam'")
                .hasMessageContaining("the schema has no such node here")
                .hasMessageEndingWith("at /ietf-system:system/clock/timezone-nam");
    }

    @Test
    void badValueGivesTheElementPathWithListKeys() {
        String xml = """
                <interfaces xmlns="urn:ietf:params:xml:ns:yang:ietf-interfaces">
                  <interface><name>eth0</name></interface>
                  <interface><name>eth1</name>
                    <ipv4 xmlns="urn:ietf:params:xml:ns:yang:ietf-ip"><mtu>70000</mtu></ipv4>
                  </interface>
                </interfaces>""";
        for (XmlDataCodec.Mode mode : XmlDataCodec.Mode.values()) {
            assertThatThrownBy(() -> codec.parse(xml, mode))
                    .isInstanceOf(InvalidDataException.class)
                    .hasMessageContaining("70000")
                    .satisfies(e -> assertThat(((InvalidDataException) e).path())
                            .isEqualTo("/ietf-interfaces:interfaces/interface[name='eth1']/ietf-ip:ipv4/mtu"));
        }
    }

    @Test
    void badValueOfTheTestModule() {
        assertThatThrownBy(() -> codec.parse("<settings xmlns='urn:homeport:data-test'><name>n</name>"
                + "<count>1001</count></settings>", XmlDataCodec.Mode.STRICT))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("1001")
                .hasMessageEndingWith("at /homeport-data-test:settings/count");
        assertThatThrownBy(() -> codec.parse("<settings xmlns='urn:homeport:data-test'><kind>nope</kind></settings>",
                XmlDataCodec.Mode.STRICT))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageEndingWith("at /homeport-data-test:settings/kind");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<config xmlns='urn:ietf:params:xml:ns:netconf:base:1.0'>%s</config>",
        "<?xml version='1.0'?>\n<data xmlns='urn:ietf:params:xml:ns:netconf:base:1.0'>%s</data>",
        "<config>%s</config>",
        "%s"})
    void textFormsAreEquivalent(String form) throws Exception {
        String content = "<system xmlns='urn:ietf:params:xml:ns:yang:ietf-system'><hostname>h</hostname></system>"
                + "<settings xmlns='urn:homeport:data-test'><name>n</name></settings>";
        ContainerNode parsed = codec.parse(form.formatted(content), XmlDataCodec.Mode.STRICT).data();
        assertThat(parsed).isEqualTo(codec.parse(content, XmlDataCodec.Mode.STRICT).data());
        assertThat(parsed.size()).isEqualTo(2);
    }

    @Test
    void emptyDataIsTheEmptyRoot() throws Exception {
        assertThat(codec.parse("<data xmlns='urn:ietf:params:xml:ns:netconf:base:1.0'/>", XmlDataCodec.Mode.STRICT)
                .data()).isEqualTo(DataTrees.emptyData());
        assertThat(codec.toXml(DataTrees.emptyData())).isEmpty();
    }

    @Test
    void xmlRoundTripIsIdentityForRealModules() throws Exception {
        for (String sample : List.of(Samples.IETF_A, Samples.IETF_B, Samples.TEST_A, Samples.TEST_B)) {
            ContainerNode first = codec.parse(sample, XmlDataCodec.Mode.STRICT).data();
            String written = codec.toXml(first);
            ContainerNode second = codec.parse(written, XmlDataCodec.Mode.STRICT).data();
            assertThat(second).as(written).isEqualTo(first);
            assertThat(codec.toXml(second)).isEqualTo(written);
        }
        XmlDataCodec oc = new XmlDataCodec(TestModels.openconfig());
        for (String sample : List.of(Samples.OC_A, Samples.OC_B)) {
            ContainerNode first = oc.parse(sample, XmlDataCodec.Mode.STRICT).data();
            ContainerNode second = oc.parse(oc.toXml(first), XmlDataCodec.Mode.STRICT).data();
            assertThat(second).isEqualTo(first);
        }
    }

    @Test
    void writtenXmlDeclaresNamespacesAndWritesListKeysFirst() throws Exception {
        ContainerNode data = codec.parse("<interfaces xmlns='" + IF + "'><interface><enabled>true</enabled>"
                + "<name>eth0</name></interface></interfaces>", XmlDataCodec.Mode.STRICT).data();
        Element top = Dom.children(SafeXml.parseFragment(codec.toXml(data))).get(0);
        assertThat(top.getNamespaceURI()).isEqualTo(IF);
        Element entry = Dom.children(top).get(0);
        assertThat(Dom.children(entry).get(0).getLocalName()).isEqualTo("name");
    }

    @Test
    void escapesMarkupInStrings() throws Exception {
        ContainerNode data = codec.parse("<settings xmlns='urn:homeport:data-test'><name>a &lt;b&gt; &amp; \"c\" 'd'"
                + "</name></settings>", XmlDataCodec.Mode.STRICT).data();
        assertThat(codec.parse(codec.toXml(data), XmlDataCodec.Mode.STRICT).data()).isEqualTo(data);
    }

    @Test
    void featuresDecideWhichNodesExist() throws Exception {
        String xml = "<settings xmlns='urn:homeport:data-test'><fancy-thing>x</fancy-thing></settings>";
        XmlDataCodec without = new XmlDataCodec(TestModels.testModuleOnly(Set.of()));
        XmlDataCodec with = new XmlDataCodec(TestModels.testModuleOnly(Set.of(TestModels.testFeature("fancy"))));
        assertThatThrownBy(() -> without.parse(xml, XmlDataCodec.Mode.STRICT))
                .hasMessageContaining("unknown element 'fancy-thing'");
        assertThat(with.parse(xml, XmlDataCodec.Mode.STRICT).data().size()).isEqualTo(1);
    }

    @Test
    void parserMessagesStayShort() {
        assertThatThrownBy(() -> codec.parse("<settings xmlns='urn:homeport:data-test'/><settings "
                + "xmlns='urn:homeport:data-test'/>", XmlDataCodec.Mode.STRICT))
                .isInstanceOf(InvalidDataException.class)
                .hasMessageContaining("Duplicate element \"settings\"")
                .hasMessageNotContaining("EffectiveSchemaContext")
                .hasMessageEndingWith("at /homeport-data-test:settings");
    }

    @Test
    void malformedXmlIsReportedAsSuch() {
        assertThatThrownBy(() -> codec.parse("<settings xmlns='urn:homeport:data-test'><name>", XmlDataCodec.Mode.STRICT))
                .isInstanceOf(dev.homeport.netconf.xml.MalformedXmlException.class);
    }

    static QName q(String ns, String name) {
        String revision = switch (ns) {
            case IF -> "2018-02-20";
            case IP -> "2018-02-22";
            default -> throw new IllegalArgumentException(ns);
        };
        return QName.create(ns, revision, name);
    }
}

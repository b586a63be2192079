package dev.homeport.netconf.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.homeport.netconf.message.RpcError;
import dev.homeport.netconf.ops.EditConfig.DefaultOperation;
import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.SafeXml;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.w3c.dom.Element;

class EditApplierTest {
    static final String T = "xmlns='urn:homeport:data-test'";
    static final String NC = "xmlns:nc='urn:ietf:params:xml:ns:netconf:base:1.0'";
    static final String YANG = "xmlns:yang='urn:ietf:params:xml:ns:yang:1'";

    private final EffectiveModelContext ietf = TestModels.ietf();
    private final XmlDataCodec codec = new XmlDataCodec(ietf);
    private final EditApplier applier = new EditApplier(ietf);

    private ContainerNode data(String xml) throws Exception {
        return DataTrees.withoutEmptyNodes(ietf, codec.parse(xml, XmlDataCodec.Mode.STRICT).data());
    }

    private ContainerNode apply(ContainerNode ds, String config) throws Exception {
        return apply(ds, config, DefaultOperation.MERGE);
    }

    private ContainerNode apply(ContainerNode ds, String config, DefaultOperation op) throws Exception {
        return applier.apply(ds, applier.parse(config), op);
    }

    private EditError failure(ContainerNode ds, String config) {
        return failure(ds, config, DefaultOperation.MERGE);
    }

    private EditError failure(ContainerNode ds, String config, DefaultOperation op) {
        EditException e = catchThrowableOfType(EditException.class, () -> apply(ds, config, op));
        assertThat(e).as("the edit should fail: " + config).isNotNull();
        return e.error();
    }

    @Test
    void mergeCreatesAndChangesLeaves() throws Exception {
        ContainerNode one = apply(DataTrees.emptyData(), "<settings " + T + "><name>a</name><count>1</count></settings>");
        assertThat(one).isEqualTo(data("<settings " + T + "><name>a</name><count>1</count></settings>"));
        ContainerNode two = apply(one, "<settings " + T + "><count>2</count><enabled>true</enabled></settings>");
        assertThat(two).isEqualTo(data("<settings " + T + "><name>a</name><count>2</count><enabled>true</enabled></settings>"));
    }

    @Test
    void createOnAnExistingNodeFailsWithDataExists() throws Exception {
        ContainerNode ds = data("<rule " + T + "><name>r1</name></rule>");
        EditError error = failure(ds, "<rule " + T + " " + NC + " nc:operation='create'><name>r1</name></rule>");
        assertThat(error.tag()).isEqualTo("data-exists");
        assertThat(error.type()).isEqualTo("application");
        assertThat(error.path()).contains("/hdt:rule[hdt:name='r1']");
        assertThat(error.namespaces()).isEqualTo(Map.of("hdt", "urn:homeport:data-test"));
        assertThat(error.message()).contains("/homeport-data-test:rule[name='r1']").contains("already exists");
        // create of something new works
        assertThat(apply(ds, "<rule " + T + " " + NC + " nc:operation='create'><name>r2</name></rule>"))
                .isEqualTo(data("<rule " + T + "><name>r1</name></rule><rule " + T + "><name>r2</name></rule>"));
    }

    @Test
    void deleteOfAMissingNodeFailsWithDataMissingAndRemoveDoesNot() throws Exception {
        ContainerNode ds = data("<settings " + T + "><name>a</name></settings>");
        EditError error = failure(ds, "<settings " + T + " " + NC + "><count nc:operation='delete'/></settings>");
        assertThat(error.tag()).isEqualTo("data-missing");
        assertThat(error.path()).contains("/hdt:settings/hdt:count");
        assertThat(apply(ds, "<settings " + T + " " + NC + "><count nc:operation='remove'/></settings>")).isEqualTo(ds);
        // a delete needs no valid value: the element only names the leaf
        assertThat(apply(ds, "<settings " + T + " " + NC + "><name nc:operation='delete'/></settings>"))
                .isEqualTo(DataTrees.emptyData());
        // nor does the content of a deleted container
        assertThat(apply(ds, "<settings " + T + " " + NC + " nc:operation='delete'><count/><bogus/></settings>"))
                .isEqualTo(DataTrees.emptyData());
    }

    @Test
    void aFailedEditChangesNothing() throws Exception {
        ContainerNode ds = data("<settings " + T + "><name>a</name></settings><rule " + T + "><name>r1</name></rule>");
        String before = codec.toXml(ds);
        String edit = "<settings " + T + "><name>b</name><count>5</count></settings>"
                + "<rule " + T + "><name>r2</name></rule>"
                + "<rule " + T + " " + NC + " nc:operation='create'><name>r1</name></rule>";
        assertThat(failure(ds, edit).tag()).isEqualTo("data-exists");
        assertThat(codec.toXml(ds)).isEqualTo(before);
        assertThat(ds).isEqualTo(data(before));
    }

    @Test
    void replaceSwapsTheWholeNode() throws Exception {
        ContainerNode ds = data(Samples.IETF_A);
        ContainerNode after = apply(ds, "<interfaces xmlns='urn:ietf:params:xml:ns:yang:ietf-interfaces' " + NC
                + " xmlns:ianaift='urn:ietf:params:xml:ns:yang:iana-if-type'><interface nc:operation='replace'>"
                + "<name>eth0</name><type>ianaift:ethernetCsmacd</type></interface></interfaces>");
        String eth0 = "<interfaces xmlns='urn:ietf:params:xml:ns:yang:ietf-interfaces' "
                + "xmlns:ianaift='urn:ietf:params:xml:ns:yang:iana-if-type'><interface><name>eth0</name>"
                + "<type>ianaift:ethernetCsmacd</type></interface></interfaces>";
        String rest = codec.toXml(apply(ds, "<interfaces xmlns='urn:ietf:params:xml:ns:yang:ietf-interfaces' " + NC
                + "><interface nc:operation='delete'><name>eth0</name></interface></interfaces>"));
        assertThat(after).isEqualTo(apply(data(rest), eth0));
    }

    @Test
    void defaultOperationReplaceReplacesTheDatastore() throws Exception {
        ContainerNode ds = data(Samples.IETF_A + Samples.TEST_A);
        String config = "<system xmlns='urn:ietf:params:xml:ns:yang:ietf-system'><hostname>new</hostname></system>";
        assertThat(apply(ds, config, DefaultOperation.REPLACE)).isEqualTo(data(config));
    }

    @Test
    void defaultOperationNoneOnlyPassesThrough() throws Exception {
        ContainerNode ds = data("<settings " + T + "><name>a</name><count>1</count></settings>");
        // values under 'none' select, they do not change
        assertThat(apply(ds, "<settings " + T + " " + NC + "><name>zzz</name><count nc:operation='replace'>7</count>"
                + "</settings>", DefaultOperation.NONE))
                .isEqualTo(data("<settings " + T + "><name>a</name><count>7</count></settings>"));
        // a non-presence container always exists; a leaf or an entry must
        EditError missing = failure(ds, "<settings " + T + "><mode>fast</mode></settings>", DefaultOperation.NONE);
        assertThat(missing.tag()).isEqualTo("data-missing");
        assertThat(missing.path()).contains("/hdt:settings/hdt:mode");
        assertThat(failure(ds, "<rule " + T + " " + NC + "><name>r1</name><action nc:operation='merge'>deny</action>"
                + "</rule>", DefaultOperation.NONE).tag()).isEqualTo("data-missing");
    }

    @Test
    void orderedByUserListsFollowInsertAttributes() throws Exception {
        ContainerNode ds = data(rules("r1", "r2", "r3"));
        String edit = "<rule " + T + " " + YANG + " yang:insert='first'><name>r4</name></rule>"
                + "<rule " + T + " " + YANG + " xmlns:h='urn:homeport:data-test' yang:insert='before' "
                + "yang:key=\"[h:name='r1']\"><name>r3</name></rule>"
                + "<rule " + T + " " + YANG + " xmlns:h='urn:homeport:data-test' yang:insert='after' "
                + "yang:key=\"[h:name = 'r4']\"><name>r5</name></rule>"
                + "<rule " + T + "><name>r6</name></rule>"
                + "<rule " + T + "><name>r2</name><action>deny</action></rule>";
        assertThat(apply(ds, edit)).isEqualTo(data(rules("r4", "r5", "r3", "r1", "r2", "r6")
                .replace("<name>r2</name>", "<name>r2</name><action>deny</action>")));
        assertThat(apply(ds, "<rule " + T + " " + YANG + " yang:insert='last'><name>r1</name></rule>"))
                .isEqualTo(data(rules("r2", "r3", "r1")));
    }

    @Test
    void orderedByUserLeafListsFollowInsertAttributes() throws Exception {
        ContainerNode ds = data("<settings " + T + "><search-path>a</search-path><search-path>b</search-path>"
                + "</settings>");
        ContainerNode after = apply(ds, "<settings " + T + " " + YANG + "><search-path yang:insert='after' "
                + "yang:value='a'>c</search-path><search-path yang:insert='first'>b</search-path></settings>");
        assertSame(after, data("<settings " + T + "><search-path>b</search-path><search-path>a</search-path>"
                + "<search-path>c</search-path></settings>"));
        assertThat(DataTrees.sameData(after, data("<settings " + T + "><search-path>a</search-path><search-path>b"
                + "</search-path><search-path>c</search-path></settings>"))).isFalse();
    }

    @Test
    void insertErrors() throws Exception {
        ContainerNode ds = data(rules("r1", "r2"));
        EditError noAnchor = failure(ds, "<rule " + T + " " + YANG + " xmlns:h='urn:homeport:data-test' "
                + "yang:insert='after' yang:key=\"[h:name='r9']\"><name>r3</name></rule>");
        assertThat(noAnchor.tag()).isEqualTo("bad-attribute");
        assertThat(noAnchor.appTag()).contains("missing-instance");
        assertThat(noAnchor.info()).containsEntry("bad-attribute", "key");
        assertThat(failure(ds, "<rule " + T + " " + YANG + " yang:insert='after'><name>r3</name></rule>").tag())
                .isEqualTo("missing-attribute");
        assertThat(failure(ds, "<rule " + T + " " + YANG + " yang:insert='middle'><name>r3</name></rule>").tag())
                .isEqualTo("bad-attribute");
        EditError systemOrdered = failure(ds, "<peer " + T + " " + YANG + " yang:insert='first'><address>a</address>"
                + "<port>1</port></peer>");
        assertThat(systemOrdered.tag()).isEqualTo("bad-attribute");
        assertThat(systemOrdered.message()).contains("ordered by the system");
        assertThat(failure(ds, "<rule " + T + " " + YANG + " yang:insert='after' yang:key=\"[name='r1'][x='2']\">"
                + "<name>r3</name></rule>").tag()).isEqualTo("bad-attribute");
    }

    @Test
    void creatingANodeOfAnotherCaseRemovesTheOldCase() throws Exception {
        ContainerNode ds = data("<settings " + T + "><tcp-port>80</tcp-port><tcp-options><no-delay>true</no-delay>"
                + "</tcp-options><name>n</name></settings>");
        assertThat(apply(ds, "<settings " + T + "><udp-port>53</udp-port></settings>"))
                .isEqualTo(data("<settings " + T + "><udp-port>53</udp-port><name>n</name></settings>"));
        assertThat(apply(ds, "<settings " + T + "><local-socket>/s</local-socket></settings>"))
                .isEqualTo(data("<settings " + T + "><local-socket>/s</local-socket><name>n</name></settings>"));
        // deleting a node of a case that is not there is a missing node
        assertThat(failure(ds, "<settings " + T + " " + NC + "><udp-port nc:operation='delete'/></settings>").tag())
                .isEqualTo("data-missing");
        // merging within the active case keeps its other nodes
        assertThat(apply(ds, "<settings " + T + "><tcp-port>81</tcp-port></settings>"))
                .isEqualTo(data("<settings " + T + "><tcp-port>81</tcp-port><tcp-options><no-delay>true</no-delay>"
                        + "</tcp-options><name>n</name></settings>"));
    }

    @Test
    void presenceContainersExistEmptyButOtherContainersDoNot() throws Exception {
        ContainerNode withLogging = apply(DataTrees.emptyData(), "<settings " + T + "><logging/></settings>");
        assertThat(withLogging).isEqualTo(data("<settings " + T + "><logging/></settings>"));
        assertThat(withLogging).isNotEqualTo(DataTrees.emptyData());
        assertThat(apply(DataTrees.emptyData(), "<settings " + T + "><tcp-options/></settings>"))
                .isEqualTo(DataTrees.emptyData());
        assertThat(apply(withLogging, "<settings " + T + " " + NC + "><logging nc:operation='delete'/></settings>"))
                .isEqualTo(DataTrees.emptyData());
    }

    @Test
    void leafListEntriesAreAddedAndDeletedByValue() throws Exception {
        ContainerNode ds = data("<settings " + T + "><tags>a</tags><tags>b</tags></settings>");
        assertThat(apply(ds, "<settings " + T + " " + NC + "><tags nc:operation='delete'>a</tags><tags>c</tags>"
                + "<tags>b</tags></settings>"))
                .isEqualTo(data("<settings " + T + "><tags>c</tags><tags>b</tags></settings>"));
        assertThat(failure(ds, "<settings " + T + " " + NC + "><tags nc:operation='create'>b</tags></settings>").tag())
                .isEqualTo("data-exists");
        // operations apply in document order
        assertThat(apply(ds, "<settings " + T + " " + NC + "><tags>z</tags><tags nc:operation='delete'>z</tags>"
                + "</settings>")).isEqualTo(ds);
    }

    @Test
    void badRequestsAreRefusedWithTheRightTag() throws Exception {
        ContainerNode ds = DataTrees.emptyData();
        EditError unknownNs = failure(ds, "<thing xmlns='urn:nowhere'/>");
        assertThat(unknownNs.tag()).isEqualTo("unknown-namespace");
        assertThat(unknownNs.info()).containsEntry("bad-namespace", "urn:nowhere");
        EditError unknown = failure(ds, "<settings " + T + "><nam>x</nam></settings>");
        assertThat(unknown.tag()).isEqualTo("unknown-element");
        assertThat(unknown.info()).containsEntry("bad-element", "nam");
        assertThat(unknown.path()).contains("/hdt:settings");
        EditError badValue = failure(ds, "<settings " + T + "><count>1001</count></settings>");
        assertThat(badValue.tag()).isEqualTo("invalid-value");
        assertThat(badValue.message()).contains("1001").contains("/homeport-data-test:settings/count");
        assertThat(failure(ds, "<settings " + T + "><count operation='delete'/></settings>").tag())
                .isEqualTo("bad-attribute");
        assertThat(failure(ds, "<settings " + T + " " + NC + "><count nc:operation='erase'/></settings>").tag())
                .isEqualTo("bad-attribute");
        assertThat(failure(ds, "<state " + T + "><uptime>1</uptime></state>").message()).contains("config false");
        EditError noKey = failure(ds, "<rule " + T + "><action>deny</action></rule>");
        assertThat(noKey.tag()).isEqualTo("missing-element");
        assertThat(noKey.info()).containsEntry("bad-element", "name");
        assertThat(failure(data(rules("r1")), "<rule " + T + " " + NC + "><name nc:operation='delete'>r1</name></rule>")
                .tag()).isEqualTo("bad-attribute");
    }

    @Test
    void errorsBecomeRpcErrorsWithDeclaredPrefixes() throws Exception {
        EditError error = failure(data(Samples.IETF_A), "<interfaces xmlns='urn:ietf:params:xml:ns:yang:ietf-interfaces' "
                + NC + "><interface><name>eth0</name><ipv4 xmlns='urn:ietf:params:xml:ns:yang:ietf-ip'>"
                + "<address nc:operation='create'><ip>192.0.2.1</ip><prefix-length>24</prefix-length></address>"
                + "</ipv4></interface></interfaces>");
        assertThat(error.path()).contains("/if:interfaces/if:interface[if:name='eth0']/ip:ipv4/ip:address[ip:ip='192.0.2.1']");
        Element xml = SafeXml.parse(error.toXml().toXml()).getDocumentElement();
        RpcError parsed = RpcError.parse(xml);
        assertThat(parsed.tag()).isEqualTo("data-exists");
        assertThat(parsed.type()).isEqualTo("application");
        assertThat(parsed.path()).isEqualTo(error.path());
        assertThat(parsed.message()).contains(error.message());
        Element path = Dom.child(xml, null, "error-path").orElseThrow();
        assertThat(path.lookupNamespaceURI("if")).isEqualTo("urn:ietf:params:xml:ns:yang:ietf-interfaces");
        assertThat(path.lookupNamespaceURI("ip")).isEqualTo("urn:ietf:params:xml:ns:yang:ietf-ip");
        assertThat(error.toRpcError().path()).isEqualTo(error.path());
        assertThat(error.toRpcError().appTag()).isEqualTo(Optional.empty());
    }

    @Test
    void leafrefKeysOfOpenConfigParse() throws Exception {
        EffectiveModelContext oc = TestModels.openconfig();
        XmlDataCodec ocCodec = new XmlDataCodec(oc);
        EditApplier ocApplier = new EditApplier(oc);
        ContainerNode a = ocCodec.parse(Samples.OC_A, XmlDataCodec.Mode.STRICT).data();
        ContainerNode after = ocApplier.apply(a, ocApplier.parse("""
                <interfaces xmlns="http://openconfig.net/yang/interfaces"
                            xmlns:nc="urn:ietf:params:xml:ns:netconf:base:1.0">
                  <interface><name>Ethernet1</name><config><mtu>9100</mtu></config></interface>
                  <interface nc:operation="delete"><name>Loopback0</name></interface>
                </interfaces>"""), DefaultOperation.MERGE);
        String text = ocCodec.toXml(after);
        assertThat(text).contains("<mtu>9100</mtu>").doesNotContain("Loopback0").contains("10.1.1.1");
    }

    static void assertSame(ContainerNode actual, ContainerNode expected) {
        assertThat(DataTrees.sameData(actual, expected)).as("expected %s%nbut was %s", expected.prettyTree(),
                actual.prettyTree()).isTrue();
    }

    private static String rules(String... names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            sb.append("<rule ").append(T).append("><name>").append(n).append("</name></rule>");
        }
        return sb.toString();
    }
}

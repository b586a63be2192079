package dev.homeport.netconf.server.sim;

import static dev.homeport.netconf.server.sim.Sim.IF;
import static dev.homeport.netconf.server.sim.Sim.SYS;
import static dev.homeport.netconf.server.sim.Sim.error;
import static dev.homeport.netconf.server.sim.Sim.iface;
import static dev.homeport.netconf.server.sim.Sim.system;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.netconf.data.SchemaOperation;
import dev.homeport.netconf.data.XmlDataCodec;
import dev.homeport.netconf.message.WithDefaultsMode;
import dev.homeport.netconf.ops.DataReply;
import dev.homeport.netconf.ops.Datastore;
import dev.homeport.netconf.ops.EditConfig;
import dev.homeport.netconf.ops.Filter;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.ops.NmdaDatastore;
import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.Namespaces;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.AnydataNode;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;
import org.w3c.dom.Element;

/** get, get-config and get-data: filters, with-defaults, NMDA views, generated state, server state. */
class RetrievalTest {
    private SimulatedDevice device;
    private DeviceHost host;
    private NetconfClient c;

    @BeforeEach
    void start() throws Exception {
        device = Sim.homeRouter("get-1");
        host = new DeviceHost(device);
        c = host.connect();
    }

    @AfterEach
    void stop() throws Exception {
        c.close();
        host.close();
    }

    private static List<String> interfaceNames(DataReply r) {
        return Dom.children(r.data()).stream().filter(e -> e.getLocalName().equals("interfaces"))
                .flatMap(e -> Dom.children(e, IF, "interface").stream())
                .map(e -> Sim.text(e, IF, "name").orElse("?")).sorted().toList();
    }

    private static Element wlan(DataReply r, String name) {
        for (Element i : Dom.children(Dom.child(r.data(), IF, "interfaces").orElseThrow(), IF, "interface")) {
            if (Sim.text(i, IF, "name").orElse("").equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no interface " + name + " in " + r.toXml());
    }

    @Test
    void subtreeFilterWithContentMatchAndSelection() throws Exception {
        DataReply r = c.getConfig(Datastore.RUNNING, Filter.subtree(iface("lan0", null, "<description/>")), null);
        assertThat(interfaceNames(r)).containsExactly("lan0");
        Element lan = wlan(r, "lan0");
        assertThat(Dom.children(lan)).extracting(Element::getLocalName).containsExactly("name", "description");
        DataReply whole = c.getConfig(Datastore.RUNNING, Filter.subtree(iface("lan0", null, "")), null);
        assertThat(whole.toXml()).contains("192.168.1.1");
        DataReply none = c.getConfig(Datastore.RUNNING, Filter.subtree(iface("nope", null, "")), null);
        assertThat(none.roots()).isEmpty();
        DataReply unqualified = c.getConfig(Datastore.RUNNING, Filter.subtree("<system><hostname/></system>"), null);
        assertThat(unqualified.toXml()).contains("home-router").doesNotContain("ntp");
    }

    @Test
    void xpathFilterSelectsNodesWithTheirAncestorsAndKeys() throws Exception {
        DataReply r = c.getConfig(Datastore.RUNNING, Filter.xpath(
                "/if:interfaces/if:interface[if:enabled='false']/if:description", Map.of("if", IF)), null);
        assertThat(interfaceNames(r)).containsExactly("wlan1");
        assertThat(Dom.children(wlan(r, "wlan1"))).extracting(Element::getLocalName)
                .containsExactly("name", "description");
        DataReply union = c.getConfig(Datastore.RUNNING, Filter.xpath(
                "/sys:system/sys:hostname | /sys:system/sys:location", Map.of("sys", SYS)), null);
        assertThat(union.toXml()).contains("home-router").contains("Living room").doesNotContain("ntp");
        DataReply functions = c.get(Filter.xpath(
                "/if:interfaces/if:interface[starts-with(if:name, 'wlan') and if:oper-status = 'up']/if:name",
                Map.of("if", IF)), null);
        assertThat(interfaceNames(functions)).containsExactly("wlan0");
        DataReply identity = c.getConfig(Datastore.RUNNING, Filter.xpath(
                "/if:interfaces/if:interface[if:type = 'ianaift:softwareLoopback']",
                Map.of("if", IF, "ianaift", Sim.IANAIFT)), null);
        assertThat(interfaceNames(identity)).containsExactly("lo");
        assertThat(error(() -> c.getConfig(Datastore.RUNNING, Filter.xpath("/if:interfaces[", Map.of("if", IF)),
                null)).tag()).isEqualTo("invalid-value");
    }

    @Test
    void withDefaultsModes() throws Exception {
        Filter f = Filter.subtree("<interfaces xmlns=\"" + IF + "\"/>");
        DataReply explicit = c.getConfig(Datastore.RUNNING, f, WithDefaultsMode.EXPLICIT);
        assertThat(Sim.text(wlan(explicit, "wlan0"), IF, "enabled")).isEmpty();
        assertThat(Sim.text(wlan(explicit, "wan0"), IF, "enabled")).contains("true");

        DataReply all = c.getConfig(Datastore.RUNNING, f, WithDefaultsMode.REPORT_ALL);
        assertThat(Sim.text(wlan(all, "wlan0"), IF, "enabled")).contains("true");

        DataReply tagged = c.getConfig(Datastore.RUNNING, f, WithDefaultsMode.REPORT_ALL_TAGGED);
        Element added = Dom.child(wlan(tagged, "wlan0"), IF, "enabled").orElseThrow();
        assertThat(added.getAttributeNS(Namespaces.WITH_DEFAULTS_ATTR, "default")).isEqualTo("true");
        Element set = Dom.child(wlan(tagged, "wan0"), IF, "enabled").orElseThrow();
        assertThat(set.hasAttributeNS(Namespaces.WITH_DEFAULTS_ATTR, "default")).isFalse();

        DataReply trim = c.getConfig(Datastore.RUNNING, f, WithDefaultsMode.TRIM);
        assertThat(Sim.text(wlan(trim, "wan0"), IF, "enabled")).as("true is the default").isEmpty();
        assertThat(Sim.text(wlan(trim, "wlan1"), IF, "enabled")).contains("false");

        DataReply ntp = c.getConfig(Datastore.RUNNING, Filter.subtree(system("<ntp/>")), WithDefaultsMode.REPORT_ALL);
        assertThat(ntp.toXml()).contains("<port>123</port>");
    }

    @Test
    void getReturnsConfigurationWithStateAndCountersGrow() throws Exception {
        Filter wan = Filter.subtree(iface("wan0", null, ""));
        Element first = wlan(c.get(wan, null), "wan0");
        assertThat(Sim.text(first, IF, "oper-status")).contains("up");
        assertThat(Sim.text(first, IF, "description")).contains("Fibre uplink (ONT)");
        BigInteger octets1 = new BigInteger(Sim.text(first, IF, "statistics", "in-octets").orElseThrow());
        Thread.sleep(1100);
        BigInteger octets2 = new BigInteger(Sim.text(wlan(c.get(wan, null), "wan0"), IF, "statistics", "in-octets")
                .orElseThrow());
        assertThat(octets2).isGreaterThan(octets1);
        Element down = wlan(c.get(Filter.subtree(iface("wlan1", null, "")), null), "wlan1");
        assertThat(Sim.text(down, IF, "statistics", "in-octets")).as("a disabled interface counts nothing")
                .contains("0");
        assertThat(c.get(Filter.subtree(system("")), null).toXml()).doesNotContain("statistics");
        String clock = c.get(Filter.subtree("<system-state xmlns=\"" + SYS + "\"/>"), null).toXml();
        assertThat(clock).contains("current-datetime").contains("HomeportOS");
    }

    @Test
    void getDataBuiltFromTheSchemaWithAChoiceLeafAndItsAnydataOutputReadAsData() throws Exception {
        var context = device.profile().context();
        SchemaOperation getData = SchemaOperation.rpc(context, "ietf-netconf-nmda", "get-data");
        // xpath-filter is a leaf of the choice filter-spec: named as if the choice were not there
        XmlDataCodec.Result out = c.invoke(getData, getData.input(Map.of("datastore", "ietf-datastores:running",
                "xpath-filter", "/system/hostname")));
        QName data = QName.create(getData.name(), "data");
        AnydataNode<?> anydata = (AnydataNode<?>) out.data().childByArg(new NodeIdentifier(data));
        XmlDataCodec codec = new XmlDataCodec(context);
        ContainerNode tree = (ContainerNode) codec.anydataAsData(anydata).orElseThrow();
        assertThat(codec.toXml(tree)).contains("<hostname>home-router</hostname>").doesNotContain("ntp");
    }

    @Test
    void getDataViewsOfNmdaDatastores() throws Exception {
        c.editConfig(EditConfig.to(Datastore.CANDIDATE).config(system("<hostname>cand</hostname>")));
        Filter host = Filter.subtree(system("<hostname/>"));
        assertThat(c.getData(NmdaDatastore.CANDIDATE, host, null, 0, false, null).toXml()).contains("cand");
        assertThat(c.getData(NmdaDatastore.RUNNING, host, null, 0, false, null).toXml()).contains("home-router");
        assertThat(c.getData(NmdaDatastore.INTENDED, host, null, 0, false, null).toXml()).contains("home-router");
        DataReply op = c.getData(NmdaDatastore.OPERATIONAL, Filter.subtree(iface("wan0", null, "")), false, 0,
                false, null);
        Element wan = wlan(op, "wan0");
        assertThat(Sim.text(wan, IF, "oper-status")).contains("up");
        assertThat(Sim.text(wan, IF, "description")).as("config-filter false: state only").isEmpty();
        assertThat(Sim.text(wan, IF, "name")).as("keys stay").contains("wan0");
        DataReply cfgOnly = c.getData(NmdaDatastore.OPERATIONAL, Filter.subtree(iface("wan0", null, "")), true, 0,
                false, null);
        assertThat(Sim.text(wlan(cfgOnly, "wan0"), IF, "oper-status")).isEmpty();
        DataReply shallow = c.getData(NmdaDatastore.RUNNING, Filter.subtree(system("")), null, 2, false, null);
        assertThat(shallow.toXml()).contains("<hostname>").doesNotContain("<timezone-name>");
        DataReply xp = c.getData(NmdaDatastore.OPERATIONAL, Filter.xpath("/sys:system-state/sys:platform/sys:os-name",
                Map.of("sys", SYS)), null, 0, false, null);
        assertThat(xp.toXml()).contains("HomeportOS").doesNotContain("machine");
    }

    @Test
    void yangLibraryAndMonitoringDescribeTheDevice() throws Exception {
        String lib = c.getData(NmdaDatastore.OPERATIONAL, Filter.subtree(
                "<yang-library xmlns=\"urn:ietf:params:xml:ns:yang:ietf-yang-library\"/>"), null, 0, false, null)
                .toXml();
        for (Profile.ModuleInfo m : device.profile().modules()) {
            if (!m.isSubmodule()) {
                assertThat(lib).contains("<name>" + m.name() + "</name>");
            }
        }
        assertThat(lib).contains(device.profile().contentId()).containsPattern(":operational</name>");
        c.lock(Datastore.RUNNING);
        String mon = c.get(Filter.subtree("<netconf-state xmlns=\"" + Namespaces.MONITORING + "\"/>"), null).toXml();
        assertThat(mon).contains("<session-id>" + c.session().sessionId() + "</session-id>")
                .contains("<username>admin</username>").contains("<locked-by-session>" + c.session().sessionId())
                .contains("<identifier>ietf-system</identifier>").contains("<in-sessions>")
                .contains("netconf-ssh</transport>");
        String legacy = c.get(Filter.subtree("<modules-state xmlns=\"urn:ietf:params:xml:ns:yang:ietf-yang-library\"/>"),
                null).toXml();
        assertThat(legacy).contains("<conformance-type>import</conformance-type>")
                .contains("<module-set-id>" + device.profile().contentId());
    }
}

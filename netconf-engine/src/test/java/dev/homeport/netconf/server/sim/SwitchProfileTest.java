package dev.homeport.netconf.server.sim;

import static dev.homeport.netconf.server.sim.Sim.error;
import static dev.homeport.netconf.server.sim.Sim.errors;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.netconf.message.RpcError;
import dev.homeport.netconf.ops.Datastore;
import dev.homeport.netconf.ops.EditConfig;
import dev.homeport.netconf.ops.Filter;
import dev.homeport.netconf.ops.NetconfClient;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenConfig switch: leafref and when enforced on its models, configuration mirrored into state. */
class SwitchProfileTest {
    private static final String OC_IF = "http://openconfig.net/yang/interfaces";
    private static final String OC_ETH = "http://openconfig.net/yang/interfaces/ethernet";
    private static final String OC_VLAN = "http://openconfig.net/yang/vlan";
    private static final String OC_LAG = "http://openconfig.net/yang/interfaces/aggregate";
    private static final String OC_LLDP = "http://openconfig.net/yang/lldp";
    private SimulatedDevice device;
    private DeviceHost host;
    private NetconfClient c;

    @BeforeEach
    void start() throws Exception {
        device = SimulatedDevice.create("sw-1", Profile.named("switch"));
        host = new DeviceHost(device);
        c = host.connect();
    }

    @AfterEach
    void stop() throws Exception {
        c.close();
        host.close();
    }

    private static String ethernet(String name, String inner) {
        return "<interfaces xmlns=\"" + OC_IF + "\"><interface><name>" + name + "</name>"
                + "<ethernet xmlns=\"" + OC_ETH + "\">" + inner + "</ethernet></interface></interfaces>";
    }

    @Test
    void initialConfigurationCameFromJson() throws Exception {
        String running = c.getConfig(Datastore.RUNNING).toXml();
        assertThat(running).contains("access-sw-07").contains("Port-Channel1").contains("<vlan-id>99</vlan-id>");
    }

    @Test
    void leafrefsMustPointAtExistingNodes() throws Exception {
        RpcError e = error(() -> c.editConfig(EditConfig.to(Datastore.RUNNING).config(ethernet("Ethernet1",
                "<config><aggregate-id xmlns=\"" + OC_LAG + "\">Port-Channel9</aggregate-id></config>"))));
        assertThat(e.tag()).isEqualTo("data-missing");
        assertThat(e.appTag()).contains("instance-required");
        assertThat(e.path()).hasValueSatisfying(p -> assertThat(p).contains("Ethernet1").endsWith(":aggregate-id"));
        RpcError key = error(() -> c.editConfig(EditConfig.to(Datastore.RUNNING).config(
                "<interfaces xmlns=\"" + OC_IF + "\"><interface><name>Ethernet40</name><config><name>Ethernet41"
                        + "</name><type xmlns:ianaift=\"urn:ietf:params:xml:ns:yang:iana-if-type\">"
                        + "ianaift:ethernetCsmacd</type></config></interface></interfaces>")));
        assertThat(key.appTag()).contains("instance-required");
        c.editConfig(EditConfig.to(Datastore.RUNNING).config(ethernet("Ethernet1",
                "<config><aggregate-id xmlns=\"" + OC_LAG + "\">Port-Channel1</aggregate-id></config>")));
    }

    @Test
    void whenConditionsAreEnforced() throws Exception {
        // access-vlan exists only when the interface mode is ACCESS; Ethernet5 is a trunk
        var errs = errors(() -> c.editConfig(EditConfig.to(Datastore.RUNNING).config(ethernet("Ethernet5",
                "<switched-vlan xmlns=\"" + OC_VLAN + "\"><config><access-vlan>10</access-vlan></config>"
                        + "</switched-vlan>"))));
        assertThat(errs).extracting(RpcError::tag).contains("unknown-element");
        assertThat(errs.get(0).message()).hasValueSatisfying(m -> assertThat(m).contains("ACCESS"));
        // switching to ACCESS while the trunk's VLAN list stays is refused too (those leaves need TRUNK)
        assertThat(errors(() -> c.editConfig(EditConfig.to(Datastore.RUNNING).config(ethernet("Ethernet5",
                "<switched-vlan xmlns=\"" + OC_VLAN + "\"><config><interface-mode>ACCESS</interface-mode>"
                        + "<access-vlan>10</access-vlan></config></switched-vlan>"))))).extracting(RpcError::tag)
                .contains("unknown-element");
        c.editConfig(EditConfig.to(Datastore.RUNNING).config(ethernet("Ethernet5",
                "<switched-vlan xmlns=\"" + OC_VLAN + "\"><config xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\" "
                        + "nc:operation=\"replace\"><interface-mode>ACCESS</interface-mode>"
                        + "<access-vlan>10</access-vlan></config></switched-vlan>")));
        // an ethernet container on a loopback interface: the augment's when (type ethernet or LAG) is false
        var loop = errors(() -> c.editConfig(EditConfig.to(Datastore.RUNNING).config(
                "<interfaces xmlns=\"" + OC_IF + "\"><interface><name>lo0</name><config><name>lo0</name>"
                        + "<type xmlns:ianaift=\"urn:ietf:params:xml:ns:yang:iana-if-type\">ianaift:softwareLoopback"
                        + "</type></config><ethernet xmlns=\"" + OC_ETH + "\"><config><duplex-mode>FULL</duplex-mode>"
                        + "</config></ethernet></interface></interfaces>")));
        assertThat(loop).extracting(RpcError::tag).contains("unknown-element");
    }

    @Test
    void stateMirrorsConfigurationAndCountsTraffic() throws Exception {
        String eth7 = c.get(Filter.xpath("/oc-if:interfaces/oc-if:interface[oc-if:name='Ethernet7']/oc-if:state",
                Map.of("oc-if", OC_IF)), null).toXml();
        assertThat(eth7).contains("<description>uplink core-1</description>").contains("<oper-status>UP")
                .contains("<in-octets>").contains("<mtu>9214</mtu>");
        String lldp = c.get(Filter.subtree("<lldp xmlns=\"" + OC_LLDP + "\"><interfaces><interface><name>Ethernet7"
                + "</name><neighbors/></interface></interfaces></lldp>"), null).toXml();
        assertThat(lldp).contains("core-1.campus.example.net");
        String system = c.get(Filter.subtree("<system xmlns=\"http://openconfig.net/yang/system\"><state/></system>"),
                null).toXml();
        assertThat(system).contains("<hostname>access-sw-07</hostname>").contains("<boot-time>")
                .contains("<current-datetime>");
    }
}

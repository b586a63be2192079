package dev.homeport.netconf.server.sim;

import static dev.homeport.netconf.server.sim.Sim.IF;
import static dev.homeport.netconf.server.sim.Sim.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeport.netconf.data.SchemaOperation;
import dev.homeport.netconf.data.XmlDataCodec;
import dev.homeport.netconf.message.RpcError;
import dev.homeport.netconf.ops.Filter;
import dev.homeport.netconf.ops.NetconfClient;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.data.api.schema.LeafNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;

/**
 * The home router's YANG 1.1 action homeport-router-ops:reset-counters (RFC 7950 section 7.15), invoked through the
 * engine's schema-built operation API as any client would.
 */
class SimulatedActionTest {
    private static final String OPS = "urn:homeport:yang:homeport-router-ops";

    @Test
    void resetCountersZeroesTheInterfacesCountersAndSaysWhen() throws Exception {
        SimulatedDevice device = Sim.homeRouter("action-1");
        EffectiveModelContext context = device.profile().context();
        try (DeviceHost host = new DeviceHost(device); NetconfClient c = host.connect()) {
            // counters grow with uptime: wait until wan0 has counted well over a second's worth of traffic
            long[] before = new long[1];
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                before[0] = Long.parseLong(stat(c, "wan0", "in-octets"));
                return before[0] > 0 && device.now().isAfter(device.bootTime().plusSeconds(2));
            });
            before[0] = Long.parseLong(stat(c, "wan0", "in-octets"));
            String lanBefore = stat(c, "lan0", "discontinuity-time");

            SchemaOperation reset = SchemaOperation.action(context, entry(context, "wan0"), ops(context));
            XmlDataCodec.Result out = c.invoke(reset, reset.input(Map.of("reason", "line swap")));

            assertThat(out.skipped()).isEmpty();
            Object resetAt = out.data().body().stream()
                    .filter(n -> n.name().getNodeType().getLocalName().equals("reset-at"))
                    .map(n -> ((LeafNode<?>) n).body()).findFirst().orElseThrow();
            assertThat(resetAt.toString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
            assertThat(stat(c, "wan0", "discontinuity-time")).as("RFC 8343: the discontinuity is the reset")
                    .isEqualTo(resetAt.toString());
            assertThat(Long.parseLong(stat(c, "wan0", "in-octets"))).as("counting starts again from zero")
                    .isLessThan(before[0]);
            assertThat(stat(c, "lan0", "discontinuity-time")).as("other interfaces keep their counters")
                    .isEqualTo(lanBefore);
        }
    }

    @Test
    void anActionOnAnInterfaceThatDoesNotExistIsDataMissingWithItsPath() throws Exception {
        SimulatedDevice device = Sim.homeRouter("action-2");
        EffectiveModelContext context = device.profile().context();
        try (DeviceHost host = new DeviceHost(device); NetconfClient c = host.connect()) {
            SchemaOperation reset = SchemaOperation.action(context, entry(context, "eth9"), ops(context));
            RpcError e = error(() -> c.invoke(reset, reset.emptyInput()));
            assertThat(e.type()).isEqualTo("application");
            assertThat(e.tag()).isEqualTo("data-missing");
            assertThat(e.path()).contains("/if:interfaces/if:interface[if:name='eth9']");
            assertThat(e.message()).hasValueSatisfying(m -> assertThat(m).contains("does not exist"));
        }
    }

    @Test
    void anUnknownInputLeafIsRefusedAndNothingIsReset() throws Exception {
        SimulatedDevice device = Sim.homeRouter("action-3");
        try (DeviceHost host = new DeviceHost(device); NetconfClient c = host.connect()) {
            String before = stat(c, "wan0", "discontinuity-time");
            RpcError e = error(() -> c.rpc("<action xmlns=\"urn:ietf:params:xml:ns:yang:1\"><interfaces xmlns=\""
                    + IF + "\"><interface><name>wan0</name><reset-counters xmlns=\"" + OPS + "\"><force>true</force>"
                    + "</reset-counters></interface></interfaces></action>"));
            assertThat(e.tag()).isEqualTo("unknown-element");
            assertThat(stat(c, "wan0", "discontinuity-time")).isEqualTo(before);
        }
    }

    private static QName ops(EffectiveModelContext context) {
        QNameModule m = context.findModuleStatements(XMLNamespace.of(OPS)).iterator().next().localQNameModule();
        return QName.create(m, "reset-counters");
    }

    private static YangInstanceIdentifier entry(EffectiveModelContext context, String name) {
        QNameModule m = context.findModuleStatements(XMLNamespace.of(IF)).iterator().next().localQNameModule();
        QName list = QName.create(m, "interface");
        return YangInstanceIdentifier.builder().node(QName.create(m, "interfaces")).node(list)
                .nodeWithKey(list, QName.create(m, "name"), name).build();
    }

    /** One leaf of an interface's operational state (RFC 8343 statistics). */
    private static String stat(NetconfClient c, String ifName, String leaf) throws Exception {
        String xml = c.get(Filter.subtree("<interfaces xmlns=\"" + IF + "\"><interface><name>" + ifName
                + "</name><statistics/></interface></interfaces>"), null).toXml();
        Matcher m = Pattern.compile("<(?:\\w+:)?" + leaf + "[^>]*>([^<]*)<").matcher(xml);
        assertThat(m.find()).as(leaf + " of " + ifName + " in " + xml).isTrue();
        return m.group(1);
    }
}

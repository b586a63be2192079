package dev.homeport.netconf.server.sim;

import static dev.homeport.netconf.server.sim.Sim.hostname;
import static dev.homeport.netconf.server.sim.Sim.system;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.netconf.ops.Datastore;
import dev.homeport.netconf.ops.EditConfig;
import dev.homeport.netconf.ops.NetconfClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Devices of one profile share its initial tree until they change it, and never see each other's changes. */
class ManyDevicesTest {
    @Test
    void devicesShareTheInitialTreeAndKeepTheirOwnChanges() throws Exception {
        Profile profile = Profile.named("home-router");
        List<SimulatedDevice> devices = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            devices.add(SimulatedDevice.create("fleet-" + i, profile));
        }
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (SimulatedDevice d : devices) {
            assertThat(d.running()).isSameAs(profile.initialConfig());
            keys.add(java.util.HexFormat.of().formatHex(d.hostKey().getPublic().getEncoded()));
        }
        assertThat(keys).as("each device has its own host key").hasSize(devices.size());
        SimulatedDevice changed = devices.get(7);
        try (DeviceHost host = new DeviceHost(changed); NetconfClient c = host.connect()) {
            c.editConfig(EditConfig.to(Datastore.RUNNING).config(system("<hostname>only-7</hostname>")));
            assertThat(hostname(c, Datastore.RUNNING)).isEqualTo("only-7");
        }
        try (DeviceHost host = new DeviceHost(devices.get(8)); NetconfClient c = host.connect()) {
            assertThat(hostname(c, Datastore.RUNNING)).isEqualTo("home-router");
        }
        assertThat(changed.running()).isNotSameAs(profile.initialConfig());
        // what the edit did not touch is still shared with the profile's tree
        var untouched = new org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier.NodeIdentifier(
                org.opendaylight.yangtools.yang.common.QName.create(Sim.IF, "2018-02-20", "interfaces"));
        assertThat(changed.running().childByArg(untouched)).isSameAs(profile.initialConfig().childByArg(untouched));
        for (SimulatedDevice d : devices) {
            if (d != changed) {
                assertThat(d.running()).isSameAs(profile.initialConfig());
            }
        }
    }
}

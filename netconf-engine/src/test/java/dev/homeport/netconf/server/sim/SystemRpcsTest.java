package dev.homeport.netconf.server.sim;

import static dev.homeport.netconf.server.sim.Sim.SYS;
import static dev.homeport.netconf.server.sim.Sim.error;
import static dev.homeport.netconf.server.sim.Sim.hostname;
import static dev.homeport.netconf.server.sim.Sim.system;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeport.netconf.message.RpcError;
import dev.homeport.netconf.ops.Datastore;
import dev.homeport.netconf.ops.EditConfig;
import dev.homeport.netconf.ops.Filter;
import dev.homeport.netconf.ops.NetconfClient;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The home router's RFC 7317 RPCs: set-current-datetime and system-restart, simulated. */
class SystemRpcsTest {

    @Test
    void setCurrentDatetimeIsRefusedWhileNtpRunsThenMovesTheClock() throws Exception {
        SimulatedDevice device = Sim.homeRouter("clock-1");
        try (DeviceHost host = new DeviceHost(device); NetconfClient c = host.connect()) {
            String set = "<set-current-datetime xmlns=\"" + SYS + "\"><current-datetime>2030-01-01T00:00:00Z"
                    + "</current-datetime></set-current-datetime>";
            RpcError e = error(() -> c.rpc(set));
            assertThat(e.appTag()).contains("ntp-active");
            c.editConfig(EditConfig.to(Datastore.RUNNING).config(system("<ntp><enabled>false</enabled></ntp>")));
            c.rpc(set);
            String clock = c.get(Filter.subtree("<system-state xmlns=\"" + SYS + "\"><clock/></system-state>"),
                    null).toXml();
            assertThat(clock).contains("<current-datetime>2030-01-01T00:00");
            assertThat(device.now()).isAfter(OffsetDateTime.of(2029, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC)
                    .toInstant());
            assertThat(error(() -> c.rpc("<set-current-datetime xmlns=\"" + SYS + "\"><current-datetime>yesterday"
                    + "</current-datetime></set-current-datetime>")).tag()).isEqualTo("invalid-value");
        }
    }

    @Test
    void systemRestartDropsSessionsAndComesBackWithStartup() throws Exception {
        SimulatedDevice device = new SimulatedDevice("reboot-1", Profile.named("home-router"), DeviceKeys.generate(),
                DeviceUsers.defaults(), SimulatedDevice.Options.defaults().withRestartDelay(Duration.ofMillis(500)));
        try (DeviceHost host = new DeviceHost(device)) {
            NetconfClient c = host.connect();
            c.editConfig(EditConfig.to(Datastore.RUNNING).config(system("<hostname>not-saved</hostname>")));
            c.rpc("<system-restart xmlns=\"" + SYS + "\"/>");
            await().atMost(Duration.ofSeconds(10)).until(() -> !c.session().isOpen());
            c.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> !device.isDown());
            try (NetconfClient again = host.connect()) {
                assertThat(hostname(again, Datastore.RUNNING)).as("running came from startup").isEqualTo("home-router");
            }
        }
    }
}

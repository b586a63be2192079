package dev.homeport.netconf.server.sim;

import static dev.homeport.netconf.server.sim.Sim.error;
import static dev.homeport.netconf.server.sim.Sim.hostname;
import static dev.homeport.netconf.server.sim.Sim.system;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeport.netconf.message.RpcError;
import dev.homeport.netconf.ops.ConfirmedCommit;
import dev.homeport.netconf.ops.Datastore;
import dev.homeport.netconf.ops.EditConfig;
import dev.homeport.netconf.ops.NetconfClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Confirmed commit 1.1 (RFC 6241 section 8.4): rollback on timeout, confirming, persist across sessions, cancel. */
class ConfirmedCommitTest {
    private SimulatedDevice device;
    private DeviceHost host;

    @BeforeEach
    void start() throws Exception {
        device = Sim.homeRouter("cc-1");
        host = new DeviceHost(device);
    }

    @AfterEach
    void stop() throws Exception {
        host.close();
    }

    private static void setHostname(NetconfClient c, String name) throws Exception {
        c.editConfig(EditConfig.to(Datastore.CANDIDATE).config(system("<hostname>" + name + "</hostname>")));
    }

    @Test
    void rollsBackWhenNotConfirmedInTime() throws Exception {
        try (NetconfClient c = host.connect()) {
            setHostname(c, "trial");
            c.commit(ConfirmedCommit.withTimeout(Duration.ofSeconds(1)));
            assertThat(hostname(c, Datastore.RUNNING)).isEqualTo("trial");
            await().atMost(Duration.ofSeconds(10)).until(() -> hostname(c, Datastore.RUNNING).equals("home-router"));
            assertThat(hostname(c, Datastore.CANDIDATE)).isEqualTo("home-router");
        }
    }

    @Test
    void aPlainCommitConfirms() throws Exception {
        try (NetconfClient c = host.connect()) {
            setHostname(c, "kept");
            c.commit(ConfirmedCommit.withTimeout(Duration.ofSeconds(1)));
            c.commit();
            Thread.sleep(1500); // past the confirm timeout: nothing may roll back now
            assertThat(hostname(c, Datastore.RUNNING)).isEqualTo("kept");
        }
    }

    @Test
    void closingTheSessionOfANonPersistentConfirmedCommitRollsItBack() throws Exception {
        NetconfClient c = host.connect();
        setHostname(c, "gone-soon");
        c.commit(ConfirmedCommit.withTimeout(Duration.ofSeconds(600)));
        try (NetconfClient other = host.connect()) {
            RpcError e = error(other::commit);
            assertThat(e.tag()).isEqualTo("in-use");
            c.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> hostname(other, Datastore.RUNNING)
                    .equals("home-router"));
        }
    }

    @Test
    void persistentConfirmedCommitSurvivesItsSessionAndIsConfirmedFromAnother() throws Exception {
        try (NetconfClient c = host.connect()) {
            setHostname(c, "persisted");
            c.commit(ConfirmedCommit.withTimeout(Duration.ofSeconds(3)).persist("token-1"));
        }
        try (NetconfClient other = host.connect()) {
            assertThat(hostname(other, Datastore.RUNNING)).isEqualTo("persisted");
            assertThat(error(other::commit).tag()).isEqualTo("missing-element");
            assertThat(error(() -> other.confirmCommit("wrong")).tag()).isEqualTo("invalid-value");
            other.confirmCommit("token-1");
            Thread.sleep(3500);
            assertThat(hostname(other, Datastore.RUNNING)).isEqualTo("persisted");
        }
    }

    @Test
    void followUpConfirmedCommitExtendsAndCancelCommitRollsBack() throws Exception {
        try (NetconfClient c = host.connect()) {
            setHostname(c, "step1");
            c.commit(ConfirmedCommit.withTimeout(Duration.ofSeconds(2)).persist("p"));
            setHostname(c, "step2");
            c.commit(ConfirmedCommit.withTimeout(Duration.ofSeconds(600)).persistId("p"));
            Thread.sleep(2500); // past the first timeout: extended
            assertThat(hostname(c, Datastore.RUNNING)).isEqualTo("step2");
            assertThat(error(() -> c.cancelCommit("nope")).tag()).isEqualTo("invalid-value");
            c.cancelCommit("p");
            assertThat(hostname(c, Datastore.RUNNING)).as("back to before the first confirmed commit")
                    .isEqualTo("home-router");
            assertThat(error(() -> c.cancelCommit(null)).tag()).isEqualTo("operation-failed");
        }
    }
}

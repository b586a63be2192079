package dev.homeport.netconf.server.sim;

import static dev.homeport.netconf.server.sim.Sim.error;
import static dev.homeport.netconf.server.sim.Sim.hostname;
import static dev.homeport.netconf.server.sim.Sim.system;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.homeport.netconf.message.RpcError;
import dev.homeport.netconf.ops.Datastore;
import dev.homeport.netconf.ops.EditConfig;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.ops.PartialLock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** lock, unlock, partial-lock and kill-session between two sessions of one device. */
class LocksTest {
    private SimulatedDevice device;
    private DeviceHost host;
    private NetconfClient a;
    private NetconfClient b;

    @BeforeEach
    void start() throws Exception {
        device = Sim.homeRouter("locks-1");
        host = new DeviceHost(device);
        a = host.connect();
        b = host.connect();
    }

    @AfterEach
    void stop() throws Exception {
        a.close();
        b.close();
        host.close();
    }

    @Test
    void lockDeniedNamesTheHolder() throws Exception {
        a.lock(Datastore.RUNNING);
        RpcError e = error(() -> b.lock(Datastore.RUNNING));
        assertThat(e.tag()).isEqualTo("lock-denied");
        assertThat(e.info()).containsEntry("session-id", Long.toString(a.session().sessionId()));
        RpcError edit = error(() -> b.editConfig(EditConfig.to(Datastore.RUNNING).config(system("<hostname>b</hostname>"))));
        assertThat(edit.tag()).isEqualTo("in-use");
        assertThat(edit.info()).containsEntry("session-id", Long.toString(a.session().sessionId()));
        a.editConfig(EditConfig.to(Datastore.RUNNING).config(system("<hostname>a</hostname>")));
        assertThat(error(() -> b.unlock(Datastore.RUNNING)).tag()).isEqualTo("operation-failed");
        a.unlock(Datastore.RUNNING);
        b.lock(Datastore.RUNNING);
        b.unlock(Datastore.RUNNING);
        assertThat(hostname(b, Datastore.RUNNING)).isEqualTo("a");
    }

    @Test
    void closingTheHoldersSessionReleasesItsLocksAndCandidateChanges() throws Exception {
        a.lock(Datastore.CANDIDATE);
        a.editConfig(EditConfig.to(Datastore.CANDIDATE).config(system("<hostname>uncommitted</hostname>")));
        assertThat(error(() -> b.lock(Datastore.CANDIDATE)).tag()).isEqualTo("lock-denied");
        a.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> device.sessionIds().size() == 1);
        assertThat(hostname(b, Datastore.CANDIDATE)).isEqualTo("home-router");
        b.lock(Datastore.CANDIDATE);
    }

    @Test
    void aModifiedCandidateCannotBeLocked() throws Exception {
        a.editConfig(EditConfig.to(Datastore.CANDIDATE).config(system("<hostname>dirty</hostname>")));
        RpcError e = error(() -> b.lock(Datastore.CANDIDATE));
        assertThat(e.tag()).isEqualTo("lock-denied");
        assertThat(e.info()).containsEntry("session-id", "0");
        a.discardChanges();
        b.lock(Datastore.CANDIDATE);
    }

    @Test
    void killSessionEndsTheOtherSessionAndFreesItsLock() throws Exception {
        a.lock(Datastore.RUNNING);
        long victim = a.session().sessionId();
        assertThat(error(() -> b.killSession(b.session().sessionId())).tag()).isEqualTo("invalid-value");
        assertThat(error(() -> b.killSession(999)).tag()).isEqualTo("invalid-value");
        b.killSession(victim);
        await().atMost(Duration.ofSeconds(10)).until(() -> !a.session().isOpen());
        b.lock(Datastore.RUNNING);
        assertThat(device.sessionIds()).containsExactly(b.session().sessionId());
    }

    @Test
    void partialLockProtectsItsNodesOnly() throws Exception {
        Map<String, String> ns = Map.of("sys", Sim.SYS);
        PartialLock lock = a.partialLock(List.of("/sys:system/sys:hostname"), ns);
        assertThat(lock.lockedNodes()).singleElement().satisfies(n -> assertThat(n).endsWith(":hostname"));
        RpcError e = error(() -> b.editConfig(EditConfig.to(Datastore.RUNNING)
                .config(system("<hostname>b</hostname>"))));
        assertThat(e.tag()).isEqualTo("in-use");
        assertThat(e.info()).containsEntry("session-id", Long.toString(a.session().sessionId()));
        b.editConfig(EditConfig.to(Datastore.RUNNING).config(system("<location>elsewhere</location>")));
        assertThat(error(() -> b.lock(Datastore.RUNNING)).tag()).isEqualTo("lock-denied");
        assertThat(error(() -> b.partialLock(List.of("/sys:system"), ns)).tag()).isEqualTo("lock-denied");
        a.editConfig(EditConfig.to(Datastore.RUNNING).config(system("<hostname>owner</hostname>")));
        assertThat(error(() -> b.partialUnlock(lock.lockId())).tag()).isEqualTo("invalid-value");
        a.partialUnlock(lock.lockId());
        b.editConfig(EditConfig.to(Datastore.RUNNING).config(system("<hostname>b</hostname>")));
        assertThat(hostname(a, Datastore.RUNNING)).isEqualTo("b");
        assertThat(error(() -> a.partialLock(List.of("/sys:system/sys:nothing-here"), ns)).tag())
                .isEqualTo("invalid-value");
    }
}

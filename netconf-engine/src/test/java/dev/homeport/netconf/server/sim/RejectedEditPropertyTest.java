package dev.homeport.netconf.server.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.netconf.RpcErrorException;
import dev.homeport.netconf.ops.Datastore;
import dev.homeport.netconf.ops.EditConfig;
import dev.homeport.netconf.ops.EditConfig.DefaultOperation;
import dev.homeport.netconf.ops.EditConfig.ErrorOption;
import dev.homeport.netconf.ops.EditConfig.TestOption;
import dev.homeport.netconf.ops.NetconfClient;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import org.opendaylight.yangtools.yang.data.api.schema.ContainerNode;

/**
 * A rejected edit changes no datastore: random edits, valid and invalid pieces mixed, with random targets and options,
 * sent over SSH to one device that keeps every accepted change. After each refused edit, running, candidate and startup
 * are the very trees they were before, and no configuration change was reported.
 */
class RejectedEditPropertyTest {
    private static SimulatedDevice device;
    private static DeviceHost host;
    private static NetconfClient client;

    private static NetconfClient client() throws Exception {
        if (client == null) {
            device = Sim.homeRouter("prop-1");
            host = new DeviceHost(device);
            client = host.connect();
            // the session's start event is logged asynchronously: let it land before counting events
            org.awaitility.Awaitility.await().until(() -> device.publishedEvents() > 0);
        }
        return client;
    }

    @AfterContainer
    static void stop() throws Exception {
        if (client != null) {
            client.close();
            host.close();
        }
    }

    record Edit(Datastore target, DefaultOperation defaultOperation, TestOption testOption, ErrorOption errorOption,
                List<String> pieces) {
        String config() {
            return String.join("", pieces);
        }
    }

    @Property(tries = 250)
    void aRejectedEditChangesNoDatastore(@ForAll("edits") Edit edit) throws Exception {
        NetconfClient c = client();
        ContainerNode running = device.running();
        ContainerNode candidate = device.candidate();
        ContainerNode startup = device.startup();
        long events = device.publishedEvents();
        try {
            EditConfig e = EditConfig.to(edit.target()).defaultOperation(edit.defaultOperation())
                    .testOption(edit.testOption()).errorOption(edit.errorOption()).config(edit.config());
            c.editConfig(e);
            Statistics.collect("accepted");
        } catch (RpcErrorException rejected) {
            Statistics.collect("rejected " + rejected.first().tag());
            assertThat(device.running()).as("running after %s", rejected.first()).isSameAs(running);
            assertThat(device.candidate()).as("candidate after %s", rejected.first()).isSameAs(candidate);
            assertThat(device.startup()).isSameAs(startup);
            assertThat(device.publishedEvents()).as("no config-change event").isEqualTo(events);
        }
        if (Math.random() < 0.1) {
            c.discardChanges(); // keep the candidate from drifting far
        }
    }

    @Provide
    Arbitrary<Edit> edits() {
        Arbitrary<Datastore> target = Arbitraries.of(Datastore.RUNNING, Datastore.CANDIDATE);
        Arbitrary<DefaultOperation> defaultOp = Arbitraries.of(DefaultOperation.MERGE, DefaultOperation.NONE);
        Arbitrary<TestOption> test = Arbitraries.of(TestOption.TEST_THEN_SET, TestOption.SET, TestOption.TEST_ONLY);
        Arbitrary<ErrorOption> error = Arbitraries.of(ErrorOption.STOP_ON_ERROR, ErrorOption.ROLLBACK_ON_ERROR);
        Arbitrary<List<String>> pieces = EditPieces.piece().list().ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(target, defaultOp, test, error, pieces).as(Edit::new);
    }

}

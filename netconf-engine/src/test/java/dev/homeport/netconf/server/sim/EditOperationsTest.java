package dev.homeport.netconf.server.sim;

import static dev.homeport.netconf.server.sim.Sim.SYS;
import static dev.homeport.netconf.server.sim.Sim.error;
import static dev.homeport.netconf.server.sim.Sim.errors;
import static dev.homeport.netconf.server.sim.Sim.hostname;
import static dev.homeport.netconf.server.sim.Sim.iface;
import static dev.homeport.netconf.server.sim.Sim.system;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.netconf.message.RpcError;
import dev.homeport.netconf.ops.Datastore;
import dev.homeport.netconf.ops.EditConfig;
import dev.homeport.netconf.ops.EditConfig.DefaultOperation;
import dev.homeport.netconf.ops.EditConfig.ErrorOption;
import dev.homeport.netconf.ops.EditConfig.TestOption;
import dev.homeport.netconf.ops.Filter;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.ops.NmdaDatastore;
import dev.homeport.netconf.xml.XmlFragment;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * edit-config with every operation, default-operation, test-option and error-option; copy-config, delete-config,
 * validate, discard-changes and edit-data; against a home-router device over real SSH.
 */
class EditOperationsTest {
    private SimulatedDevice device;
    private DeviceHost host;
    private NetconfClient c;

    @BeforeEach
    void start() throws Exception {
        device = Sim.homeRouter("edit-1");
        host = new DeviceHost(device);
        c = host.connect();
    }

    @AfterEach
    void stop() throws Exception {
        c.close();
        host.close();
    }

    private void edit(Datastore ds, String xml) throws Exception {
        c.editConfig(EditConfig.to(ds).config(xml));
    }

    private boolean hasInterface(Datastore ds, String name) throws Exception {
        return c.getConfig(ds, Filter.subtree(iface(name, null, "")), null).toXml().contains(">" + name + "<");
    }

    @Test
    void mergeOnCandidateThenCommitReachesRunning() throws Exception {
        edit(Datastore.CANDIDATE, system("<hostname>gw-2</hostname>"));
        assertThat(hostname(c, Datastore.CANDIDATE)).isEqualTo("gw-2");
        assertThat(hostname(c, Datastore.RUNNING)).isEqualTo("home-router");
        c.commit();
        assertThat(hostname(c, Datastore.RUNNING)).isEqualTo("gw-2");
        assertThat(device.running()).isSameAs(device.candidate());
    }

    @Test
    void writableRunningEditsApplyAtOnce() throws Exception {
        edit(Datastore.RUNNING, system("<hostname>direct</hostname>"));
        assertThat(hostname(c, Datastore.RUNNING)).isEqualTo("direct");
        assertThat(hostname(c, Datastore.CANDIDATE)).as("an unmodified candidate follows running")
                .isEqualTo("direct");
    }

    @Test
    void createRefusesAnExistingNodeAndAddsANewOne() throws Exception {
        RpcError e = error(() -> edit(Datastore.RUNNING, iface("wan0", "ethernetCsmacd", "")
                .replace("<interface>", "<interface xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\" "
                        + "nc:operation=\"create\">")));
        assertThat(e.tag()).isEqualTo("data-exists");
        assertThat(e.path()).hasValueSatisfying(p -> assertThat(p).contains("interface").contains("wan0"));
        edit(Datastore.RUNNING, iface("eth9", "ethernetCsmacd", "").replace("<interface>",
                "<interface xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\" nc:operation=\"create\">"));
        assertThat(hasInterface(Datastore.RUNNING, "eth9")).isTrue();
    }

    @Test
    void deleteRefusesAMissingNodeRemoveDoesNot() throws Exception {
        String nc = "xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\"";
        RpcError e = error(() -> edit(Datastore.RUNNING, iface("nope", null, "").replace("<interface>",
                "<interface " + nc + " nc:operation=\"delete\">")));
        assertThat(e.tag()).isEqualTo("data-missing");
        edit(Datastore.RUNNING, iface("nope", null, "").replace("<interface>",
                "<interface " + nc + " nc:operation=\"remove\">"));
        edit(Datastore.RUNNING, iface("wlan1", null, "").replace("<interface>",
                "<interface " + nc + " nc:operation=\"delete\">"));
        assertThat(hasInterface(Datastore.RUNNING, "wlan1")).isFalse();
    }

    @Test
    void replaceOperationReplacesTheSubtree() throws Exception {
        String nc = "xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\"";
        edit(Datastore.RUNNING, "<system xmlns=\"" + SYS + "\"><dns-resolver " + nc + " nc:operation=\"replace\">"
                + "<search>example.org</search></dns-resolver></system>");
        String dns = c.getConfig(Datastore.RUNNING, Filter.subtree(system("<dns-resolver/>")), null).toXml();
        assertThat(dns).contains("example.org").doesNotContain("home.arpa").doesNotContain("isp-primary");
    }

    @Test
    void noneDefaultOperationLeavesParentsAloneAndNeedsThemToExist() throws Exception {
        c.editConfig(EditConfig.to(Datastore.RUNNING).defaultOperation(DefaultOperation.NONE)
                .config(iface("wan0", null, "<description xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\" "
                        + "nc:operation=\"merge\">new text</description>")));
        assertThat(c.getConfig(Datastore.RUNNING, Filter.subtree(iface("wan0", null, "")), null).toXml())
                .contains("new text").contains("ethernetCsmacd");
        RpcError e = error(() -> c.editConfig(EditConfig.to(Datastore.RUNNING).defaultOperation(DefaultOperation.NONE)
                .config(iface("ghost", null, "<description>x</description>"))));
        assertThat(e.tag()).isEqualTo("data-missing");
    }

    @Test
    void replaceDefaultOperationReplacesTheWholeDatastore() throws Exception {
        c.editConfig(EditConfig.to(Datastore.CANDIDATE).defaultOperation(DefaultOperation.REPLACE)
                .config(system("<hostname>only</hostname>")));
        String all = c.getConfig(Datastore.CANDIDATE).toXml();
        assertThat(all).contains("only").doesNotContain("interfaces").doesNotContain("ntp");
        assertThat(hostname(c, Datastore.RUNNING)).isEqualTo("home-router");
    }

    @Test
    void testOnlyValidatesWithoutChanging() throws Exception {
        c.editConfig(EditConfig.to(Datastore.RUNNING).testOption(TestOption.TEST_ONLY)
                .config(system("<hostname>tested</hostname>")));
        assertThat(hostname(c, Datastore.RUNNING)).isEqualTo("home-router");
        RpcError e = error(() -> c.editConfig(EditConfig.to(Datastore.RUNNING).testOption(TestOption.TEST_ONLY)
                .config(iface("x1", null, ""))));
        assertThat(e.tag()).isEqualTo("data-missing"); // the mandatory type is missing
        assertThat(e.message()).hasValueSatisfying(m -> assertThat(m).contains("type"));
    }

    @Test
    void setSkipsValidationOnTheCandidateOnlyAndCommitValidates() throws Exception {
        c.editConfig(EditConfig.to(Datastore.CANDIDATE).testOption(TestOption.SET).config(iface("x1", null, "")));
        assertThat(hasInterface(Datastore.CANDIDATE, "x1")).isTrue();
        RpcError e = error(() -> c.commit());
        assertThat(e.tag()).isEqualTo("data-missing");
        assertThat(error(() -> c.validate(Datastore.CANDIDATE)).tag()).isEqualTo("data-missing");
        assertThat(hasInterface(Datastore.RUNNING, "x1")).isFalse();
        RpcError onRunning = error(() -> c.editConfig(EditConfig.to(Datastore.RUNNING).testOption(TestOption.SET)
                .config(iface("x1", null, ""))));
        assertThat(onRunning.tag()).as("running stays valid even with set").isEqualTo("data-missing");
        c.discardChanges();
        assertThat(hasInterface(Datastore.CANDIDATE, "x1")).isFalse();
    }

    @Test
    void stopAndRollbackOnErrorApplyNothingContinueOnErrorAppliesTheGoodParts() throws Exception {
        String good = system("<hostname>good</hostname>");
        String bad = iface("lan0", null, "<mtu-typo>1</mtu-typo>");
        for (ErrorOption option : List.of(ErrorOption.STOP_ON_ERROR, ErrorOption.ROLLBACK_ON_ERROR)) {
            RpcError e = error(() -> c.editConfig(EditConfig.to(Datastore.RUNNING).errorOption(option)
                    .config(good + bad)));
            assertThat(e.tag()).isEqualTo("unknown-element");
            assertThat(hostname(c, Datastore.RUNNING)).as(option.name()).isEqualTo("home-router");
        }
        List<RpcError> errs = errors(() -> c.editConfig(EditConfig.to(Datastore.RUNNING)
                .errorOption(ErrorOption.CONTINUE_ON_ERROR).config(good + bad)));
        assertThat(errs).extracting(RpcError::tag).containsExactly("unknown-element");
        assertThat(hostname(c, Datastore.RUNNING)).isEqualTo("good");
    }

    @Test
    void copyConfigBetweenDatastoresAndFromInlineContent() throws Exception {
        edit(Datastore.RUNNING, system("<hostname>saved</hostname>"));
        assertThat(hostname(c, Datastore.STARTUP)).isEqualTo("home-router");
        c.copyConfig(Datastore.STARTUP, Datastore.RUNNING, null);
        assertThat(hostname(c, Datastore.STARTUP)).isEqualTo("saved");
        c.copyConfig(Datastore.CANDIDATE, XmlFragment.raw(system("<hostname>inline</hostname>")));
        assertThat(hostname(c, Datastore.CANDIDATE)).isEqualTo("inline");
        assertThat(c.getConfig(Datastore.CANDIDATE).toXml()).doesNotContain("interfaces");
        RpcError invalid = error(() -> c.copyConfig(Datastore.RUNNING, XmlFragment.raw(iface("z", null, ""))));
        assertThat(invalid.tag()).isEqualTo("data-missing");
        assertThat(hostname(c, Datastore.RUNNING)).isEqualTo("saved");
    }

    @Test
    void deleteConfigEmptiesStartupAndRefusesRunning() throws Exception {
        c.deleteConfig(Datastore.STARTUP);
        assertThat(c.getConfig(Datastore.STARTUP).roots()).isEmpty();
        RpcError e = error(() -> c.deleteConfig(Datastore.RUNNING));
        assertThat(e.tag()).isEqualTo("operation-not-supported");
        assertThat(hostname(c, Datastore.RUNNING)).isEqualTo("home-router");
    }

    @Test
    void validateInlineConfig() throws Exception {
        c.validate(XmlFragment.raw(system("<hostname>ok</hostname>")));
        RpcError e = error(() -> c.validate(XmlFragment.raw(iface("z", "ethernetCsmacd",
                "<ipv4 xmlns=\"urn:ietf:params:xml:ns:yang:ietf-ip\"><address><ip>10.0.0.1</ip></address></ipv4>"))));
        assertThat(e.tag()).isEqualTo("data-missing"); // the subnet choice is mandatory
        assertThat(e.appTag()).contains("missing-choice");
    }

    @Test
    void typesAreCheckedOnEdit() throws Exception {
        RpcError e = error(() -> edit(Datastore.RUNNING, iface("wan0", null,
                "<ipv4 xmlns=\"urn:ietf:params:xml:ns:yang:ietf-ip\"><mtu>10</mtu></ipv4>")));
        assertThat(e.tag()).isEqualTo("invalid-value");
        assertThat(e.path()).hasValueSatisfying(p -> assertThat(p).endsWith(":mtu"));
    }

    @Test
    void editDataOnNmdaDatastores() throws Exception {
        c.editData(NmdaDatastore.RUNNING, XmlFragment.raw(system("<hostname>nmda</hostname>")), null);
        assertThat(hostname(c, Datastore.RUNNING)).isEqualTo("nmda");
        c.editData(NmdaDatastore.STARTUP, XmlFragment.raw(system("<hostname>boot</hostname>")), null);
        assertThat(hostname(c, Datastore.STARTUP)).isEqualTo("boot");
        RpcError e = error(() -> c.rpc("<edit-data xmlns=\"urn:ietf:params:xml:ns:yang:ietf-netconf-nmda\" "
                + "xmlns:ds=\"urn:ietf:params:xml:ns:yang:ietf-datastores\"><datastore>ds:operational</datastore>"
                + "<config>" + system("<hostname>x</hostname>") + "</config></edit-data>"));
        assertThat(e.tag()).isEqualTo("invalid-value");
    }

    @Test
    void stateDataCannotBeEdited() throws Exception {
        RpcError e = error(() -> edit(Datastore.RUNNING, iface("wan0", null, "<oper-status>up</oper-status>")));
        assertThat(e.tag()).isEqualTo("invalid-value");
        assertThat(e.info()).containsEntry("bad-element", "oper-status");
    }

}

package dev.homeport.netconf.device;

import static dev.homeport.netconf.device.IfConfig.iface;
import static dev.homeport.netconf.device.IfConfig.interfaces;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.homeport.netconf.RpcErrorException;
import dev.homeport.netconf.SessionClosedException;
import dev.homeport.netconf.framing.Framing;
import dev.homeport.netconf.message.Capabilities;
import dev.homeport.netconf.message.Notification;
import dev.homeport.netconf.message.RpcError;
import dev.homeport.netconf.message.WithDefaultsMode;
import dev.homeport.netconf.ops.ConfirmedCommit;
import dev.homeport.netconf.ops.DataReply;
import dev.homeport.netconf.ops.Datastore;
import dev.homeport.netconf.ops.EditConfig;
import dev.homeport.netconf.ops.EditConfig.Operation;
import dev.homeport.netconf.ops.EventStream;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.ops.NotificationStream;
import dev.homeport.netconf.ops.Subscription;
import dev.homeport.netconf.testing.YumaDevice;
import dev.homeport.netconf.xml.Dom;
import dev.homeport.netconf.xml.Namespaces;
import dev.homeport.netconf.xml.XmlFragment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Every operation the yuma123 device advertises, through the typed API, on a base:1.1 (chunked) session. The device
 * runs with the candidate as its target and with a startup datastore.
 */
class YumaOperationsTest extends YumaCoreOperations {

    @Override
    YumaDevice.Options deviceOptions() {
        return new YumaDevice.Options().withStartup(true);
    }

    @Test
    void sessionUsesChunkedFraming() throws Exception {
        NetconfClient c = client;
        assertThat(c.capabilities().base11()).isTrue();
        assertThat(c.session().framing()).isEqualTo(Framing.CHUNKED);
    }

    @Test
    void deviceAdvertisesTheCapabilitiesThatTheseTestsCover() throws Exception {
        Capabilities caps = client.capabilities();

        assertThat(caps.candidate()).isTrue();
        assertThat(caps.writableRunning()).isFalse();
        assertThat(caps.startup()).isTrue();
        assertThat(caps.confirmedCommit11()).isTrue();
        assertThat(caps.validate()).isTrue();
        assertThat(caps.rollbackOnError()).isTrue();
        assertThat(caps.xpath()).isTrue();
        assertThat(caps.url()).isTrue();
        assertThat(caps.urlSchemes()).containsExactly("file");
        assertThat(caps.notifications()).isTrue();
        assertThat(caps.interleave()).isTrue();
        assertThat(caps.partialLock()).isTrue();
        assertThat(caps.hasModule("ietf-netconf-monitoring")).isTrue();
        var wd = caps.withDefaults().orElseThrow();
        assertThat(wd.basicMode()).isEqualTo(WithDefaultsMode.EXPLICIT);
        assertThat(wd.alsoSupported()).containsExactlyInAnyOrder(WithDefaultsMode.TRIM, WithDefaultsMode.REPORT_ALL,
                WithDefaultsMode.REPORT_ALL_TAGGED);
    }

    // ---------------------------------------------------------------- edit-config operations

    @Test
    void editConfigCreateAddsANewEntryButRefusesAnExistingOne() throws Exception {
        NetconfClient c = client;
        commitInterfaces(c, "create-old");

        c.editConfig(EditConfig.to(Datastore.CANDIDATE).config(interfaces(iface("create-new", Operation.CREATE))));
        assertThat(candidateInterfaces(c)).contains("create-new");

        RpcError err = catchRpcError(() -> c.editConfig(EditConfig.to(Datastore.CANDIDATE)
                .config(interfaces(iface("create-old", Operation.CREATE))))).first();
        assertThat(err.type()).isEqualTo("application");
        assertThat(err.tag()).isEqualTo("data-exists");
        assertThat(err.path()).hasValueSatisfying(p -> assertThat(p).endsWith("if:interface[if:name='create-old']"));
    }

    @Test
    void editConfigDeleteRemovesAnEntryAndFailsWhenItIsMissing() throws Exception {
        NetconfClient c = client;
        commitInterfaces(c, "delete-1");

        c.editConfig(EditConfig.to(Datastore.CANDIDATE).config(interfaces(iface("delete-1", Operation.DELETE))));
        assertThat(candidateInterfaces(c)).doesNotContain("delete-1");

        RpcError err = catchRpcError(() -> c.editConfig(EditConfig.to(Datastore.CANDIDATE)
                .config(interfaces(iface("delete-missing", Operation.DELETE))))).first();
        assertThat(err.tag()).isEqualTo("data-missing");
        assertThat(err.path()).hasValueSatisfying(p -> assertThat(p).contains("delete-missing"));
    }

    @Test
    void editConfigRemoveRemovesAnEntryAndIgnoresAMissingOne() throws Exception {
        NetconfClient c = client;
        commitInterfaces(c, "remove-1");

        c.editConfig(EditConfig.to(Datastore.CANDIDATE).config(interfaces(
                iface("remove-1", Operation.REMOVE), iface("remove-missing", Operation.REMOVE))));

        assertThat(candidateInterfaces(c)).doesNotContain("remove-1", "remove-missing");
    }

    @Test
    void editConfigReplaceDropsChildrenThatAreNotGiven() throws Exception {
        NetconfClient c = client;
        c.editConfig(EditConfig.to(Datastore.CANDIDATE)
                .config(interfaces(iface("replace-1").leaf("description", "before"))));
        assertThat(description(c, Datastore.CANDIDATE, "replace-1")).hasValue("before");

        c.editConfig(EditConfig.to(Datastore.CANDIDATE).config(interfaces(iface("replace-1", Operation.REPLACE))));

        assertThat(candidateInterfaces(c)).contains("replace-1");
        assertThat(description(c, Datastore.CANDIDATE, "replace-1")).isEmpty();
    }

    @Test
    void defaultOperationNoneChangesOnlyNodesThatCarryAnOperation() throws Exception {
        NetconfClient c = client;
        commitInterfaces(c, "none-1", "none-2");

        var untouched = XmlFragment.element(IfConfig.NS, "interface").leaf("name", "none-1")
                .leaf("description", "ignored");
        var merged = XmlFragment.element(IfConfig.NS, "interface").leaf("name", "none-2")
                .child(IfConfig.operation(XmlFragment.element(IfConfig.NS, "description").text("set"),
                        Operation.MERGE));
        c.editConfig(EditConfig.to(Datastore.CANDIDATE).defaultOperation(EditConfig.DefaultOperation.NONE)
                .config(interfaces(untouched, merged)));

        assertThat(description(c, Datastore.CANDIDATE, "none-1")).isEmpty();
        assertThat(description(c, Datastore.CANDIDATE, "none-2")).hasValue("set");
    }

    @Test
    void defaultOperationReplaceReplacesTheWholeList() throws Exception {
        NetconfClient c = client;
        commitInterfaces(c, "dr-old");

        c.editConfig(EditConfig.to(Datastore.CANDIDATE).defaultOperation(EditConfig.DefaultOperation.REPLACE)
                .config(interfaces(iface("dr-only"))));

        assertThat(candidateInterfaces(c)).containsExactly("dr-only");
        assertThat(runningInterfaces(c)).contains("dr-old");
    }

    @Test
    void testOptionTestOnlyChecksTheEditWithoutApplyingIt() throws Exception {
        NetconfClient c = client;

        c.editConfig(EditConfig.to(Datastore.CANDIDATE).testOption(EditConfig.TestOption.TEST_ONLY)
                .config(interfaces(iface("test-only-1"))));
        assertThat(candidateInterfaces(c)).doesNotContain("test-only-1");

        RpcError err = catchRpcError(() -> c.editConfig(EditConfig.to(Datastore.CANDIDATE)
                .testOption(EditConfig.TestOption.TEST_ONLY)
                .config(interfaces(iface("test-only-2").leaf("enabled", "maybe"))))).first();
        assertThat(err.tag()).isEqualTo("invalid-value");
        assertThat(err.path()).hasValueSatisfying(p -> assertThat(p).endsWith("if:enabled"));

        c.editConfig(EditConfig.to(Datastore.CANDIDATE).testOption(EditConfig.TestOption.TEST_THEN_SET)
                .config(interfaces(iface("test-then-set-1"))));
        assertThat(candidateInterfaces(c)).contains("test-then-set-1");
    }

    @Test
    void errorOptionRollbackOnErrorUndoesTheAppliedPartOfAFailedEdit() throws Exception {
        NetconfClient c = client;
        commitInterfaces(c, "rb-existing");

        RpcError err = catchRpcError(() -> c.editConfig(EditConfig.to(Datastore.CANDIDATE)
                .errorOption(EditConfig.ErrorOption.ROLLBACK_ON_ERROR)
                .config(interfaces(iface("rb-new", Operation.CREATE), iface("rb-existing", Operation.CREATE)))))
                .first();

        assertThat(err.tag()).isEqualTo("data-exists");
        assertThat(candidateInterfaces(c)).contains("rb-existing").doesNotContain("rb-new");
    }

    // ---------------------------------------------------------------- copy-config, delete-config, :url, :startup

    @Test
    void copyConfigRunningToAFileUrlWritesTheFileOnTheDevice() throws Exception {
        NetconfClient c = client;
        commitInterfaces(c, "url-copy-1");

        c.copyConfig(Datastore.url("file:///url-copy.xml"), Datastore.RUNNING, null);

        Path written = device.datastoreDir().resolve("url-copy.xml");
        assertThat(written).exists();
        assertThat(Files.readString(written)).contains("<name>url-copy-1</name>");
    }

    @Test
    void copyConfigFromAFileUrlFillsStartup() throws Exception {
        NetconfClient c = client;
        commitInterfaces(c, "url-startup-1");
        c.copyConfig(Datastore.url("file:///url-startup.xml"), Datastore.RUNNING, null);

        // yuma123 2.13 aborts on copy-config from a URL into the candidate, so the URL goes to startup
        c.copyConfig(Datastore.STARTUP, Datastore.url("file:///url-startup.xml"), null);

        assertThat(IfConfig.names(c.getConfig(Datastore.STARTUP, IfConfig.all(), null))).contains("url-startup-1");
    }

    @Test
    void editConfigFromAFileUrlMergesItsContent() throws Exception {
        NetconfClient c = client;
        commitInterfaces(c, "url-edit-1");
        c.copyConfig(Datastore.url("file:///url-edit.xml"), Datastore.RUNNING, null);
        c.editConfig(EditConfig.to(Datastore.CANDIDATE).config(interfaces(iface("url-edit-1", Operation.DELETE))));
        assertThat(candidateInterfaces(c)).doesNotContain("url-edit-1");

        c.editConfig(EditConfig.to(Datastore.CANDIDATE).url("file:///url-edit.xml"));

        assertThat(candidateInterfaces(c)).contains("url-edit-1");
    }

    @Test
    void validateChecksTheConfigInAFileUrl() throws Exception {
        NetconfClient c = client;
        c.copyConfig(Datastore.url("file:///url-valid.xml"), Datastore.RUNNING, null);
        c.validate(Datastore.url("file:///url-valid.xml"));

        // an interface without its mandatory type
        Files.writeString(device.datastoreDir().resolve("url-invalid.xml"), "<config xmlns=\"" + Namespaces.BASE
                + "\"><interfaces xmlns=\"" + IfConfig.NS + "\"><interface><name>no-type</name></interface>"
                + "</interfaces></config>");
        RpcError err = catchRpcError(() -> c.validate(Datastore.url("file:///url-invalid.xml"))).first();
        assertThat(err.tag()).isEqualTo("data-missing");
        assertThat(err.path()).hasValueSatisfying(p -> assertThat(p).endsWith("if:type"));
    }

    @Test
    void deleteConfigOfAFileUrlRemovesTheFile() throws Exception {
        NetconfClient c = client;
        c.copyConfig(Datastore.url("file:///url-delete.xml"), Datastore.RUNNING, null);
        Path file = device.datastoreDir().resolve("url-delete.xml");
        assertThat(file).exists();

        c.deleteConfig(Datastore.url("file:///url-delete.xml"));

        assertThat(file).doesNotExist();
    }

    @Test
    void deleteConfigEmptiesStartup() throws Exception {
        NetconfClient c = client;
        commitInterfaces(c, "startup-1");
        c.copyConfig(Datastore.STARTUP, Datastore.RUNNING, null);
        assertThat(IfConfig.names(c.getConfig(Datastore.STARTUP, IfConfig.all(), null))).contains("startup-1");

        c.deleteConfig(Datastore.STARTUP);

        assertThat(c.getConfig(Datastore.STARTUP).roots()).isEmpty();
        assertThat(runningInterfaces(c)).contains("startup-1");
    }

    // ---------------------------------------------------------------- candidate, commit, validate

    @Test
    void discardChangesRevertsTheCandidateToRunning() throws Exception {
        NetconfClient c = client;
        c.editConfig(EditConfig.to(Datastore.CANDIDATE).config(interfaces(iface("discard-1"))));
        assertThat(candidateInterfaces(c)).contains("discard-1");

        c.discardChanges();

        assertThat(candidateInterfaces(c)).doesNotContain("discard-1");
        assertThat(candidateInterfaces(c)).isEqualTo(runningInterfaces(c));
    }

    @Test
    void validateAcceptsTheCandidateAndRejectsInvalidInlineConfig() throws Exception {
        NetconfClient c = client;
        c.editConfig(EditConfig.to(Datastore.CANDIDATE).config(interfaces(iface("validate-1"))));
        // not followed by commit: yuma123 2.13 drops the candidate edit when <validate> precedes <commit>
        c.validate(Datastore.CANDIDATE);

        RpcError err = catchRpcError(() -> c.validate(interfaces(XmlFragment.element(IfConfig.NS, "interface")
                .leaf("name", "no-type")))).first();
        assertThat(err.type()).isEqualTo("application");
        assertThat(err.tag()).isEqualTo("data-missing");
        assertThat(err.appTag()).hasValue("instance-required");
        assertThat(err.path()).hasValueSatisfying(p -> assertThat(p).endsWith("if:interface[if:name='no-type']/if:type"));
    }

    /*
     * yuma123 runs its confirmed-commit timer only after about a second without requests, so these tests watch the
     * netconf-confirmed-commit notifications instead of polling running (polling would hold the rollback off).
     */

    @Test
    void confirmedCommitIsRolledBackWhenItsTimeoutPasses() throws Exception {
        NetconfClient c = client;
        try (NotificationStream events = open().subscribe(Subscription.defaultStream())) {
            c.editConfig(EditConfig.to(Datastore.CANDIDATE).config(interfaces(iface("cc-timeout"))));

            c.commit(ConfirmedCommit.withTimeout(Duration.ofSeconds(1)));
            assertThat(runningInterfaces(c)).contains("cc-timeout");

            awaitNotification(events, confirmEvent("timeout"));
            assertThat(runningInterfaces(c)).doesNotContain("cc-timeout");
        }
    }

    @Test
    void confirmedCommitConfirmedByAFollowUpCommitStays() throws Exception {
        NetconfClient c = client;
        try (NotificationStream events = open().subscribe(Subscription.defaultStream())) {
            c.editConfig(EditConfig.to(Datastore.CANDIDATE).config(interfaces(iface("cc-confirmed"))));
            c.commit(ConfirmedCommit.withTimeout(Duration.ofSeconds(1)));

            c.commit();

            awaitNotification(events, confirmEvent("complete"));
            // Real time the protocol demands: stay idle past the 1 s timeout, long enough for the device's timer
            // to have run, then check that nothing was rolled back.
            Thread.sleep(3000);
            assertThat(events.poll(Duration.ZERO)).isEmpty();
            assertThat(runningInterfaces(c)).contains("cc-confirmed");
        }
    }

    @Test
    void persistentConfirmedCommitSurvivesItsSessionAndIsConfirmedByPersistId() throws Exception {
        NetconfClient first = open();
        NetconfClient second = open();
        try (NotificationStream events = second.subscribe(Subscription.defaultStream())) {
            first.editConfig(EditConfig.to(Datastore.CANDIDATE).config(interfaces(iface("cc-persist"))));
            first.commit(ConfirmedCommit.withTimeout(Duration.ofSeconds(60)).persist("homeport-persist-1"));
            first.session().closeSession();
            assertThat(runningInterfaces(second)).contains("cc-persist");

            second.confirmCommit("homeport-persist-1");

            Notification n = awaitNotification(events, confirmEvent("complete"));
            assertThat(Dom.childText(n.content().orElseThrow(), Namespaces.NETCONF_NOTIFICATIONS, "session-id"))
                    .hasValue(Long.toString(second.session().sessionId()));
            assertThat(runningInterfaces(second)).contains("cc-persist");
        }
    }

    @Test
    void cancelCommitRollsBackAPersistentConfirmedCommitFromAnotherSession() throws Exception {
        NetconfClient first = open();
        NetconfClient second = client;
        first.editConfig(EditConfig.to(Datastore.CANDIDATE).config(interfaces(iface("cc-cancel"))));
        first.commit(ConfirmedCommit.withTimeout(Duration.ofSeconds(60)).persist("homeport-persist-2"));
        assertThat(runningInterfaces(second)).contains("cc-cancel");

        second.cancelCommit("homeport-persist-2");

        assertThat(runningInterfaces(second)).doesNotContain("cc-cancel");
    }

    private static Predicate<Notification> confirmEvent(String event) {
        return n -> "netconf-confirmed-commit".equals(n.eventName())
                && Dom.childText(n.content().orElseThrow(), Namespaces.NETCONF_NOTIFICATIONS, "confirm-event")
                .filter(event::equals).isPresent();
    }

    // ---------------------------------------------------------------- locks

    @Test
    void lockedCandidateCannotBeEditedByAnotherSession() throws Exception {
        NetconfClient holder = open();
        NetconfClient other = client;
        holder.lock(Datastore.CANDIDATE);

        RpcError err = catchRpcError(() -> other.editConfig(EditConfig.to(Datastore.CANDIDATE)
                .config(interfaces(iface("locked-out"))))).first();
        assertThat(err.tag()).isEqualTo("in-use");

        holder.unlock(Datastore.CANDIDATE);
        other.editConfig(EditConfig.to(Datastore.CANDIDATE).config(interfaces(iface("locked-out"))));
        assertThat(candidateInterfaces(other)).contains("locked-out");
    }

    @Test
    void partialLockIsAdvertisedButThisServerBuildRefusesEverySelection() throws Exception {
        NetconfClient c = client;
        commitInterfaces(c, "plock-1");

        // yuma123 2.13's evaluator produces no result for any select expression (checked with /*, /if:interfaces and
        // list entries, on candidate and writable-running devices): it answers with a placeholder rpc-error
        // (tag "none", message "ok") and then operation-failed. The engine hands over both, in order.
        RpcErrorException e = catchRpcError(() -> c.partialLock(
                List.of("/if:interfaces/if:interface[if:name='plock-1']"), Map.of("if", IfConfig.NS)));
        assertThat(e.errors()).extracting(RpcError::tag).containsExactly("none", "operation-failed");
        assertThat(e.errors().get(0).path()).hasValueSatisfying(p -> assertThat(p).contains("pl:select"));
        assertThat(e.errors().get(1).message()).hasValue("invalid internal value");

        RpcError unlock = catchRpcError(() -> c.partialUnlock(4711)).first();
        assertThat(unlock.tag()).isEqualTo("invalid-value");
        assertThat(unlock.path()).hasValue("/nc:rpc/pl:partial-unlock/pl:lock-id");
    }

    // ---------------------------------------------------------------- with-defaults (RFC 6243)

    @Test
    void withDefaultsReportAllShowsDefaultValues() throws Exception {
        DataReply d = withDefaultsFixture(WithDefaultsMode.REPORT_ALL);
        assertThat(enabled(d, "wd-implicit")).hasValue("true");
        assertThat(enabled(d, "wd-explicit")).hasValue("true");
    }

    @Test
    void withDefaultsTrimDropsValuesEqualToTheDefault() throws Exception {
        DataReply d = withDefaultsFixture(WithDefaultsMode.TRIM);
        assertThat(enabled(d, "wd-implicit")).isEmpty();
        assertThat(enabled(d, "wd-explicit")).isEmpty();
        assertThat(enabled(d, "wd-disabled")).hasValue("false");
    }

    @Test
    void withDefaultsExplicitShowsOnlyValuesThatWereSet() throws Exception {
        DataReply d = withDefaultsFixture(WithDefaultsMode.EXPLICIT);
        assertThat(enabled(d, "wd-implicit")).isEmpty();
        assertThat(enabled(d, "wd-explicit")).hasValue("true");
    }

    @Test
    void withDefaultsReportAllTaggedMarksDefaultsWithTheWdAttribute() throws Exception {
        DataReply d = withDefaultsFixture(WithDefaultsMode.REPORT_ALL_TAGGED);
        Element implicit = enabledElement(d, "wd-implicit").orElseThrow();
        assertThat(implicit.getTextContent()).isEqualTo("true");
        assertThat(implicit.getAttributeNS(Namespaces.WITH_DEFAULTS_ATTR, "default")).isEqualTo("true");
        Element disabled = enabledElement(d, "wd-disabled").orElseThrow();
        assertThat(disabled.hasAttributeNS(Namespaces.WITH_DEFAULTS_ATTR, "default")).isFalse();
    }

    /** Three interfaces: enabled left to its default (true), set to true, and set to false. */
    private DataReply withDefaultsFixture(WithDefaultsMode mode) throws Exception {
        NetconfClient c = client;
        c.editConfig(EditConfig.to(Datastore.CANDIDATE).config(interfaces(iface("wd-implicit"),
                iface("wd-explicit").leaf("enabled", "true"), iface("wd-disabled").leaf("enabled", "false"))));
        c.commit();
        return c.getConfig(Datastore.RUNNING, IfConfig.all(), mode);
    }

    private static Optional<Element> enabledElement(DataReply d, String name) {
        return IfConfig.entry(d, name).flatMap(e -> Dom.child(e, IfConfig.NS, "enabled"));
    }

    private static Optional<String> enabled(DataReply d, String name) {
        return enabledElement(d, name).map(e -> e.getTextContent().strip());
    }

    private static Optional<String> description(NetconfClient c, Datastore ds, String name) throws Exception {
        return IfConfig.entry(c.getConfig(ds, IfConfig.named(name), null), name)
                .flatMap(e -> Dom.childText(e, IfConfig.NS, "description"));
    }

    // ---------------------------------------------------------------- monitoring and notifications

    @Test
    void getSchemaReturnsTheYangTextOfAModule() throws Exception {
        NetconfClient c = client;

        assertThat(c.getSchema("toaster").strip()).startsWith("module toaster {").contains("rpc make-toast");
        assertThat(c.getSchema("toaster", "2009-11-20", "yang")).contains("revision 2009-11-20");
        RpcError err = catchRpcError(() -> c.getSchema("no-such-module")).first();
        assertThat(err.path()).hasValueSatisfying(p -> assertThat(p).endsWith("identifier"));
    }

    @Test
    void notificationReplayFromAStartTimeDeliversLoggedEventsThenLiveOnes() throws Exception {
        NetconfClient c = open();
        EventStream netconf = c.streams().stream().filter(s -> s.name().equals("NETCONF")).findFirst()
                .orElseThrow();
        assertThat(netconf.replaySupport()).isTrue();
        OffsetDateTime logStart = netconf.replayLogCreationTime().orElseThrow();
        // the list must exist already: for its first entry the device reports the creation of the list itself
        commitInterfaces(c, "replay-first");
        commitInterfaces(c, "replay-logged");
        OffsetDateTime subscribed = OffsetDateTime.now();

        try (NotificationStream stream = c.subscribe(Subscription.stream("NETCONF").replayFrom(logStart))) {
            Notification logged = awaitNotification(stream, configChangeOf("replay-logged"));
            assertThat(logged.eventTime()).hasValueSatisfying(t -> assertThat(t).isBeforeOrEqualTo(subscribed));
            await().atMost(EVENT_WAIT).until(stream::isReplayComplete);

            commitInterfaces(client, "replay-live");
            awaitNotification(stream, configChangeOf("replay-live"));
        }
    }

    @Test
    void killedSessionReleasesItsLock() throws Exception {
        NetconfClient killer = client;
        NetconfClient victim = open();
        victim.lock(Datastore.RUNNING);
        assertThat(catchRpcError(() -> killer.lock(Datastore.RUNNING)).first().tag()).isEqualTo("lock-denied");

        killer.killSession(victim.session().sessionId());

        killer.lock(Datastore.RUNNING);
        killer.unlock(Datastore.RUNNING);
        await().atMost(EVENT_WAIT).until(() -> !victim.session().isOpen());
        assertThatThrownBy(() -> victim.unlock(Datastore.RUNNING))
                .isInstanceOf(SessionClosedException.class);
    }
}

package dev.homeport.browser.it;

import static dev.homeport.browser.it.SwtDriver.column;
import static dev.homeport.browser.it.SwtDriver.item;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.browser.core.BrowserSettings;
import dev.homeport.browser.core.DeviceBrowser;
import dev.homeport.browser.core.DeviceConnection;
import dev.homeport.browser.core.MessageLog;
import dev.homeport.browser.ui.ConsolePanel;
import dev.homeport.browser.ui.DevicesPanel;
import dev.homeport.browser.ui.NotificationsPanel;
import dev.homeport.browser.ui.RpcDialog;
import dev.homeport.browser.ui.RpcPanel;
import dev.homeport.netconf.callhome.CallHomeTrust;
import dev.homeport.netconf.ops.Datastore;
import dev.homeport.netconf.ops.EditConfig;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.schema.ModuleCache;
import dev.homeport.netconf.server.host.CallHomePolicy;
import dev.homeport.netconf.server.host.SshDeviceHost;
import dev.homeport.netconf.server.sim.Profile;
import dev.homeport.netconf.server.sim.SimulatedDevice;
import dev.homeport.netconf.session.MessageTrace;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.session.SessionOptions;
import dev.homeport.netconf.transport.ssh.HostKeyVerifier;
import dev.homeport.netconf.transport.ssh.HostKeys;
import dev.homeport.netconf.transport.ssh.SshAuth;
import dev.homeport.netconf.transport.ssh.SshConnector;
import dev.homeport.netconf.xml.XmlFragment;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opendaylight.yangtools.yang.common.QName;
import org.opendaylight.yangtools.yang.common.QNameModule;
import org.opendaylight.yangtools.yang.common.XMLNamespace;
import org.opendaylight.yangtools.yang.data.api.YangInstanceIdentifier;
import org.opendaylight.yangtools.yang.model.api.ActionDefinition;
import org.opendaylight.yangtools.yang.model.api.ContainerSchemaNode;
import org.opendaylight.yangtools.yang.model.api.EffectiveModelContext;
import org.opendaylight.yangtools.yang.model.api.ListSchemaNode;

/**
 * The RPC dialog, the Notifications view and the Console view in real SWT windows, on a real {@link DeviceBrowser}
 * whose call-home listener accepts the engine's simulated {@code home-router} device (server.sim) over SSH on
 * loopback. The test acts through the widgets and reads what they show.
 */
class BrowserToolsUiTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path OUTPUT = Path.of(System.getProperty("homeport.test.output"));
    private static final String SYS = "urn:ietf:params:xml:ns:yang:ietf-system";
    private static final String NCN = "urn:ietf:params:xml:ns:yang:ietf-netconf-notifications";
    private static final String IF = "urn:ietf:params:xml:ns:yang:ietf-interfaces";
    private static final String RESET_COUNTERS = "homeport-router-ops:reset-counters on /interfaces/interface";

    @TempDir
    Path tmp;

    private Display display;
    private Shell shell;
    private DeviceBrowser browser;
    private SshDeviceHost devices;
    private DevicesPanel devicesPanel;
    private NotificationsPanel notificationsPanel;
    private ConsolePanel consolePanel;
    private SwtDriver ui;

    @BeforeEach
    void openWindow() throws Exception {
        Files.createDirectories(OUTPUT);
        display = new Display();
        shell = new Shell(display);
        shell.setText("Homeport browser: notifications and console (UI test)");
        shell.setLayout(new FillLayout());
        browser = new DeviceBrowser(CallHomeTrust.inMemory(), new ModuleCache(tmp.resolve("modules")));
        browser.applySettings(new BrowserSettings("127.0.0.1", 0, "admin", "admin".toCharArray()));
        SashForm rows = new SashForm(shell, SWT.VERTICAL);
        devicesPanel = new DevicesPanel(rows, browser);
        notificationsPanel = new NotificationsPanel(rows, browser);
        consolePanel = new ConsolePanel(rows, browser);
        rows.setWeights(22, 38, 40);
        shell.setBounds(0, 0, 1380, 980);
        shell.open();
        devices = SshDeviceHost.start();
        ui = new SwtDriver(display, WAIT, OUTPUT, () -> "devices: " + devicesPanel.statusLine().getText()
                + " | notifications: " + notificationsPanel.statusLine().getText()
                + " | console: " + consolePanel.statusLine().getText());
    }

    @AfterEach
    void closeWindow() {
        if (devices != null) {
            devices.close();
        }
        if (browser != null) {
            browser.close();
        }
        if (display != null) {
            display.dispose();
        }
    }

    @Test
    void theRpcDialogBuildsAFormFromTheInputChecksValuesAndShowsTheOutputAsATree() throws Exception {
        SimulatedDevice router = SimulatedDevice.create("rpc-router", Profile.named("home-router"));
        DeviceConnection c = connect(router);
        String peer = c.client().session().peer();

        RpcDialog dialog = openRpcDialog(c, "ietf-system:set-current-datetime", "current-datetime");
        RpcPanel rpc = dialog.panel();
        assertThat(Arrays.asList(rpc.operationCombo().getItems()))
                .contains("ietf-system:system-restart", "ietf-netconf-monitoring:get-schema");
        Text when = (Text) rpc.fields().get("current-datetime");

        // a value that is not a date-and-time is refused by the engine's codec: nothing reaches the device
        ui.type(when, "next tuesday");
        ui.click(rpc.sendButton());
        ui.await("the refusal", () -> rpc.statusLine().getText().contains("failed"));
        assertThat(rpc.statusLine().getText()).contains("next tuesday");
        assertThat(rpc.statusLine().getForeground().getRGB()).isEqualTo(display.getSystemColor(SWT.COLOR_RED).getRGB());
        assertThat(browser.messages().entries(peer)).as("sent to the device")
                .noneMatch(m -> m.direction() == MessageTrace.Direction.OUT && m.xml().contains("<set-current-datetime"));
        ui.screenshot(dialog.getShell(), "rpc-1-invalid-value-refused");

        // a valid one reaches the device, which refuses it while NTP is on (RFC 7317): its rpc-error is shown
        ui.type(when, "2030-01-02T03:04:05Z");
        ui.click(rpc.sendButton());
        ui.await("the device's rpc-error", () -> rpc.statusLine().getText().contains("ntp-active"));
        assertThat(rpc.statusLine().getText()).startsWith("ietf-system:set-current-datetime failed: rpc-error");
        assertThat(router.now().atOffset(ZoneOffset.UTC).getYear()).isNotEqualTo(2030);

        // with NTP off, the device takes it and its clock follows
        browser.io().submit(() -> {
            c.client().editConfig(EditConfig.to(Datastore.CANDIDATE).config(XmlFragment.raw("<system xmlns=\""
                    + SYS + "\"><ntp><enabled>false</enabled></ntp></system>")));
            return c.client().commit();
        }).get();
        ui.click(rpc.sendButton());
        ui.await("the RPC answered", () -> rpc.statusLine().getText()
                .equals("ietf-system:set-current-datetime: ok (no output)"));
        assertThat(router.now().atOffset(ZoneOffset.UTC).getYear()).isEqualTo(2030);
        assertThat(browser.messages().entries(peer)).anyMatch(m -> m.xml().contains("2030-01-02T03:04:05Z"));

        // an RPC with input and output: the format is an identityref drop-down, the output a tree
        ui.choose(rpc.operationCombo(), "ietf-netconf-monitoring:get-schema");
        assertThat(rpc.fields()).containsKeys("identifier", "version", "format");
        Combo format = (Combo) rpc.fields().get("format");
        assertThat(format.getItems()).contains("ietf-netconf-monitoring:yang", "ietf-netconf-monitoring:yin");
        ui.type((Text) rpc.fields().get("identifier"), "ietf-system");
        ui.choose(format, "ietf-netconf-monitoring:yang");
        ui.click(rpc.sendButton());
        TreeItem data = ui.awaitValue("the output tree", () -> item(rpc.output().getItems(), "data"));
        assertThat(data.getText(1)).startsWith("module ietf-system {").endsWith(" lines)");
        rpc.output().setSelection(data);
        rpc.output().notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        ui.pump();
        assertThat(rpc.valueText().getText()).contains("rpc set-current-datetime", "container system-state");
        assertThat(rpc.statusLine().getText()).isEqualTo("ietf-netconf-monitoring:get-schema: output below");
        ui.screenshot(dialog.getShell(), "rpc-2-get-schema-output");
        dialog.close();
    }

    @Test
    void theRpcFormOffersLeavesInChoicesAndShowsAnydataOutputAsData() throws Exception {
        SimulatedDevice router = SimulatedDevice.create("nmda-router", Profile.named("home-router"));
        DeviceConnection c = connect(router);
        String peer = c.client().session().peer();
        RpcDialog dialog = openRpcDialog(c, "ietf-netconf-nmda:get-data", "datastore");
        RpcPanel rpc = dialog.panel();
        // xpath-filter is in the choice filter-spec; subtree-filter, its other case, is anydata and not in the form
        assertThat(rpc.fields()).containsOnlyKeys("datastore", "xpath-filter", "config-filter", "max-depth",
                "with-defaults");
        ui.choose((Combo) rpc.fields().get("datastore"), "ietf-datastores:running");
        ui.type((Text) rpc.fields().get("xpath-filter"), "/system/hostname");
        ui.click(rpc.sendButton());
        ui.await("the output", () -> rpc.statusLine().getText().equals("ietf-netconf-nmda:get-data: output below"));
        assertThat(browser.messages().entries(peer)).as("the filter as sent")
                .anyMatch(m -> m.direction() == MessageTrace.Direction.OUT
                        && m.xml().contains(">/system/hostname</xpath-filter>"));
        TreeItem data = ui.awaitValue("the output tree", () -> item(rpc.output().getItems(), "data"));
        rpc.output().setSelection(data);
        rpc.output().notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        ui.pump();
        assertThat(rpc.valueText().getText()).contains("<hostname", "</hostname>")
                .doesNotContain("<ntp");
        ui.screenshot(dialog.getShell(), "rpc-3-get-data-choice-input");
        dialog.close();
    }

    @Test
    void theActionDialogListsTheTargetsSendsTheInputAndShowsTheOutput() throws Exception {
        SimulatedDevice router = SimulatedDevice.create("action-router", Profile.named("home-router"));
        DeviceConnection c = connect(router);
        String peer = c.client().session().peer();
        EffectiveModelContext context = c.schema().context();
        QNameModule ifModule = context.findModuleStatements(XMLNamespace.of(IF)).iterator().next()
                .localQNameModule();
        QName list = QName.create(ifModule, "interface");
        // what the Data view gives when wan0's description is selected: the dialog takes wan0 from it
        YangInstanceIdentifier wan0Description = YangInstanceIdentifier.builder()
                .node(QName.create(ifModule, "interfaces")).node(list)
                .nodeWithKey(list, QName.create(ifModule, "name"), "wan0").node(QName.create(ifModule, "description"))
                .build();

        // as the Schema view opens it on a double-click: with the action's definition from the device's schema
        ActionDefinition resetCounters = ((ListSchemaNode) ((ContainerSchemaNode) context.findDataChildByName(
                QName.create(ifModule, "interfaces")).orElseThrow()).findDataChildByName(list).orElseThrow())
                .getActions().stream().filter(a -> a.getQName().getLocalName().equals("reset-counters")).findFirst()
                .orElseThrow();
        RpcDialog dialog = new RpcDialog(shell, browser, c, resetCounters, wan0Description);
        dialog.setBlockOnOpen(false);
        dialog.open();
        RpcPanel action = dialog.panel();
        ui.await("the action chosen and its targets read from the device", () -> action.targetCombo() != null
                && action.targetCombo().getItemCount() > 0 && action.fields().containsKey("reason"));
        assertThat(action.operationCombo().getText()).isEqualTo(RESET_COUNTERS);
        assertThat(Arrays.asList(action.operationCombo().getItems())).as("RPCs and actions in one list")
                .contains("ietf-system:system-restart", RESET_COUNTERS);
        assertThat(action.targetCombo().getItems()).as("the device's interfaces, sorted").containsExactly(
                "/interfaces/interface[name='lan0']", "/interfaces/interface[name='lo']",
                "/interfaces/interface[name='wan0']", "/interfaces/interface[name='wlan0']",
                "/interfaces/interface[name='wlan1']");
        assertThat(action.targetCombo().getText()).as("preselected from the data selection")
                .isEqualTo("/interfaces/interface[name='wan0']");

        // an input value the schema refuses (reason: string, length 0..255) never reaches the device
        Text reason = (Text) action.fields().get("reason");
        ui.type(reason, "x".repeat(300));
        ui.click(action.sendButton());
        ui.await("the refusal", () -> action.statusLine().getText().contains("failed"));
        assertThat(action.statusLine().getForeground().getRGB())
                .isEqualTo(display.getSystemColor(SWT.COLOR_RED).getRGB());
        assertThat(browser.messages().entries(peer)).as("sent to the device")
                .noneMatch(m -> m.direction() == MessageTrace.Direction.OUT && m.xml().contains("reset-counters"));

        long before = Long.parseLong(wanStat(c, "in-octets"));
        ui.type(reason, "line swap");
        ui.click(action.sendButton());
        TreeItem resetAt = ui.awaitValue("the output tree", () -> item(action.output().getItems(), "reset-at"));
        assertThat(action.statusLine().getText())
                .isEqualTo("homeport-router-ops:reset-counters on /interfaces/interface[name='wan0']: output below");
        assertThat(resetAt.getText(1)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        // the device did it: wan0's counters start again from zero at the time the output says (RFC 8343)
        assertThat(wanStat(c, "discontinuity-time")).isEqualTo(resetAt.getText(1));
        assertThat(Long.parseLong(wanStat(c, "in-octets"))).isLessThan(before);
        assertThat(browser.messages().entries(peer)).anyMatch(m -> m.direction() == MessageTrace.Direction.OUT
                && m.xml().contains("<action") && m.xml().contains("line swap"));
        ui.screenshot(dialog.getShell(), "rpc-action-1-output");

        // a target that went away after the list was read: the device's rpc-error (data-missing), in red
        ui.choose(action.targetCombo(), "/interfaces/interface[name='wlan1']");
        browser.io().submit(() -> {
            c.client().editConfig(EditConfig.to(Datastore.CANDIDATE).config(XmlFragment.raw("<interfaces xmlns=\""
                    + IF + "\"><interface xmlns:nc=\"urn:ietf:params:xml:ns:netconf:base:1.0\" nc:operation=\"delete\">"
                    + "<name>wlan1</name></interface></interfaces>")));
            return c.client().commit();
        }).get();
        ui.click(action.sendButton());
        ui.await("the device's rpc-error", () -> action.statusLine().getText().contains("data-missing"));
        assertThat(action.statusLine().getText()).startsWith(
                "homeport-router-ops:reset-counters on /interfaces/interface[name='wlan1'] failed: rpc-error")
                .contains("does not exist");
        assertThat(action.statusLine().getForeground().getRGB())
                .isEqualTo(display.getSystemColor(SWT.COLOR_RED).getRGB());
        assertThat(action.output().getItemCount()).isZero();
        assertThat(action.valueText().getText()).as("the whole error, with its path")
                .contains("at /if:interfaces/if:interface[if:name='wlan1']", "does not exist");
        ui.screenshot(dialog.getShell(), "rpc-action-2-target-missing");
        dialog.close();
    }

    /** A statistics leaf of wan0, read from the device's operational state. */
    private String wanStat(DeviceConnection c, String leaf) throws Exception {
        String xml = browser.io().submit(() -> c.client().get(dev.homeport.netconf.ops.Filter.subtree(
                "<interfaces xmlns=\"" + IF + "\"><interface><name>wan0</name><statistics/></interface></interfaces>"),
                null).toXml()).get();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<(?:\\w+:)?" + leaf + "[^>]*>([^<]*)<")
                .matcher(xml);
        assertThat(m.find()).as(leaf + " in " + xml).isTrue();
        return m.group(1);
    }

    @Test
    void theConsoleShowsEveryMessageMasksPasswordsFindsAndSaves() throws Exception {
        SimulatedDevice router = SimulatedDevice.create("console-router", Profile.named("home-router"));
        DeviceConnection c = connect(router);
        ui.await("the hello in the console", () -> consolePanel.text().getText().contains("<hello"));

        // passwords in an edit (plain, and as CDATA, which text redaction alone misses) and in the reply
        String users = "<system xmlns=\"" + SYS + "\"><authentication>"
                + "<user><name>alice</name><password>$0$Plain-Pa55word</password></user>"
                + "<user><name>bob</name><password><![CDATA[$0$Cdata-Pa55word]]></password></user>"
                + "</authentication></system>";
        browser.io().submit(() -> {
            c.client().editConfig(EditConfig.to(Datastore.CANDIDATE).config(XmlFragment.raw(users)));
            c.client().commit();
            return c.client().getConfig(Datastore.RUNNING);
        }).get();
        // the reply after the get-config request: the streams query at selection has a <data reply too
        ui.await("the get-config reply in the console", () -> {
            String t = consolePanel.text().getText();
            int request = t.lastIndexOf("<get-config");
            return t.contains("<commit") && request >= 0 && t.indexOf("<data", request) >= 0;
        });
        String shown = consolePanel.text().getText();
        assertThat(shown).contains(">>> to ", "<<< from ", "<edit-config", "alice", "bob", "*****")
                .doesNotContain("Plain-Pa55word").doesNotContain("Cdata-Pa55word");
        assertThat(router.running().toString()).as("the device did get the passwords").contains("alice", "bob");
        // the reply carried the users (with their passwords, masked): two masked leaves in the edit, two in the reply
        assertThat(shown.split("\\*\\*\\*\\*\\*", -1).length - 1).isGreaterThanOrEqualTo(4);

        // search: the next occurrence is selected, matches counted
        ui.type(consolePanel.searchField(), "alice");
        ui.click(consolePanel.findNextButton());
        assertThat(consolePanel.text().getSelectionText()).isEqualTo("alice");
        int first = consolePanel.text().getSelection().x;
        assertThat(consolePanel.statusLine().getText()).matches("'alice': [2-9]\\d* matches; at line \\d+");
        ui.enter(consolePanel.searchField());
        assertThat(consolePanel.text().getSelection().x).isGreaterThan(first);
        ui.type(consolePanel.searchField(), "no-such-text-42");
        ui.click(consolePanel.findNextButton());
        assertThat(consolePanel.statusLine().getText()).isEqualTo("'no-such-text-42' not found");
        ui.screenshot(shell, "console-1-masked-and-searched");

        // save: the file holds what is shown, masked
        Path saved = tmp.resolve("console.txt");
        consolePanel.save(saved);
        String file = Files.readString(saved);
        assertThat(file).isEqualTo(consolePanel.text().getText()).contains("<edit-config")
                .doesNotContain("Pa55word");
        assertThat(consolePanel.statusLine().getText()).isEqualTo("Saved to " + saved);

        // what the log keeps is masked when formatted, whichever message
        for (MessageLog.Entry m : browser.messages().entries(c.client().session().peer())) {
            assertThat(m.format()).doesNotContain("Pa55word");
        }
    }

    @Test
    void notificationsAreReplayedFromAStartTimeThenArriveLiveAndCanBeFiltered() throws Exception {
        SimulatedDevice router = SimulatedDevice.create("events-router", Profile.named("home-router"));
        DeviceConnection c = connect(router);
        String peer = c.client().session().peer();
        try (OtherSession session = OtherSession.open(devices, router)) {
            NetconfClient other = session.client();
            Instant before = Instant.now().minusSeconds(2);
            setHostname(other, "before-subscribing");

            // a start time that is not RFC 3339 is refused before anything is sent
            ui.type(notificationsPanel.startTimeField(), "yesterday");
            ui.click(notificationsPanel.subscribeButton());
            assertThat(notificationsPanel.statusLine().getText()).startsWith("Replay from: not an RFC 3339");
            assertThat(notificationsPanel.subscribeButton().isEnabled()).isTrue();
            assertThat(browser.messages().entries(peer)).as("sent to the device")
                    .noneMatch(m -> m.direction() == MessageTrace.Direction.OUT && m.xml().contains("<create-subscription"));

            // replay from before the change: it arrives marked as replayed, then replayComplete
            ui.type(notificationsPanel.startTimeField(), before.toString());
            ui.click(notificationsPanel.subscribeButton());
            ui.await("the replayed change and replayComplete", () -> {
                List<String> events = column(notificationsPanel.table(), 1);
                return events.contains("netconf-config-change (replayed)") && events.contains("replayComplete");
            });
            assertThat(notificationsPanel.subscribeButton().isEnabled()).isFalse();
            int replayed = notificationsPanel.table().getItemCount();

            // a change from the other session arrives live
            setHostname(other, "after-subscribing");
            ui.await("the live change", () -> column(notificationsPanel.table(), 1).subList(replayed,
                    notificationsPanel.table().getItemCount()).contains("netconf-config-change"));
            TableItem live = Arrays.stream(notificationsPanel.table().getItems())
                    .filter(r -> r.getText(1).equals("netconf-config-change")).findFirst().orElseThrow();
            assertThat(live.getText(2)).contains("hostname");
            assertThat(live.getText(0)).matches("\\d{4}-\\d\\d-\\d\\dT.*");
            ui.select(notificationsPanel.table(), live);
            assertThat(notificationsPanel.detail().getText()).contains("<netconf-config-change", "<eventTime>");
            ui.screenshot(shell, "notifications-1-replayed-and-live");

            // the filter box narrows the rows
            int all = notificationsPanel.table().getItemCount();
            ui.type(notificationsPanel.rowFilterField(), "replayComplete");
            assertThat(column(notificationsPanel.table(), 1)).containsExactly("replayComplete");
            ui.type(notificationsPanel.rowFilterField(), "hostname");
            assertThat(column(notificationsPanel.table(), 1)).isNotEmpty()
                    .allMatch(e -> e.startsWith("netconf-config-change"));
            ui.screenshot(shell, "notifications-2-filtered");
            ui.type(notificationsPanel.rowFilterField(), "");
            assertThat(notificationsPanel.table().getItemCount()).isEqualTo(all);
        }
    }

    @Test
    void replayIsAnsweredOnTheSessionTheDataViewSubscribedFirst() throws Exception {
        SimulatedDevice router = SimulatedDevice.create("followed-router", Profile.named("home-router"));
        DeviceConnection c = connect(router);
        String peer = c.client().session().peer();
        try (OtherSession session = OtherSession.open(devices, router)) {
            NetconfClient other = session.client();
            Instant before = Instant.now().minusSeconds(2);
            setHostname(other, "before-the-data-view");

            // the Data view follows configuration changes: it subscribes as soon as the device is selected, and it
            // is handed live changes only, never the replayed log it asked for
            List<String> followed = new java.util.concurrent.CopyOnWriteArrayList<>();
            c.addNotificationListener(n -> followed.add(n.eventName() + " " + n.toXml()));
            setHostname(other, "while-followed");
            ui.await("the Data view's live change", () -> followed.stream().anyMatch(f -> f.contains("hostname")));
            assertThat(followed).allMatch(f -> f.startsWith("netconf-config-change"))
                    .noneMatch(f -> f.contains("replayComplete"));

            // replay from before the first change, on the same session: answered from the session's subscription
            ui.type(notificationsPanel.startTimeField(), before.toString());
            ui.click(notificationsPanel.subscribeButton());
            ui.await("the replayed changes and replayComplete", () -> {
                List<String> events = column(notificationsPanel.table(), 1);
                return events.stream().filter(e -> e.equals("netconf-config-change (replayed)")).count() >= 2
                        && events.contains("replayComplete");
            });
            assertThat(notificationsPanel.statusLine().getText()).doesNotContain("already subscribed");
            assertReplayOnTheDataViewsSubscription(peer, r -> r.endsWith("(replayed)"));

            // and a later change arrives live in both
            int shown = notificationsPanel.table().getItemCount();
            int followedBefore = followed.size();
            setHostname(other, "after-the-replay");
            ui.await("the live change", () -> column(notificationsPanel.table(), 1).subList(shown,
                    notificationsPanel.table().getItemCount()).contains("netconf-config-change"));
            ui.await("the Data view's second live change", () -> followed.size() == followedBefore + 1);
        }
    }

    @Test
    void aSubtreeFilterIsAppliedOnTheSessionTheDataViewSubscribedFirst() throws Exception {
        SimulatedDevice router = SimulatedDevice.create("filtered-router", Profile.named("home-router"));
        DeviceConnection c = connect(router);
        String peer = c.client().session().peer();
        Instant before = Instant.now().minusSeconds(2);
        c.addNotificationListener(n -> { }); // the Data view's unfiltered subscription comes first
        try (OtherSession first = OtherSession.open(devices, router)) { // netconf-session-start: selected
            setHostname(first.client(), "filtered-out"); // netconf-config-change: not
        } // netconf-session-end: not

        ui.type(notificationsPanel.subscriptionFilterField(), "<netconf-session-start xmlns=\"" + NCN + "\"/>");
        ui.type(notificationsPanel.startTimeField(), before.toString());
        ui.click(notificationsPanel.subscribeButton());
        ui.await("the replayed session start and replayComplete", () -> {
            List<String> events = column(notificationsPanel.table(), 1);
            return events.contains("netconf-session-start (replayed)") && events.contains("replayComplete");
        });
        assertThat(notificationsPanel.statusLine().getText()).doesNotContain("failed");
        assertReplayOnTheDataViewsSubscription(peer, r -> r.equals("netconf-session-start (replayed)"));

        // live: a change and a session end are filtered out, a session start is shown
        int replayed = notificationsPanel.table().getItemCount();
        try (OtherSession second = OtherSession.open(devices, router)) {
            setHostname(second.client(), "also-filtered-out");
        }
        try (OtherSession third = OtherSession.open(devices, router)) {
            // events reach the view in the device's order: the third start comes after the second session's events
            ui.await("both live session starts", () -> column(notificationsPanel.table(), 1).subList(replayed,
                    notificationsPanel.table().getItemCount()).size() == 2);
            assertThat(column(notificationsPanel.table(), 1).subList(replayed, notificationsPanel.table().getItemCount()))
                    .containsExactly("netconf-session-start", "netconf-session-start");
            ui.screenshot(shell, "notifications-3-subtree-filter-on-a-shared-session");
        }
    }

    /**
     * The Notifications view shows a replay as a device gives one (every row before the last matches
     * {@code replayedRow}, the last is replayComplete), answered on the Data view's subscription: one
     * create-subscription went to the device.
     */
    private void assertReplayOnTheDataViewsSubscription(String peer, java.util.function.Predicate<String> replayedRow) {
        List<String> rows = column(notificationsPanel.table(), 1);
        assertThat(rows.get(rows.size() - 1)).isEqualTo("replayComplete");
        assertThat(rows.subList(0, rows.size() - 1)).isNotEmpty().allMatch(replayedRow);
        assertThat(browser.messages().entries(peer)).as("create-subscription sent once, by the Data view")
                .filteredOn(m -> m.direction() == MessageTrace.Direction.OUT && m.xml().contains("<create-subscription"))
                .hasSize(1);
    }

    /** Opens the RPC dialog on {@code operation} and waits until its form has the input leaf {@code field}. */
    private RpcDialog openRpcDialog(DeviceConnection c, String operation, String field) {
        RpcDialog dialog = new RpcDialog(shell, browser, c, operation);
        dialog.setBlockOnOpen(false);
        dialog.open();
        RpcPanel rpc = dialog.panel();
        ui.await("the form of " + operation, () -> rpc.operationCombo().getText().equals(operation)
                && rpc.fields().containsKey(field));
        return dialog;
    }

    /** A second, independent session to the router (dialled, not call home), to make changes the browser sees. */
    private record OtherSession(SshDeviceHost.Listener listener, SshConnector ssh, NetconfClient client)
            implements AutoCloseable {
        static OtherSession open(SshDeviceHost devices, SimulatedDevice router) throws Exception {
            SshDeviceHost.Listener listener = devices.listen(router, new InetSocketAddress("127.0.0.1", 0));
            SshConnector ssh = new SshConnector();
            try {
                NetconfClient client = new NetconfClient(NetconfSession.open(ssh.connect("127.0.0.1",
                        listener.address().getPort(), SshAuth.password("admin", "admin"),
                        (host, port, remote, key) -> HostKeys.same(key, router.hostKey().getPublic())
                                ? HostKeyVerifier.accept() : HostKeyVerifier.reject("not the router")),
                        SessionOptions.defaults()));
                return new OtherSession(listener, ssh, client);
            } catch (Exception | Error e) {
                try (listener; ssh) {
                    throw e;
                }
            }
        }

        @Override
        public void close() throws Exception {
            try (listener; ssh; client) {
                // closed in reverse order: the session, the connector, the listener
            }
        }
    }

    private static void setHostname(NetconfClient client, String name) throws Exception {
        client.editConfig(EditConfig.to(Datastore.CANDIDATE).config(XmlFragment.raw(
                "<system xmlns=\"" + SYS + "\"><hostname>" + name + "</hostname></system>")));
        client.commit();
    }

    /** The device calls home, is trusted through the Devices panel and selected; returns its connection. */
    private DeviceConnection connect(SimulatedDevice device) throws Exception {
        ui.click(devicesPanel.listenButton());
        ui.await("the listener starts", browser::isListening);
        devices.callHome(device, browser.sshAddress().orElseThrow(), InetAddress.getLoopbackAddress(),
                CallHomePolicy.persistent());
        String fingerprint = HostKeys.fingerprint(device.hostKey().getPublic());
        TableItem row = ui.awaitValue("the device waiting for approval", () -> rowOf(fingerprint)
                .filter(r -> r.getText(0).equals("waiting for approval")));
        ui.select(devicesPanel.table().getTable(), row);
        ui.click(devicesPanel.trustButton());
        TableItem connected = ui.awaitValue("the device is connected", () -> rowOf(fingerprint)
                .filter(r -> r.getText(0).equals("connected")));
        ui.select(devicesPanel.table().getTable(), connected);
        return ui.awaitValue("the device selected", () -> browser.selected());
    }

    private Optional<TableItem> rowOf(String fingerprint) {
        return Arrays.stream(devicesPanel.table().getTable().getItems())
                .filter(r -> r.getText(2).endsWith(" " + fingerprint)).findFirst();
    }
}

package dev.homeport.browser.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.browser.core.BrowserSettings;
import dev.homeport.browser.core.DeviceBrowser;
import dev.homeport.browser.ui.AddDialog;
import dev.homeport.browser.ui.DataPanel;
import dev.homeport.browser.ui.PendingChangesPanel;
import dev.homeport.netconf.callhome.CallHomeDevice;
import dev.homeport.netconf.callhome.CallHomeTrust;
import dev.homeport.netconf.ops.Datastore;
import dev.homeport.netconf.ops.EditConfig;
import dev.homeport.netconf.ops.Filter;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.schema.ModuleCache;
import dev.homeport.netconf.server.host.CallHomePolicy;
import dev.homeport.netconf.server.host.SshDeviceHost;
import dev.homeport.netconf.server.sim.Profile;
import dev.homeport.netconf.server.sim.SimulatedDevice;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.session.SessionOptions;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import dev.homeport.netconf.transport.ssh.SshAuth;
import dev.homeport.netconf.transport.ssh.SshConnector;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CCombo;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Data and Pending changes panels in a real SWT window, on a real {@link DeviceBrowser} whose call-home listener
 * the engine's simulated {@code home-router} (candidate, confirmed commit, locks, RFC 6470 notifications) calls over
 * SSH on loopback. The test edits through the widgets (cell editors, drop-downs, checkboxes, the key dialog,
 * buttons) and checks the device with a second, independent engine client.
 */
class DataEditingUiTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path OUTPUT = Path.of(System.getProperty("homeport.test.output"));
    private static final String SYS = "urn:ietf:params:xml:ns:yang:ietf-system";

    @TempDir
    Path tmp;

    private Display display;
    private Shell shell;
    private DeviceBrowser browser;
    private SshDeviceHost host;
    private SimulatedDevice router;
    private DataPanel data;
    private PendingChangesPanel pending;
    private SshConnector connector;
    private NetconfClient other;

    @BeforeEach
    void openWindow() throws Exception {
        Files.createDirectories(OUTPUT);
        display = new Display();
        shell = new Shell(display);
        shell.setText("Homeport browser: data and pending changes (UI test)");
        shell.setLayout(new FillLayout());
        browser = new DeviceBrowser(CallHomeTrust.inMemory(), new ModuleCache(tmp.resolve("modules")));
        browser.applySettings(new BrowserSettings("127.0.0.1", 0, "admin", "admin".toCharArray()));
        SashForm columns = new SashForm(shell, SWT.HORIZONTAL);
        data = new DataPanel(columns, browser);
        pending = new PendingChangesPanel(columns, browser);
        columns.setWeights(55, 45);
        shell.setBounds(0, 0, 1280, 860);
        shell.open();
        host = SshDeviceHost.start();
    }

    /** The device calls home, is trusted and selected; a second session is opened beside the browser's. */
    private void connect(SimulatedDevice device) throws Exception {
        router = device;
        browser.startListening();
        host.callHome(router, browser.sshAddress().orElseThrow(), InetAddress.getLoopbackAddress(),
                CallHomePolicy.persistent());
        CallHomeDevice d = awaitValue("the router calls home", () -> browser.devices().stream().findFirst());
        browser.trust(d.fingerprint());
        await("the router is connected", () -> browser.connection(d.fingerprint()).isPresent());
        browser.select(d.fingerprint());
        await("running is read", () -> tree().getItemCount() > 0 && data.statusLine().getText().contains("running: "));
        await("the staged edits are ready", () -> data.addButton().isEnabled()
                && pending.lockLine().getText().startsWith("Target candidate"));

        // a second, independent session: another engine client on a listening endpoint of the same device
        connector = new SshConnector();
        int port = host.listen(router, new InetSocketAddress("127.0.0.1", 0)).address().getPort();
        other = new NetconfClient(NetconfSession.open(connector.connect("127.0.0.1", port,
                SshAuth.password("admin", "admin"), KnownHosts.inMemory(KnownHosts.Policy.ACCEPT_ALL)),
                SessionOptions.defaults().withRpcTimeout(Duration.ofSeconds(30))));
    }

    @AfterEach
    void close() throws Exception {
        if (other != null) {
            other.close();
        }
        if (connector != null) {
            connector.close();
        }
        if (host != null) {
            host.close();
        }
        if (browser != null) {
            browser.close();
        }
        if (display != null) {
            display.dispose();
        }
    }

    @Test
    void editsAreStagedShownAsDiffAndXmlThenCommittedAndReadByAnotherClient() throws Exception {
        connect(homeRouter());
        assertThat(data.storeCombo().getItems()).containsExactly("running", "candidate", "startup", "operational");
        assertThat(columnTitles()).containsExactly("Name", "Value", "Type", "Config");
        TreeItem system = expand(item(tree().getItems(), "system").orElseThrow());
        TreeItem hostname = item(system.getItems(), "hostname").orElseThrow();
        assertThat(hostname.getText(1)).isEqualTo("home-router");
        assertThat(hostname.getText(2)).isEqualTo("domain-name (string)");
        assertThat(hostname.getText(3)).isEqualTo("config");

        // a value outside the type (pattern) is refused before anything is staged, with the leaf's path
        editText(hostname, "bad host!");
        await("the refusal", () -> data.statusLine().getText().startsWith("Edit of hostname = bad host! failed"));
        assertThat(data.statusLine().getText()).contains("invalid-value").contains("hostname");
        assertThat(red(data.statusLine().getForeground().getRGB())).isTrue();
        assertThat(pending.diffTable().getItemCount()).isZero();
        // a number outside its range too
        TreeItem options = expand(item(expand(item(system.getItems(), "dns-resolver").orElseThrow()).getItems(),
                "options").orElseThrow());
        editText(item(options.getItems(), "timeout").orElseThrow(), "0");
        await("the range refusal", () -> data.statusLine().getText().startsWith("Edit of timeout = 0 failed"));
        assertThat(data.statusLine().getText()).contains("timeout");
        assertThat(pending.diffTable().getItemCount()).isZero();

        // edit 1: text; edit 2: an enumeration from its drop-down; edit 3: a boolean checkbox
        editText(hostname, "edge-7");
        await("hostname staged", () -> pending.diffTable().getItemCount() == 1);
        TreeItem ntp = expand(item(system.getItems(), "ntp").orElseThrow());
        TreeItem server = expand(item(expand(item(ntp.getItems(), "server").orElseThrow()).getItems(),
                "server [name=isp-ntp]").orElseThrow());
        TreeItem association = item(server.getItems(), "association-type").orElseThrow();
        assertThat(association.getText(2)).contains("enumeration");
        List<String> choices = chooseInCombo(association, "server");
        assertThat(choices).containsExactly("server", "peer", "pool");
        await("association-type staged", () -> pending.diffTable().getItemCount() == 2);
        TreeItem iburst = item(server.getItems(), "iburst").orElseThrow();
        assertThat(iburst.getText(1)).isEqualTo("true");
        toggleCheckbox(iburst);
        await("iburst staged", () -> pending.diffTable().getItemCount() == 3);

        // the diff: path, old, new, operation; the tree shows the staged values
        assertThat(row(0)).containsExactly("/system/hostname", "home-router", "edge-7", "merge");
        assertThat(row(1)).containsExactly("/system/ntp/server[name=isp-ntp]/association-type", "pool", "server",
                "merge");
        assertThat(row(2)).containsExactly("/system/ntp/server[name=isp-ntp]/iburst", "true", "false", "merge");
        await("the tree shows the staged value", () -> hostname.getText(1).equals("edge-7"));
        // the exact edit-config: the engine's delta, to the candidate
        String xml = pending.xmlText().getText();
        assertThat(xml).contains("<edit-config>").contains("<candidate/>").contains("<hostname>edge-7</hostname>")
                .contains("<association-type>server</association-type>").contains("<iburst>false</iburst>")
                .contains("<name>isp-ntp</name>").doesNotContain("location");
        assertThat(pending.lockLine().getText()).contains("candidate locked by this session");
        // nothing was sent yet
        assertThat(otherRunning()).contains("<hostname>home-router</hostname>");
        screenshot("data-1-staged-diff-and-xml");

        click(pending.validateButton());
        await("validated", () -> pending.statusLine().getText().startsWith("Valid:"));

        click(pending.commitButton());
        await("committed", () -> pending.statusLine().getText().equals("Committed 3 edits"));
        assertThat(pending.diffTable().getItemCount()).isZero();
        assertThat(pending.lockLine().getText()).contains("candidate not locked");
        String running = otherRunning();
        assertThat(running).contains("<hostname>edge-7</hostname>").contains(
                "<association-type>server</association-type>").contains("<iburst>false</iburst>");
        await("the tree is read again and shows the device's value", () -> item(tree().getItems(), "system")
                .flatMap(s -> item(s.getItems(), "hostname")).map(h -> h.getText(1).equals("edge-7")).orElse(false)
                && data.statusLine().getText().contains("running: "));
        screenshot("data-2-committed");
    }

    @Test
    void identitiesAreChosenFromADropDownAndListEntriesAndPresenceContainersAddedAndDeleted() throws Exception {
        connect(homeRouter());
        TreeItem interfaces = expand(item(tree().getItems(), "interfaces").orElseThrow());
        TreeItem list = expand(item(interfaces.getItems(), "interface").orElseThrow());
        TreeItem lo = expand(item(list.getItems(), "interface [name=lo]").orElseThrow());
        TreeItem type = item(lo.getItems(), "type").orElseThrow();
        assertThat(type.getText(1)).isEqualTo("iana-if-type:softwareLoopback");
        List<String> identities = chooseInCombo(type, "iana-if-type:other");
        assertThat(identities).contains("iana-if-type:ethernetCsmacd", "iana-if-type:softwareLoopback")
                .hasSizeGreaterThan(100);
        await("type staged", () -> pending.diffTable().getItemCount() == 1);
        // the engine's delta writes the identity with a prefix it declares
        assertThat(pending.xmlText().getText())
                .containsPattern("xmlns:(\\w+)=\"urn:ietf:params:xml:ns:yang:iana-if-type\">\\1:other</type>");

        // a presence container below lo: ipv6 (lo has only ipv4)
        select(lo);
        click(data.addButton());
        AddDialog dialog = awaitValue("the key dialog", data::addDialog);
        int ipv6 = dialog.choiceLabels().indexOf("ipv6 (presence container)");
        assertThat(ipv6).as("ipv6 offered in " + dialog.choiceLabels()).isNotNegative();
        dialog.whatCombo().select(ipv6);
        dialog.whatCombo().notifyListeners(SWT.Selection, new Event());
        assertThat(dialog.keyFields()).isEmpty();
        click(dialog.okButton());
        await("ipv6 staged", () -> pending.diffTable().getItemCount() == 2);

        // a new list entry through the key dialog: a user
        TreeItem system = expand(item(tree().getItems(), "system").orElseThrow());
        TreeItem auth = expand(item(system.getItems(), "authentication").orElseThrow());
        TreeItem users = expand(item(auth.getItems(), "user").orElseThrow());
        select(users);
        click(data.addButton());
        dialog = awaitValue("the key dialog", data::addDialog);
        assertThat(dialog.choiceLabels()).first().asString().startsWith("user (list entry, key name)");
        Text name = dialog.keyFields().get("name");
        name.setText("guest");
        screenshot("data-3-key-dialog");
        click(dialog.okButton());
        await("the user staged", () -> pending.diffTable().getItemCount() == 3);

        // delete an entry
        select(item(users.getItems(), "user [name=isp-support]").orElseThrow());
        click(data.deleteButton());
        await("the deletion staged", () -> pending.diffTable().getItemCount() == 4);
        assertThat(row(2)).containsExactly("/system/authentication/user[name=guest]", "", "guest", "create");
        assertThat(row(3)).containsExactly("/system/authentication/user[name=isp-support]", "", "", "delete");
        String xml = pending.xmlText().getText();
        assertThat(xml).contains("guest").contains("isp-support").contains("operation=\"delete\"")
                .contains("<ipv6");
        screenshot("data-4-added-and-deleted");

        click(pending.commitButton());
        await("committed", () -> pending.statusLine().getText().equals("Committed 4 edits"));
        String running = otherRunning();
        assertThat(running).contains("<name>guest</name>").doesNotContain("isp-support")
                .containsPattern(":other</type>");
        assertThat(other.getConfig(Datastore.RUNNING, Filter.subtree("<interfaces xmlns=\""
                + "urn:ietf:params:xml:ns:yang:ietf-interfaces\"><interface><name>lo</name></interface></interfaces>"),
                null).toXml()).contains("<ipv6");
    }

    @Test
    void aConfirmedCommitThatIsNotConfirmedRollsBackAndTheEditsStayStaged() throws Exception {
        connect(homeRouter());
        TreeItem system = expand(item(tree().getItems(), "system").orElseThrow());
        editText(item(system.getItems(), "hostname").orElseThrow(), "trial");
        await("staged", () -> pending.diffTable().getItemCount() == 1);
        pending.timeoutSpinner().setSelection(3);
        click(pending.confirmedCommitButton());
        await("the countdown", () -> pending.countdownLine().getText().startsWith("Confirm within"));
        assertThat(pending.confirmButton().isEnabled()).isTrue();
        assertThat(pending.cancelButton().isEnabled()).isTrue();
        assertThat(otherRunning()).contains("<hostname>trial</hostname>");
        screenshot("data-5-confirmed-commit-countdown");

        // nobody confirms: the device rolls back by itself
        await("the device rolled back", () -> otherRunningUnchecked().contains("<hostname>home-router</hostname>"));
        await("the view says so", () -> pending.statusLine().getText().startsWith("Not confirmed in time"));
        assertThat(pending.countdownLine().getText()).isEmpty();
        assertThat(pending.diffTable().getItemCount()).as("the edit is staged again").isEqualTo(1);
        assertThat(pending.commitButton().isEnabled()).isTrue();
        await("the data tree shows the rolled-back value", () -> item(tree().getItems(), "system")
                .flatMap(s -> item(s.getItems(), "hostname")).isPresent()
                && data.statusLine().getText().contains("running: "));
        screenshot("data-6-rolled-back");

        // and a confirmed commit that is confirmed stays
        click(pending.confirmedCommitButton());
        await("the countdown again", () -> pending.confirmButton().isEnabled());
        click(pending.confirmButton());
        await("confirmed", () -> pending.statusLine().getText().startsWith("Confirmed: 1 edit kept"));
        Thread.sleep(3500);
        assertThat(otherRunning()).contains("<hostname>trial</hostname>");
    }

    @Test
    void aLockHeldByAnotherSessionBlocksTheCommitAndTheEditsSurvive() throws Exception {
        connect(homeRouter());
        other.lock(Datastore.CANDIDATE);
        long holder = other.session().sessionId();
        TreeItem system = expand(item(tree().getItems(), "system").orElseThrow());
        editText(item(system.getItems(), "location").orElseThrow(), "Attic");
        await("staged", () -> pending.diffTable().getItemCount() == 1);
        await("the holder is shown", () -> pending.lockLine().getText().contains("candidate locked by session "
                + holder));
        assertThat(red(pending.lockLine().getForeground().getRGB())).isTrue();

        click(pending.commitButton());
        await("the refusal", () -> red(pending.statusLine().getForeground().getRGB())
                && pending.statusLine().getText().startsWith("Not sent"));
        assertThat(pending.statusLine().getText()).contains("locked by session " + holder)
                .contains("the 1 staged edit is kept");
        assertThat(pending.diffTable().getItemCount()).isEqualTo(1);
        assertThat(pending.xmlText().getText()).contains("<location>Attic</location>");
        assertThat(otherRunning()).doesNotContain("Attic");
        screenshot("data-7-lock-held-elsewhere");

        // the other session lets go: the same staged edit goes through
        other.unlock(Datastore.CANDIDATE);
        click(pending.commitButton());
        await("committed", () -> pending.statusLine().getText().equals("Committed 1 edit"));
        assertThat(otherRunning()).contains("<location>Attic</location>");
    }

    @Test
    void aConfigChangeByAnotherSessionRefreshesTheTree() throws Exception {
        connect(homeRouter());
        TreeItem system = expand(item(tree().getItems(), "system").orElseThrow());
        assertThat(item(system.getItems(), "contact").orElseThrow().getText(1)).isEqualTo("support@isp.example.net");
        int reads = data.completedReads();
        other.editConfig(EditConfig.to(Datastore.RUNNING).config("<system xmlns=\"" + SYS
                + "\"><contact>noc@example.org</contact></system>"));
        await("the tree is read again by itself", () -> data.completedReads() > reads
                && data.statusLine().getText().contains("changed by another session"));
        TreeItem contact = awaitValue("the new contact", () -> item(tree().getItems(), "system")
                .filter(s -> s.getExpanded() || expandQuietly(s))
                .flatMap(s -> item(s.getItems(), "contact")).filter(c -> c.getText(1).equals("noc@example.org")));
        assertThat(contact.getText(1)).isEqualTo("noc@example.org");
        screenshot("data-8-config-change-refresh");
    }

    @Test
    void aFilterIsSentToTheDeviceAndOtherDatastoresAreRead() throws Exception {
        connect(homeRouter());
        data.filterText().setText("/sys:system/sys:ntp");
        click(data.readButton());
        await("filtered read", () -> data.statusLine().getText().contains("(filter /sys:system/sys:ntp): 1 top-level"));
        TreeItem system = expand(item(tree().getItems(), "system").orElseThrow());
        assertThat(names(system.getItems())).containsExactly("ntp");
        data.filterText().setText("<interfaces xmlns=\"urn:ietf:params:xml:ns:yang:ietf-interfaces\"/>");
        click(data.readButton());
        await("subtree read", () -> data.statusLine().getText().contains("ietf-interfaces\"/>): 1 top-level"));
        assertThat(names(tree().getItems())).containsExactly("interfaces");
        data.filterText().setText("/sys:system[");
        click(data.readButton());
        await("a bad filter is refused", () -> data.statusLine().getText().contains("failed"));
        assertThat(red(data.statusLine().getForeground().getRGB())).isTrue();

        data.filterText().setText("");
        data.storeCombo().select(3);
        data.storeCombo().notifyListeners(SWT.Selection, new Event());
        await("operational", () -> data.statusLine().getText().startsWith("operational: "));
        TreeItem state = awaitValue("state data", () -> item(tree().getItems(), "system-state"));
        assertThat(state.getText(3)).isEqualTo("state");
        assertThat(data.addButton().isEnabled()).as("operational is not edited").isFalse();
        screenshot("data-9-operational");
    }

    @Test
    void leafrefsOfferTheValuesFoundInTheData() throws Exception {
        connect(labDevice());
        TreeItem lab = expand(item(tree().getItems(), "lab").orElseThrow());
        TreeItem uplink = item(lab.getItems(), "uplink").orElseThrow();
        assertThat(uplink.getText(1)).isEqualTo("p1");
        assertThat(uplink.getText(2)).contains("leafref");
        assertThat(chooseInCombo(uplink, "p3")).containsExactly("p1", "p2", "p3");
        await("uplink staged", () -> pending.diffTable().getItemCount() == 1);
        // a relative path (../../port/name) from inside a list entry
        TreeItem vlan = expand(item(expand(item(lab.getItems(), "vlan").orElseThrow()).getItems(),
                "vlan [id=10]").orElseThrow());
        assertThat(chooseInCombo(item(vlan.getItems(), "port").orElseThrow(), "p3")).containsExactly("p1", "p2",
                "p3");
        await("vlan port staged", () -> pending.diffTable().getItemCount() == 2);
        screenshot("data-11-leafref-choices");
        click(pending.commitButton());
        await("committed", () -> pending.statusLine().getText().equals("Committed 2 edits"));
        assertThat(otherRunning()).contains("<uplink>p3</uplink>").contains("<port>p3</port>");
    }

    // ------------------------------------------------------------------ devices

    private static SimulatedDevice homeRouter() throws Exception {
        return SimulatedDevice.create("ui-router", Profile.named("home-router"));
    }

    /** A small profile with leafrefs (absolute and relative), written for this test. */
    private SimulatedDevice labDevice() throws Exception {
        Path dir = tmp.resolve("lab-profile");
        Files.createDirectories(dir.resolve("yang"));
        Files.writeString(dir.resolve("profile.properties"), "description=leafref test device\nconfig=config.xml\n");
        Files.writeString(dir.resolve("yang/lab@2026-11-22.yang"), """
                module lab {
                  yang-version 1.1;
                  namespace "urn:homeport:test:lab";
                  prefix lab;
                  revision 2026-11-22;
                  container lab {
                    list port {
                      key name;
                      leaf name { type string; }
                    }
                    leaf uplink {
                      type leafref { path "/lab:lab/lab:port/lab:name"; }
                    }
                    list vlan {
                      key id;
                      leaf id { type uint16 { range "1..4094"; } }
                      leaf port { type leafref { path "../../port/name"; } }
                    }
                  }
                }
                """);
        Files.writeString(dir.resolve("config.xml"), """
                <config xmlns="urn:ietf:params:xml:ns:netconf:base:1.0">
                  <lab xmlns="urn:homeport:test:lab">
                    <port><name>p1</name></port><port><name>p2</name></port><port><name>p3</name></port>
                    <uplink>p1</uplink>
                    <vlan><id>10</id><port>p2</port></vlan>
                  </lab>
                </config>
                """);
        return SimulatedDevice.create("lab-1", Profile.load(dir));
    }

    // ------------------------------------------------------------------ the device, directly

    private String otherRunning() throws Exception {
        return other.getConfig(Datastore.RUNNING).toXml();
    }

    private String otherRunningUnchecked() {
        try {
            return otherRunning();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ driving the widgets

    private Tree tree() {
        return data.tree().getTree();
    }

    private List<String> columnTitles() {
        return Arrays.stream(tree().getColumns()).map(c -> c.getText()).toList();
    }

    private String[] row(int i) {
        var r = pending.diffTable().getItem(i);
        return new String[] {r.getText(0), r.getText(1), r.getText(2), r.getText(3)};
    }

    private void click(Button b) {
        pump();
        assertThat(b.isEnabled()).as("button " + b.getText() + " enabled").isTrue();
        b.notifyListeners(SWT.Selection, new Event());
        pump();
    }

    private void select(TreeItem item) {
        Tree t = item.getParent();
        t.setSelection(item);
        Event e = new Event();
        e.item = item;
        t.notifyListeners(SWT.Selection, e);
        pump();
    }

    private TreeItem expand(TreeItem item) {
        Tree t = item.getParent();
        Event e = new Event();
        e.item = item;
        t.notifyListeners(SWT.Expand, e);
        item.setExpanded(true);
        pump();
        assertThat(item.getItemCount()).as("children of " + item.getText()).isPositive();
        return item;
    }

    private boolean expandQuietly(TreeItem item) {
        expand(item);
        return true;
    }

    private void openEditor(TreeItem item) {
        tree().setSelection(item);
        data.tree().editElement(item.getData(), 1);
        pump();
    }

    private void editText(TreeItem item, String value) {
        openEditor(item);
        Text editor = Arrays.stream(tree().getChildren()).filter(c -> c instanceof Text && c.isVisible())
                .map(Text.class::cast).findFirst().orElseThrow(() -> new AssertionError("no text editor opened"));
        editor.setText(value);
        editor.notifyListeners(SWT.DefaultSelection, new Event());
        pump();
    }

    /** Opens the drop-down editor, picks {@code value}, and returns what it offered. */
    private List<String> chooseInCombo(TreeItem item, String value) {
        openEditor(item);
        CCombo combo = Arrays.stream(tree().getChildren()).filter(c -> c instanceof CCombo && c.isVisible())
                .map(CCombo.class::cast).findFirst().orElseThrow(() -> new AssertionError("no drop-down opened"));
        List<String> offered = List.of(combo.getItems());
        combo.select(offered.indexOf(value));
        combo.notifyListeners(SWT.Selection, new Event());
        combo.notifyListeners(SWT.DefaultSelection, new Event());
        pump();
        return offered;
    }

    /** A boolean's editor is a checkbox: activating it flips the value. */
    private void toggleCheckbox(TreeItem item) {
        assertThat(Arrays.stream(tree().getChildren()).anyMatch(c -> c instanceof Text && c.isVisible())).isFalse();
        openEditor(item);
    }

    private boolean red(org.eclipse.swt.graphics.RGB rgb) {
        return rgb.equals(display.getSystemColor(SWT.COLOR_RED).getRGB());
    }

    private static Optional<TreeItem> item(TreeItem[] items, String name) {
        return Arrays.stream(items).filter(i -> name.equals(i.getText(0))).findFirst();
    }

    private static List<String> names(TreeItem[] items) {
        return Arrays.stream(items).map(i -> i.getText(0)).toList();
    }

    private void pump() {
        while (display.readAndDispatch()) {
            // run what is queued
        }
    }

    private void await(String what, BooleanSupplier condition) {
        awaitValue(what, () -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    private <T> T awaitValue(String what, Supplier<Optional<T>> value) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            pump();
            Optional<T> v = value.get();
            if (v.isPresent()) {
                return v.get();
            }
            display.timerExec(50, () -> { });
            display.sleep();
        }
        screenshot("failed-" + what.replaceAll("\\W+", "-"));
        throw new AssertionError("timed out waiting for " + what + "; data: " + data.statusLine().getText()
                + " | pending: " + pending.statusLine().getText() + " | lock: " + pending.lockLine().getText());
    }

    private void screenshot(String name) {
        pump();
        Rectangle r = shell.getBounds();
        Image image = new Image(display, r.width, r.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, r.x, r.y);
            ImageLoader png = new ImageLoader();
            png.data = new ImageData[] {image.getImageData()};
            png.save(OUTPUT.resolve("ui-" + name + ".png").toString(), SWT.IMAGE_PNG);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}

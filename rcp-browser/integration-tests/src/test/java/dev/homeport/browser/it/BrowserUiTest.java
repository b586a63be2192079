package dev.homeport.browser.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.browser.core.BrowserSettings;
import dev.homeport.browser.core.DeviceBrowser;
import dev.homeport.browser.demo.Demo;
import dev.homeport.browser.ui.DataPanel;
import dev.homeport.browser.ui.DevicesPanel;
import dev.homeport.browser.ui.PendingChangesPanel;
import dev.homeport.browser.ui.SchemaPanel;
import dev.homeport.netconf.callhome.CallHomeTrust;
import dev.homeport.netconf.ops.Datastore;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.schema.ModuleCache;
import dev.homeport.netconf.server.host.CallHomePolicy;
import dev.homeport.netconf.server.host.SshDeviceHost;
import dev.homeport.netconf.server.sim.SimulatedDevice;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.session.SessionOptions;
import dev.homeport.netconf.transport.ssh.HostKeyVerifier;
import dev.homeport.netconf.transport.ssh.HostKeys;
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
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser's Devices, Schema and Data panels in a real SWT window (on the private X server of xvfb-java), on a
 * real engine call-home listener, with a simulated device calling home over SSH on loopback. The test acts through
 * the widgets, as a user would: it clicks, selects, expands and types; it reads what the widgets show.
 */
class BrowserUiTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path OUTPUT = Path.of(System.getProperty("homeport.test.output"));

    @TempDir
    Path tmp;

    private Display display;
    private Shell shell;
    private DeviceBrowser browser;
    private SshDeviceHost devices;
    private DevicesPanel devicesPanel;
    private SchemaPanel schemaPanel;
    private DataPanel dataPanel;
    private PendingChangesPanel pendingPanel;

    @BeforeEach
    void openWindow() throws Exception {
        Files.createDirectories(OUTPUT);
        display = new Display();
        shell = new Shell(display);
        shell.setText("Homeport browser (UI test)");
        shell.setLayout(new FillLayout());
        browser = new DeviceBrowser(CallHomeTrust.inMemory(), new ModuleCache(tmp.resolve("modules")));
        browser.applySettings(new BrowserSettings("127.0.0.1", 0, "admin", "admin".toCharArray()));
        SashForm rows = new SashForm(shell, SWT.VERTICAL);
        devicesPanel = new DevicesPanel(rows, browser);
        SashForm columns = new SashForm(rows, SWT.HORIZONTAL);
        schemaPanel = new SchemaPanel(columns, browser);
        dataPanel = new DataPanel(columns, browser);
        pendingPanel = new PendingChangesPanel(columns, browser);
        columns.setWeights(30, 40, 30);
        rows.setWeights(35, 65);
        shell.setBounds(0, 0, 1380, 980);
        shell.open();
        devices = SshDeviceHost.start();
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
    void aDeviceCallsHomeIsTrustedAndItsSchemaAndDataAreBrowsedAndEdited() throws Exception {
        click(devicesPanel.listenButton());
        await("the listener starts", () -> browser.isListening()
                && devicesPanel.listenerStateLine().getText().startsWith("Call home (SSH) listening on 127.0.0.1:"));
        InetSocketAddress manager = browser.sshAddress().orElseThrow();
        assertThat(manager.getPort()).isPositive();

        SimulatedDevice router = Demo.device("ui-test-router");
        devices.callHome(router, manager, InetAddress.getLoopbackAddress(), CallHomePolicy.persistent());

        // pending, with the fingerprint the device really has
        TableItem row = awaitValue("the device waiting for approval", () -> rowOf(fingerprint(router))
                .filter(r -> r.getText(0).equals("waiting for approval")));
        assertThat(row.getText(1)).startsWith("127.0.0.1:");
        assertThat(row.getText(2)).isEqualTo(HostKeys.type(router.hostKey().getPublic()) + " " + fingerprint(router));
        select(devicesPanel.table().getTable(), row);
        assertThat(devicesPanel.trustButton().isEnabled()).isTrue();
        screenshot("1-device-waiting-for-approval");

        click(devicesPanel.trustButton());
        await("the device is connected", () -> rowOf(fingerprint(router))
                .map(r -> r.getText(0).equals("connected")).orElse(false));

        // the schema: modules, then containers and leaves with their types
        Tree schema = schemaPanel.tree().getTree();
        TreeItem system = awaitValue("the ietf-system module in the schema tree",
                () -> item(schema.getItems(), "ietf-system@2014-08-06"));
        assertThat(system.getText(1)).isEqualTo("module");
        expand(schema, system);
        TreeItem systemContainer = item(system.getItems(), "system").orElseThrow();
        assertThat(systemContainer.getText(1)).isEqualTo("container");
        assertThat(systemContainer.getText(3)).isEqualTo("config");
        assertThat(item(system.getItems(), "system-state").orElseThrow().getText(3)).isEqualTo("state");
        assertThat(names(system.getItems())).contains("set-current-datetime", "system-restart");
        expand(schema, systemContainer);
        TreeItem hostnameSchema = item(systemContainer.getItems(), "hostname").orElseThrow();
        assertThat(hostnameSchema.getText(1)).isEqualTo("leaf");
        assertThat(hostnameSchema.getText(2)).isEqualTo("domain-name (string)");
        TreeItem ntp = item(systemContainer.getItems(), "ntp").orElseThrow();
        expand(schema, ntp);
        assertThat(names(ntp.getItems())).contains("server [name]");
        // icons by kind: every node has one, the same kind the same icon, another kind another
        TreeItem serverList = item(ntp.getItems(), "server [name]").orElseThrow();
        TreeItem enabledLeaf = item(ntp.getItems(), "enabled").orElseThrow();
        assertThat(List.of(system, systemContainer, hostnameSchema, ntp, serverList, enabledLeaf))
                .allSatisfy(i -> assertThat(i.getImage()).as(i.getText()).isNotNull());
        assertThat(enabledLeaf.getImage()).isSameAs(hostnameSchema.getImage());
        assertThat(item(system.getItems(), "system-state").orElseThrow().getImage()).isSameAs(systemContainer.getImage());
        assertThat(ntp.getImage()).isNotSameAs(hostnameSchema.getImage());
        assertThat(serverList.getImage()).isNotSameAs(systemContainer.getImage()).isNotSameAs(hostnameSchema.getImage());
        assertThat(system.getImage()).isNotSameAs(systemContainer.getImage());
        // drawn, not blank: the badge's middle is opaque, its corner transparent
        org.eclipse.swt.graphics.ImageData badge = serverList.getImage().getImageData();
        assertThat(badge.getAlpha(8, 8)).isGreaterThan(200);
        assertThat(badge.getAlpha(0, 0)).isLessThan(50);
        screenshot("2-schema-tree");

        // the running datastore as a tree with values
        Tree data = dataPanel.tree().getTree();
        assertThat(dataPanel.storeCombo().getItems()).contains("running", "candidate", "operational");
        TreeItem systemData = awaitValue("running's system container", () -> item(data.getItems(), "system"));
        expand(data, systemData);
        TreeItem hostname = item(systemData.getItems(), "hostname").orElseThrow();
        assertThat(hostname.getText(1)).isEqualTo("home-router"); // the simulator's home-router profile
        TreeItem clock = item(systemData.getItems(), "clock").orElseThrow();
        expand(data, clock);
        TreeItem timezone = item(clock.getItems(), "(timezone)").orElseThrow();
        expand(data, timezone);
        assertThat(item(timezone.getItems(), "timezone-name").orElseThrow().getText(1)).isEqualTo("Europe/Zurich");
        screenshot("3-running-datastore");

        // edit the hostname in place: staged, then candidate + commit on the device
        edit(hostname, "edge-7");
        await("the edit is staged", () -> pendingPanel.diffTable().getItemCount() == 1);
        click(pendingPanel.commitButton());
        await("the edit is committed", () -> pendingPanel.statusLine().getText().equals("Committed 1 edit"));
        assertThat(runningXml(router)).contains("<hostname>edge-7</hostname>");
        TreeItem reread = awaitValue("the tree shows the new value", () -> item(data.getItems(), "system")
                .flatMap(s -> item(s.getItems(), "hostname")).filter(h -> h.getText(1).equals("edge-7")));
        assertThat(reread.getText(1)).isEqualTo("edge-7");
        screenshot("4-hostname-committed");

        // a second, independent engine client reads the new value from the device
        assertThat(readRunningDirectly(router)).contains("<hostname>edge-7</hostname>");

        // a value outside the leaf's type (its pattern) is refused with a clear message, and nothing is staged
        TreeItem hostnameNow = item(item(data.getItems(), "system").orElseThrow().getItems(), "hostname")
                .orElseThrow();
        edit(hostnameNow, "bad host!");
        await("the error is shown", () -> dataPanel.statusLine().getText()
                .startsWith("Edit of hostname = bad host! failed:"));
        assertThat(dataPanel.statusLine().getText()).contains("bad host!");
        assertThat(dataPanel.statusLine().getForeground().getRGB())
                .isEqualTo(display.getSystemColor(SWT.COLOR_RED).getRGB());
        assertThat(pendingPanel.diffTable().getItemCount()).isZero();
        assertThat(runningXml(router)).contains("<hostname>edge-7</hostname>").doesNotContain("bad host");
        screenshot("5-invalid-value-refused");
    }

    @Test
    void aDeviceWhoseKeyChangedIsBlockedWithItsFingerprint() throws Exception {
        click(devicesPanel.listenButton());
        await("the listener starts", browser::isListening);
        InetSocketAddress manager = browser.sshAddress().orElseThrow();
        SimulatedDevice router = Demo.device("ui-test-router");
        var call = devices.callHome(router, manager, InetAddress.getLoopbackAddress(), CallHomePolicy.persistent());
        TableItem row = awaitValue("the device waiting for approval", () -> rowOf(fingerprint(router)));
        select(devicesPanel.table().getTable(), row);
        click(devicesPanel.trustButton());
        await("the device is connected", () -> rowOf(fingerprint(router))
                .map(r -> r.getText(0).equals("connected")).orElse(false));
        devices.remove(call);

        // another key from the same address: RFC 8071 trust is per device key, and this one is not the pinned one
        SimulatedDevice impostor = Demo.device("ui-test-impostor");
        devices.callHome(impostor, manager, InetAddress.getLoopbackAddress(), CallHomePolicy.persistent());
        TableItem blocked = awaitValue("the changed key is blocked", () -> rowOf(fingerprint(impostor))
                .filter(r -> r.getText(0).equals("blocked")));
        assertThat(blocked.getText(4)).as("the reason shown").isNotBlank();
        assertThat(blocked.getText(4)).contains(fingerprint(router));
        screenshot("6-changed-key-blocked");
    }

    private String readRunningDirectly(SimulatedDevice router) throws Exception {
        try (var listener = devices.listen(router, new InetSocketAddress("127.0.0.1", 0));
             SshConnector ssh = new SshConnector()) {
            HostKeyVerifier onlyRouter = (host, port, remote, key) -> HostKeys.same(key, router.hostKey().getPublic())
                    ? HostKeyVerifier.accept() : HostKeyVerifier.reject("not the router's key");
            try (NetconfClient client = new NetconfClient(NetconfSession.open(ssh.connect("127.0.0.1",
                    listener.address().getPort(), SshAuth.password("admin", "admin"), onlyRouter),
                    SessionOptions.defaults()))) {
                return client.getConfig(Datastore.RUNNING).toXml();
            }
        }
    }

    /** The device's host-key fingerprint, as the Devices view shows it. */
    static String fingerprint(SimulatedDevice d) {
        return HostKeys.fingerprint(d.hostKey().getPublic());
    }

    /** The device's running datastore as XML (the simulator's own view, not through NETCONF). */
    static String runningXml(SimulatedDevice d) {
        return d.profile().codec().toXml(d.running());
    }

    // ------------------------------------------------------------------ driving the widgets

    private void click(Button b) {
        assertThat(b.isEnabled()).as("button " + b.getText() + " enabled").isTrue();
        b.notifyListeners(SWT.Selection, new Event());
        pump();
    }

    private void select(Table table, TableItem row) {
        table.setSelection(row);
        Event e = new Event();
        e.item = row;
        table.notifyListeners(SWT.Selection, e);
        pump();
    }

    private void expand(Tree tree, TreeItem item) {
        Event e = new Event();
        e.item = item;
        tree.notifyListeners(SWT.Expand, e);
        item.setExpanded(true);
        pump();
        assertThat(item.getItemCount()).as("children of " + item.getText()).isPositive();
    }

    /** Selects the item, opens the value's cell editor as a double-click would, types and presses Enter. */
    private void edit(TreeItem item, String value) {
        Tree tree = item.getParent();
        tree.setSelection(item);
        dataPanel.tree().editElement(item.getData(), 1);
        pump();
        Text editor = Arrays.stream(tree.getChildren()).filter(c -> c instanceof Text && c.isVisible())
                .map(Text.class::cast).findFirst().orElseThrow(() -> new AssertionError("no cell editor opened"));
        editor.setText(value);
        editor.notifyListeners(SWT.DefaultSelection, new Event());
        pump();
    }

    private Optional<TableItem> rowOf(String fingerprint) {
        return Arrays.stream(devicesPanel.table().getTable().getItems())
                .filter(r -> r.getText(2).endsWith(" " + fingerprint)).findFirst();
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

    /** Runs the UI loop until the value is there; fails with the status lines (where errors show) when not. */
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
        throw new AssertionError("timed out waiting for " + what + "; devices: "
                + devicesPanel.statusLine().getText() + " | schema: " + schemaPanel.statusLine().getText()
                + " | data: " + dataPanel.statusLine().getText());
    }

    /** The window as it is on screen, saved as a test artifact. */
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

    @SuppressWarnings("unused")
    private static boolean visible(Control c) {
        return c.isVisible();
    }
}

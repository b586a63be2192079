package dev.homeport.browser.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.browser.core.BrowserSettings;
import dev.homeport.browser.core.BrowserState;
import dev.homeport.browser.core.CredentialStore;
import dev.homeport.browser.core.DeviceBrowser;
import dev.homeport.browser.demo.Demo;
import dev.homeport.browser.ui.ConnectDialog;
import dev.homeport.browser.ui.DevicesPanel;
import dev.homeport.browser.ui.SchemaPanel;
import dev.homeport.netconf.callhome.CallHomeTrust;
import dev.homeport.netconf.schema.ModuleCache;
import dev.homeport.netconf.server.host.CallHomePolicy;
import dev.homeport.netconf.server.host.SshDeviceHost;
import dev.homeport.netconf.server.host.TlsDeviceHost;
import dev.homeport.netconf.server.sim.SimulatedDevice;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import dev.homeport.netconf.transport.tls.CertificateAuthority;
import dev.homeport.netconf.transport.tls.KnownCertificates;
import java.io.IOException;
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
import java.util.stream.Stream;
import org.eclipse.swt.SWT;
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
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Devices panel's listeners and actions in a real SWT window, against the engine's simulated devices on
 * loopback: TLS call home next to SSH, "Connect..." to an ordinary device with a saved profile, Disconnect,
 * Reconnect, Forget, and the browser's state (known devices, pinned keys, listener settings, UI state) coming back
 * when a new {@link DeviceBrowser} opens the same workspace.
 */
class DevicesUiTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path OUTPUT = Path.of(System.getProperty("homeport.test.output"));

    @TempDir
    Path tmp;

    private Display display;
    private Shell shell;
    private DeviceBrowser browser;
    private DevicesPanel devicesPanel;
    private SchemaPanel schemaPanel;
    private SshDeviceHost sshDevices;
    private TlsDeviceHost tlsDevices;

    @BeforeEach
    void openDisplay() throws IOException {
        Files.createDirectories(OUTPUT);
        display = new Display();
        sshDevices = SshDeviceHost.start();
        tlsDevices = TlsDeviceHost.start();
    }

    @AfterEach
    void close() {
        sshDevices.close();
        tlsDevices.close();
        closeWindow();
        display.dispose();
    }

    /** A browser over a workspace folder: known_hosts, known_certificates and the state file in it. */
    private DeviceBrowser workspaceBrowser(Path workspace, CredentialStore credentials) throws IOException {
        Path state = workspace.resolve(".homeport");
        return new DeviceBrowser(new CallHomeTrust(KnownHosts.file(state.resolve("known_hosts"),
                KnownHosts.Policy.STRICT), KnownCertificates.file(state.resolve("known_certificates"),
                KnownCertificates.Policy.STRICT)), new ModuleCache(tmp.resolve("modules")),
                BrowserState.file(state.resolve("browser.properties")), credentials);
    }

    private void openWindow(DeviceBrowser b) {
        browser = b;
        shell = new Shell(display);
        shell.setText("Homeport devices (UI test)");
        shell.setLayout(new FillLayout());
        SashForm rows = new SashForm(shell, SWT.VERTICAL);
        devicesPanel = new DevicesPanel(rows, browser);
        schemaPanel = new SchemaPanel(rows, browser);
        rows.setWeights(55, 45);
        shell.setBounds(0, 0, 1380, 900);
        shell.open();
        pump();
    }

    private void closeWindow() {
        if (shell != null && !shell.isDisposed()) {
            shell.dispose();
        }
        if (browser != null) {
            browser.close();
        }
        shell = null;
        browser = null;
    }

    @Test
    void aTlsDeviceCallsHomeNextToSshIsTrustedAndConnects() throws Exception {
        DeviceBrowser b = new DeviceBrowser(CallHomeTrust.inMemory(), new ModuleCache(tmp.resolve("modules")));
        b.applySettings(new BrowserSettings("127.0.0.1", 0, "admin", "admin".toCharArray()));
        openWindow(b);
        // the manager's client certificate, issued by the devices' CA (RFC 7589 mutual authentication)
        CertificateAuthority ca = CertificateAuthority.openOrCreate(tmp.resolve("ca"), "UI test device CA");
        ca.identity("admin", CertificateAuthority.Purpose.CLIENT, List.of());
        devicesPanel.tlsPortField().setText("0");
        devicesPanel.certificateField().setText(tmp.resolve("ca/admin.crt").toString());
        devicesPanel.keyField().setText(tmp.resolve("ca/admin.key").toString());

        click(devicesPanel.sshSwitch());
        await("the SSH listener starts", () -> devicesPanel.listenerStateLine().getText()
                .startsWith("Call home (SSH) listening on 127.0.0.1:"));
        click(devicesPanel.tlsSwitch());
        await("the TLS listener starts", () -> devicesPanel.tlsStateLine().getText()
                .startsWith("Call home (TLS) listening on 127.0.0.1:"));
        assertThat(devicesPanel.tlsSwitch().getText()).isEqualTo("Stop TLS");
        InetSocketAddress tls = browser.tlsAddress().orElseThrow();
        assertThat(tls.getPort()).isPositive().isNotEqualTo(browser.sshAddress().orElseThrow().getPort());

        SimulatedDevice router = Demo.device("tls-router");
        TlsDeviceHost.DeviceTls deviceTls = TlsDeviceHost.DeviceTls.issuedBy(ca, ca.identity("tls-router",
                CertificateAuthority.Purpose.SERVER, List.of("127.0.0.1")));
        tlsDevices.callHome(router, deviceTls, tls, InetAddress.getLoopbackAddress(), CallHomePolicy.persistent());

        TableItem row = awaitValue("the TLS device waiting for approval", () -> rowOf(deviceTls.fingerprint())
                .filter(r -> r.getText(0).equals("waiting for approval")));
        assertThat(row.getText(2)).startsWith("X.509").endsWith(" " + deviceTls.fingerprint());
        assertThat(row.getText(5)).isEqualTo("TLS call home");
        select(devicesPanel.table().getTable(), row);
        screenshot("devices-1-tls-device-waiting");
        click(devicesPanel.trustButton());
        await("the TLS device is connected", () -> rowOf(deviceTls.fingerprint())
                .map(r -> r.getText(0).equals("connected")).orElse(false));
        // connected for real: its schema comes over the TLS session
        awaitValue("the schema of the TLS device", () -> Arrays.stream(schemaPanel.tree().getTree().getItems())
                .filter(i -> i.getText(0).startsWith("ietf-system@")).findFirst());
        assertThat(browser.trust().certificates().entries()).extracting(e -> e.fingerprint())
                .containsExactly(deviceTls.fingerprint());
        screenshot("devices-2-tls-device-connected");

        // each listener has its own switch: SSH stops, TLS goes on
        click(devicesPanel.sshSwitch());
        await("the SSH listener stops", () -> devicesPanel.listenerStateLine().getText()
                .equals("SSH call home stopped"));
        assertThat(browser.isTlsListening()).isTrue();
        assertThat(rowOf(deviceTls.fingerprint()).orElseThrow().getText(0)).isEqualTo("connected");
    }

    @Test
    void connectToAnOrdinaryDeviceWithASavedProfileThenDisconnectReconnectAndForget() throws Exception {
        DeviceBrowser b = new DeviceBrowser(CallHomeTrust.inMemory(), new ModuleCache(tmp.resolve("modules")));
        openWindow(b);
        SimulatedDevice router = Demo.device("direct-router");
        var listener = sshDevices.listen(router, new InetSocketAddress("127.0.0.1", 0));
        int port = listener.address().getPort();

        // a profile: the user and password typed, saved under a name
        devicesPanel.userField().setText("admin");
        devicesPanel.passwordField().setText("admin");
        devicesPanel.profileNameField().setText("lab");
        click(devicesPanel.saveProfileButton());
        await("the profile is saved", () -> devicesPanel.statusLine().getText().equals("Saved profile lab (user admin)"));
        assertThat(devicesPanel.loginChoice().getItems()).containsExactly(DevicesPanel.LISTENER_LOGIN, "lab");
        assertThat(browser.credentials().password("lab")).hasValueSatisfying(p -> assertThat(p).containsExactly(
                'a', 'd', 'm', 'i', 'n'));

        // Connect... without trusting a new key: refused, with the key's fingerprint
        ConnectDialog dialog = openConnect(port, "lab", false);
        dialog.pressConnect();
        String id = "ssh://127.0.0.1:" + port;
        TableItem refused = awaitValue("the unknown key refused", () -> rowOfId(port)
                .filter(r -> r.getText(0).equals("connect failed")));
        // the row follows the device's state; the status line follows when the connect job reports its failure
        await("the refusal in the status line", () -> devicesPanel.statusLine().getText().contains("Connect to " + id));
        assertThat(refused.getText(4)).contains(BrowserUiTest.fingerprint(router));

        dialog = openConnect(port, "lab", true);
        screenshot("devices-3-connect-dialog");
        dialog.pressConnect();
        TableItem row = awaitValue("the ordinary device connected", () -> rowOfId(port)
                .filter(r -> r.getText(0).equals("connected")));
        assertThat(row.getText(2)).endsWith(" " + BrowserUiTest.fingerprint(router));
        assertThat(row.getText(6)).isEqualTo("lab");
        assertThat(browser.trust().store().entries()).hasSize(1);
        select(devicesPanel.table().getTable(), row);
        awaitValue("its schema", () -> Arrays.stream(schemaPanel.tree().getTree().getItems())
                .filter(i -> i.getText(0).startsWith("ietf-system@")).findFirst());
        assertThat(router.sessionIds()).hasSize(1);
        screenshot("devices-4-ordinary-device-connected");

        click(devicesPanel.disconnectButton());
        await("disconnected", () -> rowOfId(port).map(r -> r.getText(0).equals("known, offline")).orElse(false));
        await("the device saw the session end", () -> router.sessionIds().isEmpty());

        select(devicesPanel.table().getTable(), rowOfId(port).orElseThrow());
        click(devicesPanel.reconnectButton());
        await("reconnected", () -> rowOfId(port).map(r -> r.getText(0).equals("connected")).orElse(false));
        assertThat(router.sessionIds()).hasSize(1);

        select(devicesPanel.table().getTable(), rowOfId(port).orElseThrow());
        click(devicesPanel.forgetButton());
        await("forgotten", () -> rowOfId(port).isEmpty());
        assertThat(browser.trust().store().entries()).as("the key is unpinned").isEmpty();
        await("the device saw the session end", () -> router.sessionIds().isEmpty());
    }

    @Test
    void knownDevicesPinnedKeysListenerSettingsAndUiStateComeBackAfterARestart() throws Exception {
        Path workspace = tmp.resolve("workspace");
        CredentialStore credentials = CredentialStore.inMemory(); // Eclipse secure storage needs OSGi
        credentials.save(new CredentialStore.Profile("lab", "admin"), "admin".toCharArray());
        DeviceBrowser first = workspaceBrowser(workspace, credentials);
        first.applySettings(new BrowserSettings("127.0.0.1", 0, "admin", "s3cret-listener".toCharArray()));
        openWindow(first);
        click(devicesPanel.sshSwitch());
        await("the SSH listener starts", browser::isSshListening);
        SimulatedDevice router = Demo.device("restart-router");
        String fp = BrowserUiTest.fingerprint(router);
        sshDevices.callHome(router, browser.sshAddress().orElseThrow(), InetAddress.getLoopbackAddress(),
                CallHomePolicy.persistent());
        TableItem row = awaitValue("pending", () -> rowOf(fp));
        select(devicesPanel.table().getTable(), row);
        devicesPanel.loginChoice().setText("lab");
        click(devicesPanel.trustButton());
        await("connected with the profile", () -> rowOf(fp).map(r -> r.getText(0).equals("connected")
                && r.getText(6).equals("lab")).orElse(false));
        devicesPanel.table().getTable().getColumn(3).setWidth(222);
        closeWindow(); // the panel saves its UI state, the browser its state; the device is cut off
        sshDevices.callHomes().forEach(sshDevices::remove);

        String saved = Files.readString(workspace.resolve(".homeport/browser.properties"));
        assertThat(saved).contains("listener.ssh.enabled=true", fp.replace(":", "\\:")).doesNotContain("s3cret");
        try (Stream<Path> files = Files.walk(workspace)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as("plain file " + f).doesNotContain("s3cret-listener");
            }
        }

        DeviceBrowser second = workspaceBrowser(workspace, credentials);
        openWindow(second);
        TableItem known = awaitValue("the known device, offline", () -> rowOf(fp)
                .filter(r -> r.getText(0).equals("known, offline")));
        assertThat(known.getText(6)).isEqualTo("lab");
        assertThat(browser.settings().sshEnabled()).isTrue();
        assertThat(browser.settings().password()).containsExactly("s3cret-listener".toCharArray());
        assertThat(devicesPanel.table().getTable().getColumn(3).getWidth()).isEqualTo(222);
        assertThat(browser.state().ui("selected")).contains(fp);
        screenshot("devices-5-after-restart");

        // the listener that was on starts again, and the pinned device is accepted without asking
        browser.startEnabledListeners();
        await("listening again", browser::isSshListening);
        sshDevices.callHome(router, browser.sshAddress().orElseThrow(), InetAddress.getLoopbackAddress(),
                CallHomePolicy.persistent());
        await("connected again without approval", () -> rowOf(fp).map(r -> r.getText(0).equals("connected"))
                .orElse(false));
    }

    private ConnectDialog openConnect(int port, String profile, boolean trustNew) {
        click(devicesPanel.connectButton());
        ConnectDialog d = devicesPanel.connectDialog();
        d.transportChoice().setText("SSH");
        d.hostField().setText("127.0.0.1");
        d.portField().setText(String.valueOf(port));
        d.profileChoice().setText(profile);
        d.trustNewKey().setSelection(trustNew);
        pump();
        return d;
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

    private Optional<TableItem> rowOf(String fingerprint) {
        return Arrays.stream(devicesPanel.table().getTable().getItems())
                .filter(r -> r.getText(2).endsWith(" " + fingerprint)).findFirst();
    }

    private Optional<TableItem> rowOfId(int port) {
        return Arrays.stream(devicesPanel.table().getTable().getItems())
                .filter(r -> r.getText(5).equals("SSH 127.0.0.1:" + port)).findFirst();
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
        throw new AssertionError("timed out waiting for " + what + "; devices: "
                + devicesPanel.statusLine().getText() + " | schema: " + schemaPanel.statusLine().getText());
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

    @SuppressWarnings("unused")
    private static TreeItem[] none() {
        return new TreeItem[0];
    }
}

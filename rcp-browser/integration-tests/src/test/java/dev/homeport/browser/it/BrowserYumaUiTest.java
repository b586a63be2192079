package dev.homeport.browser.it;

import static dev.homeport.browser.it.SwtDriver.item;
import static dev.homeport.browser.it.SwtDriver.names;
import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.browser.core.BrowserSettings;
import dev.homeport.browser.core.DeviceBrowser;
import dev.homeport.browser.ui.DataPanel;
import dev.homeport.browser.ui.DevicesPanel;
import dev.homeport.browser.ui.SchemaPanel;
import dev.homeport.netconf.callhome.CallHomeTrust;
import dev.homeport.netconf.ops.Datastore;
import dev.homeport.netconf.ops.EditConfig;
import dev.homeport.netconf.ops.NetconfClient;
import dev.homeport.netconf.schema.ModuleCache;
import dev.homeport.netconf.session.NetconfSession;
import dev.homeport.netconf.session.SessionOptions;
import dev.homeport.netconf.testing.YumaDevice;
import dev.homeport.netconf.transport.ssh.KnownHosts;
import dev.homeport.netconf.transport.ssh.SshAuth;
import dev.homeport.netconf.transport.ssh.SshConnector;
import dev.homeport.netconf.xml.XmlFragment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The core of the browser's flow against a real device: yuma123 netconfd behind OpenSSH, calling home (RFC 8071)
 * through the engine's {@link YumaDevice} (tools/yuma-device.sh, as the engine's yuma tests use it). The device
 * appears waiting for approval with the fingerprint ssh-keygen computes, is trusted, connects; the schema tree
 * shows its modules, the data tree its running datastore.
 */
class BrowserYumaUiTest {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Path OUTPUT = Path.of(System.getProperty("homeport.test.output"));
    private static final String IF = "urn:ietf:params:xml:ns:yang:ietf-interfaces";

    @TempDir
    Path tmp;

    private YumaDevice yuma;
    private Display display;
    private Shell shell;
    private DeviceBrowser browser;
    private DevicesPanel devicesPanel;
    private SchemaPanel schemaPanel;
    private DataPanel dataPanel;
    private SwtDriver ui;

    @BeforeEach
    void start() throws Exception {
        Files.createDirectories(OUTPUT);
        yuma = YumaDevice.start();
        display = new Display();
        shell = new Shell(display);
        shell.setText("Homeport browser: yuma123 calls home (UI test)");
        shell.setLayout(new FillLayout());
        browser = new DeviceBrowser(CallHomeTrust.inMemory(), new ModuleCache(tmp.resolve("modules")));
        browser.applySettings(new BrowserSettings("127.0.0.1", 0, YumaDevice.USER, YumaDevice.PASSWORD.toCharArray()));
        SashForm rows = new SashForm(shell, SWT.VERTICAL);
        devicesPanel = new DevicesPanel(rows, browser);
        SashForm columns = new SashForm(rows, SWT.HORIZONTAL);
        schemaPanel = new SchemaPanel(columns, browser);
        dataPanel = new DataPanel(columns, browser);
        rows.setWeights(35, 65);
        shell.setBounds(0, 0, 1380, 980);
        shell.open();
        ui = new SwtDriver(display, WAIT, OUTPUT, () -> "devices: " + devicesPanel.statusLine().getText()
                + " | schema: " + schemaPanel.statusLine().getText() + " | data: " + dataPanel.statusLine().getText()
                + "\n" + yuma.diagnostics());
    }

    @AfterEach
    void stop() {
        try {
            if (browser != null) {
                browser.close();
            }
            if (display != null) {
                display.dispose();
            }
        } finally {
            if (yuma != null) {
                yuma.close();
            }
        }
    }

    @Test
    void yumaCallsHomeIsTrustedAndItsSchemaAndRunningAreShown() throws Exception {
        seedRunning("eth-browser-ui");
        ui.click(devicesPanel.listenButton());
        ui.await("the listener starts", browser::isListening);
        int port = browser.sshAddress().orElseThrow().getPort();

        YumaDevice.CallHomeDevice called = yuma.callHome("127.0.0.1", port, 1, 1).get(0);
        TableItem row = ui.awaitValue("yuma waiting for approval", () -> rowOf(called.fingerprint())
                .filter(r -> r.getText(0).equals("waiting for approval")));
        assertThat(row.getText(1)).startsWith(called.sourceAddress() + ":");
        assertThat(row.getText(2)).isEqualTo("ssh-ed25519 " + called.fingerprint());
        ui.select(devicesPanel.table().getTable(), row);
        ui.screenshot(shell, "yuma-1-waiting-for-approval");

        ui.click(devicesPanel.trustButton());
        TableItem connected = ui.awaitValue("yuma connected", () -> rowOf(called.fingerprint())
                .filter(r -> r.getText(0).equals("connected")));
        ui.select(devicesPanel.table().getTable(), connected);

        // the schema tree: the modules netconfd serves (get-schema, one at a time for yuma)
        Tree schema = schemaPanel.tree().getTree();
        TreeItem interfaces = ui.awaitValue("ietf-interfaces in the schema tree", () -> Arrays
                .stream(schema.getItems()).filter(i -> i.getText(0).startsWith("ietf-interfaces@")).findFirst());
        assertThat(names(schema.getItems())).anyMatch(n -> n.startsWith("toaster@"));
        ui.expand(schema, interfaces);
        assertThat(names(interfaces.getItems())).contains("interfaces", "interfaces-state");
        TreeItem toaster = Arrays.stream(schema.getItems()).filter(i -> i.getText(0).startsWith("toaster@"))
                .findFirst().orElseThrow();
        ui.expand(schema, toaster);
        assertThat(names(toaster.getItems())).contains("make-toast", "cancel-toast", "toastDone");
        ui.screenshot(shell, "yuma-2-schema-tree");

        // the data tree: running, with the interface another session configured
        Tree data = dataPanel.tree().getTree();
        TreeItem ifs = ui.awaitValue("running's interfaces", () -> item(data.getItems(), "interfaces"));
        ui.expand(data, ifs);
        TreeItem list = ifs.getItems()[0];
        if (!list.getText(0).startsWith("interface [")) {
            ui.expand(data, list);
        }
        TreeItem entry = Arrays.stream(ifs.getItems()).flatMap(i -> i.getText(0).startsWith("interface [")
                        ? java.util.stream.Stream.of(i) : Arrays.stream(i.getItems()))
                .filter(i -> i.getText(0).contains("eth-browser-ui")).findFirst()
                .orElseThrow(() -> new AssertionError("no eth-browser-ui entry under " + names(ifs.getItems())));
        ui.expand(data, entry);
        assertThat(item(entry.getItems(), "name").orElseThrow().getText(1)).isEqualTo("eth-browser-ui");
        assertThat(item(entry.getItems(), "description").orElseThrow().getText(1)).isEqualTo("set up for the UI test");
        ui.screenshot(shell, "yuma-3-running-datastore");
    }

    /** Another, independent engine session configures an interface on the device, so running has content. */
    private void seedRunning(String name) throws Exception {
        try (SshConnector ssh = new SshConnector();
             NetconfClient client = new NetconfClient(NetconfSession.open(ssh.connect(yuma.host(), yuma.port(),
                     SshAuth.password(yuma.user(), yuma.password()), KnownHosts.inMemory(KnownHosts.Policy.ACCEPT_NEW)),
                     SessionOptions.defaults()))) {
            client.editConfig(EditConfig.to(Datastore.CANDIDATE).config(XmlFragment.raw(
                    "<interfaces xmlns=\"" + IF + "\"><interface><name>" + name + "</name>"
                            + "<description>set up for the UI test</description>"
                            + "<type xmlns:ianaift=\"urn:ietf:params:xml:ns:yang:iana-if-type\">ianaift:ethernetCsmacd"
                            + "</type></interface></interfaces>")));
            client.commit();
        }
    }

    private Optional<TableItem> rowOf(String fingerprint) {
        return Arrays.stream(devicesPanel.table().getTable().getItems())
                .filter(r -> r.getText(2).endsWith(" " + fingerprint)).findFirst();
    }
}

package dev.homeport.browser.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.browser.core.BrowserSettings;
import dev.homeport.browser.core.DeviceBrowser;
import dev.homeport.browser.ui.DataPanel;
import dev.homeport.netconf.callhome.CallHomeDevice;
import dev.homeport.netconf.callhome.CallHomeTrust;
import dev.homeport.netconf.schema.ModuleCache;
import dev.homeport.netconf.server.host.CallHomePolicy;
import dev.homeport.netconf.server.host.SshDeviceHost;
import dev.homeport.netconf.server.sim.Profile;
import dev.homeport.netconf.server.sim.SimulatedDevice;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data tree on a simulated device whose profile generates a list of 100,000 entries (the simulator's template,
 * as in its {@code large} profile, with small entries so that the read is quick): the list shows its 100,000
 * entries, but rows are made from data only for what is on screen (SWT.VIRTUAL with a lazy content provider).
 */
class LargeDataTreeUiTest {
    private static final Duration WAIT = Duration.ofSeconds(240);
    private static final Path OUTPUT = Path.of(System.getProperty("homeport.test.output"));

    @TempDir
    Path tmp;

    private Display display;
    private Shell shell;
    private DeviceBrowser browser;
    private SshDeviceHost host;
    private DataPanel data;

    @AfterEach
    void close() {
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
    void aListOf100000EntriesMakesRowsOnlyForWhatIsShown() throws Exception {
        Files.createDirectories(OUTPUT);
        display = new Display();
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        browser = new DeviceBrowser(CallHomeTrust.inMemory(), new ModuleCache(tmp.resolve("modules")));
        browser.applySettings(new BrowserSettings("127.0.0.1", 0, "admin", "admin".toCharArray()));
        data = new DataPanel(shell, browser);
        shell.setBounds(0, 0, 900, 700);
        shell.open();
        host = SshDeviceHost.start();
        SimulatedDevice large = SimulatedDevice.create("ports-1", Profile.load(portsProfile()));
        browser.startListening();
        host.callHome(large, browser.sshAddress().orElseThrow(), InetAddress.getLoopbackAddress(),
                CallHomePolicy.persistent());
        CallHomeDevice d = awaitValue("the device calls home", () -> browser.devices().stream().findFirst());
        browser.trust(d.fingerprint());
        await("connected", () -> browser.connection(d.fingerprint()).isPresent());
        long start = System.nanoTime();
        browser.select(d.fingerprint());
        Tree tree = data.tree().getTree();
        TreeItem lab = awaitValue("running is shown", () -> item(tree.getItems(), "lab"));
        long shownMs = (System.nanoTime() - start) / 1_000_000;
        expand(tree, lab);
        TreeItem list = item(lab.getItems(), "port").orElseThrow();
        assertThat(list.getText(1)).isEqualTo("100000 entries");
        expand(tree, list);
        assertThat(list.getItemCount()).isEqualTo(100_000);
        assertThat(list.getItem(0).getText(0)).startsWith("port [name=p");
        assertThat(data.materializedRows()).as("rows made from data").isLessThan(1_000);
        // the far end is made when asked for, and only it
        TreeItem last = list.getItem(99_999);
        tree.setTopItem(last);
        assertThat(last.getText(0)).startsWith("port [name=p");
        assertThat(data.materializedRows()).isLessThan(2_000);
        System.out.println("100,000 ports: select to first level shown " + shownMs + " ms, rows made "
                + data.materializedRows() + " of 100002");
        screenshot("data-10-large-list");
    }

    private Path portsProfile() throws Exception {
        Path dir = tmp.resolve("ports-profile");
        Files.createDirectories(dir.resolve("yang"));
        Files.writeString(dir.resolve("profile.properties"), "description=100,000 list entries\n"
                + "config.template=ports-template.xml\nconfig.template.count=100000\n");
        Files.writeString(dir.resolve("yang/lab@2026-11-22.yang"), """
                module lab {
                  namespace "urn:homeport:test:lab";
                  prefix lab;
                  revision 2026-11-22;
                  container lab {
                    list port {
                      key name;
                      leaf name { type string; }
                    }
                  }
                }
                """);
        Files.writeString(dir.resolve("ports-template.xml"), """
                <lab xmlns="urn:homeport:test:lab">
                  <repeat xmlns="urn:homeport:profile">
                    <port xmlns="urn:homeport:test:lab"><name>p{i}</name></port>
                  </repeat>
                </lab>
                """);
        return dir;
    }

    private void expand(Tree tree, TreeItem item) {
        Event e = new Event();
        e.item = item;
        tree.notifyListeners(SWT.Expand, e);
        item.setExpanded(true);
        pump();
    }

    private static Optional<TreeItem> item(TreeItem[] items, String name) {
        return Arrays.stream(items).filter(i -> name.equals(i.getText(0))).findFirst();
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
        throw new AssertionError("timed out waiting for " + what + "; data: " + data.statusLine().getText());
    }

    private void screenshot(String name) {
        pump();
        var r = shell.getBounds();
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

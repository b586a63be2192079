package dev.homeport.browser.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.homeport.browser.core.BrowserSettings;
import dev.homeport.browser.core.DeviceBrowser;
import dev.homeport.browser.core.MessageLog;
import dev.homeport.browser.ui.DataPanel;
import dev.homeport.browser.ui.DevicesPanel;
import dev.homeport.browser.ui.PendingChangesPanel;
import dev.homeport.netconf.callhome.CallHomeTrust;
import dev.homeport.netconf.schema.ModuleCache;
import dev.homeport.netconf.server.host.CallHomePolicy;
import dev.homeport.netconf.server.host.SshDeviceHost;
import dev.homeport.netconf.server.sim.Profile;
import dev.homeport.netconf.server.sim.SimulatedDevice;
import dev.homeport.netconf.session.MessageTrace;
import dev.homeport.netconf.transport.ssh.HostKeys;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The browser's performance figures (docs/benchmarks.md), a scripted run, not a test of the default run (its name
 * does not end in Test): {@code ./mvnw -B -o verify -pl rcp-browser/dev.homeport.browser,rcp-browser/integration-tests
 * -Dtest=BrowserPerformanceRun -Dsurefire.failIfNoSpecifiedTests=false}. Prints the figures and writes them to
 * {@code target/browser-it/performance.txt}.
 *
 * <ul>
 * <li>{@code large} profile (100,000 interfaces, each with an address) calling home: time from "open running" (the
 * datastore chosen in the Data view) to the first level shown in the tree, and from the reply's arrival to it; heap
 * after; the UI thread's responsiveness during the fetch (the largest lateness of a 10 ms timer on the UI thread).
 * <li>{@code home-router} on loopback: a leaf edited in the Data view's cell editor until the device's running
 * datastore holds the value (candidate + commit), and until the view says so.
 * </ul>
 */
class BrowserPerformanceRun {
    private static final Path OUTPUT = Path.of(System.getProperty("homeport.test.output"));
    private static final int READS = 5;
    private static final int EDITS = 20;

    @TempDir
    Path tmp;

    private final List<String> report = new ArrayList<>();

    @Test
    void figures() throws Exception {
        Files.createDirectories(OUTPUT);
        report.add("Homeport browser performance run, " + java.time.Instant.now() + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB, load average "
                + ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        largeRunning();
        editLatency();
        String text = String.join("\n", report) + "\n";
        System.out.println(text);
        Files.writeString(OUTPUT.resolve("performance.txt"), text);
    }

    private void largeRunning() throws Exception {
        try (Window w = new Window(tmp.resolve("modules-large"))) {
            SimulatedDevice device = SimulatedDevice.create("perf-large", Profile.named("large"));
            w.connect(device);
            // the first read (right after selection) includes the schema download; wait for it to settle
            Tree tree = w.data.tree().getTree();
            w.ui.await("the first read", () -> tree.getItemCount() > 0
                    && w.data.statusLine().getText().startsWith("running: "));
            String peer = w.browser.selected().orElseThrow().client().session().peer();
            AtomicLong replyAt = new AtomicLong();
            AtomicLong replyChars = new AtomicLong();
            Consumer<MessageLog.Entry> replies = m -> {
                if (m.peer().equals(peer) && m.direction() == MessageTrace.Direction.IN
                        && m.xml().contains("<rpc-reply")) {
                    replyAt.set(System.nanoTime());
                    replyChars.set(m.xml().length() + (long) m.droppedChars());
                }
            };
            w.browser.messages().addListener(replies);
            List<Double> total = new ArrayList<>();
            List<Double> afterReply = new ArrayList<>();
            List<Double> lateness = new ArrayList<>();
            long heapBefore = heapAfterGc();
            for (int i = 0; i < READS; i++) {
                replyAt.set(0);
                long[] maxLate = {0};
                long period = 10_000_000L;
                boolean[] running = {true};
                long[] last = {System.nanoTime()};
                Runnable[] tick = new Runnable[1];
                tick[0] = () -> {
                    long now = System.nanoTime();
                    maxLate[0] = Math.max(maxLate[0], now - last[0] - period);
                    last[0] = now;
                    if (running[0]) {
                        w.display.timerExec(10, tick[0]);
                    }
                };
                w.display.timerExec(10, tick[0]);
                long t0 = System.nanoTime();
                w.ui.choose(w.data.storeCombo(), "running"); // "open running": the view reads it
                w.ui.await("running shown", () -> replyAt.get() != 0 && tree.getItemCount() > 0
                        && w.data.statusLine().getText().startsWith("running: "));
                long t1 = System.nanoTime();
                running[0] = false;
                total.add((t1 - t0) / 1e6);
                afterReply.add((t1 - replyAt.get()) / 1e6);
                lateness.add(maxLate[0] / 1e6);
            }
            long heapAfter = heapAfterGc();
            assertThat(Arrays.stream(tree.getItems()).map(TreeItem::getText).toList()).contains("interfaces");
            report.add(String.format("large profile (%s): get-config reply %.1f MB of XML", device.profile()
                    .description(), replyChars.get() / 1e6));
            report.add("  open running -> first level shown, ms: " + stats(total));
            report.add("  reply arrived -> first level shown, ms: " + stats(afterReply));
            report.add("  UI thread: largest lateness of a 10 ms timer during each fetch, ms: " + stats(lateness));
            report.add(String.format("  heap after GC: %.0f MB with running shown (%.0f MB before the %d reads)",
                    heapAfter / 1e6, heapBefore / 1e6, READS));
        }
    }

    private void editLatency() throws Exception {
        try (Window w = new Window(tmp.resolve("modules-router"))) {
            SimulatedDevice router = SimulatedDevice.create("perf-router", Profile.named("home-router"));
            w.connect(router);
            Tree tree = w.data.tree().getTree();
            List<Double> toDevice = new ArrayList<>();
            List<Double> toView = new ArrayList<>();
            for (int i = 0; i < EDITS; i++) {
                TreeItem system = w.ui.awaitValue("running's system", () -> SwtDriver.item(tree.getItems(), "system")
                        .filter(s -> w.data.statusLine().getText().contains("running: ")));
                w.ui.expand(tree, system);
                TreeItem hostname = SwtDriver.item(system.getItems(), "hostname").orElseThrow();
                String value = "perf-" + i;
                tree.setSelection(hostname);
                w.data.tree().editElement(hostname.getData(), 1);
                w.ui.pump();
                Text editor = Arrays.stream(tree.getChildren()).filter(c -> c instanceof Text && c.isVisible())
                        .map(Text.class::cast).findFirst().orElseThrow();
                editor.setText(value);
                editor.notifyListeners(SWT.DefaultSelection, new Event()); // Enter: the edit is staged
                w.ui.await("the staged edit", () -> w.pending.diffTable().getItemCount() == 1
                        && w.pending.commitButton().isEnabled());
                long[] onDevice = {0};
                Thread watcher = Thread.ofPlatform().start(() -> {
                    while (!router.running().toString().contains(value)) {
                        Thread.onSpinWait();
                    }
                    onDevice[0] = System.nanoTime();
                });
                long t0 = System.nanoTime();
                w.ui.click(w.pending.commitButton());
                w.ui.await("the commit", () -> w.pending.statusLine().getText().equals("Committed 1 edit"));
                long t1 = System.nanoTime();
                watcher.join(10_000);
                toDevice.add((onDevice[0] - t0) / 1e6);
                toView.add((t1 - t0) / 1e6);
                w.ui.await("the read-back", () -> w.data.statusLine().getText().contains("running: "));
            }
            report.add("home-router on loopback, " + EDITS + " hostname edits in the Data view (edit-config to "
                    + "candidate + commit):");
            report.add("  Commit -> value in the device's running datastore, ms: " + stats(toDevice));
            report.add("  Commit -> 'Committed 1 edit' in the Pending changes view, ms: " + stats(toView));
        }
    }

    private static String stats(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2);
        return String.format("median %.1f, min %.1f, max %.1f (n=%d; all: %s)", median, sorted.get(0),
                sorted.get(sorted.size() - 1), sorted.size(),
                values.stream().map(v -> String.format("%.0f", v)).toList());
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        Runtime r = Runtime.getRuntime();
        return r.totalMemory() - r.freeMemory();
    }

    /** A Devices panel and a Data panel in a window, on a browser listening on loopback, with a device host. */
    private static final class Window implements AutoCloseable {
        final Display display = new Display();
        final Shell shell = new Shell(display);
        final DeviceBrowser browser;
        final DevicesPanel devices;
        final DataPanel data;
        final PendingChangesPanel pending;
        final SshDeviceHost host = SshDeviceHost.start();
        final SwtDriver ui;

        Window(Path modules) throws IOException {
            shell.setLayout(new FillLayout());
            browser = new DeviceBrowser(CallHomeTrust.inMemory(), new ModuleCache(modules));
            browser.applySettings(new BrowserSettings("127.0.0.1", 0, "admin", "admin".toCharArray()));
            SashForm rows = new SashForm(shell, SWT.VERTICAL);
            devices = new DevicesPanel(rows, browser);
            data = new DataPanel(rows, browser);
            pending = new PendingChangesPanel(rows, browser);
            shell.setBounds(0, 0, 1200, 900);
            shell.open();
            ui = new SwtDriver(display, Duration.ofMinutes(5), OUTPUT, () -> "devices: "
                    + devices.statusLine().getText() + " | data: " + data.statusLine().getText());
        }

        void connect(SimulatedDevice device) throws Exception {
            ui.click(devices.listenButton());
            ui.await("listening", browser::isListening);
            host.callHome(device, browser.sshAddress().orElseThrow(), InetAddress.getLoopbackAddress(),
                    CallHomePolicy.persistent());
            String fp = HostKeys.fingerprint(device.hostKey().getPublic());
            TableItem row = ui.awaitValue("pending", () -> Arrays.stream(devices.table().getTable().getItems())
                    .filter(r -> r.getText(2).endsWith(" " + fp)).findFirst());
            ui.select(devices.table().getTable(), row);
            ui.click(devices.trustButton());
            TableItem connected = ui.awaitValue("connected", () -> Arrays.stream(devices.table().getTable()
                    .getItems()).filter(r -> r.getText(2).endsWith(" " + fp) && r.getText(0).equals("connected"))
                    .findFirst());
            ui.select(devices.table().getTable(), connected);
            ui.awaitValue("selected", browser::selected);
        }

        @Override
        public void close() {
            host.close();
            browser.close();
            display.dispose();
        }
    }
}

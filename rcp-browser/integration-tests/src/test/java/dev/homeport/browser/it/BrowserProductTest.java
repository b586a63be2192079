package dev.homeport.browser.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product archive as a user gets it: unpacked into an empty folder, started through the Equinox launcher jar on
 * a private Xvfb display in demo mode (as {@code ./homeport demo}), until the Devices view is on screen and the
 * simulated device has called home and waits for approval.
 */
class BrowserProductTest {
    private static final Path ARCHIVE = Path.of(System.getProperty("homeport.browser.archive"));
    private static final Path OUTPUT = Path.of(System.getProperty("homeport.test.output"));

    @TempDir
    Path tmp;

    @Test
    void productArchiveStartsAndShowsTheDevicesView() throws Exception {
        assertThat(ARCHIVE).as("product archive (built by rcp-browser/product)").isRegularFile();
        Files.createDirectories(OUTPUT);
        Path home = tmp.resolve("homeport");
        Files.createDirectories(home);
        Process tar = new ProcessBuilder("tar", "-xzf", ARCHIVE.toString(), "-C", home.toString())
                .redirectErrorStream(true).start();
        assertThat(tar.waitFor()).as("tar: " + new String(tar.getInputStream().readAllBytes())).isZero();
        Platform browser = new Platform(home);

        try (Xvfb x = Xvfb.start(OUTPUT.resolve("xvfb.log"))) {
            // as ./homeport demo starts it, on any free call-home port
            ProcessBuilder pb = browser.launch(List.of("-consoleLog", "-data", tmp.resolve("workspace").toString(),
                    "-demo", "-port", "0"));
            pb.environment().put("HOMEPORT_MODULE_CACHE", tmp.resolve("modules").toString());
            pb.environment().put("DISPLAY", x.display());
            pb.environment().put("NO_AT_BRIDGE", "1"); // no accessibility bus under Xvfb
            pb.environment().remove("WAYLAND_DISPLAY");
            Process app = pb.start();
            Platform.Output out = new Platform.Output(app, OUTPUT.resolve("browser-product.log"));
            try {
                String ready = out.await(l -> l.startsWith("homeport-browser: Devices view visible"), app,
                        Duration.ofMinutes(3));
                assertThat(ready).as("the Devices view never showed; the browser said:\n" + out.text()).isNotNull();
                // the view created the engine's call-home listener: the engine bundle and its libraries load
                assertThat(ready).contains("engine dev.homeport.netconf.engine 0.1.0.", "7 columns");
                // the demo: the simulated device (in the same OSGi runtime) calls home and waits for approval
                String demo = out.await(l -> l.startsWith("homeport-browser: demo device home-router ("), app,
                        Duration.ofMinutes(1));
                assertThat(demo).as("the demo did not start; the browser said:\n" + out.text()).isNotNull();
                String fingerprint = demo.replaceAll(".*\\((SHA256:[^)]+)\\).*", "$1");
                String pending = out.await(l -> l.equals("homeport-browser: call home from 127.0.0.1: waiting for "
                        + "approval: " + fingerprint), app, Duration.ofMinutes(1));
                assertThat(pending).as("the demo device never called home; the browser said:\n" + out.text())
                        .isNotNull();

                Path shot = OUTPUT.resolve("devices-view.png");
                Process importShot = new ProcessBuilder("import", "-display", x.display(), "-window", "root",
                        shot.toString()).redirectErrorStream(true).start();
                assertThat(importShot.waitFor()).as(new String(importShot.getInputStream().readAllBytes())).isZero();
                assertThat(distinctColors(ImageIO.read(shot.toFile())))
                        .as("colours on the screen (a bare Xvfb screen has one)").isGreaterThan(8);
                assertThat(out.lines()).as("errors logged by the browser").noneMatch(l -> l.startsWith("!ENTRY")
                        && l.matches("!ENTRY \\S+ 4 .*"));
            } finally {
                Xvfb.stop(app);
                out.awaitEnd(Duration.ofSeconds(10));
            }
        }
    }

    private static int distinctColors(BufferedImage img) {
        Set<Integer> colors = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                colors.add(img.getRGB(x, y));
            }
        }
        return colors.size();
    }
}

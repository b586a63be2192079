package dev.homeport.browser.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The update site as a user meets it: the p2 director of a bare Eclipse platform (no Homeport bundle in it)
 * installs the browser feature, or the YANG editor feature, from updatesite/target/repository; the installed platform
 * then starts with every bundle resolved.
 */
class UpdateSiteInstallTest {
    private static final Path BARE_PLATFORM = Path.of(System.getProperty("homeport.testplatform"));
    private static final Path UPDATE_SITE = Path.of(System.getProperty("homeport.updatesite"));
    private static final Path OUTPUT = Path.of(System.getProperty("homeport.test.output"));
    private static final Pattern SS_LINE = Pattern.compile("^(\\d+)\\s+(\\w+)\\s+(\\S+)_(\\S+)$");

    @TempDir
    Path tmp;

    @Test
    void browserFeatureInstallsFromTheUpdateSiteAndEveryBundleResolves() throws Exception {
        Platform eclipse = install("dev.homeport.browser.feature.feature.group", "browser");
        List<String> installed = eclipse.bundlesInfo();
        assertThat(installed).anyMatch(l -> l.startsWith("dev.homeport.browser,"))
                .anyMatch(l -> l.startsWith("dev.homeport.netconf.engine,"))
                .anyMatch(l -> l.startsWith("dev.homeport.yangtools.parser.export,"))
                .anyMatch(l -> l.startsWith("org.opendaylight.yangtools.yang-parser-rfc7950,"))
                .anyMatch(l -> l.startsWith("org.apache.sshd.osgi,"));

        Map<String, String> states = bundleStates(eclipse, "browser");
        assertThat(states).containsKeys("dev.homeport.browser", "dev.homeport.netconf.engine",
                "org.opendaylight.yangtools.yang-parser-impl", "org.apache.sshd.osgi", "bcprov");
        assertAllResolved(states, "browser");
    }

    /** Issue 7: the YANG editor feature (the editor plug-in, the language core bundle and its libraries). */
    @Test
    void yangEditorFeatureInstallsFromTheUpdateSiteAndEveryBundleResolves() throws Exception {
        Platform eclipse = install("dev.homeport.yang.editor.feature.feature.group", "editor");
        List<String> installed = eclipse.bundlesInfo();
        assertThat(installed).anyMatch(l -> l.startsWith("dev.homeport.yang.editor,"))
                .anyMatch(l -> l.startsWith("dev.homeport.yang.core,"))
                .anyMatch(l -> l.startsWith("dev.homeport.yangtools.rfc7950.export,"))
                .anyMatch(l -> l.startsWith("dev.homeport.yangtools.xpath.export,"))
                .anyMatch(l -> l.startsWith("org.opendaylight.yangtools.yang-parser-rfc7950,"))
                .noneMatch(l -> l.startsWith("dev.homeport.browser,"));

        Map<String, String> states = bundleStates(eclipse, "editor");
        assertThat(states).containsKeys("dev.homeport.yang.editor", "dev.homeport.yang.core",
                "org.opendaylight.yangtools.yang-parser-rfc7950", "org.eclipse.ui.editors", "org.eclipse.ui.ide");
        assertAllResolved(states, "editor");
    }

    /** A copy of the bare platform with {@code iu} installed from the update site by the p2 director. */
    private Platform install(String iu, String name) throws Exception {
        assertThat(BARE_PLATFORM.resolve("plugins")).as("bare platform (built by rcp-browser/test-platform)")
                .isDirectory();
        assertThat(UPDATE_SITE.resolve("content.jar")).as("update site (built by updatesite/)").isRegularFile();
        Files.createDirectories(OUTPUT);
        Path home = tmp.resolve("eclipse-" + name);
        copyTree(BARE_PLATFORM, home);
        Platform eclipse = new Platform(home);
        assertThat(eclipse.bundlesInfo()).noneMatch(l -> l.startsWith("dev.homeport."));

        String profile = profileName(home);
        Process director = eclipse.launch(List.of("-nosplash", "-consoleLog",
                "-application", "org.eclipse.equinox.p2.director",
                "-repository", UPDATE_SITE.toUri().toString(),
                "-installIU", iu,
                "-destination", home.toString(), "-profile", profile)).start();
        Platform.Output directorOut = new Platform.Output(director, OUTPUT.resolve("p2-director-" + name + ".log"));
        boolean ended = director.waitFor(5, java.util.concurrent.TimeUnit.MINUTES);
        directorOut.awaitEnd(Duration.ofSeconds(10));
        assertThat(ended).as("director still running:\n" + directorOut.text()).isTrue();
        assertThat(director.exitValue()).as("director exit code; it said:\n" + directorOut.text()).isZero();
        assertThat(directorOut.text()).contains("Installing " + iu);
        return eclipse;
    }

    private void assertAllResolved(Map<String, String> states, String name) {
        Map<String, String> unresolved = new TreeMap<>();
        states.forEach((bsn, state) -> {
            if (state.equals("INSTALLED")) {
                unresolved.put(bsn, state);
            }
        });
        assertThat(unresolved).as("bundles that did not resolve (see " + OUTPUT.resolve("osgi-console-" + name + ".log") + ")")
                .isEmpty();
    }

    /** Starts the platform without its application and asks the OSGi console for every bundle's state. */
    private Map<String, String> bundleStates(Platform eclipse, String name) throws IOException, InterruptedException {
        // system properties: as program arguments they would reach the platform's application (the director)
        Process osgi = eclipse.launch(List.of("-Declipse.ignoreApp=true", "-Dosgi.noShutdown=true"),
                List.of("-nosplash", "-consoleLog", "-console")).start();
        Platform.Output out = new Platform.Output(osgi, OUTPUT.resolve("osgi-console-" + name + ".log"));
        Map<String, String> states = new TreeMap<>();
        try (OutputStream console = osgi.getOutputStream()) {
            // the framework is up when the console answers; ss lists every bundle, the marker ends the list
            console.write("ss\necho homeport-ss-done\n".getBytes(StandardCharsets.US_ASCII));
            console.flush();
            String done = out.await(l -> l.contains("homeport-ss-done") && !l.contains("echo"), osgi,
                    Duration.ofMinutes(2));
            assertThat(done).as("no answer from the OSGi console:\n" + out.text()).isNotNull();
            for (String line : out.lines()) {
                Matcher m = SS_LINE.matcher(line.replace("osgi> ", "").trim());
                if (m.matches()) {
                    states.put(m.group(3), m.group(2));
                }
            }
            console.write("shutdown\n".getBytes(StandardCharsets.US_ASCII));
            console.flush();
        } finally {
            Xvfb.stop(osgi);
            out.awaitEnd(Duration.ofSeconds(10));
        }
        return states;
    }

    private static String profileName(Path home) throws IOException {
        Path registry = home.resolve("p2/org.eclipse.equinox.p2.engine/profileRegistry");
        try (Stream<Path> profiles = Files.list(registry)) {
            List<String> names = profiles.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".profile")).map(n -> n.substring(0, n.length() - ".profile".length()))
                    .toList();
            assertThat(names).as("p2 profiles of the bare platform").hasSize(1);
            return names.get(0);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}

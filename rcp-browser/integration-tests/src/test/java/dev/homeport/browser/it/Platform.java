package dev.homeport.browser.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** An Eclipse installation on disk, started the way ./homeport browser does: java -jar the Equinox launcher. */
final class Platform {
    private final Path home;

    Platform(Path home) {
        this.home = home;
    }

    Path home() {
        return home;
    }

    static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    Path launcherJar() throws IOException {
        try (Stream<Path> plugins = Files.list(home.resolve("plugins"))) {
            List<Path> jars = plugins.filter(p -> p.getFileName().toString()
                    .matches("org\\.eclipse\\.equinox\\.launcher_[^/]*\\.jar")).toList();
            if (jars.size() != 1) {
                throw new IOException("expected one Equinox launcher jar in " + home.resolve("plugins") + ": " + jars);
            }
            return jars.get(0);
        }
    }

    ProcessBuilder launch(List<String> args) throws IOException {
        return launch(List.of(), args);
    }

    /** {@code vmArgs} go before {@code -jar} (system properties), {@code args} to the launcher. */
    ProcessBuilder launch(List<String> vmArgs, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "--enable-native-access=ALL-UNNAMED"));
        cmd.addAll(vmArgs);
        cmd.addAll(List.of("-jar", launcherJar().toString()));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true);
    }

    /** The lines of bundles.info: symbolic-name,version,location,start-level,auto-start. */
    List<String> bundlesInfo() throws IOException {
        return Files.readAllLines(home.resolve(
                "configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"));
    }

    /** Collects a process's output into memory and a log file, so a test can wait for a line. */
    static final class Output {
        private final List<String> lines = new ArrayList<>();
        private final Thread reader;

        Output(Process process, Path log) {
            reader = Thread.ofPlatform().daemon().start(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8)); var out = Files.newBufferedWriter(log)) {
                    for (String line; (line = in.readLine()) != null; ) {
                        synchronized (lines) {
                            lines.add(line);
                            lines.notifyAll();
                        }
                        out.write(line);
                        out.newLine();
                        out.flush();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        /** The first line matching, or null when the process ended or time ran out first. */
        String await(Predicate<String> match, Process process, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            int seen = 0;
            synchronized (lines) {
                while (true) {
                    for (; seen < lines.size(); seen++) {
                        if (match.test(lines.get(seen))) {
                            return lines.get(seen);
                        }
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
                        return null;
                    }
                    lines.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 200)));
                }
            }
        }

        void awaitEnd(Duration timeout) throws InterruptedException {
            reader.join(timeout);
        }

        List<String> lines() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }

        String text() {
            return String.join("\n", lines());
        }
    }
}

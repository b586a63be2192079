package dev.homeport.browser.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A private X server for one test: Xvfb on a free display number (never :0, never one with a lock file), stopped
 * by its own pid when closed.
 */
final class Xvfb implements AutoCloseable {
    private final Process process;
    private final int display;

    private Xvfb(Process process, int display) {
        this.process = process;
        this.display = display;
    }

    static Xvfb start(Path log) throws IOException, InterruptedException {
        int first = 100 + ThreadLocalRandom.current().nextInt(800);
        for (int n = first; n < first + 40; n++) {
            if (Files.exists(Path.of("/tmp/.X" + n + "-lock")) || Files.exists(socket(n))) {
                continue;
            }
            Process p = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (p.isAlive() && !Files.exists(socket(n)) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            if (p.isAlive() && Files.exists(socket(n))) {
                return new Xvfb(p, n);
            }
            stop(p); // display taken meanwhile, or Xvfb failed: try the next number
        }
        throw new IOException("Xvfb did not start on any display from :" + first + " (see " + log + ")");
    }

    private static Path socket(int n) {
        return Path.of("/tmp/.X11-unix/X" + n);
    }

    String display() {
        return ":" + display;
    }

    @Override
    public void close() throws InterruptedException {
        stop(process);
    }

    static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
